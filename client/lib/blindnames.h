#pragma once

// How blind rooms' members are named on this side: the alias in the UI language, or the real
// name of someone who revealed it to me; and the warning about file names that would give me away.

#include "protocol/types.h"

namespace confab::client::blind {

//! The member's alias in the UI language ("ko": the Korean form, when the server sent one).
QString aliasName(const protocol::MemberInfo &member, const QString &language);
//! How to call a member: their real name when they revealed it to me, else their name (the alias
//! in the UI language in blind rooms).
QString displayName(const protocol::MemberInfo &member, const QString &language);
//! `members` with each `name` replaced by displayName(): for the timeline, typing, receipts.
QList<protocol::MemberInfo> forDisplay(QList<protocol::MemberInfo> members, const QString &language);

/*!
 * Whether a file name would tell the others in a blind room who sent it: it contains the
 * username, the display name (spaces, `_`, `-` and `.` alike), or one word of the display name of
 * at least three letters (two for Hangul and other scripts without spaces between syllables) as
 * a word of its own. Case does not matter. A heuristic for a warning, not a guarantee.
 */
bool fileNameNamesUser(const QString &fileName, const QString &username, const QString &displayName);

} // namespace confab::client::blind

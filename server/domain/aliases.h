#pragma once

#include <QSet>
#include <QString>

namespace confab::server::aliases {

/*!
 * A member's alias id in a blind room: a keyed hash (HMAC-SHA256) of the user id under the room's
 * own secret, so the same person has unrelated ids in different rooms and a dump of one room's
 * aliases reveals nothing without the secret.
 */
QString aliasId(const QString &roomSecret, const QString &userId);
//! A fresh room secret (hex).
QString newRoomSecret();
/*!
 * A readable alias ("Quiet Otter"), derived from the alias id and unique among `taken`. Always
 * English: every member of a room must see the same name for the same person whatever their
 * language, so clients translate the two words for display if they wish (docs/protocol.md).
 */
QString aliasName(const QString &aliasId, const QSet<QString> &taken);

} // namespace confab::server::aliases

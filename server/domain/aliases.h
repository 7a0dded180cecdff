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
 * A readable alias ("Quiet Otter"), derived from the alias id and unique among `taken`. Stored in
 * English, the canonical form; aliasNameKo() gives the same alias in Korean.
 */
QString aliasName(const QString &aliasId, const QSet<QString> &taken);
/*!
 * The Korean form of an alias aliasName() chose ("Quiet Otter" → "조용한 수달"): the same adjective
 * and animal, by their index in the lists, so one alias has one Korean form and two aliases that
 * differ in English differ in Korean. Empty for a name that is not an alias.
 */
QString aliasNameKo(const QString &aliasName);

} // namespace confab::server::aliases

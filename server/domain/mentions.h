#pragma once

#include "domain/model.h"

#include <QHash>
#include <QJsonArray>

#include <variant>

namespace confab::server::mentions {

//! Why the mentions of a message were refused: the error reply's code and words.
struct Refusal {
    protocol::ErrorCode code = protocol::ErrorCode::Invalid;
    QString message;
};

//! What decides whether a sender may mention @room.
struct RoomRule {
    Role senderRole = Role::Member;
    qint64 memberCount = 0;
    qint64 minMembers = 0; //!< above this many members, @room is for owners and admins only
};

/*!
 * Checks the mentions a sender gave with `body` and turns them into stored records: each range lies
 * inside the body and does not overlap another, each `member_id` is one of `userIdByMemberId`'s
 * keys (the active members as the sender sees them, so alias ids in blind rooms: a real user id
 * there is refused like a stranger's), and @room keeps to `room`.
 */
std::variant<QList<MentionRecord>, Refusal> resolve(const QString &body, const QList<protocol::Mention> &given,
                                                    const QHash<QString, QString> &userIdByMemberId,
                                                    const RoomRule &room);

//! Stored form (the messages row, the edit event's payload): real user ids, "" for @room.
QJsonArray toJson(const QList<MentionRecord> &records);
QList<MentionRecord> fromJson(const QJsonArray &array);
QString toText(const QList<MentionRecord> &records); //!< compact JSON; empty when none
QList<MentionRecord> fromText(const QString &text);

//! Whether a message by `senderId` with these mentions is about `userId` (named, or @room).
bool concerns(const QList<MentionRecord> &records, const QString &userId, const QString &senderId);

} // namespace confab::server::mentions

#pragma once

// The server's own view of its data, as the stores read and write it. These carry real user ids;
// services decide what of it each receiver may see (domain/presenter.h).

#include "protocol/types.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace confab::server {

using protocol::ConversationKind;
using protocol::EventKind;
using protocol::Role;

struct User {
    QString id;
    QString username;
    QString displayName;
    QString passwordHash;
    bool disabled = false;
    qint64 createdAt = 0;
    bool receiptsPrivate = false;
    QString status{}; //!< the profile's status text, empty when none
    QString avatar{}; //!< the avatar's hash, empty when none
};

struct SessionRecord {
    QString id;
    QString userId;
    QString tokenHash;
    QString device;
    qint64 createdAt = 0;
    qint64 lastUsedAt = 0;
    qint64 expiresAt = 0;
};

struct Conversation {
    QString id;
    ConversationKind kind = ConversationKind::Group;
    QString title;
    QString createdBy;
    qint64 createdAt = 0;
    qint64 lastSeq = 0;
    bool archived = false;
    QString directKey;   //!< "userA:userB" (sorted) for direct conversations: one per pair
    QString aliasSecret; //!< blind rooms: the key of the alias ids
    QString description; //!< groups: what the conversation is about; empty when none
};

struct Member {
    QString conversationId;
    QString userId;
    Role role = Role::Member;
    qint64 joinedAt = 0;
    qint64 joinedSeq = 0;
    qint64 deliveredSeq = 0;
    qint64 readSeq = 0;       //!< the member's own read marker: their unread counts
    qint64 publicReadSeq = 0; //!< what others see of it; stands still while receipts are private
    protocol::NotifyLevel notify = protocol::NotifyLevel::All; //!< when the conversation notifies this member
    QString alias;   //!< blind rooms only
    QString aliasId; //!< blind rooms only
    QString group;   //!< blind rooms only: "A", "B" or empty
    bool active = true;
    // Joined from users, for presentation:
    QString username;
    QString displayName;
    bool bot = false; //!< joined from users
    QString status{}; //!< joined from users; never shown in blind rooms
    QString avatar{}; //!< joined from users: the avatar's hash; never shown in blind rooms
    bool markedUnread = false; //!< the member marked the conversation unread (conversation.mark)
    bool deleted = false;      //!< joined from users: the account was deleted ("Deleted user")
};

/*!
 * A stored mention: whom (a real user id; empty for @room) and where in the body (UTF-16 units).
 * Receivers get member ids instead (alias ids in blind rooms): domain/presenter.h.
 */
struct MentionRecord {
    QString userId;
    qint64 start = 0;
    qint64 length = 0;
    bool room() const { return userId.isEmpty(); }
    bool operator==(const MentionRecord &) const = default;
};

struct Message {
    QString id;
    QString conversationId;
    qint64 seq = 0;
    QString senderId; //!< the real user id
    QString clientId;
    QString body;
    qint64 createdAt = 0;
    std::optional<qint64> editedAt;
    bool deleted = false;
    std::optional<QString> replyTo;
    QList<QString> attachments; //!< attachment ids in the order sent; kept in the message event's payload
    std::optional<QString> threadId; //!< replies: their thread's root
    QString streamState;             //!< streamed messages: "streaming", "complete" or "interrupted"; else empty
    std::optional<qint64> streamTokens;
    std::optional<qint64> streamLatencyMs;
    QList<MentionRecord> mentions; //!< in the order given, validated by domain/mentions.h
    bool forwarded = false;        //!< a copy forwarded from another conversation (never says from where)
};

//! One row of the log. `payload` holds the kind's own fields (see EventStore).
struct StoredEvent {
    QString conversationId;
    qint64 seq = 0;
    EventKind kind = EventKind::Message;
    qint64 at = 0;
    QString actorId; //!< the real user id, empty for the server itself
    QString messageId;
    QJsonObject payload;
    std::optional<Message> message; //!< joined in for kind Message
};

} // namespace confab::server

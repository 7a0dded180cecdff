#pragma once

#include "domain/model.h"

#include <QList>

namespace confab::server {

class Database;

/*!
 * Who each message mentions, one row per mentioned user ("*" for @room), beside the message's own
 * `mentions` column: the column gives a message back as it was sent, these rows answer "what
 * mentions me" (unread counts, mentions.list) without reading every message.
 */
class MentionStore {
public:
    explicit MentionStore(Database &db) : m_db(db) {}

    //! Indexes a new message's mentions (nothing when it has none).
    void add(const Message &message);
    //! An edit: the message's mentions are now `message.mentions`.
    void replace(const Message &message);
    //! A deleted message mentions nobody any more.
    void erase(const QString &messageId);
    //! Messages by others after `readSeq` that mention `userId` or @room.
    qint64 unreadCount(const QString &conversationId, const QString &userId, qint64 readSeq);

    //! Where a page of mentions.list ended: the last message's time, seq and id (in that order the
    //! list is sorted, so that messages of one millisecond keep their order in their conversation).
    struct Before {
        qint64 createdAt = 0;
        qint64 seq = 0;
        QString messageId;
    };
    //! Messages by others that mention `userId` or @room, in conversations they are an active member
    //! of, newest first, older than `before` when given.
    QList<Message> ofUser(const QString &userId, const std::optional<Before> &before, int limit);

private:
    Database &m_db;
};

} // namespace confab::server

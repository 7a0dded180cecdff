#pragma once

#include "domain/model.h"

#include <QList>

namespace confab::server {

class Database;

//! The per-conversation event log and the messages projection it feeds.
class EventStore {
public:
    explicit EventStore(Database &db) : m_db(db) {}

    void append(const StoredEvent &event);
    void insertMessage(const Message &message);
    //! Records (add) or forgets (!add) one user's reaction; false when that changed nothing.
    bool setReaction(const QString &messageId, const QString &userId, const QString &emoji, bool add, qint64 now);
    std::optional<Message> messageById(const QString &id);
    std::optional<Message> messageByClientId(const QString &conversationId, const QString &senderId,
                                             const QString &clientId);
    std::optional<Message> lastMessage(const QString &conversationId);

    //! Events with seq in (after, before), the newest `limit` of them when only `before` is given,
    //! the oldest when `after` is given; always returned in ascending order.
    QList<StoredEvent> page(const QString &conversationId, std::optional<qint64> before, std::optional<qint64> after,
                            int limit);
    qint64 countAfter(const QString &conversationId, qint64 seq);

private:
    Database &m_db;
};

} // namespace confab::server

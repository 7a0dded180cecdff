#pragma once

#include "domain/model.h"

#include <QHash>
#include <QList>

class QSqlQuery;

namespace confab::server {

class Database;

//! The per-conversation event log and the messages projection it feeds.
class EventStore {
public:
    explicit EventStore(Database &db) : m_db(db) {}

    //! The columns of a message row (table alias `m`) and their reader, for stores that join messages.
    static const QString &messageColumns();
    static Message readMessage(const QSqlQuery &q, int at = 0);

    void append(const StoredEvent &event);
    //! Throws a Conflict StoreError when the sender already sent a message with this client id.
    void insertMessage(const Message &message);
    //! False, and nothing written, when the sender already sent a message with this client id:
    //! the idempotency check costs no statement of its own, and leaves the transaction usable.
    bool insertMessageIfNew(const Message &message);
    //! Records (add) or forgets (!add) one user's reaction; false when that changed nothing.
    bool setReaction(const QString &messageId, const QString &userId, const QString &emoji, bool add, qint64 now);
    //! The author's new text and its mentions (the edit's event carries them too).
    void editMessage(const QString &messageId, const QString &body, qint64 editedAt,
                     const QList<MentionRecord> &mentions = {});
    //! A deleted message's text leaves storage: the message row keeps only that it was deleted, and
    //! the edit events of it lose the text they carried.
    void eraseMessage(const QString &conversationId, const QString &messageId);
    std::optional<Message> messageById(const QString &id);
    std::optional<Message> messageByClientId(const QString &conversationId, const QString &senderId,
                                             const QString &clientId);
    std::optional<Message> lastMessage(const QString &conversationId);

    //! Events with seq in (after, before), the newest `limit` of them when only `before` is given,
    //! the oldest when `after` is given; always returned in ascending order.
    QList<StoredEvent> page(const QString &conversationId, std::optional<qint64> before, std::optional<qint64> after,
                            int limit);
    qint64 countAfter(const QString &conversationId, qint64 seq);

    struct Reaction {
        QString emoji;
        QString userId;
    };
    //! The reactions on each of the messages, oldest first: one query for a whole page.
    QHash<QString, QList<Reaction>> reactionsOf(const QList<QString> &messageIds);
    struct ThreadStats {
        qint64 replies = 0;
        qint64 lastReplyAt = 0;
    };
    //! Reply counts of the thread roots among `rootIds` (absent: no replies), one query for a page.
    QHash<QString, ThreadStats> threadStatsOf(const QList<QString> &rootIds);
    QList<Message> threadReplies(const QString &conversationId, const QString &rootId, qint64 after, int limit);

    //! Streamed messages: false when the message is not (or no longer) streaming.
    bool appendStreamText(const QString &messageId, const QString &text, qint64 now);
    bool finishStream(const QString &messageId, const QString &state, std::optional<qint64> tokens,
                      std::optional<qint64> latencyMs);
    //! Streaming messages without an append since `touchedBefore`.
    QList<Message> staleStreams(qint64 touchedBefore, int limit);

    //! Demo data only (`confab-server demo backdate`): every conversation and event moves to
    //! `startMs`, then every message (with its events) to `firstMessageMs`, `stepMs` apart in the
    //! order they were sent. Rewrites history: never on real conversations.
    void backdateAll(qint64 startMs, qint64 firstMessageMs, qint64 stepMs);

private:
    Database &m_db;
};

} // namespace confab::server

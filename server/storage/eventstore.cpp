#include "eventstore.h"

#include "domain/mentions.h"
#include "storage/database.h"

#include <QJsonDocument>

#include <algorithm>

namespace confab::server {

namespace {
const QString kMessageColumns =
    QStringLiteral("m.id, m.conversation_id, m.seq, m.sender_id, m.client_id, m.body, m.created_at, m.edited_at, "
                   "m.deleted, m.reply_to, m.thread_id, m.stream_state, m.stream_tokens, m.stream_latency_ms, m.mentions, m.forwarded");
} // namespace

const QString &EventStore::messageColumns()
{
    return kMessageColumns;
}

Message EventStore::readMessage(const QSqlQuery &q, int at)
{
    Message m;
    m.id = q.value(at).toString();
    m.conversationId = q.value(at + 1).toString();
    m.seq = q.value(at + 2).toLongLong();
    m.senderId = q.value(at + 3).toString();
    m.clientId = q.value(at + 4).toString();
    m.body = q.value(at + 5).toString();
    m.createdAt = q.value(at + 6).toLongLong();
    if (!q.value(at + 7).isNull())
        m.editedAt = q.value(at + 7).toLongLong();
    m.deleted = q.value(at + 8).toInt() != 0;
    if (!q.value(at + 9).isNull())
        m.replyTo = q.value(at + 9).toString();
    if (!q.value(at + 10).isNull())
        m.threadId = q.value(at + 10).toString();
    m.streamState = q.value(at + 11).toString();
    if (!q.value(at + 12).isNull())
        m.streamTokens = q.value(at + 12).toLongLong();
    if (!q.value(at + 13).isNull())
        m.streamLatencyMs = q.value(at + 13).toLongLong();
    m.mentions = mentions::fromText(q.value(at + 14).toString());
    m.forwarded = q.value(at + 15).toInt() != 0;
    return m;
}

namespace {
Message readMessage(const QSqlQuery &q, int at = 0)
{
    return EventStore::readMessage(q, at);
}

std::optional<Message> readOneMessage(QSqlQuery &q)
{
    std::optional<Message> m;
    if (q.next())
        m = readMessage(q);
    q.finish();
    return m;
}

QVariant nullable(const std::optional<QString> &s)
{
    return s ? QVariant(*s) : QVariant(QMetaType::fromType<QString>());
}

QString placeholders(qsizetype count)
{
    QString s = QStringLiteral("?");
    for (qsizetype i = 1; i < count; ++i)
        s += QStringLiteral(", ?");
    return s;
}
} // namespace

void EventStore::append(const StoredEvent &e)
{
    m_db.exec(QStringLiteral("INSERT INTO events (conversation_id, seq, kind, at, actor_id, message_id, payload) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?)"),
              {e.conversationId, e.seq, protocol::enumName(e.kind), e.at,
               nullable(e.actorId.isEmpty() ? std::nullopt : std::optional(e.actorId)),
               nullable(e.messageId.isEmpty() ? std::nullopt : std::optional(e.messageId)),
               QString::fromUtf8(QJsonDocument(e.payload).toJson(QJsonDocument::Compact))})
        .finish();
}

void EventStore::insertMessage(const Message &m)
{
    if (!insertMessageIfNew(m))
        throw StoreError(StoreError::Kind::Conflict, QStringLiteral("a message with this client id exists"));
}

bool EventStore::insertMessageIfNew(const Message &m)
{
    QSqlQuery &q = m_db.exec(
        QStringLiteral("INSERT INTO messages (id, conversation_id, seq, sender_id, client_id, body, created_at, "
                       "edited_at, deleted, reply_to, thread_id, stream_state, stream_touched_at, mentions, forwarded) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                       "ON CONFLICT (conversation_id, sender_id, client_id) DO NOTHING"),
        {m.id, m.conversationId, m.seq, m.senderId, m.clientId, m.body, m.createdAt,
         m.editedAt ? QVariant(*m.editedAt) : QVariant(QMetaType::fromType<qlonglong>()), int(m.deleted),
         nullable(m.replyTo), nullable(m.threadId),
         nullable(m.streamState.isEmpty() ? std::nullopt : std::optional(m.streamState)),
         m.streamState.isEmpty() ? QVariant(QMetaType::fromType<qlonglong>()) : QVariant(m.createdAt),
         nullable(m.mentions.isEmpty() ? std::nullopt : std::optional(mentions::toText(m.mentions))),
         int(m.forwarded)});
    const bool inserted = q.numRowsAffected() > 0;
    q.finish();
    return inserted;
}

bool EventStore::setReaction(const QString &messageId, const QString &userId, const QString &emoji, bool add,
                             qint64 now)
{
    QSqlQuery &q = add ? m_db.exec(QStringLiteral("INSERT INTO reactions (message_id, user_id, emoji, created_at) "
                                                  "VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING"),
                                   {messageId, userId, emoji, now})
                       : m_db.exec(QStringLiteral("DELETE FROM reactions WHERE message_id = ? AND user_id = ? AND emoji = ?"),
                                   {messageId, userId, emoji});
    const bool changed = q.numRowsAffected() > 0;
    q.finish();
    return changed;
}

std::optional<Message> EventStore::messageById(const QString &id)
{
    return readOneMessage(
        m_db.exec(QStringLiteral("SELECT ") + kMessageColumns + QStringLiteral(" FROM messages m WHERE m.id = ?"), {id}));
}

std::optional<Message> EventStore::messageByClientId(const QString &conversationId, const QString &senderId,
                                                     const QString &clientId)
{
    return readOneMessage(m_db.exec(QStringLiteral("SELECT ") + kMessageColumns +
                                        QStringLiteral(" FROM messages m WHERE m.conversation_id = ? AND "
                                                       "m.sender_id = ? AND m.client_id = ?"),
                                    {conversationId, senderId, clientId}));
}

std::optional<Message> EventStore::lastMessage(const QString &conversationId)
{
    // Deleted ones too (as a tombstone): the list's last line then says what the members saw
    // happen last, the same as a client that applied the delete event itself.
    return readOneMessage(m_db.exec(QStringLiteral("SELECT ") + kMessageColumns +
                                        QStringLiteral(" FROM messages m WHERE m.conversation_id = ? "
                                                       "ORDER BY m.seq DESC LIMIT 1"),
                                    {conversationId}));
}

QList<StoredEvent> EventStore::page(const QString &conversationId, std::optional<qint64> before,
                                    std::optional<qint64> after, int limit)
{
    const bool ascending = after.has_value();
    const QString sql = QStringLiteral("SELECT e.conversation_id, e.seq, e.kind, e.at, e.actor_id, e.message_id, "
                                       "e.payload, ") +
                        kMessageColumns +
                        // A message event and a stream's end both show the message as it is now.
                        QStringLiteral(" FROM events e LEFT JOIN messages m ON m.id = e.message_id "
                                       "AND e.kind IN ('message', 'stream_ended', 'pinned') WHERE e.conversation_id = ? AND e.seq > ? AND e.seq < ? "
                                       "ORDER BY e.seq ") +
                        (ascending ? QStringLiteral("ASC") : QStringLiteral("DESC")) + QStringLiteral(" LIMIT ?");
    QSqlQuery &q = m_db.exec(sql, {conversationId, after.value_or(0), before.value_or(protocol::field::kMaxSafeInteger), limit});
    QList<StoredEvent> events;
    while (q.next()) {
        StoredEvent e;
        e.conversationId = q.value(0).toString();
        e.seq = q.value(1).toLongLong();
        e.kind = protocol::enumFromName<EventKind>(q.value(2).toString()).value_or(EventKind::Message);
        e.at = q.value(3).toLongLong();
        e.actorId = q.value(4).toString();
        e.messageId = q.value(5).toString();
        e.payload = QJsonDocument::fromJson(q.value(6).toString().toUtf8()).object();
        if ((e.kind == EventKind::Message || e.kind == EventKind::StreamEnded || e.kind == EventKind::Pinned) &&
            !q.value(7).isNull())
            e.message = readMessage(q, 7);
        events.append(std::move(e));
    }
    q.finish();
    if (!ascending)
        std::reverse(events.begin(), events.end());
    return events;
}

QHash<QString, QList<EventStore::Reaction>> EventStore::reactionsOf(const QList<QString> &messageIds)
{
    QHash<QString, QList<Reaction>> result;
    if (messageIds.isEmpty())
        return result;
    QVariantList params;
    for (const QString &id : messageIds)
        params.append(id);
    QSqlQuery &q = m_db.exec(QStringLiteral("SELECT message_id, emoji, user_id FROM reactions WHERE message_id IN (") +
                                 placeholders(messageIds.size()) + QStringLiteral(") ORDER BY created_at, user_id"),
                             params);
    while (q.next())
        result[q.value(0).toString()].append({q.value(1).toString(), q.value(2).toString()});
    q.finish();
    return result;
}

QHash<QString, EventStore::ThreadStats> EventStore::threadStatsOf(const QList<QString> &rootIds)
{
    QHash<QString, ThreadStats> result;
    if (rootIds.isEmpty())
        return result;
    QVariantList params;
    for (const QString &id : rootIds)
        params.append(id);
    QSqlQuery &q = m_db.exec(QStringLiteral("SELECT thread_id, COUNT(*), MAX(created_at) FROM messages WHERE thread_id IN (") +
                                 placeholders(rootIds.size()) + QStringLiteral(") GROUP BY thread_id"),
                             params);
    while (q.next())
        result.insert(q.value(0).toString(), {q.value(1).toLongLong(), q.value(2).toLongLong()});
    q.finish();
    return result;
}

QList<Message> EventStore::threadReplies(const QString &conversationId, const QString &rootId, qint64 after, int limit)
{
    QSqlQuery &q = m_db.exec(QStringLiteral("SELECT ") + kMessageColumns +
                                 QStringLiteral(" FROM messages m WHERE m.conversation_id = ? AND m.thread_id = ? "
                                                "AND m.seq > ? ORDER BY m.seq ASC LIMIT ?"),
                             {conversationId, rootId, after, limit});
    QList<Message> messages;
    while (q.next())
        messages.append(readMessage(q));
    q.finish();
    return messages;
}

bool EventStore::appendStreamText(const QString &messageId, const QString &text, qint64 now)
{
    QSqlQuery &q = m_db.exec(QStringLiteral("UPDATE messages SET body = body || ?, stream_touched_at = ? "
                                            "WHERE id = ? AND stream_state = 'streaming' AND deleted = 0"),
                             {text, now, messageId});
    const bool changed = q.numRowsAffected() > 0;
    q.finish();
    return changed;
}

void EventStore::editMessage(const QString &messageId, const QString &body, qint64 editedAt,
                             const QList<MentionRecord> &mentions)
{
    m_db.exec(QStringLiteral("UPDATE messages SET body = ?, edited_at = ?, mentions = ? WHERE id = ?"),
              {body, editedAt, nullable(mentions.isEmpty() ? std::nullopt : std::optional(mentions::toText(mentions))),
               messageId})
        .finish();
}

void EventStore::eraseMessage(const QString &conversationId, const QString &messageId)
{
    m_db.exec(QStringLiteral("UPDATE messages SET body = '', deleted = 1, mentions = NULL WHERE id = ?"), {messageId}).finish();
    m_db.exec(QStringLiteral("UPDATE events SET payload = '{}' WHERE conversation_id = ? AND message_id = ? "
                             "AND kind = 'edit'"),
              {conversationId, messageId})
        .finish();
    // Deleting a pinned message unpins it; the `delete` event says so (docs/protocol.md, Pins).
    m_db.exec(QStringLiteral("DELETE FROM pins WHERE conversation_id = ? AND message_id = ?"), {conversationId, messageId})
        .finish();
}

bool EventStore::finishStream(const QString &messageId, const QString &state, std::optional<qint64> tokens,
                              std::optional<qint64> latencyMs)
{
    const auto number = [](std::optional<qint64> v) {
        return v ? QVariant(*v) : QVariant(QMetaType::fromType<qlonglong>());
    };
    QSqlQuery &q = m_db.exec(QStringLiteral("UPDATE messages SET stream_state = ?, stream_tokens = ?, "
                                            "stream_latency_ms = ? WHERE id = ? AND stream_state = 'streaming'"),
                             {state, number(tokens), number(latencyMs), messageId});
    const bool changed = q.numRowsAffected() > 0;
    q.finish();
    return changed;
}

QList<Message> EventStore::staleStreams(qint64 touchedBefore, int limit)
{
    QSqlQuery &q = m_db.exec(QStringLiteral("SELECT ") + kMessageColumns +
                                 QStringLiteral(" FROM messages m WHERE m.stream_state = 'streaming' AND "
                                                "m.stream_touched_at < ? ORDER BY m.stream_touched_at LIMIT ?"),
                             {touchedBefore, limit});
    QList<Message> messages;
    while (q.next())
        messages.append(readMessage(q));
    q.finish();
    return messages;
}

qint64 EventStore::countAfter(const QString &conversationId, qint64 seq)
{
    QSqlQuery &q = m_db.exec(QStringLiteral("SELECT COUNT(*) FROM events WHERE conversation_id = ? AND seq > ?"),
                             {conversationId, seq});
    const qint64 count = q.next() ? q.value(0).toLongLong() : 0;
    q.finish();
    return count;
}

void EventStore::backdateAll(qint64 startMs, qint64 firstMessageMs, qint64 stepMs)
{
    m_db.exec(QStringLiteral("UPDATE conversations SET created_at = ?"), {startMs}).finish();
    m_db.exec(QStringLiteral("UPDATE events SET at = ?"), {startMs}).finish();
    QSqlQuery &q = m_db.exec(QStringLiteral("SELECT id FROM messages ORDER BY created_at, seq"));
    QList<QString> ids;
    while (q.next())
        ids.append(q.value(0).toString());
    q.finish();
    qint64 at = firstMessageMs;
    for (const QString &id : std::as_const(ids)) {
        m_db.exec(QStringLiteral("UPDATE messages SET created_at = ? WHERE id = ?"), {at, id}).finish();
        m_db.exec(QStringLiteral("UPDATE events SET at = ? WHERE message_id = ?"), {at, id}).finish();
        at += stepMs;
    }
}

} // namespace confab::server

#include "mentionstore.h"

#include "storage/database.h"
#include "storage/eventstore.h"

#include <QSet>

namespace confab::server {

namespace {
const QString kRoom = QStringLiteral("*");
} // namespace

void MentionStore::add(const Message &m)
{
    QSet<QString> seen; // a user mentioned twice in one message is one row
    for (const MentionRecord &r : m.mentions) {
        const QString who = r.room() ? kRoom : r.userId;
        if (seen.contains(who))
            continue;
        seen.insert(who);
        m_db.exec(QStringLiteral("INSERT INTO mentions (message_id, conversation_id, seq, user_id, sender_id) "
                                 "VALUES (?, ?, ?, ?, ?)"),
                  {m.id, m.conversationId, m.seq, who, m.senderId})
            .finish();
    }
}

void MentionStore::replace(const Message &m)
{
    erase(m.id);
    add(m);
}

void MentionStore::erase(const QString &messageId)
{
    m_db.exec(QStringLiteral("DELETE FROM mentions WHERE message_id = ?"), {messageId}).finish();
}

qint64 MentionStore::unreadCount(const QString &conversationId, const QString &userId, qint64 readSeq)
{
    QSqlQuery &q = m_db.exec(QStringLiteral("SELECT COUNT(DISTINCT message_id) FROM mentions WHERE conversation_id = ? "
                                            "AND seq > ? AND user_id IN (?, ?) AND sender_id <> ?"),
                             {conversationId, readSeq, userId, kRoom, userId});
    const qint64 count = q.next() ? q.value(0).toLongLong() : 0;
    q.finish();
    return count;
}

QList<Message> MentionStore::ofUser(const QString &userId, const std::optional<Before> &before, int limit)
{
    QString sql = QStringLiteral("SELECT ") + EventStore::messageColumns() +
                  QStringLiteral(" FROM messages m JOIN members mb ON mb.conversation_id = m.conversation_id "
                                 "AND mb.user_id = ? AND mb.active = 1 "
                                 "WHERE m.id IN (SELECT n.message_id FROM mentions n WHERE n.user_id IN (?, ?) "
                                 "AND n.sender_id <> ?) AND m.deleted = 0");
    QVariantList params{userId, userId, kRoom, userId};
    if (before) {
        sql += QStringLiteral(" AND (m.created_at < ? OR (m.created_at = ? AND (m.seq < ? OR (m.seq = ? AND m.id < ?))))");
        params << before->createdAt << before->createdAt << before->seq << before->seq << before->messageId;
    }
    sql += QStringLiteral(" ORDER BY m.created_at DESC, m.seq DESC, m.id DESC LIMIT ?");
    params << limit;
    QSqlQuery &q = m_db.exec(sql, params);
    QList<Message> messages;
    while (q.next())
        messages.append(EventStore::readMessage(q));
    q.finish();
    return messages;
}

} // namespace confab::server

#include "pinstore.h"

#include "storage/database.h"
#include "storage/eventstore.h"

namespace confab::server {

bool PinStore::add(const QString &conversationId, const QString &messageId, const QString &userId, qint64 at, qint64 seq)
{
    QSqlQuery &q = m_db.exec(QStringLiteral("INSERT INTO pins (conversation_id, message_id, pinned_by, pinned_at, seq) "
                                            "VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING message_id"),
                             {conversationId, messageId, userId, at, seq});
    const bool added = q.next();
    q.finish();
    return added;
}

bool PinStore::remove(const QString &conversationId, const QString &messageId)
{
    QSqlQuery &q = m_db.exec(QStringLiteral("DELETE FROM pins WHERE conversation_id = ? AND message_id = ? "
                                            "RETURNING message_id"),
                             {conversationId, messageId});
    const bool removed = q.next();
    q.finish();
    return removed;
}

int PinStore::count(const QString &conversationId)
{
    // Deleted messages do not count: a delete that raced with a pin may have left its row behind.
    QSqlQuery &q = m_db.exec(QStringLiteral("SELECT COUNT(*) FROM pins p JOIN messages m ON m.id = p.message_id "
                                            "WHERE p.conversation_id = ? AND m.deleted = 0"),
                             {conversationId});
    const int n = q.next() ? q.value(0).toInt() : 0;
    q.finish();
    return n;
}

QList<PinRecord> PinStore::pins(const QString &conversationId)
{
    QSqlQuery &q = m_db.exec(QStringLiteral("SELECT p.message_id, p.pinned_by, p.pinned_at, p.seq, ") +
                                 EventStore::messageColumns() +
                                 QStringLiteral(" FROM pins p JOIN messages m ON m.id = p.message_id "
                                                "WHERE p.conversation_id = ? AND m.deleted = 0 ORDER BY p.seq DESC"),
                             {conversationId});
    QList<PinRecord> out;
    while (q.next()) {
        PinRecord pin;
        pin.messageId = q.value(0).toString();
        pin.pinnedBy = q.value(1).toString();
        pin.pinnedAt = q.value(2).toLongLong();
        pin.seq = q.value(3).toLongLong();
        pin.message = EventStore::readMessage(q, 4);
        out.append(pin);
    }
    q.finish();
    return out;
}

std::optional<bool> PinStore::membersPin(const QString &conversationId)
{
    QSqlQuery &q = m_db.exec(QStringLiteral("SELECT members_pin FROM conversations WHERE id = ?"), {conversationId});
    std::optional<bool> allowed;
    if (q.next() && !q.value(0).isNull())
        allowed = q.value(0).toInt() != 0;
    q.finish();
    return allowed;
}

void PinStore::setMembersPin(const QString &conversationId, bool allowed)
{
    m_db.exec(QStringLiteral("UPDATE conversations SET members_pin = ? WHERE id = ?"), {int(allowed), conversationId})
        .finish();
}

} // namespace confab::server

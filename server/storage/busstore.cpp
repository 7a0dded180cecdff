#include "busstore.h"

#include "storage/database.h"

namespace confab::server {

void BusStore::notify(const QString &channel, const QByteArray &payload)
{
    m_db.exec(QStringLiteral("SELECT pg_notify(?, ?)"), {channel, QString::fromUtf8(payload)}).finish();
}

void BusStore::park(const QString &id, const QByteArray &payload, qint64 createdAt)
{
    m_db.exec(QStringLiteral("INSERT INTO bus_payloads (id, payload, created_at) VALUES (?, ?, ?)"),
              {id, QString::fromUtf8(payload), createdAt})
        .finish();
}

std::optional<QByteArray> BusStore::parked(const QString &id)
{
    QSqlQuery &q = m_db.exec(QStringLiteral("SELECT payload FROM bus_payloads WHERE id = ?"), {id});
    std::optional<QByteArray> payload;
    if (q.next())
        payload = q.value(0).toString().toUtf8();
    q.finish();
    return payload;
}

void BusStore::prune(qint64 before)
{
    m_db.exec(QStringLiteral("DELETE FROM bus_payloads WHERE created_at < ?"), {before}).finish();
}

} // namespace confab::server

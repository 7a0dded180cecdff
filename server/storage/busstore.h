#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace confab::server {

class Database;

/*!
 * The database side of the cluster bus (net/clusterbus.h): NOTIFY on the bus channel, and the
 * `bus_payloads` rows that carry messages too large for a NOTIFY (PostgreSQL refuses payloads of
 * 8000 bytes and more) for a minute. Every call throws StoreError when the database fails.
 */
class BusStore {
public:
    explicit BusStore(Database &db) : m_db(db) {}

    //! NOTIFYs `payload` on `channel`; inside the caller's transaction, if there is one, so that
    //! it is delivered at commit, in commit order.
    void notify(const QString &channel, const QByteArray &payload);
    //! Keeps a message for the other instances to read by `id`.
    void park(const QString &id, const QByteArray &payload, qint64 createdAt);
    //! A parked message; nothing when it is gone (pruned, or never committed).
    std::optional<QByteArray> parked(const QString &id);
    //! Deletes the parked messages created before `before`.
    void prune(qint64 before);

private:
    Database &m_db;
};

} // namespace confab::server

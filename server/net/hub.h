#pragma once

#include "services/fanout.h"

#include <QHash>
#include <QList>
#include <QSet>

namespace confab::server {

class ClientSession;
class Metrics;

//! Who is connected: every session, and the authenticated ones by user. Delivers fan-out.
class Hub : public Fanout {
public:
    //! `metrics`, when given, counts deliveries (and sessions record their error replies into it).
    explicit Hub(Metrics *metrics = nullptr) : m_metrics(metrics) {}
    Metrics *metrics() const { return m_metrics; }
    void attach(ClientSession *session);
    void detach(ClientSession *session);
    void authenticated(ClientSession *session); //!< after the session learned its identity
    const QSet<ClientSession *> &sessions() const { return m_all; }
    //! A new connection's id: unique among this instance's connections for as long as it runs.
    quint64 nextConnectionId() { return ++m_lastConnectionId; }
    qsizetype connectionCount() const { return m_all.size(); }
    //! Open connections from one peer address, and signed-in connections of one user (the caps).
    int connectionsFrom(const QString &address) const { return m_byAddress.value(address); }
    qsizetype connectionsOf(const QString &userId) const { return m_byUser.value(userId).size(); }
    bool isOnline(const QString &userId) const { return m_byUser.contains(userId); }

    void toUsers(const QList<QString> &userIds, const QByteArray &frame, Delivery delivery = Delivery::Required) override;
    void endSession(const QString &sessionId) override;
    void endUser(const QString &userId) override;

private:
    QSet<ClientSession *> m_all;
    QHash<QString, QList<ClientSession *>> m_byUser;
    QHash<QString, int> m_byAddress;
    Metrics *m_metrics = nullptr;
    quint64 m_lastConnectionId = 0;
};

} // namespace confab::server

#pragma once

#include <QList>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>

namespace confab::test {

/*!
 * What a load balancer in front of several server instances does, on loopback: each new connection is
 * passed through, byte for byte, to the instance it points at now. Switching it to another instance
 * leaves open connections where they are; a connection whose instance died simply ends, and the
 * client's reconnect lands on the new one.
 *
 * It is also the kit's network fault: cut() drops every connection through it and refuses new ones
 * until restore(); setDelay() holds each piece of traffic back, both ways, to slow a peer down.
 */
class LoadBalancer : public QObject {
    Q_OBJECT
public:
    explicit LoadBalancer(quint16 backendPort, QObject *parent = nullptr);
    bool listen();
    void pointAt(quint16 backendPort) { m_backend = backendPort; }
    QString url() const { return QStringLiteral("ws://127.0.0.1:%1").arg(m_server.serverPort()); }
    int connectionsPassed() const { return m_passed; }
    //! The network goes away: open connections are reset, new ones refused until restore().
    void cut();
    void restore();
    //! Every read is passed on `ms` later (0: at once), in order.
    void setDelay(int ms) { m_delayMs = ms; }

private:
    void pass();

    QTcpServer m_server;
    quint16 m_backend;
    int m_passed = 0;
    bool m_cut = false;
    int m_delayMs = 0;
    QList<QPointer<QTcpSocket>> m_clients;
};

} // namespace confab::test

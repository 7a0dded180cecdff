#include "loadbalancer.h"

#include <QTimer>

namespace confab::test {

LoadBalancer::LoadBalancer(quint16 backendPort, QObject *parent) : QObject(parent), m_backend(backendPort)
{
    connect(&m_server, &QTcpServer::newConnection, this, &LoadBalancer::pass);
}

bool LoadBalancer::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

void LoadBalancer::cut()
{
    m_cut = true;
    for (const QPointer<QTcpSocket> &client : std::as_const(m_clients)) {
        if (client)
            client->abort(); // a reset, as a dead network or a NAT timeout gives
    }
    m_clients.clear();
}

void LoadBalancer::restore()
{
    m_cut = false;
}

void LoadBalancer::pass()
{
    while (QTcpSocket *client = m_server.nextPendingConnection()) {
        if (m_cut) {
            client->abort();
            client->deleteLater();
            continue;
        }
        ++m_passed;
        m_clients.removeIf([](const QPointer<QTcpSocket> &gone) { return gone.isNull(); });
        m_clients.append(client);
        auto *backend = new QTcpSocket(client); // lives as long as the client's side
        const auto forward = [this](QTcpSocket *from, QTcpSocket *to) {
            connect(from, &QTcpSocket::readyRead, to, [this, from, to] {
                const QByteArray bytes = from->readAll();
                const auto write = [to = QPointer<QTcpSocket>(to), bytes] {
                    if (to && to->state() == QAbstractSocket::ConnectedState)
                        to->write(bytes);
                };
                // Timers of one interval fire in the order they were started: the bytes stay in order.
                if (m_delayMs > 0)
                    QTimer::singleShot(m_delayMs, to, write);
                else
                    write();
            });
        };
        forward(client, backend);
        forward(backend, client);
        // What the client sent before the backend answered goes out once it is connected.
        connect(backend, &QTcpSocket::connected, client, [client, backend] { backend->write(client->readAll()); });
        // Either side gone: the other is closed too, as a proxy does.
        connect(backend, &QTcpSocket::disconnected, client, [client] { client->disconnectFromHost(); });
        connect(backend, &QTcpSocket::errorOccurred, client, [client] { client->abort(); });
        connect(client, &QTcpSocket::disconnected, client, [client] { client->deleteLater(); });
        backend->connectToHost(QHostAddress::LocalHost, m_backend);
    }
}

} // namespace confab::test

#include "loadbalancer.h"

namespace confab::test {

LoadBalancer::LoadBalancer(quint16 backendPort, QObject *parent) : QObject(parent), m_backend(backendPort)
{
    connect(&m_server, &QTcpServer::newConnection, this, &LoadBalancer::pass);
}

bool LoadBalancer::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

void LoadBalancer::pass()
{
    while (QTcpSocket *client = m_server.nextPendingConnection()) {
        ++m_passed;
        auto *backend = new QTcpSocket(client); // lives as long as the client's side
        const auto forward = [](QTcpSocket *from, QTcpSocket *to) {
            connect(from, &QTcpSocket::readyRead, to, [from, to] {
                if (to->state() == QAbstractSocket::ConnectedState)
                    to->write(from->readAll());
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

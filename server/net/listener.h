#pragma once

#include "core/config.h"
#include "net/fairscheduler.h"

#include <QObject>
#include <QPointer>
#include <QTcpServer>
#include <QTimer>
#include <QWebSocketServer>

namespace confab::server {

class ClientSession;
class Dispatcher;
class Hub;

//! Accepts WebSocket connections (ws:// or wss://) and keeps their sessions ticking.
class Listener : public QObject {
    Q_OBJECT
public:
    Listener(const ServerConfig &config, Dispatcher &dispatcher, Hub &hub, QObject *parent = nullptr);
    ~Listener() override;

    bool listen(QString *error);
    quint16 port() const { return m_server.serverPort(); }
    QString url() const;
    //! Closes every connection (clients reconnect with backoff) and stops accepting.
    void shutdown();

private:
    void onNewConnection();
    //! Closes a connection over the per-address cap (4006) without giving it a session.
    void refuse(QWebSocket *socket, const QString &reason);
    //! The TCP or TLS socket a WebSocket of this server runs on, for a graceful close; null if not found.
    QAbstractSocket *transportOf(const QWebSocket *socket) const;

    const ServerConfig &m_config;
    Dispatcher &m_dispatcher;
    Hub &m_hub;
    QWebSocketServer m_server;
    QPointer<QTcpServer> m_tcpServer; //!< the one inside m_server, which owns the accepted sockets
    FairScheduler m_scheduler;
    QTimer m_tick;
};

} // namespace confab::server

#pragma once

#include "app/config.h"
#include "services/authservice.h"
#include "services/ratelimiter.h"

#include <QObject>
#include <QPointer>
#include <QWebSocket>

namespace confab::server {

class Dispatcher;
class Hub;

/*!
 * One WebSocket connection: its authentication state, heartbeat, per-connection limits and the
 * decoding of its frames. What a frame asks for is the Dispatcher's business.
 */
class ClientSession : public QObject {
    Q_OBJECT
public:
    ClientSession(QWebSocket *socket, const ServerConfig &config, Dispatcher &dispatcher, Hub &hub,
                  QObject *parent = nullptr);
    ~ClientSession() override;

    const Identity &identity() const { return m_identity; }
    //! Tells this connection apart from others of the same session (presence counts connections).
    quint64 connectionId() const { return m_connectionId; }
    void setIdentity(const Identity &identity);
    void clearIdentity();
    QString peer() const { return m_peer; }
    QString address() const { return m_address; } //!< the peer's IP address, without the port
    //! While a sign-in is being checked (argon2 takes a while under load), the auth timeout waits.
    void setSigningIn(bool signingIn) { m_signingIn = signingIn; }

    //! Queues a frame. Over the queue limit a droppable frame is left out; far over it, the peer
    //! has stopped reading and the connection is closed (4004) before it costs unbounded memory.
    void sendFrame(const QByteArray &frame, bool droppable = false);
    //! The same frame already as text: a frame for many sessions is converted from UTF-8 once.
    void sendText(const QString &frame, bool droppable = false);
    void sendBinary(const QByteArray &frame); //!< an attachment download chunk
    qint64 queuedBytes() const { return m_socket ? m_socket->bytesToWrite() : 0; }
    void reply(const QString &requestId, const protocol::Frame &frame);
    void replyError(const QString &requestId, const protocol::Error &error);
    void closeWith(protocol::CloseCode code, const QString &reason);
    //! Called about once a second by the server: auth deadline and heartbeat.
    void tick(qint64 nowMs);

signals:
    void finished(ClientSession *session);

private:
    void onText(const QString &text);
    void onBinary(const QByteArray &bytes);
    void countInvalid();
    //! Closes the connection (4004) when its outbound queue has stayed over the limit too long.
    bool notReading(qint64 now);

    QPointer<QWebSocket> m_socket;
    quint64 m_connectionId = 0;
    const ServerConfig &m_config;
    Dispatcher &m_dispatcher;
    Hub &m_hub;
    Identity m_identity;
    QString m_peer;
    QString m_address;
    qint64 m_connectedAt = 0;
    qint64 m_lastPongAt = 0;
    qint64 m_lastPingAt = 0;
    qint64 m_queueFullSince = 0; //!< when the outbound queue last went over the limit, 0 when under
    int m_invalidInARow = 0;
    RateLimiter m_requests;
    bool m_closing = false;
    bool m_signingIn = false;
};

} // namespace confab::server

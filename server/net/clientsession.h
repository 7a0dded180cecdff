#pragma once

#include "core/config.h"
#include "services/authservice.h"
#include "net/downloadpacer.h"
#include "services/ratelimiter.h"

#include <QAbstractSocket>
#include <QObject>
#include <QPointer>
#include <QWebSocket>

#include <deque>

namespace confab::server {

class Dispatcher;
class FairScheduler;
class Hub;

/*!
 * One WebSocket connection: its authentication state, heartbeat, per-connection limits and the
 * decoding of its frames. What a frame asks for is the Dispatcher's business.
 *
 * Frames are not served as they arrive: they wait in the connection's inbound queue until the
 * FairScheduler gives the connection its turn, a few frames at a time, in the order they came.
 */
class ClientSession : public QObject {
    Q_OBJECT
public:
    //! Frames one connection may have waiting; beyond either bound a frame is refused (RATE_LIMITED).
    static constexpr qsizetype kMaxQueuedFrames = 1000;
    static constexpr qint64 kMaxQueuedInboundBytes = 8 * 1024 * 1024;

    ClientSession(QWebSocket *socket, const ServerConfig &config, Dispatcher &dispatcher, Hub &hub,
                  FairScheduler &scheduler, QObject *parent = nullptr);
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
    //! Sends a download's chunks as the socket drains (net/downloadpacer.h), after what is queued now.
    void queueDownload(DownloadPacer::Download download);
    qint64 queuedBytes() const { return m_socket ? m_socket->bytesToWrite() : 0; }
    void reply(const QString &requestId, const protocol::Frame &frame);
    void replyError(const QString &requestId, const protocol::Error &error);
    //! Closes gracefully: queued input is dropped, the replies already sent go out first, then the close
    //! frame; the peer's further input is read and dropped until it closes (or a timeout), so that
    //! the kernel never answers unread input with a reset that would lose those replies.
    void closeWith(protocol::CloseCode code, const QString &reason);
    //! The TCP (or TLS) socket under the WebSocket, which a graceful close needs (see Listener).
    void setTransport(QAbstractSocket *transport) { m_transport = transport; }
    //! Serves up to `budget` queued frames; true while more are waiting (called by the FairScheduler).
    bool serveQueued(int budget);
    //! Called about once a second by the server: auth deadline and heartbeat.
    void tick(qint64 nowMs);

signals:
    void finished(ClientSession *session);

private:
    struct Inbound {
        enum class Kind : quint8 { Text, Binary, Refused };
        Kind kind = Kind::Text;
        QByteArray bytes; //!< Text: UTF-8; Binary: the frame; Refused: empty
        int refused = 0;  //!< Refused: how many frames in a row found the queue full
    };
    void enqueue(Inbound::Kind kind, QByteArray bytes);
    void serveFront(); //!< serves the oldest queued frame (or one refusal of a refused run)
    void serveText(const QByteArray &bytes);
    void serveBinary(const QByteArray &bytes);
    void serveRefused();
    void countInvalid();
    //! Closes the connection (4004) when its outbound queue has stayed over the limit too long.
    bool notReading(qint64 now);

    QPointer<QWebSocket> m_socket;
    quint64 m_connectionId = 0;
    const ServerConfig &m_config;
    Dispatcher &m_dispatcher;
    Hub &m_hub;
    FairScheduler &m_scheduler;
    QPointer<QAbstractSocket> m_transport;
    std::deque<Inbound> m_inbound;
    qint64 m_inboundBytes = 0;
    bool m_scheduled = false; //!< in the scheduler's rotation
    Identity m_identity;
    QString m_peer;
    QString m_address;
    qint64 m_connectedAt = 0;
    qint64 m_lastPongAt = 0;
    qint64 m_lastPingAt = 0;
    qint64 m_queueFullSince = 0; //!< when the outbound queue last went over the limit, 0 when under
    int m_invalidInARow = 0;
    RateLimiter m_requests;
    DownloadPacer m_downloads;
    bool m_closing = false;
    bool m_signingIn = false;
};

} // namespace confab::server

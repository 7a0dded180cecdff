#include "clientsession.h"

#include "app/metrics.h"
#include "domain/clock.h"
#include "logging.h"

#include <QTimer>
#include "net/dispatcher.h"
#include "net/hub.h"

namespace confab::server {

namespace {
//! How long the outbound queue may stay over the limit before the peer counts as not reading.
constexpr qint64 kStallMs = 2000;
} // namespace

using protocol::CloseCode;
using protocol::ErrorCode;

ClientSession::ClientSession(QWebSocket *socket, const ServerConfig &config, Dispatcher &dispatcher, Hub &hub,
                             QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_connectionId(hub.nextConnectionId())
    , m_config(config)
    , m_dispatcher(dispatcher)
    , m_hub(hub)
    , m_requests(double(config.requestsPerSecond * 4), double(config.requestsPerSecond))
{
    socket->setParent(this);
    m_address = socket->peerAddress().toString();
    m_peer = m_address + u':' + QString::number(socket->peerPort());
    m_connectedAt = nowMs();
    m_lastPongAt = m_connectedAt;
    // Larger than any text frame we accept, so that an oversized request still gets a TOO_LARGE reply;
    // beyond this the socket itself closes with 1009.
    socket->setMaxAllowedIncomingMessageSize(
        quint64(std::max(config.limits.maxFrameBytes * 2, config.limits.maxBinaryFrameBytes)));
    connect(socket, &QWebSocket::textMessageReceived, this, &ClientSession::onText);
    connect(socket, &QWebSocket::binaryMessageReceived, this, &ClientSession::onBinary);
    connect(socket, &QWebSocket::pong, this, [this] { m_lastPongAt = nowMs(); });
    connect(socket, &QWebSocket::disconnected, this, [this] {
        if (!m_closing)
            qCDebug(lcNet).noquote() << "connection from" << m_peer << "closed by peer";
        m_closing = true;
        emit finished(this);
    });
    m_hub.attach(this);
}

ClientSession::~ClientSession()
{
    m_hub.detach(this);
}

void ClientSession::setIdentity(const Identity &identity)
{
    m_identity = identity;
    m_hub.authenticated(this);
}

void ClientSession::clearIdentity()
{
    m_hub.detach(this);
    m_identity = {};
    m_hub.attach(this);
    m_connectedAt = nowMs(); // the unauthenticated timeout starts again
}

bool ClientSession::notReading(qint64 now)
{
    const qint64 queued = m_socket->bytesToWrite();
    if (queued <= m_config.maxQueuedBytes) {
        m_queueFullSince = 0;
        return false;
    }
    // A long queue alone is not proof: a burst fills it before the event loop gets to write it out.
    // A peer that does not read is one whose queue stays over the limit for a while.
    if (m_queueFullSince == 0)
        m_queueFullSince = now;
    if (now - m_queueFullSince < kStallMs)
        return false;
    qCInfo(lcNet).noquote() << "peer" << m_peer << "does not read:" << queued << "bytes queued";
    closeWith(CloseCode::SlowConsumer, QStringLiteral("not reading"));
    // The close frame waits behind the queue; do not wait long for it.
    QPointer<QWebSocket> socket = m_socket;
    QTimer::singleShot(1000, this, [socket] {
        if (socket)
            socket->abort();
    });
    return true;
}

void ClientSession::sendFrame(const QByteArray &frame, bool droppable)
{
    sendText(QString::fromUtf8(frame), droppable);
}

void ClientSession::sendText(const QString &frame, bool droppable)
{
    if (!m_socket || m_closing)
        return;
    if (notReading(nowMs()))
        return;
    if (droppable && m_socket->bytesToWrite() > m_config.maxQueuedBytes / 4)
        return;
    m_socket->sendTextMessage(frame);
}

void ClientSession::sendBinary(const QByteArray &frame)
{
    if (m_socket && !m_closing)
        m_socket->sendBinaryMessage(frame);
}

void ClientSession::reply(const QString &requestId, const protocol::Frame &frame)
{
    sendFrame(protocol::encodeFrame(frame, {{}, requestId}));
}

void ClientSession::replyError(const QString &requestId, const protocol::Error &error)
{
    if (Metrics *metrics = m_hub.metrics())
        metrics->error(error.code);
    reply(requestId, error);
}

void ClientSession::closeWith(CloseCode code, const QString &reason)
{
    if (!m_socket || m_closing)
        return;
    m_closing = true;
    qCInfo(lcNet).noquote() << "closing connection from" << m_peer << "code" << int(code) << reason;
    m_socket->close(QWebSocketProtocol::CloseCode(quint16(code)), reason);
    // A peer that never completes the close handshake is dropped anyway.
    QPointer<QWebSocket> socket = m_socket;
    QTimer::singleShot(5000, this, [socket] {
        if (socket && socket->state() != QAbstractSocket::UnconnectedState)
            socket->abort();
    });
}

void ClientSession::tick(qint64 now)
{
    if (m_closing || !m_socket)
        return;
    if (!m_identity.isValid() && !m_signingIn && now - m_connectedAt > m_config.authTimeoutMs) {
        closeWith(CloseCode::AuthTimeout, QStringLiteral("not authenticated in time"));
        return;
    }
    if (now - m_lastPongAt > 2 * m_config.heartbeatIntervalMs + 1000) {
        qCInfo(lcNet).noquote() << "no heartbeat from" << m_peer << "- dropping the connection";
        m_closing = true;
        m_socket->abort();
        return;
    }
    if (notReading(now))
        return;
    if (now - m_lastPingAt >= m_config.heartbeatIntervalMs) {
        m_lastPingAt = now;
        m_socket->ping();
    }
}

void ClientSession::countInvalid()
{
    if (++m_invalidInARow >= m_config.maxInvalidFrames)
        closeWith(CloseCode::TooManyErrors, QStringLiteral("too many invalid frames"));
}

void ClientSession::onText(const QString &text)
{
    if (m_closing)
        return;
    const QByteArray bytes = text.toUtf8();
    auto decoded = protocol::decodeFrame(bytes, m_config.limits.maxFrameBytes);
    if (const qint64 wait = m_requests.take(QString())) {
        // Flooding: refused, but still answered with the request's id so the client knows which one.
        const QString requestId = decoded.ok() ? decoded->envelope.id : decoded.error().requestId;
        replyError(requestId, protocol::Error{ErrorCode::RateLimited, QStringLiteral("too many requests"),
                                              std::nullopt, wait});
        countInvalid();
        return;
    }
    if (!decoded.ok()) {
        const protocol::DecodeError &e = decoded.error();
        replyError(e.requestId, protocol::Error{e.code, e.message.left(protocol::field::kMessageMaxChars),
                                                e.field.isEmpty() ? std::nullopt : std::optional(e.field.left(256)),
                                                std::nullopt});
        countInvalid();
        return;
    }
    m_invalidInARow = 0;
    m_dispatcher.dispatch(*this, decoded.value());
}

void ClientSession::onBinary(const QByteArray &bytes)
{
    if (m_closing)
        return;
    // Chunks have no request id: their errors go out without `re`.
    if (!m_identity.isValid()) {
        replyError(QString(), protocol::Error{ErrorCode::Unauthorized, QStringLiteral("sign in first"),
                                              QStringLiteral("chunk"), std::nullopt});
        countInvalid();
        return;
    }
    auto chunk = protocol::decodeChunk(bytes, m_config.limits.maxBinaryFrameBytes);
    if (chunk.ok() && chunk->kind != protocol::ChunkKind::Upload)
        chunk = protocol::DecodeError{ErrorCode::Invalid, QStringLiteral("chunk"),
                                      QStringLiteral("a client sends upload chunks (direction 1) only"), {}};
    if (!chunk.ok()) {
        replyError(QString(), protocol::Error{chunk.error().code, chunk.error().message,
                                              QStringLiteral("chunk"), std::nullopt});
        countInvalid();
        return;
    }
    m_invalidInARow = 0;
    m_dispatcher.chunk(*this, chunk.value());
}

} // namespace confab::server

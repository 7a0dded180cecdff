#include "clientsession.h"

#include "core/logging.h"
#include "core/metrics.h"
#include "domain/clock.h"

#include "net/dispatcher.h"
#include "net/fairscheduler.h"
#include "net/hub.h"

#include <QTimer>

namespace confab::server {

namespace {
//! How long the outbound queue may stay over the limit before the peer counts as not reading.
constexpr qint64 kStallMs = 2000;
//! How long a closed connection waits for the peer's half of the close handshake.
constexpr int kCloseWaitMs = 5000;
//! What a frame refused for a full inbound queue is told to wait.
constexpr qint64 kQueueFullRetryMs = 500;

//! A close frame as a server sends it: unmasked, the code, then at most 123 bytes of reason (RFC 6455 5.5.1).
QByteArray closeFrame(protocol::CloseCode code, const QString &reason)
{
    QByteArray payload;
    payload.append(char(quint16(code) >> 8));
    payload.append(char(quint16(code) & 0xFF));
    payload.append(reason.toUtf8().left(123));
    QByteArray frame;
    frame.append(char(0x88)); // FIN, close
    frame.append(char(payload.size()));
    return frame + payload;
}
} // namespace

using protocol::CloseCode;
using protocol::ErrorCode;

ClientSession::ClientSession(QWebSocket *socket, const ServerConfig &config, Dispatcher &dispatcher, Hub &hub,
                             FairScheduler &scheduler, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_connectionId(hub.nextConnectionId())
    , m_config(config)
    , m_dispatcher(dispatcher)
    , m_hub(hub)
    , m_scheduler(scheduler)
    , m_requests(double(config.requestsPerSecond * 4), double(config.requestsPerSecond))
    , m_downloads([this] { return m_socket ? m_socket->bytesToWrite() : 0; }, [this](const QByteArray &frame) { sendBinary(frame); })
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
    connect(socket, &QWebSocket::textMessageReceived, this,
            [this](const QString &text) { enqueue(Inbound::Kind::Text, text.toUtf8()); });
    connect(socket, &QWebSocket::binaryMessageReceived, this,
            [this](const QByteArray &bytes) { enqueue(Inbound::Kind::Binary, bytes); });
    connect(socket, &QWebSocket::pong, this, [this] { m_lastPongAt = nowMs(); });
    connect(socket, &QWebSocket::bytesWritten, this, [this] {
        if (!m_closing)
            m_downloads.pump();
    });
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

void ClientSession::queueDownload(DownloadPacer::Download download)
{
    if (!m_socket || m_closing)
        return;
    m_downloads.add(std::move(download));
    m_downloads.pump();
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
    m_downloads.clear();
    // What the peer sent after the frame that ended the connection is not served.
    m_inbound.clear();
    m_inboundBytes = 0;
    qCInfo(lcNet).noquote() << "closing connection from" << m_peer << "code" << int(code) << reason;
    if (m_transport && m_transport->state() == QAbstractSocket::ConnectedState) {
        // QWebSocket::close() closes the TCP socket right after its close frame. With input of the peer
        // still unread (the rest of a burst), Linux answers that with a reset, and the peer loses the
        // replies and the close frame still on their way. So the close frame goes out on the socket
        // itself, behind every reply already written, and the connection stays open: QWebSocket keeps
        // reading (this session drops what it reads) and ends the connection once the peer's close
        // frame arrives, when nothing is left unread.
        m_transport->write(closeFrame(code, reason));
    } else {
        m_socket->close(QWebSocketProtocol::CloseCode(quint16(code)), reason);
    }
    // A peer that never completes the close handshake is dropped anyway.
    QPointer<QWebSocket> socket = m_socket;
    QTimer::singleShot(kCloseWaitMs, this, [socket] {
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

void ClientSession::enqueue(Inbound::Kind kind, QByteArray bytes)
{
    if (m_closing)
        return; // being closed: read and dropped
    const auto overfull = [&] {
        return qsizetype(m_inbound.size()) >= kMaxQueuedFrames ||
               (!m_inbound.empty() && m_inboundBytes + bytes.size() > kMaxQueuedInboundBytes);
    };
    if (kind == Inbound::Kind::Binary && overfull() && m_inbound.back().kind != Inbound::Kind::Refused) {
        // Upload chunks are sent without waiting for replies (docs/protocol.md, Attachments), so a
        // correct client may have megabytes of them in flight: refusing one would break its upload.
        // This connection's backlog is served now, in order, until the chunk fits: its upload waits
        // for the disk instead of the other connections' turns.
        while (!m_closing && overfull())
            serveFront();
        if (m_closing)
            return;
    }
    // Once a frame was refused, the ones after it are too until the refusals are answered: "in a row".
    const bool full = overfull() || (!m_inbound.empty() && m_inbound.back().kind == Inbound::Kind::Refused);
    if (!full) {
        m_inboundBytes += bytes.size();
        m_inbound.push_back({kind, std::move(bytes), 0});
    } else if (m_inbound.back().kind == Inbound::Kind::Refused) {
        // Counted, not stored: max_invalid_frames refusals in a row close the connection anyway.
        Inbound &run = m_inbound.back();
        run.refused = int(std::min<qint64>(run.refused + 1, m_config.maxInvalidFrames));
    } else {
        m_inbound.push_back({Inbound::Kind::Refused, {}, 1});
    }
    if (!m_scheduled) {
        m_scheduled = true;
        m_scheduler.ready(this);
    }
}

bool ClientSession::serveQueued(int budget)
{
    for (; budget > 0 && !m_inbound.empty() && !m_closing; --budget)
        serveFront();
    if (m_closing) {
        m_inbound.clear();
        m_inboundBytes = 0;
    }
    m_scheduled = !m_inbound.empty();
    return m_scheduled;
}

void ClientSession::serveFront()
{
    Inbound &front = m_inbound.front();
    if (front.kind == Inbound::Kind::Refused) {
        if (--front.refused == 0)
            m_inbound.pop_front();
        serveRefused();
        return;
    }
    const Inbound next = std::move(front);
    m_inbound.pop_front();
    m_inboundBytes -= next.bytes.size();
    if (next.kind == Inbound::Kind::Text)
        serveText(next.bytes);
    else
        serveBinary(next.bytes);
}

void ClientSession::serveRefused()
{
    replyError(QString(), protocol::Error{ErrorCode::RateLimited, QStringLiteral("too many requests waiting"),
                                          std::nullopt, kQueueFullRetryMs});
    countInvalid();
}

void ClientSession::serveText(const QByteArray &bytes)
{
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

void ClientSession::serveBinary(const QByteArray &bytes)
{
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

#include "listener.h"

#include "core/logging.h"
#include "domain/clock.h"
#include "net/clientsession.h"
#include "net/dispatcher.h"
#include "net/hub.h"

#include <QFile>

#ifdef Q_OS_LINUX
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#endif
#include <QSslKey>
#include <QSslSocket>

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#include <unistd.h>
#endif

namespace confab::server {

namespace {
//! QSslServer builds its TLS context only when a client connects, so a key that does not belong to the
//! certificate would show up as every handshake failing, with nothing in the log. Building a server-side
//! context once, on a local socket pair, finds that at start-up instead.
bool tlsContextWorks(const QSslConfiguration &ssl, QString *error)
{
#ifndef Q_OS_UNIX
    Q_UNUSED(ssl);
    Q_UNUSED(error);
    return true; // no socketpair() here: the first handshake will tell
#else
    int fds[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, fds) != 0)
        return true; // cannot check here; the handshakes will tell
    bool works = true;
    QSslSocket probe;
    if (probe.setSocketDescriptor(fds[0])) {
        probe.setSslConfiguration(ssl);
        probe.startServerEncryption();
        if (probe.error() == QAbstractSocket::SslInternalError ||
            probe.error() == QAbstractSocket::SslInvalidUserDataError) {
            QString why = probe.errorString(); // OpenSSL's reason, when Qt passes one on
            while (why.endsWith(u' ') || why.endsWith(u':'))
                why.chop(1);
            *error = QStringLiteral("the TLS certificate and key cannot be used together; does the key "
                                    "belong to the certificate? (%1)")
                         .arg(why);
            works = false;
        }
        probe.abort();
    } else {
        ::close(fds[0]);
    }
    ::close(fds[1]);
    return works;
#endif
}
} // namespace

namespace {
/*!
 * Small frames must leave at once: with Nagle's algorithm an ack waits for the peer's next packet
 * (measured: ack p50 25 ms with it, 2.4 ms without; docs/performance.md). QWebSocketServer does not
 * expose accepted sockets, but on Linux they inherit TCP_NODELAY from the listening socket.
 */
void disableNagle(qintptr listeningSocket)
{
#ifdef Q_OS_LINUX
    const int on = 1;
    if (listeningSocket >= 0)
        ::setsockopt(int(listeningSocket), IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
#else
    Q_UNUSED(listeningSocket);
#endif
}
} // namespace

Listener::Listener(const ServerConfig &config, Dispatcher &dispatcher, Hub &hub, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_dispatcher(dispatcher)
    , m_hub(hub)
    , m_server(QStringLiteral("confab"), config.tls() ? QWebSocketServer::SecureMode : QWebSocketServer::NonSecureMode)
    , m_scheduler(int(config.framesPerTurn))
{
    // The handshake itself must not linger: slow or silent peers are dropped.
    m_server.setHandshakeTimeout(std::chrono::milliseconds(std::min<qint64>(config.authTimeoutMs, 10'000)));
    connect(&m_server, &QWebSocketServer::newConnection, this, &Listener::onNewConnection);
    connect(&m_server, &QWebSocketServer::acceptError, this,
            [](QAbstractSocket::SocketError error) { qCWarning(lcNet) << "accept failed:" << error; });
    // One timer for all connections, rather than timers per connection.
    m_tick.setInterval(int(std::clamp<qint64>(std::min(config.authTimeoutMs, config.heartbeatIntervalMs) / 4, 50, 1000)));
    connect(&m_tick, &QTimer::timeout, this, [this] {
        const qint64 now = nowMs();
        const auto sessions = m_hub.sessions(); // a copy: ticking may close sessions
        for (ClientSession *session : sessions)
            session->tick(now);
    });
}

Listener::~Listener()
{
    m_server.close();
}

bool Listener::listen(QString *error)
{
    // A key without a certificate would otherwise mean plain ws:// where the operator asked for TLS.
    if (m_config.tlsCert.isEmpty() != m_config.tlsKey.isEmpty()) {
        *error = QStringLiteral("tls/certificate and tls/key must be set together (certificate: %1, key: %2)")
                     .arg(m_config.tlsCert.isEmpty() ? QStringLiteral("not set") : m_config.tlsCert,
                          m_config.tlsKey.isEmpty() ? QStringLiteral("not set") : m_config.tlsKey);
        return false;
    }
    if (m_config.tls()) {
        QFile certFile(m_config.tlsCert), keyFile(m_config.tlsKey);
        if (!certFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("cannot read the TLS certificate or key (%1, %2)").arg(m_config.tlsCert, m_config.tlsKey);
            return false;
        }
        const auto certs = QSslCertificate::fromData(certFile.readAll(), QSsl::Pem);
        const QSslKey key(keyFile.readAll(), QSsl::Rsa, QSsl::Pem, QSsl::PrivateKey, m_config.tlsKeyPassword.toUtf8());
        QSslKey usable = key;
        if (usable.isNull()) {
            keyFile.seek(0);
            usable = QSslKey(keyFile.readAll(), QSsl::Ec, QSsl::Pem, QSsl::PrivateKey, m_config.tlsKeyPassword.toUtf8());
        }
        if (certs.isEmpty() || usable.isNull()) {
            *error = QStringLiteral("the TLS certificate or key is not valid PEM");
            return false;
        }
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.setLocalCertificateChain(certs);
        ssl.setPrivateKey(usable);
        ssl.setPeerVerifyMode(QSslSocket::VerifyNone);
        if (!tlsContextWorks(ssl, error))
            return false;
        m_server.setSslConfiguration(ssl);
    }
    if (!m_server.listen(m_config.listenAddress, m_config.listenPort)) {
        *error = QStringLiteral("cannot listen on %1:%2: %3")
                     .arg(m_config.listenAddress.toString())
                     .arg(m_config.listenPort)
                     .arg(m_server.errorString());
        return false;
    }
    disableNagle(m_server.socketDescriptor());
    m_tcpServer = m_server.findChild<QTcpServer *>(QString(), Qt::FindDirectChildrenOnly);
    if (!m_tcpServer)
        qCWarning(lcNet) << "the WebSocket server's TCP server was not found: connections will be closed abruptly";
    m_tick.start();
    return true;
}

QString Listener::url() const
{
    QString host = m_server.serverAddress().toString();
    if (m_server.serverAddress().protocol() == QAbstractSocket::IPv6Protocol)
        host = u'[' + host + u']';
    return (m_config.tls() ? QStringLiteral("wss://") : QStringLiteral("ws://")) + host + u':' + QString::number(port());
}

void Listener::onNewConnection()
{
    while (QWebSocket *socket = m_server.nextPendingConnection()) {
        const QString address = socket->peerAddress().toString();
        if (m_hub.connectionsFrom(address) >= m_config.connectionsPerAddress) {
            refuse(socket, QStringLiteral("too many connections from this address"));
            continue;
        }
        auto *session = new ClientSession(socket, m_config, m_dispatcher, m_hub, m_scheduler, this);
        session->setTransport(transportOf(socket));
        connect(session, &ClientSession::finished, this, [this](ClientSession *s) {
            m_dispatcher.signedOut(*s);
            s->deleteLater();
        });
        qCDebug(lcNet).noquote() << "connection from" << session->peer();
    }
}

QAbstractSocket *Listener::transportOf(const QWebSocket *socket) const
{
    // QWebSocket does not expose its socket, but (Qt 6.4) the accepted sockets stay children of the
    // QTcpServer inside QWebSocketServer, the newest last: the one with the same peer is it. Searched
    // from the end, this meets only the few connections still in their handshake.
    if (!m_tcpServer)
        return nullptr;
    // findChildren rather than children(): GCC's -O2 flow analysis sees a possible null inside the
    // inlined children() and -Werror=null-dereference stops a release build.
    const QList<QAbstractSocket *> sockets = m_tcpServer->findChildren<QAbstractSocket *>(Qt::FindDirectChildrenOnly);
    for (auto it = sockets.crbegin(); it != sockets.crend(); ++it) {
        QAbstractSocket *candidate = *it;
        if (candidate->peerPort() == socket->peerPort() && candidate->peerAddress() == socket->peerAddress())
            return candidate;
    }
    return nullptr;
}

void Listener::refuse(QWebSocket *socket, const QString &reason)
{
    qCInfo(lcNet).noquote() << "refusing a connection from" << socket->peerAddress().toString() << "-" << reason;
    socket->setParent(this);
    connect(socket, &QWebSocket::disconnected, socket, &QObject::deleteLater);
    socket->close(QWebSocketProtocol::CloseCode(quint16(protocol::CloseCode::TooManyConnections)), reason);
    // A peer that does not answer the close is not waited for long: it holds no session meanwhile.
    QTimer::singleShot(2000, socket, [socket] { socket->abort(); });
}

void Listener::shutdown()
{
    m_server.close();
    m_tick.stop();
    const auto sessions = m_hub.sessions();
    for (ClientSession *session : sessions)
        session->closeWith(protocol::CloseCode::ServerShutdown, QStringLiteral("server shutting down"));
}

} // namespace confab::server

#include "connection.h"

#include "certificatetrust.h"

#include <QDateTime>
#include <QNetworkInformation>
#include <QRandomGenerator>
#include <QRegularExpression>

#include <cmath>

namespace confab::client {

using namespace confab::protocol;

namespace {
qint64 now()
{
    return QDateTime::currentMSecsSinceEpoch();
}
Error unavailable(const QString &why)
{
    return Error{ErrorCode::Unavailable, why, std::nullopt, std::nullopt};
}
//! Errors after which signing in again with the same credentials cannot help.
bool isFinalAuthError(const Error &e)
{
    return e.code == ErrorCode::Unauthorized || e.code == ErrorCode::Forbidden || e.code == ErrorCode::Conflict ||
           e.code == ErrorCode::Invalid;
}
} // namespace

Connection::Connection(QObject *parent) : QObject(parent)
{
    m_socket.setMaxAllowedIncomingMessageSize(quint64(field::kMaxServerFrameBytes));
    connect(&m_socket, &QWebSocket::connected, this, &Connection::onConnected);
    connect(&m_socket, &QWebSocket::disconnected, this, &Connection::onDisconnected);
    connect(&m_socket, &QWebSocket::textMessageReceived, this, &Connection::onText);
    connect(&m_socket, &QWebSocket::binaryMessageReceived, this, &Connection::binaryReceived);
    connect(&m_socket, &QWebSocket::pong, this, [this] { m_lastPong = now(); });
    connect(&m_socket, &QWebSocket::sslErrors, this, &Connection::onSslErrors);
    m_reconnectTimer.setSingleShot(true);
    connect(&m_reconnectTimer, &QTimer::timeout, this, &Connection::retryNow);
    connect(&m_heartbeat, &QTimer::timeout, this, [this] {
        const qint64 t = now();
        const bool slept = m_lastBeat > 0 && t - m_lastBeat > 3 * m_heartbeatMs;
        m_lastBeat = t;
        // After sleep the socket is as good as dead even if the OS has not noticed: start over now,
        // without waiting for missed pongs (messages missing after sleep is a classic bug).
        if (slept) {
            m_attempt = 0;
            m_socket.abort();
            return;
        }
        // A link that stopped answering (a dead NAT entry, a pulled cable) is given up.
        if (t - m_lastPong > 2 * m_heartbeatMs + 1000) {
            m_socket.abort();
            return;
        }
        m_socket.ping();
    });
    // The network coming back is a reason to try at once rather than at the next backoff step.
    if (QNetworkInformation::loadDefaultBackend() && QNetworkInformation::instance()) {
        connect(QNetworkInformation::instance(), &QNetworkInformation::reachabilityChanged, this,
                [this](QNetworkInformation::Reachability r) {
                    if (r == QNetworkInformation::Reachability::Online && m_state == State::Waiting) {
                        m_attempt = 0;
                        retryNow();
                    }
                });
    }
    m_timeouts.setInterval(1000);
    connect(&m_timeouts, &QTimer::timeout, this, &Connection::checkTimeouts);
}

Connection::~Connection()
{
    m_wanted = false;
    m_socket.abort();
}

void Connection::setServerUrls(const QList<QUrl> &urls)
{
    m_urls = urls;
    m_urlIndex = 0;
    m_untriedUrls = std::max<qsizetype>(0, urls.size() - 1);
}

QList<QUrl> Connection::parseServerUrls(const QString &text)
{
    static const QRegularExpression separators(QStringLiteral("[,\\s]+"));
    QList<QUrl> urls;
    for (const QString &part : text.split(separators, Qt::SkipEmptyParts))
        urls.append(QUrl(part));
    return urls;
}

void Connection::setBackoff(int initialMs, int maxMs)
{
    m_backoffInitialMs = std::max(1, initialMs);
    m_backoffMaxMs = std::max(m_backoffInitialMs, maxMs);
}

void Connection::setHeartbeat(int intervalMs)
{
    m_heartbeatMs = std::max(100, intervalMs);
}

void Connection::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

int Connection::reconnectInMs() const
{
    return m_reconnectTimer.isActive() ? m_reconnectTimer.remainingTime() : 0;
}

void Connection::open()
{
    m_wanted = true;
    m_attempt = 0;
    retryNow();
}

void Connection::retryNow()
{
    if (!m_wanted)
        return;
    m_reconnectTimer.stop();
    if (m_socket.state() != QAbstractSocket::UnconnectedState)
        return;
    setState(State::Connecting);
    m_socket.open(serverUrl());
}

void Connection::close()
{
    m_wanted = false;
    m_reconnectTimer.stop();
    m_heartbeat.stop();
    m_socket.close();
    failPending(QStringLiteral("disconnected"));
    setState(State::Offline);
}

void Connection::onConnected()
{
    m_lastPong = now();
    m_lastBeat = m_lastPong;
    m_heartbeat.start(m_heartbeatMs);
    m_timeouts.start();
    authenticate();
}

void Connection::authenticate()
{
    setState(State::Authenticating);
    const auto onReply = [this](const Reply<AuthOk> &reply) {
        if (reply) {
            m_session = *reply;
            if (reply->token) {
                m_credentials.token = *reply->token;
                m_credentials.password.clear(); // from now on the token signs in
                m_credentials.registering = false;
            }
            m_attempt = 0;
            m_untriedUrls = std::max<qsizetype>(0, m_urls.size() - 1);
            setState(State::Online);
            emit authenticated(*reply);
            return;
        }
        if (isFinalAuthError(reply.error())) {
            m_wanted = false;
            m_socket.close();
            setState(State::Offline);
            emit authenticationFailed(reply.error());
            return;
        }
        m_socket.abort(); // UNAVAILABLE and the like: try again later
    };
    if (!m_credentials.token.isEmpty()) {
        request(AuthResume{m_credentials.token, m_credentials.device}, onReply);
    } else if (m_credentials.registering) {
        request(AuthRegister{m_credentials.username, m_credentials.password, m_credentials.displayName,
                             m_credentials.inviteCode.isEmpty() ? std::nullopt : std::optional(m_credentials.inviteCode),
                             m_credentials.device},
                onReply);
    } else {
        request(AuthLogin{m_credentials.username, m_credentials.password, m_credentials.device}, onReply);
    }
}

void Connection::onDisconnected()
{
    m_heartbeat.stop();
    m_timeouts.stop();
    failPending(QStringLiteral("the connection was lost"));
    if (!m_wanted) {
        setState(State::Offline);
        return;
    }
    // A revoked session will not come back by retrying.
    if (m_socket.closeCode() == QWebSocketProtocol::CloseCode(quint16(CloseCode::SessionRevoked))) {
        m_wanted = false;
        setState(State::Offline);
        emit authenticationFailed(Error{ErrorCode::Unauthorized, m_socket.closeReason(), std::nullopt, std::nullopt});
        return;
    }
    if (m_urls.size() > 1) {
        m_urlIndex = (m_urlIndex + 1) % m_urls.size();
        // Another instance is likely up: try it at once, but each address only once per round, so
        // that a whole server being down still backs off.
        if (m_untriedUrls > 0) {
            --m_untriedUrls;
            setState(State::Waiting);
            m_reconnectTimer.start(0);
            return;
        }
        m_untriedUrls = m_urls.size() - 1;
    }
    scheduleReconnect();
}

void Connection::onSslErrors(const QList<QSslError> &errors)
{
    QSslCertificate certificate = m_socket.sslConfiguration().peerCertificate();
    if (certificate.isNull() && !errors.isEmpty())
        certificate = errors.first().certificate();
    const QString fingerprint =
        QString::fromLatin1(certificate.digest(QCryptographicHash::Sha256).toHex(':').toUpper());
    const QUrl url = serverUrl();
    const QString hostPort = url.host() + u':' + QString::number(url.port(443));
    const QString accepted = m_trust ? m_trust->accepted(hostPort) : QString();
    if (!certificate.isNull() && !accepted.isEmpty() && accepted == fingerprint) {
        m_socket.ignoreSslErrors(errors); // exactly the certificate the user accepted, nothing else
        return;
    }
    QStringList reasons;
    for (const QSslError &e : errors)
        reasons.append(e.errorString());
    // Retrying cannot help and must not go on behind the user's back: stop until they decide.
    m_wanted = false;
    m_reconnectTimer.stop();
    emit certificateUntrusted(hostPort, fingerprint, accepted, reasons.join(QStringLiteral("; ")));
}

void Connection::scheduleReconnect()
{
    const double base = std::min<double>(m_backoffMaxMs, m_backoffInitialMs * std::pow(2.0, std::min(m_attempt, 20)));
    ++m_attempt;
    const double jitter = 0.8 + 0.4 * QRandomGenerator::global()->generateDouble();
    const int delay = int(std::min<double>(m_backoffMaxMs, base * jitter));
    setState(State::Waiting);
    m_reconnectTimer.start(delay);
    emit reconnectScheduled(delay);
}

void Connection::request(const Frame &frame, ReplyHandler onReply, int timeoutMs)
{
    const bool isAuth = std::holds_alternative<AuthLogin>(frame) || std::holds_alternative<AuthRegister>(frame) ||
                        std::holds_alternative<AuthResume>(frame);
    const bool usable = m_socket.state() == QAbstractSocket::ConnectedState && (isAuth || m_state == State::Online);
    if (!usable) {
        QTimer::singleShot(0, this, [onReply = std::move(onReply)] { onReply(unavailable(QStringLiteral("offline"))); });
        return;
    }
    const QString id = QStringLiteral("q%1").arg(++m_nextId);
    m_pending.insert(id, Pending{std::move(onReply), now() + timeoutMs});
    m_socket.sendTextMessage(QString::fromUtf8(encodeFrame(frame, {id, {}})));
}

bool Connection::sendBinary(const QByteArray &frame)
{
    if (m_socket.state() != QAbstractSocket::ConnectedState || m_state != State::Online)
        return false;
    m_socket.sendBinaryMessage(frame);
    return true;
}

void Connection::onText(const QString &text)
{
    auto decoded = decodeFrame(text.toUtf8(), field::kMaxServerFrameBytes);
    if (!decoded.ok()) {
        qWarning("confab: ignoring an undecodable frame from the server: %s", qPrintable(decoded.error().describe()));
        return;
    }
    const QString &re = decoded->envelope.re;
    if (!re.isEmpty()) {
        const auto it = m_pending.find(re);
        if (it == m_pending.end())
            return; // a reply we stopped waiting for
        const ReplyHandler handler = std::move(it->handler);
        m_pending.erase(it);
        handler(decoded->frame);
        return;
    }
    emit pushed(decoded->frame);
}

void Connection::failPending(const QString &why)
{
    const auto pending = std::exchange(m_pending, {});
    for (const Pending &p : pending)
        p.handler(unavailable(why));
}

void Connection::checkTimeouts()
{
    const qint64 t = now();
    QList<ReplyHandler> expired;
    for (auto it = m_pending.begin(); it != m_pending.end();) {
        if (it->deadline <= t) {
            expired.append(std::move(it->handler));
            it = m_pending.erase(it);
        } else {
            ++it;
        }
    }
    for (const ReplyHandler &h : expired)
        h(unavailable(QStringLiteral("no reply in time")));
}

} // namespace confab::client

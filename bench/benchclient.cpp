#include "benchclient.h"

#include "procstats.h"

#include <QJsonDocument>

namespace confab::bench {

using namespace confab::protocol;

namespace {
const QLatin1String kMarker("cfb:");
const QLatin1String kReplyKey("\"re\":\"");

//! Reads "<digits>:" at `at`, moving `at` past the colon; -1 when there are none.
qint64 readNumber(QStringView text, qsizetype &at)
{
    qint64 value = 0;
    const qsizetype start = at;
    while (at < text.size() && text[at].isDigit())
        value = value * 10 + (text[at++].unicode() - u'0');
    if (at == start || at >= text.size() || text[at] != u':')
        return -1;
    ++at;
    return value;
}

void mark(std::vector<quint8> &bits, qint64 n, bool *already)
{
    if (size_t(n) >= bits.size())
        bits.resize(std::max(size_t(n) + 1, bits.size() * 2), 0);
    *already = bits[size_t(n)] != 0;
    bits[size_t(n)] = 1;
}

quint32 micros(qint64 ns)
{
    return quint32(std::clamp<qint64>(ns / 1000, 0, std::numeric_limits<quint32>::max()));
}
} // namespace

void Sink::reset()
{
    e2eMicros.clear();
    ackMicros.clear();
    lagMicros.clear();
    loginMicros.clear();
    for (std::atomic<qint64> *counter : {&sent, &acks, &sendErrors, &deliveries, &duplicates, &windowDeliveries,
                                         &windowAcks, &logins, &loginErrors, &disconnects})
        counter->store(0);
}

BenchClient::BenchClient(int index, Sink &sink, QObject *parent) : QObject(parent), m_index(index), m_sink(sink)
{
    m_socket.setMaxAllowedIncomingMessageSize(quint64(field::kMaxServerFrameBytes));
    connect(&m_socket, &QWebSocket::textMessageReceived, this, &BenchClient::onText);
    connect(&m_socket, &QWebSocket::binaryMessageReceived, this, [this](const QByteArray &frame) {
        if (onBinary)
            onBinary(frame);
    });
    connect(&m_socket, &QWebSocket::connected, this, [this] {
        m_wasConnected = true;
        // QWebSocket has no API for TCP_NODELAY; its QTcpSocket is its child. Without it, Nagle's
        // algorithm holds back a small frame sent right after another one until the peer acks.
        if (auto *tcp = m_socket.findChild<QAbstractSocket *>())
            tcp->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        else
            m_sink.noDelayMissing.fetch_add(1, std::memory_order_relaxed);
        if (auto done = std::exchange(m_openDone, nullptr))
            done(true);
    });
    connect(&m_socket, &QWebSocket::disconnected, this, [this] {
        if (auto done = std::exchange(m_openDone, nullptr))
            done(false);
        else if (m_wasConnected && m_sink.disconnects.fetch_add(1, std::memory_order_relaxed) < 3)
            qWarning("connection %d closed: code %d %s (%s)", m_index, int(m_socket.closeCode()),
                     qPrintable(m_socket.closeReason()), qPrintable(m_socket.errorString()));
        m_wasConnected = false;
    });
}

BenchClient::~BenchClient()
{
    m_wasConnected = false;
    m_socket.disconnect(this);
    m_socket.abort();
}

void BenchClient::open(const QUrl &url, std::function<void(bool)> done)
{
    m_openDone = std::move(done);
    m_socket.open(url);
}

void BenchClient::abort()
{
    m_wasConnected = false;
    m_socket.abort();
}

void BenchClient::request(const Frame &frame, ReplyFn onReply)
{
    const QString id = u'q' + QString::number(++m_nextRequest);
    m_pending.insert(id, std::move(onReply));
    m_socket.sendTextMessage(QString::fromUtf8(encodeFrame(frame, {id, {}})));
}

void BenchClient::authenticate(const BenchUser &user, const QString &password,
                               std::function<void(bool, const BenchUser &, const QString &)> done)
{
    const auto finish = [user, done](const Frame &reply, bool *retry) {
        *retry = false;
        if (const auto *ok = std::get_if<AuthOk>(&reply)) {
            BenchUser signedIn = user;
            signedIn.id = ok->user.id;
            if (ok->token)
                signedIn.token = *ok->token;
            done(true, signedIn, {});
            return;
        }
        const auto *error = std::get_if<Error>(&reply);
        if (error && (error->code == ErrorCode::Unauthorized || error->code == ErrorCode::Conflict))
            *retry = true;
        else
            done(false, user, error ? error->message : QStringLiteral("no reply"));
    };
    const auto viaRegister = [this, user, password, finish, done] {
        AuthRegister reg;
        reg.username = user.name;
        reg.password = password;
        reg.displayName = user.name;
        reg.device = QStringLiteral("confab-bench");
        request(reg, [finish, done, user](const Frame &reply, qint64) {
            bool retry = false;
            finish(reply, &retry);
            if (retry)
                done(false, user, QStringLiteral("cannot register or sign in"));
        });
    };
    const auto viaLogin = [this, user, password, finish, viaRegister] {
        request(AuthLogin{user.name, password, QStringLiteral("confab-bench")},
                [finish, viaRegister](const Frame &reply, qint64) {
                    bool retry = false;
                    finish(reply, &retry);
                    if (retry)
                        viaRegister();
                });
    };
    if (user.token.isEmpty()) {
        // Usually new: register, and when the name exists already, sign in with the bench password.
        AuthRegister reg;
        reg.username = user.name;
        reg.password = password;
        reg.displayName = user.name;
        reg.device = QStringLiteral("confab-bench");
        request(reg, [finish, viaLogin](const Frame &reply, qint64) {
            bool retry = false;
            finish(reply, &retry);
            if (retry)
                viaLogin();
        });
        return;
    }
    request(AuthResume{user.token, QStringLiteral("confab-bench")}, [finish, viaLogin](const Frame &reply, qint64) {
        bool retry = false;
        finish(reply, &retry);
        if (retry)
            viaLogin();
    });
}

void BenchClient::sendDue(qint64 now)
{
    if (senderIndex < 0 || !isConnected())
        return;
    for (qint64 due = firstNs + nextN * intervalNs; due <= now && due < endNs; due = firstNs + nextN * intervalNs) {
        const qint64 n = nextN++;
        const qint64 at = nowNs();
        QString body = kMarker + QString::number(senderIndex) + u':' + QString::number(n) + u':' +
                       QString::number(at) + u':';
        if (body.size() < bodyBytes)
            body += QString(bodyBytes - body.size(), u'x');
        MessageSend send;
        send.conversationId = conversationId;
        send.clientId = QStringLiteral("p%1-b%2-%3").arg(phase).arg(senderIndex).arg(n); // unique per phase: a reused id is a retry
        send.body = body;
        const QString id = u's' + QString::number(++m_nextSend);
        m_socket.sendTextMessage(QString::fromUtf8(encodeFrame(send, {id, {}})));
        m_sink.sent.fetch_add(1, std::memory_order_relaxed);
        if (due >= m_sink.windowFromNs)
            m_sink.lagMicros.push_back(micros(at - due));
    }
}

void BenchClient::resetCounters()
{
    acked.clear();
    ackedCount.store(0);
    nextN = 0;
    for (std::vector<quint8> &bits : seen)
        bits.clear();
}

void BenchClient::storm(const QString &name, const QString &password, const std::atomic<bool> *running)
{
    if (!running->load() || !isConnected())
        return;
    const qint64 started = nowNs();
    request(AuthLogin{name, password, QStringLiteral("confab-bench-storm")},
            [this, name, password, running, started](const Frame &reply, qint64 arrived) {
                if (!std::holds_alternative<AuthOk>(reply)) {
                    m_sink.loginErrors.fetch_add(1, std::memory_order_relaxed);
                    if (m_sink.loginErrors.load() < 3)
                        qWarning("login failed: %s", QJsonDocument(encodeObject(reply)).toJson(QJsonDocument::Compact).constData());
                    return;
                }
                m_sink.logins.fetch_add(1, std::memory_order_relaxed);
                m_sink.loginMicros.push_back(micros(arrived - started));
                request(AuthLogout{}, [this, name, password, running](const Frame &, qint64) {
                    storm(name, password, running);
                });
            });
}

bool BenchClient::onMarked(const QString &text, qsizetype at, qint64 now)
{
    qsizetype i = at + kMarker.size();
    const qint64 sender = readNumber(text, i);
    const qint64 n = sender < 0 ? -1 : readNumber(text, i);
    const qint64 sentAt = n < 0 ? -1 : readNumber(text, i);
    if (sentAt < 0)
        return false;
    const bool inWindow = sentAt >= m_sink.windowFromNs && sentAt < m_sink.windowToNs;
    if (text.indexOf(kReplyKey) >= 0) {
        // message.sent: the ack of one of my sends
        bool already = false;
        mark(acked, n, &already);
        if (already)
            return true;
        ackedCount.fetch_add(1, std::memory_order_relaxed);
        m_sink.acks.fetch_add(1, std::memory_order_relaxed);
        if (inWindow) {
            m_sink.windowAcks.fetch_add(1, std::memory_order_relaxed);
            m_sink.ackMicros.push_back(micros(now - sentAt));
        }
        return true;
    }
    if (size_t(sender) >= seen.size())
        seen.resize(size_t(sender) + 1);
    bool already = false;
    mark(seen[size_t(sender)], n, &already);
    if (already) {
        m_sink.duplicates.fetch_add(1, std::memory_order_relaxed);
        return true;
    }
    m_sink.deliveries.fetch_add(1, std::memory_order_relaxed);
    if (inWindow) {
        m_sink.windowDeliveries.fetch_add(1, std::memory_order_relaxed);
        m_sink.e2eMicros.push_back(micros(now - sentAt));
    }
    return true;
}

void BenchClient::onText(const QString &text)
{
    const qint64 now = nowNs();
    // The hot path: a delivery or an ack of a bench message is recognised by the marker in its body,
    // without decoding the whole frame (the bench must not be the bottleneck).
    const qsizetype at = text.indexOf(kMarker);
    if (at >= 0 && onMarked(text, at, now))
        return;
    auto decoded = decodeFrame(text.toUtf8(), field::kMaxServerFrameBytes);
    if (!decoded.ok()) {
        qWarning("undecodable frame from the server: %s", qPrintable(decoded.error().describe()));
        return;
    }
    const QString &re = decoded->envelope.re;
    if (re.isEmpty())
        return; // pushed: conversation details, member events, typing…
    if (re.startsWith(u's')) {
        // A send refused (RATE_LIMITED, …): counted, never expected at the receivers.
        const qint64 errors = m_sink.sendErrors.fetch_add(1, std::memory_order_relaxed);
        if (errors < 3)
            qWarning("message.send refused: %s", qPrintable(text.left(300)));
        return;
    }
    if (auto callback = m_pending.take(re))
        callback(decoded->frame, now);
}

} // namespace confab::bench

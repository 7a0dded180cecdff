// Network faults against a real server (SQLite: the database is not the point here):
//  - a peer that reads nothing while a lot is sent to it (what the server buffers, and for how long);
//  - a half-sent WebSocket frame (a header promising 100 bytes, then nothing).
// Raw POSIX sockets, blocking and never read: exactly a peer that stopped reading.
#include "harness.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>

#include <cerrno>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace confab::protocol;
using namespace confab::test;

namespace {

qint64 rssKb(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/status").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

//! The pid of the server process started with this config file (ServerProcess does not expose it).
qint64 serverPid(const QString &configPath)
{
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &entry : entries) {
        bool numeric = false;
        const qint64 pid = entry.toLongLong(&numeric);
        QFile f(QStringLiteral("/proc/%1/cmdline").arg(entry));
        if (numeric && f.open(QIODevice::ReadOnly) && f.readAll().split('\0').contains(configPath.toUtf8()))
            return pid;
    }
    return -1;
}

//! A WebSocket client on a plain blocking socket: handshake, then frames written by hand.
class RawPeer {
public:
    ~RawPeer() { close(); }
    bool open(quint16 port, int receiveBuffer = 0)
    {
        m_fd = ::socket(AF_INET, SOCK_STREAM, 0);
        if (m_fd < 0)
            return false;
        if (receiveBuffer > 0)
            ::setsockopt(m_fd, SOL_SOCKET, SO_RCVBUF, &receiveBuffer, sizeof receiveBuffer);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_port = htons(port);
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (::connect(m_fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0)
            return false;
        const QByteArray request = "GET / HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(port)
            + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
              "Sec-WebSocket-Version: 13\r\n\r\n";
        if (!writeAll(request))
            return false;
        // Read the 101 response (and nothing after it).
        QByteArray response;
        char c;
        while (!response.endsWith("\r\n\r\n") && ::read(m_fd, &c, 1) == 1)
            response.append(c);
        return response.startsWith("HTTP/1.1 101");
    }
    //! One masked text frame, whole.
    bool sendText(const QByteArray &payload)
    {
        QByteArray frame;
        frame.append(char(0x81));
        if (payload.size() < 126) {
            frame.append(char(0x80 | payload.size()));
        } else {
            frame.append(char(0x80 | 126));
            frame.append(char((payload.size() >> 8) & 0xff));
            frame.append(char(payload.size() & 0xff));
        }
        const char mask[4] = {0x11, 0x22, 0x33, 0x44};
        frame.append(mask, 4);
        for (qsizetype i = 0; i < payload.size(); ++i)
            frame.append(char(payload[i] ^ mask[i % 4]));
        return writeAll(frame);
    }
    bool writeAll(const QByteArray &bytes)
    {
        qsizetype done = 0;
        while (done < bytes.size()) {
            const ssize_t n = ::write(m_fd, bytes.constData() + done, size_t(bytes.size() - done));
            if (n <= 0)
                return false;
            done += n;
        }
        return true;
    }
    //! True once the server closed or reset the connection (reads and discards what is pending).
    bool closedByServer(int timeoutMs)
    {
        timeval tv{timeoutMs / 1000, (timeoutMs % 1000) * 1000};
        ::setsockopt(m_fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
        char buffer[65536];
        QElapsedTimer clock;
        clock.start();
        while (clock.elapsed() < timeoutMs) {
            const ssize_t n = ::read(m_fd, buffer, sizeof buffer);
            if (n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR))
                return true;
            if (n < 0)
                return false; // timed out
        }
        return false;
    }
    void close()
    {
        if (m_fd >= 0)
            ::close(m_fd);
        m_fd = -1;
    }

private:
    int m_fd = -1;
};

//! The server still does its job for a well-behaved client: sign in, send, get the ack.
bool serverServes(Harness &h, const QString &username)
{
    auto c = h.client(username);
    if (!c)
        return false;
    const Frame created = c->request(ConversationCreate{ConversationKind::Group, QStringLiteral("alive"), {}}, 10000);
    const auto *detail = std::get_if<ConversationDetail>(&created);
    if (!detail)
        return false;
    MessageSend send;
    send.conversationId = detail->conversation.id;
    send.clientId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    send.body = QStringLiteral("still here");
    return std::holds_alternative<MessageSent>(c->request(send, 10000));
}

} // namespace

class TestNetFaults : public QObject {
    Q_OBJECT
private slots:
    /*
     * A member who stops reading. The server bounds what it queues for a peer
     * (server/max_queued_bytes): beyond a quarter of it typing and presence are dropped, beyond it
     * the connection is closed with 4004 — long before the heartbeat would notice — and others are
     * served throughout. The test prints how the server's RSS moved.
     */
    void peerThatReadsNothing()
    {
        constexpr int kHeartbeatMs = 30000; // the heartbeat must not be what ends it
        Harness h(TestDatabase::Kind::SQLite, {{QStringLiteral("server/heartbeat_ms"), QString::number(kHeartbeatMs)},
                                               {QStringLiteral("server/max_queued_bytes"), QString::number(1024 * 1024)}});
        QVERIFY2(h.start(), qPrintable(h.errorString()));
        auto sender = h.client(QStringLiteral("sender"));
        QVERIFY(sender);
        auto sink = h.client(QStringLiteral("sink"));
        QVERIFY(sink);
        const QString token = sink->token();
        const Frame created = sender->request(ConversationCreate{ConversationKind::Group, QStringLiteral("flood"), {sink->userId()}});
        QVERIFY(std::holds_alternative<ConversationDetail>(created));
        const QString room = std::get<ConversationDetail>(created).conversation.id;
        sink.reset();

        RawPeer silent;
        QVERIFY(silent.open(h.server().port(), 4096));
        QVERIFY(silent.sendText(encodeFrame(AuthResume{token, QStringLiteral("silent")}, {QStringLiteral("a1"), {}})));
        QTest::qWait(300);

        const qint64 pid = serverPid(h.server().configPath());
        QVERIFY(pid > 0);
        const qint64 before = rssKb(pid);
        // 16 MB of message bodies (16 KB each) fanned out to a peer that reads nothing: more than the
        // kernel buffers on both ends can absorb, so the rest waits in the server.
        const QString body(16 * 1024 - 16, u'x');
        constexpr int kMessages = 1024;
        QElapsedTimer clock;
        clock.start();
        QString last;
        for (int i = 0; i < kMessages; ++i) {
            MessageSend send;
            send.conversationId = room;
            send.clientId = QUuid::createUuid().toString(QUuid::WithoutBraces);
            send.body = body;
            last = sender->send(send);
            if (i % 64 == 63) {
                const Frame reply = sender->waitForReply(last, 20000);
                QVERIFY2(std::holds_alternative<MessageSent>(reply), qPrintable(TestClient::describe(reply)));
            }
        }
        const qint64 peak = rssKb(pid);
        const double queuedMb = double(kMessages) * body.size() / (1024.0 * 1024.0);
        qInfo().noquote() << QStringLiteral("server RSS %1 MB -> %2 MB after %3 MB fanned out to a peer that reads nothing (%4 ms)")
                                 .arg(before / 1024.0, 0, 'f', 1).arg(peak / 1024.0, 0, 'f', 1).arg(queuedMb, 0, 'f', 1)
                                 .arg(clock.elapsed());
        // Others are served while the silent peer's data piles up.
        QVERIFY(serverServes(h, QStringLiteral("bystander")));
        // The queue limit ended it, not the heartbeat. Not read from before the server gave up: a
        // peer that starts reading drains its queue and is rightly kept.
        QTRY_VERIFY2_WITH_TIMEOUT(h.server().log().contains(QStringLiteral("does not read")),
                                  "the server kept queueing for a peer that reads nothing", 10000);
        QVERIFY2(silent.closedByServer(5000), "the server decided to close but the connection stayed open");
        QVERIFY2(clock.elapsed() < kHeartbeatMs, "closed by the heartbeat, not by the queue limit");
        QTest::qWait(500);
        qInfo().noquote() << QStringLiteral("server RSS %1 MB after the silent peer was dropped").arg(rssKb(pid) / 1024.0, 0, 'f', 1);
        QVERIFY(serverServes(h, QStringLiteral("bystander2")));
        QVERIFY(h.server().isRunning());
    }

    //! A frame header promising 100 bytes, then nothing: the server serves others and drops the peer.
    void halfSentFrame()
    {
        constexpr int kAuthTimeoutMs = 1500;
        Harness h(TestDatabase::Kind::SQLite, {{QStringLiteral("auth/timeout_ms"), QString::number(kAuthTimeoutMs)}});
        QVERIFY2(h.start(), qPrintable(h.errorString()));
        std::vector<std::unique_ptr<RawPeer>> stuck;
        for (int i = 0; i < 5; ++i) {
            auto peer = std::make_unique<RawPeer>();
            QVERIFY(peer->open(h.server().port()));
            // FIN + text, masked, length 100, the mask, 10 of the 100 bytes.
            QVERIFY(peer->writeAll(QByteArray("\x81\xe4\x01\x02\x03\x04", 6) + QByteArray(10, 'a')));
            stuck.push_back(std::move(peer));
        }
        QElapsedTimer clock;
        clock.start();
        QVERIFY(serverServes(h, QStringLiteral("patient")));
        QVERIFY2(clock.elapsed() < 5000, "the half-sent frames held up the server");
        // Unauthenticated and silent: closed at the auth deadline (checked about once a second).
        for (auto &peer : stuck)
            QVERIFY2(peer->closedByServer(kAuthTimeoutMs + 4000), "a half-open connection was kept");
        QVERIFY(serverServes(h, QStringLiteral("patient2")));
    }
};

QTEST_GUILESS_MAIN(TestNetFaults)
#include "tst_faults_net.moc"

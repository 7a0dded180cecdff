// The transport under stress: wss:// with a certificate made at test time, peers that stall during or
// after the WebSocket handshake, and many connections at once. Whoever misbehaves is dropped in
// bounded time; everyone else keeps being served.
#include "harness.h"
#include "tlscertificates.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QSslCertificate>
#include <QSslCipher>
#include <QSslConfiguration>
#include <QSslError>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>

#include <vector>

using namespace confab::protocol;
using namespace confab::test;

namespace {

//! A group of two, one message from `a`, and `b` receives it with its body: the whole path works.
bool roundTrip(TestClient &a, TestClient &b, const QString &body)
{
    const Frame created = a.request(ConversationCreate{ConversationKind::Group, body.left(40), {b.userId()}});
    const auto *detail = std::get_if<ConversationDetail>(&created);
    if (!detail) {
        qWarning("conversation.create failed: %s", qPrintable(TestClient::describe(created)));
        return false;
    }
    MessageSend send;
    send.conversationId = detail->conversation.id;
    send.clientId = QStringLiteral("rt-%1").arg(QRandomGenerator::global()->generate());
    send.body = body;
    const Frame reply = a.request(send);
    const auto *sent = std::get_if<MessageSent>(&reply);
    if (!sent) {
        qWarning("message.send failed: %s", qPrintable(TestClient::describe(reply)));
        return false;
    }
    const QString room = detail->conversation.id;
    const qint64 seq = sent->message.seq;
    return b.waitForPushed([&](const Frame &f) {
        const auto *e = std::get_if<Event>(&f);
        return e && e->conversationId == room && e->seq == seq && e->message && e->message->body == body;
    });
}

/*!
 * A WebSocket peer written by hand on a plain TCP socket, so that it can misbehave in ways QWebSocket
 * never would: stop answering pings, or never finish its handshake. Waits run the event loop, so the
 * well-behaved QWebSocket clients of the same test keep answering the server's pings meanwhile.
 */
class RawPeer {
public:
    RawPeer()
    {
        QObject::connect(&m_socket, &QTcpSocket::readyRead, &m_socket, [this] {
            if (m_reading)
                m_received += m_socket.readAll();
        });
    }

    QTcpSocket &socket() { return m_socket; }
    bool isConnected() const { return m_socket.state() == QAbstractSocket::ConnectedState; }

    bool connectTo(quint16 port)
    {
        m_socket.connectToHost(QHostAddress(QHostAddress::LocalHost), port);
        const auto settled = [this] {
            return m_socket.state() == QAbstractSocket::ConnectedState ||
                   m_socket.state() == QAbstractSocket::UnconnectedState;
        };
        return QTest::qWaitFor(settled, 5000) && isConnected();
    }

    //! Sends a valid Upgrade request; checks the 101 reply and its Sec-WebSocket-Accept (RFC 6455 4.2.2).
    bool upgrade(quint16 port)
    {
        QByteArray nonce(16, '\0');
        for (char &c : nonce)
            c = char(QRandomGenerator::global()->bounded(256));
        const QByteArray key = nonce.toBase64();
        m_socket.write(
            QByteArrayLiteral("GET / HTTP/1.1\r\nHost: 127.0.0.1:") + QByteArray::number(port) +
            QByteArrayLiteral("\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: ") + key +
            QByteArrayLiteral("\r\nSec-WebSocket-Version: 13\r\n\r\n"));
        if (!waitForReceived(QByteArrayLiteral("\r\n\r\n"), 5000))
            return false;
        const qsizetype end = m_received.indexOf("\r\n\r\n") + 4;
        const QByteArray head = m_received.left(end);
        m_received.remove(0, end);
        const QByteArray accept =
            QCryptographicHash::hash(
                QByteArray(key + QByteArrayLiteral("258EAFA5-E914-47DA-95CA-C5AB0DC85B11")),
                QCryptographicHash::Sha1)
                .toBase64();
        if (!head.startsWith("HTTP/1.1 101") ||
            !head.contains(QByteArray(QByteArrayLiteral("Sec-WebSocket-Accept: ") + accept))) {
            qWarning("unexpected handshake reply: %s", head.constData());
            return false;
        }
        return true;
    }

    //! One masked text frame, as a client must send it (RFC 6455 5.3).
    void sendText(const QByteArray &payload)
    {
        QByteArray frame;
        frame.append(char(0x81)); // FIN, text
        if (payload.size() < 126) {
            frame.append(char(0x80 | payload.size()));
        } else if (payload.size() <= 0xFFFF) {
            frame.append(char(0x80 | 126));
            frame.append(char(payload.size() >> 8));
            frame.append(char(payload.size() & 0xFF));
        } else {
            frame.append(char(0x80 | 127));
            for (int shift = 56; shift >= 0; shift -= 8)
                frame.append(char((quint64(payload.size()) >> shift) & 0xFF));
        }
        const quint32 mask = QRandomGenerator::global()->generate();
        const char maskBytes[4] = {char(mask >> 24), char(mask >> 16), char(mask >> 8), char(mask)};
        frame.append(maskBytes, 4);
        for (qsizetype i = 0; i < payload.size(); ++i)
            frame.append(char(payload.at(i) ^ maskBytes[i % 4]));
        m_socket.write(frame);
    }

    bool waitForReceived(const QByteArray &needle, int timeoutMs)
    {
        return QTest::qWaitFor([&] { return m_received.contains(needle) || !isConnected(); }, timeoutMs) &&
               m_received.contains(needle);
    }

    //! From now on the peer is stuck: whatever the server sends (pings included) is never looked at.
    void stopReading() { m_reading = false; }

    bool waitForDisconnected(int timeoutMs)
    {
        return QTest::qWaitFor([this] { return m_socket.state() == QAbstractSocket::UnconnectedState; },
                               timeoutMs);
    }

private:
    QTcpSocket m_socket;
    QByteArray m_received;
    bool m_reading = true;
};

} // namespace

class TestServerNet : public QObject {
    Q_OBJECT
private slots:
    void initTestCase_data() { addBackendRows(); }

    void initTestCase()
    {
        // Made once per run: an RSA certificate and an EC one (the server reads both kinds of key).
        // Failures show up in the TLS tests only.
        m_tlsError = m_certs.make(QStringLiteral("rsa"), TestCertificates::Key::Rsa);
        if (m_tlsError.isEmpty())
            m_tlsError = m_certs.make(QStringLiteral("ec"), TestCertificates::Key::Ec);
        // A second EC pair, so that a key can be given with a certificate it does not belong to.
        if (m_tlsError.isEmpty())
            m_tlsError = m_certs.make(QStringLiteral("ec2"), TestCertificates::Key::Ec);
        m_rsaCert = m_certs.certificate(QStringLiteral("rsa"));
        m_ecCert = m_certs.certificate(QStringLiteral("ec"));
    }

    void wssEndToEnd()
    {
        QVERIFY2(m_tlsError.isEmpty(), qPrintable(m_tlsError));
        QVERIFY(!m_rsaCert.isNull() && !m_ecCert.isNull());
        CONFAB_START_HARNESS(h, {{QStringLiteral("tls/certificate"), certPath(QStringLiteral("rsa"))},
                                 {QStringLiteral("tls/key"), keyPath(QStringLiteral("rsa"))}});
        const QString url = h.server().url();
        QVERIFY2(url.startsWith(QLatin1StringView("wss://")), qPrintable(url));

        // One client trusts the certificate as its only CA ...
        TestClient mina;
        QSslConfiguration trusting = QSslConfiguration::defaultConfiguration();
        trusting.setCaCertificates({m_rsaCert});
        mina.socket().setSslConfiguration(trusting);
        QVERIFY(mina.open(url));
        QVERIFY(mina.signUp(QStringLiteral("mina")));
        QCOMPARE(mina.socket().sslConfiguration().peerCertificate(), m_rsaCert);

        // ... the other accepts exactly the one error this certificate causes: self-signed, this one.
        TestClient joon;
        joon.socket().ignoreSslErrors({QSslError(QSslError::SelfSignedCertificate, m_rsaCert)});
        QVERIFY(joon.open(url));
        QVERIFY(joon.signUp(QStringLiteral("joon")));
        QVERIFY(!joon.socket().sslConfiguration().sessionCipher().isNull());

        QVERIFY(roundTrip(mina, joon, QStringLiteral("over wss, 안녕")));

        // A client that does not trust the certificate is refused before any WebSocket traffic.
        TestClient stranger;
        QList<QSslError> seen;
        connect(&stranger.socket(), &QWebSocket::sslErrors, this,
                [&seen](const QList<QSslError> &errors) { seen += errors; });
        QVERIFY(!stranger.open(url, 5000));
        QVERIFY(!stranger.isConnected());
        QVERIFY2(seen.contains(QSslError(QSslError::SelfSignedCertificate, m_rsaCert)),
                 qPrintable(describe(seen)));

        // Accepting a *different* self-signed certificate does not let it in either.
        TestClient misled;
        misled.socket().ignoreSslErrors({QSslError(QSslError::SelfSignedCertificate, m_ecCert)});
        QVERIFY(!misled.open(url, 5000));

        // Plain ws:// to the TLS port gets nowhere, and quickly.
        TestClient plain;
        QVERIFY(!plain.open(QStringLiteral("ws://127.0.0.1:%1").arg(h.server().port()), 5000));

        // None of that hurt the server: the trusted pair still talks, both ways.
        QVERIFY(roundTrip(joon, mina, QStringLiteral("still over wss")));
    }

    void tlsMistakesStopTheServer()
    {
        // A key without a certificate used to start a plain ws:// server although the operator asked for
        // TLS; a key that does not belong to the certificate, a wss:// server on which every handshake
        // failed, with nothing in the log. Now the server refuses to start and says why.
        QVERIFY2(m_tlsError.isEmpty(), qPrintable(m_tlsError));
        QFETCH_GLOBAL(int, backend);
        const QString together = QStringLiteral("must be set together");
        const QString mismatch = QStringLiteral("cannot be used together");
        const QList<std::pair<QMap<QString, QString>, QString>> cases = {
            {{{QStringLiteral("tls/key"), keyPath(QStringLiteral("rsa"))}}, together},
            {{{QStringLiteral("tls/certificate"), certPath(QStringLiteral("rsa"))}}, together},
            {{{QStringLiteral("tls/certificate"), certPath(QStringLiteral("ec"))},
              {QStringLiteral("tls/key"), keyPath(QStringLiteral("ec2"))}},
             mismatch},
            {{{QStringLiteral("tls/certificate"), certPath(QStringLiteral("rsa"))},
              {QStringLiteral("tls/key"), keyPath(QStringLiteral("ec"))}},
             mismatch},
        };
        for (const auto &[settings, expected] : cases) {
            Harness h(TestDatabase::Kind(backend), settings);
            QVERIFY2(!h.start(), qPrintable(QStringLiteral("started on %1 with %2")
                                                .arg(h.server().url(), settings.keys().join(u','))));
            QVERIFY2(h.errorString().contains(expected), qPrintable(h.errorString()));
        }
    }

    void stalledTlsHandshakesAreDropped()
    {
        QVERIFY2(m_tlsError.isEmpty(), qPrintable(m_tlsError));
        CONFAB_START_HARNESS(h, {{QStringLiteral("tls/certificate"), certPath(QStringLiteral("ec"))},
                                 {QStringLiteral("tls/key"), keyPath(QStringLiteral("ec"))},
                                 {QStringLiteral("auth/timeout_ms"), QStringLiteral("1000")}});
        QVERIFY(h.server().url().startsWith(QLatin1StringView("wss://")));
        QElapsedTimer clock;
        clock.start();

        // Connects and never says a word: the TLS handshake never starts.
        RawPeer silent;
        QVERIFY(silent.connectTo(h.server().port()));
        // Completes TLS, then never sends the HTTP Upgrade request.
        QSslSocket quiet;
        quiet.ignoreSslErrors({QSslError(QSslError::SelfSignedCertificate, m_ecCert)});
        quiet.connectToHostEncrypted(QStringLiteral("127.0.0.1"), h.server().port());
        QVERIFY(QTest::qWaitFor([&quiet] { return quiet.isEncrypted(); }, 5000));

        // Meanwhile a proper client gets in and works.
        TestClient mina;
        QSslConfiguration trusting = QSslConfiguration::defaultConfiguration();
        trusting.setCaCertificates({m_ecCert});
        mina.socket().setSslConfiguration(trusting);
        QVERIFY(mina.open(h.server().url()));
        QVERIFY(mina.signUp(QStringLiteral("mina")));

        QVERIFY2(silent.waitForDisconnected(10000), "a silent TCP peer on the TLS port was never dropped");
        QVERIFY2(
            QTest::qWaitFor([&quiet] { return quiet.state() == QAbstractSocket::UnconnectedState; }, 10000),
            "a TLS peer that never sent its HTTP request was never dropped");
        QVERIFY2(clock.elapsed() < 10000, qPrintable(QStringLiteral("took %1 ms").arg(clock.elapsed())));
        QVERIFY(mina.isConnected());
        QVERIFY(std::holds_alternative<Conversations>(mina.request(ConversationList{})));
    }

    void stalledPeersAreDropped()
    {
        // The auth timeout is long here, so that only the heartbeat can explain a drop.
        CONFAB_START_HARNESS(h, {{QStringLiteral("server/heartbeat_ms"), QStringLiteral("300")},
                                 {QStringLiteral("auth/timeout_ms"), QStringLiteral("60000")}});
        auto mina = h.client(QStringLiteral("mina"));
        auto joon = h.client(QStringLiteral("joon"));
        QVERIFY(mina && joon);

        // A signed-in peer (a laptop whose lid closed) and an anonymous one, both stuck after that.
        RawPeer stuck;
        QVERIFY(stuck.connectTo(h.server().port()));
        QVERIFY(stuck.upgrade(h.server().port()));
        AuthRegister reg;
        reg.username = QStringLiteral("stuck");
        reg.password = QStringLiteral("correct horse 1");
        reg.displayName = QStringLiteral("Stuck");
        reg.device = QStringLiteral("raw");
        stuck.sendText(encodeFrame(reg, {QStringLiteral("a1"), {}}));
        QVERIFY2(stuck.waitForReceived(QByteArrayLiteral("\"auth.ok\""), 10000),
                 "the raw peer could not sign up");
        stuck.stopReading();
        RawPeer mute;
        QVERIFY(mute.connectTo(h.server().port()));
        QVERIFY(mute.upgrade(h.server().port()));
        mute.stopReading();

        // No pong for 2 × 300 ms + 1 s: both are aborted, well before the auth timeout could matter.
        QElapsedTimer clock;
        clock.start();
        QVERIFY2(stuck.waitForDisconnected(8000), "a signed-in peer that never answers pings was kept");
        QVERIFY2(mute.waitForDisconnected(8000), "an anonymous peer that never answers pings was kept");
        QVERIFY2(clock.elapsed() < 8000, qPrintable(QStringLiteral("took %1 ms").arg(clock.elapsed())));
        QVERIFY(QTest::qWaitFor(
            [&h] { return h.server().log().count(QLatin1StringView("no heartbeat from")) >= 2; }, 2000));

        // QWebSocket answers pings by itself: the live clients outlast several heartbeat deadlines.
        QTest::qWait(2000);
        QVERIFY(mina->isConnected() && joon->isConnected());
        QVERIFY(roundTrip(*mina, *joon, QStringLiteral("after the stalled peers")));
    }

    void slowHandshakesAreDropped()
    {
        CONFAB_START_HARNESS(h, {{QStringLiteral("auth/timeout_ms"), QStringLiteral("1000")}});
        QElapsedTimer clock;
        clock.start();

        // Slowloris: half a request line, one byte at a time, never finished before the timeout.
        RawPeer dribbler;
        QVERIFY(dribbler.connectTo(h.server().port()));
        const QByteArray request =
            QByteArrayLiteral("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                              "Connection: Upgrade\r\nSec-WebSocket-Version: 13\r\n");
        qsizetype written = 0;
        QTimer drip;
        connect(&drip, &QTimer::timeout, this, [&] {
            if (dribbler.isConnected() && written < request.size())
                dribbler.socket().write(request.mid(written++, 1));
        });
        drip.start(100);
        // And one that connects and never sends anything at all.
        RawPeer silent;
        QVERIFY(silent.connectTo(h.server().port()));

        // Meanwhile a normal client connects and signs in.
        auto mina = h.client(QStringLiteral("mina"));
        QVERIFY(mina);

        QVERIFY2(silent.waitForDisconnected(10000), "a silent peer was never dropped");
        QVERIFY2(dribbler.waitForDisconnected(10000), "a slowloris peer was never dropped");
        QVERIFY2(clock.elapsed() < 10000, qPrintable(QStringLiteral("took %1 ms").arg(clock.elapsed())));
        QVERIFY2(written < request.size(), "the slowloris peer finished its request before it was dropped");
        drip.stop();

        QVERIFY(mina->isConnected());
        QVERIFY(std::holds_alternative<Conversations>(mina->request(ConversationList{})));
    }

    void manyConnections()
    {
        constexpr int kCrowd = 200;
        // All from one address: the per-address cap (tst_limits tests it) is raised out of the way.
        CONFAB_START_HARNESS(h, {{QStringLiteral("auth/timeout_ms"), QStringLiteral("1000")},
                                 {QStringLiteral("server/connections_per_address"), QStringLiteral("1000")}});
        auto mina = h.client(QStringLiteral("mina"));
        auto joon = h.client(QStringLiteral("joon"));
        QVERIFY(mina && joon);

        // All at once, none of them signing in.
        int everConnected = 0;
        std::vector<std::unique_ptr<TestClient>> crowd;
        for (int i = 0; i < kCrowd; ++i) {
            auto c = std::make_unique<TestClient>();
            connect(&c->socket(), &QWebSocket::connected, this, [&everConnected] { ++everConnected; });
            c->socket().open(QUrl(h.server().url()));
            crowd.push_back(std::move(c));
        }
        QVERIFY2(QTest::qWaitFor([&] { return everConnected == kCrowd; }, 20000),
                 qPrintable(QStringLiteral("only %1 of %2 connected").arg(everConnected).arg(kCrowd)));

        // The server keeps serving: a message goes through, and a newcomer gets in and signs in.
        QVERIFY(roundTrip(*mina, *joon, QStringLiteral("in a crowd")));
        auto newcomer = h.client(QStringLiteral("newcomer"));
        QVERIFY(newcomer);

        // The server closes every one of the unauthenticated, with 4001.
        const auto allClosed = [&crowd] {
            return std::all_of(crowd.cbegin(), crowd.cend(), [](const auto &c) {
                return c->socket().state() == QAbstractSocket::UnconnectedState;
            });
        };
        QVERIFY(QTest::qWaitFor(allClosed, 15000));
        QStringList wrong;
        for (const auto &c : crowd) {
            if (c->closeCode() != int(CloseCode::AuthTimeout))
                wrong << QString::number(c->closeCode());
        }
        QVERIFY2(wrong.isEmpty(),
                 qPrintable(QStringLiteral("close codes other than 4001: ") + wrong.join(u' ')));

        // The signed-in ones outlived the crowd and still work.
        QVERIFY(mina->isConnected() && joon->isConnected() && newcomer->isConnected());
        QVERIFY(roundTrip(*joon, *newcomer, QStringLiteral("after the crowd")));
    }

private:
    QString certPath(const QString &name) const { return m_certs.certPath(name); }
    QString keyPath(const QString &name) const { return m_certs.keyPath(name); }

    static QString describe(const QList<QSslError> &errors)
    {
        QStringList out;
        for (const QSslError &e : errors)
            out << e.errorString();
        return QStringLiteral("TLS errors seen: ") + out.join(QStringLiteral("; "));
    }

    TestCertificates m_certs;
    QString m_tlsError;
    QSslCertificate m_rsaCert;
    QSslCertificate m_ecCert;
};

QTEST_GUILESS_MAIN(TestServerNet)
#include "tst_server_net.moc"

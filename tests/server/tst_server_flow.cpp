// How the server takes a connection's input: in turns, a few frames per connection, so that one
// connection's backlog waits behind the others; a bounded queue per connection; and a close that
// reaches the peer behind every reply, however much of its input is still unread.
#include "harness.h"
#include "tlscertificates.h"

#include <QElapsedTimer>
#include <QSslError>

#include <algorithm>

using namespace confab::protocol;
using namespace confab::test;

namespace {

//! An invalid frame (an unknown type) with a readable id, padded so that a burst of them is more than
//! one read of the socket takes in: the server decides to close while much of the burst is unread.
QByteArray invalidFrame(int n)
{
    return QStringLiteral(R"({"v":1,"type":"no.such.frame","id":"bad-%1","pad":"%2"})")
        .arg(n)
        .arg(QString(1500, u'x'))
        .toUtf8();
}

//! The `re` of a raw server frame, or empty.
QString replyTo(const QString &raw)
{
    auto decoded = decodeFrame(raw.toUtf8(), field::kMaxServerFrameBytes);
    return decoded.ok() ? decoded->envelope.re : QString();
}

} // namespace

class TestServerFlow : public QObject {
    Q_OBJECT
private slots:
    void initTestCase_data() { addBackendRows(); }

    void initTestCase()
    {
        m_tlsError = m_certs.make(QStringLiteral("rsa"), TestCertificates::Key::Rsa);
        m_cert = m_certs.certificate(QStringLiteral("rsa"));
    }

    void burstOfInvalidFramesGetsEveryReplyThenTheClose_data()
    {
        QTest::addColumn<bool>("tls");
        QTest::newRow("ws") << false;
        QTest::newRow("wss") << true;
    }

    void burstOfInvalidFramesGetsEveryReplyThenTheClose()
    {
        // The server used to close the TCP socket right after the close frame; with the rest of the
        // burst unread, Linux answered with a reset, and the client lost the close frame and replies.
        QFETCH(bool, tls);
        constexpr int kLimit = 250;
        constexpr int kBurst = 600;
        QMap<QString, QString> settings{{QStringLiteral("server/max_invalid_frames"), QString::number(kLimit)}};
        if (tls) {
            QVERIFY2(m_tlsError.isEmpty(), qPrintable(m_tlsError));
            settings.insert(QStringLiteral("tls/certificate"), m_certs.certPath(QStringLiteral("rsa")));
            settings.insert(QStringLiteral("tls/key"), m_certs.keyPath(QStringLiteral("rsa")));
        }
        CONFAB_START_HARNESS(h, settings);
        TestClient bad;
        if (tls)
            bad.socket().ignoreSslErrors({QSslError(QSslError::SelfSignedCertificate, m_cert)});
        QVERIFY(bad.open(h.server().url()));

        // Written in one go (the event loop does not run between these calls), and then more, until
        // the close arrives: the server always has unread input from this client when it decides.
        int sent = 0;
        for (; sent < kBurst; ++sent)
            bad.sendRaw(invalidFrame(sent));
        QElapsedTimer clock;
        clock.start();
        while (bad.isConnected() && sent < 20 * kBurst && clock.elapsed() < 20000) {
            for (int i = 0; i < 20; ++i, ++sent)
                bad.sendRaw(invalidFrame(sent));
            QTest::qWait(5);
        }
        QVERIFY(bad.waitForDisconnect(30000));

        // Every frame up to the limit was answered, in order, and then came the close frame: 4002.
        const QStringList &raw = bad.rawTexts();
        QStringList res;
        for (const QString &text : raw)
            res << replyTo(text);
        QStringList expected;
        for (int i = 0; i < kLimit; ++i)
            expected << QStringLiteral("bad-%1").arg(i);
        QCOMPARE(res, expected);
        QVERIFY(std::all_of(raw.cbegin(), raw.cend(),
                            [](const QString &text) { return text.contains(QLatin1StringView("\"INVALID\"")); }));
        QCOMPARE(bad.closeCode(), int(CloseCode::TooManyErrors));
        QVERIFY(!bad.socket().closeReason().isEmpty());
    }

    void backlogWaitsBehindOthers()
    {
        // One connection's many queued sends and another's single send go into the same conversation,
        // whose sequence numbers tell the order in which the server served them. The calm send leaves
        // once the server has started on the backlog; it is not served after all of it.
        constexpr int kBacklog = 800;
        CONFAB_START_HARNESS(h, {});
        auto flooder = h.client(QStringLiteral("flooder"));
        auto calm = h.client(QStringLiteral("calm"));
        QVERIFY(flooder && calm);
        const Frame created = flooder->request(
            ConversationCreate{ConversationKind::Group, QStringLiteral("shared"), {calm->userId()}});
        QVERIFY2(std::holds_alternative<ConversationDetail>(created), qPrintable(TestClient::describe(created)));
        const QString room = std::get<ConversationDetail>(created).conversation.id;

        QStringList ids;
        for (int i = 0; i < kBacklog; ++i)
            ids << flooder->send(textMessage(room, QStringLiteral("flood-%1").arg(i), QStringLiteral("flood %1").arg(i)));
        // The first reply shows that the server is serving the backlog now.
        const Frame first = flooder->waitForReply(ids.takeFirst());
        QVERIFY2(std::holds_alternative<MessageSent>(first), qPrintable(TestClient::describe(first)));
        const Frame calmReply = calm->request(textMessage(room, QStringLiteral("calm"), QStringLiteral("calm")));
        QVERIFY2(std::holds_alternative<MessageSent>(calmReply), qPrintable(TestClient::describe(calmReply)));
        const qint64 calmSeq = std::get<MessageSent>(calmReply).message.seq;

        int servedAfterCalm = 0;
        for (const QString &id : ids) {
            const Frame reply = flooder->waitForReply(id, 30000);
            QVERIFY2(std::holds_alternative<MessageSent>(reply), qPrintable(TestClient::describe(reply)));
            servedAfterCalm += std::get<MessageSent>(reply).message.seq > calmSeq ? 1 : 0;
        }
        // Served in arrival order, the calm send would come after the whole backlog (0 after it).
        qInfo("the calm send got seq %lld; %d of the other %d queued sends were served after it", calmSeq,
              servedAfterCalm, kBacklog - 1);
        QVERIFY2(servedAfterCalm >= kBacklog / 4,
                 qPrintable(QStringLiteral("only %1 of %2 queued sends were served after the calm one")
                                .arg(servedAfterCalm)
                                .arg(kBacklog)));
    }

    void calmRequestGoesBeforeTheBacklogs()
    {
        // Several connections with a backlog each, all in the same conversation, whose sequence numbers
        // tell the order in which the server served the sends. While they are being served, the server
        // is stopped, the test reads everything it has sent so far, the calm connection sends one
        // request, and the server goes on. Served in plain turns, the calm request would wait until
        // every backlog had had another turn; a connection with nothing waiting goes before the
        // backlogs, so it waits only for the turn under way. The test sees a send once it is committed:
        // the sends of the turns the server had served but not yet committed when it stopped (a group
        // commit waits for the event loop to be idle) count as ahead too, so a few turns, never a round.
        constexpr int kFlooders = 12;
        // Long enough that a fast machine is still serving the backlogs when the test stops the
        // server; the request rate is raised so that the bucket (4 × 50 by default) refuses none.
        constexpr int kBacklog = 400;
        constexpr int kTurn = 4; // the default server/frames_per_turn
        CONFAB_START_HARNESS(h, {{QStringLiteral("server/requests_per_second"), QStringLiteral("10000")}});
        auto calm = h.client(QStringLiteral("calm"));
        QVERIFY(calm);
        std::vector<std::unique_ptr<TestClient>> flooders;
        QStringList members;
        for (int f = 0; f < kFlooders; ++f) {
            flooders.push_back(h.client(QStringLiteral("flooder%1").arg(f)));
            QVERIFY(flooders.back());
            members << flooders.back()->userId();
        }
        const Frame created = calm->request(ConversationCreate{ConversationKind::Group, QStringLiteral("shared"), members});
        QVERIFY2(std::holds_alternative<ConversationDetail>(created), qPrintable(TestClient::describe(created)));
        const QString room = std::get<ConversationDetail>(created).conversation.id;

        std::vector<QStringList> ids(kFlooders);
        for (int f = 0; f < kFlooders; ++f) {
            for (int i = 0; i < kBacklog; ++i)
                ids[f] << flooders[f]->send(textMessage(room, QStringLiteral("flood-%1-%2").arg(f).arg(i), QStringLiteral("flood")));
        }
        // A first reply from each: every one of them has had a turn and has a backlog now.
        std::vector<std::pair<qint64, int>> served; // seq, flooder
        for (int f = 0; f < kFlooders; ++f) {
            const Frame reply = flooders[f]->waitForReply(ids[f].takeFirst(), 30000);
            QVERIFY2(std::holds_alternative<MessageSent>(reply), qPrintable(TestClient::describe(reply)));
            served.emplace_back(std::get<MessageSent>(reply).message.seq, f);
        }
        h.server().pause();
        // Everything the server wrote before it stopped is read: the calm connection, a member, gets
        // every send as an event in the order they were served. Bounded: 100 quiet rounds at most.
        qint64 lastSeen = 0;
        for (int quiet = 0, seen = -1; quiet < 3 && seen < 100; ++seen) {
            const qsizetype before = calm->rawTexts().size();
            QTest::qWait(50);
            quiet = calm->rawTexts().size() == before ? quiet + 1 : 0;
        }
        for (const QString &text : calm->rawTexts()) {
            auto decoded = decodeFrame(text.toUtf8(), field::kMaxServerFrameBytes);
            if (decoded.ok()) {
                if (const auto *event = std::get_if<Event>(&decoded->frame))
                    lastSeen = std::max(lastSeen, event->seq);
            }
        }
        const QString calmId = calm->send(textMessage(room, QStringLiteral("calm"), QStringLiteral("calm")));
        calm->socket().flush();
        h.server().resume();
        const Frame calmReply = calm->waitForReply(calmId, 30000);
        QVERIFY2(std::holds_alternative<MessageSent>(calmReply), qPrintable(TestClient::describe(calmReply)));
        const qint64 calmSeq = std::get<MessageSent>(calmReply).message.seq;

        for (int f = 0; f < kFlooders; ++f) {
            for (const QString &id : std::as_const(ids[f])) {
                const Frame reply = flooders[f]->waitForReply(id, 60000);
                QVERIFY2(std::holds_alternative<MessageSent>(reply), qPrintable(TestClient::describe(reply)));
                served.emplace_back(std::get<MessageSent>(reply).message.seq, f);
            }
        }
        const auto ahead = std::count_if(served.cbegin(), served.cend(),
                                         [&](const auto &s) { return s.first > lastSeen && s.first < calmSeq; });
        qInfo("%lld flood sends were served after the last one the test had seen (seq %lld) and before the calm "
              "send (seq %lld); a round of turns is %d",
              qint64(ahead), lastSeen, calmSeq, kFlooders * kTurn);
        // The backlogs lasted: flooders still had sends waiting after the calm one.
        int stillWaiting = 0;
        for (int f = 0; f < kFlooders; ++f) {
            stillWaiting += std::any_of(served.cbegin(), served.cend(),
                                        [&](const auto &s) { return s.second == f && s.first > calmSeq; });
        }
        QVERIFY2(stillWaiting >= kFlooders / 2, qPrintable(QStringLiteral("only %1 backlogs lasted").arg(stillWaiting)));
        QVERIFY2(lastSeen > 0 && ahead < kFlooders * kTurn / 2, qPrintable(QStringLiteral("%1 flood sends went first").arg(ahead)));
    }

    void overfullQueueIsRefusedThenClosed()
    {
        // More frames at once than a connection may have waiting: the excess is answered RATE_LIMITED
        // (max_invalid_frames of them in a row), then the connection is closed with 4002.
        CONFAB_START_HARNESS(h, {});
        auto greedy = h.client(QStringLiteral("greedy"));
        QVERIFY(greedy);
        const int burst = 3000; // three times the queue bound (ClientSession::kMaxQueuedFrames)
        for (int i = 0; i < burst; ++i)
            greedy->send(ConversationList{});
        QVERIFY(greedy->waitForDisconnect(30000));
        QCOMPARE(greedy->closeCode(), int(CloseCode::TooManyErrors));
        int served = 0, refused = 0;
        for (const QString &text : greedy->rawTexts()) {
            if (text.contains(QLatin1StringView("\"conversations\"")))
                ++served;
            else if (text.contains(QLatin1StringView("RATE_LIMITED")) && text.contains(QLatin1StringView("retry_after_ms")))
                ++refused;
        }
        QVERIFY2(served >= 1000 && served < burst, qPrintable(QString::number(served)));
        QCOMPARE(refused, 20); // the default server/max_invalid_frames
    }

private:
    TestCertificates m_certs;
    QString m_tlsError;
    QSslCertificate m_cert;
};

QTEST_GUILESS_MAIN(TestServerFlow)
#include "tst_server_flow.moc"

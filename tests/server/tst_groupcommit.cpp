// Group commit (server/services/groupcommit.h): messages that arrive together share one
// transaction. These tests send in bursts, without waiting for acks, and check what must not change
// because of it: every message answered once, seqs gap-free and in each sender's order, each event
// delivered once in order, retries answered with the stored message, refusals only for their own
// message — and that the commits were in fact shared.
#include "harness.h"
#include "scrape.h"

#include <QSet>

using namespace confab::protocol;
using namespace confab::test;

namespace {
MessageSend text(const QString &conversationId, const QString &clientId)
{
    return textMessage(conversationId, clientId, QStringLiteral("body of ") + clientId);
}

double commits(quint16 port)
{
    QString bad;
    const auto m = scrapeMetrics(port, &bad);
    if (!bad.isEmpty())
        qWarning().noquote() << bad;
    return m.value(QStringLiteral("confab_db_commit_duration_seconds_count"), -1);
}
} // namespace

class TestGroupCommit : public QObject {
    Q_OBJECT
private slots:
    void initTestCase_data() { addBackendRows(); }

    void burstsShareCommitsAndKeepEveryGuarantee()
    {
        const quint16 port = freePort();
        CONFAB_START_HARNESS(h, {{QStringLiteral("metrics/port"), QString::number(port)}});
        QTRY_VERIFY_WITH_TIMEOUT(h.server().log().contains(QStringLiteral("metrics on")), 10000);
        constexpr int kSenders = 4;
        constexpr int kEach = 100;
        std::vector<std::unique_ptr<TestClient>> senders;
        QList<QString> ids;
        for (int i = 0; i < kSenders; ++i) {
            senders.push_back(h.client(QStringLiteral("sender%1").arg(i)));
            QVERIFY(senders.back());
            ids.append(senders.back()->userId());
        }
        auto reader = h.client(QStringLiteral("reader"));
        QVERIFY(reader);
        ids.append(reader->userId());
        const Frame created =
            senders[0]->request(ConversationCreate{ConversationKind::Group, QStringLiteral("burst"), ids.mid(1)});
        const QString room = std::get<ConversationDetail>(created).conversation.id;
        QVERIFY(reader->waitForPushed([](const Frame &f) { return std::holds_alternative<Event>(f); }));
        reader->clearPushed();

        const double commitsBefore = commits(port);
        QVERIFY(commitsBefore >= 0);
        // Every sender writes its whole burst before reading any reply.
        QList<QStringList> requests(kSenders);
        for (int n = 0; n < kEach; ++n) {
            for (int i = 0; i < kSenders; ++i)
                requests[i].append(senders[i]->send(text(room, QStringLiteral("s%1-%2").arg(i).arg(n))));
        }
        QSet<qint64> seqs;
        QSet<QString> messageIds;
        for (int i = 0; i < kSenders; ++i) {
            qint64 previous = 0;
            for (const QString &id : std::as_const(requests[i])) {
                const Frame reply = senders[i]->waitForReply(id);
                const auto *sent = std::get_if<MessageSent>(&reply);
                QVERIFY2(sent, qPrintable(TestClient::describe(reply)));
                // One sender's messages keep the order they were sent in.
                QVERIFY(sent->message.seq > previous);
                previous = sent->message.seq;
                seqs.insert(sent->message.seq);
                messageIds.insert(sent->message.id);
            }
        }
        QCOMPARE(seqs.size(), kSenders * kEach);
        QCOMPARE(messageIds.size(), kSenders * kEach);
        // Gap-free: the burst took a contiguous run of seqs.
        const qint64 low = *std::min_element(seqs.cbegin(), seqs.cend());
        const qint64 high = *std::max_element(seqs.cbegin(), seqs.cend());
        QCOMPARE(high - low + 1, qint64(kSenders * kEach));

        // The reader got each event once, in seq order.
        QVERIFY(reader->waitForEvents(room, kSenders * kEach));
        const QList<Event> events = reader->events(room);
        QCOMPARE(events.size(), kSenders * kEach);
        for (qsizetype i = 0; i < events.size(); ++i)
            QCOMPARE(events.at(i).seq, low + i);

        // History (another read, after the acks) holds them all: acked means committed.
        const Frame page = reader->request(HistoryRequest{room, std::nullopt, std::nullopt, 100});
        QVERIFY2(std::holds_alternative<History>(page), qPrintable(TestClient::describe(page)));
        QCOMPARE(std::get<History>(page).events.constLast().seq, high);

        // And the point of it: far fewer commits than messages.
        const double shared = commits(port) - commitsBefore;
        qInfo() << kSenders * kEach << "messages in" << shared << "commits";
        QVERIFY2(shared > 0 && shared <= kSenders * kEach / 2,
                 qPrintable(QStringLiteral("%1 commits for %2 messages").arg(shared).arg(kSenders * kEach)));
    }

    void retriesAndRefusalsInsideABurst()
    {
        CONFAB_START_HARNESS(h, {});
        auto mina = h.client(QStringLiteral("mina"));
        auto joon = h.client(QStringLiteral("joon"));
        auto outsider = h.client(QStringLiteral("outsider"));
        QVERIFY(mina && joon && outsider);
        const Frame created =
            mina->request(ConversationCreate{ConversationKind::Group, QStringLiteral("room"), {joon->userId()}});
        const QString room = std::get<ConversationDetail>(created).conversation.id;
        const QString early = std::get<MessageSent>(mina->request(text(room, QStringLiteral("early")))).message.id;

        // One burst: new messages, the same client id twice, a retry of a message stored before,
        // a reply to a message that does not exist, and (from another connection) a send to a
        // conversation the sender is not in.
        const QString a = mina->send(text(room, QStringLiteral("a")));
        const QString twice1 = mina->send(text(room, QStringLiteral("twice")));
        const QString twice2 = mina->send(text(room, QStringLiteral("twice")));
        const QString retry = mina->send(text(room, QStringLiteral("early")));
        MessageSend dangling = text(room, QStringLiteral("dangling"));
        dangling.replyTo = QStringLiteral("m_doesnotexist");
        const QString badReply = mina->send(dangling);
        const QString intruder = outsider->send(text(room, QStringLiteral("intrusion")));
        const QString b = mina->send(text(room, QStringLiteral("b")));

        const Frame first = mina->waitForReply(twice1);
        const Frame second = mina->waitForReply(twice2);
        QVERIFY2(std::holds_alternative<MessageSent>(first), qPrintable(TestClient::describe(first)));
        QVERIFY2(std::holds_alternative<MessageSent>(second), qPrintable(TestClient::describe(second)));
        QCOMPARE(std::get<MessageSent>(second).message.id, std::get<MessageSent>(first).message.id);
        QCOMPARE(std::get<MessageSent>(second).message.seq, std::get<MessageSent>(first).message.seq);
        const Frame retried = mina->waitForReply(retry);
        QVERIFY2(std::holds_alternative<MessageSent>(retried), qPrintable(TestClient::describe(retried)));
        QCOMPARE(std::get<MessageSent>(retried).message.id, early);
        QVERIFY(TestClient::isError(mina->waitForReply(badReply), ErrorCode::NotFound));
        QVERIFY(TestClient::isError(outsider->waitForReply(intruder), ErrorCode::NotFound));
        const Frame aSent = mina->waitForReply(a);
        const Frame bSent = mina->waitForReply(b);
        QVERIFY(std::holds_alternative<MessageSent>(aSent) && std::holds_alternative<MessageSent>(bSent));

        // No seq was lost to the duplicate or the refusals: a, twice, b follow "early" without a gap.
        const qint64 earlySeq = std::get<MessageSent>(retried).message.seq;
        QCOMPARE(std::get<MessageSent>(aSent).message.seq, earlySeq + 1);
        QCOMPARE(std::get<MessageSent>(first).message.seq, earlySeq + 2);
        QCOMPARE(std::get<MessageSent>(bSent).message.seq, earlySeq + 3);

        // joon sees each message once (b is the last one sent to him).
        const auto bodies = [&joon, &room] {
            QStringList seen;
            for (const Event &e : joon->events(room)) {
                if (e.kind == EventKind::Message && e.message)
                    seen.append(e.message->body);
            }
            return seen;
        };
        QTRY_VERIFY_WITH_TIMEOUT(bodies().contains(QStringLiteral("body of b")), 10000);
        // A request first: frames to one connection leave in order, so anything else would be here.
        joon->request(ConversationList{});
        const QStringList seen = bodies();
        QCOMPARE(seen, (QStringList{QStringLiteral("body of early"), QStringLiteral("body of a"),
                                    QStringLiteral("body of twice"), QStringLiteral("body of b")}));
        // A later message still takes the next seq.
        const Frame later = joon->request(text(room, QStringLiteral("later")));
        QCOMPARE(std::get<MessageSent>(later).message.seq, earlySeq + 4);
    }
};

QTEST_MAIN(TestGroupCommit)
#include "tst_groupcommit.moc"

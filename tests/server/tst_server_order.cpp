// Total order and exactly-once under concurrency (DESIGN.md invariants 2 and 3).
#include "harness.h"

#include <QSet>

using namespace confab::protocol;
using namespace confab::test;

class TestServerOrder : public QObject {
    Q_OBJECT
private slots:
    void initTestCase_data() { addBackendRows(); }

    void concurrentSendersSeeOneGapFreeOrder()
    {
        CONFAB_START_HARNESS(h, {{QStringLiteral("limits/sync_gap_max"), QStringLiteral("5000")}});
        constexpr int kSenders = 20;
        constexpr int kPerSender = 50;
        std::vector<std::unique_ptr<TestClient>> clients;
        QList<QString> ids;
        for (int i = 0; i < kSenders; ++i) {
            clients.push_back(h.client(QStringLiteral("sender%1").arg(i)));
            QVERIFY(clients.back());
            ids.append(clients.back()->userId());
        }
        const Frame created = clients[0]->request(ConversationCreate{ConversationKind::Group, QStringLiteral("busy"), ids});
        const QString room = std::get<ConversationDetail>(created).conversation.id;
        const qint64 base = std::get<ConversationDetail>(created).conversation.lastSeq;
        for (auto &c : clients)
            QVERIFY(c->waitForEvents(room, int(base)));
        // An observer who drops out half way and catches up with sync.
        TestClient late;
        QVERIFY(late.open(h.server().url()));
        QVERIFY(late.signIn(QStringLiteral("sender1")));

        // Everyone sends at once, pipelined, without waiting for acks.
        QList<QList<QString>> requests(kSenders);
        for (int n = 0; n < kPerSender; ++n) {
            for (int i = 0; i < kSenders; ++i) {
                MessageSend s;
                s.conversationId = room;
                s.clientId = QStringLiteral("s%1-%2").arg(i).arg(n);
                s.body = QStringLiteral("%1:%2").arg(i).arg(n);
                requests[i].append(clients[size_t(i)]->send(s));
            }
            if (n == kPerSender / 2)
                late.close();
        }
        QHash<QString, qint64> ackedSeq;
        for (int i = 0; i < kSenders; ++i) {
            for (const QString &rid : std::as_const(requests[i])) {
                const Frame reply = clients[size_t(i)]->waitForReply(rid, 60000);
                const auto *sent = std::get_if<MessageSent>(&reply);
                QVERIFY2(sent, qPrintable(TestClient::describe(reply)));
                ackedSeq.insert(sent->message.clientId, sent->message.seq);
            }
        }
        QCOMPARE(ackedSeq.size(), kSenders * kPerSender);

        const qint64 total = base + kSenders * kPerSender;
        for (auto &c : clients) {
            QVERIFY(c->waitForEvents(room, int(total), 60000));
            const QList<Event> events = c->events(room);
            QCOMPARE(events.size(), int(total)); // nothing doubled
            QHash<int, int> lastOfSender;
            for (qsizetype k = 0; k < events.size(); ++k) {
                QCOMPARE(events[k].seq, qint64(k + 1)); // gap-free, in order, for every receiver
                if (events[k].kind != EventKind::Message)
                    continue;
                const Event &e = events[k];
                QCOMPARE(ackedSeq.value(e.message->clientId), e.seq); // the ack and the event agree
                // One sender's messages keep the order in which they were sent.
                const QStringList parts = e.message->body.split(u':');
                const int sender = parts[0].toInt(), n = parts[1].toInt();
                QCOMPARE(n, lastOfSender.value(sender, -1) + 1);
                lastOfSender[sender] = n;
            }
        }

        // The observer catches up: exactly the events it missed, none twice.
        const QList<Event> seen = late.events(room);
        const qint64 lastSeen = seen.isEmpty() ? 0 : seen.last().seq;
        for (qsizetype k = 0; k < seen.size(); ++k)
            QCOMPARE(seen[k].seq, qint64(k + 1));
        TestClient back;
        QVERIFY(back.open(h.server().url()));
        QVERIFY(back.signIn(QStringLiteral("sender1")));
        QList<Event> caughtUp;
        qint64 cursor = lastSeen;
        // sync, then history pages after it until nothing is left
        const Frame synced = back.request(SyncRequest{{{room, cursor}}});
        const SyncEntry entry = std::get<SyncResult>(synced).conversations.value(0);
        if (entry.reset) {
            QFAIL("the gap is within sync_gap_max: expected events, not a reset");
        }
        caughtUp += entry.events;
        bool more = entry.hasMore;
        cursor = caughtUp.isEmpty() ? cursor : caughtUp.last().seq;
        while (more) {
            const History page = std::get<History>(back.request(HistoryRequest{room, {}, cursor, 100}));
            caughtUp += page.events;
            more = page.hasMore;
            cursor = caughtUp.last().seq;
        }
        QCOMPARE(caughtUp.size(), int(total - lastSeen));
        for (qsizetype k = 0; k < caughtUp.size(); ++k)
            QCOMPARE(caughtUp[k].seq, lastSeen + 1 + k);
    }

    void sameClientIdFromTwoSocketsIsOneMessage()
    {
        CONFAB_START_HARNESS(h, {});
        auto a = h.client(QStringLiteral("twin"));
        QVERIFY(a);
        TestClient b;
        QVERIFY(b.open(h.server().url()));
        QVERIFY(b.signIn(QStringLiteral("twin")));
        const QString room = std::get<ConversationDetail>(
            a->request(ConversationCreate{ConversationKind::Group, QStringLiteral("twins"), {}})).conversation.id;
        for (int round = 0; round < 20; ++round) {
            MessageSend s;
            s.conversationId = room;
            s.clientId = QStringLiteral("dup-%1").arg(round);
            s.body = QStringLiteral("only once %1").arg(round);
            const QString ra = a->send(s);
            const QString rb = b.send(s);
            const Frame fa = a->waitForReply(ra);
            const Frame fb = b.waitForReply(rb);
            QVERIFY2(std::holds_alternative<MessageSent>(fa), qPrintable(TestClient::describe(fa)));
            QVERIFY2(std::holds_alternative<MessageSent>(fb), qPrintable(TestClient::describe(fb)));
            QCOMPARE(std::get<MessageSent>(fa).message.id, std::get<MessageSent>(fb).message.id);
        }
        const History history = std::get<History>(a->request(HistoryRequest{room, {}, {}, 100}));
        QSet<QString> clientIds;
        int messages = 0;
        for (const Event &e : history.events) {
            if (e.kind == EventKind::Message) {
                ++messages;
                clientIds.insert(e.message->clientId);
            }
        }
        QCOMPARE(messages, 20);
        QCOMPARE(clientIds.size(), 20);
    }
};

QTEST_GUILESS_MAIN(TestServerOrder)
#include "tst_server_order.moc"

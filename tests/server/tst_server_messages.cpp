// Conversations, messages, history and sync against a real server on both databases.
#include "harness.h"

using namespace confab::protocol;
using namespace confab::test;

namespace {
QString createGroup(TestClient &owner, const QList<QString> &members, const QString &title = QStringLiteral("Team"))
{
    const Frame reply = owner.request(ConversationCreate{ConversationKind::Group, title, members});
    const auto *detail = std::get_if<ConversationDetail>(&reply);
    if (!detail) {
        qWarning("create failed: %s", qPrintable(TestClient::describe(reply)));
        return {};
    }
    return detail->conversation.id;
}
} // namespace

class TestServerMessages : public QObject {
    Q_OBJECT
private slots:
    void initTestCase_data() { addBackendRows(); }

    void directConversationIsOnePerPair()
    {
        CONFAB_START_HARNESS(h, {});
        auto mina = h.client(QStringLiteral("mina"));
        auto joon = h.client(QStringLiteral("joon"));
        QVERIFY(mina && joon);
        const Frame looked = mina->request(UserLookup{{QStringLiteral("joon"), QStringLiteral("nobody")}});
        const auto *users = std::get_if<Users>(&looked);
        QVERIFY(users);
        QCOMPARE(users->users.size(), 1);
        QCOMPARE(users->users.first().id, joon->userId());

        const Frame first = mina->request(ConversationCreate{ConversationKind::Direct, {}, {joon->userId()}});
        const auto *a = std::get_if<ConversationDetail>(&first);
        QVERIFY2(a, qPrintable(TestClient::describe(first)));
        QCOMPARE(a->conversation.title, QStringLiteral("Joon")); // the other member's name
        QCOMPARE(a->members.size(), 2);
        // Joon was told about the new conversation.
        QVERIFY(joon->waitForPushed([](const Frame &f) { return std::holds_alternative<ConversationDetail>(f); }));
        // Asking again, from either side, gives the same conversation.
        const Frame again = joon->request(ConversationCreate{ConversationKind::Direct, {}, {mina->userId()}});
        QCOMPARE(std::get<ConversationDetail>(again).conversation.id, a->conversation.id);
        QCOMPARE(std::get<ConversationDetail>(again).conversation.title, QStringLiteral("Mina"));
        QVERIFY(TestClient::isError(mina->request(ConversationCreate{ConversationKind::Group, QStringLiteral("x"),
                                                                      {QStringLiteral("u_doesnotexist")}}),
                                    ErrorCode::NotFound));
    }

    void sendReachesEveryDeviceOfEveryMember()
    {
        CONFAB_START_HARNESS(h, {});
        auto mina = h.client(QStringLiteral("mina"));
        auto joon = h.client(QStringLiteral("joon"));
        auto sora = h.client(QStringLiteral("sora"));
        QVERIFY(mina && joon && sora);
        TestClient minaPhone;
        QVERIFY(minaPhone.open(h.server().url()));
        QVERIFY(minaPhone.signIn(QStringLiteral("mina")));
        const QString group = createGroup(*mina, {joon->userId()});
        QVERIFY(!group.isEmpty());

        const Frame sent = mina->request(textMessage(group, QStringLiteral("cid-1"), QStringLiteral("안녕, 팀! 👋")));
        const auto *ack = std::get_if<MessageSent>(&sent);
        QVERIFY2(ack, qPrintable(TestClient::describe(sent)));
        QCOMPARE(ack->message.body, QStringLiteral("안녕, 팀! 👋"));
        QCOMPARE(ack->message.senderId, mina->userId());
        const qint64 seq = ack->message.seq;
        QVERIFY(seq > 0);

        for (TestClient *c : {joon.get(), &minaPhone, mina.get()}) {
            QVERIFY(c->waitForPushed([&](const Frame &f) {
                const auto *e = std::get_if<Event>(&f);
                return e && e->kind == EventKind::Message && e->seq == seq && e->message &&
                       e->message->body == QStringLiteral("안녕, 팀! 👋");
            }));
        }
        // Sora is not a member: she hears nothing and cannot read the conversation.
        QTest::qWait(200);
        QVERIFY(sora->events(group).isEmpty());
        QVERIFY(TestClient::isError(sora->request(HistoryRequest{group, {}, {}, 50}), ErrorCode::NotFound));

        // The conversation list shows the last message and Joon's unread count.
        const Frame list = joon->request(ConversationList{});
        const auto &conversations = std::get<Conversations>(list).conversations;
        QCOMPARE(conversations.size(), 1);
        QCOMPARE(conversations.first().unread, 1);
        QCOMPARE(conversations.first().lastMessage->body, QStringLiteral("안녕, 팀! 👋"));
    }

    void retriedSendReturnsTheOriginal()
    {
        CONFAB_START_HARNESS(h, {});
        auto mina = h.client(QStringLiteral("mina"));
        auto joon = h.client(QStringLiteral("joon"));
        QVERIFY(mina && joon);
        const QString group = createGroup(*mina, {joon->userId()});
        const Frame first = mina->request(textMessage(group, QStringLiteral("same-id"), QStringLiteral("once")));
        const Frame second = mina->request(textMessage(group, QStringLiteral("same-id"), QStringLiteral("once")));
        QVERIFY(std::holds_alternative<MessageSent>(first));
        QCOMPARE(std::get<MessageSent>(second).message, std::get<MessageSent>(first).message);
        // Another user may use the same client id: it is per sender.
        const Frame joons = joon->request(textMessage(group, QStringLiteral("same-id"), QStringLiteral("mine")));
        QVERIFY(std::get<MessageSent>(joons).message.id != std::get<MessageSent>(first).message.id);

        const Frame history = mina->request(HistoryRequest{group, {}, {}, 100});
        int messages = 0;
        for (const Event &e : std::get<History>(history).events)
            messages += e.kind == EventKind::Message;
        QCOMPARE(messages, 2);
    }

    void historyPages()
    {
        CONFAB_START_HARNESS(h, {});
        auto mina = h.client(QStringLiteral("mina"));
        QVERIFY(mina);
        const QString group = createGroup(*mina, {});
        for (int i = 1; i <= 120; ++i) {
            const Frame r = mina->request(textMessage(group, QStringLiteral("c%1").arg(i), QStringLiteral("message %1").arg(i)));
            QVERIFY2(std::holds_alternative<MessageSent>(r), qPrintable(TestClient::describe(r)));
        }
        // created + member_added + 120 messages = seqs 1..122
        const Frame latest = mina->request(HistoryRequest{group, {}, {}, 50});
        const History &page = std::get<History>(latest);
        QCOMPARE(page.events.size(), 50);
        QVERIFY(page.hasMore);
        QCOMPARE(page.events.first().seq, 73);
        QCOMPARE(page.events.last().seq, 122);
        QCOMPARE(page.events.last().message->body, QStringLiteral("message 120"));

        const Frame older = mina->request(HistoryRequest{group, 73, {}, 100});
        const History &rest = std::get<History>(older);
        QCOMPARE(rest.events.size(), 72);
        QVERIFY(!rest.hasMore);
        QCOMPARE(rest.events.first().seq, 1);
        QCOMPARE(rest.events.first().kind, EventKind::Created);

        const Frame after = mina->request(HistoryRequest{group, {}, 100, 10});
        const History &newer = std::get<History>(after);
        QCOMPARE(newer.events.size(), 10);
        QCOMPARE(newer.events.first().seq, 101);
        QVERIFY(newer.hasMore);
        for (qsizetype i = 1; i < page.events.size(); ++i)
            QCOMPARE(page.events[i].seq, page.events[i - 1].seq + 1);
        QVERIFY(TestClient::isError(mina->request(HistoryRequest{group, {}, {}, 101}), ErrorCode::Invalid));
    }

    void syncReturnsExactlyWhatWasMissed()
    {
        CONFAB_START_HARNESS(h, {{QStringLiteral("limits/sync_gap_max"), QStringLiteral("30")}});
        auto mina = h.client(QStringLiteral("mina"));
        auto joon = h.client(QStringLiteral("joon"));
        QVERIFY(mina && joon);
        const QString small = createGroup(*mina, {joon->userId()}, QStringLiteral("small gap"));
        const QString large = createGroup(*mina, {joon->userId()}, QStringLiteral("large gap"));
        QVERIFY(joon->waitForEvents(large, 3)); // created, and two members added
        const qint64 smallSeen = joon->events(small).last().seq;
        const qint64 largeSeen = joon->events(large).last().seq;
        joon->close();

        for (int i = 0; i < 5; ++i)
            QVERIFY(std::holds_alternative<MessageSent>(
                mina->request(textMessage(small, QStringLiteral("s%1").arg(i), QStringLiteral("small %1").arg(i)))));
        for (int i = 0; i < 40; ++i)
            QVERIFY(std::holds_alternative<MessageSent>(
                mina->request(textMessage(large, QStringLiteral("l%1").arg(i), QStringLiteral("large %1").arg(i)))));
        const QString fresh = createGroup(*mina, {joon->userId()}, QStringLiteral("made while away"));

        TestClient back;
        QVERIFY(back.open(h.server().url()));
        QVERIFY(back.signIn(QStringLiteral("joon")));
        const Frame reply = back.request(SyncRequest{{{small, smallSeen}, {large, largeSeen},
                                                      {QStringLiteral("c_notmine"), 3}}});
        const auto *sync = std::get_if<SyncResult>(&reply);
        QVERIFY2(sync, qPrintable(TestClient::describe(reply)));
        QHash<QString, SyncEntry> byId;
        for (const SyncEntry &e : sync->conversations)
            byId.insert(e.conversationId, e);

        const SyncEntry &s = byId.value(small);
        QVERIFY(!s.reset);
        QCOMPARE(s.events.size(), 5);
        for (int i = 0; i < 5; ++i) {
            QCOMPARE(s.events[i].seq, smallSeen + 1 + i);
            QCOMPARE(s.events[i].message->body, QStringLiteral("small %1").arg(i));
        }
        const SyncEntry &l = byId.value(large);
        QVERIFY(l.reset); // 40 > sync_gap_max: a snapshot instead of every event
        QVERIFY(l.conversation.has_value());
        QCOMPARE(l.members.size(), 2);
        QCOMPARE(l.events.last().message->body, QStringLiteral("large 39"));
        const SyncEntry &f = byId.value(fresh);
        QVERIFY(f.reset);
        QCOMPARE(f.conversation->title, QStringLiteral("made while away"));
        QVERIFY(byId.value(QStringLiteral("c_notmine")).removed);
        // Nothing newer than what the client has: no entry at all.
        const Frame none = back.request(SyncRequest{{{small, s.events.last().seq}}});
        for (const SyncEntry &e : std::get<SyncResult>(none).conversations)
            QVERIFY(e.conversationId != small);
    }

    void editDeleteReact()
    {
        CONFAB_START_HARNESS(h, {});
        auto mina = h.client(QStringLiteral("mina"));
        auto joon = h.client(QStringLiteral("joon"));
        QVERIFY(mina && joon);
        const QString group = createGroup(*mina, {joon->userId()});
        const QString id = std::get<MessageSent>(mina->request(textMessage(group, QStringLiteral("e1"), QStringLiteral("typo hre")))).message.id;

        QVERIFY(TestClient::isError(joon->request(MessageEdit{group, id, QStringLiteral("hijack")}), ErrorCode::Forbidden));
        QVERIFY(std::holds_alternative<Ok>(mina->request(MessageEdit{group, id, QStringLiteral("typo here")})));
        QVERIFY(std::holds_alternative<Ok>(joon->request(MessageReact{group, id, QStringLiteral("👍"), true})));
        // Again, and removing one that is not there: accepted, but nothing happened, so no event.
        QVERIFY(std::holds_alternative<Ok>(joon->request(MessageReact{group, id, QStringLiteral("👍"), true})));
        QVERIFY(std::holds_alternative<Ok>(joon->request(MessageReact{group, id, QStringLiteral("🎉"), false})));
        QVERIFY(std::holds_alternative<Ok>(mina->request(MessageDelete{group, id})));
        QVERIFY(joon->waitForPushed([](const Frame &f) {
            const auto *e = std::get_if<Event>(&f);
            return e && e->kind == EventKind::Delete;
        }));

        const History history = std::get<History>(mina->request(HistoryRequest{group, {}, {}, 100}));
        bool sawEdit = false, sawReaction = false;
        for (const Event &e : history.events) {
            if (e.kind == EventKind::Message && e.message->id == id) {
                QVERIFY(e.message->deleted);
                QVERIFY(e.message->body.isEmpty()); // the body is gone from every later reply
                QVERIFY(e.message->editedAt.has_value());
            }
            if (e.kind == EventKind::Edit) {
                sawEdit = true;
                QVERIFY(e.body->isEmpty()); // the edit's text went with the delete
            }
            if (e.kind == EventKind::Reaction) {
                sawReaction = true;
                QCOMPARE(e.actorId, std::optional(joon->userId()));
                QCOMPARE(*e.emoji, QStringLiteral("👍"));
            }
        }
        QVERIFY(sawEdit && sawReaction);
        int reactions = 0;
        for (const Event &e : history.events)
            reactions += e.kind == EventKind::Reaction;
        QCOMPARE(reactions, 1);
        QVERIFY(TestClient::isError(joon->request(MessageEdit{group, id, QStringLiteral("x")}), ErrorCode::NotFound));
    }

    void receiptsMoveForwardOnly()
    {
        CONFAB_START_HARNESS(h, {});
        auto mina = h.client(QStringLiteral("mina"));
        auto joon = h.client(QStringLiteral("joon"));
        QVERIFY(mina && joon);
        const QString group = createGroup(*mina, {joon->userId()});
        qint64 last = 0;
        for (int i = 0; i < 3; ++i)
            last = std::get<MessageSent>(mina->request(textMessage(group, QStringLiteral("r%1").arg(i), QStringLiteral("hi")))).message.seq;

        QVERIFY(std::holds_alternative<Ok>(joon->request(Receipt{group, ReceiptKind::Read, last})));
        QVERIFY(mina->waitForPushed([&](const Frame &f) {
            const auto *m = std::get_if<MarkerUpdate>(&f);
            return m && m->memberId == joon->userId() && m->readSeq == last && m->deliveredSeq == last;
        }));
        QVERIFY(std::holds_alternative<Ok>(joon->request(Receipt{group, ReceiptKind::Read, 1})));
        const ConversationDetail detail = std::get<ConversationDetail>(joon->request(ConversationGet{group}));
        QCOMPARE(detail.conversation.readSeq, last);
        QCOMPARE(detail.conversation.unread, 0);
        // A seq beyond the end is clamped, not stored.
        QVERIFY(std::holds_alternative<Ok>(joon->request(Receipt{group, ReceiptKind::Read, 1'000'000})));
        QCOMPARE(std::get<ConversationDetail>(joon->request(ConversationGet{group})).conversation.readSeq, last);
    }

    void typingIsRelayedNotStored()
    {
        CONFAB_START_HARNESS(h, {});
        auto mina = h.client(QStringLiteral("mina"));
        auto joon = h.client(QStringLiteral("joon"));
        QVERIFY(mina && joon);
        const QString group = createGroup(*mina, {joon->userId()});
        const qint64 before = std::get<ConversationDetail>(mina->request(ConversationGet{group})).conversation.lastSeq;
        QVERIFY(std::holds_alternative<Ok>(mina->request(Typing{group, true})));
        QVERIFY(joon->waitForPushed([&](const Frame &f) {
            const auto *t = std::get_if<TypingUpdate>(&f);
            return t && t->memberId == mina->userId() && t->active;
        }));
        QTest::qWait(100);
        for (const Frame &f : mina->pushed())
            QVERIFY(!std::holds_alternative<TypingUpdate>(f)); // not echoed to the typer
        QCOMPARE(std::get<ConversationDetail>(mina->request(ConversationGet{group})).conversation.lastSeq, before);
    }
};

QTEST_GUILESS_MAIN(TestServerMessages)
#include "tst_server_messages.moc"

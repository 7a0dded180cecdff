// The timeline's own events through the client library against a real server: members added at
// once make one line, leaving, roles, renames and descriptions each say who did what, in English
// and Korean; in a blind room the lines name aliases only; a bot's messages say that it is one.
#include "device.h"
#include "harness.h"

using namespace confab::client;
using namespace confab::protocol;
using namespace confab::test;

namespace {
MemberInfo meIn(TestClient &c, const QString &conversationId)
{
    const Frame reply = c.request(ConversationGet{conversationId});
    const auto *detail = std::get_if<ConversationDetail>(&reply);
    return detail && detail->conversation.me ? *detail->conversation.me : MemberInfo{};
}
} // namespace

class TestClientSystemLines : public QObject {
    Q_OBJECT
private slots:
    void initTestCase_data() { addBackendRows(); }

    void groupEventsAsLines()
    {
        CONFAB_START_HARNESS(h, {});
        TestClient joon, sora, hana, dami, eun;
        QVERIFY(joon.open(h.server().url()) && joon.signUp(QStringLiteral("joon")));
        QVERIFY(sora.open(h.server().url()) && sora.signUp(QStringLiteral("sora")));
        QVERIFY(hana.open(h.server().url()) && hana.signUp(QStringLiteral("hana")));
        QVERIFY(dami.open(h.server().url()) && dami.signUp(QStringLiteral("dami")));
        QVERIFY(eun.open(h.server().url()) && eun.signUp(QStringLiteral("eun")));
        Device a;
        a->registerAccount(h.server().url(), QStringLiteral("mina"), QStringLiteral("Mina"), kTestPassword);
        QTRY_VERIFY_WITH_TIMEOUT(a.online(), 20000);

        // Mina creates the group with Joon; one line says so, and none for her own joining.
        QSignalSpy ready(a.client.get(), &ChatClient::conversationReady);
        a->createGroup(QStringLiteral("Design"), {QStringLiteral("joon")});
        QTRY_VERIFY_WITH_TIMEOUT(!ready.isEmpty(), 10000);
        const QString group = ready.first().first().toString();
        a->openConversation(group);
        QTRY_COMPARE_WITH_TIMEOUT(systemLines(a->messages()),
                                  (QList<QString>{QStringLiteral("Mina created the group"), QStringLiteral("Mina added Joon")}),
                                  10000);
        QVERIFY(std::holds_alternative<MessageSent>(joon.request(textMessage(group, QStringLiteral("j1"), QStringLiteral("hi all")))));
        QTRY_COMPARE_WITH_TIMEOUT(bodies(a->messages()), QList<QString>{QStringLiteral("hi all")}, 10000);

        // Four added in one go by Joon (an admin now): one line naming two and counting the rest.
        a->groupSettings()->setRole(joon.userId(), QStringLiteral("admin"));
        QTRY_COMPARE_WITH_TIMEOUT(systemLines(a->messages()).value(2), QStringLiteral("Mina made Joon admin"), 10000);
        const Frame added = joon.request(MembersAdd{group, {sora.userId(), hana.userId(), dami.userId(), eun.userId()}});
        QVERIFY2(std::holds_alternative<Ok>(added), qPrintable(TestClient::describe(added)));
        // (The server adds them in an order of its own: two names, whichever, and the count.)
        QTRY_VERIFY_WITH_TIMEOUT(systemLines(a->messages()).value(3).startsWith(QStringLiteral("Joon added ")), 10000);
        const QString addedLine = systemLines(a->messages()).value(3);
        QVERIFY2(addedLine.endsWith(QStringLiteral(" and 2 others")) && addedLine.count(u',') == 1, qPrintable(addedLine));
        QCOMPARE(systemLines(a->messages()).size(), 4);
        // Two leave one after the other: one line; then a rename and a description.
        QVERIFY(std::holds_alternative<Ok>(hana.request(ConversationLeave{group})));
        QVERIFY(std::holds_alternative<Ok>(dami.request(ConversationLeave{group})));
        QTRY_COMPARE_WITH_TIMEOUT(systemLines(a->messages()).value(4), QStringLiteral("Hana and Dami left"), 10000);
        a->groupSettings()->save(QStringLiteral("Design crew"), QStringLiteral("Sidebar and icons"));
        QTRY_COMPARE_WITH_TIMEOUT(systemLines(a->messages()).mid(5),
                                  (QList<QString>{QStringLiteral("Mina renamed the conversation to “Design crew”"),
                                                  QStringLiteral("Mina changed the description")}),
                                  10000);
        // The messages are still what they were, in their place among the lines.
        QCOMPARE(bodies(a->messages()), QList<QString>{QStringLiteral("hi all")});
        QCOMPARE(a->messages()->data(a->messages()->index(2), MessageListModel::BodyRole).toString(), QStringLiteral("hi all"));

        // The same lines after a restart, from the cache and older history.
        const QList<QString> before = systemLines(a->messages());
        a.restart();
        a->resume(h.server().url(), QStringLiteral("mina"));
        QTRY_VERIFY_WITH_TIMEOUT(a.online(), 20000);
        a->openConversation(group);
        QTRY_COMPARE_WITH_TIMEOUT(systemLines(a->messages()), before, 10000);
        QCOMPARE(bodies(a->messages()), QList<QString>{QStringLiteral("hi all")});
    }

    void blindRoomLinesNameAliasesOnly()
    {
        CONFAB_START_HARNESS(h, {});
        TestClient owner, joon;
        QVERIFY(owner.open(h.server().url()) && owner.signUp(QStringLiteral("olwen")));
        QVERIFY(joon.open(h.server().url()) && joon.signUp(QStringLiteral("joon")));
        Device a;
        a->registerAccount(h.server().url(), QStringLiteral("mina"), QStringLiteral("Mina Park"), kTestPassword);
        QTRY_VERIFY_WITH_TIMEOUT(a.online(), 20000);
        const Frame created = owner.request(ConversationCreate{ConversationKind::Blind, QStringLiteral("Matching"), {}});
        QVERIFY2(std::holds_alternative<ConversationDetail>(created), qPrintable(TestClient::describe(created)));
        const QString room = std::get<ConversationDetail>(created).conversation.id;
        QVERIFY(std::holds_alternative<Ok>(owner.request(MembersAdd{room, {a->userId(), joon.userId()}, QStringLiteral("A")})));
        QTRY_VERIFY_WITH_TIMEOUT(a->conversations()->indexOf(room) >= 0, 10000);
        a->openConversation(room);
        const MemberInfo ownerAlias = meIn(owner, room), joonAlias = meIn(joon, room);
        QTRY_VERIFY_WITH_TIMEOUT(systemLines(a->messages()).size() >= 2, 10000);
        QCOMPARE(systemLines(a->messages()).first(), QStringLiteral("%1 created the room").arg(ownerAlias.name));
        QVERIFY2(systemLines(a->messages()).value(1).startsWith(QStringLiteral("%1 added ").arg(ownerAlias.name)),
                 qPrintable(systemLines(a->messages()).value(1)));
        QVERIFY(systemLines(a->messages()).value(1).contains(joonAlias.name));

        // Joon and Mina reveal their names to each other: the line still names aliases.
        a->offerReveal(room, joonAlias.id);
        QVERIFY(joon.waitForPushed([&](const Frame &f) {
            const auto *e = std::get_if<Event>(&f);
            return e && e->kind == EventKind::RevealOffered && e->targetId == joonAlias.id;
        }));
        QVERIFY(std::holds_alternative<Ok>(joon.request(ConversationReveal{room, std::nullopt, true})));
        QTRY_VERIFY_WITH_TIMEOUT(systemLines(a->messages()).join(u'\n').contains(QStringLiteral("revealed their names")), 10000);
        const QString myAlias = a->conversations()
                                    ->data(a->conversations()->index(a->conversations()->indexOf(room)),
                                           ConversationListModel::MyAliasRole)
                                    .toString();
        QVERIFY(!myAlias.isEmpty());
        for (const QString &line : systemLines(a->messages())) {
            if (line.contains(QStringLiteral("revealed their names")))
                QVERIFY2(line.contains(joonAlias.name) && line.contains(myAlias), qPrintable(line));
        }
        // Joon leaves: by alias, though his name is known to Mina now.
        QVERIFY(std::holds_alternative<Ok>(joon.request(ConversationLeave{room})));
        QTRY_COMPARE_WITH_TIMEOUT(systemLines(a->messages()).last(), QStringLiteral("%1 left").arg(joonAlias.name), 10000);
        for (const QString &line : systemLines(a->messages())) {
            QVERIFY2(!line.contains(QStringLiteral("Joon")) && !line.contains(QStringLiteral("Olwen"))
                         && !line.contains(QStringLiteral("Mina Park")),
                     qPrintable(line));
        }
    }
};

QTEST_MAIN(TestClientSystemLines)
#include "tst_client_systemlines.moc"

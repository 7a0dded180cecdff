// Pinned messages through the client library against a real server: the pinned-message model of
// the open conversation follows pins and unpins live (under QAbstractItemModelTester), knows who
// may pin, comes back after being away (sync) and after a restart (the cache), drops a deleted
// message, and the timeline says who pinned; in a blind room by alias only.
#include "clientsteps.h"
#include "device.h"
#include "harness.h"

#include <QAbstractItemModelTester>

using namespace confab::client;
using namespace confab::protocol;
using namespace confab::test;

namespace {
QList<QString> previews(PinnedMessageModel *model)
{
    QList<QString> out;
    for (int row = 0; row < model->rowCount(); ++row)
        out.append(model->data(model->index(row), PinnedMessageModel::PreviewRole).toString());
    return out;
}

MemberInfo meIn(TestClient &c, const QString &conversationId)
{
    const Frame reply = c.request(ConversationGet{conversationId});
    const auto *detail = std::get_if<ConversationDetail>(&reply);
    return detail && detail->conversation.me ? *detail->conversation.me : MemberInfo{};
}
} // namespace

class TestClientPins : public QObject {
    Q_OBJECT
private slots:
    void initTestCase_data() { addBackendRows(); }

    void pinsFollowTheConversation()
    {
        CONFAB_START_HARNESS(h, {});
        TestClient joon;
        QVERIFY(joon.open(h.server().url()) && joon.signUp(QStringLiteral("joon")));
        Device a;
        a->registerAccount(h.server().url(), QStringLiteral("mina"), QStringLiteral("Mina"), kTestPassword);
        QTRY_VERIFY_WITH_TIMEOUT(a.online(), 20000);
        QAbstractItemModelTester tester(a->pins(), QAbstractItemModelTester::FailureReportingMode::QtTest);

        // Joon's group: Mina is a member, and members do not pin here (yet).
        const Frame created = joon.request(ConversationCreate{ConversationKind::Group, QStringLiteral("Plans"), {a->userId()}});
        QVERIFY2(std::holds_alternative<ConversationDetail>(created), qPrintable(TestClient::describe(created)));
        const QString group = std::get<ConversationDetail>(created).conversation.id;
        const MessageInfo rule = std::get<MessageSent>(joon.request(textMessage(group, QStringLiteral("j1"),
                                                                               QStringLiteral("**Rule one**: be kind\nmore")))).message;
        QTRY_VERIFY_WITH_TIMEOUT(a->conversations()->indexOf(group) >= 0, 10000);
        a->openConversation(group);
        QTRY_COMPARE_WITH_TIMEOUT(bodies(a->messages()).size(), 1, 10000);
        QCOMPARE(a->pins()->rowCount(), 0);
        QTRY_VERIFY_WITH_TIMEOUT(a->state().pinsKnown(group), 10000);
        QVERIFY(!a->pins()->canPin());
        QVERIFY(!a->pins()->canChangeRights());

        // Joon pins: the model shows the first line as plain text, who wrote it, who pinned it;
        // the timeline says so.
        QVERIFY(std::holds_alternative<Ok>(joon.request(MessagePin{group, rule.id, true})));
        QTRY_COMPARE_WITH_TIMEOUT(previews(a->pins()), QList<QString>{QStringLiteral("Rule one: be kind")}, 10000);
        QCOMPARE(a->pins()->data(a->pins()->index(0), PinnedMessageModel::SenderRole).toString(), QStringLiteral("Joon"));
        QCOMPARE(a->pins()->data(a->pins()->index(0), PinnedMessageModel::PinnedByRole).toString(), QStringLiteral("Joon"));
        QCOMPARE(a->pins()->get(0).value(QStringLiteral("messageId")).toString(), rule.id);
        QVERIFY(a->pins()->isPinned(rule.id));
        QTRY_VERIFY_WITH_TIMEOUT(systemLines(a->messages()).contains(QStringLiteral("Joon pinned a message")), 10000);

        // The owner lets members pin: Mina pins her own message, then unpins Joon's.
        QVERIFY(std::holds_alternative<Ok>(joon.request(PinRights{group, true})));
        QTRY_VERIFY_WITH_TIMEOUT(a->pins()->canPin(), 10000);
        QVERIFY(a->pins()->membersPin());
        QTRY_VERIFY_WITH_TIMEOUT(systemLines(a->messages()).contains(QStringLiteral("Joon let every member pin messages")), 10000);
        const QString clientId = a->sendMessage(group, QStringLiteral("bring snacks"));
        QVERIFY(!clientId.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(bodies(a->messages()).contains(QStringLiteral("bring snacks")), 10000);
        QString snacks;
        QTRY_VERIFY_WITH_TIMEOUT(!(snacks = a->messages()->data(a->messages()->index(a->messages()->rowCount() - 1),
                                                                MessageListModel::MessageIdRole).toString()).isEmpty(), 10000);
        a->pins()->pin(snacks);
        QTRY_COMPARE_WITH_TIMEOUT(previews(a->pins()),
                                  (QList<QString>{QStringLiteral("bring snacks"), QStringLiteral("Rule one: be kind")}), 10000);
        QCOMPARE(a->pins()->data(a->pins()->index(0), PinnedMessageModel::PinnedByRole).toString(), QStringLiteral("You"));
        a->pins()->unpin(rule.id);
        QTRY_COMPARE_WITH_TIMEOUT(previews(a->pins()), QList<QString>{QStringLiteral("bring snacks")}, 10000);
        QVERIFY(joon.waitForPushed([&](const Frame &f) {
            const auto *e = std::get_if<Event>(&f);
            return e && e->kind == EventKind::Unpinned && e->messageId == rule.id;
        }));

        // Away while Joon pins again and edits: sync brings it; then a delete unpins.
        a->connection().close();
        QTRY_VERIFY_WITH_TIMEOUT(!a.online(), 10000);
        QVERIFY(std::holds_alternative<Ok>(joon.request(MessagePin{group, rule.id, true})));
        QVERIFY(std::holds_alternative<Ok>(joon.request(MessageEdit{group, rule.id, QStringLiteral("Rule one: be kinder")})));
        a->resume(h.server().url(), QStringLiteral("mina"));
        QTRY_VERIFY_WITH_TIMEOUT(a.online(), 20000);
        QTRY_COMPARE_WITH_TIMEOUT(previews(a->pins()),
                                  (QList<QString>{QStringLiteral("Rule one: be kinder"), QStringLiteral("bring snacks")}), 10000);
        QVERIFY(std::holds_alternative<Ok>(joon.request(MessageDelete{group, rule.id})));
        QTRY_COMPARE_WITH_TIMEOUT(previews(a->pins()), QList<QString>{QStringLiteral("bring snacks")}, 10000);

        // After a restart: what the cache kept, as the server has it.
        a.restart();
        a->resume(h.server().url(), QStringLiteral("mina"));
        QTRY_VERIFY_WITH_TIMEOUT(a.online(), 20000);
        QAbstractItemModelTester again(a->pins(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        a->openConversation(group);
        QTRY_COMPARE_WITH_TIMEOUT(previews(a->pins()), QList<QString>{QStringLiteral("bring snacks")}, 10000);
        QVERIFY(a->pins()->canPin());
    }

    void blindRoomsNameAliases()
    {
        CONFAB_START_HARNESS(h, {});
        TestClient owner;
        QVERIFY(owner.open(h.server().url()) && owner.signUp(QStringLiteral("olwen")));
        Device a;
        a->registerAccount(h.server().url(), QStringLiteral("mina"), QStringLiteral("Mina Park"), kTestPassword);
        QTRY_VERIFY_WITH_TIMEOUT(a.online(), 20000);
        const Frame created = owner.request(ConversationCreate{ConversationKind::Blind, QStringLiteral("Matching"), {a->userId()}});
        QVERIFY2(std::holds_alternative<ConversationDetail>(created), qPrintable(TestClient::describe(created)));
        const QString room = std::get<ConversationDetail>(created).conversation.id;
        QTRY_VERIFY_WITH_TIMEOUT(a->conversations()->indexOf(room) >= 0, 10000);
        a->openConversation(room);
        const MemberInfo ownerAlias = meIn(owner, room);
        const MessageInfo said = std::get<MessageSent>(owner.request(textMessage(room, QStringLiteral("o1"),
                                                                                 QStringLiteral("welcome")))).message;
        QVERIFY(std::holds_alternative<Ok>(owner.request(MessagePin{room, said.id, true})));
        QTRY_COMPARE_WITH_TIMEOUT(previews(a->pins()), QList<QString>{QStringLiteral("welcome")}, 10000);
        QCOMPARE(a->pins()->data(a->pins()->index(0), PinnedMessageModel::PinnedByRole).toString(), ownerAlias.name);
        QCOMPARE(a->pins()->data(a->pins()->index(0), PinnedMessageModel::SenderRole).toString(), ownerAlias.name);
        QTRY_VERIFY_WITH_TIMEOUT(systemLines(a->messages()).contains(QStringLiteral("%1 pinned a message").arg(ownerAlias.name)),
                                 10000);
        QVERIFY(!a->pins()->canPin());
        // In Korean, the alias in Korean.
        a->setLanguage(QStringLiteral("ko"));
        QVERIFY(a->pins()->data(a->pins()->index(0), PinnedMessageModel::PinnedByRole).toString() != ownerAlias.name);
        QCOMPARE(a->pins()->data(a->pins()->index(0), PinnedMessageModel::PinnedByRole).toString(), *ownerAlias.nameKo);
    }
};

QTEST_MAIN(TestClientPins)
#include "tst_client_pins.moc"

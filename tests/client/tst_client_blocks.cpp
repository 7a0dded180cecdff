// Blocking through the client library, against a real server (SQLite and PostgreSQL) with two
// installations of Mina's and one of Joon's: blocking collapses Joon's messages in a shared group
// and unblocking shows them again; the list reaches Mina's other installation live and at sign-in;
// Joon is refused a direct conversation without a word about the block; the profile card shows
// Joon as Mina knows him.
#include "chatclient.h"
#include "clientsteps.h"
#include "harness.h"
#include "tokenstore.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>

using namespace confab::client;
using namespace confab::protocol;
using namespace confab::test;

namespace {
using State = ChatClient::ConnectionState;

//! One installation with a keychain entry of its own (the same user on two computers), its
//! timeline and block list under Qt's model tester.
struct Installation {
    QTemporaryDir dir;
    KeychainTokenStore tokens;
    std::unique_ptr<ChatClient> client;
    std::unique_ptr<QAbstractItemModelTester> t1, t2;
    explicit Installation(const QString &service) : tokens(service) { restart(); }
    void restart()
    {
        t1.reset();
        t2.reset();
        client = std::make_unique<ChatClient>(dir.path(), &tokens);
        client->setReconnectBackoff(100, 500);
        const auto mode = QAbstractItemModelTester::FailureReportingMode::QtTest;
        t1 = std::make_unique<QAbstractItemModelTester>(client->messages(), mode);
        t2 = std::make_unique<QAbstractItemModelTester>(client->blocks(), mode);
    }
    ChatClient *operator->() { return client.get(); }
    bool online() const { return client->connectionState() == State::Online; }
};

//! The role of the timeline's row holding `body`, or an invalid QVariant when it is not there.
QVariant roleOf(MessageListModel *model, const QString &body, int role)
{
    for (int i = 0; i < model->rowCount(); ++i) {
        const QModelIndex index = model->index(i);
        if (model->data(index, MessageListModel::BodyRole).toString() == body)
            return model->data(index, role);
    }
    return {};
}
bool collapsed(MessageListModel *model, const QString &body)
{
    return roleOf(model, body, MessageListModel::CollapsedRole).toBool();
}
} // namespace

class TestClientBlocks : public QObject {
    Q_OBJECT
private slots:
    void initTestCase_data() { addBackendRows(); }

    void blockingHidesAndUnhides()
    {
        CONFAB_START_HARNESS(h, {});
        Installation desk(QStringLiteral("Confab-test-desk")), laptop(QStringLiteral("Confab-test-laptop")),
            joon(QStringLiteral("Confab-test-joon"));
        desk->registerAccount(h.server().url(), QStringLiteral("mina"), QStringLiteral("Mina"), kTestPassword);
        joon->registerAccount(h.server().url(), QStringLiteral("joon"), QStringLiteral("Joon Lee"), kTestPassword);
        QTRY_VERIFY_WITH_TIMEOUT(desk.online() && joon.online(), 20000);
        laptop->signIn(h.server().url(), QStringLiteral("mina"), kTestPassword);
        QTRY_VERIFY_WITH_TIMEOUT(laptop.online(), 20000);
        QCOMPARE(desk->blocks()->rowCount(), 0);

        // A group of the two; Joon writes.
        QSignalSpy ready(desk.client.get(), &ChatClient::conversationReady);
        desk->createGroup(QStringLiteral("Book club"), {QStringLiteral("joon")});
        QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 1, 15000);
        const QString group = ready.first().first().toString();
        QTRY_VERIFY_WITH_TIMEOUT(joon->state().conversation(group).has_value(), 15000);
        joon->openConversation(group);
        joon->sendMessage(group, QStringLiteral("first"));
        desk->openConversation(group);
        QTRY_VERIFY_WITH_TIMEOUT(bodies(desk->messages()).contains(QStringLiteral("first")), 15000);
        QVERIFY(!collapsed(desk->messages(), QStringLiteral("first")));
        const QString joonId = joon->userId();

        // The profile card shows Joon as Mina knows him.
        ProfileCardState *card = desk->card();
        card->open(group, joonId);
        QVERIFY(card->valid());
        QCOMPARE(card->name(), QStringLiteral("Joon Lee"));
        QCOMPARE(card->username(), QStringLiteral("joon"));
        QCOMPARE(card->userId(), joonId);
        QVERIFY(!card->alias());
        QVERIFY(!card->blocked());

        // Block: Joon's messages collapse here, and on Mina's laptop the list follows live.
        QSignalSpy cardChanged(card, &ProfileCardState::changed);
        desk->blocks()->setBlocked(joonId, true);
        QTRY_VERIFY_WITH_TIMEOUT(desk->blocks()->isBlocked(joonId), 15000);
        QVERIFY(card->blocked());
        QVERIFY(!cardChanged.isEmpty());
        QVERIFY(collapsed(desk->messages(), QStringLiteral("first")));
        // Nor does the conversation list preview it.
        const QModelIndex row = desk->conversations()->index(desk->conversations()->indexOf(group));
        QCOMPARE(desk->conversations()->data(row, ConversationListModel::LastMessageRole).toString(),
                 QStringLiteral("Message from a blocked user"));
        QVERIFY(roleOf(desk->messages(), QStringLiteral("first"), MessageListModel::SenderBlockedRole).toBool());
        QTRY_VERIFY_WITH_TIMEOUT(laptop->blocks()->isBlocked(joonId), 15000);
        QCOMPARE(laptop->blocks()->data(laptop->blocks()->index(0), confab::client::Blocks::UsernameRole).toString(), QStringLiteral("joon"));
        laptop->openConversation(group);
        QTRY_VERIFY_WITH_TIMEOUT(collapsed(laptop->messages(), QStringLiteral("first")), 15000);

        // Messages still arrive (Joon is not told), collapsed; "Show" opens one.
        joon->sendMessage(group, QStringLiteral("second"));
        QTRY_VERIFY_WITH_TIMEOUT(bodies(desk->messages()).contains(QStringLiteral("second")), 15000);
        QVERIFY(collapsed(desk->messages(), QStringLiteral("second")));
        const QString secondId = roleOf(desk->messages(), QStringLiteral("second"), MessageListModel::MessageIdRole).toString();
        desk->messages()->showBlocked(secondId);
        QVERIFY(!collapsed(desk->messages(), QStringLiteral("second")));
        QVERIFY(collapsed(desk->messages(), QStringLiteral("first")));

        // Joon cannot open a direct conversation with Mina; what he hears says nothing of a block.
        QSignalSpy refused(joon.client.get(), &ChatClient::createFailed);
        joon->startDirect(QStringLiteral("mina"));
        QTRY_COMPARE_WITH_TIMEOUT(refused.size(), 1, 15000);
        QVERIFY2(!refused.first().first().toString().contains(QStringLiteral("block"), Qt::CaseInsensitive),
                 qPrintable(refused.first().first().toString()));
        QCOMPARE(joon->blocks()->rowCount(), 0);

        // The laptop is closed; Mina unblocks on the desk; the laptop learns it at sign-in.
        laptop.restart();
        desk->blocks()->setBlocked(joonId, false);
        QTRY_VERIFY_WITH_TIMEOUT(!desk->blocks()->isBlocked(joonId), 15000);
        QVERIFY(!collapsed(desk->messages(), QStringLiteral("first")));
        QCOMPARE(desk->conversations()->data(desk->conversations()->index(desk->conversations()->indexOf(group)),
                                             ConversationListModel::LastMessageRole).toString(),
                 QStringLiteral("second"));
        QVERIFY(!card->blocked());
        laptop->resume(h.server().url(), QStringLiteral("mina"));
        QTRY_VERIFY_WITH_TIMEOUT(laptop.online(), 20000);
        // Blocked again from the desk while the laptop is online: it hears of it once more.
        desk->blocks()->setBlocked(joonId, true);
        QTRY_VERIFY_WITH_TIMEOUT(laptop->blocks()->isBlocked(joonId), 15000);
        laptop.restart();
        desk->blocks()->setBlocked(joonId, false);
        QTRY_VERIFY_WITH_TIMEOUT(!desk->blocks()->isBlocked(joonId), 15000);
        laptop->resume(h.server().url(), QStringLiteral("mina"));
        QTRY_VERIFY_WITH_TIMEOUT(laptop.online(), 20000);
        QTRY_COMPARE_WITH_TIMEOUT(laptop->blocks()->rowCount(), 0, 15000);

        // Unblocked, Joon reaches Mina directly again.
        QSignalSpy joonReady(joon.client.get(), &ChatClient::conversationReady);
        joon->startDirect(QStringLiteral("mina"));
        QTRY_COMPARE_WITH_TIMEOUT(joonReady.size(), 1, 15000);
        desk->signOut();
        laptop->signOut();
        joon->signOut();
    }

    void blindRoomsShowTheAliasOnly()
    {
        CONFAB_START_HARNESS(h, {});
        Installation mina(QStringLiteral("Confab-test-mina")), joon(QStringLiteral("Confab-test-joon"));
        mina->registerAccount(h.server().url(), QStringLiteral("mina"), QStringLiteral("Mina"), kTestPassword);
        joon->registerAccount(h.server().url(), QStringLiteral("joon"), QStringLiteral("Joon Lee"), kTestPassword);
        QTRY_VERIFY_WITH_TIMEOUT(mina.online() && joon.online(), 20000);
        QSignalSpy ready(mina.client.get(), &ChatClient::conversationReady);
        mina->createBlindRoom({{QStringLiteral("title"), QStringLiteral("Tea")},
                               {QStringLiteral("members"), QVariantList{QVariantMap{{QStringLiteral("username"), QStringLiteral("joon")}}}},
                               {QStringLiteral("reveal"), QStringLiteral("mutual")}});
        QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 1, 15000);
        const QString room = ready.first().first().toString();
        QString alias;
        for (const MemberInfo &m : mina->state().members(room)) {
            if (m.id != mina->state().myMemberId(room))
                alias = m.id;
        }
        QVERIFY(!alias.isEmpty());
        ProfileCardState *card = mina->card();
        card->open(room, alias);
        QVERIFY(card->valid());
        QVERIFY(card->alias());
        QVERIFY(card->userId().isEmpty());
        QVERIFY(card->username().isEmpty());
        QVERIFY(card->status().isEmpty());
        QVERIFY(card->presence().isEmpty());
        QVERIFY(card->name() != QStringLiteral("Joon Lee"));
        mina->signOut();
        joon->signOut();
    }
};

QTEST_MAIN(TestClientBlocks)
#include "tst_client_blocks.moc"

// The user's own account through the client library, against a real server (SQLite and
// PostgreSQL) with real keychains: a password change keeps this installation signed in (also
// after a restart, with the token in its keychain) and signs the user's other installation out;
// a profile change reaches the other person live and, after they were away, through sync.
#include "chatclient.h"
#include "harness.h"
#include "tokenstore.h"

#include <QSignalSpy>
#include <QTemporaryDir>

using namespace confab::client;
using namespace confab::protocol;
using namespace confab::test;

namespace {
const QString kPassword = QStringLiteral("correct horse 1");
const QString kNewPassword = QStringLiteral("battery staple 2");
using State = ChatClient::ConnectionState;

//! The member `userId` of a conversation as `client` knows them.
std::optional<MemberInfo> memberIn(ChatClient *client, const QString &conversationId, const QString &userId)
{
    for (const MemberInfo &m : client->state().members(conversationId)) {
        if (m.id == userId)
            return m;
    }
    return std::nullopt;
}

//! The status text the member list shows for `memberId`, or "-" when they are not listed.
QString memberStatus(MemberListModel *members, const QString &memberId)
{
    for (int row = 0; row < members->rowCount(); ++row) {
        const QModelIndex index = members->index(row);
        if (members->data(index, MemberListModel::MemberIdRole).toString() == memberId)
            return members->data(index, MemberListModel::StatusTextRole).toString();
    }
    return QStringLiteral("-");
}

//! One installation with a keychain entry of its own: the same user on two computers must not
//! share one keychain item, as they would in one keychain service.
struct Installation {
    QTemporaryDir dir;
    KeychainTokenStore tokens;
    std::unique_ptr<ChatClient> client;
    explicit Installation(const QString &service) : tokens(service) { restart(); }
    void restart()
    {
        client = std::make_unique<ChatClient>(dir.path(), &tokens);
        client->setReconnectBackoff(100, 500);
    }
    ChatClient *operator->() { return client.get(); }
    bool online() const { return client->connectionState() == State::Online; }
};
} // namespace

class TestClientAccount : public QObject {
    Q_OBJECT
private slots:
    void initTestCase_data() { addBackendRows(); }

    void passwordChangeKeepsThisDeviceAndSignsOutTheOther()
    {
        CONFAB_START_HARNESS(h, {});
        Installation desk(QStringLiteral("Confab-test-desk")), laptop(QStringLiteral("Confab-test-laptop"));
        desk->registerAccount(h.server().url(), QStringLiteral("mina"), QStringLiteral("Mina"), kPassword);
        QTRY_VERIFY_WITH_TIMEOUT(desk.online(), 20000);
        laptop->signIn(h.server().url(), QStringLiteral("mina"), kPassword);
        QTRY_VERIFY_WITH_TIMEOUT(laptop.online(), 20000);

        PasswordChange *change = desk->passwordChange();
        QCOMPARE(change->minChars(), 8);
        // The client refuses what the server would, before sending.
        QVERIFY(change->check(kPassword, QStringLiteral("short"), QStringLiteral("short")).contains(PasswordChange::kNew));
        QVERIFY(change->check(kPassword, QStringLiteral("Mina"), QStringLiteral("Mina")).contains(PasswordChange::kNew));
        QVERIFY(change->check(kPassword, kNewPassword, QStringLiteral("battery staple 3")).contains(PasswordChange::kRepeat));
        QVERIFY(change->check(kPassword, kNewPassword, kNewPassword).isEmpty());

        // A wrong current password is the server's to refuse, shown under its field.
        QSignalSpy failed(change, &PasswordChange::failed);
        change->change(QStringLiteral("not my password"), kNewPassword, kNewPassword, true);
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 15000);
        QVERIFY(change->problems().contains(PasswordChange::kCurrent));
        QVERIFY(laptop.online());

        QSignalSpy changed(change, &PasswordChange::changed);
        QSignalSpy laptopOut(laptop.client.get(), &ChatClient::signInFailed);
        change->change(kPassword, kNewPassword, kNewPassword, true);
        QTRY_COMPARE_WITH_TIMEOUT(changed.size(), 1, 15000);
        QCOMPARE(changed.first().first().toBool(), true);
        QVERIFY(change->problems().isEmpty());

        // The other installation is signed out for good; this one stays online.
        QTRY_COMPARE_WITH_TIMEOUT(laptop->connectionState(), State::SignedOut, 15000);
        QVERIFY(!laptopOut.isEmpty());
        QVERIFY(desk.online());

        // This installation's keychain token still works after a restart.
        desk.restart();
        desk->resume(h.server().url(), QStringLiteral("mina"));
        QTRY_VERIFY_WITH_TIMEOUT(desk.online(), 20000);

        // The other signs in again with the new password only.
        laptop.restart();
        QSignalSpy refused(laptop.client.get(), &ChatClient::signInFailed);
        laptop->signIn(h.server().url(), QStringLiteral("mina"), kPassword);
        QTRY_VERIFY_WITH_TIMEOUT(!refused.isEmpty(), 15000);
        laptop.restart();
        laptop->signIn(h.server().url(), QStringLiteral("mina"), kNewPassword);
        QTRY_VERIFY_WITH_TIMEOUT(laptop.online(), 20000);
        desk->signOut();
        laptop->signOut();
    }

    void profileChangeReachesTheOtherLiveAndThroughSync()
    {
        CONFAB_START_HARNESS(h, {});
        Installation mina(QStringLiteral("Confab-test-mina")), joon(QStringLiteral("Confab-test-joon"));
        mina->registerAccount(h.server().url(), QStringLiteral("mina"), QStringLiteral("Mina"), kPassword);
        joon->registerAccount(h.server().url(), QStringLiteral("joon"), QStringLiteral("Joon"), kPassword);
        QTRY_VERIFY_WITH_TIMEOUT(mina.online() && joon.online(), 20000);
        QSignalSpy ready(mina.client.get(), &ChatClient::conversationReady);
        mina->startDirect(QStringLiteral("joon"));
        QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 1, 15000);
        const QString direct = ready.first().first().toString();
        QTRY_VERIFY_WITH_TIMEOUT(joon->state().conversation(direct).has_value(), 15000);
        const QString minaId = mina->userId();

        // The client checks with the protocol's name rules before sending.
        confab::client::AccountProfile *profile = mina->profile();
        QCOMPARE(profile->displayName(), QStringLiteral("Mina"));
        QVERIFY(profile->check(QStringLiteral("\u202Egnp.exe Admin"), {}).contains(confab::client::AccountProfile::kDisplayName));
        QVERIFY(profile->check(QStringLiteral("Mina"), QString(101, u'x')).contains(confab::client::AccountProfile::kStatus));
        QVERIFY(profile->check(QStringLiteral("Mina Park"), QStringLiteral("Busy")).isEmpty());

        // Live: Joon's conversation shows the new name and status at once; my own display name follows.
        QSignalSpy saved(profile, &confab::client::AccountProfile::saved);
        QSignalSpy renamed(mina.client.get(), &ChatClient::displayNameChanged);
        profile->save(QStringLiteral("Mina Park"), QStringLiteral("In meetings until 3"));
        QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 1, 15000);
        QCOMPARE(mina->displayName(), QStringLiteral("Mina Park"));
        QVERIFY(!renamed.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(memberIn(joon.client.get(), direct, minaId).value_or(MemberInfo{}).name,
                                  QStringLiteral("Mina Park"), 15000);
        QCOMPARE(memberIn(joon.client.get(), direct, minaId)->status, std::optional(QStringLiteral("In meetings until 3")));
        QCOMPARE(joon->state().conversation(direct)->title, QStringLiteral("Mina Park"));
        // The member list Joon sees shows the status beside her name.
        joon->openConversation(direct);
        QTRY_VERIFY_WITH_TIMEOUT(memberStatus(joon->members(), minaId) == QStringLiteral("In meetings until 3"), 15000);

        // Away: Joon's app is closed while Mina changes again; it learns it when it comes back.
        joon.client.reset();
        profile->save(QStringLiteral("Mina P."), QString());
        QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 2, 15000);
        joon.restart();
        QSignalSpy synced(joon.client.get(), &ChatClient::synced);
        joon->resume(h.server().url(), QStringLiteral("joon"));
        QTRY_VERIFY_WITH_TIMEOUT(!synced.isEmpty(), 20000);
        const auto member = memberIn(joon.client.get(), direct, minaId);
        QVERIFY(member);
        QCOMPARE(member->name, QStringLiteral("Mina P."));
        QVERIFY(!member->status);
        QCOMPARE(joon->state().conversation(direct)->title, QStringLiteral("Mina P."));
        mina->signOut();
        joon->signOut();
    }
};

QTEST_MAIN(TestClientAccount)
#include "tst_client_account.moc"

// The user's own account through the client library, against a real server (SQLite and
// PostgreSQL) with real keychains: a password change keeps this installation signed in (also
// after a restart, with the token in its keychain) and signs the user's other installation out.
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
};

QTEST_MAIN(TestClientAccount)
#include "tst_client_account.moc"

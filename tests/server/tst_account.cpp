// The signed-in user's own account against a real server, on SQLite and PostgreSQL: changing the
// password (the current one checked, the sign-in lockout, the server's rules, other sessions
// signed out while this one stays).
#include "harness.h"

using namespace confab::protocol;
using namespace confab::test;

namespace {
const QString kPassword = QStringLiteral("correct horse 1");

AccountPassword change(const QString &current, const QString &next, bool signOutOthers = false)
{
    return AccountPassword{current, next, signOutOthers};
}

std::optional<QString> fieldOf(const Frame &reply)
{
    const auto *e = std::get_if<Error>(&reply);
    return e ? e->field : std::nullopt;
}
} // namespace

class TestAccount : public QObject {
    Q_OBJECT
private slots:
    void initTestCase_data() { addBackendRows(); }

    void passwordChangeKeepsThisSessionAndSignsOutOthers()
    {
        CONFAB_START_HARNESS(h, {});
        auto desk = h.client(QStringLiteral("mina"));
        QVERIFY(desk);
        TestClient phone, tablet;
        QVERIFY(phone.open(h.server().url()) && phone.signIn(QStringLiteral("mina")));
        QVERIFY(tablet.open(h.server().url()) && tablet.signIn(QStringLiteral("mina")));
        const QString phoneToken = phone.token();

        const Frame reply = desk->request(change(kPassword, QStringLiteral("battery staple 2"), true));
        QVERIFY2(std::holds_alternative<Ok>(reply), qPrintable(TestClient::describe(reply)));

        // The other sessions end: their connections close with 4003 and their tokens are refused.
        QVERIFY(phone.waitForDisconnect());
        QCOMPARE(phone.closeCode(), int(CloseCode::SessionRevoked));
        QVERIFY(tablet.waitForDisconnect());
        QCOMPARE(tablet.closeCode(), int(CloseCode::SessionRevoked));
        TestClient stale;
        QVERIFY(stale.open(h.server().url()));
        QVERIFY(TestClient::isError(stale.request(AuthResume{phoneToken, {}}), ErrorCode::Unauthorized));

        // This one stays: its connection keeps working, and its token still resumes.
        QVERIFY(desk->isConnected());
        QVERIFY(std::holds_alternative<Conversations>(desk->request(ConversationList{})));
        TestClient again;
        QVERIFY(again.open(h.server().url()));
        QVERIFY(std::holds_alternative<AuthOk>(again.request(AuthResume{desk->token(), {}})));

        // The old password is gone, the new one signs in.
        TestClient laptop;
        QVERIFY(laptop.open(h.server().url()));
        QVERIFY(TestClient::isError(laptop.request(AuthLogin{QStringLiteral("mina"), kPassword, {}}),
                                    ErrorCode::Unauthorized));
        QVERIFY(laptop.signIn(QStringLiteral("mina"), QStringLiteral("battery staple 2")));
    }

    void passwordChangeWithoutSigningOutOthers()
    {
        CONFAB_START_HARNESS(h, {});
        auto desk = h.client(QStringLiteral("joon"));
        QVERIFY(desk);
        TestClient phone;
        QVERIFY(phone.open(h.server().url()) && phone.signIn(QStringLiteral("joon")));
        const Frame reply = desk->request(change(kPassword, QStringLiteral("battery staple 2")));
        QVERIFY2(std::holds_alternative<Ok>(reply), qPrintable(TestClient::describe(reply)));
        // The phone's session stands: it keeps being answered.
        QVERIFY(std::holds_alternative<Sessions>(phone.request(AuthSessions{})));
        QVERIFY(phone.isConnected());
    }

    void wrongCurrentPasswordIsRefused()
    {
        CONFAB_START_HARNESS(h, {});
        auto desk = h.client(QStringLiteral("sora"));
        QVERIFY(desk);
        const Frame reply = desk->request(change(QStringLiteral("not my password"), QStringLiteral("battery staple 2")));
        QVERIFY2(TestClient::isError(reply, ErrorCode::Unauthorized), qPrintable(TestClient::describe(reply)));
        QCOMPARE(fieldOf(reply), std::optional(QStringLiteral("current_password")));
        // Refused means unchanged, and still signed in.
        QVERIFY(desk->isConnected());
        TestClient laptop;
        QVERIFY(laptop.open(h.server().url()) && laptop.signIn(QStringLiteral("sora")));
    }

    void wrongCurrentPasswordsLockOut()
    {
        // A long base wait: the lockout cannot end while the test runs.
        CONFAB_START_HARNESS(h, {{QStringLiteral("auth/lockout_failures"), QStringLiteral("2")},
                                 {QStringLiteral("auth/lockout_base_ms"), QStringLiteral("600000")},
                                 {QStringLiteral("auth/lockout_address_failures"), QStringLiteral("1000")}});
        auto desk = h.client(QStringLiteral("hana"));
        QVERIFY(desk);
        for (int i = 0; i < 2; ++i) {
            const Frame reply = desk->request(change(QStringLiteral("guess %1").arg(i), QStringLiteral("battery staple 2")));
            QVERIFY2(TestClient::isError(reply, ErrorCode::Unauthorized), qPrintable(TestClient::describe(reply)));
        }
        // Locked: even the right password is not checked now, and the answer says how long to wait.
        const Frame locked = desk->request(change(kPassword, QStringLiteral("battery staple 2")));
        QVERIFY2(TestClient::isError(locked, ErrorCode::RateLimited), qPrintable(TestClient::describe(locked)));
        QVERIFY(std::get<Error>(locked).retryAfterMs.value_or(0) > 0);
        // The same counter as sign-ins: a password sign-in of the account is locked too.
        TestClient laptop;
        QVERIFY(laptop.open(h.server().url()));
        QVERIFY(TestClient::isError(laptop.request(AuthLogin{QStringLiteral("hana"), kPassword, {}}),
                                    ErrorCode::RateLimited));
    }

    void newPasswordMeetsTheServersRules()
    {
        CONFAB_START_HARNESS(h, {{QStringLiteral("auth/password_min_chars"), QStringLiteral("12")}});
        auto desk = h.client(QStringLiteral("minji")); // signs up with "correct horse 1": 15 characters
        QVERIFY(desk);
        QCOMPARE(desk->lastAuth().limits.passwordMinChars, qint64(12));

        const Frame shorter = desk->request(change(kPassword, QStringLiteral("eleven char")));
        QVERIFY2(TestClient::isError(shorter, ErrorCode::Invalid), qPrintable(TestClient::describe(shorter)));
        QCOMPARE(fieldOf(shorter), std::optional(QStringLiteral("new_password")));
        QVERIFY(std::get<Error>(shorter).message.contains(QLatin1StringView("12")));

        auto long1 = h.client(QStringLiteral("longusername1"));
        QVERIFY(long1);
        const Frame same = long1->request(change(kPassword, QStringLiteral("LongUserName1")));
        QVERIFY2(TestClient::isError(same, ErrorCode::Invalid), qPrintable(TestClient::describe(same)));
        QCOMPARE(fieldOf(same), std::optional(QStringLiteral("new_password")));

        // Below the protocol's floor the frame itself is refused, before any rule of the server.
        QVERIFY(TestClient::isError(desk->request(change(kPassword, QStringLiteral("short"))), ErrorCode::Invalid));

        // The rules hold at sign-up too.
        TestClient newcomer;
        QVERIFY(newcomer.open(h.server().url()));
        const Frame refused = newcomer.request(
            AuthRegister{QStringLiteral("newcomer"), QStringLiteral("eleven char"), QStringLiteral("New"), {}, {}});
        QVERIFY2(TestClient::isError(refused, ErrorCode::Invalid), qPrintable(TestClient::describe(refused)));
        QCOMPARE(fieldOf(refused), std::optional(QStringLiteral("password")));

        // A refused change changed nothing.
        TestClient laptop;
        QVERIFY(laptop.open(h.server().url()) && laptop.signIn(QStringLiteral("minji")));
    }

    void passwordChangeNeedsSignIn()
    {
        CONFAB_START_HARNESS(h, {});
        TestClient anon;
        QVERIFY(anon.open(h.server().url()));
        QVERIFY(TestClient::isError(anon.request(change(kPassword, QStringLiteral("battery staple 2"))),
                                    ErrorCode::Unauthorized));
    }
};

QTEST_GUILESS_MAIN(TestAccount)
#include "tst_account.moc"

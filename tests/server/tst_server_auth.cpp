// Accounts and sessions against a real server: register, login, resume, logout, sessions,
// revoke, registration modes and the admin CLI.
#include "harness.h"

using namespace confab::protocol;
using namespace confab::test;

class TestServerAuth : public QObject {
    Q_OBJECT
private slots:
    void initTestCase_data() { addBackendRows(); }

    void registerLoginResume()
    {
        CONFAB_START_HARNESS(h, {});
        auto mina = h.client(QStringLiteral("mina"));
        QVERIFY(mina);
        QVERIFY(!mina->token().isEmpty());
        QVERIFY(mina->userId().startsWith(QLatin1StringView("u_")));

        // A second device logs in with the password.
        TestClient laptop;
        QVERIFY(laptop.open(h.server().url()));
        const Frame bad = laptop.request(AuthLogin{QStringLiteral("mina"), QStringLiteral("wrong password"), {}});
        QVERIFY2(TestClient::isError(bad, ErrorCode::Unauthorized), qPrintable(TestClient::describe(bad)));
        const Frame unknown = laptop.request(AuthLogin{QStringLiteral("nobody"), QStringLiteral("whatever1"), {}});
        QVERIFY(TestClient::isError(unknown, ErrorCode::Unauthorized));
        // The two refusals must not tell which names exist.
        QCOMPARE(std::get<Error>(bad).message, std::get<Error>(unknown).message);
        QVERIFY(laptop.signIn(QStringLiteral("mina")));
        QCOMPARE(laptop.userId(), mina->userId());

        // A third connection resumes with the token, without the password; no new token is issued.
        TestClient phone;
        QVERIFY(phone.open(h.server().url()));
        const Frame resumed = phone.request(AuthResume{mina->token(), QStringLiteral("phone")});
        const auto *ok = std::get_if<AuthOk>(&resumed);
        QVERIFY2(ok, qPrintable(TestClient::describe(resumed)));
        QCOMPARE(ok->user.id, mina->userId());
        QVERIFY(!ok->token);
        QCOMPARE(ok->limits.maxBodyBytes, Limits{}.maxBodyBytes);

        const Frame garbage = phone.request(AuthResume{QStringLiteral("not-a-real-token"), {}});
        QVERIFY(TestClient::isError(garbage, ErrorCode::Conflict)); // already signed in on this connection
        TestClient stranger;
        QVERIFY(stranger.open(h.server().url()));
        QVERIFY(TestClient::isError(stranger.request(AuthResume{QStringLiteral("not-a-real-token"), {}}),
                                    ErrorCode::Unauthorized));
    }

    void duplicateUsernameConflicts()
    {
        CONFAB_START_HARNESS(h, {});
        QVERIFY(h.client(QStringLiteral("joon")));
        TestClient again;
        QVERIFY(again.open(h.server().url()));
        AuthRegister reg{QStringLiteral("joon"), QStringLiteral("another pass"), QStringLiteral("Joon 2"), {}, {}};
        const Frame reply = again.request(reg);
        QVERIFY2(TestClient::isError(reply, ErrorCode::Conflict), qPrintable(TestClient::describe(reply)));
        QCOMPARE(std::get<Error>(reply).field, std::optional(QStringLiteral("username")));
    }

    void nothingButAuthBeforeSignIn()
    {
        CONFAB_START_HARNESS(h, {});
        TestClient anon;
        QVERIFY(anon.open(h.server().url()));
        QVERIFY(TestClient::isError(anon.request(ConversationList{}), ErrorCode::Unauthorized));
        QVERIFY(TestClient::isError(anon.request(AuthSessions{}), ErrorCode::Unauthorized));
        QVERIFY(anon.isConnected());
    }

    void sessionsListAndRevoke()
    {
        CONFAB_START_HARNESS(h, {});
        auto desk = h.client(QStringLiteral("sora"));
        QVERIFY(desk);
        TestClient phone;
        QVERIFY(phone.open(h.server().url()));
        QVERIFY(phone.signIn(QStringLiteral("sora")));

        const Frame listed = desk->request(AuthSessions{});
        const auto *sessions = std::get_if<Sessions>(&listed);
        QVERIFY2(sessions, qPrintable(TestClient::describe(listed)));
        QCOMPARE(sessions->sessions.size(), 2);
        const auto other = std::find_if(sessions->sessions.cbegin(), sessions->sessions.cend(),
                                        [](const SessionInfo &s) { return !s.current; });
        QVERIFY(other != sessions->sessions.cend());

        // Revoking the phone's session closes its connection and kills its token.
        const QString phoneToken = phone.token();
        QVERIFY(std::holds_alternative<Ok>(desk->request(AuthRevoke{other->id})));
        QVERIFY(phone.waitForDisconnect());
        QCOMPARE(phone.closeCode(), int(CloseCode::SessionRevoked));
        TestClient retry;
        QVERIFY(retry.open(h.server().url()));
        QVERIFY(TestClient::isError(retry.request(AuthResume{phoneToken, {}}), ErrorCode::Unauthorized));
        // Someone else's session id is not found, not revealed.
        auto eve = h.client(QStringLiteral("eve"));
        QVERIFY(eve);
        const Frame eveList = eve->request(AuthSessions{});
        const QString eveSession = std::get<Sessions>(eveList).sessions.first().id;
        QVERIFY(TestClient::isError(desk->request(AuthRevoke{eveSession}), ErrorCode::NotFound));
    }

    void logoutEndsTheToken()
    {
        CONFAB_START_HARNESS(h, {});
        auto c = h.client(QStringLiteral("hana"));
        QVERIFY(c);
        const QString token = c->token();
        QVERIFY(std::holds_alternative<Ok>(c->request(AuthLogout{})));
        QVERIFY(c->isConnected());
        QVERIFY(TestClient::isError(c->request(ConversationList{}), ErrorCode::Unauthorized));
        QVERIFY(TestClient::isError(c->request(AuthResume{token, {}}), ErrorCode::Unauthorized));
    }

    void closedAndInviteRegistration()
    {
        {
            CONFAB_START_HARNESS(h, {{QStringLiteral("auth/registration"), QStringLiteral("closed")}});
            TestClient c;
            QVERIFY(c.open(h.server().url()));
            const Frame reply = c.request(AuthRegister{QStringLiteral("newbie"), QStringLiteral("password1"),
                                                       QStringLiteral("Newbie"), {}, {}});
            QVERIFY(TestClient::isError(reply, ErrorCode::Forbidden));
            // The operator creates the first user from the command line.
            QString out;
            QCOMPARE(h.server().runAdmin({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("admin"),
                                          QStringLiteral("--display-name"), QStringLiteral("The Admin"),
                                          QStringLiteral("--password-stdin")},
                                         "operator pass\n", &out),
                     0);
            QVERIFY(c.signIn(QStringLiteral("admin"), QStringLiteral("operator pass")));
        }
        {
            QFETCH_GLOBAL(int, backend);
            Harness h(TestDatabase::Kind(backend), {{QStringLiteral("auth/registration"), QStringLiteral("invite")}});
            QVERIFY2(h.start(), qPrintable(h.errorString()));
            QString code;
            QCOMPARE(h.server().runAdmin({QStringLiteral("invite"), QStringLiteral("create")}, {}, &code), 0);
            code = code.split(u'\n', Qt::SkipEmptyParts).filter(QRegularExpression(QStringLiteral("^[A-Za-z0-9_-]{43}$"))).value(0);
            QVERIFY2(!code.isEmpty(), "no invite code printed");
            TestClient c;
            QVERIFY(c.open(h.server().url()));
            AuthRegister reg{QStringLiteral("invited"), QStringLiteral("password1"), QStringLiteral("Invited"), {}, {}};
            QVERIFY(TestClient::isError(c.request(reg), ErrorCode::Forbidden)); // no code
            reg.inviteCode = QStringLiteral("made-up-code");
            QVERIFY(TestClient::isError(c.request(reg), ErrorCode::Forbidden));
            reg.inviteCode = code;
            QVERIFY(std::holds_alternative<AuthOk>(c.request(reg)));
            // An invite is used once.
            TestClient d;
            QVERIFY(d.open(h.server().url()));
            AuthRegister second{QStringLiteral("second"), QStringLiteral("password1"), QStringLiteral("Second"), code, {}};
            QVERIFY(TestClient::isError(d.request(second), ErrorCode::Forbidden));
        }
    }

    void adminDisableAndResetPassword()
    {
        CONFAB_START_HARNESS(h, {{QStringLiteral("server/session_check_ms"), QStringLiteral("200")}});
        auto c = h.client(QStringLiteral("minji"));
        QVERIFY(c);
        QString out;
        QCOMPARE(h.server().runAdmin({QStringLiteral("user"), QStringLiteral("list")}, {}, &out), 0);
        QVERIFY2(out.contains(QLatin1StringView("minji")), qPrintable(out));

        QCOMPARE(h.server().runAdmin({QStringLiteral("user"), QStringLiteral("reset-password"), QStringLiteral("minji"),
                                      QStringLiteral("--password-stdin")},
                                     "brand new secret\n"),
                 0);
        // The running server notices that the session ended and closes its connection.
        QVERIFY(c->waitForDisconnect());
        QCOMPARE(c->closeCode(), int(CloseCode::SessionRevoked));
        TestClient again;
        QVERIFY(again.open(h.server().url()));
        QVERIFY(TestClient::isError(again.request(AuthResume{c->token(), {}}), ErrorCode::Unauthorized));
        QVERIFY(!again.signIn(QStringLiteral("minji")));
        QVERIFY(again.signIn(QStringLiteral("minji"), QStringLiteral("brand new secret")));

        QCOMPARE(h.server().runAdmin({QStringLiteral("user"), QStringLiteral("disable"), QStringLiteral("minji")}), 0);
        QVERIFY(again.waitForDisconnect());
        QCOMPARE(again.closeCode(), int(CloseCode::SessionRevoked));
        TestClient third;
        QVERIFY(third.open(h.server().url()));
        QVERIFY(!third.signIn(QStringLiteral("minji"), QStringLiteral("brand new secret")));
        QVERIFY(h.server().runAdmin({QStringLiteral("user"), QStringLiteral("disable"), QStringLiteral("ghost")}) != 0);
        QVERIFY(h.server().runAdmin({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("Bad Name!"),
                                     QStringLiteral("--password-stdin")},
                                    "password1\n") != 0);
    }
};

QTEST_GUILESS_MAIN(TestServerAuth)
#include "tst_server_auth.moc"

// Abuse limits on real server processes: connections per address and per user, and the lockout
// after repeated failed sign-ins (per username and per address), which answers RATE_LIMITED with
// retry_after_ms before any password work and says nothing about which usernames exist.
#include "harness.h"

using namespace confab::protocol;
using namespace confab::test;

namespace {
const QString kPassword = QStringLiteral("correct horse 1");

Frame login(TestClient &c, const QString &username, const QString &password) {
    return c.request(AuthLogin{username, password, QStringLiteral("test")});
}

std::optional<qint64> lockedFor(const Frame &reply) {
    const auto *e = std::get_if<Error>(&reply);
    if (!e || e->code != ErrorCode::RateLimited)
        return std::nullopt;
    return e->retryAfterMs;
}
} // namespace

class TestLimits : public QObject {
    Q_OBJECT
private slots:
    void initTestCase_data() {
        QTest::addColumn<int>("backend");
        QTest::newRow("sqlite") << int(TestDatabase::Kind::SQLite);
    }

    void connectionsPerAddressAreCapped() {
        CONFAB_START_HARNESS(h, {{QStringLiteral("server/connections_per_address"), QStringLiteral("5")}});
        std::vector<std::unique_ptr<TestClient>> open;
        for (int i = 0; i < 5; ++i) {
            open.push_back(std::make_unique<TestClient>());
            QVERIFY(open.back()->open(h.server().url()));
        }
        // Signed in or not, loopback or not: the sixth is closed with 4006 right after the handshake.
        QVERIFY(open.front()->signUp(QStringLiteral("mina")));
        TestClient sixth;
        sixth.open(h.server().url());
        QVERIFY(sixth.waitForDisconnect());
        QCOMPARE(sixth.closeCode(), int(CloseCode::TooManyConnections));
        // The others were not disturbed.
        QVERIFY(std::holds_alternative<Conversations>(open.front()->request(ConversationList{})));
        // Once one closes, a new connection is accepted and served.
        open.back()->close();
        // (QTRY_* evaluates its expression again after success: the attempts must be idempotent.)
        bool served = false;
        for (int attempt = 0; attempt < 50 && !served; ++attempt) {
            TestClient next;
            served = next.open(h.server().url()) && next.signUp(QStringLiteral("joon%1").arg(attempt));
            if (!served)
                QTest::qWait(200);
        }
        QVERIFY(served);
    }

    void connectionsPerUserAreCapped() {
        CONFAB_START_HARNESS(h, {{QStringLiteral("server/connections_per_user"), QStringLiteral("3")}});
        auto first = h.client(QStringLiteral("mina"));
        QVERIFY(first);
        TestClient second, third, fourth, fifth;
        for (TestClient *c : {&second, &third, &fourth, &fifth})
            QVERIFY(c->open(h.server().url()));
        QVERIFY(second.signIn(QStringLiteral("mina")));
        QVERIFY(
            std::holds_alternative<AuthOk>(third.request(AuthResume{first->token(), QStringLiteral("t")})));

        // The fourth is refused at sign-in, by password and by token alike, and told to wait.
        const Frame byPassword = login(fourth, QStringLiteral("mina"), kPassword);
        QVERIFY2(lockedFor(byPassword).value_or(0) > 0, qPrintable(TestClient::describe(byPassword)));
        QVERIFY(std::get<Error>(byPassword).message.contains(QLatin1StringView("connections")));
        const Frame byToken = fifth.request(AuthResume{first->token(), QStringLiteral("t")});
        QVERIFY2(lockedFor(byToken).value_or(0) > 0, qPrintable(TestClient::describe(byToken)));
        // Other users are not affected.
        QVERIFY(h.client(QStringLiteral("joon")));
        // One closes; the refused connection signs in on its next try.
        first->close();
        bool signedIn = false;
        for (int attempt = 0; attempt < 50 && !signedIn; ++attempt) {
            signedIn = std::holds_alternative<AuthOk>(login(fourth, QStringLiteral("mina"), kPassword));
            if (!signedIn)
                QTest::qWait(200);
        }
        QVERIFY(signedIn);
    }

    void failedSignInsLockTheUsernameOut() {
        CONFAB_START_HARNESS(h, {{QStringLiteral("auth/lockout_failures"), QStringLiteral("3")},
                                 {QStringLiteral("auth/lockout_base_ms"), QStringLiteral("800")},
                                 {QStringLiteral("auth/lockout_address_failures"), QStringLiteral("1000")}});
        QVERIFY(h.client(QStringLiteral("mina")));
        TestClient c;
        QVERIFY(c.open(h.server().url()));

        // Three failures for a name that exists and three for one that does not: the same answers.
        QList<Error> known, unknown;
        for (int i = 0; i < 4; ++i) {
            const Frame a = login(c, QStringLiteral("mina"), QStringLiteral("wrong %1").arg(i));
            const Frame b = login(c, QStringLiteral("nobody"), QStringLiteral("wrong %1").arg(i));
            QVERIFY2(std::holds_alternative<Error>(a) && std::holds_alternative<Error>(b),
                     qPrintable(TestClient::describe(a)));
            known << std::get<Error>(a);
            unknown << std::get<Error>(b);
        }
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(known[i].code, ErrorCode::Unauthorized);
            QCOMPARE(unknown[i].code, ErrorCode::Unauthorized);
        }
        QCOMPARE(known[3].code, ErrorCode::RateLimited);
        QCOMPARE(unknown[3].code, ErrorCode::RateLimited);
        QCOMPARE(known[3].message, unknown[3].message);
        QVERIFY(known[3].retryAfterMs.value_or(0) > 0 && unknown[3].retryAfterMs.value_or(0) > 0);

        // Locked: even the right password is refused, before any password work (the refusal path
        // logs one line per attempt and returns before the argon2 check).
        const int refusedBefore =
            int(h.server().log().count(QLatin1StringView("sign-in refused during a lockout")));
        QElapsedTimer clock;
        clock.start();
        int locked = 0;
        for (int i = 0; i < 20; ++i)
            locked += lockedFor(login(c, QStringLiteral("mina"), kPassword)).has_value() ? 1 : 0;
        qInfo("20 sign-ins during a lockout answered in %lld ms", qint64(clock.elapsed()));
        QCOMPARE(locked, 20);
        QTRY_COMPARE(int(h.server().log().count(QLatin1StringView("sign-in refused during a lockout"))) -
                         refusedBefore,
                     20);

        // After the wait, the right password works and clears the count.
        const qint64 wait = lockedFor(login(c, QStringLiteral("mina"), kPassword)).value_or(0);
        QTest::qWait(int(wait) + 50);
        QVERIFY(c.signIn(QStringLiteral("mina")));
        TestClient d;
        QVERIFY(d.open(h.server().url()));
        for (int i = 0; i < 3; ++i)
            QVERIFY(TestClient::isError(login(d, QStringLiteral("mina"), QStringLiteral("typo")),
                                        ErrorCode::Unauthorized));
        const qint64 firstWait = lockedFor(login(d, QStringLiteral("mina"), kPassword)).value_or(0);
        QVERIFY(firstWait > 0);
        // Each further failure doubles the wait.
        QTest::qWait(int(firstWait) + 50);
        QVERIFY(TestClient::isError(login(d, QStringLiteral("mina"), QStringLiteral("typo")),
                                    ErrorCode::Unauthorized));
        const qint64 secondWait = lockedFor(login(d, QStringLiteral("mina"), kPassword)).value_or(0);
        qInfo("lockout waits: %lld ms, then %lld ms", firstWait, secondWait);
        QVERIFY2(secondWait > firstWait,
                 qPrintable(QStringLiteral("%1 then %2").arg(firstWait).arg(secondWait)));
    }

    void failedSignInsLockTheAddressOut() {
        CONFAB_START_HARNESS(h, {{QStringLiteral("auth/lockout_failures"), QStringLiteral("1000")},
                                 {QStringLiteral("auth/lockout_address_failures"), QStringLiteral("4")}});
        QVERIFY(h.client(QStringLiteral("mina")));
        TestClient c;
        QVERIFY(c.open(h.server().url()));
        // A spray: one password against many names from one address.
        for (int i = 0; i < 4; ++i)
            QVERIFY(
                TestClient::isError(login(c, QStringLiteral("user%1").arg(i), QStringLiteral("spring2024")),
                                    ErrorCode::Unauthorized));
        const Frame next = login(c, QStringLiteral("mina"), kPassword);
        QVERIFY2(lockedFor(next).value_or(0) > 0, qPrintable(TestClient::describe(next)));
    }

    void parallelAttemptsCannotSlipPastTheLimit() {
        CONFAB_START_HARNESS(h, {{QStringLiteral("auth/lockout_failures"), QStringLiteral("3")},
                                 {QStringLiteral("auth/lockout_address_failures"), QStringLiteral("1000")}});
        QVERIFY(h.client(QStringLiteral("mina")));
        // Twenty guesses at once, on twenty connections: at most three are checked.
        std::vector<std::unique_ptr<TestClient>> clients;
        QStringList ids;
        for (int i = 0; i < 20; ++i) {
            clients.push_back(std::make_unique<TestClient>());
            QVERIFY(clients.back()->open(h.server().url()));
        }
        for (int i = 0; i < 20; ++i)
            ids << clients[size_t(i)]->send(
                AuthLogin{QStringLiteral("mina"), QStringLiteral("guess %1").arg(i), {}});
        int unauthorized = 0, limited = 0;
        for (int i = 0; i < 20; ++i) {
            const Frame reply = clients[size_t(i)]->waitForReply(ids[i]);
            unauthorized += TestClient::isError(reply, ErrorCode::Unauthorized) ? 1 : 0;
            limited += TestClient::isError(reply, ErrorCode::RateLimited) ? 1 : 0;
        }
        QCOMPARE(unauthorized + limited, 20);
        QVERIFY2(unauthorized <= 3, qPrintable(QString::number(unauthorized)));
    }
};

QTEST_GUILESS_MAIN(TestLimits)
#include "tst_limits.moc"

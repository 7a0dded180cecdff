#pragma once

#include "serverprocess.h"
#include "testclient.h"
#include "testdatabase.h"

#include <QtTest>

#include <memory>

namespace confab::test {

//! A plain text message.
inline protocol::MessageSend textMessage(const QString &conversationId, const QString &clientId, const QString &body,
                                         std::optional<QString> replyTo = std::nullopt)
{
    protocol::MessageSend send;
    send.conversationId = conversationId;
    send.clientId = clientId;
    send.body = body;
    send.replyTo = std::move(replyTo);
    return send;
}

//! Global test data rows: every server test runs once on SQLite and once on PostgreSQL.
inline void addBackendRows()
{
    QTest::addColumn<int>("backend");
    QTest::newRow("sqlite") << int(TestDatabase::Kind::SQLite);
    QTest::newRow("postgresql") << int(TestDatabase::Kind::PostgreSQL);
}

//! A fresh database and a real server process on it, for one test function.
class Harness {
public:
    Harness(TestDatabase::Kind kind, QMap<QString, QString> settings)
        : m_db(kind), m_server(m_db.url(), withDefaults(std::move(settings)))
    {
    }
    ~Harness()
    {
        // A failing test shows what the server said.
        if (QTest::currentTestFailed())
            qWarning().noquote() << "server log:\n" << m_server.log().right(6000);
    }
    bool start()
    {
        if (!m_db.isValid()) {
            m_error = m_db.errorString();
            return false;
        }
        if (!m_server.start()) {
            m_error = m_server.errorString();
            return false;
        }
        return true;
    }
    QString errorString() const { return m_error; }
    ServerProcess &server() { return m_server; }
    TestDatabase &database() { return m_db; }

    //! A connected client of a new user `username`, registered now (null, with a warning, if that
    //! failed); an empty name gives a connection that is not signed in.
    std::unique_ptr<TestClient> client(const QString &username)
    {
        auto c = std::make_unique<TestClient>();
        if (!c->open(m_server.url()))
            return nullptr;
        if (!username.isEmpty() && !c->signUp(username))
            return nullptr;
        return c;
    }

    //! Another connection of a user registered before (a second device, or after a restart).
    std::unique_ptr<TestClient> signedIn(const QString &username)
    {
        auto c = std::make_unique<TestClient>();
        if (!c->open(m_server.url()) || !c->signIn(username))
            return nullptr;
        return c;
    }

private:
    static QMap<QString, QString> withDefaults(QMap<QString, QString> settings)
    {
        // Tests send quickly on purpose; the rate limits get their own test.
        settings.insert(QStringLiteral("limits/send_burst"), settings.value(QStringLiteral("limits/send_burst"), QStringLiteral("100000")));
        settings.insert(QStringLiteral("server/requests_per_second"),
                        settings.value(QStringLiteral("server/requests_per_second"), QStringLiteral("10000")));
        return settings;
    }
    TestDatabase m_db;
    ServerProcess m_server;
    QString m_error;
};

//! Starts a harness for the current global data row, or fails the test.
#define CONFAB_START_HARNESS(name, ...)                                                                          \
    QFETCH_GLOBAL(int, backend);                                                                                \
    ::confab::test::Harness name(::confab::test::TestDatabase::Kind(backend), __VA_ARGS__);                     \
    QVERIFY2(name.start(), qPrintable(name.errorString()))

} // namespace confab::test

/*!
 * A test executable of two test objects: `Both` runs once per database (initTestCase_data with
 * addBackendRows()), `PostgresOnly` has no rows at all — its tests need what only PostgreSQL offers
 * (several server instances on one database), so they are not data rows to skip on SQLite.
 */
#define CONFAB_TEST_MAIN_WITH_POSTGRES_ONLY(Both, PostgresOnly)                                                \
    int main(int argc, char **argv)                                                                         \
    {                                                                                                        \
        QCoreApplication app(argc, argv);                                                                    \
        QTEST_SET_MAIN_SOURCE_PATH                                                                           \
        Both both;                                                                                           \
        PostgresOnly postgresOnly;                                                                           \
        const int failed = QTest::qExec(&both, argc, argv);                                                  \
        return failed + QTest::qExec(&postgresOnly, argc, argv);                                             \
    }

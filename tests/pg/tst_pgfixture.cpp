// Proves that the suite runs against a real PostgreSQL server, not a stand-in.
#include "testdatabase.h"

#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QtTest>

using confab::test::TestDatabase;

class TestPgFixture : public QObject {
    Q_OBJECT
private slots:
    void serverAnswers()
    {
        QVERIFY2(!TestDatabase::postgresHost().isEmpty(), "CONFAB_TEST_PG_HOST not set");
        TestDatabase db(TestDatabase::Kind::PostgreSQL);
        QVERIFY2(db.isValid(), qPrintable(db.errorString()));
        {
            QSqlDatabase conn = TestDatabase::openPostgres(QStringLiteral("postgres"), QStringLiteral("probe"));
            QVERIFY2(conn.isOpen(), qPrintable(conn.lastError().text()));
            QCOMPARE(conn.driverName(), QStringLiteral("QPSQL"));
            QSqlQuery q(conn);
            QVERIFY2(q.exec(QStringLiteral("SELECT version()")), qPrintable(q.lastError().text()));
            QVERIFY(q.next());
            const QString version = q.value(0).toString();
            qInfo("%s", qPrintable(version));
            QVERIFY(version.startsWith(QLatin1StringView("PostgreSQL ")));
            // NOTIFY round trip: the mechanism several server instances will rely on.
            QVERIFY(conn.driver()->subscribeToNotification(QStringLiteral("confab_probe")));
            QSignalSpy spy(conn.driver(), &QSqlDriver::notification);
            QSqlDatabase other = TestDatabase::openPostgres(QStringLiteral("postgres"), QStringLiteral("other"));
            QSqlQuery n(other);
            QVERIFY(n.exec(QStringLiteral("SELECT pg_notify('confab_probe', 'hello')")));
            QTRY_COMPARE(spy.size(), 1);
            QCOMPARE(spy.at(0).at(2).toString(), QStringLiteral("hello"));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("probe"));
        QSqlDatabase::removeDatabase(QStringLiteral("other"));
    }
};

QTEST_GUILESS_MAIN(TestPgFixture)
#include "tst_pgfixture.moc"

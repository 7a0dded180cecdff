// The store layer on both databases: migrations (fresh, repeated, failing, too new) and
// gap-free sequence numbers across rolled-back transactions.
#include "harness.h"
#include "storage/conversationstore.h"
#include "storage/database.h"
#include "storage/migrations.h"

#include <QUuid>

using namespace confab::server;
using namespace confab::test;

class TestStore : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<Database> open(TestDatabase &t)
    {
        QString error;
        const auto url = DatabaseUrl::parse(t.url(), &error);
        if (!url)
            return nullptr;
        auto db = std::make_unique<Database>(*url, QUuid::createUuid().toString());
        if (!db->open(&error)) {
            qWarning("%s", qPrintable(error));
            return nullptr;
        }
        return db;
    }
    bool tableExists(Database &db, const QString &table)
    {
        return db.handle().tables().contains(table);
    }

private slots:
    void initTestCase_data() { addBackendRows(); }

    void freshAndRepeated()
    {
        QFETCH_GLOBAL(int, backend);
        TestDatabase t{TestDatabase::Kind(backend)};
        QVERIFY2(t.isValid(), qPrintable(t.errorString()));
        auto db = open(t);
        QVERIFY(db);
        Migrations migrations(*db);
        QCOMPARE(migrations.currentVersion(), 0);
        QString error;
        QVERIFY2(migrations.migrate(&error), qPrintable(error));
        QCOMPARE(migrations.currentVersion(), Migrations::kSchemaVersion);
        for (const char *table : {"users", "sessions", "conversations", "members", "events", "messages", "attachments"})
            QVERIFY2(tableExists(*db, QString::fromLatin1(table)), table);
        QVERIFY2(migrations.migrate(&error), qPrintable(error)); // again: nothing to do
        QCOMPARE(migrations.currentVersion(), Migrations::kSchemaVersion);
    }

    void failedStepRollsBackEverything()
    {
        QFETCH_GLOBAL(int, backend);
        TestDatabase t{TestDatabase::Kind(backend)};
        QVERIFY(t.isValid());
        auto db = open(t);
        QVERIFY(db);
        // A table in the way makes step 1 fail half way through.
        db->execDirect(QStringLiteral("CREATE TABLE messages (x INTEGER)"));
        Migrations migrations(*db);
        QString error;
        QVERIFY(!migrations.migrate(&error));
        QVERIFY2(error.contains(QLatin1StringView("nothing changed")), qPrintable(error));
        QCOMPARE(migrations.currentVersion(), 0);
        QVERIFY(!tableExists(*db, QStringLiteral("users"))); // created before the failure, rolled back
    }

    void newerDatabaseIsRefused()
    {
        QFETCH_GLOBAL(int, backend);
        TestDatabase t{TestDatabase::Kind(backend)};
        QVERIFY(t.isValid());
        auto db = open(t);
        QVERIFY(db);
        Migrations migrations(*db);
        QString error;
        QVERIFY(migrations.migrate(&error));
        db->exec(QStringLiteral("INSERT INTO schema_version (version) VALUES (?)"), {Migrations::kSchemaVersion + 1}).finish();
        QVERIFY(!migrations.migrate(&error));
        QVERIFY2(error.contains(QLatin1StringView("newer")), qPrintable(error));
    }

    void sequenceStaysGapFreeAcrossRollbacks()
    {
        QFETCH_GLOBAL(int, backend);
        TestDatabase t{TestDatabase::Kind(backend)};
        QVERIFY(t.isValid());
        auto db = open(t);
        QVERIFY(db);
        QString error;
        QVERIFY(Migrations(*db).migrate(&error));
        ConversationStore store(*db);
        Conversation c;
        c.id = QStringLiteral("c_test");
        c.title = QStringLiteral("t");
        c.createdAt = 1;
        store.create(c);
        {
            Transaction tx(*db);
            QCOMPARE(store.nextSeq(c.id), 1);
            QCOMPARE(store.nextSeq(c.id), 2);
            tx.commit();
        }
        {
            Transaction tx(*db);
            QCOMPARE(store.nextSeq(c.id), 3);
            // no commit: rolled back
        }
        Transaction tx(*db);
        QCOMPARE(store.nextSeq(c.id), 3);
        tx.commit();
        QCOMPARE(store.byId(c.id)->lastSeq, 3);
    }

    void databaseUrls()
    {
        QString error;
        auto pg = DatabaseUrl::parse(QStringLiteral("postgresql://confab:s3cret@db.example:6543/chat"), &error);
        QVERIFY(pg);
        QCOMPARE(pg->host, QStringLiteral("db.example"));
        QCOMPARE(pg->port, 6543);
        QCOMPARE(pg->user, QStringLiteral("confab"));
        QCOMPARE(pg->database, QStringLiteral("chat"));
        QVERIFY(!pg->redacted().contains(QLatin1StringView("s3cret")));
        auto socket = DatabaseUrl::parse(QStringLiteral("postgresql://postgres@/confab?host=/run/postgresql"), &error);
        QVERIFY(socket);
        QCOMPARE(socket->host, QStringLiteral("/run/postgresql"));
        auto lite = DatabaseUrl::parse(QStringLiteral("sqlite:/var/lib/confab/confab.sqlite"), &error);
        QVERIFY(lite);
        QCOMPARE(lite->driver, DatabaseUrl::Driver::SQLite);
        QVERIFY(!DatabaseUrl::parse(QStringLiteral("mysql://x"), &error));
        QVERIFY(!error.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestStore)
#include "tst_store.moc"

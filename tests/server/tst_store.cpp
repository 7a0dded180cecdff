// The store layer on both databases: migrations (fresh, repeated, failing, too new) and
// gap-free sequence numbers across rolled-back transactions.
#include "harness.h"
#include "storeconnection.h"
#include "storage/conversationstore.h"
#include "storage/database.h"
#include "storage/migrations.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>

using namespace confab::server;
using namespace confab::test;

class TestStore : public QObject {
    Q_OBJECT
private:
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
        auto db = openStore(t);
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

    //! Version 8 removes invisible characters from names stored before the protocol refused them,
    //! and leaves message bodies alone: rows written at version 7, then the migrations after it.
    void version8CleansStoredNames()
    {
        QFETCH_GLOBAL(int, backend);
        TestDatabase t{TestDatabase::Kind(backend)};
        QVERIFY2(t.isValid(), qPrintable(t.errorString()));
        auto db = openStore(t);
        QVERIFY(db);
        QString error;
        QVERIFY2(Migrations(*db).migrateTo(7, &error), qPrintable(error));
        const QString liar = QStringLiteral("\u202Egnp.exe Admin");
        const QString emoji = QStringLiteral("Mina \U0001F469\u200D\U0001F4BB");
        db->exec(QStringLiteral("INSERT INTO users (id, username, display_name, password_hash, created_at) "
                                "VALUES ('u1', 'mallory', ?, 'x', 1), ('u2', 'mina', ?, 'x', 1), "
                                "('u3', 'blank', ?, 'x', 1)"),
                 {liar, emoji, QStringLiteral("\u3164")})
            .finish();
        db->exec(QStringLiteral("INSERT INTO conversations (id, kind, title, description, created_at) "
                                "VALUES ('c1', 'group', ?, ?, 1)"),
                 {QStringLiteral("Bo\u200Boks"), QStringLiteral("about \u2067books\u2069\nline two")})
            .finish();
        db->exec(QStringLiteral("INSERT INTO attachments (id, conversation_id, uploader_id, name, mime, size, "
                                "sha256, created_at) VALUES ('a1', 'c1', 'u1', ?, 'image/png', 1, 'x', 1)"),
                 {QStringLiteral("\u202Egnp.exe")})
            .finish();
        const QString renamed = QStringLiteral(R"({"title":"Bo\u200boks","by":{"display_name":"\u202eX"}})");
        const QString message = QStringLiteral(R"({"body":"\u200fmarhaba","name":"ok"})");
        db->exec(QStringLiteral("INSERT INTO events (conversation_id, seq, kind, at, payload) "
                                "VALUES ('c1', 1, 'renamed', 1, ?), ('c1', 2, 'message', 1, ?)"),
                 {QString::fromUtf8(QJsonDocument::fromJson(renamed.toUtf8()).toJson(QJsonDocument::Compact)),
                  QString::fromUtf8(QJsonDocument::fromJson(message.toUtf8()).toJson(QJsonDocument::Compact))})
            .finish();

        QVERIFY2(Migrations(*db).migrate(&error), qPrintable(error));
        QCOMPARE(Migrations(*db).currentVersion(), Migrations::kSchemaVersion);
        const auto value = [&](const QString &sql) {
            QSqlQuery &q = db->exec(sql);
            const QString v = q.next() ? q.value(0).toString() : QStringLiteral("<none>");
            q.finish();
            return v;
        };
        QCOMPARE(value(QStringLiteral("SELECT display_name FROM users WHERE id = 'u1'")), QStringLiteral("gnp.exe Admin"));
        QCOMPARE(value(QStringLiteral("SELECT display_name FROM users WHERE id = 'u2'")), emoji);
        QCOMPARE(value(QStringLiteral("SELECT display_name FROM users WHERE id = 'u3'")), QStringLiteral("?"));
        QCOMPARE(value(QStringLiteral("SELECT title FROM conversations")), QStringLiteral("Books"));
        QCOMPARE(value(QStringLiteral("SELECT description FROM conversations")), QStringLiteral("about books\nline two"));
        QCOMPARE(value(QStringLiteral("SELECT name FROM attachments")), QStringLiteral("gnp.exe"));
        const QJsonObject first =
            QJsonDocument::fromJson(value(QStringLiteral("SELECT payload FROM events WHERE seq = 1")).toUtf8()).object();
        QCOMPARE(first.value(QLatin1StringView("title")).toString(), QStringLiteral("Books"));
        QCOMPARE(first.value(QLatin1StringView("by")).toObject().value(QLatin1StringView("display_name")).toString(),
                 QStringLiteral("X"));
        const QJsonObject second =
            QJsonDocument::fromJson(value(QStringLiteral("SELECT payload FROM events WHERE seq = 2")).toUtf8()).object();
        QCOMPARE(second.value(QLatin1StringView("body")).toString(), QStringLiteral("\u200Fmarhaba"));
    }

    void failedStepRollsBackEverything()
    {
        QFETCH_GLOBAL(int, backend);
        TestDatabase t{TestDatabase::Kind(backend)};
        QVERIFY(t.isValid());
        auto db = openStore(t);
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
        auto db = openStore(t);
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
        auto db = openStore(t);
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

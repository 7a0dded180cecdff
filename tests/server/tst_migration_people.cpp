// Schema version 18 (finding people, deleting accounts) on both databases: a database at version 17
// keeps its users, each gets the lower case of its display name as the key a prefix search ranges
// over (Unicode too, which SQLite's LOWER does not know), nobody is deleted, and usernames can be held.
#include "harness.h"
#include "storeconnection.h"
#include "storage/database.h"
#include "storage/deletionstore.h"
#include "storage/migrations.h"
#include "storage/peoplestore.h"


using namespace confab::server;
using namespace confab::test;

class TestMigrationPeople : public QObject {
    Q_OBJECT
private slots:
    void initTestCase_data() { addBackendRows(); }

    void version18AddsNameKeysAndHolds()
    {
        QFETCH_GLOBAL(int, backend);
        TestDatabase t{TestDatabase::Kind(backend)};
        QVERIFY2(t.isValid(), qPrintable(t.errorString()));
        auto db = openStore(t);
        QVERIFY(db);
        QString error;
        const int before = 17; // the step just below this one
        QVERIFY2(Migrations(*db).migrateTo(before, &error), qPrintable(error));
        try {
            db->exec(QStringLiteral("INSERT INTO users (id, username, display_name, password_hash, created_at) VALUES "
                                    "('u1', 'mina', 'Mina PARK', 'x', 1), ('u2', 'olga', 'ÓLGA Ünal', 'x', 2)"))
                .finish();
        } catch (const StoreError &e) {
            QFAIL(e.what());
        }
        QVERIFY2(Migrations(*db).migrateTo(18, &error), qPrintable(error));
        QCOMPARE(Migrations(*db).currentVersion(), 18);
        try {
            QSqlQuery &q = db->exec(QStringLiteral("SELECT name_key, deleted_at FROM users ORDER BY id"));
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toString(), QStringLiteral("mina park"));
            QVERIFY(q.value(1).isNull());
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toString(), QStringLiteral("ólga ünal"));
            q.finish();
            // Today's stores read the columns of later steps too: the rest of the way, then the checks.
            QVERIFY2(Migrations(*db).migrate(&error), qPrintable(error));

            PeopleStore people(*db);
            PeopleStore::Search search;
            search.prefix = QStringLiteral("ólg");
            search.viewerId = QStringLiteral("u1");
            const QList<Profile> found = people.search(search);
            QCOMPARE(found.size(), 1);
            QCOMPARE(found.first().id, QStringLiteral("u2"));

            DeletionStore deletions(*db);
            QVERIFY(!deletions.isDeleted(QStringLiteral("u1")));
            deletions.holdUsername(QStringLiteral("mina"), 100);
            QVERIFY(deletions.usernameHeld(QStringLiteral("mina"), 99));
            QVERIFY(!deletions.usernameHeld(QStringLiteral("mina"), 100));
            deletions.eraseAccount(QStringLiteral("u1"), 50);
            QVERIFY(deletions.isDeleted(QStringLiteral("u1")));
            const auto erased = people.profile(QStringLiteral("u1"));
            QVERIFY(erased && erased->deleted);
            QCOMPARE(erased->username, DeletionStore::placeholderUsername(QStringLiteral("u1")));
            QCOMPARE(erased->username.size(), 32);
            search.prefix = QStringLiteral("m");
            search.viewerId = QStringLiteral("u2");
            QVERIFY(people.search(search).isEmpty());
        } catch (const StoreError &e) {
            QFAIL(e.what());
        }
    }
};

QTEST_GUILESS_MAIN(TestMigrationPeople)
#include "tst_migration_people.moc"

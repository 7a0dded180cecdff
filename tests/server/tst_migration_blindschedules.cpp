// Schema version 10 (blind rooms set up from the app) on both databases: a database at version 9
// keeps its blind rooms' settings, gains the invite switch (off) and the table of scheduled
// reveals, and a due reveal is claimed exactly once.
#include "harness.h"
#include "storeconnection.h"
#include "storage/blindstore.h"
#include "storage/database.h"
#include "storage/migrations.h"


using namespace confab::server;
using namespace confab::test;

class TestMigrationBlindSchedules : public QObject {
    Q_OBJECT
private slots:
    void initTestCase_data() { addBackendRows(); }

    void version10AddsScheduledReveals()
    {
        QFETCH_GLOBAL(int, backend);
        TestDatabase t{TestDatabase::Kind(backend)};
        QVERIFY2(t.isValid(), qPrintable(t.errorString()));
        auto db = openStore(t);
        QVERIFY(db);
        QString error;
        QVERIFY2(Migrations(*db).migrateTo(9, &error), qPrintable(error));
        try {
            db->exec(QStringLiteral("INSERT INTO users (id, username, display_name, password_hash, created_at) "
                                    "VALUES ('u1', 'mina', 'Mina', 'x', 1)"))
                .finish();
            db->exec(QStringLiteral("INSERT INTO conversations (id, kind, title, created_at) VALUES "
                                    "('c1', 'blind', 'Room', 1), ('c2', 'blind', 'Other', 1)"))
                .finish();
            db->exec(QStringLiteral("INSERT INTO blind_settings (conversation_id, reveals_allowed) VALUES ('c1', 0)")).finish();
        } catch (const StoreError &e) {
            QFAIL(e.what());
        }
        QVERIFY2(Migrations(*db).migrate(&error), qPrintable(error));
        QCOMPARE(Migrations(*db).currentVersion(), Migrations::kSchemaVersion);

        BlindStore store(*db);
        try {
            RevealState c1 = store.state(QStringLiteral("c1"));
            QCOMPARE(c1.allowed, false); // kept
            QCOMPARE(c1.membersInvite, false); // the new switch starts off
            QCOMPARE(c1.revealAt, std::nullopt);
            store.setMembersInvite(QStringLiteral("c2"), true);
            QCOMPARE(store.state(QStringLiteral("c2")).membersInvite, true);
            QCOMPARE(store.state(QStringLiteral("c2")).allowed, true);

            // Scheduled, moved, due: claimed once; a claimed reveal can be neither moved nor claimed again.
            QCOMPARE(store.nextReveal(), std::nullopt);
            store.setSchedule(QStringLiteral("c1"), 5000);
            store.setSchedule(QStringLiteral("c1"), 3000);
            store.setSchedule(QStringLiteral("c2"), 9000);
            QCOMPARE(store.nextReveal(), std::optional<qint64>(3000));
            QCOMPARE(store.state(QStringLiteral("c1")).revealAt, std::optional<qint64>(3000));
            QCOMPARE(store.dueReveals(2999, 10), QList<QString>{});
            QCOMPARE(store.dueReveals(3000, 10), QList<QString>{QStringLiteral("c1")});
            QVERIFY(!store.claimReveal(QStringLiteral("c1"), 2999)); // not yet due
            QVERIFY(store.claimReveal(QStringLiteral("c1"), 3100));
            QVERIFY(!store.claimReveal(QStringLiteral("c1"), 3200));
            store.setSchedule(QStringLiteral("c1"), 8000);
            store.setSchedule(QStringLiteral("c1"), std::nullopt);
            const RevealState fired = store.state(QStringLiteral("c1"));
            QCOMPARE(fired.revealAt, std::nullopt);
            QCOMPARE(fired.revealedAt, std::optional<qint64>(3100));
            QCOMPARE(store.nextReveal(), std::optional<qint64>(9000));
            store.setSchedule(QStringLiteral("c2"), std::nullopt); // cancelled before it was due
            QCOMPARE(store.nextReveal(), std::nullopt);
            QCOMPARE(store.state(QStringLiteral("c2")).revealedAt, std::nullopt);
        } catch (const StoreError &e) {
            QFAIL(e.what());
        }
    }
};

QTEST_GUILESS_MAIN(TestMigrationBlindSchedules)
#include "tst_migration_blindschedules.moc"

// Schema version 15 (matching) on both databases: a database at version 14 keeps its rows and gains
// the tables of matching rounds and their pairs; the store reads back a series' pairs and rounds,
// and the blocks among a pool, in either direction.
#include "domain/matching.h"
#include "harness.h"
#include "storeconnection.h"
#include "storage/database.h"
#include "storage/matchstore.h"
#include "storage/migrations.h"


using namespace confab::server;
using namespace confab::test;

class TestMigrationMatchRounds : public QObject {
    Q_OBJECT
private slots:
    void initTestCase_data() { addBackendRows(); }

    void version15AddsMatchRounds()
    {
        QFETCH_GLOBAL(int, backend);
        TestDatabase t{TestDatabase::Kind(backend)};
        QVERIFY2(t.isValid(), qPrintable(t.errorString()));
        auto db = openStore(t);
        QVERIFY(db);
        QString error;
        QVERIFY2(Migrations(*db).migrateTo(14, &error), qPrintable(error));
        try {
            db->exec(QStringLiteral("INSERT INTO users (id, username, display_name, password_hash, created_at) VALUES "
                                    "('u1', 'mina', 'Mina', 'x', 1), ('u2', 'joon', 'Joon', 'x', 1), "
                                    "('u3', 'sora', 'Sora', 'x', 1), ('u4', 'hana', 'Hana', 'x', 1)"))
                .finish();
            db->exec(QStringLiteral("INSERT INTO conversations (id, kind, title, created_at) VALUES "
                                    "('c1', 'blind', 'Room 1', 1), ('c2', 'blind', 'Room 2', 1)"))
                .finish();
            db->exec(QStringLiteral("INSERT INTO blocks (blocker_id, blocked_id, created_at) VALUES "
                                    "('u2', 'u3', 5), ('u4', 'u1', 6)"))
                .finish();
        } catch (const StoreError &e) {
            QFAIL(e.what());
        }
        QVERIFY2(Migrations(*db).migrateTo(15, &error), qPrintable(error));
        QCOMPARE(Migrations(*db).currentVersion(), 15);
        QCOMPARE(t.firstColumn(QStringLiteral("SELECT COUNT(*) FROM blocks")).value(0).toInt(), 2); // kept

        MatchStore store(*db);
        try {
            QCOMPARE(store.rounds(QStringLiteral("u1"), QStringLiteral("Friday")), 0);
            QCOMPARE(store.metPairs(QStringLiteral("u1"), QStringLiteral("Friday")), QSet<QString>{});
            MatchRound round;
            round.id = QStringLiteral("r1");
            round.ownerId = QStringLiteral("u1");
            round.series = QStringLiteral("Friday");
            round.createdAt = 10;
            round.pairs = {{QStringLiteral("u3"), QStringLiteral("u2"), QStringLiteral("c1")},
                           {QStringLiteral("u1"), QStringLiteral("u4"), QStringLiteral("c2")}};
            store.addRound(round);
            QCOMPARE(store.rounds(QStringLiteral("u1"), QStringLiteral("Friday")), 1);
            QCOMPARE(store.rounds(QStringLiteral("u1"), QStringLiteral("")), 0);
            QCOMPARE(store.rounds(QStringLiteral("u2"), QStringLiteral("Friday")), 0);
            QCOMPARE(store.metPairs(QStringLiteral("u1"), QStringLiteral("Friday")),
                     (QSet<QString>{matching::pairKey(QStringLiteral("u2"), QStringLiteral("u3")),
                                    matching::pairKey(QStringLiteral("u1"), QStringLiteral("u4"))}));
            // Stored in order (user_a < user_b), whichever way round they were given.
            QCOMPARE(t.firstColumn(QStringLiteral("SELECT user_a FROM match_pairs WHERE conversation_id = 'c1'")),
                     QVariantList{QStringLiteral("u2")});
            // Blocks among a pool, in both directions; people outside the pool do not count.
            QCOMPARE(store.blockedPairs({QStringLiteral("u1"), QStringLiteral("u2"), QStringLiteral("u3"), QStringLiteral("u4")}),
                     (QSet<QString>{matching::pairKey(QStringLiteral("u2"), QStringLiteral("u3")),
                                    matching::pairKey(QStringLiteral("u1"), QStringLiteral("u4"))}));
            QCOMPARE(store.blockedPairs({QStringLiteral("u1"), QStringLiteral("u2"), QStringLiteral("u3")}),
                     (QSet<QString>{matching::pairKey(QStringLiteral("u2"), QStringLiteral("u3"))}));
        } catch (const StoreError &e) {
            QFAIL(e.what());
        }
    }
};

QTEST_GUILESS_MAIN(TestMigrationMatchRounds)
#include "tst_migration_matchrounds.moc"

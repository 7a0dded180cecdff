// Schema version 14 (pinned messages) on both databases: a database at version 13 keeps its
// conversations, each conversation's pin switch starts unset (the server's default applies), and
// the new table holds one pin per message.
#include "harness.h"
#include "storeconnection.h"
#include "storage/database.h"
#include "storage/migrations.h"
#include "storage/pinstore.h"


using namespace confab::server;
using namespace confab::test;

class TestMigrationPins : public QObject {
    Q_OBJECT
private slots:
    void initTestCase_data() { addBackendRows(); }

    void version14AddsPins()
    {
        QFETCH_GLOBAL(int, backend);
        TestDatabase t{TestDatabase::Kind(backend)};
        QVERIFY2(t.isValid(), qPrintable(t.errorString()));
        auto db = openStore(t);
        QVERIFY(db);
        QString error;
        const int before = 13; // the step just below pins
        QVERIFY2(Migrations(*db).migrateTo(before, &error), qPrintable(error));
        try {
            db->exec(QStringLiteral("INSERT INTO users (id, username, display_name, password_hash, created_at) "
                                    "VALUES ('u1', 'mina', 'Mina', 'x', 1)"))
                .finish();
            db->exec(QStringLiteral("INSERT INTO conversations (id, kind, title, created_at, last_seq) VALUES "
                                    "('c1', 'group', 'Room', 1, 1)"))
                .finish();
            db->exec(QStringLiteral("INSERT INTO messages (id, conversation_id, seq, sender_id, client_id, body, "
                                    "created_at) VALUES ('m1', 'c1', 1, 'u1', 'k1', 'pin me', 2), "
                                    "('m2', 'c1', 2, 'u1', 'k2', 'gone', 3)"))
                .finish();
        } catch (const StoreError &e) {
            QFAIL(e.what());
        }
        QVERIFY2(Migrations(*db).migrateTo(14, &error), qPrintable(error));
        QCOMPARE(Migrations(*db).currentVersion(), 14);

        PinStore store(*db);
        try {
            QCOMPARE(store.membersPin(QStringLiteral("c1")), std::nullopt); // unset: the server's default
            store.setMembersPin(QStringLiteral("c1"), true);
            QCOMPARE(store.membersPin(QStringLiteral("c1")), std::optional(true));
            QVERIFY(store.add(QStringLiteral("c1"), QStringLiteral("m1"), QStringLiteral("u1"), 10, 3));
            QVERIFY(!store.add(QStringLiteral("c1"), QStringLiteral("m1"), QStringLiteral("u1"), 11, 4)); // once
            QVERIFY(store.add(QStringLiteral("c1"), QStringLiteral("m2"), QStringLiteral("u1"), 12, 5));
            QCOMPARE(store.count(QStringLiteral("c1")), 2);
            const QList<PinRecord> pins = store.pins(QStringLiteral("c1"));
            QCOMPARE(pins.size(), 2);
            QCOMPARE(pins[0].messageId, QStringLiteral("m2")); // newest pin first
            QCOMPARE(pins[1].message.body, QStringLiteral("pin me"));
            QCOMPARE(pins[1].pinnedAt, 10);
            QCOMPARE(pins[1].seq, 3);
            // A deleted message's pin no longer counts, even if its row stayed behind.
            db->exec(QStringLiteral("UPDATE messages SET deleted = 1 WHERE id = 'm2'")).finish();
            QCOMPARE(store.count(QStringLiteral("c1")), 1);
            QVERIFY(store.remove(QStringLiteral("c1"), QStringLiteral("m1")));
            QVERIFY(!store.remove(QStringLiteral("c1"), QStringLiteral("m1")));
            QCOMPARE(store.count(QStringLiteral("c1")), 0);
        } catch (const StoreError &e) {
            QFAIL(e.what());
        }
    }
};

QTEST_GUILESS_MAIN(TestMigrationPins)
#include "tst_migration_pins.moc"

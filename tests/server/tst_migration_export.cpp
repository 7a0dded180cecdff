// Schema version 17 (exports of a user's data) on both databases: a database at version 16 keeps
// its users, and the new table records builds, one at a time per user, their end and their expiry;
// what an export carries of my uploads is read from the attachments.
#include "harness.h"
#include "storeconnection.h"
#include "storage/database.h"
#include "storage/exportstore.h"
#include "storage/migrations.h"


using namespace confab::server;
using namespace confab::test;
using confab::protocol::ExportState;

class TestMigrationExport : public QObject {
    Q_OBJECT
private slots:
    void initTestCase_data() { addBackendRows(); }

    void version17AddsExports() {
        QFETCH_GLOBAL(int, backend);
        TestDatabase t{TestDatabase::Kind(backend)};
        QVERIFY2(t.isValid(), qPrintable(t.errorString()));
        auto db = openStore(t);
        QVERIFY(db);
        QString error;
        const int before = 16; // the step just below exports
        QVERIFY2(Migrations(*db).migrateTo(before, &error), qPrintable(error));
        try {
            db->exec(
                  QStringLiteral("INSERT INTO users (id, username, display_name, password_hash, created_at) "
                                 "VALUES ('u1', 'mina', 'Mina', 'x', 1), ('u2', 'joon', 'Joon', 'x', 1)"))
                .finish();
            db->exec(
                  QStringLiteral("INSERT INTO conversations (id, kind, title, created_at, last_seq) VALUES "
                                 "('c1', 'group', 'Room', 1, 2)"))
                .finish();
            db->exec(QStringLiteral(
                         "INSERT INTO messages (id, conversation_id, seq, sender_id, client_id, body, "
                         "created_at, deleted) VALUES ('m1', 'c1', 1, 'u1', 'k1', 'file', 2, 0), "
                         "('m2', 'c1', 2, 'u1', 'k2', '', 3, 1)"))
                .finish();
            db->exec(QStringLiteral(
                         "INSERT INTO attachments (id, conversation_id, uploader_id, message_id, name, mime, "
                         "size, sha256, complete, created_at) VALUES "
                         "('a1', 'c1', 'u1', 'm1', 'kept.txt', 'text/plain', 4, 'aa', 1, 5), "
                         "('a2', 'c1', 'u1', 'm2', 'deleted.txt', 'text/plain', 4, 'bb', 1, 6), "
                         "('a3', 'c1', 'u1', NULL, 'unsent.txt', 'text/plain', 4, 'cc', 1, 7), "
                         "('a4', 'c1', 'u2', 'm1', 'joons.txt', 'text/plain', 4, 'dd', 1, 8)"))
                .finish();
        } catch (const StoreError &e) {
            QFAIL(e.what());
        }
        QVERIFY2(Migrations(*db).migrateTo(17, &error), qPrintable(error));
        QCOMPARE(Migrations(*db).currentVersion(), 17);

        ExportStore store(*db);
        try {
            QVERIFY(!store.latestOf(QStringLiteral("u1")));
            ExportRow row;
            row.id = QStringLiteral("x_1");
            row.userId = QStringLiteral("u1");
            row.createdAt = 100;
            row.touchedAt = 100;
            store.insert(row);
            // A second build of the same user at the same time is refused by the database itself.
            ExportRow twin = row;
            twin.id = QStringLiteral("x_2");
            bool refused = false;
            try {
                store.insert(twin);
            } catch (const StoreError &e) {
                refused = e.kind() == StoreError::Kind::Conflict;
            }
            QVERIFY(refused);
            store.setPercent(QStringLiteral("x_1"), 40, 150);
            QCOMPARE(store.latestOf(QStringLiteral("u1"))->percent, 40);
            QCOMPARE(store.latestOf(QStringLiteral("u1"))->touchedAt, 150);
            // Stalled builds fail; a live one does not.
            QVERIFY(store.failStale(120, QStringLiteral("stopped"), 200).isEmpty());
            const QList<ExportRow> stale = store.failStale(160, QStringLiteral("stopped"), 200);
            QCOMPARE(stale.size(), 1);
            QCOMPARE(stale.first().state, ExportState::Failed);
            QCOMPARE(stale.first().reason, QStringLiteral("stopped"));
            // Once it failed, another may start; ready ones expire.
            row.id = QStringLiteral("x_3");
            row.createdAt = 300;
            store.insert(row);
            store.markReady(QStringLiteral("x_3"), QStringLiteral("ee"), 1234, 1000, 310);
            const auto ready = store.byId(QStringLiteral("x_3"));
            QVERIFY(ready);
            QCOMPARE(ready->state, ExportState::Ready);
            QCOMPARE(ready->percent, 100);
            QCOMPARE(ready->size, 1234);
            QCOMPARE(store.latestOf(QStringLiteral("u1"))->id, QStringLiteral("x_3"));
            QCOMPARE(store.othersOf(QStringLiteral("u1"), QStringLiteral("x_3")).size(), 1);
            QVERIFY(store.expired(999, 0, 10).isEmpty());
            const QList<ExportRow> gone = store.expired(1000, 250, 10); // x_3 expired, x_1 failed before 250
            QCOMPARE(gone.size(), 2);
            for (const ExportRow &r : gone)
                store.remove(r.id);
            QVERIFY(!store.latestOf(QStringLiteral("u1")));

            // My uploads that were sent and not deleted; never someone else's.
            const QList<ExportFile> files = store.uploadsOf(QStringLiteral("u1"));
            QCOMPARE(files.size(), 1);
            QCOMPARE(files.first().attachmentId, QStringLiteral("a1"));
            QCOMPARE(files.first().name, QStringLiteral("kept.txt"));
        } catch (const StoreError &e) {
            QFAIL(e.what());
        }
    }
};

QTEST_GUILESS_MAIN(TestMigrationExport)
#include "tst_migration_export.moc"

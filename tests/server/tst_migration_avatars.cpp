// Schema version 19 (avatars) on both databases: a database at version 18 keeps its users, each
// without an avatar; the new table holds an avatar's pictures once per side, and a picture goes
// when nobody shows it any more.
#include "harness.h"
#include "storeconnection.h"
#include "storage/avatarstore.h"
#include "storage/database.h"
#include "storage/migrations.h"


using namespace confab::server;
using namespace confab::test;

class TestMigrationAvatars : public QObject {
    Q_OBJECT
private slots:
    void initTestCase_data() { addBackendRows(); }

    void version19AddsAvatars()
    {
        QFETCH_GLOBAL(int, backend);
        TestDatabase t{TestDatabase::Kind(backend)};
        QVERIFY2(t.isValid(), qPrintable(t.errorString()));
        auto db = openStore(t);
        QVERIFY(db);
        QString error;
        const int step = 19; // the avatars' step: renumbered when merged beside other steps
        QVERIFY2(Migrations(*db).migrateTo(step - 1, &error), qPrintable(error));
        try {
            db->exec(QStringLiteral("INSERT INTO users (id, username, display_name, password_hash, created_at) "
                                    "VALUES ('u1', 'mina', 'Mina', 'x', 1), ('u2', 'joon', 'Joon', 'x', 1)"))
                .finish();
        } catch (const StoreError &e) {
            QFAIL(e.what());
        }
        QVERIFY2(Migrations(*db).migrateTo(step, &error), qPrintable(error));
        QCOMPARE(Migrations(*db).currentVersion(), step);

        AvatarStore store(*db);
        const QString hash(64, u'a');
        const QByteArray small(3000, '\x01'), large = QByteArray(9000, '\0') + QByteArray("\xff\xd8", 2);
        try {
            QCOMPARE(t.firstColumn(QStringLiteral("SELECT COUNT(*) FROM users WHERE avatar IS NULL")).value(0).toInt(), 2);
            store.put(hash, {{96, QStringLiteral("image/jpeg"), small}, {256, QStringLiteral("image/jpeg"), large}}, 5);
            store.put(hash, {{96, QStringLiteral("image/jpeg"), small}}, 6); // stored once
            QCOMPARE(store.setUserAvatar(QStringLiteral("u1"), hash, 7), QString());
            QCOMPARE(store.setUserAvatar(QStringLiteral("u2"), hash, 7), QString());
            // Bytes come back exactly, NULs and all; the smallest side at least the one asked for.
            QCOMPARE(store.picture(hash, 40)->bytes, small);
            QCOMPARE(store.picture(hash, 97)->bytes, large);
            QCOMPARE(store.picture(hash, 2000)->side, qint64(256));
            QVERIFY(!store.picture(QString(64, u'b'), 96));
            QVERIFY(store.visibleTo(hash, QStringLiteral("u1"))); // one's own
            QVERIFY(!store.visibleTo(hash, QStringLiteral("nobody")));
            // One of two takes it away: the pictures stay for the other; then they go.
            QCOMPARE(store.setUserAvatar(QStringLiteral("u1"), QString(), 8), hash);
            store.removeIfUnused(hash);
            QVERIFY(store.picture(hash, 96));
            QCOMPARE(store.setUserAvatar(QStringLiteral("u2"), QString(), 9), hash);
            store.removeIfUnused(hash);
            QVERIFY(!store.picture(hash, 96));
            QCOMPARE(t.firstColumn(QStringLiteral("SELECT profile_changed_at FROM users WHERE id = 'u2'")).value(0).toLongLong(), qint64(9));
        } catch (const StoreError &e) {
            QFAIL(e.what());
        }
    }
};

QTEST_GUILESS_MAIN(TestMigrationAvatars)
#include "tst_migration_avatars.moc"

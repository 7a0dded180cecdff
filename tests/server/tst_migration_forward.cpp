// Schema version 13 (forwarding and unread marks) on both databases: a database at version 12 keeps
// its messages, attachments and members, which read as not forwarded and not marked; the new
// columns take what the server writes, and a forwarded attachment row costs its uploader no quota.
#include "harness.h"
#include "storeconnection.h"
#include "storage/attachmentstore.h"
#include "storage/conversationstore.h"
#include "storage/database.h"
#include "storage/eventstore.h"
#include "storage/migrations.h"


using namespace confab::server;
using namespace confab::test;

class TestMigrationForward : public QObject {
    Q_OBJECT
private slots:
    void initTestCase_data() { addBackendRows(); }

    void version13AddsForwardingAndMarks()
    {
        QFETCH_GLOBAL(int, backend);
        TestDatabase t{TestDatabase::Kind(backend)};
        QVERIFY2(t.isValid(), qPrintable(t.errorString()));
        auto db = openStore(t);
        QVERIFY(db);
        QString error;
        const int before = 12; // the step just below this one
        QVERIFY2(Migrations(*db).migrateTo(before, &error), qPrintable(error));
        const QString sha(64, u'a');
        try {
            const auto run = [&](const char *sql, const QVariantList &params = {}) {
                db->exec(QString::fromUtf8(sql), params).finish();
            };
            run("INSERT INTO users (id, username, display_name, password_hash, created_at) VALUES "
                "('u1', 'mina', 'Mina', 'x', 1), ('u2', 'joon', 'Joon', 'x', 1)");
            run("INSERT INTO conversations (id, kind, title, created_at, last_seq) VALUES ('c1', 'group', 'Books', 1, 1), "
                "('c2', 'group', 'Other', 1, 0)");
            run("INSERT INTO members (conversation_id, user_id, role, joined_at, joined_seq) VALUES "
                "('c1', 'u1', 'owner', 1, 0), ('c1', 'u2', 'member', 1, 0), ('c2', 'u2', 'owner', 1, 0)");
            run("INSERT INTO messages (id, conversation_id, seq, sender_id, client_id, body, created_at) VALUES "
                "('m1', 'c1', 1, 'u1', 'k1', 'hello', 10)");
            run("INSERT INTO attachments (id, conversation_id, uploader_id, message_id, name, mime, size, sha256, "
                "complete, created_at) VALUES ('a1', 'c1', 'u1', 'm1', 'cover.png', 'image/png', 1234, ?, 1, 10)",
                {sha});
        } catch (const StoreError &e) {
            QFAIL(e.what());
        }
        QVERIFY2(Migrations(*db).migrateTo(13, &error), qPrintable(error));
        QCOMPARE(Migrations(*db).currentVersion(), 13);
        // Today's stores read the columns of later steps too: the rest of the way, then the checks.
        QVERIFY2(Migrations(*db).migrate(&error), qPrintable(error));

        try {
            EventStore events(*db);
            ConversationStore conversations(*db);
            AttachmentStore attachments(*db);
            // What was there reads as before: not forwarded, not marked.
            QCOMPARE(events.messageById(QStringLiteral("m1"))->forwarded, false);
            QCOMPARE(events.messageById(QStringLiteral("m1"))->body, QStringLiteral("hello"));
            QCOMPARE(conversations.member(QStringLiteral("c1"), QStringLiteral("u2"))->markedUnread, false);
            QCOMPARE(attachments.bytesUsedBy(QStringLiteral("u1")), 1234);

            // The new columns take what the server writes.
            QVERIFY(conversations.setMarkedUnread(QStringLiteral("c1"), QStringLiteral("u2"), true));
            QVERIFY(!conversations.setMarkedUnread(QStringLiteral("c1"), QStringLiteral("u2"), true)); // so already
            QCOMPARE(conversations.member(QStringLiteral("c1"), QStringLiteral("u2"))->markedUnread, true);
            QCOMPARE(conversations.member(QStringLiteral("c1"), QStringLiteral("u1"))->markedUnread, false);

            Message copy;
            copy.id = QStringLiteral("m2");
            copy.conversationId = QStringLiteral("c2");
            copy.seq = 1;
            copy.senderId = QStringLiteral("u2");
            copy.clientId = QStringLiteral("f1");
            copy.body = QStringLiteral("hello");
            copy.createdAt = 20;
            copy.forwarded = true;
            QVERIFY(events.insertMessageIfNew(copy));
            attachments.insertForwarded(QStringLiteral("a2"), QStringLiteral("a1"), QStringLiteral("c2"),
                                        QStringLiteral("u2"), QStringLiteral("m2"), 20);
            QCOMPARE(events.messageById(QStringLiteral("m2"))->forwarded, true);
            const auto row = attachments.byId(QStringLiteral("a2"));
            QVERIFY(row);
            QCOMPARE(row->conversationId, QStringLiteral("c2"));
            QCOMPARE(row->messageId, QStringLiteral("m2"));
            QCOMPARE(row->sha256, sha); // the same stored bytes
            QCOMPARE(row->name, QStringLiteral("cover.png"));
            QCOMPARE(row->complete, true);
            QCOMPARE(attachments.bytesUsedBy(QStringLiteral("u2")), 0); // forwarded, not uploaded
            QCOMPARE(attachments.idsOfMessage(QStringLiteral("m2")), QList<QString>{QStringLiteral("a2")});
        } catch (const StoreError &e) {
            QFAIL(e.what());
        }
    }
};

QTEST_GUILESS_MAIN(TestMigrationForward)
#include "tst_migration_forward.moc"

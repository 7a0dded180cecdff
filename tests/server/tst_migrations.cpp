// Every earlier schema version upgrades to the current one with its data intact, on both databases.
// The fixtures are made by the test itself from the old migration steps: a fresh database is migrated
// to version N only (Migrations::migrateTo), filled with rows in every table and column version N has,
// then migrated to the current version; every row must read back with the same values, and columns
// added after N with their documented defaults. On SQLite the fixture is a database file of its own
// per version; on PostgreSQL a database of its own per version in the suite's cluster.
#include "harness.h"
#include "storeconnection.h"
#include "storage/database.h"
#include "storage/migrations.h"
#include "storage/uploadstore.h"
#include "storage/searchstore.h"

#include <QSqlQuery>
#include <QSqlRecord>

#include <limits>

using namespace confab::server;
using namespace confab::test;

namespace {

const QString kMina = QStringLiteral("u_mina");
const QString kJoon = QStringLiteral("u_joon");

//! The fixture of one schema version: rows in every table that version has, only in the columns it has.
void writeFixture(Database &db, int version)
{
    const auto run = [&db](const char *sql, const QVariantList &params = {}) {
        db.exec(QString::fromUtf8(sql), params).finish();
    };
    // Version 1: accounts, sessions, invites, conversations (a group and a blind room), members, the
    // log, messages and an attachment.
    run("INSERT INTO users (id, username, display_name, password_hash, disabled, created_at) VALUES "
        "(?, 'mina', 'Mina', 'hash-mina', 0, 1000), (?, 'joon', '준', 'hash-joon', 1, 1001)",
        {kMina, kJoon});
    run("INSERT INTO sessions (id, user_id, token_hash, device, created_at, last_used_at, expires_at) "
        "VALUES ('s1', ?, 'token-1', 'laptop', 1100, 1200, 9000)",
        {kMina});
    run("INSERT INTO invites (code_hash, created_at, used_by, used_at) VALUES ('invite-1', 1300, ?, 1400), "
        "('invite-2', 1350, NULL, NULL)",
        {kJoon});
    run("INSERT INTO conversations (id, kind, title, created_by, created_at, last_seq, archived, direct_key, "
        "alias_secret) VALUES ('c_books', 'group', 'Books', ?, 1500, 2, 0, NULL, NULL), "
        "('c_blind', 'blind', 'Night owls', ?, 1510, 1, 1, NULL, 'secret-1')",
        {kMina, kMina});
    run("INSERT INTO members (conversation_id, user_id, role, joined_at, joined_seq, last_delivered_seq, "
        "last_read_seq, muted, alias, alias_id, group_label, active) VALUES "
        "('c_books', ?, 'owner', 1500, 0, 2, 2, 0, NULL, NULL, NULL, 1), "
        "('c_books', ?, 'member', 1600, 1, 2, 1, 1, NULL, NULL, NULL, 1), "
        "('c_blind', ?, 'owner', 1510, 0, 1, 1, 0, 'Quiet Otter', 'al_1', 'A', 1), "
        "('c_blind', ?, 'member', 1520, 0, 0, 0, 0, 'Brave Heron', 'al_2', 'B', 0)",
        {kMina, kJoon, kMina, kJoon});
    run("INSERT INTO events (conversation_id, seq, kind, at, actor_id, message_id, payload) VALUES "
        "('c_books', 1, 'created', 1500, ?, NULL, '{\"title\":\"Books\"}'), "
        "('c_books', 2, 'message', 1700, ?, 'm_1', '{}'), "
        "('c_blind', 1, 'created', 1510, ?, NULL, '{\"title\":\"Night owls\"}')",
        {kMina, kMina, kMina});
    run("INSERT INTO messages (id, conversation_id, seq, sender_id, client_id, body, created_at, edited_at, "
        "deleted, reply_to) VALUES ('m_1', 'c_books', 2, ?, 'k1', 'hello shelves 책', 1700, 1750, 0, NULL)",
        {kMina});
    run("INSERT INTO attachments (id, conversation_id, uploader_id, message_id, name, mime, size, sha256, "
        "complete, width, height, created_at) VALUES ('a_1', 'c_books', ?, 'm_1', 'cover.png', 'image/png', "
        "1234, ?, 1, 10, 20, 1760), ('a_2', 'c_books', ?, NULL, 'draft.txt', 'text/plain', 5, ?, 0, NULL, "
        "NULL, 1770)",
        {kMina, QString(64, u'a'), kJoon, QString(64, u'b')});
    if (version >= 2)
        run("INSERT INTO bus_payloads (id, payload, created_at) VALUES ('b_1', '{\"t\":\"f\"}', 1800)");
    // Version 3 (search) adds no table of its own to fill: its index must cover the old messages.
    if (version >= 4)
        run("INSERT INTO reactions (message_id, user_id, emoji, created_at) VALUES ('m_1', ?, '👍', 1900)",
            {kJoon});
    if (version >= 5) {
        run("UPDATE users SET receipts_private = 1 WHERE id = ?", {kJoon});
        // As a server of version 5 or later writes them: the public marker beside the own one, and
        // behind it for a member whose receipts are private.
        run("UPDATE members SET public_read_seq = last_read_seq");
        run("UPDATE members SET public_read_seq = 0 WHERE user_id = ? AND conversation_id = 'c_books'", {kJoon});
    }
    if (version >= 6) {
        run("INSERT INTO blind_settings (conversation_id, reveals_allowed) VALUES ('c_blind', 0)");
        run("INSERT INTO reveal_offers (conversation_id, from_user, to_user, created_at) VALUES "
            "('c_blind', ?, '', 2000)",
            {kMina});
        run("INSERT INTO reveals (conversation_id, user_a, user_b, seq, created_at) VALUES "
            "('c_blind', ?, ?, 1, 2100)",
            {kJoon, kMina});
        run("INSERT INTO reports (id, conversation_id, reporter_id, reported_id, reason, created_at) VALUES "
            "('r_1', 'c_blind', ?, ?, 'spam', 2200)",
            {kMina, kJoon});
        run("INSERT INTO operator_access (at, action, detail) VALUES (2300, 'reports', 'read 1')");
    }
    if (version >= 7) {
        run("UPDATE conversations SET description = 'shelf talk' WHERE id = 'c_books'");
        run("UPDATE users SET bot = 1 WHERE id = ?", {kJoon});
        run("INSERT INTO messages (id, conversation_id, seq, sender_id, client_id, body, created_at, deleted, "
            "reply_to, thread_id, stream_state, stream_tokens, stream_latency_ms, stream_touched_at) VALUES "
            "('m_2', 'c_books', 3, ?, 'k2', 'a streamed reply', 2400, 0, 'm_1', 'm_1', 'ended', 12, 340, 2500)",
            {kJoon});
        run("INSERT INTO events (conversation_id, seq, kind, at, actor_id, message_id, payload) VALUES "
            "('c_books', 3, 'message', 2400, ?, 'm_2', '{}')",
            {kJoon});
        run("UPDATE conversations SET last_seq = 3 WHERE id = 'c_books'");
    }
    // Version 11 replaced the mute flag: a server at 11 or later writes the level beside it.
    if (version >= 11)
        run("UPDATE members SET notify_level = 'nothing' WHERE muted = 1");
}

//! Every row of `sql` as "a|b|c" (NULL as "∅"), in the query's order.
QStringList rows(Database &db, const QString &sql)
{
    QStringList out;
    QSqlQuery &q = db.exec(sql);
    while (q.next()) {
        QStringList fields;
        for (int i = 0; i < q.record().count(); ++i)
            fields.append(q.value(i).isNull() ? QStringLiteral("∅") : q.value(i).toString());
        out.append(fields.join(u'|'));
    }
    q.finish();
    return out;
}

} // namespace

class TestMigrations : public QObject {
    Q_OBJECT
private slots:
    void initTestCase_data() { addBackendRows(); }

    void everyVersionUpgradesWithItsData_data()
    {
        QTest::addColumn<int>("version");
        for (int v = 1; v < Migrations::kSchemaVersion; ++v)
            QTest::addRow("from-%d", v) << v;
    }
    void everyVersionUpgradesWithItsData()
    {
        QFETCH_GLOBAL(int, backend);
        QFETCH(int, version);
        TestDatabase t{TestDatabase::Kind(backend)};
        QVERIFY2(t.isValid(), qPrintable(t.errorString()));
        auto db = openStore(t);
        QVERIFY(db);
        QString error;
        QVERIFY2(Migrations(*db).migrateTo(version, &error), qPrintable(error));
        QCOMPARE(Migrations(*db).currentVersion(), version);
        try {
            Transaction tx(*db);
            writeFixture(*db, version);
            tx.commit();
        } catch (const StoreError &e) {
            QFAIL(e.what());
        }

        QVERIFY2(Migrations(*db).migrate(&error), qPrintable(error));
        QCOMPARE(Migrations(*db).currentVersion(), Migrations::kSchemaVersion);

        const bool v5 = version >= 5, v6 = version >= 6, v7 = version >= 7;
        QCOMPARE(rows(*db, QStringLiteral("SELECT id, username, display_name, password_hash, disabled, created_at, "
                                          "receipts_private, bot FROM users ORDER BY id")),
                 QStringList({QStringLiteral("u_joon|joon|준|hash-joon|1|1001|%1|%2").arg(v5).arg(v7),
                              QStringLiteral("u_mina|mina|Mina|hash-mina|0|1000|0|0")}));
        QCOMPARE(rows(*db, QStringLiteral("SELECT id, user_id, token_hash, device, created_at, last_used_at, "
                                          "expires_at FROM sessions")),
                 QStringList{QStringLiteral("s1|u_mina|token-1|laptop|1100|1200|9000")});
        QCOMPARE(rows(*db, QStringLiteral("SELECT code_hash, created_at, used_by, used_at FROM invites ORDER BY code_hash")),
                 QStringList({QStringLiteral("invite-1|1300|u_joon|1400"), QStringLiteral("invite-2|1350|∅|∅")}));
        QCOMPARE(rows(*db, QStringLiteral("SELECT id, kind, title, created_by, created_at, last_seq, archived, "
                                          "direct_key, alias_secret, description FROM conversations ORDER BY id")),
                 QStringList({QStringLiteral("c_blind|blind|Night owls|u_mina|1510|1|1|∅|secret-1|"),
                              QStringLiteral("c_books|group|Books|u_mina|1500|%1|0|∅|∅|%2")
                                  .arg(v7 ? 3 : 2)
                                  .arg(v7 ? QStringLiteral("shelf talk") : QString())}));
        // Before version 5 everyone's receipts were public: the public marker starts at the own one.
        QCOMPARE(rows(*db, QStringLiteral("SELECT conversation_id, user_id, role, joined_at, joined_seq, "
                                          "last_delivered_seq, last_read_seq, public_read_seq, muted, alias, "
                                          "alias_id, group_label, active FROM members ORDER BY conversation_id, user_id")),
                 QStringList({QStringLiteral("c_blind|u_joon|member|1520|0|0|0|0|0|Brave Heron|al_2|B|0"),
                              QStringLiteral("c_blind|u_mina|owner|1510|0|1|1|1|0|Quiet Otter|al_1|A|1"),
                              QStringLiteral("c_books|u_joon|member|1600|1|2|1|%1|1|∅|∅|∅|1").arg(v5 ? 0 : 1),
                              QStringLiteral("c_books|u_mina|owner|1500|0|2|2|2|0|∅|∅|∅|1")}));
        QStringList events{QStringLiteral("c_blind|1|created|1510|u_mina|∅|{\"title\":\"Night owls\"}"),
                           QStringLiteral("c_books|1|created|1500|u_mina|∅|{\"title\":\"Books\"}"),
                           QStringLiteral("c_books|2|message|1700|u_mina|m_1|{}")};
        QStringList messages{QStringLiteral("m_1|c_books|2|u_mina|k1|hello shelves 책|1700|1750|0|∅|∅|∅|∅|∅|∅")};
        if (v7) {
            events.append(QStringLiteral("c_books|3|message|2400|u_joon|m_2|{}"));
            messages.append(QStringLiteral("m_2|c_books|3|u_joon|k2|a streamed reply|2400|∅|0|m_1|m_1|ended|12|340|2500"));
        }
        QCOMPARE(rows(*db, QStringLiteral("SELECT conversation_id, seq, kind, at, actor_id, message_id, payload "
                                          "FROM events ORDER BY conversation_id, seq")),
                 events);
        QCOMPARE(rows(*db, QStringLiteral("SELECT id, conversation_id, seq, sender_id, client_id, body, created_at, "
                                          "edited_at, deleted, reply_to, thread_id, stream_state, stream_tokens, "
                                          "stream_latency_ms, stream_touched_at FROM messages ORDER BY id")),
                 messages);
        QCOMPARE(rows(*db, QStringLiteral("SELECT id, conversation_id, uploader_id, message_id, name, mime, size, "
                                          "sha256, complete, width, height, created_at FROM attachments ORDER BY id")),
                 QStringList({QStringLiteral("a_1|c_books|u_mina|m_1|cover.png|image/png|1234|%1|1|10|20|1760")
                                  .arg(QString(64, u'a')),
                              QStringLiteral("a_2|c_books|u_joon|∅|draft.txt|text/plain|5|%1|0|∅|∅|1770")
                                  .arg(QString(64, u'b'))}));
        QCOMPARE(rows(*db, QStringLiteral("SELECT id, payload, created_at FROM bus_payloads")),
                 version >= 2 ? QStringList{QStringLiteral("b_1|{\"t\":\"f\"}|1800")} : QStringList{});
        QCOMPARE(rows(*db, QStringLiteral("SELECT message_id, user_id, emoji, created_at FROM reactions")),
                 version >= 4 ? QStringList{QStringLiteral("m_1|u_joon|👍|1900")} : QStringList{});
        QCOMPARE(rows(*db, QStringLiteral("SELECT conversation_id, reveals_allowed FROM blind_settings")),
                 v6 ? QStringList{QStringLiteral("c_blind|0")} : QStringList{});
        QCOMPARE(rows(*db, QStringLiteral("SELECT conversation_id, from_user, to_user, created_at FROM reveal_offers")),
                 v6 ? QStringList{QStringLiteral("c_blind|u_mina||2000")} : QStringList{});
        QCOMPARE(rows(*db, QStringLiteral("SELECT conversation_id, user_a, user_b, seq, created_at FROM reveals")),
                 v6 ? QStringList{QStringLiteral("c_blind|u_joon|u_mina|1|2100")} : QStringList{});
        QCOMPARE(rows(*db, QStringLiteral("SELECT id, conversation_id, reporter_id, reported_id, reason, created_at "
                                          "FROM reports")),
                 v6 ? QStringList{QStringLiteral("r_1|c_blind|u_mina|u_joon|spam|2200")} : QStringList{});
        QCOMPARE(rows(*db, QStringLiteral("SELECT at, action, detail FROM operator_access")),
                 v6 ? QStringList{QStringLiteral("2300|reports|read 1")} : QStringList{});
        // Version 11: a muted conversation notifies "nothing", the rest "all"; old messages mention nobody.
        QCOMPARE(rows(*db, QStringLiteral("SELECT conversation_id, user_id, notify_level FROM members "
                                          "ORDER BY conversation_id, user_id")),
                 QStringList({QStringLiteral("c_blind|u_joon|all"), QStringLiteral("c_blind|u_mina|all"),
                              QStringLiteral("c_books|u_joon|nothing"), QStringLiteral("c_books|u_mina|all")}));
        QCOMPARE(rows(*db, QStringLiteral("SELECT COUNT(*) FROM messages WHERE mentions IS NOT NULL")),
                 QStringList{QStringLiteral("0")});
        QCOMPARE(rows(*db, QStringLiteral("SELECT COUNT(*) FROM mentions")), QStringList{QStringLiteral("0")});

        // Messages written before search existed (version 3) are found like new ones.
        SearchQuery query;
        query.userId = kMina;
        query.terms = {QStringLiteral("shelves")};
        query.now = 3000;
        query.beforeScore = std::numeric_limits<qint64>::max(); // the first page
        QList<SearchRow> found;
        try {
            found = SearchStore(*db).search(query);
        } catch (const StoreError &e) {
            QFAIL(e.what());
        }
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.first().message.id, QStringLiteral("m_1"));
    }

    //! Version 12 (accounts and people): users keep everything and get an empty status, never
    //! changed; blocks are stored once per pair.
    void peopleStepAddsStatusAndBlocks()
    {
        QFETCH_GLOBAL(int, backend);
        TestDatabase t{TestDatabase::Kind(backend)};
        QVERIFY2(t.isValid(), qPrintable(t.errorString()));
        auto db = openStore(t);
        QVERIFY(db);
        QString error;
        QVERIFY2(Migrations(*db).migrateTo(11, &error), qPrintable(error));
        try {
            Transaction tx(*db);
            writeFixture(*db, 11);
            tx.commit();
        } catch (const StoreError &e) {
            QFAIL(e.what());
        }
        QVERIFY2(Migrations(*db).migrateTo(12, &error), qPrintable(error));
        QCOMPARE(Migrations(*db).currentVersion(), 12);
        QCOMPARE(rows(*db, QStringLiteral("SELECT id, display_name, status, profile_changed_at FROM users ORDER BY id")),
                 QStringList({QStringLiteral("u_joon|준||0"), QStringLiteral("u_mina|Mina||0")}));
        try {
            db->exec(QStringLiteral("INSERT INTO blocks (blocker_id, blocked_id, created_at) VALUES (?, ?, 5000)"),
                     {kMina, kJoon}).finish();
            db->exec(QStringLiteral("INSERT INTO blocks (blocker_id, blocked_id, created_at) VALUES (?, ?, 5001) "
                                    "ON CONFLICT (blocker_id, blocked_id) DO NOTHING"),
                     {kMina, kJoon}).finish();
        } catch (const StoreError &e) {
            QFAIL(e.what());
        }
        QCOMPARE(rows(*db, QStringLiteral("SELECT blocker_id, blocked_id, created_at FROM blocks")),
                 QStringList{QStringLiteral("u_mina|u_joon|5000")});
    }

    //! Version 16 (uploads that resume on any instance): blobs keep their rows and take their age as the
    //! garbage sweep's "touched" time; uploads, their parts and the server's settings have tables.
    void uploadsStepKeepsBlobsAndAddsUploads()
    {
        QFETCH_GLOBAL(int, backend);
        TestDatabase t{TestDatabase::Kind(backend)};
        QVERIFY2(t.isValid(), qPrintable(t.errorString()));
        auto db = openStore(t);
        QVERIFY(db);
        QString error;
        QVERIFY2(Migrations(*db).migrateTo(15, &error), qPrintable(error));
        const QString sha(64, u'c');
        try {
            db->exec(QStringLiteral("INSERT INTO blobs (kind, sha256, size, created_at) VALUES (0, ?, 3, 4242)"), {sha}).finish();
        } catch (const StoreError &e) {
            QFAIL(e.what());
        }
        QVERIFY2(Migrations(*db).migrateTo(16, &error), qPrintable(error));
        QCOMPARE(Migrations(*db).currentVersion(), 16);
        QCOMPARE(rows(*db, QStringLiteral("SELECT kind, sha256, size, created_at, touched_at FROM blobs")),
                 QStringList{QStringLiteral("0|%1|3|4242|4242").arg(sha)});
        try {
            UploadStore uploads(*db);
            UploadRow row;
            row.id = QStringLiteral("p_1");
            row.attachmentId = QStringLiteral("a_1");
            row.userId = kMina;
            row.conversationId = QStringLiteral("c_1");
            row.sha256 = sha;
            row.size = 10;
            row.spool = UploadSpool::Database;
            row.touchedAt = 100;
            uploads.insert(row);
            QVERIFY(uploads.advance(QStringLiteral("p_1"), kMina, 0, 4, 200));
            uploads.insertPart(QStringLiteral("p_1"), 0, "abcd");
            QVERIFY(!uploads.advance(QStringLiteral("p_1"), kMina, 0, 4, 300)); // the same chunk again
            QVERIFY(!uploads.advance(QStringLiteral("p_1"), kMina, 4, 7, 300)); // past the declared size
            QCOMPARE(uploads.byId(QStringLiteral("p_1"))->received, 4);
            SettingsStore settings(*db);
            settings.setValue(QStringLiteral("attachments/store"), QStringLiteral("disk"));
            settings.setValue(QStringLiteral("attachments/store"), QStringLiteral("database"));
            QCOMPARE(settings.value(QStringLiteral("attachments/store")), QStringLiteral("database"));
        } catch (const StoreError &e) {
            QFAIL(e.what());
        }
        QCOMPARE(rows(*db, QStringLiteral("SELECT upload_id, at FROM upload_parts")), QStringList{QStringLiteral("p_1|0")});
    }

    //! The mentions step (schema version 11) on its own: mutes become the level "nothing", and the
    //! new mentions table takes one row per mentioned user.
    void mentionsStepMigratesMutes()
    {
        QFETCH_GLOBAL(int, backend);
        TestDatabase t{TestDatabase::Kind(backend)};
        QVERIFY2(t.isValid(), qPrintable(t.errorString()));
        auto db = openStore(t);
        QVERIFY(db);
        QString error;
        const int before = 10; // the step just below mentions
        QVERIFY2(Migrations(*db).migrateTo(before, &error), qPrintable(error));
        try {
            Transaction tx(*db);
            writeFixture(*db, before);
            tx.commit();
        } catch (const StoreError &e) {
            QFAIL(e.what());
        }
        QVERIFY2(Migrations(*db).migrate(&error), qPrintable(error));
        QCOMPARE(rows(*db, QStringLiteral("SELECT user_id, notify_level FROM members WHERE muted = 1")),
                 QStringList{QStringLiteral("u_joon|nothing")});
        QCOMPARE(rows(*db, QStringLiteral("SELECT COUNT(*) FROM members WHERE muted = 0 AND notify_level <> 'all'")),
                 QStringList{QStringLiteral("0")});
        try {
            db->exec(QStringLiteral("INSERT INTO mentions (message_id, conversation_id, seq, user_id, sender_id) "
                                    "VALUES ('m_1', 'c_books', 2, 'u_joon', 'u_mina'), ('m_1', 'c_books', 2, '*', 'u_mina')"))
                .finish();
            db->exec(QStringLiteral("UPDATE messages SET mentions = '[]' WHERE id = 'm_1'")).finish();
        } catch (const StoreError &e) {
            QFAIL(e.what());
        }
        QCOMPARE(rows(*db, QStringLiteral("SELECT user_id FROM mentions ORDER BY user_id")),
                 QStringList({QStringLiteral("*"), QStringLiteral("u_joon")}));
    }
};

QTEST_GUILESS_MAIN(TestMigrations)
#include "tst_migrations.moc"

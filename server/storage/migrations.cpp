#include "migrations.h"

#include "core/logging.h"
#include "storage/blobstore.h"
#include "storage/database.h"
#include "storage/exportstore.h"
#include "storage/deletionstore.h"
#include "storage/hiddentextcleanup.h"
#include "storage/searchstore.h"
#include "storage/uploadstore.h"
#include "storage/avatarstore.h"

#include <QStringList>

#include <algorithm>
#include <iterator>

namespace confab::server {

namespace {

// Version 1: accounts, sessions, conversations, members, the event log and the messages projection.
// Portable SQL only: epoch-millisecond BIGINTs for times, INTEGER 0/1 for flags, TEXT ids.
const QStringList kVersion1 = {
    QStringLiteral(R"(CREATE TABLE users (
        id TEXT PRIMARY KEY,
        username TEXT NOT NULL UNIQUE,
        display_name TEXT NOT NULL,
        password_hash TEXT NOT NULL,
        disabled INTEGER NOT NULL DEFAULT 0,
        created_at BIGINT NOT NULL))"),
    QStringLiteral(R"(CREATE TABLE sessions (
        id TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users(id),
        token_hash TEXT NOT NULL UNIQUE,
        device TEXT NOT NULL,
        created_at BIGINT NOT NULL,
        last_used_at BIGINT NOT NULL,
        expires_at BIGINT NOT NULL))"),
    QStringLiteral("CREATE INDEX sessions_user ON sessions(user_id)"),
    QStringLiteral(R"(CREATE TABLE invites (
        code_hash TEXT PRIMARY KEY,
        created_at BIGINT NOT NULL,
        used_by TEXT REFERENCES users(id),
        used_at BIGINT))"),
    QStringLiteral(R"(CREATE TABLE conversations (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        title TEXT NOT NULL,
        created_by TEXT REFERENCES users(id),
        created_at BIGINT NOT NULL,
        last_seq BIGINT NOT NULL DEFAULT 0,
        archived INTEGER NOT NULL DEFAULT 0,
        direct_key TEXT UNIQUE,
        alias_secret TEXT))"),
    QStringLiteral(R"(CREATE TABLE members (
        conversation_id TEXT NOT NULL REFERENCES conversations(id),
        user_id TEXT NOT NULL REFERENCES users(id),
        role TEXT NOT NULL,
        joined_at BIGINT NOT NULL,
        joined_seq BIGINT NOT NULL,
        last_delivered_seq BIGINT NOT NULL DEFAULT 0,
        last_read_seq BIGINT NOT NULL DEFAULT 0,
        muted INTEGER NOT NULL DEFAULT 0,
        alias TEXT,
        alias_id TEXT,
        group_label TEXT,
        active INTEGER NOT NULL DEFAULT 1,
        PRIMARY KEY (conversation_id, user_id)))"),
    QStringLiteral("CREATE INDEX members_user ON members(user_id)"),
    QStringLiteral("CREATE UNIQUE INDEX members_alias ON members(conversation_id, alias_id)"),
    // The log: every change to a conversation, gap-free per conversation. `payload` holds the
    // kind's own fields as JSON; message bodies live only in `messages`, so that a delete erases them.
    QStringLiteral(R"(CREATE TABLE events (
        conversation_id TEXT NOT NULL REFERENCES conversations(id),
        seq BIGINT NOT NULL,
        kind TEXT NOT NULL,
        at BIGINT NOT NULL,
        actor_id TEXT,
        message_id TEXT,
        payload TEXT NOT NULL,
        PRIMARY KEY (conversation_id, seq)))"),
    QStringLiteral(R"(CREATE TABLE messages (
        id TEXT PRIMARY KEY,
        conversation_id TEXT NOT NULL REFERENCES conversations(id),
        seq BIGINT NOT NULL,
        sender_id TEXT NOT NULL REFERENCES users(id),
        client_id TEXT NOT NULL,
        body TEXT NOT NULL,
        created_at BIGINT NOT NULL,
        edited_at BIGINT,
        deleted INTEGER NOT NULL DEFAULT 0,
        reply_to TEXT,
        UNIQUE (conversation_id, sender_id, client_id),
        UNIQUE (conversation_id, seq)))"),
    QStringLiteral(R"(CREATE TABLE attachments (
        id TEXT PRIMARY KEY,
        conversation_id TEXT NOT NULL REFERENCES conversations(id),
        uploader_id TEXT NOT NULL REFERENCES users(id),
        message_id TEXT REFERENCES messages(id),
        name TEXT NOT NULL,
        mime TEXT NOT NULL,
        size BIGINT NOT NULL,
        sha256 TEXT NOT NULL,
        complete INTEGER NOT NULL DEFAULT 0,
        width INTEGER,
        height INTEGER,
        created_at BIGINT NOT NULL))"),
    QStringLiteral("CREATE INDEX attachments_message ON attachments(message_id)"),
};

// Version 2: frames too large for NOTIFY, parked for the other server instances for a minute.
const QStringList kVersion2 = {
    QStringLiteral(R"(CREATE TABLE bus_payloads (
        id TEXT PRIMARY KEY,
        payload TEXT NOT NULL,
        created_at BIGINT NOT NULL))"),
};

// Version 4: who reacted with what, so that a reaction is added or removed once, not again and again.
const QStringList kVersion4 = {
    QStringLiteral(R"(CREATE TABLE reactions (
        message_id TEXT NOT NULL REFERENCES messages(id),
        user_id TEXT NOT NULL REFERENCES users(id),
        emoji TEXT NOT NULL,
        created_at BIGINT NOT NULL,
        PRIMARY KEY (message_id, user_id, emoji)))"),
};

// Version 5: private read receipts. A member's own marker keeps counting their unread messages;
// the public one is what the other members see, and it stands still while receipts are private.
const QStringList kVersion5 = {
    QStringLiteral("ALTER TABLE users ADD COLUMN receipts_private INTEGER NOT NULL DEFAULT 0"),
    QStringLiteral("ALTER TABLE members ADD COLUMN public_read_seq BIGINT NOT NULL DEFAULT 0"),
    QStringLiteral("UPDATE members SET public_read_seq = last_read_seq"),
};

// Version 6: blind rooms. Mutual reveal: open offers (`to_user` '' is the whole room), the pairs
// who agreed (`user_a` < `user_b`), and whether a room allows reveals at all (no row: it does).
// Reports of members to the server's operator, and a log of the operator reading them.
const QStringList kVersion6 = {
    QStringLiteral(R"(CREATE TABLE blind_settings (
        conversation_id TEXT PRIMARY KEY REFERENCES conversations(id),
        reveals_allowed INTEGER NOT NULL DEFAULT 1))"),
    QStringLiteral(R"(CREATE TABLE reveal_offers (
        conversation_id TEXT NOT NULL REFERENCES conversations(id),
        from_user TEXT NOT NULL REFERENCES users(id),
        to_user TEXT NOT NULL,
        created_at BIGINT NOT NULL,
        PRIMARY KEY (conversation_id, from_user, to_user)))"),
    QStringLiteral(R"(CREATE TABLE reveals (
        conversation_id TEXT NOT NULL REFERENCES conversations(id),
        user_a TEXT NOT NULL REFERENCES users(id),
        user_b TEXT NOT NULL REFERENCES users(id),
        seq BIGINT NOT NULL,
        created_at BIGINT NOT NULL,
        PRIMARY KEY (conversation_id, user_a, user_b)))"),
    QStringLiteral(R"(CREATE TABLE reports (
        id TEXT PRIMARY KEY,
        conversation_id TEXT NOT NULL REFERENCES conversations(id),
        reporter_id TEXT NOT NULL REFERENCES users(id),
        reported_id TEXT NOT NULL REFERENCES users(id),
        reason TEXT NOT NULL,
        created_at BIGINT NOT NULL))"),
    QStringLiteral("CREATE INDEX reports_created ON reports(created_at)"),
    QStringLiteral(R"(CREATE TABLE operator_access (
        at BIGINT NOT NULL,
        action TEXT NOT NULL,
        detail TEXT NOT NULL))"),
};

// Version 7: group descriptions, bot accounts, threads (each reply names its thread's root) and
// streamed messages (their state, what the sender reported at the end, and the last append).
const QStringList kVersion7 = {
    QStringLiteral("ALTER TABLE conversations ADD COLUMN description TEXT NOT NULL DEFAULT ''"),
    QStringLiteral("ALTER TABLE users ADD COLUMN bot INTEGER NOT NULL DEFAULT 0"),
    QStringLiteral("ALTER TABLE messages ADD COLUMN thread_id TEXT"),
    QStringLiteral("ALTER TABLE messages ADD COLUMN stream_state TEXT"),
    QStringLiteral("ALTER TABLE messages ADD COLUMN stream_tokens BIGINT"),
    QStringLiteral("ALTER TABLE messages ADD COLUMN stream_latency_ms BIGINT"),
    QStringLiteral("ALTER TABLE messages ADD COLUMN stream_touched_at BIGINT"),
    QStringLiteral("CREATE INDEX messages_thread ON messages(thread_id, seq)"),
    QStringLiteral("CREATE INDEX messages_streaming ON messages(stream_state, stream_touched_at)"),
    QStringLiteral("CREATE INDEX reactions_message ON reactions(message_id, created_at)"),
};

/*!
 * Version 12, accounts and people: a status text beside the display name, when the profile last changed (so
 * that `sync` brings only what changed), and who blocked whom. Self-contained, so that it can take
 * another number when it meets other branches' steps.
 */
void addPeople(Database &db)
{
    for (const char *statement : {
             "ALTER TABLE users ADD COLUMN status TEXT NOT NULL DEFAULT ''",
             "ALTER TABLE users ADD COLUMN profile_changed_at BIGINT NOT NULL DEFAULT 0",
             "CREATE TABLE blocks ("
             " blocker_id TEXT NOT NULL REFERENCES users(id),"
             " blocked_id TEXT NOT NULL REFERENCES users(id),"
             " created_at BIGINT NOT NULL,"
             " PRIMARY KEY (blocker_id, blocked_id))",
             "CREATE INDEX blocks_blocked ON blocks(blocked_id)",
         })
        db.execDirect(QString::fromLatin1(statement));
}

/*!
 * Version 13, forwarding and unread marks. A forwarded message says so (`messages.forwarded`); the
 * attachment rows a forward makes in the target conversation name the row they copy
 * (`attachments.forwarded_from`): they share its stored bytes and do not count against the
 * forwarder's quota. A member's own unread mark (`members.marked_unread`), set by
 * conversation.mark and taken away when the member reads again. Self-contained, so that it can
 * take another number when it meets other branches' steps.
 */
void addForwardingAndUnreadMarks(Database &db)
{
    for (const char *statement : {
             "ALTER TABLE messages ADD COLUMN forwarded INTEGER NOT NULL DEFAULT 0",
             "ALTER TABLE attachments ADD COLUMN forwarded_from TEXT",
             "ALTER TABLE members ADD COLUMN marked_unread INTEGER NOT NULL DEFAULT 0",
         })
        db.execDirect(QString::fromLatin1(statement));
}

/*!
 * Version 15, matching: each round of a matching (conversation.match) and every two people it put in
 * one room, so that a later round of the same series by the same owner can avoid pairing them again.
 * Never sent to anyone: it only steers the next round. Self-contained, so that it can take another
 * number when it meets other branches' steps.
 */
void addMatchRounds(Database &db)
{
    for (const char *statement : {
             "CREATE TABLE match_rounds ("
             " id TEXT PRIMARY KEY,"
             " owner_id TEXT NOT NULL REFERENCES users(id),"
             " series TEXT NOT NULL,"
             " round INTEGER NOT NULL,"
             " created_at BIGINT NOT NULL)",
             "CREATE INDEX match_rounds_series ON match_rounds(owner_id, series)",
             "CREATE TABLE match_pairs ("
             " round_id TEXT NOT NULL REFERENCES match_rounds(id),"
             " user_a TEXT NOT NULL,"
             " user_b TEXT NOT NULL,"
             " conversation_id TEXT NOT NULL REFERENCES conversations(id),"
             " PRIMARY KEY (round_id, user_a, user_b))",
         })
        db.execDirect(QString::fromLatin1(statement));
}

const QStringList kNoStatements;

/*!
 * Version 10: blind rooms set up from the app. Whether members may add others (beside the reveal
 * switch), and the room's scheduled reveal: when (`reveal_at`), and whether it is still to come
 * (`state` 'scheduled') or happened (`fired`, at `fired_at`). An instance claims a due reveal by
 * moving its row from 'scheduled' to 'fired' in the transaction that writes the reveal, so only
 * one instance ever fires it. Self-contained, so that it can take another number when merged.
 */
void addBlindRoomSchedules(Database &db)
{
    db.execDirect(QStringLiteral("ALTER TABLE blind_settings ADD COLUMN members_invite INTEGER NOT NULL DEFAULT 0"));
    db.execDirect(QStringLiteral(R"(CREATE TABLE reveal_schedules (
        conversation_id TEXT PRIMARY KEY REFERENCES conversations(id),
        reveal_at BIGINT NOT NULL,
        state TEXT NOT NULL,
        fired_at BIGINT))"));
    db.execDirect(QStringLiteral("CREATE INDEX reveal_schedules_due ON reveal_schedules(state, reveal_at)"));
}

// Version 11: structured mentions and notification levels. Each message keeps its mentions as sent
// (`messages.mentions`, JSON with real user ids); the `mentions` table indexes who is mentioned
// ("*" for @room) for unread counts and mentions.list. Notification levels replace the mute flag:
// a muted conversation becomes "nothing"; the old `muted` column stays, unread, for older backups.
void addMentionsAndNotifyLevels(Database &db)
{
    db.execDirect(QStringLiteral("ALTER TABLE messages ADD COLUMN mentions TEXT"));
    db.execDirect(QStringLiteral(R"(CREATE TABLE mentions (
        message_id TEXT NOT NULL REFERENCES messages(id),
        conversation_id TEXT NOT NULL,
        seq BIGINT NOT NULL,
        user_id TEXT NOT NULL,
        sender_id TEXT NOT NULL,
        PRIMARY KEY (message_id, user_id)))"));
    db.execDirect(QStringLiteral("CREATE INDEX mentions_user ON mentions(user_id, conversation_id, seq)"));
    db.execDirect(QStringLiteral("ALTER TABLE members ADD COLUMN notify_level TEXT NOT NULL DEFAULT 'all'"));
    db.execDirect(QStringLiteral("UPDATE members SET notify_level = 'nothing' WHERE muted = 1"));
}

/*!
 * Version 14, pinned messages: one row per pinned message (who pinned it, when, and the seq of its
 * `pinned` event), and each conversation's switch that lets members pin (`members_pin`; NULL: the
 * owner never set it, so the server's `messages/members_pin` applies). Self-contained, so that it
 * can take another number when it meets other branches' steps.
 */
void addPins(Database &db)
{
    for (const char *statement : {
             "CREATE TABLE pins ("
             " conversation_id TEXT NOT NULL REFERENCES conversations(id),"
             " message_id TEXT NOT NULL REFERENCES messages(id),"
             " pinned_by TEXT NOT NULL REFERENCES users(id),"
             " pinned_at BIGINT NOT NULL,"
             " seq BIGINT NOT NULL,"
             " PRIMARY KEY (conversation_id, message_id))",
             "ALTER TABLE conversations ADD COLUMN members_pin INTEGER",
         })
        db.execDirect(QString::fromLatin1(statement));
}

//! One step per version, in order: its portable statements, then what needs code (either may be absent).
struct Step {
    const QStringList *statements;
    void (*run)(Database &db);
};
const Step kSteps[] = {
    {&kVersion1, nullptr},
    {&kVersion2, nullptr},
    // Message search: dialect-specific (tsvector + pg_trgm, or FTS5), so it lives with its queries.
    {&kNoStatements, &SearchStore::createSchema},
    {&kVersion4, nullptr},
    {&kVersion5, nullptr},
    {&kVersion6, nullptr},
    {&kVersion7, nullptr},
    {&kNoStatements, &removeHiddenCharactersFromNames},
    // Attachment bytes in the database (bytea or BLOB), so that every instance sees them.
    {&kNoStatements, &DatabaseBlobStore::createSchema},
    {&kNoStatements, &addBlindRoomSchedules},
    {&kNoStatements, &addMentionsAndNotifyLevels},
    {&kNoStatements, &addPeople},
    {&kNoStatements, &addForwardingAndUnreadMarks},
    {&kNoStatements, &addPins},
    {&kNoStatements, &addMatchRounds},
    // Uploads resume on any instance: their state and bytes in the database; settings; blob ages.
    {&kNoStatements, &UploadStore::createSchema},
    // Exports of a user's data: the job, its progress and the archive it left (ExportStore).
    {&kNoStatements, &ExportStore::createSchema},
    // Finding people (a name key to range over) and deleting accounts (the mark, username holds).
    {&kNoStatements, &DeletionStore::createSchema},
    // Avatars: which one each user shows, and its square pictures (storage/avatarstore.h).
    {&kNoStatements, &AvatarStore::createSchema},
};
static_assert(std::size(kSteps) == Migrations::kSchemaVersion, "one step per schema version");

} // namespace

int Migrations::currentVersion()
{
    m_db.execDirect(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)"));
    QSqlQuery &q = m_db.exec(QStringLiteral("SELECT MAX(version) FROM schema_version"));
    const int version = q.next() ? q.value(0).toInt() : 0;
    q.finish();
    return version;
}

bool Migrations::migrate(QString *error)
{
    return migrateTo(kSchemaVersion, error);
}

bool Migrations::migrateTo(int target, QString *error)
{
    try {
        const int from = currentVersion();
        if (from > kSchemaVersion) {
            *error = QStringLiteral("the database has schema version %1, newer than this server's %2: "
                                    "upgrade confab-server")
                         .arg(from)
                         .arg(kSchemaVersion);
            return false;
        }
        for (int version = from + 1; version <= std::min(target, int(kSchemaVersion)); ++version) {
            Transaction tx(m_db);
            applyStep(version);
            m_db.exec(QStringLiteral("INSERT INTO schema_version (version) VALUES (?)"), {version});
            tx.commit();
            qCInfo(lcStore) << "migrated the database to schema version" << version;
        }
    } catch (const StoreError &e) {
        *error = QStringLiteral("migration failed, nothing changed: %1").arg(QString::fromStdString(e.what()));
        return false;
    }
    return true;
}

void Migrations::applyStep(int version)
{
    if (version < 1 || version > kSchemaVersion)
        throw StoreError(StoreError::Kind::Internal, QStringLiteral("no migration step for version %1").arg(version));
    const Step &step = kSteps[size_t(version - 1)];
    for (const QString &statement : *step.statements)
        m_db.execDirect(statement);
    if (step.run)
        step.run(m_db);
}

} // namespace confab::server

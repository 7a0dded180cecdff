#include "cacheschema.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

#include <iterator>

namespace confab::client::cacheschema {

namespace {

//! 1: conversations with their members and markers, recent history, the outbox and its files,
//! attachment metadata, reactions.
QStringList conversationsAndOutbox()
{
    return {
        QStringLiteral("CREATE TABLE IF NOT EXISTS conversations (id TEXT PRIMARY KEY, info TEXT NOT NULL, "
                       "members TEXT NOT NULL DEFAULT '[]', markers TEXT NOT NULL DEFAULT '[]', "
                       "synced_seq INTEGER NOT NULL DEFAULT 0)"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS messages (conversation_id TEXT NOT NULL, seq INTEGER NOT NULL, "
                       "id TEXT NOT NULL, info TEXT NOT NULL, PRIMARY KEY (conversation_id, seq))"),
        QStringLiteral("CREATE INDEX IF NOT EXISTS messages_id ON messages(id)"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS outbox (position INTEGER PRIMARY KEY AUTOINCREMENT, "
                       "client_id TEXT NOT NULL UNIQUE, conversation_id TEXT NOT NULL, body TEXT NOT NULL, "
                       "reply_to TEXT, created_at INTEGER NOT NULL, failed INTEGER NOT NULL DEFAULT 0, "
                       "error TEXT NOT NULL DEFAULT '')"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS outbox_files (key TEXT PRIMARY KEY, client_id TEXT NOT NULL, "
                       "position INTEGER NOT NULL, path TEXT NOT NULL, name TEXT NOT NULL, size INTEGER NOT NULL, "
                       "mime TEXT NOT NULL, sha256 TEXT NOT NULL, upload_id TEXT NOT NULL DEFAULT '', "
                       "attachment_id TEXT NOT NULL DEFAULT '', offset_bytes INTEGER NOT NULL DEFAULT 0, "
                       "done INTEGER NOT NULL DEFAULT 0, failed INTEGER NOT NULL DEFAULT 0, "
                       "error TEXT NOT NULL DEFAULT '')"),
        QStringLiteral("CREATE INDEX IF NOT EXISTS outbox_files_client ON outbox_files(client_id)"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS attachments (id TEXT PRIMARY KEY, info TEXT NOT NULL)"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS reactions (conversation_id TEXT NOT NULL, message_id TEXT NOT NULL, "
                       "actor_id TEXT NOT NULL, emoji TEXT NOT NULL, present INTEGER NOT NULL, seq INTEGER NOT NULL, "
                       "PRIMARY KEY (conversation_id, message_id, actor_id, emoji))"),
    };
}

//! 2: what the user wrote and did not send, per conversation (the composer's text, the files in
//! its tray as paths or URLs in a JSON array, the message it answers), so that it outlives the app.
QStringList drafts()
{
    return {QStringLiteral("CREATE TABLE drafts (conversation_id TEXT PRIMARY KEY, text TEXT NOT NULL, "
                           "files TEXT NOT NULL DEFAULT '[]', reply_to TEXT NOT NULL DEFAULT '', "
                           "updated_at INTEGER NOT NULL)")};
}

//! 3: the timeline's own events (members added, removed or leaving, roles, renames, reveals), by
//! seq beside the messages, so that the timeline shows them where they happened.
QStringList timelineEvents()
{
    return {QStringLiteral("CREATE TABLE timeline_events (conversation_id TEXT NOT NULL, seq INTEGER NOT NULL, "
                           "info TEXT NOT NULL, PRIMARY KEY (conversation_id, seq))")};
}

//! 4: the structured mentions of messages waiting in the outbox, by client id (a table of its own, so
//! that the outbox rows stay as they were).
QStringList outboxMentions()
{
    return {QStringLiteral("CREATE TABLE outbox_mentions (client_id TEXT PRIMARY KEY, mentions TEXT NOT NULL)")};
}

//! 5: what is pinned in each conversation, as pins.list said and the events since changed it (the
//! `pins` frame as JSON), so that the pinned bar shows at start-up, before the server answers.
QStringList pins()
{
    return {QStringLiteral("CREATE TABLE pins (conversation_id TEXT PRIMARY KEY, info TEXT NOT NULL)")};
}

} // namespace

int version(const QSqlDatabase &db)
{
    QSqlQuery q(db);
    return q.exec(QStringLiteral("PRAGMA user_version")) && q.next() ? q.value(0).toInt() : 0;
}

bool migrate(const QSqlDatabase &db, QString *error)
{
    using Step = QStringList (*)();
    static constexpr Step kSteps[] = {conversationsAndOutbox, drafts, timelineEvents, outboxMentions, pins};
    static_assert(std::size(kSteps) == std::size_t(kVersion));
    QSqlDatabase handle = db;
    for (int at = version(db); at < kVersion; ++at) {
        handle.transaction();
        QSqlQuery q(db);
        QStringList statements = kSteps[at]();
        statements.append(QStringLiteral("PRAGMA user_version = %1").arg(at + 1));
        for (const QString &statement : std::as_const(statements)) {
            if (!q.exec(statement)) {
                *error = QStringLiteral("cache migration %1: %2").arg(at + 1).arg(q.lastError().text());
                handle.rollback();
                return false;
            }
        }
        if (!handle.commit()) {
            *error = handle.lastError().text();
            return false;
        }
    }
    return true;
}

} // namespace confab::client::cacheschema

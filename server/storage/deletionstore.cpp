#include "deletionstore.h"

#include "storage/database.h"

#include <QCryptographicHash>

namespace confab::server {

QString DeletionStore::placeholderUsername(const QString &userId)
{
    // "deleted-" and 24 hex digits: 32 characters, the longest username the protocol allows.
    const QByteArray digest = QCryptographicHash::hash(userId.toUtf8(), QCryptographicHash::Sha256).toHex().left(24);
    return QStringLiteral("deleted-") + QString::fromLatin1(digest);
}

bool DeletionStore::isDeleted(const QString &userId)
{
    QSqlQuery &q = m_db.exec(QStringLiteral("SELECT deleted_at FROM users WHERE id = ?"), {userId});
    const bool deleted = q.next() && !q.value(0).isNull();
    q.finish();
    return deleted;
}

void DeletionStore::eraseAccount(const QString &userId, qint64 now)
{
    m_db.exec(QStringLiteral("UPDATE users SET username = ?, display_name = ?, name_key = '', status = '', "
                             "password_hash = '', disabled = 1, deleted_at = ?, profile_changed_at = ? WHERE id = ?"),
              {placeholderUsername(userId), deletedName(), now, now, userId})
        .finish();
    m_db.exec(QStringLiteral("DELETE FROM sessions WHERE user_id = ?"), {userId}).finish();
    m_db.exec(QStringLiteral("DELETE FROM blocks WHERE blocker_id = ? OR blocked_id = ?"), {userId, userId}).finish();
}

void DeletionStore::holdUsername(const QString &username, qint64 until)
{
    m_db.exec(QStringLiteral("INSERT INTO username_holds (username, held_until) VALUES (?, ?) "
                             "ON CONFLICT (username) DO UPDATE SET held_until = excluded.held_until"),
              {username, until})
        .finish();
}

bool DeletionStore::usernameHeld(const QString &username, qint64 now)
{
    QSqlQuery &q = m_db.exec(QStringLiteral("SELECT 1 FROM username_holds WHERE username = ? AND held_until > ?"),
                             {username, now});
    const bool held = q.next();
    q.finish();
    return held;
}

QList<DeletionStore::MessageRef> DeletionStore::messagesOf(const QString &userId)
{
    QSqlQuery &q = m_db.exec(QStringLiteral("SELECT conversation_id, id FROM messages WHERE sender_id = ? AND deleted = 0 "
                                            "ORDER BY conversation_id, seq"),
                             {userId});
    QList<MessageRef> out;
    while (q.next())
        out.append({q.value(0).toString(), q.value(1).toString()});
    q.finish();
    return out;
}

QList<QString> DeletionStore::leavableConversationsOf(const QString &userId)
{
    QSqlQuery &q = m_db.exec(QStringLiteral("SELECT m.conversation_id FROM members m JOIN conversations c ON "
                                            "c.id = m.conversation_id WHERE m.user_id = ? AND m.active = 1 "
                                            "AND c.kind <> 'direct' ORDER BY m.conversation_id"),
                             {userId});
    QList<QString> out;
    while (q.next())
        out.append(q.value(0).toString());
    q.finish();
    return out;
}

/*
 * Version 18, finding people and deleting accounts. `users.name_key` is the display name in lower
 * case, kept by the stores that write display names, so that a prefix is a range over an index on
 * both databases (PostgreSQL compares it byte-wise, COLLATE "C", so that the range is the prefix's
 * whatever the database's locale). `users.deleted_at` marks a deleted account; `username_holds`
 * keeps a deleted account's username from being taken again too soon. Self-contained, so that it
 * can take another number when it meets other branches' steps.
 */
void DeletionStore::createSchema(Database &db)
{
    const bool pg = db.dialect() == Database::Dialect::PostgreSQL;
    db.execDirect(QStringLiteral("ALTER TABLE users ADD COLUMN name_key TEXT NOT NULL DEFAULT ''"));
    db.execDirect(QStringLiteral("ALTER TABLE users ADD COLUMN deleted_at BIGINT"));
    db.execDirect(QStringLiteral("CREATE TABLE username_holds (username TEXT PRIMARY KEY, held_until BIGINT NOT NULL)"));
    // The lower case of every name as Qt makes it (SQLite's LOWER knows ASCII only).
    QList<std::pair<QString, QString>> keys;
    QSqlQuery &q = db.exec(QStringLiteral("SELECT id, display_name FROM users"));
    while (q.next())
        keys.append({q.value(0).toString(), q.value(1).toString().toLower()});
    q.finish();
    for (const auto &[id, key] : std::as_const(keys))
        db.exec(QStringLiteral("UPDATE users SET name_key = ? WHERE id = ?"), {key, id}).finish();
    if (pg) {
        db.execDirect(QStringLiteral("CREATE INDEX users_name_key ON users (name_key COLLATE \"C\")"));
        db.execDirect(QStringLiteral("CREATE INDEX users_username_c ON users (username COLLATE \"C\")"));
    } else {
        // SQLite compares text byte-wise already; username has its UNIQUE index.
        db.execDirect(QStringLiteral("CREATE INDEX users_name_key ON users (name_key)"));
    }
}

} // namespace confab::server

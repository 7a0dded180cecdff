#include "accountstore.h"

#include "storage/database.h"
#include "storage/deletionstore.h"
#include "storage/peoplestore.h"

#include <QStringList>

namespace confab::server {

namespace {
const QString kUserColumns = QStringLiteral("id, username, display_name, password_hash, disabled, created_at, receipts_private, status, avatar");
const QString kSessionColumns =
    QStringLiteral("id, user_id, token_hash, device, created_at, last_used_at, expires_at");

//! "?, ?, ?" for an IN list; the values are still bound, never spliced.
QString placeholders(qsizetype count)
{
    QStringList marks;
    marks.fill(QStringLiteral("?"), count);
    return marks.join(u", ");
}
QVariantList toVariants(const QList<QString> &values)
{
    QVariantList out;
    out.reserve(values.size());
    for (const QString &v : values)
        out.append(v);
    return out;
}
} // namespace

QList<User> AccountStore::readUsers(QSqlQuery &q)
{
    QList<User> users;
    while (q.next()) {
        users.append(User{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                          q.value(4).toInt() != 0, q.value(5).toLongLong(), q.value(6).toInt() != 0,
                          q.value(7).toString(), q.value(8).toString()});
    }
    q.finish();
    return users;
}

QList<SessionRecord> AccountStore::readSessions(QSqlQuery &q)
{
    QList<SessionRecord> sessions;
    while (q.next()) {
        sessions.append(SessionRecord{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                                      q.value(3).toString(), q.value(4).toLongLong(), q.value(5).toLongLong(),
                                      q.value(6).toLongLong()});
    }
    q.finish();
    return sessions;
}

void AccountStore::setReceiptsPrivate(const QString &userId, bool receiptsPrivate)
{
    m_db.exec(QStringLiteral("UPDATE users SET receipts_private = ? WHERE id = ?"), {int(receiptsPrivate), userId})
        .finish();
}

void AccountStore::createUser(const User &user)
{
    // A deleted account's username is held for a while (accounts/username_hold_days): taken, to anyone asking.
    if (DeletionStore(m_db).usernameHeld(user.username, user.createdAt))
        throw StoreError(StoreError::Kind::Conflict, QStringLiteral("the username is held after an account deletion"));
    m_db.exec(QStringLiteral("INSERT INTO users (id, username, display_name, name_key, password_hash, disabled, created_at) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?)"),
              {user.id, user.username, user.displayName, PeopleStore::nameKey(user.displayName), user.passwordHash,
               int(user.disabled), user.createdAt})
        .finish();
}

void AccountStore::setBot(const QString &userId)
{
    m_db.exec(QStringLiteral("UPDATE users SET bot = 1 WHERE id = ?"), {userId}).finish();
}

std::optional<User> AccountStore::userById(const QString &id)
{
    auto users = readUsers(m_db.exec(QStringLiteral("SELECT ") + kUserColumns + QStringLiteral(" FROM users WHERE id = ?"), {id}));
    return users.isEmpty() ? std::nullopt : std::optional(users.first());
}

std::optional<User> AccountStore::userByUsername(const QString &username)
{
    auto users = readUsers(
        m_db.exec(QStringLiteral("SELECT ") + kUserColumns + QStringLiteral(" FROM users WHERE username = ?"), {username}));
    return users.isEmpty() ? std::nullopt : std::optional(users.first());
}

QList<User> AccountStore::usersByUsernames(const QList<QString> &usernames)
{
    if (usernames.isEmpty())
        return {};
    return readUsers(m_db.exec(QStringLiteral("SELECT ") + kUserColumns + QStringLiteral(" FROM users WHERE username IN (") +
                                   placeholders(usernames.size()) + QStringLiteral(") ORDER BY username"),
                               toVariants(usernames)));
}

QList<User> AccountStore::usersByIds(const QList<QString> &ids)
{
    if (ids.isEmpty())
        return {};
    return readUsers(m_db.exec(QStringLiteral("SELECT ") + kUserColumns + QStringLiteral(" FROM users WHERE id IN (") +
                                   placeholders(ids.size()) + QStringLiteral(")"),
                               toVariants(ids)));
}

QList<User> AccountStore::allUsers()
{
    return readUsers(m_db.exec(QStringLiteral("SELECT ") + kUserColumns + QStringLiteral(" FROM users ORDER BY username")));
}

bool AccountStore::setDisabled(const QString &userId, bool disabled)
{
    QSqlQuery &q = m_db.exec(QStringLiteral("UPDATE users SET disabled = ? WHERE id = ?"), {int(disabled), userId});
    const bool changed = q.numRowsAffected() > 0;
    q.finish();
    return changed;
}

bool AccountStore::setPasswordHash(const QString &userId, const QString &hash)
{
    QSqlQuery &q = m_db.exec(QStringLiteral("UPDATE users SET password_hash = ? WHERE id = ?"), {hash, userId});
    const bool changed = q.numRowsAffected() > 0;
    q.finish();
    return changed;
}

qint64 AccountStore::userCount()
{
    QSqlQuery &q = m_db.exec(QStringLiteral("SELECT COUNT(*) FROM users"));
    const qint64 count = q.next() ? q.value(0).toLongLong() : 0;
    q.finish();
    return count;
}

void AccountStore::createSession(const SessionRecord &s)
{
    m_db.exec(QStringLiteral("INSERT INTO sessions (") + kSessionColumns + QStringLiteral(") VALUES (?, ?, ?, ?, ?, ?, ?)"),
              {s.id, s.userId, s.tokenHash, s.device, s.createdAt, s.lastUsedAt, s.expiresAt})
        .finish();
}

std::optional<SessionRecord> AccountStore::sessionByTokenHash(const QString &tokenHash)
{
    auto sessions = readSessions(m_db.exec(
        QStringLiteral("SELECT ") + kSessionColumns + QStringLiteral(" FROM sessions WHERE token_hash = ?"), {tokenHash}));
    return sessions.isEmpty() ? std::nullopt : std::optional(sessions.first());
}

std::optional<SessionRecord> AccountStore::sessionById(const QString &id)
{
    auto sessions =
        readSessions(m_db.exec(QStringLiteral("SELECT ") + kSessionColumns + QStringLiteral(" FROM sessions WHERE id = ?"), {id}));
    return sessions.isEmpty() ? std::nullopt : std::optional(sessions.first());
}

QSet<QString> AccountStore::standingSessions(const QList<QString> &ids, qint64 now)
{
    // Fixed-size chunks (the last one padded with a repeated id) keep this one prepared statement.
    constexpr qsizetype kChunk = 100;
    static const QString sql = []() -> QString {
        QStringList marks(kChunk, QStringLiteral("?"));
        return QStringLiteral("SELECT s.id FROM sessions s JOIN users u ON u.id = s.user_id "
                              "WHERE s.expires_at > ? AND u.disabled = 0 AND s.id IN (") +
               marks.join(u',') + u')';
    }();
    QSet<QString> standing;
    for (qsizetype at = 0; at < ids.size(); at += kChunk) {
        QVariantList params{now};
        for (qsizetype i = 0; i < kChunk; ++i)
            params.append(ids.at(std::min(at + i, ids.size() - 1)));
        QSqlQuery &q = m_db.exec(sql, params);
        while (q.next())
            standing.insert(q.value(0).toString());
        q.finish();
    }
    return standing;
}

QList<SessionRecord> AccountStore::sessionsOf(const QString &userId)
{
    return readSessions(m_db.exec(QStringLiteral("SELECT ") + kSessionColumns +
                                      QStringLiteral(" FROM sessions WHERE user_id = ? ORDER BY created_at"),
                                  {userId}));
}

void AccountStore::touchSession(const QString &id, qint64 now)
{
    m_db.exec(QStringLiteral("UPDATE sessions SET last_used_at = ? WHERE id = ?"), {now, id}).finish();
}

bool AccountStore::deleteSession(const QString &id)
{
    QSqlQuery &q = m_db.exec(QStringLiteral("DELETE FROM sessions WHERE id = ?"), {id});
    const bool deleted = q.numRowsAffected() > 0;
    q.finish();
    return deleted;
}

void AccountStore::deleteSessionsOf(const QString &userId)
{
    m_db.exec(QStringLiteral("DELETE FROM sessions WHERE user_id = ?"), {userId}).finish();
}

int AccountStore::deleteExpiredSessions(qint64 now)
{
    QSqlQuery &q = m_db.exec(QStringLiteral("DELETE FROM sessions WHERE expires_at <= ?"), {now});
    const int count = q.numRowsAffected();
    q.finish();
    return count;
}

void AccountStore::createInvite(const QString &codeHash, qint64 now)
{
    m_db.exec(QStringLiteral("INSERT INTO invites (code_hash, created_at) VALUES (?, ?)"), {codeHash, now}).finish();
}

bool AccountStore::consumeInvite(const QString &codeHash, const QString &userId, qint64 now)
{
    QSqlQuery &q = m_db.exec(
        QStringLiteral("UPDATE invites SET used_by = ?, used_at = ? WHERE code_hash = ? AND used_by IS NULL"),
        {userId, now, codeHash});
    const bool used = q.numRowsAffected() > 0;
    q.finish();
    return used;
}

} // namespace confab::server

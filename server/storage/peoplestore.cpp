#include "peoplestore.h"

#include "storage/database.h"

#include <QStringList>

namespace confab::server {

namespace {
const QString kProfileColumns = QStringLiteral("u.id, u.username, u.display_name, u.status, u.bot, u.disabled, u.deleted_at, u.avatar");

//! Everyone who shares an active membership of a conversation that is not blind with `?`.
const QString kContactIds = QStringLiteral(
    "SELECT other.user_id FROM members mine "
    "JOIN conversations c ON c.id = mine.conversation_id "
    "JOIN members other ON other.conversation_id = mine.conversation_id "
    "WHERE mine.user_id = ? AND mine.active = 1 AND other.active = 1 AND c.kind <> 'blind'");

//! Above every string that starts with a prefix: the highest code point (UTF-8 F4 8F BF BF), so that
//! `>= prefix AND < prefix + this` is a range an index answers, on both databases.
const QString kPrefixEnd = QString::fromUcs4(U"\U0010FFFF");
} // namespace

QList<Profile> PeopleStore::readProfiles(const QString &sql, const QVariantList &params)
{
    QSqlQuery &q = m_db.exec(sql, params);
    QList<Profile> out;
    while (q.next()) {
        out.append(Profile{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                           q.value(4).toInt() != 0, q.value(5).toInt() != 0, !q.value(6).isNull(), q.value(7).toString()});
    }
    q.finish();
    return out;
}

void PeopleStore::setProfile(const QString &userId, const std::optional<QString> &displayName,
                             const std::optional<QString> &status, qint64 now)
{
    if (displayName)
        m_db.exec(QStringLiteral("UPDATE users SET display_name = ?, name_key = ? WHERE id = ?"),
                  {*displayName, nameKey(*displayName), userId})
            .finish();
    if (status)
        m_db.exec(QStringLiteral("UPDATE users SET status = ? WHERE id = ?"), {*status, userId}).finish();
    m_db.exec(QStringLiteral("UPDATE users SET profile_changed_at = ? WHERE id = ?"), {now, userId}).finish();
}

std::optional<Profile> PeopleStore::profile(const QString &userId)
{
    const QList<Profile> found =
        readProfiles(QStringLiteral("SELECT ") + kProfileColumns + QStringLiteral(" FROM users u WHERE u.id = ?"), {userId});
    return found.isEmpty() ? std::nullopt : std::optional(found.first());
}

QList<QString> PeopleStore::contactIds(const QString &userId)
{
    QSqlQuery &q = m_db.exec(QStringLiteral("SELECT DISTINCT u.id FROM users u WHERE u.id IN (") + kContactIds + u')',
                             {userId});
    QList<QString> ids;
    while (q.next())
        ids.append(q.value(0).toString());
    q.finish();
    return ids;
}

QList<Profile> PeopleStore::contactProfilesChangedSince(const QString &userId, qint64 since)
{
    return readProfiles(QStringLiteral("SELECT ") + kProfileColumns +
                            QStringLiteral(" FROM users u WHERE u.profile_changed_at > ? AND u.id IN (") + kContactIds +
                            QStringLiteral(") ORDER BY u.username"),
                        {since, userId});
}

QString PeopleStore::nameKey(const QString &displayName)
{
    return displayName.toLower();
}

QList<Profile> PeopleStore::search(const Search &s)
{
    // Two index ranges (username, name key), not LIKE: PostgreSQL would scan the table for LIKE
    // without a pattern opclass. COLLATE "C" on PostgreSQL matches the indexes of schema step 18.
    const QString c = m_db.dialect() == Database::Dialect::PostgreSQL ? QStringLiteral(" COLLATE \"C\"") : QString();
    const QString end = s.prefix + kPrefixEnd;
    QString sql = QStringLiteral("SELECT ") + kProfileColumns + QStringLiteral(" FROM users u WHERE u.id IN (") +
                  QStringLiteral("SELECT id FROM users WHERE username") + c + QStringLiteral(" >= ? AND username") + c +
                  QStringLiteral(" < ? UNION SELECT id FROM users WHERE name_key") + c +
                  QStringLiteral(" >= ? AND name_key") + c +
                  QStringLiteral(" < ?) AND u.id <> ? AND u.deleted_at IS NULL AND u.username") + c + QStringLiteral(" > ?");
    QVariantList params{s.prefix, end, s.prefix, end, s.viewerId, s.afterUsername};
    if (s.contactsOnly) {
        sql += QStringLiteral(" AND u.id IN (") + kContactIds + u')';
        params.append(s.viewerId);
    }
    sql += QStringLiteral(" ORDER BY u.username") + c + QStringLiteral(" LIMIT ?");
    params.append(s.limit);
    return readProfiles(sql, params);
}

bool PeopleStore::setBlocked(const QString &blockerId, const QString &blockedId, bool blocked, qint64 now)
{
    QSqlQuery &q = blocked ? m_db.exec(QStringLiteral("INSERT INTO blocks (blocker_id, blocked_id, created_at) VALUES (?, ?, ?) "
                                                      "ON CONFLICT (blocker_id, blocked_id) DO NOTHING"),
                                       {blockerId, blockedId, now})
                           : m_db.exec(QStringLiteral("DELETE FROM blocks WHERE blocker_id = ? AND blocked_id = ?"),
                                       {blockerId, blockedId});
    const bool changed = q.numRowsAffected() > 0;
    q.finish();
    return changed;
}

QList<Profile> PeopleStore::blockedBy(const QString &blockerId)
{
    return readProfiles(QStringLiteral("SELECT ") + kProfileColumns +
                            QStringLiteral(" FROM blocks b JOIN users u ON u.id = b.blocked_id WHERE b.blocker_id = ? "
                                           "ORDER BY u.username"),
                        {blockerId});
}

QSet<QString> PeopleStore::blockersOf(const QString &userId, const QList<QString> &userIds)
{
    QSet<QString> out;
    if (userIds.isEmpty())
        return out;
    QStringList marks;
    QVariantList params{userId};
    for (const QString &id : userIds) {
        marks.append(QStringLiteral("?"));
        params.append(id);
    }
    QSqlQuery &q = m_db.exec(QStringLiteral("SELECT blocker_id FROM blocks WHERE blocked_id = ? AND blocker_id IN (") +
                                 marks.join(u", ") + u')',
                             params);
    while (q.next())
        out.insert(q.value(0).toString());
    q.finish();
    return out;
}

bool PeopleStore::isBlocked(const QString &blockerId, const QString &blockedId)
{
    QSqlQuery &q = m_db.exec(QStringLiteral("SELECT 1 FROM blocks WHERE blocker_id = ? AND blocked_id = ?"),
                             {blockerId, blockedId});
    const bool found = q.next();
    q.finish();
    return found;
}

int PeopleStore::blockedCount(const QString &blockerId)
{
    QSqlQuery &q = m_db.exec(QStringLiteral("SELECT COUNT(*) FROM blocks WHERE blocker_id = ?"), {blockerId});
    const int count = q.next() ? q.value(0).toInt() : 0;
    q.finish();
    return count;
}

} // namespace confab::server

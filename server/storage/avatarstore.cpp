#include "avatarstore.h"

#include "storage/database.h"

namespace confab::server {

void AvatarStore::createSchema(Database &db)
{
    const QString bytes = db.dialect() == Database::Dialect::PostgreSQL ? QStringLiteral("BYTEA") : QStringLiteral("BLOB");
    db.execDirect(QStringLiteral("ALTER TABLE users ADD COLUMN avatar TEXT"));
    db.execDirect(QStringLiteral(R"(CREATE TABLE avatars (
        sha256 TEXT NOT NULL,
        side INTEGER NOT NULL,
        mime TEXT NOT NULL,
        bytes %1 NOT NULL,
        created_at BIGINT NOT NULL,
        PRIMARY KEY (sha256, side)))")
                      .arg(bytes));
    db.execDirect(QStringLiteral("CREATE INDEX users_avatar ON users(avatar)"));
}

void AvatarStore::put(const QString &hash, const QList<AvatarPicture> &pictures, qint64 now)
{
    for (const AvatarPicture &p : pictures) {
        m_db.exec(QStringLiteral("INSERT INTO avatars (sha256, side, mime, bytes, created_at) VALUES (?, ?, ?, ?, ?) "
                                 "ON CONFLICT (sha256, side) DO NOTHING"),
                  {hash, p.side, p.mime, p.bytes, now})
            .finish();
    }
}

QString AvatarStore::setUserAvatar(const QString &userId, const QString &hash, qint64 now)
{
    QSqlQuery &q = m_db.exec(QStringLiteral("SELECT avatar FROM users WHERE id = ?"), {userId});
    const QString old = q.next() ? q.value(0).toString() : QString();
    q.finish();
    m_db.exec(QStringLiteral("UPDATE users SET avatar = ?, profile_changed_at = ? WHERE id = ?"),
              {hash.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(hash), now, userId})
        .finish();
    return old;
}

void AvatarStore::removeIfUnused(const QString &hash)
{
    if (hash.isEmpty())
        return;
    m_db.exec(QStringLiteral("DELETE FROM avatars WHERE sha256 = ? AND NOT EXISTS (SELECT 1 FROM users WHERE avatar = ?)"),
              {hash, hash})
        .finish();
}

std::optional<AvatarPicture> AvatarStore::picture(const QString &hash, qint64 side)
{
    // Large enough first (smallest of those), then the others largest first.
    QSqlQuery &q = m_db.exec(QStringLiteral("SELECT side, mime, bytes FROM avatars WHERE sha256 = ? "
                                            "ORDER BY CASE WHEN side >= ? THEN 0 ELSE 1 END, "
                                            "CASE WHEN side >= ? THEN side ELSE -side END LIMIT 1"),
                             {hash, side, side});
    std::optional<AvatarPicture> out;
    if (q.next())
        out = AvatarPicture{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toByteArray()};
    q.finish();
    return out;
}

bool AvatarStore::visibleTo(const QString &hash, const QString &viewerId)
{
    // The contacts of peoplestore.cpp: an active membership, with the viewer, of a conversation that is not blind.
    QSqlQuery &q = m_db.exec(
        QStringLiteral("SELECT 1 FROM users u WHERE u.avatar = ? AND (u.id = ? OR u.id IN ("
                       "SELECT other.user_id FROM members mine "
                       "JOIN conversations c ON c.id = mine.conversation_id "
                       "JOIN members other ON other.conversation_id = mine.conversation_id "
                       "WHERE mine.user_id = ? AND mine.active = 1 AND other.active = 1 AND c.kind <> 'blind')) LIMIT 1"),
        {hash, viewerId, viewerId});
    const bool visible = q.next();
    q.finish();
    return visible;
}

} // namespace confab::server

#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace confab::server {

class Database;

//! One avatar picture at one side, as stored.
struct AvatarPicture {
    qint64 side = 0;
    QString mime;
    QByteArray bytes;
};

/*!
 * Avatars (`avatars`, one row per picture side, addressed by the hash of the large picture) and
 * which one each user shows (`users.avatar`). Pictures are small (at most 256 px square), so they
 * live in the database on every dialect: every instance sees them and a backup keeps them.
 */
class AvatarStore {
public:
    explicit AvatarStore(Database &db) : m_db(db) {}

    //! The schema step (schema version 19): `users.avatar`, and `avatars` (bytea or BLOB by dialect).
    static void createSchema(Database &db);

    //! Stores the pictures of `hash` unless stored already.
    void put(const QString &hash, const QList<AvatarPicture> &pictures, qint64 now);
    //! Sets (or, with an empty hash, clears) the user's avatar and stamps the profile as changed at
    //! `now` (for `sync`). Returns the hash it replaces, empty when none.
    QString setUserAvatar(const QString &userId, const QString &hash, qint64 now);
    //! Removes the pictures of `hash` when no user shows it any more.
    void removeIfUnused(const QString &hash);
    //! The smallest stored picture of `hash` whose side is at least `side`, else the largest.
    std::optional<AvatarPicture> picture(const QString &hash, qint64 side);
    //! Whether `viewerId` may see `hash`: it is theirs, or that of someone who shares a conversation
    //! that is not blind with them. Blind rooms make nobody's avatar visible to anybody.
    bool visibleTo(const QString &hash, const QString &viewerId);

private:
    Database &m_db;
};

} // namespace confab::server

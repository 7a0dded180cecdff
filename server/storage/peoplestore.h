#pragma once

#include <QList>
#include <QSet>
#include <QString>

#include <optional>

namespace confab::server {

class Database;

//! How a user appears to the people around them: the profile (not the account's secrets).
struct Profile {
    QString id;
    QString username;
    QString displayName;
    QString status; //!< empty: none
    bool bot = false;
    bool disabled = false;
    bool deleted = false; //!< a deleted account: its name is "Deleted user", its username a placeholder
    QString avatar{}; //!< the avatar's hash; empty: none
};

/*!
 * Profiles (display name, status, when they last changed), the directory of users and who
 * blocked whom. "Contacts" are the people who share a conversation that is not blind with a user:
 * blind rooms never make anyone known to anyone here.
 */
class PeopleStore {
public:
    explicit PeopleStore(Database &db) : m_db(db) {}

    //! Sets what is given, and stamps the profile as changed at `now` (for `sync`).
    void setProfile(const QString &userId, const std::optional<QString> &displayName,
                    const std::optional<QString> &status, qint64 now);
    std::optional<Profile> profile(const QString &userId);
    //! Everyone who shares a conversation that is not blind with `userId` (themselves too when
    //! they have one).
    QList<QString> contactIds(const QString &userId);
    //! My contacts' profiles (mine included) that changed after `since`, by username.
    QList<Profile> contactProfilesChangedSince(const QString &userId, qint64 since);

    //! What a display name is found by: its lower case (users.name_key, kept beside it).
    static QString nameKey(const QString &displayName);

    struct Search {
        QString prefix;         //!< lower-case; matches the username or the display name's start
        QString viewerId;       //!< left out of the results
        bool contactsOnly = false;
        QString afterUsername;  //!< paging: results after this one
        int limit = 20;
    };
    //! Users whose username or name key starts with the prefix, by username, at most `limit`;
    //! never deleted accounts, never the viewer; with `contactsOnly`, blind rooms do not count.
    QList<Profile> search(const Search &search);

    //! True when it changed anything.
    bool setBlocked(const QString &blockerId, const QString &blockedId, bool blocked, qint64 now);
    QList<Profile> blockedBy(const QString &blockerId);
    //! Of `userIds`, those who blocked `userId`.
    QSet<QString> blockersOf(const QString &userId, const QList<QString> &userIds);
    bool isBlocked(const QString &blockerId, const QString &blockedId);
    int blockedCount(const QString &blockerId);

private:
    QList<Profile> readProfiles(const QString &sql, const QVariantList &params);
    Database &m_db;
};

} // namespace confab::server

#pragma once

#include "protocol/frames.h"
#include "services/authservice.h"
#include "services/outcome.h"

#include <QObject>

#include <functional>
#include <memory>

namespace confab::server {

class AccountDeletion;
class AccountStore;
class Database;
class Fanout;
class LoginThrottle;
class PasswordHasher;
class PeopleStore;
struct Profile;
struct ServerConfig;

/*!
 * What signed-in users change about their own account: the password (checked like a sign-in,
 * argon2id off the socket thread, counted by the sign-in lockout) and the profile (display name
 * and status, told to the people around them).
 */
class AccountService {
public:
    using PasswordDone = std::function<void(Outcome<protocol::Ok>)>;

    AccountService(Database &db, const ServerConfig &config, PasswordHasher &hasher, LoginThrottle &throttle,
                   Fanout &fanout);
    ~AccountService();

    /*!
     * Checks the current password and stores the new one. With `sign_out_others`, every other
     * session of the user is deleted and its connections closed; the caller's session stays.
     * `address` is the peer's, for the lockout; `context` guards `done`.
     */
    void changePassword(const Identity &identity, const protocol::AccountPassword &request, const QString &address,
                        QObject *context, PasswordDone done);
    //! Deleting accounts is served once set (services/accountdeletion.h).
    void setDeletion(AccountDeletion *deletion) { m_deletion = deletion; }
    /*!
     * Checks the password like a sign-in (the same lockout) and deletes the account with the
     * server's `accounts/delete_erases_messages`. `done` gets "ok" before the connections close.
     */
    void deleteAccount(const Identity &identity, const protocol::AccountDelete &request, const QString &address,
                       QObject *context, PasswordDone done);
    //! Stores the display name and/or status; `user.updated` goes to me and to my contacts (the
    //! people I share a conversation that is not blind with), never through a blind room.
    Outcome<protocol::Ok> setProfile(const Identity &identity, const protocol::AccountProfile &request);
    //! My contacts' profiles that changed after `since` (mine is in every auth.ok), for `sync`.
    Outcome<QList<protocol::ProfileInfo>> profilesSince(const Identity &identity, qint64 since);

    //! How the people around a user see them.
    static protocol::ProfileInfo profileInfo(const Profile &profile);

private:
    void storePassword(const Identity &identity, const QString &hash, bool signOutOthers, const PasswordDone &done);

    Database &m_db;
    const ServerConfig &m_config;
    PasswordHasher &m_hasher;
    LoginThrottle &m_throttle;
    Fanout &m_fanout;
    std::unique_ptr<AccountStore> m_accounts;
    std::unique_ptr<PeopleStore> m_people;
    AccountDeletion *m_deletion = nullptr;
    std::unique_ptr<QObject> m_callbacks; //!< guards password checks: they outlive no AccountService
};

} // namespace confab::server

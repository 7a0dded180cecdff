#pragma once

#include "core/config.h"
#include "domain/model.h"
#include "protocol/passwordrules.h"
#include "services/outcome.h"

#include <QObject>

#include <functional>
#include <memory>

namespace confab::server {

class AccountStore;
class Database;
class Fanout;
class LoginThrottle;
class Metrics;
class PasswordHasher;

//! Who a connection is, once authenticated.
struct Identity {
    QString userId;
    QString sessionId;
    bool isValid() const { return !userId.isEmpty(); }
};

//! The refusal of a new password that breaks the rules (protocol/passwordrules.h), for `field`.
Failure passwordRefusal(protocol::PasswordProblem problem, qint64 minChars, const QString &field);

struct AuthResult {
    Identity identity;
    protocol::AuthOk reply;
};

/*!
 * Accounts and sessions: registration, password login (argon2id off the socket thread),
 * resuming with a token, and listing or revoking one's sessions.
 */
class AuthService {
public:
    using Done = std::function<void(Outcome<AuthResult>)>;

    AuthService(Database &db, const ServerConfig &config, PasswordHasher &hasher, Fanout &fanout,
                Metrics *metrics = nullptr);
    ~AuthService();

    //! `context` guards the callback: if it is destroyed first, `done` is not called.
    void registerUser(const protocol::AuthRegister &request, QObject *context, Done done);
    //! `address` is the peer's, for the failed-attempt throttle (services/loginthrottle.h).
    void login(const protocol::AuthLogin &request, const QString &address, QObject *context, Done done);
    Outcome<AuthResult> resume(const protocol::AuthResume &request);
    //! Decides whether one more connection may sign in as a user (the per-user connection cap);
    //! checked after the credentials, before a session is opened.
    using Admission = std::function<bool(const QString &userId)>;
    void setAdmission(Admission admission) { m_admission = std::move(admission); }
    //! Of these sessions, the ids of those that still stand (not revoked or expired, the account
    //! not disabled). Throws StoreError.
    QSet<QString> standingSessions(const QList<QString> &sessionIds);

    Outcome<protocol::Ok> logout(const Identity &identity);
    //! Closes the connections still signed in with a session that has ended.
    void endConnections(const QString &sessionId);
    Outcome<protocol::Sessions> sessions(const Identity &identity);
    Outcome<protocol::Ok> revoke(const Identity &identity, const protocol::AuthRevoke &request);
    //! Stores the user's settings; every session of the user, the caller's too, gets `settings`.
    Outcome<protocol::Ok> setSettings(const Identity &identity, const protocol::SettingsSet &request);
    //! The failed-password counter of sign-ins: a password change counts against the same one.
    LoginThrottle &throttle() { return *m_throttle; }

private:
    Outcome<AuthResult> openSession(const User &user, const QString &device, bool withToken);
    std::optional<Failure> refusedAdmission(const QString &userId) const;

    Database &m_db;
    const ServerConfig &m_config;
    PasswordHasher &m_hasher;
    Fanout &m_fanout;
    Metrics *m_metrics = nullptr; //!< counts password logins, when given
    std::unique_ptr<AccountStore> m_accounts;
    std::unique_ptr<LoginThrottle> m_throttle;
    Admission m_admission;
    std::unique_ptr<QObject> m_callbacks; //!< guards password checks: they outlive no AuthService
};

} // namespace confab::server

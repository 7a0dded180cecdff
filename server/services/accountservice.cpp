#include "accountservice.h"

#include "core/config.h"
#include "services/accountdeletion.h"
#include "core/logging.h"
#include "domain/passwords.h"
#include "protocol/passwordrules.h"
#include "services/fanout.h"
#include "services/loginthrottle.h"
#include "services/steps.h"
#include "storage/accountstore.h"
#include "storage/database.h"
#include "storage/peoplestore.h"
#include "domain/clock.h"

#include <QPointer>

namespace confab::server {

using protocol::ErrorCode;

AccountService::AccountService(Database &db, const ServerConfig &config, PasswordHasher &hasher, LoginThrottle &throttle,
                               Fanout &fanout)
    : m_db(db)
    , m_config(config)
    , m_hasher(hasher)
    , m_throttle(throttle)
    , m_fanout(fanout)
    , m_accounts(std::make_unique<AccountStore>(db))
    , m_people(std::make_unique<PeopleStore>(db))
    , m_callbacks(std::make_unique<QObject>())
{
}

AccountService::~AccountService() = default;

void AccountService::changePassword(const Identity &identity, const protocol::AccountPassword &request,
                                    const QString &address, QObject *context, PasswordDone done)
{
    std::optional<User> user;
    try {
        user = m_accounts->userById(identity.userId);
    } catch (const StoreError &e) {
        return done(storeFailure(e));
    }
    if (!user || user->disabled)
        return done(Failure{ErrorCode::Unauthorized, QStringLiteral("the account is disabled"), {}, {}});
    // The rules first: they cost nothing and tell nothing about the current password.
    const qint64 minChars = m_config.limits.passwordMinChars;
    if (const auto problem = protocol::passwordProblem(request.newPassword, user->username, minChars))
        return done(passwordRefusal(*problem, minChars, QStringLiteral("new_password")));
    // A stolen session must not be a way around the sign-in lockout: the same counter, the same waits.
    if (const qint64 wait = m_throttle.begin(user->username, address)) {
        qCInfo(lcAuth).noquote() << "password change refused during a lockout, user" << user->id;
        return done(Failure{ErrorCode::RateLimited, QStringLiteral("too many wrong passwords; wait before trying again"),
                            wait, QStringLiteral("current_password")});
    }
    QPointer<QObject> caller(context);
    const QString username = user->username;
    m_hasher.verify(user->passwordHash, request.currentPassword, m_callbacks.get(),
                    [this, identity, request, username, address, caller, done](bool ok) {
                        m_throttle.finish(username, address,
                                          ok ? LoginThrottle::Result::Succeeded : LoginThrottle::Result::Failed);
                        if (!caller)
                            return;
                        if (!ok) {
                            qCInfo(lcAuth).noquote() << "password change with a wrong current password, user"
                                                     << identity.userId;
                            return done(Failure{ErrorCode::Unauthorized, QStringLiteral("the current password is not right"),
                                                {}, QStringLiteral("current_password")});
                        }
                        m_hasher.hash(request.newPassword, caller.data(),
                                      [this, identity, signOutOthers = request.signOutOthers, done](const QString &hash) {
                                          storePassword(identity, hash, signOutOthers, done);
                                      });
                    });
}

void AccountService::storePassword(const Identity &identity, const QString &hash, bool signOutOthers,
                                   const PasswordDone &done)
{
    if (hash.isEmpty())
        return done(Failure{ErrorCode::Internal, QStringLiteral("could not hash the password"), {}, {}});
    QList<QString> ended;
    try {
        Transaction tx(m_db);
        m_accounts->setPasswordHash(identity.userId, hash);
        if (signOutOthers) {
            for (const SessionRecord &s : m_accounts->sessionsOf(identity.userId)) {
                if (s.id != identity.sessionId && m_accounts->deleteSession(s.id))
                    ended.append(s.id);
            }
        }
        tx.commit();
    } catch (const StoreError &e) {
        return done(storeFailure(e));
    }
    qCInfo(lcAuth).noquote() << "password changed, user" << identity.userId << "other sessions ended:" << ended.size();
    done(protocol::Ok{});
    // After the reply: the caller hears "ok" before its other devices drop.
    for (const QString &sessionId : std::as_const(ended))
        m_fanout.endSession(sessionId);
}

// ---- deletion -----------------------------------------------------------------------------------

void AccountService::deleteAccount(const Identity &identity, const protocol::AccountDelete &request,
                                   const QString &address, QObject *context, PasswordDone done)
{
    if (!m_deletion)
        return done(Failure{ErrorCode::Invalid, QStringLiteral("this server does not delete accounts"), {},
                            QStringLiteral("type")});
    std::optional<User> user;
    try {
        user = m_accounts->userById(identity.userId);
    } catch (const StoreError &e) {
        return done(storeFailure(e));
    }
    if (!user || user->disabled)
        return done(Failure{ErrorCode::Unauthorized, QStringLiteral("the account is disabled"), {}, {}});
    // The same counter and waits as sign-ins and password changes: a stolen session cannot guess.
    if (const qint64 wait = m_throttle.begin(user->username, address)) {
        qCInfo(lcAuth).noquote() << "account deletion refused during a lockout, user" << user->id;
        return done(Failure{ErrorCode::RateLimited, QStringLiteral("too many wrong passwords; wait before trying again"),
                            wait, QStringLiteral("password")});
    }
    QPointer<QObject> caller(context);
    const QString username = user->username;
    m_hasher.verify(user->passwordHash, request.password, m_callbacks.get(),
                    [this, identity, username, address, caller, done](bool ok) {
                        m_throttle.finish(username, address,
                                          ok ? LoginThrottle::Result::Succeeded : LoginThrottle::Result::Failed);
                        if (!caller)
                            return;
                        if (!ok) {
                            qCInfo(lcAuth).noquote() << "account deletion with a wrong password, user" << identity.userId;
                            return done(Failure{ErrorCode::Unauthorized, QStringLiteral("the password is not right"), {},
                                                QStringLiteral("password")});
                        }
                        bool answered = false;
                        const auto outcome = m_deletion->run(identity.userId, m_config.deleteErasesMessages, [&] {
                            answered = true;
                            done(protocol::Ok{});
                        });
                        if (!answered)
                            done(outcome.failure());
                    });
}

// ---- profile ------------------------------------------------------------------------------------

protocol::ProfileInfo AccountService::profileInfo(const Profile &p)
{
    protocol::ProfileInfo info;
    info.id = p.id;
    info.username = p.username;
    info.name = p.displayName;
    if (!p.status.isEmpty())
        info.status = p.status;
    if (p.bot)
        info.bot = true;
    if (p.disabled)
        info.disabled = true;
    if (p.deleted)
        info.deleted = true;
    if (!p.avatar.isEmpty())
        info.avatar = p.avatar;
    return info;
}

Outcome<protocol::Ok> AccountService::setProfile(const Identity &identity, const protocol::AccountProfile &request)
{
    std::optional<QString> name, status;
    if (request.displayName) {
        name = request.displayName->trimmed();
        if (name->isEmpty())
            return invalid(QStringLiteral("must not be blank"), QStringLiteral("display_name"));
    }
    if (request.status)
        status = request.status->trimmed();
    std::optional<Profile> profile;
    QList<QString> audience;
    try {
        Transaction tx(m_db);
        m_people->setProfile(identity.userId, name, status, nowMs());
        profile = m_people->profile(identity.userId);
        audience = m_people->contactIds(identity.userId);
        tx.commit();
    } catch (const StoreError &e) {
        return storeFailure(e);
    }
    if (!profile)
        return notFound(QStringLiteral("user"));
    if (!audience.contains(identity.userId))
        audience.append(identity.userId); // my other devices
    qCInfo(lcAuth).noquote() << "profile changed, user" << identity.userId << "told to" << audience.size() << "users";
    m_fanout.toUsers(audience, protocol::encodeFrame(protocol::UserUpdated{profileInfo(*profile)}));
    return protocol::Ok{};
}

Outcome<QList<protocol::ProfileInfo>> AccountService::profilesSince(const Identity &identity, qint64 since)
{
    try {
        QList<protocol::ProfileInfo> out;
        for (const Profile &p : m_people->contactProfilesChangedSince(identity.userId, since)) {
            if (p.id != identity.userId)
                out.append(profileInfo(p));
        }
        return out;
    } catch (const StoreError &e) {
        return storeFailure(e);
    }
}

} // namespace confab::server

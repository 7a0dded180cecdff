#include "authservice.h"

#include "core/logging.h"
#include "core/metrics.h"
#include "domain/clock.h"
#include "domain/ids.h"
#include "domain/passwords.h"
#include "services/fanout.h"
#include "services/loginthrottle.h"
#include "services/steps.h"
#include "storage/accountstore.h"
#include "storage/database.h"

#include <QPointer>

namespace confab::server {

using protocol::ErrorCode;

namespace {
const Failure kBadCredentials{ErrorCode::Unauthorized, QStringLiteral("wrong username or password"), {}, {}};
} // namespace

Failure passwordRefusal(protocol::PasswordProblem problem, qint64 minChars, const QString &field)
{
    switch (problem) {
    case protocol::PasswordProblem::TooShort:
        return invalid(QStringLiteral("the password needs at least %1 characters").arg(minChars), field);
    case protocol::PasswordProblem::TooLong:
        return {ErrorCode::TooLarge, QStringLiteral("the password is too long"), {}, field};
    case protocol::PasswordProblem::IsUsername:
        return invalid(QStringLiteral("the password must not be the username"), field);
    }
    return invalid(QStringLiteral("the password is not allowed"), field);
}

AuthService::AuthService(Database &db, const ServerConfig &config, PasswordHasher &hasher, Fanout &fanout,
                         Metrics *metrics)
    : m_db(db)
    , m_config(config)
    , m_hasher(hasher)
    , m_fanout(fanout)
    , m_metrics(metrics)
    , m_accounts(std::make_unique<AccountStore>(db))
    , m_throttle(std::make_unique<LoginThrottle>(LoginThrottle::Policy{
          config.lockoutFailures, config.lockoutAddressFailures, config.lockoutBaseMs, config.lockoutMaxMs}))
    , m_callbacks(std::make_unique<QObject>())
{
}

AuthService::~AuthService() = default;

Outcome<AuthResult> AuthService::openSession(const User &user, const QString &device, bool withToken)
{
    const qint64 now = nowMs();
    SessionRecord session;
    session.id = ids::make('s');
    session.userId = user.id;
    const QString token = ids::token();
    session.tokenHash = ids::tokenHash(token);
    session.device = device;
    session.createdAt = now;
    session.lastUsedAt = now;
    session.expiresAt = now + m_config.sessionTtlDays * 24 * 3600 * 1000;
    m_accounts->createSession(session);

    AuthResult result;
    result.identity = {user.id, session.id};
    result.reply.sessionId = session.id;
    if (withToken)
        result.reply.token = token;
    result.reply.expiresAt = session.expiresAt;
    result.reply.serverTime = now;
    result.reply.user = {user.id, user.username, user.displayName,
                         user.status.isEmpty() ? std::nullopt : std::optional(user.status),
                         user.avatar.isEmpty() ? std::nullopt : std::optional(user.avatar)};
    result.reply.limits = m_config.limits;
    result.reply.settings.receiptsPrivate = user.receiptsPrivate;
    return result;
}

void AuthService::registerUser(const protocol::AuthRegister &request, QObject *context, Done done)
{
    if (m_config.registration == ServerConfig::Registration::Closed)
        return done(Failure{ErrorCode::Forbidden, QStringLiteral("registration is closed on this server"), {}, {}});
    if (m_config.registration == ServerConfig::Registration::Invite && !request.inviteCode)
        return done(Failure{ErrorCode::Forbidden, QStringLiteral("registration needs an invite code"), {}, {}});
    if (const auto problem = protocol::passwordProblem(request.password, request.username, m_config.limits.passwordMinChars))
        return done(passwordRefusal(*problem, m_config.limits.passwordMinChars, QStringLiteral("password")));
    m_hasher.hash(request.password, context, [this, request, done](const QString &hash) {
        if (hash.isEmpty())
            return done(Failure{ErrorCode::Internal, QStringLiteral("could not hash the password"), {}, {}});
        try {
            Transaction tx(m_db);
            User user{ids::make('u'), request.username, request.displayName, hash, false, nowMs()};
            try {
                m_accounts->createUser(user);
            } catch (const StoreError &e) {
                if (e.kind() == StoreError::Kind::Conflict)
                    return done(Failure{ErrorCode::Conflict, QStringLiteral("that username is taken"), {},
                                        QStringLiteral("username")});
                throw;
            }
            if (m_config.registration == ServerConfig::Registration::Invite &&
                !m_accounts->consumeInvite(ids::tokenHash(*request.inviteCode), user.id, user.createdAt))
                return done(Failure{ErrorCode::Forbidden, QStringLiteral("the invite code is unknown or used"), {},
                                    QStringLiteral("invite_code")});
            auto result = openSession(user, request.device, true);
            tx.commit();
            qCInfo(lcAuth).noquote() << "registered user" << user.id;
            done(std::move(result));
        } catch (const StoreError &e) {
            done(storeFailure(e));
        }
    });
}

std::optional<Failure> AuthService::refusedAdmission(const QString &userId) const
{
    if (!m_admission || m_admission(userId))
        return std::nullopt;
    qCInfo(lcAuth).noquote() << "user" << userId << "has too many connections open";
    return Failure{ErrorCode::RateLimited,
                   QStringLiteral("this account has too many connections open (%1); close one or wait")
                       .arg(m_config.connectionsPerUser),
                   5000, {}};
}

void AuthService::login(const protocol::AuthLogin &request, const QString &address, QObject *context, Done done)
{
    // Locked out: refused before the user is looked up or any argon2 work is spent, with the same
    // answer whether the username exists or not.
    if (const qint64 wait = m_throttle->begin(request.username, address)) {
        qCInfo(lcAuth).noquote() << "sign-in refused during a lockout, from" << address;
        return done(Failure{ErrorCode::RateLimited, QStringLiteral("too many failed sign-ins; wait before trying again"),
                            wait, {}});
    }
    std::optional<User> user;
    try {
        user = m_accounts->userByUsername(request.username);
    } catch (const StoreError &e) {
        m_throttle->finish(request.username, address, LoginThrottle::Result::NotTried);
        return done(storeFailure(e));
    }
    // Unknown and disabled users cost one verification too, so timing does not reveal which names exist.
    const QString hash = user && !user->disabled ? user->passwordHash : m_hasher.decoyHash();
    // The callback runs even when the connection is gone (m_callbacks, not `context`, guards it),
    // so that every attempt let through is counted.
    QPointer<QObject> caller(context);
    m_hasher.verify(hash, request.password, m_callbacks.get(), [this, user, request, address, caller, done](bool ok) {
        const bool verified = ok && user && !user->disabled;
        m_throttle->finish(request.username, address,
                           verified ? LoginThrottle::Result::Succeeded : LoginThrottle::Result::Failed);
        if (!caller)
            return;
        if (!verified) {
            qCInfo(lcAuth).noquote() << "failed login for a" << (user ? "known" : "unknown") << "username";
            if (m_metrics)
                m_metrics->login(false);
            return done(kBadCredentials);
        }
        if (auto refused = refusedAdmission(user->id))
            return done(*refused);
        try {
            Transaction tx(m_db);
            auto result = openSession(*user, request.device, true);
            tx.commit();
            qCInfo(lcAuth).noquote() << "login of user" << user->id << "session" << result.value().identity.sessionId;
            if (m_metrics)
                m_metrics->login(true);
            done(std::move(result));
        } catch (const StoreError &e) {
            done(storeFailure(e));
        }
    });
}

Outcome<AuthResult> AuthService::resume(const protocol::AuthResume &request)
{
    try {
        const auto session = m_accounts->sessionByTokenHash(ids::tokenHash(request.token));
        const qint64 now = nowMs();
        if (!session || session->expiresAt <= now)
            return Failure{ErrorCode::Unauthorized, QStringLiteral("the session has expired or was revoked"), {}, {}};
        const auto user = m_accounts->userById(session->userId);
        if (!user || user->disabled)
            return Failure{ErrorCode::Unauthorized, QStringLiteral("the account is disabled"), {}, {}};
        if (auto refused = refusedAdmission(user->id))
            return *refused;
        m_accounts->touchSession(session->id, now);
        AuthResult result;
        result.identity = {user->id, session->id};
        result.reply.sessionId = session->id;
        result.reply.expiresAt = session->expiresAt;
        result.reply.serverTime = now;
        result.reply.user = {user->id, user->username, user->displayName,
                             user->status.isEmpty() ? std::nullopt : std::optional(user->status)};
        result.reply.limits = m_config.limits;
        result.reply.settings.receiptsPrivate = user->receiptsPrivate;
        return result;
    } catch (const StoreError &e) {
        return storeFailure(e);
    }
}

QSet<QString> AuthService::standingSessions(const QList<QString> &sessionIds)
{
    return m_accounts->standingSessions(sessionIds, nowMs());
}

Outcome<protocol::Ok> AuthService::logout(const Identity &identity)
{
    try {
        m_accounts->deleteSession(identity.sessionId);
    } catch (const StoreError &e) {
        return storeFailure(e);
    }
    qCInfo(lcAuth).noquote() << "logout of session" << identity.sessionId;
    return protocol::Ok{};
}

void AuthService::endConnections(const QString &sessionId)
{
    m_fanout.endSession(sessionId);
}

Outcome<protocol::Sessions> AuthService::sessions(const Identity &identity)
{
    try {
        protocol::Sessions reply;
        for (const SessionRecord &s : m_accounts->sessionsOf(identity.userId)) {
            reply.sessions.append({s.id, s.device, s.createdAt, s.lastUsedAt, s.expiresAt, s.id == identity.sessionId});
        }
        return reply;
    } catch (const StoreError &e) {
        return storeFailure(e);
    }
}

Outcome<protocol::Ok> AuthService::revoke(const Identity &identity, const protocol::AuthRevoke &request)
{
    try {
        const auto session = m_accounts->sessionById(request.sessionId);
        if (!session || session->userId != identity.userId)
            return notFound(QStringLiteral("session"));
        m_accounts->deleteSession(session->id);
    } catch (const StoreError &e) {
        return storeFailure(e);
    }
    qCInfo(lcAuth).noquote() << "revoked session" << request.sessionId;
    return protocol::Ok{};
}

Outcome<protocol::Ok> AuthService::setSettings(const Identity &identity, const protocol::SettingsSet &request)
{
    try {
        m_accounts->setReceiptsPrivate(identity.userId, request.settings.receiptsPrivate);
    } catch (const StoreError &e) {
        return storeFailure(e);
    }
    // The caller's own connection gets it too: one path for "my settings changed", whoever changed them.
    m_fanout.toUsers({identity.userId}, protocol::encodeFrame(protocol::SettingsUpdate{request.settings}));
    return protocol::Ok{};
}

} // namespace confab::server

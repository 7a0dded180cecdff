// The Dispatcher's handlers of the user's own account and of the people around them, apart from
// dispatcher.cpp so that the feature stays in its own files.
#include "net/clientsession.h"
#include "net/dispatcher.h"
#include "services/accountservice.h"

#include <QPointer>

namespace confab::server {

using protocol::ErrorCode;

namespace {
//! Dispatcher::answer lives in dispatcher.cpp, where its template is instantiated.
template <class T> void replyWith(ClientSession &session, const QString &requestId, const Outcome<T> &outcome)
{
    if (outcome.ok())
        session.reply(requestId, outcome.value());
    else
        session.replyError(requestId, outcome.failure().toFrame());
}

protocol::Error notServed()
{
    return {ErrorCode::Invalid, QStringLiteral("this server does not support that request yet"), QStringLiteral("type"),
            std::nullopt};
}
} // namespace

void Dispatcher::handle(const Call &call, const protocol::AccountPassword &request)
{
    if (!m_accounts)
        return call.session.replyError(call.requestId, notServed());
    m_accounts->changePassword(call.who, request, call.session.address(), &call.session,
                               [guard = QPointer<ClientSession>(&call.session),
                                requestId = call.requestId](const Outcome<protocol::Ok> &outcome) {
                                   if (ClientSession *session = guard.data())
                                       replyWith(*session, requestId, outcome);
                               });
}

void Dispatcher::handle(const Call &call, const protocol::AccountProfile &request)
{
    if (!m_accounts)
        return call.session.replyError(call.requestId, notServed());
    replyWith(call.session, call.requestId, m_accounts->setProfile(call.who, request));
}

std::optional<Failure> Dispatcher::addProfiles(const Identity &who, qint64 since, protocol::SyncResult &result)
{
    auto profiles = m_accounts->profilesSince(who, since);
    if (!profiles.ok())
        return profiles.failure();
    result.users = std::move(profiles.value());
    return std::nullopt;
}

} // namespace confab::server

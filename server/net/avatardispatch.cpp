// The Dispatcher's handlers of avatars, apart from dispatcher.cpp so that the feature stays in its
// own files.
#include "net/clientsession.h"
#include "net/dispatcher.h"
#include "services/avatarservice.h"

#include <QPointer>

namespace confab::server {

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
    return {protocol::ErrorCode::Invalid, QStringLiteral("this server does not support that request yet"),
            QStringLiteral("type"), std::nullopt};
}
} // namespace

void Dispatcher::handle(const Call &call, const protocol::AccountAvatar &request)
{
    if (!m_avatars)
        return call.session.replyError(call.requestId, notServed());
    m_avatars->set(call.who, request, &call.session,
                   [guard = QPointer<ClientSession>(&call.session),
                    requestId = call.requestId](const Outcome<protocol::AvatarSet> &outcome) {
                       if (ClientSession *session = guard.data())
                           replyWith(*session, requestId, outcome);
                   });
}

void Dispatcher::handle(const Call &call, const protocol::AvatarFetch &request)
{
    if (!m_avatars)
        return call.session.replyError(call.requestId, notServed());
    replyWith(call.session, call.requestId, m_avatars->fetch(call.who, request));
}

} // namespace confab::server

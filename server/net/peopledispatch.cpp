// The Dispatcher's handlers of finding people and deleting one's account, apart from dispatcher.cpp
// so that the feature stays in its own files.
#include "net/clientsession.h"
#include "net/dispatcher.h"
#include "services/accountservice.h"
#include "services/directoryservice.h"

#include <QPointer>

namespace confab::server {

namespace {
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

void Dispatcher::handle(const Call &call, const protocol::UserSearch &request)
{
    if (!m_directory)
        return call.session.replyError(call.requestId, notServed());
    replyWith(call.session, call.requestId, m_directory->search(call.who, request));
}

void Dispatcher::handle(const Call &call, const protocol::AccountDelete &request)
{
    if (!m_accounts)
        return call.session.replyError(call.requestId, notServed());
    m_accounts->deleteAccount(call.who, request, call.session.address(), &call.session,
                              [guard = QPointer<ClientSession>(&call.session),
                               requestId = call.requestId](const Outcome<protocol::Ok> &outcome) {
                                  if (ClientSession *session = guard.data())
                                      replyWith(*session, requestId, outcome);
                              });
}

} // namespace confab::server

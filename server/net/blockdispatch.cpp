// The Dispatcher's handlers of blocking, apart from dispatcher.cpp so that the feature stays in
// its own files.
#include "net/clientsession.h"
#include "net/dispatcher.h"
#include "services/blockservice.h"

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

void Dispatcher::handle(const Call &call, const protocol::AccountBlock &request)
{
    if (!m_blocks)
        return call.session.replyError(call.requestId, notServed());
    replyWith(call.session, call.requestId, m_blocks->setBlocked(call.who, request));
}

void Dispatcher::handle(const Call &call, const protocol::BlocksList &)
{
    if (!m_blocks)
        return call.session.replyError(call.requestId, notServed());
    replyWith(call.session, call.requestId, m_blocks->list(call.who));
}

} // namespace confab::server

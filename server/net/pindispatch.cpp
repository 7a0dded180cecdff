// The Dispatcher's handlers of pinned messages, apart from dispatcher.cpp so that the feature
// stays in its own files.
#include "net/clientsession.h"
#include "net/dispatcher.h"
#include "services/pinservice.h"

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

void Dispatcher::handle(const Call &call, const protocol::MessagePin &request)
{
    if (!m_pins)
        return call.session.replyError(call.requestId, notServed());
    replyWith(call.session, call.requestId, m_pins->pin(call.who, request));
}

void Dispatcher::handle(const Call &call, const protocol::PinsList &request)
{
    if (!m_pins)
        return call.session.replyError(call.requestId, notServed());
    replyWith(call.session, call.requestId, m_pins->list(call.who, request));
}

void Dispatcher::handle(const Call &call, const protocol::PinRights &request)
{
    if (!m_pins)
        return call.session.replyError(call.requestId, notServed());
    replyWith(call.session, call.requestId, m_pins->setRights(call.who, request));
}

} // namespace confab::server

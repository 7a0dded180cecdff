// The Dispatcher's handlers of forwarding and unread marks, apart from dispatcher.cpp so that the
// feature stays in its own files.
#include "net/clientsession.h"
#include "net/dispatcher.h"
#include "services/forwardservice.h"
#include "services/liveservice.h"
#include "services/unreadmarks.h"

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

void Dispatcher::handle(const Call &call, const protocol::MessageForward &request)
{
    if (!m_forward)
        return call.session.replyError(call.requestId, notServed());
    const auto outcome = m_forward->forward(call.who, request);
    replyWith(call.session, call.requestId, outcome);
    if (outcome.ok())
        m_live.messageSent(call.who.userId, request.targetId); // a message ends my typing there, as a send does
}

void Dispatcher::handle(const Call &call, const protocol::ConversationMark &request)
{
    if (!m_marks)
        return call.session.replyError(call.requestId, notServed());
    replyWith(call.session, call.requestId, m_marks->mark(call.who, request));
}

} // namespace confab::server

// The Dispatcher's handler of matching (conversation.match), apart from dispatcher.cpp so that the
// feature stays in its own files.
#include "net/clientsession.h"
#include "net/dispatcher.h"
#include "services/matchservice.h"

namespace confab::server {

void Dispatcher::handle(const Call &call, const protocol::MatchCreate &request)
{
    if (!m_matching) {
        return call.session.replyError(call.requestId, {protocol::ErrorCode::Invalid,
                                                        QStringLiteral("this server does not support that request yet"),
                                                        QStringLiteral("type"), std::nullopt});
    }
    const Outcome<protocol::Matched> outcome = m_matching->match(call.who, request);
    if (outcome.ok())
        call.session.reply(call.requestId, outcome.value());
    else
        call.session.replyError(call.requestId, outcome.failure().toFrame());
}

} // namespace confab::server

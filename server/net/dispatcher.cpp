#include "dispatcher.h"

#include "core/logging.h"
#include "net/clientsession.h"
#include "services/blindservice.h"
#include "services/conversationservice.h"
#include "services/liveservice.h"
#include "services/messageservice.h"
#include "services/searchservice.h"
#include "services/streamservice.h"

#include <QPointer>

namespace confab::server {

using protocol::ErrorCode;
using protocol::FrameType;

namespace {
bool isAuthRequest(FrameType type)
{
    return type == FrameType::AuthRegister || type == FrameType::AuthLogin || type == FrameType::AuthResume;
}
} // namespace

void Dispatcher::dispatch(ClientSession &session, const protocol::Decoded &decoded)
{
    const FrameType type = decoded.type();
    const QString &requestId = decoded.envelope.id;
    if (protocol::frameDirection(type) != protocol::Direction::ClientToServer) {
        session.replyError(requestId, {ErrorCode::Invalid,
                                       QStringLiteral("\"%1\" is a frame only the server sends").arg(protocol::frameTypeName(type)),
                                       QStringLiteral("type"), std::nullopt});
        return;
    }
    const Identity who = session.identity();
    if (!who.isValid() && !isAuthRequest(type)) {
        session.replyError(requestId, {ErrorCode::Unauthorized, QStringLiteral("sign in first (auth.login or auth.resume)"),
                                       std::nullopt, std::nullopt});
        return;
    }
    if (who.isValid() && isAuthRequest(type)) {
        session.replyError(requestId, {ErrorCode::Conflict, QStringLiteral("this connection is already signed in"),
                                       std::nullopt, std::nullopt});
        return;
    }
    const Call call{session, requestId, who};
    std::visit(
        [this, &call](const auto &frame) {
            if constexpr (!std::is_same_v<std::decay_t<decltype(frame)>, std::monostate>)
                handle(call, frame);
        },
        decoded.frame);
}

template <class T> void Dispatcher::answer(const Call &call, const T &outcome)
{
    if (outcome.ok())
        call.session.reply(call.requestId, outcome.value());
    else
        call.session.replyError(call.requestId, outcome.failure().toFrame());
}

void Dispatcher::handle(const Call &call, const auto &)
{
    call.session.replyError(call.requestId, {ErrorCode::Invalid,
                                             QStringLiteral("this server does not support that request yet"),
                                             QStringLiteral("type"), std::nullopt});
}

// ---- auth ---------------------------------------------------------------------------------------

namespace {
//! Completes an asynchronous sign-in, if the connection is still there.
auto signedIn(ClientSession &session, const QString &requestId, LiveService &live)
{
    session.setSigningIn(true);
    return [guard = QPointer<ClientSession>(&session), requestId, &live](Outcome<AuthResult> outcome) {
        ClientSession *open = guard.data();
        if (!open)
            return;
        open->setSigningIn(false);
        if (!outcome.ok())
            return open->replyError(requestId, outcome.failure().toFrame());
        open->setIdentity(outcome.value().identity);
        open->reply(requestId, outcome.value().reply);
        live.connectionOpened(open->connectionId(), outcome.value().identity);
        // Who of my contacts is around right now.
        for (const protocol::PresenceUpdate &update : live.presenceFor(outcome.value().identity.userId))
            open->sendFrame(protocol::encodeFrame(update));
    };
}
} // namespace

void Dispatcher::signedOut(const ClientSession &session)
{
    if (session.identity().isValid())
        m_live.connectionClosed(session.connectionId(), session.identity());
}

void Dispatcher::handle(const Call &call, const protocol::AuthRegister &request)
{
    m_auth.registerUser(request, &call.session, signedIn(call.session, call.requestId, m_live));
}

void Dispatcher::handle(const Call &call, const protocol::AuthLogin &request)
{
    m_auth.login(request, call.session.address(), &call.session, signedIn(call.session, call.requestId, m_live));
}

void Dispatcher::handle(const Call &call, const protocol::AuthResume &request)
{
    signedIn(call.session, call.requestId, m_live)(m_auth.resume(request));
}

void Dispatcher::handle(const Call &call, const protocol::AuthLogout &)
{
    const QString sessionId = call.who.sessionId;
    const auto outcome = m_auth.logout(call.who);
    answer(call, outcome);
    if (outcome.ok()) {
        // This connection stays open, signed out; others signed in with the same session are closed.
        signedOut(call.session);
        call.session.clearIdentity();
        m_auth.endConnections(sessionId);
    }
}

void Dispatcher::handle(const Call &call, const protocol::AuthSessions &)
{
    answer(call, m_auth.sessions(call.who));
}

void Dispatcher::handle(const Call &call, const protocol::AuthRevoke &request)
{
    const auto outcome = m_auth.revoke(call.who, request);
    answer(call, outcome); // first the reply: the revoked session may be this very connection's
    if (outcome.ok())
        m_auth.endConnections(request.sessionId);
}

void Dispatcher::handle(const Call &call, const protocol::SettingsSet &request)
{
    answer(call, m_auth.setSettings(call.who, request));
}

// ---- conversations ------------------------------------------------------------------------------

void Dispatcher::handle(const Call &call, const protocol::UserLookup &request)
{
    answer(call, m_conversations.lookup(call.who, request));
}
void Dispatcher::handle(const Call &call, const protocol::ConversationCreate &request)
{
    const auto outcome = m_conversations.create(call.who, request);
    answer(call, outcome);
    if (outcome.ok() && outcome.value().conversation.kind != protocol::ConversationKind::Blind)
        introduceMembers(outcome.value());
}

void Dispatcher::introduceMembers(const protocol::ConversationDetail &detail)
{
    // Member ids are user ids outside blind rooms.
    QList<QString> userIds;
    for (const protocol::MemberInfo &m : detail.members)
        userIds.append(m.id);
    m_live.introduce(userIds);
}
void Dispatcher::handle(const Call &call, const protocol::ConversationList &request)
{
    answer(call, m_conversations.list(call.who, request));
}
void Dispatcher::handle(const Call &call, const protocol::ConversationGet &request)
{
    answer(call, m_conversations.get(call.who, request));
}
void Dispatcher::handle(const Call &call, const protocol::MembersAdd &request)
{
    const auto outcome = m_conversations.addMembers(call.who, request);
    answer(call, outcome);
    if (!outcome.ok())
        return;
    // Presence is best effort: when the detail cannot be read, the members see each other at their
    // next sign-in.
    const auto detail = m_conversations.get(call.who, protocol::ConversationGet{request.conversationId});
    if (detail.ok() && detail.value().conversation.kind != protocol::ConversationKind::Blind)
        introduceMembers(detail.value());
}
void Dispatcher::handle(const Call &call, const protocol::MembersRemove &request)
{
    answer(call, m_conversations.removeMember(call.who, request));
}
void Dispatcher::handle(const Call &call, const protocol::MembersRole &request)
{
    answer(call, m_conversations.setRole(call.who, request));
}
void Dispatcher::handle(const Call &call, const protocol::ConversationLeave &request)
{
    answer(call, m_conversations.leave(call.who, request));
}
void Dispatcher::handle(const Call &call, const protocol::ConversationArchive &request)
{
    answer(call, m_conversations.archive(call.who, request));
}

// ---- messages -----------------------------------------------------------------------------------

void Dispatcher::handle(const Call &call, const protocol::MessageSend &request)
{
    // Answered once the message is durable, which may be after this connection's later requests
    // (group commit); replies carry the request's id.
    m_messages.send(call.who, request,
                    [this, guard = QPointer<ClientSession>(&call.session), requestId = call.requestId,
                     userId = call.who.userId, conversationId = request.conversationId](const auto &outcome) {
                        if (outcome.ok())
                            m_live.messageSent(userId, conversationId);
                        ClientSession *session = guard.data();
                        if (!session)
                            return;
                        if (outcome.ok())
                            session->reply(requestId, outcome.value());
                        else
                            session->replyError(requestId, outcome.failure().toFrame());
                    });
}
void Dispatcher::handle(const Call &call, const protocol::MessageEdit &request)
{
    answer(call, m_messages.edit(call.who, request));
}
void Dispatcher::handle(const Call &call, const protocol::MessageDelete &request)
{
    answer(call, m_messages.remove(call.who, request));
}
void Dispatcher::handle(const Call &call, const protocol::MessageReact &request)
{
    answer(call, m_messages.react(call.who, request));
}
void Dispatcher::handle(const Call &call, const protocol::HistoryRequest &request)
{
    answer(call, m_messages.history(call.who, request));
}
void Dispatcher::handle(const Call &call, const protocol::SyncRequest &request)
{
    auto outcome = m_messages.sync(call.who, request);
    if (outcome.ok() && request.profilesSince && m_accounts) {
        if (auto failure = addProfiles(call.who, *request.profilesSince, outcome.value()))
            return call.session.replyError(call.requestId, failure->toFrame());
    }
    answer(call, outcome);
}
void Dispatcher::handle(const Call &call, const protocol::Typing &request)
{
    answer(call, m_live.typing(call.who, request));
}
void Dispatcher::handle(const Call &call, const protocol::PresenceSet &request)
{
    answer(call, m_live.setPresence(call.session.connectionId(), call.who, request));
}
void Dispatcher::handle(const Call &call, const protocol::Receipt &request)
{
    answer(call, m_messages.receipt(call.who, request));
}

// ---- group settings, mute, threads, streamed messages --------------------------------------------

void Dispatcher::handle(const Call &call, const protocol::ConversationUpdate &request)
{
    answer(call, m_conversations.update(call.who, request));
}
void Dispatcher::handle(const Call &call, const protocol::ConversationMute &request)
{
    answer(call, m_conversations.mute(call.who, request));
}
void Dispatcher::handle(const Call &call, const protocol::ConversationNotify &request)
{
    answer(call, m_conversations.notify(call.who, request));
}
void Dispatcher::handle(const Call &call, const protocol::ThreadRequest &request)
{
    answer(call, m_messages.thread(call.who, request));
}
void Dispatcher::handle(const Call &call, const protocol::StreamStart &request)
{
    const auto outcome = m_messages.streams().start(call.who, request);
    answer(call, outcome);
    if (outcome.ok())
        m_live.messageSent(call.who.userId, request.conversationId);
}
void Dispatcher::handle(const Call &call, const protocol::StreamAppend &request)
{
    answer(call, m_messages.streams().append(call.who, request));
}
void Dispatcher::handle(const Call &call, const protocol::StreamEnd &request)
{
    answer(call, m_messages.streams().end(call.who, request));
}

// ---- blind rooms: reveals and reports ------------------------------------------------------------

void Dispatcher::handle(const Call &call, const protocol::ConversationReveal &request)
{
    if (!m_blind)
        return handle(call, std::monostate{});
    answer(call, m_blind->reveal(call.who, request));
}
void Dispatcher::handle(const Call &call, const protocol::ConversationReveals &request)
{
    if (!m_blind)
        return handle(call, std::monostate{});
    answer(call, m_blind->setReveals(call.who, request));
}
void Dispatcher::handle(const Call &call, const protocol::MembersGroup &request)
{
    if (!m_blind)
        return handle(call, std::monostate{});
    answer(call, m_blind->setGroup(call.who, request));
}
void Dispatcher::handle(const Call &call, const protocol::RevealPolicySet &request)
{
    if (!m_blind)
        return handle(call, std::monostate{});
    answer(call, m_blind->setPolicy(call.who, request));
}
void Dispatcher::handle(const Call &call, const protocol::MembersReport &request)
{
    if (!m_blind)
        return handle(call, std::monostate{});
    answer(call, m_blind->report(call.who, request));
}

// ---- search -------------------------------------------------------------------------------------

void Dispatcher::handle(const Call &call, const protocol::SearchRequest &request)
{
    answer(call, m_search.search(call.who, request));
}
void Dispatcher::handle(const Call &call, const protocol::MentionsList &request)
{
    answer(call, m_search.mentions(call.who, request));
}

} // namespace confab::server

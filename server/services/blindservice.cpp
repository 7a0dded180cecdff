#include "blindservice.h"

#include "core/logging.h"
#include "domain/clock.h"
#include "domain/ids.h"
#include "services/conversationlog.h"
#include "services/steps.h"
#include "storage/blindstore.h"
#include "storage/conversationstore.h"
#include "storage/database.h"

namespace confab::server {

using protocol::ErrorCode;

namespace {
const QString kConversation = QStringLiteral("conversation");
const QString kMemberId = QStringLiteral("member_id");

Failure memberNotFound()
{
    return {ErrorCode::NotFound, QStringLiteral("member not found"), {}, kMemberId};
}

//! A member id as the asker knows it (the alias id in blind rooms) → the member; former members too when asked.
std::optional<Member> resolve(ConversationStore &store, const Conversation &conversation, const QString &memberId,
                              bool includeFormer)
{
    for (const Member &m : store.members(conversation.id, includeFormer)) {
        if ((conversation.kind == ConversationKind::Blind ? m.aliasId : m.userId) == memberId)
            return m;
    }
    return std::nullopt;
}
} // namespace

BlindService::BlindService(Database &db, ConversationLog &log)
    : m_db(db)
    , m_log(log)
    , m_conversations(std::make_unique<ConversationStore>(db))
    , m_store(std::make_unique<BlindStore>(db))
    , m_reportLimiter(5.0, 1.0 / 60.0)
{
}

BlindService::~BlindService() = default;

Outcome<protocol::Ok> BlindService::reveal(const Identity &who, const protocol::ConversationReveal &request)
{
    try {
        const auto access = m_conversations->access(request.conversationId, who.userId);
        if (!access)
            return notFound(kConversation);
        if (access->conversation.kind != ConversationKind::Blind)
            return invalid(QStringLiteral("names are hidden only in blind rooms: there is nothing to reveal"),
                           QStringLiteral("conversation_id"));
        QString toUserId;
        if (request.memberId) {
            const auto target = resolve(*m_conversations, access->conversation, *request.memberId, false);
            if (!target)
                return memberNotFound();
            if (target->userId == who.userId)
                return invalid(QStringLiteral("you know who you are"), kMemberId);
            toUserId = target->userId;
        }
        return request.offer ? offer(who, access->conversation, toUserId)
                             : withdraw(who, access->conversation, toUserId);
    } catch (const StoreError &e) {
        return storeFailure(e);
    }
}

Outcome<protocol::Ok> BlindService::offer(const Identity &who, const Conversation &conversation, const QString &toUserId)
{
    const qint64 now = nowMs();
    QJsonObject payload;
    if (!toUserId.isEmpty())
        payload.insert(QStringLiteral("to"), toUserId);
    QList<StoredEvent> events;
    Transaction tx(m_db);
    // The event's seq first: taking it locks the room, so two offers that meet are matched even
    // when they arrive at the same moment on two instances. What follows reads the state after it.
    events.append(m_log.append(conversation.id, EventKind::RevealOffered, who.userId, payload, {}, now));
    RevealState state = m_store->state(conversation.id);
    if (!state.allowed)
        return forbidden(QStringLiteral("the owner turned reveals off in this room")); // rolls back
    if (!toUserId.isEmpty() && state.mutual(who.userId, toUserId))
        return protocol::Ok{}; // revealed to each other already: nothing to offer, no event
    if (!m_store->addOffer(conversation.id, who.userId, toUserId, now))
        return protocol::Ok{}; // the same offer is open already
    state.offers.append({who.userId, toUserId, now});

    // Whoever this offer now meets: each such pair is revealed, one event per pair.
    for (const Member &other : m_conversations->members(conversation.id)) {
        if (other.userId == who.userId || state.mutual(who.userId, other.userId))
            continue;
        if (!state.offerReaches(who.userId, other.userId) || !state.offerReaches(other.userId, who.userId))
            continue;
        events.append(m_log.append(conversation.id, EventKind::Revealed, who.userId,
                                   {{QStringLiteral("user_id"), other.userId}}, {}, now));
        m_store->addReveal(conversation.id, who.userId, other.userId, events.last().seq, now);
        state.pairs.insert(RevealState::pairKey(who.userId, other.userId));
        // Offers to one person are used up by the reveal; offers to the room stay for the others.
        m_store->removeOffer(conversation.id, who.userId, other.userId);
        m_store->removeOffer(conversation.id, other.userId, who.userId);
    }
    tx.commit();
    m_log.publish(conversation.id, events);
    return protocol::Ok{};
}

Outcome<protocol::Ok> BlindService::withdraw(const Identity &who, const Conversation &conversation, const QString &toUserId)
{
    QJsonObject payload;
    if (!toUserId.isEmpty())
        payload.insert(QStringLiteral("to"), toUserId);
    StoredEvent event;
    Transaction tx(m_db);
    event = m_log.append(conversation.id, EventKind::RevealWithdrawn, who.userId, payload);
    if (!m_store->removeOffer(conversation.id, who.userId, toUserId)) {
        if (!toUserId.isEmpty() && m_store->state(conversation.id).mutual(who.userId, toUserId))
            return Failure{ErrorCode::Conflict,
                           QStringLiteral("you revealed to each other already: that cannot be taken back"), {}, kMemberId};
        return protocol::Ok{}; // no such offer: nothing to withdraw, no event
    }
    tx.commit();
    m_log.publish(conversation.id, {event});
    return protocol::Ok{};
}

Outcome<protocol::Ok> BlindService::setReveals(const Identity &who, const protocol::ConversationReveals &request)
{
    try {
        const auto access = m_conversations->access(request.conversationId, who.userId);
        if (!access)
            return notFound(kConversation);
        if (access->conversation.kind != ConversationKind::Blind)
            return invalid(QStringLiteral("only blind rooms have reveals"), QStringLiteral("conversation_id"));
        if (access->me.role != Role::Owner)
            return forbidden(QStringLiteral("only the owner turns reveals on or off"));
        StoredEvent event;
        {
            Transaction tx(m_db);
            event = m_log.append(access->conversation.id, EventKind::RevealsAllowed, who.userId,
                                 {{QStringLiteral("allowed"), request.allowed}});
            if (m_store->state(access->conversation.id).allowed == request.allowed)
                return protocol::Ok{}; // as it was: no event
            m_store->setRevealsAllowed(access->conversation.id, request.allowed);
            if (!request.allowed)
                m_store->clearOffers(access->conversation.id); // reveals already agreed stay
            tx.commit();
        }
        m_log.publish(access->conversation.id, {event});
        return protocol::Ok{};
    } catch (const StoreError &e) {
        return storeFailure(e);
    }
}

Outcome<protocol::Ok> BlindService::report(const Identity &who, const protocol::MembersReport &request)
{
    try {
        const auto access = m_conversations->access(request.conversationId, who.userId);
        if (!access)
            return notFound(kConversation);
        // Former members too: someone may leave right after doing what they are reported for.
        const auto target = resolve(*m_conversations, access->conversation, request.memberId, true);
        if (!target)
            return memberNotFound();
        if (target->userId == who.userId)
            return invalid(QStringLiteral("you cannot report yourself"), kMemberId);
        if (const qint64 wait = m_reportLimiter.take(who.userId))
            return Failure{ErrorCode::RateLimited, QStringLiteral("too many reports, try again later"), wait, {}};
        const QString id = ids::make('r');
        m_store->addReport(id, access->conversation.id, who.userId, target->userId, request.reason.trimmed(), nowMs());
        // Ids only: who reported whom is for the operator's `report list`, not for the log.
        qCInfo(lcServer).noquote() << "report" << id << "stored for conversation" << access->conversation.id;
        return protocol::Ok{};
    } catch (const StoreError &e) {
        return storeFailure(e);
    }
}

} // namespace confab::server

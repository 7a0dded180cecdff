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

constexpr qint64 kMaxRevealAheadMs = 366LL * 24 * 60 * 60 * 1000;
constexpr int kRevealsPerRound = 32; //!< due rooms fired per look; more wait for the next one

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
    // Reveals off is the policy `off`: a scheduled reveal goes with it. On keeps the schedule.
    return applyPolicy(who, request.conversationId, request.allowed,
                       request.allowed ? ScheduleChange() : ScheduleChange(std::in_place, std::nullopt), std::nullopt);
}

Outcome<protocol::Ok> BlindService::setPolicy(const Identity &who, const protocol::RevealPolicySet &request)
{
    const bool scheduled = request.reveal == protocol::RevealPolicy::Scheduled;
    if (scheduled) {
        const qint64 now = nowMs();
        if (*request.revealAt <= now)
            return invalid(QStringLiteral("the time of the reveal must be in the future"), QStringLiteral("reveal_at"));
        if (*request.revealAt > now + kMaxRevealAheadMs)
            return invalid(QStringLiteral("the reveal can be at most a year ahead"), QStringLiteral("reveal_at"));
    }
    return applyPolicy(who, request.conversationId, request.reveal != protocol::RevealPolicy::Off,
                       ScheduleChange(std::in_place, scheduled ? request.revealAt : std::nullopt), request.membersInvite);
}

Outcome<protocol::Ok> BlindService::applyPolicy(const Identity &who, const QString &conversationId, bool allowed,
                                                ScheduleChange revealAt, std::optional<bool> invite)
{
    try {
        const auto access = m_conversations->access(conversationId, who.userId);
        if (!access)
            return notFound(kConversation);
        if (access->conversation.kind != ConversationKind::Blind)
            return invalid(QStringLiteral("only blind rooms have reveals"), QStringLiteral("conversation_id"));
        if (access->me.role != Role::Owner)
            return forbidden(QStringLiteral("only the owner changes who sees whom"));
        const QString &id = access->conversation.id;
        const qint64 now = nowMs();
        QList<StoredEvent> events;
        bool scheduleChanged = false;
        {
            Transaction tx(m_db);
            // The seq first: it locks the room, so the state read next is after any reveal that
            // another instance fired meanwhile (the scheduler takes the same lock first).
            const qint64 seq = m_log.reserveSeq(id);
            const auto append = [&](EventKind kind, const QJsonObject &payload) {
                events.append(events.isEmpty() ? m_log.appendReserved(seq, id, kind, who.userId, payload, {}, now)
                                               : m_log.append(id, kind, who.userId, payload, {}, now));
            };
            const RevealState state = m_store->state(id);
            if (revealAt && *revealAt && state.revealedAt)
                return Failure{ErrorCode::Conflict, QStringLiteral("every name was shown already: there is nothing left to schedule"),
                               {}, QStringLiteral("reveal_at")}; // rolls back
            if (state.allowed != allowed) {
                append(EventKind::RevealsAllowed, {{QStringLiteral("allowed"), allowed}});
                m_store->setRevealsAllowed(id, allowed);
                if (!allowed)
                    m_store->clearOffers(id); // reveals already agreed stay
            }
            if (revealAt && *revealAt != state.revealAt && (*revealAt || state.revealAt)) {
                QJsonObject payload;
                if (*revealAt)
                    payload.insert(QStringLiteral("reveal_at"), double(**revealAt));
                append(EventKind::RevealScheduled, payload);
                m_store->setSchedule(id, *revealAt);
                scheduleChanged = true;
            }
            if (invite && *invite != state.membersInvite) {
                append(EventKind::InvitesAllowed, {{QStringLiteral("allowed"), *invite}});
                m_store->setMembersInvite(id, *invite);
            }
            if (events.isEmpty())
                return protocol::Ok{}; // as it was: no event (the seq taken rolls back)
            tx.commit();
        }
        m_log.publish(id, events);
        if (scheduleChanged && m_onScheduleChanged)
            m_onScheduleChanged();
        return protocol::Ok{};
    } catch (const StoreError &e) {
        return storeFailure(e);
    }
}

Outcome<protocol::Ok> BlindService::setGroup(const Identity &who, const protocol::MembersGroup &request)
{
    try {
        const auto access = m_conversations->access(request.conversationId, who.userId);
        if (!access)
            return notFound(kConversation);
        if (access->conversation.kind != ConversationKind::Blind)
            return invalid(QStringLiteral("only members of blind rooms have a group"), QStringLiteral("conversation_id"));
        if (access->me.role != Role::Owner)
            return forbidden(QStringLiteral("only the owner moves members between groups"));
        const auto target = resolve(*m_conversations, access->conversation, request.memberId, false);
        if (!target)
            return memberNotFound();
        const QString group = request.group.value_or(QString());
        if (target->group == group)
            return protocol::Ok{}; // there already: no event
        QJsonObject payload{{QStringLiteral("user_id"), target->userId}};
        if (request.group)
            payload.insert(QStringLiteral("group"), group);
        commitAndPublish(m_db, m_log, access->conversation.id, [&] {
            // The event first: its seq locks the room, so two moves are written one after the other.
            StoredEvent event = m_log.append(access->conversation.id, EventKind::GroupChanged, who.userId, payload);
            m_conversations->setGroup(access->conversation.id, target->userId, group);
            return event;
        });
        return protocol::Ok{};
    } catch (const StoreError &e) {
        return storeFailure(e);
    }
}

int BlindService::fireDueReveals(qint64 now)
{
    int fired = 0;
    for (const QString &id : m_store->dueReveals(now, kRevealsPerRound)) {
        try {
            if (fire(id, now))
                ++fired;
        } catch (const StoreError &e) {
            // Nothing was written: the reveal stays due, and the next look tries again.
            qCWarning(lcStore) << "the scheduled reveal of" << id << "is left for the next look:" << e.what();
        }
    }
    return fired;
}

bool BlindService::fire(const QString &id, qint64 now)
{
    QList<StoredEvent> events;
    {
        Transaction tx(m_db);
        // The room's lock first, the claim second: the same order as the owner's changes, so the
        // two never wait for each other in a circle. A second instance waits here, then finds the
        // reveal claimed and rolls back.
        const qint64 seq = m_log.reserveSeq(id);
        if (!m_store->claimReveal(id, now))
            return false;
        const QList<Member> members = m_conversations->members(id);
        if (members.isEmpty()) {
            // Nobody is left to see anyone: the reveal is spent; the seq carries a cancelled schedule.
            events.append(m_log.appendReserved(seq, id, EventKind::RevealScheduled, {}, {}, {}, now));
        }
        QHash<QString, qint64> shownAt;
        for (const Member &m : members) {
            const QJsonObject payload{{QStringLiteral("user_id"), m.userId}};
            events.append(events.isEmpty() ? m_log.appendReserved(seq, id, EventKind::RevealedToAll, {}, payload, {}, now)
                                           : m_log.append(id, EventKind::RevealedToAll, {}, payload, {}, now));
            // Each pair is revealed by the later of its two events.
            for (auto it = shownAt.cbegin(); it != shownAt.cend(); ++it)
                m_store->addReveal(id, it.key(), m.userId, events.last().seq, now);
            shownAt.insert(m.userId, events.last().seq);
        }
        m_store->clearOffers(id); // every offer is answered now
        tx.commit();
    }
    m_log.publish(id, events);
    qCInfo(lcServer).noquote() << "scheduled reveal of" << id << "shown to" << events.size() << "members";
    return true;
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

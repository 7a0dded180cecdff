#include "conversationlog.h"

#include "core/logging.h"
#include "core/metrics.h"
#include "domain/clock.h"
#include "services/fanout.h"
#include "storage/blindstore.h"
#include "storage/conversationstore.h"
#include "storage/database.h"
#include "storage/eventstore.h"

namespace confab::server {

namespace {
//! Events that change neither who is in a conversation nor how its members are named. Any other
//! kind (membership, roles, renames, archiving, kinds added later) drops the cached audience.
bool isContent(EventKind kind)
{
    switch (kind) {
    case EventKind::Message:
    case EventKind::Edit:
    case EventKind::Delete:
    case EventKind::Reaction:
    case EventKind::Pinned:
    case EventKind::Unpinned:
    case EventKind::PinRightsChanged:
        return true;
    default:
        return false;
    }
}

//! A bound on cached conversations: the cache is dropped as a whole beyond it (reads refill it).
constexpr qsizetype kMaxCachedAudiences = 4096;
} // namespace

StoredEvent ConversationLog::append(const QString &conversationId, EventKind kind, const QString &actorId,
                                    const QJsonObject &payload, const QString &messageId, qint64 at)
{
    return appendReserved(reserveSeq(conversationId), conversationId, kind, actorId, payload, messageId, at);
}

qint64 ConversationLog::reserveSeq(const QString &conversationId)
{
    return m_conversations.nextSeq(conversationId);
}

void ConversationLog::releaseSeq(const QString &conversationId, qint64 seq)
{
    m_conversations.releaseSeq(conversationId, seq);
}

StoredEvent ConversationLog::appendReserved(qint64 seq, const QString &conversationId, EventKind kind,
                                            const QString &actorId, const QJsonObject &payload,
                                            const QString &messageId, qint64 at)
{
    StoredEvent event;
    event.conversationId = conversationId;
    event.seq = seq;
    event.kind = kind;
    event.at = at > 0 ? at : nowMs();
    event.actorId = actorId;
    event.messageId = messageId;
    event.payload = payload;
    m_events.append(event);
    m_fanout.eventAppended(conversationId, event.seq);
    noteEvent(conversationId, event.seq, kind);
    return event;
}

void ConversationLog::noteEvent(const QString &conversationId, qint64 seq, EventKind kind)
{
    const auto it = m_audiences.find(conversationId);
    if (it == m_audiences.end())
        return;
    // Seqs are gap-free per conversation: a gap means another instance (or a rolled back
    // transaction) wrote something this cache did not see, so it is read again.
    if (isContent(kind) && seq == it->seq + 1)
        it->seq = seq;
    else
        m_audiences.erase(it);
}

const ConversationLog::Audience *ConversationLog::audience(const QString &conversationId)
{
    if (const auto it = m_audiences.constFind(conversationId); it != m_audiences.constEnd())
        return &*it;
    // The conversation row first: its last_seq is then no newer than the members read after it,
    // so a change committed in between shows up as a gap at the next event.
    const auto conversation = m_conversations.byId(conversationId);
    if (!conversation)
        return nullptr;
    Audience audience{presenter(*conversation), m_conversations.activeMemberIds(conversationId), conversation->lastSeq};
    if (m_audiences.size() >= kMaxCachedAudiences)
        m_audiences.clear();
    return &*m_audiences.insert(conversationId, std::move(audience));
}

Presenter ConversationLog::cachedPresenter(const QString &conversationId)
{
    if (const Audience *known = audience(conversationId))
        return known->presenter;
    throw StoreError(StoreError::Kind::Internal, QStringLiteral("no conversation ") + conversationId);
}

Presenter ConversationLog::presenter(const Conversation &conversation)
{
    return presenter(conversation, m_conversations.members(conversation.id, true));
}

Presenter ConversationLog::presenter(const Conversation &conversation, const QList<Member> &members)
{
    Presenter presenter(conversation, members);
    if (m_blind && conversation.kind == ConversationKind::Blind)
        presenter.setReveals(m_blind->state(conversation.id));
    return presenter;
}

void ConversationLog::publish(const QString &conversationId, const QList<StoredEvent> &events,
                              const QList<QString> &alsoTo)
{
    // Called right after the caller's commit: no other commit came in between on this thread.
    deliver(conversationId, events, alsoTo, m_metrics ? m_metrics->lastCommitNs() : 0);
}

void ConversationLog::deliver(const QString &conversationId, const QList<StoredEvent> &events,
                              const QList<QString> &alsoTo, qint64 committedNs)
{
    if (events.isEmpty())
        return;
    const Audience *known = audience(conversationId);
    if (!known)
        return;
    // Copies (implicitly shared): reading a message below may not touch the cache, but be safe.
    const Presenter presenter = known->presenter;
    const QList<QString> members = known->activeMemberIds;
    for (StoredEvent event : events) {
        if ((event.kind == EventKind::Message || event.kind == EventKind::Pinned) && !event.message)
            event.message = m_events.messageById(event.messageId);
        QList<QString> receivers = members;
        QList<QString> extra = alsoTo;
        // Whoever was removed or left learns it too (on every instance: derived, not passed along).
        if (event.kind == EventKind::MemberRemoved || event.kind == EventKind::MemberLeft)
            extra.append(event.payload.value(QLatin1StringView("user_id")).toString());
        for (const QString &id : std::as_const(extra)) {
            if (!id.isEmpty() && !receivers.contains(id))
                receivers.append(id);
        }
        // Encoded once for all receivers: in blind rooms too, the event names aliases only. Other
        // instances were told inside the transaction and deliver to their own connections.
        // Reveals are the exception: who sees a real name depends on who looks.
        if (presenter.personal(event)) {
            for (const QString &receiver : std::as_const(receivers))
                m_fanout.toLocalUsers({receiver}, protocol::encodeFrame(presenter.event(event, receiver)));
        } else {
            m_fanout.toLocalUsers(receivers, protocol::encodeFrame(presenter.event(event)));
        }
        if (m_metrics && committedNs > 0) {
            m_metrics->fannedOut(committedNs);
            if (event.kind == EventKind::Message)
                m_metrics->messageStored();
        }
    }
}

void ConversationLog::deliverRemote(const QString &conversationId, qint64 seq)
{
    try {
        const QList<StoredEvent> events = m_events.page(conversationId, seq + 1, seq - 1, 1);
        for (const StoredEvent &event : events)
            noteEvent(conversationId, event.seq, event.kind);
        deliver(conversationId, events, {}, 0);
    } catch (const StoreError &e) {
        // Clients notice the gap at the next event and sync.
        qCWarning(lcStore) << "an event from another instance was not delivered here:" << e.what();
    }
}

} // namespace confab::server

#include "conversationlog.h"

#include "app/metrics.h"
#include "domain/clock.h"
#include "services/fanout.h"
#include "storage/conversationstore.h"
#include "storage/database.h"
#include "storage/eventstore.h"

namespace confab::server {

StoredEvent ConversationLog::append(const QString &conversationId, EventKind kind, const QString &actorId,
                                    const QJsonObject &payload, const QString &messageId, qint64 at)
{
    StoredEvent event;
    event.conversationId = conversationId;
    event.seq = m_conversations.nextSeq(conversationId);
    event.kind = kind;
    event.at = at > 0 ? at : nowMs();
    event.actorId = actorId;
    event.messageId = messageId;
    event.payload = payload;
    m_events.append(event);
    m_fanout.eventAppended(conversationId, event.seq);
    return event;
}

Presenter ConversationLog::presenter(const Conversation &conversation)
{
    return Presenter(conversation, m_conversations.members(conversation.id, true));
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
    const auto conversation = m_conversations.byId(conversationId);
    if (!conversation)
        return;
    const Presenter presenter = this->presenter(*conversation);
    const QList<QString> members = m_conversations.activeMemberIds(conversationId);
    for (StoredEvent event : events) {
        if (event.kind == EventKind::Message && !event.message)
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
        m_fanout.toLocalUsers(receivers, protocol::encodeFrame(presenter.event(event)));
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
        deliver(conversationId, events, {}, 0);
    } catch (const StoreError &) {
        // Clients notice the gap at the next event and sync.
    }
}

} // namespace confab::server

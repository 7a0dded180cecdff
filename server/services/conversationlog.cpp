#include "conversationlog.h"

#include "domain/clock.h"
#include "services/fanout.h"
#include "storage/conversationstore.h"
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
    return event;
}

Presenter ConversationLog::presenter(const Conversation &conversation)
{
    return Presenter(conversation, m_conversations.members(conversation.id, true));
}

void ConversationLog::publish(const QString &conversationId, const QList<StoredEvent> &events,
                              const QList<QString> &alsoTo)
{
    if (events.isEmpty())
        return;
    const auto conversation = m_conversations.byId(conversationId);
    if (!conversation)
        return;
    const Presenter presenter = this->presenter(*conversation);
    QList<QString> receivers = m_conversations.activeMemberIds(conversationId);
    for (const QString &extra : alsoTo) {
        if (!receivers.contains(extra))
            receivers.append(extra);
    }
    for (StoredEvent event : events) {
        if (event.kind == EventKind::Message && !event.message)
            event.message = m_events.messageById(event.messageId);
        // Encoded once for all receivers: in blind rooms too, the event names aliases only.
        m_fanout.toUsers(receivers, protocol::encodeFrame(presenter.event(event)));
    }
}

} // namespace confab::server

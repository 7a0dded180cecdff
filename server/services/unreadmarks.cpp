#include "unreadmarks.h"

#include "services/fanout.h"
#include "services/steps.h"
#include "storage/conversationstore.h"

namespace confab::server {

UnreadMarks::UnreadMarks(Database &db, Fanout &fanout)
    : m_conversations(std::make_unique<ConversationStore>(db)), m_fanout(fanout)
{
}

UnreadMarks::~UnreadMarks() = default;

Outcome<protocol::Ok> UnreadMarks::mark(const Identity &who, const protocol::ConversationMark &request)
{
    try {
        if (!m_conversations->access(request.conversationId, who.userId))
            return notFound(QStringLiteral("conversation"));
        // One statement: nothing to roll back, and marking twice changes (and tells) nothing.
        if (m_conversations->setMarkedUnread(request.conversationId, who.userId, request.unread))
            changed(request.conversationId, who.userId, request.unread);
        return protocol::Ok{};
    } catch (const StoreError &e) {
        return storeFailure(e);
    }
}

void UnreadMarks::readAgain(const QString &conversationId, const QString &userId)
{
    if (m_conversations->setMarkedUnread(conversationId, userId, false))
        changed(conversationId, userId, false);
}

void UnreadMarks::changed(const QString &conversationId, const QString &userId, bool unread)
{
    m_fanout.toUsers({userId}, protocol::encodeFrame(protocol::ConversationMarked{conversationId, unread}));
}

} // namespace confab::server

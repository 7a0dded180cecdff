// MessageListModel's messages from people I block: collapsed until the user asks to see one.
#include "messagelistmodel.h"

namespace confab::client {

bool MessageListModel::fromBlocked(const Row &row) const
{
    // Blind rooms' sender ids are aliases, never the user ids I block: nothing to match there, and
    // nothing that could tie an alias to a person.
    return !row.isSystem() && !row.pending && m_kind != protocol::ConversationKind::Blind &&
           !row.message.deleted && m_blocked.contains(row.message.senderId);
}

void MessageListModel::setBlockedUsers(const QSet<QString> &userIds)
{
    if (userIds == m_blocked)
        return;
    m_blocked = userIds;
    if (!m_rows.isEmpty())
        emit dataChanged(index(0), index(int(m_rows.size()) - 1), {SenderBlockedRole, CollapsedRole});
}

void MessageListModel::showBlocked(const QString &messageId)
{
    if (messageId.isEmpty() || m_shownBlocked.contains(messageId))
        return;
    m_shownBlocked.insert(messageId);
    const int row = rowOfMessage(messageId);
    if (row >= 0)
        emit dataChanged(index(row), index(row), {CollapsedRole});
}

} // namespace confab::client

// ChatClient's wiring of blocking and the profile card, apart from chatclient.cpp so that the
// feature stays in its own files.
#include "chatclient.h"

namespace confab::client {

void ChatClient::wireBlocks()
{
    connect(&m_connection, &Connection::pushed, &m_blocks, &Blocks::apply);
    // The timeline collapses what people I block write.
    connect(&m_blocks, &Blocks::changed, this, [this] {
        m_messages.setBlockedUsers(m_blocks.idSet());
        m_conversations.blocksChanged();
    });
    // Nor does the conversation list preview it.
    m_conversations.setBlockedCheck([this](const QString &userId) { return m_blocks.isBlocked(userId); });
    connect(&m_blocks, &Blocks::failed, this, [this] { emit errorOccurred(m_blocks.error()); });
    connect(this, &ChatClient::languageChanged, this, [this] { m_card.setLanguage(m_language); });
}

} // namespace confab::client

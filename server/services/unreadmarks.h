#pragma once

#include "services/authservice.h"
#include "services/outcome.h"

#include <memory>

namespace confab::server {

class ConversationStore;
class Database;
class Fanout;

/*!
 * A member's own "unread" mark on a conversation (docs/protocol.md, "Unread marks"). Read markers
 * never move back (DESIGN.md invariant 7), so marking a conversation unread is a flag of its own on
 * the member's row, as Slack and Telegram keep it: set or taken away by conversation.mark, taken
 * away when the member reads the conversation again, and pushed to all of the member's sessions on
 * every instance. The other members never learn of it.
 */
class UnreadMarks {
public:
    UnreadMarks(Database &db, Fanout &fanout);
    ~UnreadMarks();

    Outcome<protocol::Ok> mark(const Identity &who, const protocol::ConversationMark &request);
    //! After the member's read marker moved: a mark they had is taken away (and their devices told).
    void readAgain(const QString &conversationId, const QString &userId);

private:
    void changed(const QString &conversationId, const QString &userId, bool unread);

    std::unique_ptr<ConversationStore> m_conversations;
    Fanout &m_fanout;
};

} // namespace confab::server

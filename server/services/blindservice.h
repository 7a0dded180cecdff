#pragma once

#include "services/authservice.h"
#include "services/outcome.h"
#include "services/ratelimiter.h"

namespace confab::server {

class BlindStore;
class ConversationLog;
class ConversationStore;
class Database;

/*!
 * What blind rooms add to conversations: the mutual reveal (offers, their withdrawal, the pairs who
 * agreed, the owner's switch) and reports of members to the server's operator.
 *
 * A member's identity is shown to another member only when both offered: each to the other or to
 * the room. Each offer, withdrawal and resulting reveal is an event in the room's log; Presenter
 * decides who sees what of it.
 */
class BlindService {
public:
    BlindService(Database &db, ConversationLog &log);
    ~BlindService();

    Outcome<protocol::Ok> reveal(const Identity &who, const protocol::ConversationReveal &request);
    Outcome<protocol::Ok> setReveals(const Identity &who, const protocol::ConversationReveals &request);
    Outcome<protocol::Ok> report(const Identity &who, const protocol::MembersReport &request);

    BlindStore &store() { return *m_store; }
    void pruneLimiters() { m_reportLimiter.prune(); }

private:
    Outcome<protocol::Ok> offer(const Identity &who, const Conversation &conversation, const QString &toUserId);
    Outcome<protocol::Ok> withdraw(const Identity &who, const Conversation &conversation, const QString &toUserId);

    Database &m_db;
    ConversationLog &m_log;
    std::unique_ptr<ConversationStore> m_conversations;
    std::unique_ptr<BlindStore> m_store;
    RateLimiter m_reportLimiter; //!< reports per user: a few at once, then one a minute
};

} // namespace confab::server

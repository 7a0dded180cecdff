#pragma once

#include "services/authservice.h"
#include "services/outcome.h"

#include <memory>

namespace confab::server {

class AccountStore;
class ConversationLog;
class ConversationService;
class Database;
class Fanout;
class MatchStore;

/*!
 * Matching (conversation.match): several blind rooms made at once from one pool of people. The
 * plan comes from domain/matching.h; the rooms are written like conversation.create writes one
 * (ConversationService::writeNew), all of them and the round's pairs in one transaction, so that
 * a failure leaves no room behind. Only after the commit do the events and the rooms' details go
 * out, to every member on whichever instance they are connected.
 */
class MatchService {
public:
    MatchService(Database &db, ConversationLog &log, Fanout &fanout, ConversationService &conversations);
    ~MatchService();

    Outcome<protocol::Matched> match(const Identity &who, const protocol::MatchCreate &request);

private:
    Database &m_db;
    ConversationLog &m_log;
    Fanout &m_fanout;
    ConversationService &m_conversations;
    std::unique_ptr<AccountStore> m_accounts;
    std::unique_ptr<MatchStore> m_store;
};

} // namespace confab::server

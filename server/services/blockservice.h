#pragma once

#include "protocol/frames.h"
#include "services/authservice.h"
#include "services/outcome.h"

#include <memory>

namespace confab::server {

class Database;
class Fanout;
class PeopleStore;

/*!
 * Who I block. The list is mine alone: it reaches my own sessions (`blocks`) and nobody else's,
 * and the conversations refuse the blocked person through ConversationService without saying why.
 */
class BlockService {
public:
    BlockService(Database &db, Fanout &fanout);
    ~BlockService();

    //! Blocks or unblocks a real user; when the list changed, all my sessions get it whole.
    Outcome<protocol::Ok> setBlocked(const Identity &identity, const protocol::AccountBlock &request);
    Outcome<protocol::Blocks> list(const Identity &identity);

private:
    Database &m_db;
    Fanout &m_fanout;
    std::unique_ptr<PeopleStore> m_people;
};

} // namespace confab::server

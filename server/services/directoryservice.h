#pragma once

#include "protocol/frames.h"
#include "services/authservice.h"
#include "services/outcome.h"
#include "services/ratelimiter.h"

#include <memory>

namespace confab::server {

class Database;
class PeopleStore;
struct ServerConfig;

/*!
 * Finding people (user.search): by username or display name prefix, a page at a time, among the
 * people the server's `directory/visibility` lets the searcher find. Each user's searches are
 * rate-limited: autocomplete asks often, and a directory must not be read out in bulk.
 */
class DirectoryService {
public:
    DirectoryService(Database &db, const ServerConfig &config);
    ~DirectoryService();

    Outcome<protocol::Directory> search(const Identity &who, const protocol::UserSearch &request);
    void pruneLimiters() { m_limiter.prune(); }

private:
    const ServerConfig &m_config;
    std::unique_ptr<PeopleStore> m_people;
    RateLimiter m_limiter;
};

} // namespace confab::server

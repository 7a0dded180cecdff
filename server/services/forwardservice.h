#pragma once

#include "core/config.h"
#include "domain/model.h"
#include "services/authservice.h"
#include "services/outcome.h"
#include "services/ratelimiter.h"

#include <memory>

namespace confab::server {

class AttachmentStore;
class ConversationLog;
class ConversationStore;
class Database;
class EventStore;

/*!
 * Forwards a message to another conversation of the same user (docs/protocol.md, "Forwarding"):
 * the copy is a new message of the forwarder in the target, idempotent on its client id, acked
 * after its commit and delivered as the target's next `message` event. Its attachments are new
 * rows of the target that share the original's stored bytes (no byte is copied or uploaded). The
 * copy says only that it was forwarded: never from which conversation, nor who wrote the original,
 * so a blind room's alias (which means something only in its room) never leaves it, and into a blind
 * room the forwarder appears under their alias there like any sender.
 */
class ForwardService {
public:
    ForwardService(Database &db, const ServerConfig &config, ConversationLog &log);
    ~ForwardService();

    Outcome<protocol::MessageSent> forward(const Identity &who, const protocol::MessageForward &request);
    void pruneLimiters() { m_limiter.prune(); }

private:
    struct Staged {
        std::optional<Failure> failure;
        std::optional<Message> existing; //!< a retry: the copy stored before
        std::optional<StoredEvent> event;
    };
    //! The checks and writes inside the transaction.
    Staged stage(const Identity &who, const protocol::MessageForward &request);
    Outcome<protocol::MessageSent> reply(const protocol::MessageForward &request, const Staged &staged);

    Database &m_db;
    const ServerConfig &m_config;
    ConversationLog &m_log;
    std::unique_ptr<ConversationStore> m_conversations;
    std::unique_ptr<EventStore> m_events;
    std::unique_ptr<AttachmentStore> m_attachments;
    RateLimiter m_limiter; //!< forwards count like sends, in a bucket of their own
};

} // namespace confab::server

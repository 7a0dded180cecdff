#pragma once

#include "services/authservice.h"
#include "services/outcome.h"

#include <memory>

namespace confab::server {

class AttachmentStore;
class ConversationLog;
class ConversationStore;
class Database;
class EventStore;
class PinStore;
struct ServerConfig;

/*!
 * Pinned messages: pinning and unpinning (each an event with the conversation's next seq, so that
 * pins arrive live, in `sync` and on every instance like any other change), the list of what is
 * pinned now, and the owner's switch that lets members pin.
 *
 * Who pins: both members of a direct conversation; in groups and blind rooms owners and admins,
 * and members too where the owner allowed it (else the server's `messages/members_pin`). A deleted
 * message cannot be pinned, and deleting a pinned message unpins it (EventStore::eraseMessage):
 * the `delete` event says so, no `unpinned` follows.
 */
class PinService {
public:
    PinService(Database &db, const ServerConfig &config, ConversationLog &log);
    ~PinService();

    Outcome<protocol::Ok> pin(const Identity &who, const protocol::MessagePin &request);
    Outcome<protocol::Pins> list(const Identity &who, const protocol::PinsList &request);
    Outcome<protocol::Ok> setRights(const Identity &who, const protocol::PinRights &request);

private:
    //! Whether members may pin in `conversation` (direct conversations: always).
    bool membersPin(const Conversation &conversation);
    //! The attachment ids of a message, in the order sent (kept in its `pinned` event's payload).
    QList<QString> attachmentsOf(const QString &messageId);

    Database &m_db;
    const ServerConfig &m_config;
    ConversationLog &m_log;
    std::unique_ptr<ConversationStore> m_conversations;
    std::unique_ptr<EventStore> m_events;
    std::unique_ptr<PinStore> m_store;
    std::unique_ptr<AttachmentStore> m_attachments;
};

} // namespace confab::server

#pragma once

#include "app/config.h"
#include "services/authservice.h"
#include "services/outcome.h"
#include "services/ratelimiter.h"

namespace confab::server {

class ConversationLog;
class ConversationService;
class ConversationStore;
class AttachmentStore;
class Database;
class EventStore;
class Fanout;
class Presenter;
class StreamService;

/*!
 * Messages and everything that follows them: send (idempotent on the client's id), edit, delete,
 * react, history pages, sync after a gap and read/delivered markers.
 */
class MessageService {
public:
    MessageService(Database &db, const ServerConfig &config, ConversationLog &log, ConversationService &conversations,
                   Fanout &fanout);
    ~MessageService();

    Outcome<protocol::MessageSent> send(const Identity &who, const protocol::MessageSend &request);
    Outcome<protocol::Ok> edit(const Identity &who, const protocol::MessageEdit &request);
    Outcome<protocol::Ok> remove(const Identity &who, const protocol::MessageDelete &request);
    Outcome<protocol::Ok> react(const Identity &who, const protocol::MessageReact &request);
    Outcome<protocol::History> history(const Identity &who, const protocol::HistoryRequest &request);
    Outcome<protocol::SyncResult> sync(const Identity &who, const protocol::SyncRequest &request);
    Outcome<protocol::Ok> receipt(const Identity &who, const protocol::Receipt &request);
    Outcome<protocol::Thread> thread(const Identity &who, const protocol::ThreadRequest &request);
    StreamService &streams() { return *m_streams; }

    void pruneLimiters();

private:
    Database &m_db;
    const ServerConfig &m_config;
    ConversationLog &m_log;
    ConversationService &m_conversationService;
    Fanout &m_fanout;
    std::unique_ptr<ConversationStore> m_conversations;
    std::unique_ptr<EventStore> m_events;
    std::unique_ptr<AttachmentStore> m_attachments;
    RateLimiter m_sendLimiter;
    std::unique_ptr<StreamService> m_streams;

    //! Adds reactions and thread counts to the messages of a page: two queries for the whole page.
    void decorate(const Presenter &presenter, QList<protocol::MessageInfo *> messages);
    void decorate(const Presenter &presenter, QList<protocol::Event> &events);
};

} // namespace confab::server

#pragma once

#include "core/config.h"
#include "domain/model.h"
#include "services/authservice.h"
#include "services/outcome.h"
#include "services/ratelimiter.h"

#include <functional>
#include <memory>

namespace confab::server {

class ConversationLog;
class ConversationService;
class ConversationStore;
class AttachmentStore;
class Database;
class EventStore;
class Fanout;
class GroupCommit;
class MentionStore;
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

    using SendDone = std::function<void(const Outcome<protocol::MessageSent> &)>;
    //! Sends in the open group commit (services/groupcommit.h): `done` is called once the message is
    //! durable, or refused, possibly after later requests were handled.
    void send(const Identity &who, const protocol::MessageSend &request, SendDone done);
    //! Sends in a transaction of its own. `limited`: whether the send rate limit applies.
    Outcome<protocol::MessageSent> send(const Identity &who, const protocol::MessageSend &request,
                                        bool limited = true);
    Outcome<protocol::Ok> edit(const Identity &who, const protocol::MessageEdit &request);
    Outcome<protocol::Ok> remove(const Identity &who, const protocol::MessageDelete &request);
    Outcome<protocol::Ok> react(const Identity &who, const protocol::MessageReact &request);
    Outcome<protocol::History> history(const Identity &who, const protocol::HistoryRequest &request);
    Outcome<protocol::SyncResult> sync(const Identity &who, const protocol::SyncRequest &request);
    Outcome<protocol::Ok> receipt(const Identity &who, const protocol::Receipt &request);
    Outcome<protocol::Thread> thread(const Identity &who, const protocol::ThreadRequest &request);
    StreamService &streams() { return *m_streams; }
    //! Called when a member who marked a conversation unread read it again (services/unreadmarks.h).
    void setOnReadAgain(std::function<void(const QString &conversationId, const QString &userId)> readAgain)
    {
        m_readAgain = std::move(readAgain);
    }
    //! Commits the messages staged for a group commit now (e.g. before shutting down).
    void flush();

    void pruneLimiters();

private:
    //! A send's checks and writes inside the caller's transaction: refused, a retry of a stored
    //! message, or a new one (its event carries it).
    //! The mentions `given` with `body`, checked and with user ids (domain/mentions.h), or why not.
    std::variant<QList<MentionRecord>, Failure> resolveMentions(const Member &me, const QString &body,
                                                                 const QList<protocol::Mention> &given);
    struct StagedSend {
        std::optional<Failure> failure;
        std::optional<Message> existing;
        std::optional<StoredEvent> event;
    };
    StagedSend stageSend(const Identity &who, const protocol::MessageSend &request, bool limited);
    //! After the commit: delivers a new message and builds the reply.
    Outcome<protocol::MessageSent> finishSend(const protocol::MessageSend &request, const StagedSend &staged);

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
    std::unique_ptr<GroupCommit> m_groupCommit; //!< null when server/group_commit is off
    std::unique_ptr<MentionStore> m_mentions;
    std::function<void(const QString &, const QString &)> m_readAgain;

    //! Adds reactions and thread counts to the messages of a page: two queries for the whole page.
    void decorate(const Presenter &presenter, QList<protocol::MessageInfo *> messages);
    void decorate(const Presenter &presenter, QList<protocol::Event> &events);
};

} // namespace confab::server

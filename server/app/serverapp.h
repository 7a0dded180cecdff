#pragma once

#include "core/config.h"

#include <QObject>
#include <QTimer>

#include <memory>

namespace confab::server {

class AttachmentService;
class AccountDeletion;
class AccountService;
class DirectoryService;
class BlockService;
class AvatarService;
class AuthService;
class BlindService;
class RevealScheduler;
class ClusterBus;
class ConversationLog;
class ConversationService;
class ConversationStore;
class Database;
class Dispatcher;
class EventStore;
class ExportService;
class ForwardService;
class UnreadMarks;
class HealthHttp;
class Hub;
class Listener;
class LiveService;
class MatchService;
class MessageService;
class Metrics;
class PasswordHasher;
class PinService;
class SearchService;

//! The serving process, assembled: database, services, fan-out and the listener, wired in order.
class ServerApp : public QObject {
    Q_OBJECT
public:
    explicit ServerApp(ServerConfig config, QObject *parent = nullptr);
    ~ServerApp() override;

    bool start(QString *error);
    void stop();
    QString url() const;

private:
    void sweep();

    //! Tells, when TLS is made from a self-signed certificate, whether it was made now.
    bool prepareTls(QString *error);

    ServerConfig m_config;
    QTimer m_sweep;
    std::unique_ptr<Metrics> m_metrics; //!< first in, last out: every part below may record into it
    std::unique_ptr<Database> m_db;
    std::unique_ptr<PasswordHasher> m_hasher;
    std::unique_ptr<Hub> m_hub;
    std::unique_ptr<ClusterBus> m_bus; //!< PostgreSQL only: delivery across server instances
    std::unique_ptr<ConversationStore> m_conversationStore;
    std::unique_ptr<EventStore> m_eventStore;
    std::unique_ptr<ConversationLog> m_log;
    std::unique_ptr<AuthService> m_auth;
    std::unique_ptr<AccountService> m_accounts;
    std::unique_ptr<AvatarService> m_avatars;
    std::unique_ptr<ConversationService> m_conversations;
    std::unique_ptr<MessageService> m_messages;
    std::unique_ptr<LiveService> m_live;
    std::unique_ptr<SearchService> m_search;
    std::unique_ptr<BlindService> m_blind; //!< after m_log: the log reads reveals through it
    std::unique_ptr<RevealScheduler> m_reveals; //!< after m_blind: fires its scheduled reveals
    std::unique_ptr<AttachmentService> m_attachments;
    std::unique_ptr<ForwardService> m_forward;
    std::unique_ptr<UnreadMarks> m_marks; //!< after m_messages, which calls it when a member reads again
    std::unique_ptr<PinService> m_pins;
    std::unique_ptr<MatchService> m_matching; //!< after the conversations and the log it writes through
    std::unique_ptr<ExportService> m_exports; //!< after m_attachments, whose blob stores it shares
    std::unique_ptr<AccountDeletion> m_deletion; //!< the same; m_accounts calls it
    std::unique_ptr<DirectoryService> m_directory;
    std::unique_ptr<BlockService> m_blocks;
    std::unique_ptr<Dispatcher> m_dispatcher;
    std::unique_ptr<Listener> m_listener;
    std::unique_ptr<HealthHttp> m_health; //!< metrics/port only
};

} // namespace confab::server

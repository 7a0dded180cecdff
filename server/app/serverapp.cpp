#include "serverapp.h"

#include "domain/passwords.h"
#include "logging.h"
#include "net/clientsession.h"
#include "net/dispatcher.h"
#include "net/hub.h"
#include "net/listener.h"
#include "services/authservice.h"
#include "services/conversationlog.h"
#include "services/conversationservice.h"
#include "services/liveservice.h"
#include "services/messageservice.h"
#include "storage/conversationstore.h"
#include "storage/database.h"
#include "storage/eventstore.h"
#include "storage/migrations.h"

#include <QDir>

namespace confab::server {

ServerApp::ServerApp(ServerConfig config, QObject *parent) : QObject(parent), m_config(std::move(config)) {}

ServerApp::~ServerApp()
{
    // The listener's sessions refer to the services: it goes first.
    m_listener.reset();
}

bool ServerApp::start(QString *error)
{
    if (!QDir().mkpath(m_config.dataDir)) {
        *error = QStringLiteral("cannot create the data folder %1").arg(m_config.dataDir);
        return false;
    }
    const auto url = m_config.resolvedDatabase(error);
    if (!url)
        return false;
    m_db = std::make_unique<Database>(*url, QStringLiteral("confab-main"));
    if (!m_db->open(error)) {
        *error = QStringLiteral("cannot open the database %1: %2").arg(url->redacted(), *error);
        return false;
    }
    Migrations migrations(*m_db);
    if (!migrations.migrate(error))
        return false;

    m_hasher = std::make_unique<PasswordHasher>();
    m_hub = std::make_unique<Hub>();
    m_conversationStore = std::make_unique<ConversationStore>(*m_db);
    m_eventStore = std::make_unique<EventStore>(*m_db);
    m_log = std::make_unique<ConversationLog>(*m_conversationStore, *m_eventStore, *m_hub);
    m_auth = std::make_unique<AuthService>(*m_db, m_config, *m_hasher, *m_hub);
    m_conversations = std::make_unique<ConversationService>(*m_db, *m_log, *m_hub);
    m_messages = std::make_unique<MessageService>(*m_db, m_config, *m_log, *m_conversations, *m_hub);
    m_live = std::make_unique<LiveService>(*m_db, m_config, *m_hub);
    m_dispatcher = std::make_unique<Dispatcher>(*m_auth, *m_conversations, *m_messages, *m_live);
    m_listener = std::make_unique<Listener>(m_config, *m_dispatcher, *m_hub);
    if (!m_listener->listen(error))
        return false;
    qCInfo(lcServer).noquote() << "database" << url->redacted() << "schema version" << Migrations::kSchemaVersion;
    connect(&m_sweep, &QTimer::timeout, this, &ServerApp::sweep);
    m_sweep.start(int(m_config.sessionCheckMs));
    return true;
}

void ServerApp::sweep()
{
    // Sessions can end outside this process (the admin CLI disables a user, another instance
    // revokes, they expire): connections that lost theirs are closed.
    const auto sessions = m_hub->sessions();
    QHash<QString, bool> valid;
    try {
        for (ClientSession *session : sessions) {
            const Identity &who = session->identity();
            if (!who.isValid())
                continue;
            auto it = valid.find(who.sessionId);
            if (it == valid.end())
                it = valid.insert(who.sessionId, m_auth->sessionValid(who));
            if (!*it)
                session->closeWith(protocol::CloseCode::SessionRevoked, QStringLiteral("session ended"));
        }
    } catch (const StoreError &) {
        // The database is unreachable right now; try again at the next sweep.
    }
    m_messages->pruneLimiters();
    m_live->prune();
}

void ServerApp::stop()
{
    if (m_listener)
        m_listener->shutdown();
}

QString ServerApp::url() const
{
    return m_listener ? m_listener->url() : QString();
}

} // namespace confab::server

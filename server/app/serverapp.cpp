#include "serverapp.h"

#include "app/healthhttp.h"
#include "app/selfsigned.h"
#include "core/logging.h"
#include "core/metrics.h"
#include "domain/clock.h"
#include "domain/passwords.h"
#include "net/clientsession.h"
#include "net/clusterbus.h"
#include "net/dispatcher.h"
#include "net/hub.h"
#include "net/listener.h"
#include "services/attachmentservice.h"
#include "services/accountdeletion.h"
#include "services/accountservice.h"
#include "services/directoryservice.h"
#include "services/blockservice.h"
#include "services/authservice.h"
#include "services/avatarservice.h"
#include "services/blindservice.h"
#include "services/exportservice.h"
#include "services/matchservice.h"
#include "services/revealscheduler.h"
#include "services/conversationlog.h"
#include "services/conversationservice.h"
#include "services/forwardservice.h"
#include "services/unreadmarks.h"
#include "services/liveservice.h"
#include "services/messageservice.h"
#include "services/pinservice.h"
#include "services/searchservice.h"
#include "storage/conversationstore.h"
#include "storage/database.h"
#include "storage/eventstore.h"
#include "storage/migrations.h"

#include <QDir>

namespace confab::server {

ServerApp::ServerApp(ServerConfig config, QObject *parent)
    : QObject(parent), m_config(std::move(config)), m_metrics(std::make_unique<Metrics>())
{
}

ServerApp::~ServerApp()
{
    // Messages staged for a group commit are committed (and answered) while everything they
    // refer to still exists.
    if (m_messages)
        m_messages->flush();
    // The listener's sessions refer to the services: it goes first.
    m_health.reset();
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
    m_db = std::make_unique<Database>(*url, QStringLiteral("confab-main"), m_metrics.get());
    if (!m_db->open(error)) {
        *error = QStringLiteral("cannot open the database %1: %2").arg(url->redacted(), *error);
        return false;
    }
    Migrations migrations(*m_db);
    if (!migrations.migrate(error))
        return false;

    m_hasher = std::make_unique<PasswordHasher>();
    m_hub = std::make_unique<Hub>(m_metrics.get());
    Fanout *fanout = m_hub.get();
    if (m_db->dialect() == Database::Dialect::PostgreSQL) {
        m_bus = std::make_unique<ClusterBus>(*m_db, *m_hub, m_metrics.get());
        if (m_bus->listen())
            fanout = m_bus.get();
    }
    m_conversationStore = std::make_unique<ConversationStore>(*m_db);
    m_eventStore = std::make_unique<EventStore>(*m_db);
    m_log = std::make_unique<ConversationLog>(*m_conversationStore, *m_eventStore, *fanout, m_metrics.get());
    m_auth = std::make_unique<AuthService>(*m_db, m_config, *m_hasher, *fanout, m_metrics.get());
    m_auth->setAdmission([this](const QString &userId) { return m_hub->connectionsOf(userId) < m_config.connectionsPerUser; });
    m_conversations = std::make_unique<ConversationService>(*m_db, *m_log, *fanout);
    m_messages = std::make_unique<MessageService>(*m_db, m_config, *m_log, *m_conversations, *fanout);
    m_live = std::make_unique<LiveService>(*m_db, m_config, *fanout);
    m_search = std::make_unique<SearchService>(*m_db, *m_log);
    m_blind = std::make_unique<BlindService>(*m_db, *m_log);
    m_log->setBlindStore(&m_blind->store());
    if (fanout == m_bus.get()) {
        m_bus->setEventHandler([this](const QString &conversationId, qint64 seq) { m_log->deliverRemote(conversationId, seq); });
        m_bus->setPresenceHandler(
            [this](const QString &instanceId, const ClusterBus::PresencePicture &statuses, bool complete) {
                m_live->remotePresence(instanceId, statuses, complete);
            });
        m_bus->setPresenceSource([this] { return m_live->localPresence(); });
        m_bus->setInstanceGoneHandler([this](const QString &instanceId) { m_live->instanceGone(instanceId); });
        m_live->setAnnouncer(
            [this](const QString &userId, const QString &status) { m_bus->announcePresence({{userId, status}}); });
    }
    m_db->setOnReconnect([this] {
        // Whatever other instances announced meanwhile was missed: LISTEN again, and let every
        // client reconnect and sync (they do so by themselves, with backoff).
        if (m_bus)
            m_bus->listen();
        if (m_listener) {
            const auto sessions = m_hub->sessions();
            for (ClientSession *session : sessions)
                session->closeWith(protocol::CloseCode::GoingAway, QStringLiteral("the database connection was restored"));
        }
    });
    m_dispatcher = std::make_unique<Dispatcher>(*m_auth, *m_conversations, *m_messages, *m_live, *m_search);
    m_attachments = std::make_unique<AttachmentService>(*m_db, m_config);
    if (!m_attachments->prepare(error))
        return false;
    m_dispatcher->setAttachments(m_attachments.get());
    m_dispatcher->setBlind(m_blind.get());
    m_accounts = std::make_unique<AccountService>(*m_db, m_config, *m_hasher, m_auth->throttle(), *fanout);
    m_dispatcher->setAccounts(m_accounts.get());
    m_deletion = std::make_unique<AccountDeletion>(*m_db, m_config, *m_log, *m_conversations, *fanout);
    m_accounts->setDeletion(m_deletion.get());
    m_directory = std::make_unique<DirectoryService>(*m_db, m_config);
    m_dispatcher->setDirectory(m_directory.get());
    m_forward = std::make_unique<ForwardService>(*m_db, m_config, *m_log);
    m_marks = std::make_unique<UnreadMarks>(*m_db, *fanout);
    m_messages->setOnReadAgain([this](const QString &conversationId, const QString &userId) {
        m_marks->readAgain(conversationId, userId);
    });
    m_dispatcher->setForwarding(m_forward.get(), m_marks.get());
    m_pins = std::make_unique<PinService>(*m_db, m_config, *m_log);
    m_dispatcher->setPins(m_pins.get());
    m_matching = std::make_unique<MatchService>(*m_db, *m_log, *fanout, *m_conversations);
    m_dispatcher->setMatching(m_matching.get());
    m_exports = std::make_unique<ExportService>(*m_db, m_config, *fanout, m_attachments->workerBlobs());
    m_dispatcher->setExports(m_exports.get());
    m_blocks = std::make_unique<BlockService>(*m_db, *fanout);
    m_dispatcher->setBlocks(m_blocks.get());
    m_avatars = std::make_unique<AvatarService>(*m_db, *fanout);
    m_dispatcher->setAvatars(m_avatars.get());
    if (!prepareTls(error))
        return false;
    m_listener = std::make_unique<Listener>(m_config, *m_dispatcher, *m_hub);
    if (!m_listener->listen(error))
        return false;
    if (m_config.metricsPort != 0) {
        m_metrics->setGaugeSource([this] {
            Metrics::Gauges g;
            for (const ClientSession *session : m_hub->sessions()) {
                ++g.connections;
                if (session->identity().isValid())
                    ++g.authenticatedSessions;
                const qint64 queued = session->queuedBytes();
                g.queuedBytesSum += queued;
                g.queuedBytesMax = std::max(g.queuedBytesMax, queued);
            }
            return g;
        });
        m_health = std::make_unique<HealthHttp>(m_config, *m_metrics, *m_db);
        if (!m_health->listen(error))
            return false;
        qCInfo(lcServer).noquote() << "health and metrics on" << m_health->url() + QStringLiteral("/healthz")
                                   << "and" << m_health->url() + QStringLiteral("/metrics");
    }
    qCInfo(lcServer).noquote() << "database" << url->redacted() << "schema version" << Migrations::kSchemaVersion;
    connect(&m_sweep, &QTimer::timeout, this, &ServerApp::sweep);
    m_sweep.start(int(m_config.sessionCheckMs));
    // Scheduled reveals that fell due while no instance ran fire now; the rest at their time.
    m_reveals = std::make_unique<RevealScheduler>(*m_blind);
    m_blind->setOnScheduleChanged([this] { m_reveals->poke(); });
    m_reveals->start();
    return true;
}

bool ServerApp::prepareTls(QString *error)
{
    if (m_config.tlsSelfSigned) {
        m_config.resolveSelfSignedPaths();
        bool created = false;
        if (!selfsigned::ensure(m_config.tlsCert, m_config.tlsKey, &created, error))
            return false;
        if (created)
            qCInfo(lcServer).noquote() << "made a self-signed TLS certificate" << m_config.tlsCert << "and key" << m_config.tlsKey;
    }
    if (m_config.tls()) {
        // Users of a self-signed certificate compare this with what their client shows.
        QString why;
        if (const auto fp = selfsigned::fingerprint(m_config.tlsCert, &why))
            qCInfo(lcServer).noquote() << "TLS certificate SHA-256 fingerprint" << *fp;
    }
    return true;
}

void ServerApp::sweep()
{
    // Sessions can end outside this process (the admin CLI disables a user, another instance
    // revokes, they expire): connections that lost theirs are closed.
    // One query per hundred sessions: per-session lookups held the socket thread for 2 queries
    // × every connection at each sweep (about 100 ms with 1,000 connections).
    const auto sessions = m_hub->sessions();
    QSet<QString> ids;
    for (ClientSession *session : sessions) {
        if (session->identity().isValid())
            ids.insert(session->identity().sessionId);
    }
    try {
        const QSet<QString> standing = m_auth->standingSessions(QList<QString>(ids.cbegin(), ids.cend()));
        for (ClientSession *session : sessions) {
            const Identity &who = session->identity();
            if (who.isValid() && !standing.contains(who.sessionId))
                session->closeWith(protocol::CloseCode::SessionRevoked, QStringLiteral("session ended"));
        }
    } catch (const StoreError &e) {
        // The database is unreachable right now; try again at the next sweep.
        qCWarning(lcStore) << "the session check is left for the next sweep:" << e.what();
    }
    m_messages->pruneLimiters();
    m_blind->pruneLimiters();
    m_forward->pruneLimiters();
    m_directory->pruneLimiters();
    if (m_bus)
        m_bus->prune();
    m_live->prune();
}

void ServerApp::stop()
{
    if (m_messages)
        m_messages->flush();
    if (m_listener)
        m_listener->shutdown();
}

QString ServerApp::url() const
{
    return m_listener ? m_listener->url() : QString();
}

} // namespace confab::server

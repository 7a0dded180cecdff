#include "clusterbus.h"

#include "core/logging.h"
#include "core/metrics.h"
#include "domain/clock.h"
#include "domain/ids.h"
#include "net/hub.h"
#include "storage/database.h"

namespace confab::server {

namespace {
const QString kChannel = QStringLiteral("confab");
//! PostgreSQL refuses NOTIFY payloads of 8000 bytes and more.
constexpr qsizetype kMaxPayloadBytes = 7900;
} // namespace

ClusterBus::ClusterBus(Database &db, Hub &hub, Metrics *metrics, QObject *parent)
    : QObject(parent), m_db(db), m_store(db), m_hub(hub), m_metrics(metrics), m_instanceId(ids::make('i'))
{
    connect(&m_heartbeat, &QTimer::timeout, this, &ClusterBus::beat);
}

void ClusterBus::setHeartbeatInterval(int ms)
{
    m_heartbeatMs = std::max(100, ms);
    if (m_heartbeat.isActive())
        m_heartbeat.start(m_heartbeatMs);
}

void ClusterBus::beat()
{
    send(bus::Heartbeat{});
    const qint64 deadline = nowMs() - 3 * qint64(m_heartbeatMs) - 1000;
    for (auto it = m_lastHeard.begin(); it != m_lastHeard.end();) {
        if (it.value() < deadline) {
            const QString gone = it.key();
            it = m_lastHeard.erase(it);
            qCInfo(lcServer).noquote() << "instance" << gone << "fell silent: its connections are gone";
            if (m_onInstanceGone)
                m_onInstanceGone(gone);
        } else {
            ++it;
        }
    }
}

ClusterBus::~ClusterBus() = default;

bool ClusterBus::listen()
{
    if (m_db.dialect() != Database::Dialect::PostgreSQL)
        return false;
    QSqlDriver *driver = m_db.handle().driver();
    if (!driver)
        return false;
    disconnect(driver, nullptr, this, nullptr);
    connect(driver, &QSqlDriver::notification, this, &ClusterBus::onNotification);
    if (!driver->subscribedToNotifications().contains(kChannel) && !driver->subscribeToNotification(kChannel)) {
        qCWarning(lcServer) << "cannot LISTEN on the database: other instances will not reach this one";
        return false;
    }
    m_listening = true;
    qCInfo(lcServer).noquote() << "instance" << m_instanceId << "listening for other instances";
    // Presence announced while we were not listening was missed: ask everyone for theirs. Ours may
    // have been missed too (announcements fail while the database is away): send all of it.
    sayHello();
    sendPresencePicture();
    m_heartbeat.start(m_heartbeatMs);
    return true;
}

void ClusterBus::send(const bus::Message &message, bool inTransaction)
{
    if (!m_listening)
        return;
    const bus::Envelope envelope{m_instanceId, nowMs()}; // "ts": receivers measure the NOTIFY lag with it
    QByteArray payload = bus::encode(envelope, message);
    try {
        if (payload.size() > kMaxPayloadBytes) {
            // Too large for NOTIFY: park it and send its id.
            const QString id = ids::make('b');
            m_store.park(id, payload, envelope.sentAt);
            payload = bus::encodeParked(envelope, id);
        }
        m_store.notify(kChannel, payload);
    } catch (const StoreError &e) {
        qCWarning(lcStore) << "NOTIFY failed:" << e.what();
        if (inTransaction)
            throw;
        // Other instances miss this one; their clients catch up through sync on the next event.
    }
}

void ClusterBus::eventAppended(const QString &conversationId, qint64 seq)
{
    send(bus::EventAppended{conversationId, seq}, true);
}

void ClusterBus::sayHello(const QString &instanceId)
{
    bus::Hello hello;
    if (!instanceId.isEmpty())
        hello.to = instanceId;
    send(hello);
}

void ClusterBus::announcePresence(const PresencePicture &statuses, bool complete)
{
    // "pr", not the "p" of servers that counted sessions: a server of that kind ignores these.
    send(bus::Presence{statuses, complete});
}

void ClusterBus::sendPresencePicture()
{
    if (m_presenceSource)
        announcePresence(m_presenceSource(), true);
}

void ClusterBus::toUsers(const QList<QString> &userIds, const QByteArray &frame, Delivery delivery)
{
    m_hub.toUsers(userIds, frame, delivery);
    if (!m_listening || userIds.isEmpty())
        return;
    send(bus::FrameToUsers{userIds, QString::fromUtf8(frame), delivery == Delivery::Droppable});
}

void ClusterBus::toLocalUsers(const QList<QString> &userIds, const QByteArray &frame, Delivery delivery)
{
    m_hub.toUsers(userIds, frame, delivery);
}

void ClusterBus::endSession(const QString &sessionId)
{
    m_hub.endSession(sessionId);
    send(bus::EndSession{sessionId});
}

void ClusterBus::endUser(const QString &userId)
{
    m_hub.endUser(userId);
    send(bus::EndUser{userId});
}

void ClusterBus::onNotification(const QString &name, QSqlDriver::NotificationSource, const QVariant &payload)
{
    if (name != kChannel)
        return;
    auto decoded = bus::decode(payload.toString().toUtf8());
    if (!decoded) {
        qCWarning(lcNet).noquote() << "ignored a bus message that does not decode:" << decoded.errorString();
        return;
    }
    const QString origin = decoded->envelope.origin;
    if (origin == m_instanceId)
        return; // our own, already delivered locally
    const bool known = m_lastHeard.contains(origin);
    m_lastHeard.insert(origin, nowMs());
    if (m_metrics && decoded->envelope.sentAt > 0)
        m_metrics->notifyLag(nowMs() - decoded->envelope.sentAt);
    const std::optional<bus::Decoded> full = unpark(std::move(decoded).value());
    const bus::Message *message = full && full->message ? &*full->message : nullptr;
    // An instance we did not know of, or had taken as gone: what it said before is missing here,
    // unless this is its hello (it is new) or its complete picture.
    const auto *presence = message ? std::get_if<bus::Presence>(message) : nullptr;
    const bool introduces = (message && std::holds_alternative<bus::Hello>(*message)) || (presence && presence->complete);
    if (!known && !introduces)
        sayHello(origin);
    if (!full)
        return;
    if (!message)
        return ignoreUnknown(origin, full->kind);
    std::visit([&](const auto &m) { handle(origin, m); }, *message);
}

std::optional<bus::Decoded> ClusterBus::unpark(bus::Decoded decoded)
{
    if (!decoded.parkedId)
        return decoded;
    const QString id = *decoded.parkedId;
    std::optional<QByteArray> stored;
    try {
        stored = m_store.parked(id);
    } catch (const StoreError &e) {
        qCWarning(lcStore) << "parked bus message" << id << "not read:" << e.what();
        return std::nullopt;
    }
    if (!stored) {
        qCWarning(lcNet) << "parked bus message" << id << "is gone (pruned before it was read)";
        return std::nullopt;
    }
    auto full = bus::decode(*stored);
    if (!full || full->parkedId) {
        qCWarning(lcNet).noquote() << "ignored parked bus message" << id << "that does not decode:"
                                   << (full ? QStringLiteral("a reference again") : full.errorString());
        return std::nullopt;
    }
    return std::move(full).value();
}

void ClusterBus::ignoreUnknown(const QString &origin, const QString &kind)
{
    // Once per instance and kind: an instance of a newer version may send it with every heartbeat.
    if (m_unknownKinds.size() > 1000)
        m_unknownKinds.clear();
    const QString key = origin + u'/' + kind;
    if (m_unknownKinds.contains(key))
        return;
    m_unknownKinds.insert(key);
    qCInfo(lcNet).noquote() << QStringLiteral("ignored bus messages of unknown kind \"%1\" from instance %2 "
                                              "(an instance of another version?)")
                                   .arg(kind, origin);
}

void ClusterBus::handle(const QString &, const bus::EventAppended &message)
{
    if (m_onEvent)
        m_onEvent(message.conversationId, message.seq);
}

void ClusterBus::handle(const QString &, const bus::FrameToUsers &message)
{
    m_hub.toUsers(message.userIds, message.frame.toUtf8(), message.droppable ? Delivery::Droppable : Delivery::Required);
}

void ClusterBus::handle(const QString &, const bus::EndSession &message)
{
    m_hub.endSession(message.sessionId);
}

void ClusterBus::handle(const QString &, const bus::EndUser &message)
{
    m_hub.endUser(message.userId);
}

void ClusterBus::handle(const QString &origin, const bus::Presence &message)
{
    if (m_onPresence)
        m_onPresence(origin, message.statuses, message.complete);
}

void ClusterBus::handle(const QString &, const bus::Hello &message)
{
    if (!message.to || *message.to == m_instanceId)
        sendPresencePicture();
}

void ClusterBus::handle(const QString &, const bus::Heartbeat &)
{
    // Being heard is all it says (m_lastHeard).
}

void ClusterBus::prune()
{
    if (!m_listening)
        return;
    try {
        m_store.prune(nowMs() - 60'000);
    } catch (const StoreError &e) {
        // The rows wait for the next prune.
        qCWarning(lcStore) << "parked bus messages not pruned:" << e.what();
    }
}

} // namespace confab::server

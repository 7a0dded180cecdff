#include "clusterbus.h"

#include "core/logging.h"
#include "core/metrics.h"
#include "domain/clock.h"
#include "domain/ids.h"
#include "net/hub.h"
#include "storage/database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace confab::server {

namespace {
const QString kChannel = QStringLiteral("confab");
//! PostgreSQL refuses NOTIFY payloads of 8000 bytes and more.
constexpr qsizetype kMaxPayloadBytes = 7900;
} // namespace

ClusterBus::ClusterBus(Database &db, Hub &hub, Metrics *metrics, QObject *parent)
    : QObject(parent), m_db(db), m_hub(hub), m_metrics(metrics), m_instanceId(ids::make('i'))
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
    notify({{QStringLiteral("t"), QStringLiteral("hb")}});
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

void ClusterBus::notify(const QJsonObject &message, bool inTransaction)
{
    if (!m_listening)
        return;
    QJsonObject m = message;
    m.insert(QStringLiteral("o"), m_instanceId);
    const qint64 sentAt = nowMs(); // "ts": receivers measure the NOTIFY lag with it
    m.insert(QStringLiteral("ts"), sentAt);
    QByteArray payload = QJsonDocument(m).toJson(QJsonDocument::Compact);
    try {
        if (payload.size() > kMaxPayloadBytes) {
            // Too large for NOTIFY: park it in a row and send its id.
            const QString id = ids::make('b');
            m_db.exec(QStringLiteral("INSERT INTO bus_payloads (id, payload, created_at) VALUES (?, ?, ?)"),
                      {id, QString::fromUtf8(payload), nowMs()})
                .finish();
            payload = QJsonDocument(QJsonObject{{QStringLiteral("o"), m_instanceId}, {QStringLiteral("ref"), id},
                                                {QStringLiteral("ts"), sentAt}})
                          .toJson(QJsonDocument::Compact);
        }
        m_db.exec(QStringLiteral("SELECT pg_notify(?, ?)"), {kChannel, QString::fromUtf8(payload)}).finish();
    } catch (const StoreError &e) {
        qCWarning(lcServer) << "NOTIFY failed:" << e.what();
        if (inTransaction)
            throw;
        // Other instances miss this one; their clients catch up through sync on the next event.
    }
}

void ClusterBus::eventAppended(const QString &conversationId, qint64 seq)
{
    notify({{QStringLiteral("t"), QStringLiteral("e")}, {QStringLiteral("c"), conversationId}, {QStringLiteral("s"), seq}},
           true);
}

void ClusterBus::sayHello(const QString &instanceId)
{
    QJsonObject hello{{QStringLiteral("t"), QStringLiteral("hello")}};
    if (!instanceId.isEmpty())
        hello.insert(QStringLiteral("to"), instanceId);
    notify(hello);
}

void ClusterBus::announcePresence(const PresencePicture &statuses, bool complete)
{
    QJsonObject users;
    for (auto it = statuses.cbegin(); it != statuses.cend(); ++it)
        users.insert(it.key(), it.value());
    // "pr", not the "p" of servers that counted sessions: a server of that kind ignores these.
    notify({{QStringLiteral("t"), QStringLiteral("pr")}, {QStringLiteral("u"), users}, {QStringLiteral("all"), complete}});
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
    notify({{QStringLiteral("t"), QStringLiteral("f")},
            {QStringLiteral("u"), QJsonArray::fromStringList(QStringList(userIds))},
            {QStringLiteral("f"), QString::fromUtf8(frame)},
            {QStringLiteral("d"), delivery == Delivery::Droppable}});
}

void ClusterBus::toLocalUsers(const QList<QString> &userIds, const QByteArray &frame, Delivery delivery)
{
    m_hub.toUsers(userIds, frame, delivery);
}

void ClusterBus::endSession(const QString &sessionId)
{
    m_hub.endSession(sessionId);
    notify({{QStringLiteral("t"), QStringLiteral("end")}, {QStringLiteral("s"), sessionId}});
}

void ClusterBus::endUser(const QString &userId)
{
    m_hub.endUser(userId);
    notify({{QStringLiteral("t"), QStringLiteral("endu")}, {QStringLiteral("u"), userId}});
}

void ClusterBus::onNotification(const QString &name, QSqlDriver::NotificationSource, const QVariant &payload)
{
    if (name != kChannel)
        return;
    const QJsonObject message = QJsonDocument::fromJson(payload.toString().toUtf8()).object();
    const QString origin = message.value(QStringLiteral("o")).toString();
    if (origin == m_instanceId)
        return; // our own, already delivered locally
    const bool known = m_lastHeard.contains(origin);
    m_lastHeard.insert(origin, nowMs());
    if (m_metrics && message.contains(QStringLiteral("ts")))
        m_metrics->notifyLag(nowMs() - qint64(message.value(QStringLiteral("ts")).toDouble()));
    QJsonObject full = message;
    const QString ref = message.value(QStringLiteral("ref")).toString();
    if (!ref.isEmpty()) {
        try {
            QSqlQuery &q = m_db.exec(QStringLiteral("SELECT payload FROM bus_payloads WHERE id = ?"), {ref});
            const QString stored = q.next() ? q.value(0).toString() : QString();
            q.finish();
            full = QJsonDocument::fromJson(stored.toUtf8()).object();
        } catch (const StoreError &) {
            full = {};
        }
    }
    // An instance we did not know of, or had taken as gone: what it said before is missing here,
    // unless this is its hello (it is new) or its complete picture.
    const QString type = full.value(QStringLiteral("t")).toString();
    const bool introduces = type == QLatin1StringView("hello")
                            || (type == QLatin1StringView("pr") && full.value(QStringLiteral("all")).toBool());
    if (!known && !introduces)
        sayHello(origin);
    handle(full);
}

void ClusterBus::handle(const QJsonObject &message)
{
    const QString type = message.value(QStringLiteral("t")).toString();
    if (type == QLatin1StringView("e")) {
        if (m_onEvent)
            m_onEvent(message.value(QStringLiteral("c")).toString(), qint64(message.value(QStringLiteral("s")).toDouble()));
    } else if (type == QLatin1StringView("f")) {
        QList<QString> users;
        for (const QJsonValue &u : message.value(QStringLiteral("u")).toArray())
            users.append(u.toString());
        m_hub.toUsers(users, message.value(QStringLiteral("f")).toString().toUtf8(),
                      message.value(QStringLiteral("d")).toBool() ? Delivery::Droppable : Delivery::Required);
    } else if (type == QLatin1StringView("end")) {
        m_hub.endSession(message.value(QStringLiteral("s")).toString());
    } else if (type == QLatin1StringView("endu")) {
        m_hub.endUser(message.value(QStringLiteral("u")).toString());
    } else if (type == QLatin1StringView("pr")) {
        if (!m_onPresence)
            return;
        PresencePicture statuses;
        const QJsonObject users = message.value(QStringLiteral("u")).toObject();
        for (auto it = users.constBegin(); it != users.constEnd(); ++it)
            statuses.insert(it.key(), it.value().toString());
        m_onPresence(message.value(QStringLiteral("o")).toString(), statuses, message.value(QStringLiteral("all")).toBool());
    } else if (type == QLatin1StringView("hello")) {
        const QString to = message.value(QStringLiteral("to")).toString();
        if (to.isEmpty() || to == m_instanceId)
            sendPresencePicture();
    }
}

void ClusterBus::prune()
{
    if (!m_listening)
        return;
    try {
        m_db.exec(QStringLiteral("DELETE FROM bus_payloads WHERE created_at < ?"), {nowMs() - 60'000}).finish();
    } catch (const StoreError &) {
    }
}

} // namespace confab::server

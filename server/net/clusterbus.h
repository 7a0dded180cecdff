#pragma once

#include "net/busmessages.h"
#include "services/fanout.h"
#include "storage/busstore.h"

#include <QHash>
#include <QSet>
#include <QObject>
#include <QTimer>
#include <QSqlDriver>

#include <functional>

namespace confab::server {

class Database;
class Hub;
class Metrics;

/*!
 * Several confab-server instances on one PostgreSQL act as one server: every delivery is made to
 * this instance's own connections (Hub) and announced to the others with NOTIFY on one channel;
 * each instance delivers what it hears to its own connections.
 *
 * The messages are the typed kinds of net/busmessages.h. Log events travel as references
 * (conversation, seq) NOTIFYed inside the transaction that wrote them, so that PostgreSQL delivers
 * them in commit order; receivers read and present the event themselves. Other frames (typing,
 * markers, presence, conversation details) travel whole, or, when larger than NOTIFY's payload
 * limit, parked in the bus store (storage/busstore.h) and sent as a reference to it. A kind this
 * instance does not know (one of a newer version, during a rolling upgrade) is ignored and logged.
 *
 * Instances also keep track of each other for presence: each tells the others, per user, the
 * status of its own connections; each sends a heartbeat, and one that falls silent is taken as gone
 * with all its connections. One that starts (or listens again) says hello, and the others send it
 * their whole picture; one heard from that was not known (taken as gone too early, say) is asked
 * for its whole picture with a hello addressed to it.
 */
class ClusterBus : public QObject, public Fanout {
    Q_OBJECT
public:
    //! `metrics`, when given, records how late other instances' NOTIFYs arrive (payloads carry their send time).
    ClusterBus(Database &db, Hub &hub, Metrics *metrics = nullptr, QObject *parent = nullptr);
    ~ClusterBus() override;

    //! LISTENs (again, after a reconnect). False when the database cannot notify (SQLite).
    bool listen();
    QString instanceId() const { return m_instanceId; }

    //! Inside the writing transaction: tells the other instances about a new log event.
    void eventAppended(const QString &conversationId, qint64 seq) override;
    //! What to do with a log event another instance wrote: deliver it to this instance's connections.
    void setEventHandler(std::function<void(const QString &conversationId, qint64 seq)> handler)
    {
        m_onEvent = std::move(handler);
    }
    //! Presence: user id → status of that user's connections on one instance ("online", "away", or
    //! "offline": none there). A complete picture lists every user connected there and no one else.
    using PresencePicture = QHash<QString, QString>;
    //! Tells the others about this instance's connections.
    void announcePresence(const PresencePicture &statuses, bool complete = false);
    //! What another instance announced.
    using PresenceHandler = std::function<void(const QString &instanceId, const PresencePicture &statuses, bool complete)>;
    void setPresenceHandler(PresenceHandler handler) { m_onPresence = std::move(handler); }
    //! This instance's complete picture, sent when another instance asks (hello) and after listening again.
    void setPresenceSource(std::function<PresencePicture()> source) { m_presenceSource = std::move(source); }
    //! An instance fell silent for longer than three heartbeats.
    void setInstanceGoneHandler(std::function<void(const QString &instanceId)> handler)
    {
        m_onInstanceGone = std::move(handler);
    }
    //! How often this instance says it is alive (others give up on it after three misses).
    void setHeartbeatInterval(int ms);
    //! Deletes payload rows nobody needs any more.
    void prune();

    void toUsers(const QList<QString> &userIds, const QByteArray &frame, Delivery delivery = Delivery::Required) override;
    void toLocalUsers(const QList<QString> &userIds, const QByteArray &frame, Delivery delivery = Delivery::Required) override;
    void endSession(const QString &sessionId) override;
    void endUser(const QString &userId) override;

private:
    //! `inTransaction`: the caller's transaction carries it. A failure then fails the transaction:
    //! PostgreSQL aborted it already, and its COMMIT would roll back without an error.
    void send(const bus::Message &message, bool inTransaction = false);
    void onNotification(const QString &name, QSqlDriver::NotificationSource source, const QVariant &payload);
    //! The message itself when `decoded` is a reference to a parked one; nothing (logged) when it cannot be read.
    std::optional<bus::Decoded> unpark(bus::Decoded decoded);
    void ignoreUnknown(const QString &origin, const QString &kind);
    void handle(const QString &origin, const bus::EventAppended &message);
    void handle(const QString &origin, const bus::FrameToUsers &message);
    void handle(const QString &origin, const bus::EndSession &message);
    void handle(const QString &origin, const bus::EndUser &message);
    void handle(const QString &origin, const bus::Presence &message);
    void handle(const QString &origin, const bus::Hello &message);
    void handle(const QString &origin, const bus::Heartbeat &message);
    void beat();
    //! Asks every instance, or just `instanceId`, for its complete presence picture.
    void sayHello(const QString &instanceId = {});
    void sendPresencePicture();

    Database &m_db;
    BusStore m_store;
    Hub &m_hub;
    Metrics *m_metrics = nullptr;
    QString m_instanceId;
    bool m_listening = false;
    std::function<void(const QString &, qint64)> m_onEvent;
    PresenceHandler m_onPresence;
    std::function<PresencePicture()> m_presenceSource;
    std::function<void(const QString &)> m_onInstanceGone;
    QHash<QString, qint64> m_lastHeard; //!< other instance id → when it was last heard (ms)
    QSet<QString> m_unknownKinds; //!< "instance/kind" already logged as ignored
    QTimer m_heartbeat;
    int m_heartbeatMs = 2000;
};

} // namespace confab::server

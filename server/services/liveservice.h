#pragma once

#include "core/config.h"
#include "services/authservice.h"
#include "services/outcome.h"
#include "services/ratelimiter.h"

#include <QElapsedTimer>
#include <QHash>
#include <QTimer>

#include <functional>

namespace confab::server {

class ConversationStore;
class Database;
class Fanout;

/*!
 * The ephemeral state (DESIGN.md invariant 6): who is online, away or offline, and who is typing
 * where. Kept in memory only, never written to the database; typing expires by itself and ends
 * when the typer sends, stops, or goes offline.
 */
class LiveService : public QObject {
    Q_OBJECT
public:
    LiveService(Database &db, const ServerConfig &config, Fanout &fanout, QObject *parent = nullptr);
    ~LiveService() override;

    //! A connection signed in / went away (`connection`: its id, unique among this instance's
    //! connections). A user is online while any of their connections is open, here or on another
    //! instance; changes of that are told to the user's contacts.
    void connectionOpened(quint64 connection, const Identity &who);
    void connectionClosed(quint64 connection, const Identity &who);
    //! The presence of my contacts who are not offline, to send right after sign-in.
    QList<protocol::PresenceUpdate> presenceFor(const QString &userId);

    //! People who now share a conversation learn each other's presence.
    void introduce(const QList<QString> &userIds);
    //! Sets the status of one connection: the user is away when every connection of theirs is.
    Outcome<protocol::Ok> setPresence(quint64 connection, const Identity &who, const protocol::PresenceSet &request);
    Outcome<protocol::Ok> typing(const Identity &who, const protocol::Typing &request);
    //! A message from `userId` ends their typing in that conversation.
    void messageSent(const QString &userId, const QString &conversationId);

    void prune();

    // Several instances: each tells the others, per user, the status of its own connections
    // ("online", "away", or "offline" for none), and each tells its own connections when the status
    // over all instances changes. Counting connections per instance, not sessions, keeps a session
    // open on two instances (a client that moved) from being closed by the other's news.

    //! Called when this instance's status for a user changes.
    void setAnnouncer(std::function<void(const QString &userId, const QString &status)> announce)
    {
        m_announce = std::move(announce);
    }
    //! What another instance says of its connections, user → status there. `complete`: the whole
    //! picture, so that users it does not list have no connection there.
    void remotePresence(const QString &instanceId, const QHash<QString, QString> &statuses, bool complete);
    //! Another instance stopped answering (killed, cut off): its connections are gone. Each surviving
    //! instance tells its own connections about users now connected nowhere, since the instance
    //! that had them cannot.
    void instanceGone(const QString &instanceId);
    //! This instance's own picture, user → status here, for an instance that asks for it.
    QHash<QString, QString> localPresence() const;

private:
    struct UserState {
        QHash<quint64, protocol::PresenceStatus> connections; //!< this instance's connection id → online/away
        qint64 lastSeen = 0;
        QHash<QString, qint64> typingUntil; //!< conversation id → expiry (elapsed ms)
    };
    //! The user's status on this instance alone, and over every instance.
    protocol::PresenceStatus localStatusOf(const QString &userId) const;
    protocol::PresenceStatus statusOf(const QString &userId) const;
    //! Applies a change to this instance's connections of a user, then announces and tells what changed.
    void changeLocal(const QString &userId, const std::function<void(UserState &)> &change);
    //! Tells this instance's connections when the user's status over every instance is no longer `before`.
    void statusChanged(const QString &userId, protocol::PresenceStatus before);
    void sendTyping(const QString &userId, const QString &conversationId, bool active);
    void expireTyping();

    Database &m_db;
    const ServerConfig &m_config;
    Fanout &m_fanout;
    std::unique_ptr<ConversationStore> m_conversations;
    QHash<QString, UserState> m_users;
    qsizetype m_openConnections = 0; //!< signed-in connections on this instance
    //! Other instance id → the users connected there → their status there (online/away).
    QHash<QString, QHash<QString, protocol::PresenceStatus>> m_remote;
    RateLimiter m_typingLimiter;
    QElapsedTimer m_clock;
    QTimer m_expiry;
    std::function<void(const QString &, const QString &)> m_announce;
};

} // namespace confab::server

#pragma once

#include "app/config.h"
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

    //! A connection signed in / went away. Presence changes are broadcast to the user's contacts.
    void sessionOpened(const Identity &who);
    void sessionClosed(const Identity &who);
    //! The presence of my contacts who are not offline, to send right after sign-in.
    QList<protocol::PresenceUpdate> presenceFor(const QString &userId);

    //! People who now share a conversation learn each other's presence.
    void introduce(const QList<QString> &userIds);
    Outcome<protocol::Ok> setPresence(const Identity &who, const protocol::PresenceSet &request);
    Outcome<protocol::Ok> typing(const Identity &who, const protocol::Typing &request);
    //! A message from `userId` ends their typing in that conversation.
    void messageSent(const QString &userId, const QString &conversationId);

    void prune();

    //! Sessions on other server instances count for presence too: they are announced and heard here.
    void setAnnouncer(std::function<void(const QString &userId, const QString &sessionId, const QString &status)> announce)
    {
        m_announce = std::move(announce);
    }
    void remoteSession(const QString &instanceId, const QString &userId, const QString &sessionId, const QString &status);
    //! Another instance stopped answering (killed, cut off): its sessions are gone. Each surviving
    //! instance tells its own connections, since the instance that owned them cannot.
    void instanceGone(const QString &instanceId);
    struct SessionState {
        QString userId;
        QString sessionId;
        QString status; //!< "online" or "away"
    };
    //! This instance's own sessions, for an instance that starts after them.
    QList<SessionState> localSessions() const;

private:
    struct UserState {
        QHash<QString, protocol::PresenceStatus> sessions; //!< session id → online/away
        qint64 lastSeen = 0;
        QHash<QString, qint64> typingUntil; //!< conversation id → expiry (elapsed ms)
    };
    protocol::PresenceStatus statusOf(const QString &userId) const;
    void broadcastPresence(const QString &userId, bool localOnly = false);
    void sendTyping(const QString &userId, const QString &conversationId, bool active);
    void expireTyping();

    Database &m_db;
    const ServerConfig &m_config;
    Fanout &m_fanout;
    std::unique_ptr<ConversationStore> m_conversations;
    QHash<QString, UserState> m_users;
    QHash<QString, QHash<QString, QString>> m_remote; //!< instance id → its session ids → user id
    RateLimiter m_typingLimiter;
    QElapsedTimer m_clock;
    QTimer m_expiry;
    std::function<void(const QString &, const QString &, const QString &)> m_announce;
};

} // namespace confab::server

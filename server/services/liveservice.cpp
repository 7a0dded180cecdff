#include "liveservice.h"

#include "domain/clock.h"
#include "domain/presenter.h"
#include "services/fanout.h"
#include "storage/conversationstore.h"
#include "storage/database.h"

#include <QSet>

namespace confab::server {

using protocol::ErrorCode;
using protocol::PresenceStatus;

LiveService::LiveService(Database &db, const ServerConfig &config, Fanout &fanout, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_config(config)
    , m_fanout(fanout)
    , m_conversations(std::make_unique<ConversationStore>(db))
    // A well-behaved client refreshes every typing_refresh_ms; allow a little slack per conversation.
    , m_typingLimiter(5.0, 3000.0 / double(std::max<qint64>(config.limits.typingRefreshMs, 1)))
{
    m_clock.start();
    m_expiry.setInterval(500);
    connect(&m_expiry, &QTimer::timeout, this, &LiveService::expireTyping);
    m_expiry.start();
}

LiveService::~LiveService() = default;

PresenceStatus LiveService::statusOf(const QString &userId) const
{
    const auto it = m_users.constFind(userId);
    if (it == m_users.constEnd() || it->sessions.isEmpty())
        return PresenceStatus::Offline;
    for (const PresenceStatus s : it->sessions) {
        if (s == PresenceStatus::Online)
            return PresenceStatus::Online;
    }
    return PresenceStatus::Away;
}

void LiveService::broadcastPresence(const QString &userId, bool localOnly)
{
    const PresenceStatus status = statusOf(userId);
    protocol::PresenceUpdate update{userId, status, std::nullopt};
    if (status == PresenceStatus::Offline)
        update.lastSeen = m_users.value(userId).lastSeen;
    try {
        // Only people who share a conversation that is not blind: presence there would link an alias to a person.
        QList<QString> contacts = m_conversations->contactsOf(userId);
        contacts.removeAll(userId);
        const QByteArray frame = protocol::encodeFrame(update);
        if (localOnly) {
            m_fanout.toLocalUsers(contacts, frame);
            return;
        }
        m_fanout.toUsers(contacts, frame, Fanout::Delivery::Droppable);
        // My own other devices learn it too (e.g. "away" on one, "online" on another).
        m_fanout.toUsers({userId}, frame, Fanout::Delivery::Droppable);
    } catch (const StoreError &) {
        // Presence is best effort: the next change or sign-in carries the truth.
    }
}

void LiveService::remoteSession(const QString &instanceId, const QString &userId, const QString &sessionId,
                                const QString &status)
{
    // The instance that owns the session broadcasts the change; here we only keep count.
    UserState &state = m_users[userId];
    if (status == QLatin1StringView("closed")) {
        m_remote[instanceId].remove(sessionId);
        state.sessions.remove(sessionId);
        if (state.sessions.isEmpty())
            state.lastSeen = nowMs();
    } else {
        m_remote[instanceId].insert(sessionId, userId);
        state.sessions.insert(sessionId, protocol::enumFromName<PresenceStatus>(status).value_or(PresenceStatus::Online));
    }
}

void LiveService::instanceGone(const QString &instanceId)
{
    const QHash<QString, QString> sessions = m_remote.take(instanceId);
    QSet<QString> users;
    for (auto it = sessions.cbegin(); it != sessions.cend(); ++it)
        users.insert(it.value());
    for (const QString &userId : users) {
        UserState &state = m_users[userId];
        const PresenceStatus before = statusOf(userId);
        for (auto it = sessions.cbegin(); it != sessions.cend(); ++it) {
            if (it.value() == userId)
                state.sessions.remove(it.key());
        }
        if (state.sessions.isEmpty())
            state.lastSeen = nowMs();
        if (statusOf(userId) != before)
            broadcastPresence(userId, true);
    }
}

QList<LiveService::SessionState> LiveService::localSessions() const
{
    QSet<QString> remote;
    for (const auto &sessions : m_remote) {
        for (auto it = sessions.cbegin(); it != sessions.cend(); ++it)
            remote.insert(it.key());
    }
    QList<SessionState> out;
    for (auto user = m_users.cbegin(); user != m_users.cend(); ++user) {
        for (auto s = user->sessions.cbegin(); s != user->sessions.cend(); ++s) {
            if (!remote.contains(s.key()))
                out.append({user.key(), s.key(), protocol::enumName(s.value())});
        }
    }
    return out;
}

void LiveService::sessionOpened(const Identity &who)
{
    if (m_announce)
        m_announce(who.userId, who.sessionId, QStringLiteral("online"));
    UserState &state = m_users[who.userId];
    const PresenceStatus before = statusOf(who.userId);
    state.sessions.insert(who.sessionId, PresenceStatus::Online);
    if (statusOf(who.userId) != before)
        broadcastPresence(who.userId);
}

void LiveService::sessionClosed(const Identity &who)
{
    if (m_announce)
        m_announce(who.userId, who.sessionId, QStringLiteral("closed"));
    auto it = m_users.find(who.userId);
    if (it == m_users.end())
        return;
    const PresenceStatus before = statusOf(who.userId);
    it->sessions.remove(who.sessionId);
    if (it->sessions.isEmpty()) {
        it->lastSeen = nowMs();
        // Gone offline: whatever they were typing will not be finished now.
        const auto typing = std::exchange(it->typingUntil, {});
        for (auto t = typing.cbegin(); t != typing.cend(); ++t)
            sendTyping(who.userId, t.key(), false);
    }
    if (statusOf(who.userId) != before)
        broadcastPresence(who.userId);
}

QList<protocol::PresenceUpdate> LiveService::presenceFor(const QString &userId)
{
    QList<protocol::PresenceUpdate> out;
    try {
        for (const QString &contact : m_conversations->contactsOf(userId)) {
            const PresenceStatus s = statusOf(contact);
            if (s != PresenceStatus::Offline && contact != userId)
                out.append({contact, s, std::nullopt});
        }
    } catch (const StoreError &) {
    }
    return out;
}

void LiveService::introduce(const QList<QString> &userIds)
{
    for (const QString &userId : userIds) {
        const PresenceStatus status = statusOf(userId);
        if (status == PresenceStatus::Offline)
            continue;
        QList<QString> others = userIds;
        others.removeAll(userId);
        m_fanout.toUsers(others, protocol::encodeFrame(protocol::PresenceUpdate{userId, status, std::nullopt}),
                         Fanout::Delivery::Droppable);
    }
}

Outcome<protocol::Ok> LiveService::setPresence(const Identity &who, const protocol::PresenceSet &request)
{
    if (m_announce)
        m_announce(who.userId, who.sessionId, protocol::enumName(request.status));
    UserState &state = m_users[who.userId];
    const PresenceStatus before = statusOf(who.userId);
    state.sessions.insert(who.sessionId, request.status);
    if (statusOf(who.userId) != before)
        broadcastPresence(who.userId);
    return protocol::Ok{};
}

void LiveService::sendTyping(const QString &userId, const QString &conversationId, bool active)
{
    try {
        const auto conversation = m_conversations->byId(conversationId);
        const auto member = m_conversations->member(conversationId, userId);
        if (!conversation || !member)
            return;
        const Presenter presenter(*conversation, {*member});
        QList<QString> others = m_conversations->activeMemberIds(conversationId);
        others.removeAll(userId);
        m_fanout.toUsers(others,
                         protocol::encodeFrame(protocol::TypingUpdate{conversationId, presenter.memberId(userId), active}),
                         Fanout::Delivery::Droppable);
    } catch (const StoreError &) {
    }
}

Outcome<protocol::Ok> LiveService::typing(const Identity &who, const protocol::Typing &request)
{
    try {
        const auto me = m_conversations->member(request.conversationId, who.userId);
        if (!me || !me->active)
            return notFound(QStringLiteral("conversation"));
    } catch (const StoreError &e) {
        return storeFailure(e);
    }
    UserState &state = m_users[who.userId];
    if (request.active) {
        if (const qint64 wait = m_typingLimiter.take(who.userId + u'/' + request.conversationId))
            return Failure{ErrorCode::RateLimited, QStringLiteral("typing updates are throttled"), wait, {}};
        state.typingUntil.insert(request.conversationId, m_clock.elapsed() + m_config.limits.typingExpireMs);
    } else if (!state.typingUntil.remove(request.conversationId)) {
        return protocol::Ok{}; // was not typing: nothing to tell anyone
    }
    // Not echoed to any of the typer's own devices.
    sendTyping(who.userId, request.conversationId, request.active);
    return protocol::Ok{};
}

void LiveService::messageSent(const QString &userId, const QString &conversationId)
{
    // Receivers drop the typing line when the message arrives; the server just forgets it.
    auto it = m_users.find(userId);
    if (it != m_users.end())
        it->typingUntil.remove(conversationId);
}

void LiveService::expireTyping()
{
    const qint64 now = m_clock.elapsed();
    for (auto u = m_users.begin(); u != m_users.end(); ++u) {
        for (auto t = u->typingUntil.begin(); t != u->typingUntil.end();) {
            if (t.value() <= now) {
                sendTyping(u.key(), t.key(), false);
                t = u->typingUntil.erase(t);
            } else {
                ++t;
            }
        }
    }
}

void LiveService::prune()
{
    m_typingLimiter.prune();
    // Offline users with nothing pending are kept only for their last-seen time; forget them after a day.
    const qint64 dayAgo = nowMs() - 24 * 3600 * 1000;
    for (auto it = m_users.begin(); it != m_users.end();) {
        if (it->sessions.isEmpty() && it->typingUntil.isEmpty() && it->lastSeen < dayAgo)
            it = m_users.erase(it);
        else
            ++it;
    }
}

} // namespace confab::server

#include "liveservice.h"

#include "core/logging.h"
#include "domain/clock.h"
#include "domain/presenter.h"
#include "services/fanout.h"
#include "services/steps.h"
#include "storage/conversationstore.h"
#include "storage/database.h"

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

namespace {
//! The combined status of several: online when any is online, away when all are away.
PresenceStatus combine(PresenceStatus a, PresenceStatus b)
{
    if (a == PresenceStatus::Online || b == PresenceStatus::Online)
        return PresenceStatus::Online;
    if (a == PresenceStatus::Away || b == PresenceStatus::Away)
        return PresenceStatus::Away;
    return PresenceStatus::Offline;
}
} // namespace

PresenceStatus LiveService::localStatusOf(const QString &userId) const
{
    PresenceStatus status = PresenceStatus::Offline;
    const auto it = m_users.constFind(userId);
    if (it != m_users.constEnd()) {
        for (const PresenceStatus s : it->connections)
            status = combine(status, s);
    }
    return status;
}

PresenceStatus LiveService::statusOf(const QString &userId) const
{
    PresenceStatus status = localStatusOf(userId);
    for (const auto &instance : m_remote)
        status = combine(status, instance.value(userId, PresenceStatus::Offline));
    return status;
}

void LiveService::changeLocal(const QString &userId, const std::function<void(UserState &)> &change)
{
    const PresenceStatus before = statusOf(userId);
    const PresenceStatus hereBefore = localStatusOf(userId);
    UserState &state = m_users[userId];
    const qsizetype open = state.connections.size();
    change(state);
    m_openConnections += state.connections.size() - open;
    const PresenceStatus here = localStatusOf(userId);
    if (here != hereBefore && m_announce)
        m_announce(userId, protocol::enumName(here));
    statusChanged(userId, before);
}

void LiveService::statusChanged(const QString &userId, PresenceStatus before)
{
    const PresenceStatus status = statusOf(userId);
    if (status == before)
        return;
    protocol::PresenceUpdate update{userId, status, std::nullopt};
    if (status == PresenceStatus::Offline) {
        m_users[userId].lastSeen = nowMs();
        update.lastSeen = m_users[userId].lastSeen;
    }
    // Nobody here to tell (an instance that just started hears everyone else's users at once).
    if (m_openConnections == 0)
        return;
    try {
        // Only people who share a conversation that is not blind: presence there would link an alias
        // to a person. My own other devices learn it too (e.g. "away" on one, "online" on another).
        // Every instance makes the same decision from the same news, each for its own connections.
        QList<QString> receivers = m_conversations->contactsOf(userId);
        receivers.removeAll(userId);
        receivers.append(userId);
        m_fanout.toLocalUsers(receivers, protocol::encodeFrame(update), Fanout::Delivery::Droppable);
    } catch (const StoreError &e) {
        // Presence is best effort: the next change or sign-in carries the truth.
        qCWarning(lcStore) << "presence of" << userId << "not told to its contacts:" << e.what();
    }
}

void LiveService::remotePresence(const QString &instanceId, const QHash<QString, QString> &statuses, bool complete)
{
    // Everything is applied before anyone is told: telling may close a connection that does not read.
    QHash<QString, PresenceStatus> before;
    for (auto it = statuses.cbegin(); it != statuses.cend(); ++it)
        before.insert(it.key(), statusOf(it.key()));
    QHash<QString, PresenceStatus> &there = m_remote[instanceId];
    if (complete) {
        for (auto it = there.cbegin(); it != there.cend(); ++it) {
            if (!before.contains(it.key()))
                before.insert(it.key(), statusOf(it.key()));
        }
        there.clear();
    }
    for (auto it = statuses.cbegin(); it != statuses.cend(); ++it) {
        const PresenceStatus status = protocol::enumFromName<PresenceStatus>(it.value()).value_or(PresenceStatus::Offline);
        if (status == PresenceStatus::Offline)
            there.remove(it.key());
        else
            there.insert(it.key(), status);
    }
    if (there.isEmpty())
        m_remote.remove(instanceId);
    for (auto it = before.cbegin(); it != before.cend(); ++it)
        statusChanged(it.key(), it.value());
}

void LiveService::instanceGone(const QString &instanceId)
{
    // Only users connected nowhere else go offline: a client that already resumed here, or on a
    // third instance, stays online.
    remotePresence(instanceId, {}, true);
}

QHash<QString, QString> LiveService::localPresence() const
{
    QHash<QString, QString> out;
    for (auto it = m_users.cbegin(); it != m_users.cend(); ++it) {
        const PresenceStatus status = localStatusOf(it.key());
        if (status != PresenceStatus::Offline)
            out.insert(it.key(), protocol::enumName(status));
    }
    return out;
}

void LiveService::connectionOpened(quint64 connection, const Identity &who)
{
    changeLocal(who.userId, [connection](UserState &state) { state.connections.insert(connection, PresenceStatus::Online); });
}

void LiveService::connectionClosed(quint64 connection, const Identity &who)
{
    QHash<QString, qint64> typing;
    changeLocal(who.userId, [&](UserState &state) {
        state.connections.remove(connection);
        // Their last connection here is gone: what they were typing through it will not be finished now.
        if (state.connections.isEmpty())
            typing = std::exchange(state.typingUntil, {});
    });
    for (auto t = typing.cbegin(); t != typing.cend(); ++t)
        sendTyping(who.userId, t.key(), false);
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
    } catch (const StoreError &e) {
        // Sign-in goes on without the picture; later changes still arrive.
        qCWarning(lcStore) << "presence of the contacts of" << userId << "not read:" << e.what();
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

Outcome<protocol::Ok> LiveService::setPresence(quint64 connection, const Identity &who,
                                               const protocol::PresenceSet &request)
{
    changeLocal(who.userId, [&](UserState &state) { state.connections.insert(connection, request.status); });
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
    } catch (const StoreError &e) {
        // Typing is ephemeral: the next refresh (or its expiry on the receivers) puts it right.
        qCWarning(lcStore) << "typing in" << conversationId << "not told:" << e.what();
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
        if (it->connections.isEmpty() && it->typingUntil.isEmpty() && it->lastSeen < dayAgo)
            it = m_users.erase(it);
        else
            ++it;
    }
}

} // namespace confab::server

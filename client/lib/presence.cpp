#include "presence.h"

namespace confab::client {

using namespace confab::protocol;

Presence::Presence(Connection &connection, ConversationState &state, QObject *parent)
    : QObject(parent), m_connection(connection), m_state(state), m_typingOut([this](const QString &conversationId, bool active) {
        if (m_connection.isOnline())
            m_connection.send(Typing{conversationId, active});
    })
{
    connect(&m_typingIn, &TypingTracker::changed, this, &Presence::typingChanged);
    connect(&connection, &Connection::stateChanged, this, [this](Connection::State now) {
        if (now != Connection::State::Online)
            m_typingIn.clear(); // nobody's typing can be trusted across a gap; the server re-sends
    });
    // Who writes a message has stopped typing it.
    connect(&state, &ConversationState::messageReceived, this,
            [this](const QString &conversationId, const MessageInfo &message) {
        m_typingIn.memberSpoke(conversationId, message.senderId);
    });
}

void Presence::start(const Limits &limits)
{
    m_typingIn.setExpireMs(limits.typingExpireMs);
    m_typingOut.setTimings(limits.typingRefreshMs, limits.typingStopMs);
    // A reconnect (after sleep, say) must not turn an away user back online.
    if (m_away)
        m_connection.send(PresenceSet{PresenceStatus::Away});
}

void Presence::apply(const Frame &pushed)
{
    std::visit(
        [this](const auto &frame) {
            if constexpr (!std::is_same_v<std::decay_t<decltype(frame)>, std::monostate>)
                handle(frame);
        },
        pushed);
}

void Presence::handle(const TypingUpdate &update)
{
    if (update.memberId != m_state.myMemberId(update.conversationId))
        m_typingIn.update(update.conversationId, update.memberId, update.active);
}

void Presence::handle(const PresenceUpdate &update)
{
    m_presence.insert(update.userId, enumName(update.status));
    if (update.status == PresenceStatus::Offline)
        m_typingIn.memberOffline(update.userId);
    emit presenceChanged(update.userId);
}

void Presence::composerTextChanged(const QString &conversationId, const QString &text)
{
    m_typingOut.textChanged(conversationId, text.trimmed().isEmpty());
}

void Presence::setSendTyping(bool send)
{
    if (m_sendTyping == send)
        return;
    m_sendTyping = send;
    m_typingOut.setEnabled(send);
    emit sendTypingChanged();
}

void Presence::setAway(bool away)
{
    if (m_away == away)
        return;
    m_away = away;
    if (m_connection.isOnline())
        m_connection.send(PresenceSet{away ? PresenceStatus::Away : PresenceStatus::Online});
    emit awayChanged();
}

} // namespace confab::client

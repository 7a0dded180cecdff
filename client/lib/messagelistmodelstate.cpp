// MessageListModel following the ConversationState: the timeline of the conversation the user
// opened, kept in step with what the state learns and what the outbox holds.
#include "blindnames.h"
#include "conversationstate.h"
#include "messagelistmodel.h"
#include "outbox.h"

#include <limits>

namespace confab::client {

using namespace confab::protocol;

void MessageListModel::observe(const ConversationState *state, const Outbox *outbox)
{
    m_state = state;
    m_outbox = outbox;
    const auto shown = [this](const QString &conversationId) {
        return !conversationId.isEmpty() && conversationId == m_conversationId;
    };
    m_lookup = [this](const QString &messageId) { return m_state->cache().message(m_conversationId, messageId); };
    connect(state, &ConversationState::opened, this, &MessageListModel::showFromState);
    connect(state, &ConversationState::historyReset, this, [this, shown](const QString &conversationId) {
        if (shown(conversationId))
            showFromState(conversationId);
    });
    connect(state, &ConversationState::messageChanged, this, [this, shown](const QString &conversationId, const MessageInfo &m) {
        if (shown(conversationId))
            upsertMessage(m);
    });
    connect(state, &ConversationState::streamChanged, this, [this, shown](const QString &conversationId, const MessageInfo &m) {
        if (shown(conversationId))
            setStreamBody(m.id, m.body);
    });
    connect(state, &ConversationState::reactionsChanged, this, [this, shown](const QString &conversationId, const QString &messageId) {
        if (shown(conversationId))
            setMessageReactions(messageId, m_state->cache().reactions(conversationId, messageId));
    });
    for (const auto signal : {&ConversationState::membersChanged, &ConversationState::markersChanged}) {
        connect(state, signal, this, [this, shown](const QString &conversationId) {
            if (shown(conversationId))
                refreshMembers();
        });
    }
    connect(state, &ConversationState::olderLoaded, this,
            [this, shown](const QString &conversationId, const QList<MessageInfo> &older, bool more) {
        if (shown(conversationId))
            prependOlder(older, eventsAbove(older, more), more);
    });
    connect(state, &ConversationState::timelineEventAdded, this, [this, shown](const Event &event) {
        if (shown(event.conversationId))
            addSystemEvent(event);
    });
    connect(outbox, &Outbox::pendingChanged, this, [this, shown](const QString &conversationId) {
        if (shown(conversationId))
            setPending(m_outbox->items());
    });
    // The reveal line moves with the rows; the reveal itself arrives with the members it revealed
    // (membersChanged, above).
    connect(this, &MessageListModel::countChanged, this, &MessageListModel::revealedChanged);
}

int MessageListModel::revealRow() const
{
    if (m_revealedAt <= 0)
        return -1;
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].pending || m_rows[i].message.createdAt >= m_revealedAt)
            return i;
    }
    return int(m_rows.size());
}

void MessageListModel::showFromState(const QString &conversationId)
{
    const bool open = m_state->isOpen() && !conversationId.isEmpty();
    const auto c = m_state->conversation(conversationId);
    const QList<MessageInfo> recent = open ? m_state->cache().messages(conversationId, 0, 50) : QList<MessageInfo>();
    // The conversation's own events from the oldest message shown on (all of them before the first message).
    const QList<Event> events = open ? m_state->cache().timelineEvents(conversationId, recent.isEmpty() ? 0 : recent.first().seq,
                                                                        std::numeric_limits<qint64>::max())
                                     : QList<Event>();
    refreshNames(conversationId);
    show(conversationId, c ? c->kind : ConversationKind::Group, m_state->myMemberId(conversationId), recent, events,
         m_outbox->items(), c ? c->readSeq : 0);
    refreshMembers();
    setReactions(open ? m_state->cache().reactions(conversationId) : QList<LocalCache::Reaction>());
    // Older messages exist when the oldest we hold is not the conversation's first event.
    setCanLoadOlder(rowCount() > 0 && oldestSeq() > 0 ? oldestSeq() > 1 : (c && c->lastSeq > 0));
}

QList<Event> MessageListModel::eventsAbove(const QList<MessageInfo> &older, bool more) const
{
    // Down to the oldest of these messages while there are older ones still (the events below it
    // come with that page), else down to the start.
    if (!m_state || !m_state->isOpen() || (more && older.isEmpty()))
        return {};
    const qint64 oldest = oldestSeq();
    return m_state->cache().timelineEvents(m_conversationId, more ? older.first().seq : 0,
                                           oldest > 0 ? oldest - 1 : std::numeric_limits<qint64>::max());
}

void MessageListModel::refreshNames(const QString &conversationId)
{
    // Aliases in the UI language, never the names revealed to me: the lines of events name no one.
    m_systemNames.clear();
    for (const MemberInfo &m : m_state->members(conversationId))
        m_systemNames.insert(m.id, blind::aliasName(m, m_language));
}

void MessageListModel::refreshMembers()
{
    refreshNames(m_conversationId);
    setMembers(blind::forDisplay(m_state->members(m_conversationId), m_language), m_state->markers(m_conversationId));
    const auto c = m_state->conversation(m_conversationId);
    const qint64 revealedAt = c && c->revealedAt ? *c->revealedAt : 0;
    if (revealedAt != m_revealedAt) {
        m_revealedAt = revealedAt;
        emit revealedChanged();
    }
}

void MessageListModel::setLanguage(const QString &language)
{
    m_language = language;
    if (m_state && m_state->isOpen() && !m_conversationId.isEmpty())
        refreshMembers(); // without reloading: the scroll position and older messages stay
}

bool MessageListModel::loadOlderFromCache()
{
    const QList<MessageInfo> cached = m_state->cache().messages(m_conversationId, oldestSeq(), 50);
    if (cached.isEmpty())
        return false;
    const bool more = cached.first().seq > 1;
    prependOlder(cached, eventsAbove(cached, more), more);
    return true;
}

} // namespace confab::client

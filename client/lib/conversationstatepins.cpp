// ConversationState's pinned messages: what pins.list said, and the events that change it since
// (pinned, unpinned, who may pin, the edits and deletes of pinned messages), kept in the cache
// beside the events, so that after a restart sync goes on from there. Deleting a pinned
// message unpins it: the server writes no `unpinned` then, the `delete` event says it.
#include "conversationstate.h"

#include <algorithm>

namespace confab::client {

using namespace confab::protocol;

QList<PinInfo> ConversationState::pins(const QString &conversationId) const
{
    return m_pins.value(conversationId).pins;
}

bool ConversationState::pinsKnown(const QString &conversationId) const
{
    return m_pins.value(conversationId).known;
}

bool ConversationState::membersPin(const QString &conversationId) const
{
    const auto c = m_conversations.constFind(conversationId);
    if (c != m_conversations.cend() && c->kind == ConversationKind::Direct)
        return true;
    return m_pins.value(conversationId).membersPin;
}

bool ConversationState::canPin(const QString &conversationId) const
{
    const auto c = m_conversations.constFind(conversationId);
    if (c == m_conversations.cend())
        return false;
    return c->kind == ConversationKind::Direct || c->role == Role::Owner || c->role == Role::Admin ||
           m_pins.value(conversationId).membersPin;
}

void ConversationState::applyPins(const Pins &reply)
{
    if (!m_conversations.contains(reply.conversationId))
        return;
    PinState &state = m_pins[reply.conversationId];
    state.pins = reply.pins;
    state.membersPin = reply.membersPin;
    state.known = true;
    m_cache.savePins(reply);
    emit pinsChanged(reply.conversationId);
}

void ConversationState::applyPinEvent(const Event &e)
{
    const auto unpin = [](PinState &state, const QString &messageId) {
        return state.pins.removeIf([&](const PinInfo &p) { return p.message.id == messageId; }) > 0;
    };
    const QString messageId = e.messageId.value_or(QString());
    bool changed = false;
    switch (e.kind) {
    case EventKind::Pinned: {
        PinState &state = m_pins[e.conversationId];
        unpin(state, messageId);
        PinInfo pin;
        if (e.message) {
            pin.message = *e.message;
        } else if (const auto cached = m_cache.message(e.conversationId, messageId)) {
            pin.message = *cached;
        } else {
            pin.message.id = messageId;
        }
        pin.pinnedBy = e.actorId.value_or(QString());
        pin.pinnedAt = e.at;
        pin.seq = e.seq;
        state.pins.prepend(pin);
        changed = true;
        break;
    }
    case EventKind::Unpinned:
    case EventKind::Delete:
        if (const auto it = m_pins.find(e.conversationId); it != m_pins.end())
            changed = unpin(*it, messageId);
        break;
    case EventKind::Edit:
        if (const auto it = m_pins.find(e.conversationId); it != m_pins.end()) {
            for (PinInfo &pin : it->pins) {
                if (pin.message.id != messageId)
                    continue;
                pin.message.body = e.body.value_or(pin.message.body);
                pin.message.editedAt = e.editedAt;
                pin.message.mentions = e.mentions;
                changed = true;
            }
        }
        break;
    case EventKind::PinRightsChanged:
        m_pins[e.conversationId].membersPin = e.allowed.value_or(false);
        changed = true;
        break;
    default:
        break;
    }
    if (!changed)
        return;
    // Kept with the events applied so far: after a restart, sync goes on from here.
    if (const PinState state = m_pins.value(e.conversationId); state.known)
        m_cache.savePins(Pins{e.conversationId, state.pins, state.membersPin});
    emit pinsChanged(e.conversationId);
}

} // namespace confab::client

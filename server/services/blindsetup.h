#pragma once

// A new blind room's own setup (conversation.create with `blind`): its members' groups, who sees
// whom, and whether members invite. Checked before the room's transaction and written inside it,
// so that the room never exists without what it was created with.

#include "domain/model.h"
#include "services/outcome.h"

#include <optional>

namespace confab::server {

class BlindStore;
class ConversationLog;

namespace blindsetup {

//! What is wrong with `request`'s blind setup for a room of the creator and `otherIds`, or nothing.
std::optional<Failure> check(const protocol::ConversationCreate &request, const QString &creatorId,
                             const QList<QString> &otherIds, qint64 now);
//! The group `userId` starts in: "A", "B", or empty.
QString groupOf(const protocol::ConversationCreate &request, const QString &userId);
//! Inside the room's transaction: stores the reveal policy and the invite switch; a scheduled
//! reveal is an event too ("names hidden until …" in every member's timeline).
QList<StoredEvent> write(BlindStore &store, ConversationLog &log, const Conversation &conversation,
                         const protocol::ConversationCreate &request, qint64 now);

} // namespace blindsetup
} // namespace confab::server

#pragma once

// Frames of pinned messages: pinning and unpinning (each an event in the conversation's order),
// the list of what is pinned now, and who may pin. They sit apart from frames.h so that the
// feature reads as one block; the list in frames.h names them like every other frame.

#include "types.h"

namespace confab::protocol {

//! Pins (`pinned`, the default) or unpins a message. A change is an event (`pinned`/`unpinned`)
//! with the conversation's next seq; pinning what is pinned, or unpinning what is not, changes
//! nothing and writes no event. Members of direct conversations pin; in groups and blind rooms
//! owners and admins, and members too where the conversation allows it (`conversation.pin_rights`).
struct MessagePin {
    QString conversationId;
    QString messageId;
    bool pinned = true;
    static void fields(auto &self, auto &v)
    {
        v("conversation_id", self.conversationId, rule::Id);
        v("message_id", self.messageId, rule::Id);
        v("pinned", self.pinned);
    }
    CONFAB_WIRE(MessagePin)
};

//! The messages pinned in a conversation now: for a client that joins later, or after a reset.
struct PinsList {
    QString conversationId;
    static void fields(auto &self, auto &v) { v("conversation_id", self.conversationId, rule::Id); }
    CONFAB_WIRE(PinsList)
};

//! One pinned message: the message as it is now, who pinned it (a member id: the alias id in
//! blind rooms), when, and the seq of the `pinned` event.
struct PinInfo {
    MessageInfo message;
    QString pinnedBy;
    qint64 pinnedAt = 0;
    qint64 seq = 0;
    static void fields(auto &self, auto &v)
    {
        v("message", self.message);
        v("pinned_by", self.pinnedBy, rule::Id);
        v("pinned_at", self.pinnedAt, rule::Time);
        v("seq", self.seq, rule::Positive);
    }
    CONFAB_WIRE(PinInfo)
};

//! Reply to pins.list: newest pin first; `members_pin`: members (not only owners and admins) may
//! pin here (always true in direct conversations).
struct Pins {
    QString conversationId;
    QList<PinInfo> pins;
    bool membersPin = false;
    static void fields(auto &self, auto &v)
    {
        v("conversation_id", self.conversationId, rule::Id);
        v("pins", self.pins, ListRule{.maxItems = field::kMaxPinsPerConversation});
        v("members_pin", self.membersPin);
    }
    CONFAB_WIRE(Pins)
};

//! The owner of a group or blind room lets every member pin (`members_pin`), or only owners and
//! admins. A change is an event (`pin_rights_changed`).
struct PinRights {
    QString conversationId;
    bool membersPin = false;
    static void fields(auto &self, auto &v)
    {
        v("conversation_id", self.conversationId, rule::Id);
        v("members_pin", self.membersPin);
    }
    CONFAB_WIRE(PinRights)
};

} // namespace confab::protocol

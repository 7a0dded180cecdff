#pragma once

// Frames of forwarding messages and of marking conversations unread. They sit apart from frames.h
// so that the feature reads as one block; the list in frames.h names them like every other frame.

#include "types.h"

namespace confab::protocol {

/*!
 * Forwards one message (its text, mentions left out, and its attachments) of a conversation I am
 * in to another one I am in (`target_id`). The copy is a new message of mine in the target, marked
 * `forwarded`, that never names the original's sender; its attachments are the original's stored
 * bytes, not uploaded again. Idempotent on `client_id` like message.send; the reply is `message.sent`
 * for the target. One request per target: the client sends one for each conversation picked.
 */
struct MessageForward {
    QString conversationId; //!< where the message is
    QString messageId;
    QString targetId;       //!< the conversation it goes to
    QString clientId;       //!< the new message's idempotency key (in the target)
    static void fields(auto &self, auto &v)
    {
        v("conversation_id", self.conversationId, rule::Id);
        v("message_id", self.messageId, rule::Id);
        v("target_id", self.targetId, rule::Id);
        v("client_id", self.clientId, rule::Id);
    }
    void check(JsonReader &r) const
    {
        if (targetId == conversationId)
            r.fail(QStringLiteral("target_id"), QStringLiteral("must be another conversation"));
    }
    CONFAB_WIRE(MessageForward)
};

//! Marks a conversation unread for me (`unread: true`), or takes the mark away. Mine only; reading
//! the conversation again (a read receipt that moves my read marker) takes it away too.
struct ConversationMark {
    QString conversationId;
    bool unread = true;
    static void fields(auto &self, auto &v)
    {
        v("conversation_id", self.conversationId, rule::Id);
        v("unread", self.unread);
    }
    CONFAB_WIRE(ConversationMark)
};

//! Pushed to all of my sessions when my unread mark of a conversation was set or taken away.
struct ConversationMarked {
    QString conversationId;
    bool unread = true;
    static void fields(auto &self, auto &v)
    {
        v("conversation_id", self.conversationId, rule::Id);
        v("unread", self.unread);
    }
    CONFAB_WIRE(ConversationMarked)
};

} // namespace confab::protocol

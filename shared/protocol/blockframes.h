#pragma once

// Frames of blocking: I block or unblock someone, and my list of the people I block. They sit
// apart from frames.h so that the feature reads as one block; the list in frames.h names them like
// every other frame. Blocking is mine alone: no frame to the person I block ever says so.

#include "accountframes.h"

namespace confab::protocol {

namespace field {
inline constexpr int kMaxBlocks = 1000; //!< account.block: blocking more is refused (CONFLICT)
} // namespace field

/*!
 * Blocks (`blocked`, the default) or unblocks a user by their real id. Blocking someone blocked,
 * or unblocking someone who is not, changes nothing and still answers ok. A change reaches all my
 * sessions as `blocks`. Blind rooms' alias ids are not user ids: they cannot be blocked.
 */
struct AccountBlock {
    QString userId;
    bool blocked = true;
    static void fields(auto &self, auto &v)
    {
        v("user_id", self.userId, rule::Id);
        v("blocked", self.blocked);
    }
    CONFAB_WIRE(AccountBlock)
};

//! The people I block now: a client asks after each sign-in (a change while it was away is there).
struct BlocksList {
    static void fields(auto &, auto &) {}
    CONFAB_WIRE(BlocksList)
};

//! Reply to blocks.list, and pushed to all my sessions whenever my list changed: the whole list,
//! by username.
struct Blocks {
    QList<ProfileInfo> users;
    static void fields(auto &self, auto &v) { v("users", self.users, ListRule{.maxItems = field::kMaxBlocks}); }
    CONFAB_WIRE(Blocks)
};

} // namespace confab::protocol

#pragma once

// Frames of finding people (the directory) and of deleting one's own account. They sit apart from
// frames.h so that the feature reads as one block; the list in frames.h names them like every other frame.

#include "accountframes.h"

namespace confab::protocol {

namespace field {
inline constexpr int kDirectoryPageMax = 50;
inline constexpr int kDirectoryPrefixMaxChars = 64;
} // namespace field

/*!
 * Finds people whose username or display name starts with `prefix` (case-insensitive), for
 * starting a direct conversation or adding members. Who can be found is the server's choice
 * (`directory/visibility`: everyone, or only the people I share a conversation that is not blind
 * with); deleted accounts and I never are. Pages come by username: `after` is the previous page's
 * `next`. Rate-limited per user (`RATE_LIMITED` with `retry_after_ms`).
 */
struct UserSearch {
    QString prefix;
    std::optional<QString> after = std::nullopt;
    qint64 limit = 20;
    static void fields(auto &self, auto &v)
    {
        v("prefix", self.prefix, TextRule{.minChars = 1, .maxChars = field::kDirectoryPrefixMaxChars});
        v("after", self.after, rule::Username);
        v("limit", self.limit, IntRule{.min = 1, .max = field::kDirectoryPageMax, .defaulted = true});
    }
    CONFAB_WIRE(UserSearch)
};

//! One page of the directory, by username; `next` (absent on the last page) asks for the following one.
struct Directory {
    QList<ProfileInfo> users;
    std::optional<QString> next = std::nullopt;
    static void fields(auto &self, auto &v)
    {
        v("users", self.users, ListRule{.maxItems = field::kDirectoryPageMax, .required = false});
        v("next", self.next, rule::Username);
    }
    CONFAB_WIRE(Directory)
};

/*!
 * Deletes my account for good. The password is checked like a sign-in (the same lockout). Every
 * session of mine ends (close code 4003), my profile is erased, I leave my groups and blind rooms,
 * and others see "Deleted user" in their history (`deleted: true`). Whether my messages stay is the
 * server's setting (`accounts/delete_erases_messages`); my username is held for
 * `accounts/username_hold_days` before anyone may take it again.
 */
struct AccountDelete {
    QString password;
    static void fields(auto &self, auto &v)
    {
        v("password", self.password, TextRule{.minChars = 1, .maxBytes = field::kPasswordMaxBytes});
    }
    CONFAB_WIRE(AccountDelete)
};

} // namespace confab::protocol

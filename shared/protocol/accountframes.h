#pragma once

// Frames of the signed-in user's own account (password, profile) and of the people around them
// (directory, blocking). They sit apart from frames.h so that the feature reads as one block; the
// list in frames.h names them like every other frame.

#include "types.h"

namespace confab::protocol {

//! Changes my password. The current password is checked like a sign-in (the same lockout); the new
//! one must meet the server's rules (`limits.password_min_chars`, not the username). This session
//! stays signed in; with `sign_out_others`, every other session of mine ends.
struct AccountPassword {
    QString currentPassword;
    QString newPassword;
    bool signOutOthers = false;
    static void fields(auto &self, auto &v)
    {
        // Not rule::Password: an old password shorter than today's minimum must still be accepted.
        v("current_password", self.currentPassword, TextRule{.minChars = 1, .maxBytes = field::kPasswordMaxBytes});
        v("new_password", self.newPassword, rule::Password);
        v("sign_out_others", self.signOutOthers);
    }
    CONFAB_WIRE(AccountPassword)
};

/*!
 * A user as the people around them know them: outside blind rooms only. `status` is absent when
 * none; `bot` and `disabled` are present (true) only for bot accounts and disabled accounts;
 * `deleted` (true) marks a deleted account, whose name is then "Deleted user" (peopleframes.h).
 */
struct ProfileInfo {
    QString id;
    QString username;
    QString name;
    std::optional<QString> status;
    std::optional<bool> bot;
    std::optional<bool> disabled;
    std::optional<bool> deleted = std::nullopt;
    std::optional<QString> avatar = std::nullopt; //!< the avatar's hash (avatarframes.h); absent when none
    static void fields(auto &self, auto &v)
    {
        v("id", self.id, rule::Id);
        v("username", self.username, rule::Username);
        v("name", self.name, rule::DisplayName);
        v("status", self.status, rule::Status);
        v("bot", self.bot);
        v("disabled", self.disabled);
        v("deleted", self.deleted);
        v("avatar", self.avatar, rule::Sha256);
    }
    CONFAB_WIRE(ProfileInfo)
};

//! Changes how others see me: my display name, my status ("" removes it), or both. Everyone who
//! shares a conversation that is not blind with me gets `user.updated`; blind rooms never show it.
struct AccountProfile {
    std::optional<QString> displayName;
    std::optional<QString> status;
    static void fields(auto &self, auto &v)
    {
        v("display_name", self.displayName, rule::DisplayName);
        v("status", self.status, rule::Status);
    }
    void check(JsonReader &r) const
    {
        if (!displayName && !status)
            r.fail(QStringLiteral("display_name"), QStringLiteral("give a display name, a status or both"));
    }
    CONFAB_WIRE(AccountProfile)
};

//! Pushed to me and to everyone who shares a conversation that is not blind with me when my
//! profile changed; `sync` brings the same to whoever was away.
struct UserUpdated {
    ProfileInfo user;
    static void fields(auto &self, auto &v) { v("user", self.user); }
    CONFAB_WIRE(UserUpdated)
};

} // namespace confab::protocol

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

} // namespace confab::protocol

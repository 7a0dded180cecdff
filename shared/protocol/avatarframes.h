#pragma once

// Frames of the avatar: the picture a user shows the people they share a conversation that is not
// blind with. They sit apart from frames.h so that the feature reads as one block; the list in
// frames.h names them like every other frame. A user's avatar travels as its hash (ProfileInfo,
// MemberInfo and UserInfo `avatar`); clients fetch the pictures once and keep them by that hash.

#include "types.h"

namespace confab::protocol {

namespace field {
//! The square sides, in pixels, a server keeps of every avatar: the small one for lists and the
//! timeline (40 px at 2x), the large one for settings and profile cards.
inline constexpr int kAvatarSmallSide = 96;
inline constexpr int kAvatarLargeSide = 256;
//! The protocol's ceiling for an uploaded picture, base64; the frame size limit applies first.
inline constexpr int kAvatarUploadMaxBytes = 4 * 1024 * 1024;
} // namespace field

namespace rule {
inline constexpr TextRule AvatarImage{.minChars = 1, .maxBytes = field::kAvatarUploadMaxBytes};
} // namespace rule

/*!
 * Sets my avatar from `image` (base64 of a PNG, JPEG, WebP or GIF), or takes it away (`remove`).
 * The server detects the type from the bytes, refuses pictures of more pixels than it decodes,
 * crops the centre square and keeps it, re-encoded from its pixels alone, at the sides above.
 */
struct AccountAvatar {
    std::optional<QString> image;
    std::optional<bool> remove;
    static void fields(auto &self, auto &v)
    {
        v("image", self.image, rule::AvatarImage);
        v("remove", self.remove);
    }
    void check(JsonReader &r) const
    {
        if (image.has_value() == remove.value_or(false))
            r.fail(QStringLiteral("image"), QStringLiteral("give an image or remove: true, not both"));
    }
    CONFAB_WIRE(AccountAvatar)
};

//! The reply to account.avatar: my avatar's hash now, absent when removed.
struct AvatarSet {
    std::optional<QString> avatar;
    static void fields(auto &self, auto &v) { v("avatar", self.avatar, rule::Sha256); }
    CONFAB_WIRE(AvatarSet)
};

//! Fetches the picture of an avatar hash that I was told about: mine, or a contact's.
struct AvatarFetch {
    QString avatar;
    qint64 side = field::kAvatarSmallSide; //!< the server answers the smallest side it keeps ≥ this, else its largest
    static void fields(auto &self, auto &v)
    {
        v("avatar", self.avatar, rule::Sha256);
        v("side", self.side, IntRule{.min = 1, .max = 4096, .defaulted = true});
    }
    CONFAB_WIRE(AvatarFetch)
};

//! One avatar picture: `image` is base64 of a PNG (when the picture has transparency) or a JPEG.
struct AvatarData {
    QString avatar;
    qint64 side = 0;
    QString mime;
    QString image;
    static void fields(auto &self, auto &v)
    {
        v("avatar", self.avatar, rule::Sha256);
        v("side", self.side, rule::Positive);
        v("mime", self.mime, rule::Mime);
        v("image", self.image, rule::AvatarImage);
    }
    CONFAB_WIRE(AvatarData)
};

} // namespace confab::protocol

#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace confab::server::avatars {

//! One square picture made from an upload.
struct Picture {
    int side = 0;
    QString mime; //!< image/png (the upload had transparency) or image/jpeg
    QByteArray bytes;
};

//! What the server makes of an uploaded avatar. Pure byte and pixel work: safe on any thread.
struct Made {
    bool ok = false;
    bool tooLarge = false; //!< refused for its pixel count, before anything was decoded
    QString error;
    QString hash; //!< sha256 (hex) of the largest picture: the avatar's address
    QList<Picture> pictures; //!< one per side of `sides`, in that order
};

/*!
 * The attachment pipeline's steps for an avatar: the type from the bytes (PNG, JPEG, WebP, GIF's
 * first frame), the pixel cap from the header before decoding (images::kMaxPixels), the EXIF
 * orientation applied, then the centre square painted into new images at each side, so that
 * nothing but pixels survives (DESIGN.md invariant 8).
 */
Made make(const QByteArray &bytes, const QList<int> &sides);

} // namespace confab::server::avatars

#pragma once

#include <QByteArray>
#include <QString>

namespace confab::server::images {

//! What the server makes of an uploaded image. Pure byte and pixel work: safe on any thread.
struct Processed {
    bool ok = false;
    bool tooLarge = false; //!< refused for its pixel count, before anything was decoded
    QString error;
    qint64 width = 0; //!< as displayed: after the EXIF orientation is applied
    qint64 height = 0;
    QByteArray thumbnail; //!< longest side at most kThumbnailSide, PNG (with alpha) or JPEG; pixels only
    QByteArray preview;   //!< a tiny PNG, at most kPreviewSide on its longest side; pixels only
    QByteArray stripped;  //!< the image to store instead of the upload; empty when not stripped
};

inline constexpr int kThumbnailSide = 320;
inline constexpr int kPreviewSide = 16;
//! Larger images are refused: decoding one takes hundreds of MB (a "decompression bomb").
inline constexpr qint64 kMaxPixels = 32'000'000;

//! The Qt image format for a detected MIME type ("png", "jpeg", …), or empty when this server cannot
//! decode it (WebP needs the qt6-image-formats-plugins package).
QByteArray formatFor(const QString &mime);

/*!
 * Checks the size from the header, decodes with the EXIF orientation applied, and makes the
 * thumbnail and preview from the pixels alone. With `strip`, also makes the bytes to store: PNG,
 * JPEG and WebP encoded again from the pixels alone (upright, in sRGB), GIF rewritten without its
 * comment, text and application extensions but with its frames (gif.h).
 */
Processed process(const QByteArray &bytes, const QByteArray &format, bool strip);

} // namespace confab::server::images

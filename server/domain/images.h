#pragma once

#include <QByteArray>
#include <QString>

namespace confab::server::images {

//! What the server makes of an uploaded image. Pure file and pixel work: safe on any thread.
struct Processed {
    bool ok = false;
    bool tooLarge = false; //!< refused for its pixel count, before anything was decoded
    QString error;
    qint64 width = 0; //!< as displayed: after the EXIF orientation is applied
    qint64 height = 0;
    QByteArray thumbnail; //!< longest side at most kThumbnailSide, PNG (with alpha) or JPEG
    QByteArray preview;   //!< a tiny PNG, at most kPreviewSide on its longest side
    QByteArray reencoded; //!< the image written again without metadata; empty when not stripped
};

inline constexpr int kThumbnailSide = 320;
inline constexpr int kPreviewSide = 16;
//! Larger images are refused: decoding one takes hundreds of MB (a "decompression bomb").
inline constexpr qint64 kMaxPixels = 32'000'000;

//! The Qt image format for a detected MIME type ("png", "jpeg", …), or empty when this server cannot
//! decode it (WebP needs the qt6-image-formats-plugins package).
QByteArray formatFor(const QString &mime);

//! Checks the size from the header, decodes with the EXIF orientation applied, and makes the
//! thumbnail and preview. With `strip`, also re-encodes the image, which drops EXIF and other metadata.
Processed process(const QString &path, const QByteArray &format, bool strip);

} // namespace confab::server::images

#include "images.h"

#include "gif.h"

#include <QBuffer>
#include <QColorSpace>
#include <QImage>
#include <QImageReader>
#include <QImageWriter>
namespace confab::server::images {

namespace {
QByteArray encode(const QImage &image, const char *format, int quality) {
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, format);
    writer.setQuality(quality);
    return writer.write(image) ? bytes : QByteArray();
}

/*!
 * An image of `decoded`'s pixels and nothing else. QImage carries what the reader found beside the
 * pixels (JPEG comments and PNG text chunks as text(), the ICC profile as colorSpace(), whose
 * description is free text, offsets, resolution), every writer puts it back out, and scaled()
 * copies it; text keys cannot be removed. So the pixels are converted to sRGB and wrapped in a new
 * QImage that owns the decoded one: no copy of a large image, and none of its metadata.
 */
QImage pixelsOnly(QImage decoded) {
    const QColorSpace space = decoded.colorSpace();
    if (space.isValid() && space != QColorSpace(QColorSpace::SRgb)) {
        decoded =
            decoded.convertToFormat(decoded.hasAlphaChannel() ? QImage::Format_ARGB32 : QImage::Format_RGB32);
        decoded.convertToColorSpace(QColorSpace::SRgb);
    }
    if (decoded.isNull())
        return {};
    auto *owner = new QImage(std::move(decoded));
    QImage clean(
        owner->constBits(), owner->width(), owner->height(), owner->bytesPerLine(), owner->format(),
        [](void *image) { delete static_cast<QImage *>(image); }, owner);
    if (clean.isNull()) { // then nothing took the owner over
        delete owner;
        return {};
    }
    clean.setColorTable(owner->colorTable()); // an indexed image's palette is part of its pixels
    return clean;
}
} // namespace

QByteArray formatFor(const QString &mime) {
    QByteArray format;
    if (mime == QLatin1StringView("image/png"))
        format = "png";
    else if (mime == QLatin1StringView("image/jpeg"))
        format = "jpeg";
    else if (mime == QLatin1StringView("image/gif"))
        format = "gif";
    else if (mime == QLatin1StringView("image/webp"))
        format = "webp";
    if (format.isEmpty() || !QImageReader::supportedImageFormats().contains(format))
        return {};
    return format;
}

Processed process(const QByteArray &bytes, const QByteArray &format, bool strip) {
    Processed out;
    QBuffer device;
    device.setData(bytes);
    device.open(QIODevice::ReadOnly);
    QImageReader reader(&device, format);
    reader.setAutoTransform(true);
    // The header's size first: a small file may claim a huge canvas, and decoding would allocate it.
    const QSize declared = reader.size();
    if (!declared.isValid() || declared.isEmpty()) {
        out.error = QStringLiteral("the image cannot be read");
        return out;
    }
    if (qint64(declared.width()) * qint64(declared.height()) > kMaxPixels) {
        out.tooLarge = true;
        out.error = QStringLiteral("the image has more than %1 pixels").arg(kMaxPixels);
        return out;
    }
    const QImage image = pixelsOnly(reader.read());
    if (image.isNull()) {
        out.error = QStringLiteral("the image cannot be decoded: %1").arg(reader.errorString());
        return out;
    }
    out.width = image.width();
    out.height = image.height();
    const bool alpha = image.hasAlphaChannel();
    const QImage thumb =
        image.width() > kThumbnailSide || image.height() > kThumbnailSide
            ? image.scaled(kThumbnailSide, kThumbnailSide, Qt::KeepAspectRatio, Qt::SmoothTransformation)
            : image;
    out.thumbnail =
        alpha ? encode(thumb, "png", -1) : encode(thumb.convertToFormat(QImage::Format_RGB32), "jpeg", 85);
    out.preview = encode(
        image.scaled(kPreviewSide, kPreviewSide, Qt::KeepAspectRatio, Qt::SmoothTransformation), "png", -1);
    if (strip) {
        if (format == "gif") {
            // Qt has no GIF writer, and a re-encode would keep only the first frame.
            const CleanGif gif = stripGif(bytes, kMaxPixels);
            out.stripped = gif.bytes;
            out.error = gif.error;
        } else {
            out.stripped = encode(image, format.constData(), format == "jpeg" ? 92 : -1);
        }
        if (out.stripped.isEmpty()) {
            if (out.error.isEmpty())
                out.error = QStringLiteral("the image cannot be written without its metadata");
            return out;
        }
    }
    out.ok = !out.thumbnail.isEmpty() && !out.preview.isEmpty();
    if (!out.ok)
        out.error = QStringLiteral("the thumbnail cannot be made");
    return out;
}

} // namespace confab::server::images

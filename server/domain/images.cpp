#include "images.h"

#include <QBuffer>
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

Processed process(const QString &path, const QByteArray &format, bool strip) {
    Processed out;
    QImageReader reader(path, format);
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
    const QImage image = reader.read();
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
    // GIF has no writer in Qt (and re-encoding would lose animation); it carries no EXIF either.
    if (strip && format != "gif" && QImageWriter::supportedImageFormats().contains(format)) {
        out.reencoded = encode(image, format.constData(), format == "jpeg" ? 92 : -1);
        if (out.reencoded.isEmpty()) {
            out.error = QStringLiteral("the image cannot be re-encoded");
            return out;
        }
    }
    out.ok = !out.thumbnail.isEmpty() && !out.preview.isEmpty();
    if (!out.ok)
        out.error = QStringLiteral("the thumbnail cannot be made");
    return out;
}

} // namespace confab::server::images

#include "avatars.h"

#include "images.h"

#include <QBuffer>
#include <QColorSpace>
#include <QCryptographicHash>
#include <QImage>
#include <QImageReader>
#include <QImageWriter>
#include <QMimeDatabase>
#include <QPainter>

namespace confab::server::avatars {

namespace {
QByteArray encode(const QImage &image, const char *format, int quality)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, format);
    writer.setQuality(quality);
    return writer.write(image) ? bytes : QByteArray();
}

//! The centre square of `source` at `side` px, painted into a new image: a fresh QImage carries no
//! text, colour profile or resolution of the upload, only what is painted into it.
QImage square(const QImage &source, int side, bool alpha)
{
    const int edge = std::min(source.width(), source.height());
    const QRect centre((source.width() - edge) / 2, (source.height() - edge) / 2, edge, edge);
    QImage out(side, side, alpha ? QImage::Format_ARGB32_Premultiplied : QImage::Format_RGB32);
    out.fill(alpha ? Qt::transparent : Qt::white);
    QPainter painter(&out);
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    painter.drawImage(QRect(0, 0, side, side), source, centre);
    painter.end();
    return out;
}
} // namespace

Made make(const QByteArray &bytes, const QList<int> &sides)
{
    Made out;
    const QString mime = QMimeDatabase().mimeTypeForData(bytes).name();
    const QByteArray format = images::formatFor(mime);
    if (format.isEmpty()) {
        out.error = QStringLiteral("an avatar must be a PNG, JPEG, WebP or GIF picture, not %1").arg(mime);
        return out;
    }
    QBuffer device;
    device.setData(bytes);
    device.open(QIODevice::ReadOnly);
    QImageReader reader(&device, format);
    reader.setAutoTransform(true);
    // The header's size first: a small file may claim a huge canvas, and decoding would allocate it.
    const QSize declared = reader.size();
    if (!declared.isValid() || declared.isEmpty()) {
        out.error = QStringLiteral("the picture cannot be read");
        return out;
    }
    if (qint64(declared.width()) * qint64(declared.height()) > images::kMaxPixels) {
        out.tooLarge = true;
        out.error = QStringLiteral("the picture has more than %1 pixels").arg(images::kMaxPixels);
        return out;
    }
    QImage image = reader.read();
    if (image.isNull()) {
        out.error = QStringLiteral("the picture cannot be decoded: %1").arg(reader.errorString());
        return out;
    }
    if (const QColorSpace space = image.colorSpace(); space.isValid() && space != QColorSpace(QColorSpace::SRgb)) {
        image = image.convertToFormat(image.hasAlphaChannel() ? QImage::Format_ARGB32 : QImage::Format_RGB32);
        image.convertToColorSpace(QColorSpace::SRgb);
    }
    const bool alpha = image.hasAlphaChannel();
    for (const int side : sides) {
        const QImage picture = square(image, side, alpha);
        const QByteArray encoded = alpha ? encode(picture, "png", -1) : encode(picture, "jpeg", 88);
        if (encoded.isEmpty()) {
            out.error = QStringLiteral("the avatar cannot be written");
            return out;
        }
        out.pictures.append(Picture{side, alpha ? QStringLiteral("image/png") : QStringLiteral("image/jpeg"), encoded});
    }
    if (out.pictures.isEmpty()) {
        out.error = QStringLiteral("no avatar side asked for");
        return out;
    }
    out.hash = QString::fromLatin1(QCryptographicHash::hash(out.pictures.last().bytes, QCryptographicHash::Sha256).toHex());
    out.ok = true;
    return out;
}

} // namespace confab::server::avatars

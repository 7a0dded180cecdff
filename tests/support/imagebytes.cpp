#include "imagebytes.h"

#include <QBuffer>
#include <QColorSpace>
#include <QImage>
#include <QtEndian>

namespace confab::test::imagebytes {

namespace {
QByteArray big16(quint16 v) {
    QByteArray out(2, Qt::Uninitialized);
    qToBigEndian(v, out.data());
    return out;
}
QByteArray little16(quint16 v) {
    QByteArray out(2, Qt::Uninitialized);
    qToLittleEndian(v, out.data());
    return out;
}
QByteArray little32(quint32 v) {
    QByteArray out(4, Qt::Uninitialized);
    qToLittleEndian(v, out.data());
    return out;
}
QByteArray zlib(const QByteArray &data) {
    return qCompress(data).mid(4); // a zlib stream without Qt's length prefix
}

quint32 crc32(const QByteArray &bytes) {
    quint32 crc = 0xFFFFFFFFu;
    for (const char c : bytes) {
        crc ^= quint8(c);
        for (int k = 0; k < 8; ++k)
            crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}
} // namespace

QByteArray big32(quint32 v) {
    QByteArray out(4, Qt::Uninitialized);
    qToBigEndian(v, out.data());
    return out;
}

QByteArray pngChunk(const char *type, const QByteArray &data) {
    const QByteArray body = QByteArray(type) + data;
    return big32(quint32(data.size())) + body + big32(crc32(body));
}

namespace {

bool redAt(int x) {
    return x < kWidth / 2;
}

QImage pixels() {
    QImage image(kWidth, kHeight, QImage::Format_RGB32);
    for (int y = 0; y < kHeight; ++y)
        for (int x = 0; x < kWidth; ++x)
            image.setPixel(x, y, redAt(x) ? qRgb(255, 0, 0) : qRgb(0, 0, 255));
    return image;
}

QByteArray encoded(const char *format, int quality) {
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    pixels().save(&buffer, format, quality);
    return bytes;
}

//! A TIFF (as in EXIF) with one entry: Artist (0x013B), ASCII.
QByteArray tiffWithArtist(const QByteArray &text) {
    const QByteArray value = text + '\0';
    return QByteArray("MM\0*", 4) + big32(8) + big16(1) + big16(0x013B) + big16(2) +
           big32(quint32(value.size())) + big32(26) + big32(0) + value;
}

QByteArray xmp(const QByteArray &text) {
    return "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF "
           "xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"><rdf:Description "
           "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:creator><rdf:Seq><rdf:li>" +
           text + "</rdf:li></rdf:Seq></dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>";
}

//! A Display P3 ICC profile whose 'desc' tag is `text`: made by Qt, which writes the description.
QByteArray iccProfile(const QByteArray &text) {
    QColorSpace space(QColorSpace::DisplayP3);
    space.setDescription(QString::fromUtf8(text));
    return space.iccProfile();
}

QByteArray jpegSegment(quint8 marker, const QByteArray &payload) {
    return QByteArray("\xFF", 1) + char(marker) + big16(quint16(payload.size() + 2)) + payload;
}

QByteArray webpChunk(const char *fourcc, const QByteArray &data) {
    QByteArray out = QByteArray(fourcc, 4) + little32(quint32(data.size())) + data;
    if (data.size() % 2)
        out += '\0';
    return out;
}

QByteArray gifSubBlocks(const QByteArray &data) {
    QByteArray out;
    for (qsizetype at = 0; at < data.size(); at += 255) {
        const QByteArray part = data.mid(at, 255);
        out += char(part.size()) + part;
    }
    return out + '\0';
}

/*!
 * LZW data for 2-bit colour indices, written without compression: a clear code after every two
 * literals keeps the table from growing, so every code is 3 bits wide.
 */
QByteArray gifLzw(const QList<quint8> &indices) {
    QByteArray out;
    quint32 bits = 0;
    int count = 0;
    const auto put = [&](quint32 code) {
        bits |= code << count;
        count += 3;
        while (count >= 8) {
            out += char(bits & 0xFF);
            bits >>= 8;
            count -= 8;
        }
    };
    for (qsizetype i = 0; i < indices.size(); ++i) {
        if (i % 2 == 0)
            put(4); // clear
        put(indices[i]);
    }
    put(5); // end of information
    if (count > 0)
        out += char(bits & 0xFF);
    return out;
}

QByteArray gifFrame(bool swapped) {
    QList<quint8> indices;
    for (int y = 0; y < kHeight; ++y)
        for (int x = 0; x < kWidth; ++x)
            indices.append(redAt(x) != swapped ? 0 : 1);
    return QByteArray("\x21\xF9\x04\x04\x0A\x00\x00\x00", 8) // graphic control: 0.1 s
           + QByteArray("\x2C\0\0\0\0", 5) + little16(kWidth) + little16(kHeight) + '\0' + '\x02' +
           gifSubBlocks(gifLzw(indices));
}
} // namespace

QByteArray png(const QByteArray &text) {
    const QByteArray ihdr = big32(kWidth) + big32(kHeight) + QByteArray::fromHex("0802000000");
    QByteArray rows;
    for (int y = 0; y < kHeight; ++y) {
        rows += '\0'; // filter: none
        for (int x = 0; x < kWidth; ++x)
            rows += redAt(x) ? QByteArray("\xFF\0\0", 3) : QByteArray("\0\0\xFF", 3);
    }
    return QByteArray::fromHex("89504e470d0a1a0a") + pngChunk("IHDR", ihdr) +
           pngChunk("iCCP", QByteArray("P3\0\0", 4) + zlib(iccProfile(text))) +
           pngChunk("tEXt", QByteArray("Author\0", 7) + text) +
           pngChunk("zTXt", QByteArray("Comment\0\0", 9) + zlib(text)) +
           pngChunk("iTXt", QByteArray("Description\0\0\0en\0\0", 18) + text) +
           pngChunk("eXIf", tiffWithArtist(text)) + pngChunk("tIME", QByteArray::fromHex("07e8060f0c2200")) +
           pngChunk("IDAT", zlib(rows)) + pngChunk("IEND", {});
}

QByteArray jpeg(const QByteArray &text) {
    const QByteArray plain = encoded("JPEG", 95);
    // After the encoder's APP0 (JFIF), where cameras put theirs.
    const qsizetype at =
        plain.startsWith("\xFF\xD8\xFF\xE0") ? 4 + qFromBigEndian<quint16>(plain.constData() + 4) : 2;
    const QByteArray segments =
        jpegSegment(0xE1, QByteArray("Exif\0\0", 6) + tiffWithArtist(text)) +
        jpegSegment(0xE1, QByteArray("http://ns.adobe.com/xap/1.0/\0", 29) + xmp(text)) +
        jpegSegment(0xE2, QByteArray("ICC_PROFILE\0\x01\x01", 14) + iccProfile(text)) +
        jpegSegment(0xED, QByteArray("Photoshop 3.0\0"
                                     "8BIM\x04\x04\0\0",
                                     22) +
                              big32(quint32(text.size() + 5)) + QByteArray("\x1C\x02\x50", 3) +
                              big16(quint16(text.size())) + text +
                              QByteArray(text.size() % 2 ? 1 : 0, '\0')) +
        jpegSegment(0xFE, text);
    return plain.left(at) + segments + plain.mid(at);
}

QByteArray webp(const QByteArray &text) {
    const QByteArray plain = encoded("WEBP", 100); // lossless: one VP8L chunk
    const QByteArray image = plain.mid(12);
    QByteArray vp8x(1, char(0x20 | 0x08 | 0x04)); // ICC, EXIF, XMP
    vp8x += QByteArray(3, '\0');
    vp8x += little32(kWidth - 1).left(3) + little32(kHeight - 1).left(3);
    const QByteArray body = QByteArray("WEBP") + webpChunk("VP8X", vp8x) +
                            webpChunk("ICCP", iccProfile(text)) + image +
                            webpChunk("EXIF", tiffWithArtist(text)) + webpChunk("XMP ", xmp(text));
    return QByteArray("RIFF") + little32(quint32(body.size())) + body;
}

QByteArray gif(const QByteArray &text) {
    QByteArray out("GIF89a");
    out += little16(kWidth) + little16(kHeight) + QByteArray("\xF1\0\0", 3); // 4 global colours
    out += QByteArray("\xFF\0\0\0\0\xFF\0\xFF\0\xFF\xFF\xFF", 12);           // red, blue, green, white
    out += QByteArray("\x21\xFF\x0BNETSCAPE2.0\x03\x01\0\0", 18) + gifSubBlocks(text); // loop, then text
    out += QByteArray("\x21\xFE", 2) + gifSubBlocks(text);
    out += QByteArray("\x21\xFF\x0BXMP DataXMP", 14) + gifSubBlocks(xmp(text));
    out += QByteArray("\x21\x01\x0C\0\0\0\0\x30\0\x20\0\x08\x08\x01\x00", 15) + gifSubBlocks(text);
    out += gifFrame(false) + gifFrame(true);
    return out + '\x3B' + text;
}

QByteArrayList pngChunks(const QByteArray &bytes) {
    QByteArrayList out;
    qsizetype at = 8;
    while (at + 8 <= bytes.size()) {
        const quint32 length = qFromBigEndian<quint32>(bytes.constData() + at);
        out += bytes.mid(at + 4, 4);
        at += 12 + qsizetype(length);
        if (out.last() == "IEND")
            return out;
    }
    out += "!";
    return out;
}

QByteArrayList jpegSegments(const QByteArray &bytes) {
    QByteArrayList out;
    qsizetype at = 2;
    while (at + 4 <= bytes.size() && quint8(bytes[at]) == 0xFF) {
        const quint8 marker = quint8(bytes[at + 1]);
        const qsizetype length = qFromBigEndian<quint16>(bytes.constData() + at + 2);
        QByteArray name = bytes.mid(at, 2).toHex();
        if (marker >= 0xE0 && marker <= 0xEF)
            name += ' ' + bytes.mid(at + 4, std::min<qsizetype>(length - 2, 12)).split('\0').first();
        out += name;
        if (marker == 0xDA) // start of scan: entropy-coded data follows
            return out;
        at += 2 + length;
    }
    out += "!";
    return out;
}

QByteArrayList webpChunks(const QByteArray &bytes) {
    QByteArrayList out;
    qsizetype at = 12;
    while (at + 8 <= bytes.size()) {
        const quint32 length = qFromLittleEndian<quint32>(bytes.constData() + at + 4);
        out += bytes.mid(at, 4);
        at += 8 + qsizetype(length) + qsizetype(length % 2);
    }
    if (at != bytes.size())
        out += "!";
    return out;
}

QByteArrayList gifBlocks(const QByteArray &bytes) {
    QByteArrayList out;
    const auto table = [](quint8 packed) { return (packed & 0x80) ? 3 * (2 << (packed & 7)) : 0; };
    if (bytes.size() < 13)
        return {"!"};
    qsizetype at = 13 + table(quint8(bytes[10]));
    // The sizes of the data sub-blocks from `at`, moving `at` past the terminator; false when cut short.
    const auto skipBlocks = [&](QList<int> *sizes) {
        while (at < bytes.size()) {
            const int size = quint8(bytes[at++]);
            if (size == 0)
                return true;
            if (sizes)
                sizes->append(size);
            at += size;
        }
        return false;
    };
    while (at < bytes.size()) {
        const quint8 introducer = quint8(bytes[at++]);
        if (introducer == 0x3B) {
            out += "trailer";
            if (at < bytes.size())
                out += "after";
            return out;
        }
        if (introducer == 0x2C) {
            at += 9;
            if (at > bytes.size())
                break;
            at += table(quint8(bytes[at - 1])) + 1;
            if (!skipBlocks(nullptr))
                break;
            out += "image";
        } else if (introducer == 0x21 && at < bytes.size()) {
            const quint8 label = quint8(bytes[at++]);
            QList<int> sizes;
            const qsizetype start = at;
            if (!skipBlocks(&sizes))
                break;
            if (label == 0xF9) {
                out += "gce";
            } else if (label == 0xFF) {
                QByteArray name = "app " + bytes.mid(start + 1, 11);
                for (qsizetype i = 1; i < sizes.size(); ++i)
                    name += ' ' + QByteArray::number(sizes[i]);
                out += name;
            } else {
                out += "ext " + QByteArray::number(label, 16);
            }
        } else {
            break;
        }
    }
    out += "!";
    return out;
}

} // namespace confab::test::imagebytes

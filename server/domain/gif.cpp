#include "gif.h"

#include <QList>
#include <optional>

namespace confab::server::images {

namespace {
constexpr char kTrailer = 0x3B;
constexpr char kImage = 0x2C;
constexpr char kExtension = 0x21;
constexpr quint8 kGraphicControl = 0xF9;
constexpr quint8 kApplication = 0xFF;

//! Reads forward through untrusted bytes; every read checks the length first.
class Cursor {
public:
    explicit Cursor(QByteArrayView in)
        : m_in(in) {}
    bool has(qsizetype n) const { return n <= m_in.size() - m_at; }
    qsizetype at() const { return m_at; }
    quint8 byte() { return quint8(m_in[m_at++]); }
    QByteArrayView take(qsizetype n) {
        const QByteArrayView out = m_in.sliced(m_at, n);
        m_at += n;
        return out;
    }
    QByteArrayView between(qsizetype from, qsizetype to) const { return m_in.sliced(from, to - from); }

private:
    QByteArrayView m_in;
    qsizetype m_at = 0;
};

quint16 little16(QByteArrayView b, qsizetype at) {
    return quint16(quint8(b[at]) | (quint8(b[at + 1]) << 8));
}

//! The data sub-blocks up to and including the zero-length terminator, or nothing when cut short.
std::optional<QList<QByteArrayView>> subBlocks(Cursor &c) {
    QList<QByteArrayView> blocks;
    while (c.has(1)) {
        const quint8 size = c.byte();
        if (size == 0)
            return blocks;
        if (!c.has(size))
            return std::nullopt;
        blocks.append(c.take(size));
    }
    return std::nullopt;
}

//! A colour table follows when bit 7 of the packed byte is set; its size is in the low three bits.
qsizetype colourTableBytes(quint8 packed) {
    return (packed & 0x80) ? 3 * (qsizetype(2) << (packed & 0x07)) : 0;
}

//! Writes an extension again from the parts that are kept, in their canonical form: nothing else
//! of the original's sub-blocks (where free text could hide) is copied.
void keepExtension(quint8 label, const QList<QByteArrayView> &blocks, QByteArray &out) {
    if (label == kGraphicControl) {
        if (!blocks.isEmpty() && blocks.first().size() == 4) // disposal, delay, transparent index
            out += QByteArray("\x21\xF9\x04", 3) + blocks.first().toByteArray() + '\0';
        return;
    }
    if (label != kApplication || blocks.isEmpty() || blocks.first() != QByteArrayView("NETSCAPE2.0"))
        return; // comments, plain text, XMP, ICC and every other application's data
    for (qsizetype i = 1; i < blocks.size(); ++i) {
        if (blocks[i].size() == 3 && blocks[i][0] == 0x01) { // the loop count sub-block
            out += QByteArray("\x21\xFF\x0BNETSCAPE2.0\x03", 15) + blocks[i].toByteArray() + '\0';
            return;
        }
    }
}
} // namespace

CleanGif stripGif(QByteArrayView in, qint64 maxPixels) {
    CleanGif result;
    Cursor c(in);
    if (!c.has(13) || (!in.startsWith("GIF87a") && !in.startsWith("GIF89a"))) {
        result.error = QStringLiteral("the GIF has no header");
        return result;
    }
    QByteArray &out = result.bytes;
    out += c.take(13).toByteArray(); // signature, logical screen descriptor
    const qsizetype global = colourTableBytes(quint8(in[10]));
    if (!c.has(global)) {
        out.clear();
        result.error = QStringLiteral("the GIF is cut short");
        return result;
    }
    out += c.take(global).toByteArray();
    qsizetype lastWhole = out.size(); // after the last whole frame: where a damaged stream is cut
    bool ended = false;
    // Every turn consumes at least one byte, so the loop ends within the input's length.
    while (c.has(1) && !ended) {
        const char introducer = char(c.byte());
        if (introducer == kTrailer) {
            ended = true;
        } else if (introducer == kImage) {
            const qsizetype start = c.at() - 1;
            if (!c.has(9))
                break;
            const QByteArrayView descriptor = c.take(9);
            if (qint64(little16(descriptor, 4)) * qint64(little16(descriptor, 6)) > maxPixels) {
                out.clear();
                result.error = QStringLiteral("a frame of the GIF has more than %1 pixels").arg(maxPixels);
                return result;
            }
            const qsizetype local = colourTableBytes(quint8(descriptor[8]));
            if (!c.has(local + 1)) // the colour table and the LZW minimum code size
                break;
            c.take(local + 1);
            if (!subBlocks(c))
                break;
            out += c.between(start, c.at()).toByteArray(); // pixels: copied as they are
            lastWhole = out.size();
            ++result.frames;
        } else if (introducer == kExtension) {
            if (!c.has(1))
                break;
            const quint8 label = c.byte();
            const auto blocks = subBlocks(c);
            if (!blocks)
                break;
            keepExtension(label, *blocks, out);
        } else {
            break; // not a GIF block: what follows is not trusted
        }
    }
    if (result.frames == 0) {
        out.clear();
        result.error = QStringLiteral("the GIF has no whole frame");
        return result;
    }
    if (!ended)
        out.truncate(lastWhole);
    out += kTrailer;
    return result;
}

} // namespace confab::server::images

#include "binary.h"

#include "limits.h"

#include <QtEndian>

namespace confab::protocol {

namespace {
constexpr char kMagic[2] = {'C', 'F'};
constexpr quint8 kFormat = 1;
constexpr qsizetype kFixedBytes = 2 + 1 + 1 + 1 + 8;

DecodeError bad(QString message)
{
    return DecodeError{ErrorCode::Invalid, QStringLiteral("chunk"), std::move(message), {}};
}
} // namespace

QByteArray encodeChunk(const Chunk &chunk)
{
    const QByteArray id = chunk.id.toLatin1();
    QByteArray out;
    out.reserve(kFixedBytes + id.size() + chunk.bytes.size());
    out.append(kMagic, 2);
    out.append(char(kFormat));
    out.append(char(chunk.kind));
    out.append(char(id.size()));
    out.append(id);
    char offset[8];
    qToBigEndian<quint64>(quint64(chunk.offset), offset);
    out.append(offset, 8);
    out.append(chunk.bytes);
    return out;
}

Result<Chunk> decodeChunk(QByteArrayView frame, qint64 maxFrameBytes)
{
    if (frame.size() > maxFrameBytes)
        return DecodeError{ErrorCode::TooLarge, QStringLiteral("chunk"),
                           QStringLiteral("binary frame is larger than %1 bytes").arg(maxFrameBytes), {}};
    if (frame.size() < kFixedBytes + 1)
        return bad(QStringLiteral("binary frame is too short for a chunk header"));
    if (frame[0] != kMagic[0] || frame[1] != kMagic[1])
        return bad(QStringLiteral("binary frame does not start with \"CF\""));
    if (quint8(frame[2]) != kFormat)
        return bad(QStringLiteral("unsupported chunk format %1").arg(quint8(frame[2])));
    const quint8 kind = quint8(frame[3]);
    if (kind != quint8(ChunkKind::Upload) && kind != quint8(ChunkKind::Download))
        return bad(QStringLiteral("unknown chunk direction %1").arg(kind));
    const qsizetype idLength = quint8(frame[4]);
    if (idLength < 1 || idLength > field::kIdMaxChars)
        return bad(QStringLiteral("chunk id length must be 1..%1").arg(field::kIdMaxChars));
    if (frame.size() < kFixedBytes + idLength + 1)
        return bad(QStringLiteral("binary frame is too short for its id and at least one byte"));
    const QByteArrayView id = frame.sliced(5, idLength);
    for (const char c : id) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
                        c == '-' || c == '.';
        if (!ok)
            return bad(QStringLiteral("chunk id has a character outside [A-Za-z0-9_.-]"));
    }
    const quint64 offset = qFromBigEndian<quint64>(frame.data() + 5 + idLength);
    if (offset > quint64(field::kMaxSafeInteger))
        return bad(QStringLiteral("chunk offset is out of range"));
    Chunk chunk;
    chunk.kind = ChunkKind(kind);
    chunk.id = QString::fromLatin1(id);
    chunk.offset = qint64(offset);
    chunk.bytes = frame.sliced(5 + idLength + 8).toByteArray();
    return chunk;
}

} // namespace confab::protocol

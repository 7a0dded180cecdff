#pragma once

// Binary WebSocket frames carry attachment bytes only:
//
//   offset  size  field
//   0       2     magic "CF"
//   2       1     format version (1)
//   3       1     direction: 1 = upload chunk (client → server), 2 = download chunk (server → client)
//   4       1     length L of the id (1..64, the upload id or the attachment id, [A-Za-z0-9_.-])
//   5       L     the id, ASCII
//   5+L     8     offset of the first byte, big-endian unsigned
//   13+L    …     the bytes (at least one)

#include "result.h"

#include <QByteArray>
#include <QString>

namespace confab::protocol {

enum class ChunkKind : quint8 { Upload = 1, Download = 2 };

struct Chunk {
    ChunkKind kind = ChunkKind::Upload;
    QString id;
    qint64 offset = 0;
    QByteArray bytes;
    bool operator==(const Chunk &) const = default;
};

QByteArray encodeChunk(const Chunk &chunk);
Result<Chunk> decodeChunk(QByteArrayView frame, qint64 maxFrameBytes);

} // namespace confab::protocol

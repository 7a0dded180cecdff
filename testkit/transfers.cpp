#include "transfers.h"

#include "protocol/binary.h"

#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QTest>

namespace confab::test {

using namespace protocol;

QString sha256Hex(const QByteArray &bytes) {
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

Frame beginUpload(TestClient &c, const QString &conversationId, const QString &name, const QByteArray &bytes,
                  const QString &mime, const QString &sha) {
    return c.request(
        AttachmentBegin{conversationId, name, bytes.size(), mime, sha.isEmpty() ? sha256Hex(bytes) : sha});
}

void sendChunks(TestClient &c, const QString &uploadId, const QByteArray &bytes, qint64 from, qint64 to,
                qint64 chunkBytes) {
    for (qint64 at = from; at < to; at += chunkBytes) {
        const Chunk chunk{ChunkKind::Upload, uploadId, at, bytes.mid(at, std::min(chunkBytes, to - at))};
        c.socket().sendBinaryMessage(encodeChunk(chunk));
    }
}

Frame upload(TestClient &c, const QString &conversationId, const QString &name, const QByteArray &bytes,
             const QString &mime, const QString &sha) {
    const Frame started = beginUpload(c, conversationId, name, bytes, mime, sha);
    const auto *up = std::get_if<AttachmentUpload>(&started);
    if (!up)
        return started;
    sendChunks(c, up->uploadId, bytes, 0, bytes.size(), up->chunkBytes);
    return c.request(AttachmentFinish{up->uploadId}, 60000);
}

Fetched fetch(TestClient &c, const QString &attachmentId, bool thumbnail, qint64 offset,
              std::optional<qint64> length) {
    Fetched out;
    qint64 next = offset;
    bool broken = false;
    const auto connection = QObject::connect(&c.socket(), &QWebSocket::binaryMessageReceived, &c.socket(),
                                             [&](const QByteArray &frame) {
                                                 const auto chunk = decodeChunk(frame, 1 << 20);
                                                 if (!chunk.ok() || chunk->kind != ChunkKind::Download ||
                                                     chunk->id != attachmentId || chunk->offset != next) {
                                                     broken = true;
                                                     return;
                                                 }
                                                 out.bytes += chunk->bytes;
                                                 next += chunk->bytes.size();
                                             });
    out.reply = c.request(AttachmentFetch{attachmentId, offset, length, thumbnail});
    if (const auto *data = std::get_if<AttachmentData>(&out.reply)) {
        QDeadlineTimer deadline(60000);
        while (out.bytes.size() < data->length && !broken && !deadline.hasExpired())
            QTest::qWait(5);
        if (broken)
            out.bytes = "broken chunk sequence";
    }
    QObject::disconnect(connection);
    return out;
}

} // namespace confab::test

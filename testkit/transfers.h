#pragma once
// Attachment uploads and downloads as a client does them, for the server tests.
#include "testclient.h"

#include <optional>

namespace confab::test {

QString sha256Hex(const QByteArray &bytes);

//! attachment.begin for `bytes` (with their sha256 unless `sha` is given).
protocol::Frame beginUpload(TestClient &c, const QString &conversationId, const QString &name,
                            const QByteArray &bytes, const QString &mime, const QString &sha = {});

//! Upload chunks for bytes [from, to), without waiting for anything.
void sendChunks(TestClient &c, const QString &uploadId, const QByteArray &bytes, qint64 from, qint64 to,
                qint64 chunkBytes);

//! begin, all chunks, finish: the reply to finish (or the first failure).
protocol::Frame upload(TestClient &c, const QString &conversationId, const QString &name,
                       const QByteArray &bytes,
                       const QString &mime = QStringLiteral("application/octet-stream"),
                       const QString &sha = {});

struct Fetched {
    protocol::Frame reply;
    QByteArray bytes;
};

//! attachment.fetch and the download chunks that follow it.
Fetched fetch(TestClient &c, const QString &attachmentId, bool thumbnail = false, qint64 offset = 0,
              std::optional<qint64> length = std::nullopt);

} // namespace confab::test

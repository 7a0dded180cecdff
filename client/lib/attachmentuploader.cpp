#include "attachmentuploader.h"

#include "protocol/binary.h"

#include <QFile>
#include <QFileInfo>

namespace confab::client {

using namespace confab::protocol;

namespace {
//! Chunks sent before asking the server where it stands: bounds what sits in socket buffers.
constexpr int kWindowChunks = 4;
constexpr int kMaxRestarts = 3;

bool isFinal(const Error &e)
{
    return e.code == ErrorCode::Forbidden || e.code == ErrorCode::NotFound || e.code == ErrorCode::Invalid ||
           e.code == ErrorCode::TooLarge || e.code == ErrorCode::Unauthorized;
}
} // namespace

AttachmentUploader::AttachmentUploader(Connection &connection, LocalCache &cache, QObject *parent)
    : QObject(parent), m_connection(connection), m_cache(cache)
{
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &AttachmentUploader::kick);
    // A lost link ends the current step; the next kick after reconnecting asks attachment.status.
    connect(&m_connection, &Connection::stateChanged, this, [this](Connection::State state) {
        if (state != Connection::State::Online && m_current)
            stop(false);
    });
}

void AttachmentUploader::kick()
{
    if (m_current || !m_connection.isOnline() || !m_cache.isOpen())
        return;
    for (const OutboxItem &item : m_cache.outbox()) {
        if (item.failed)
            continue;
        for (const OutboxFile &file : item.files) {
            if (file.done || file.failed)
                continue;
            m_current.emplace();
            m_current->clientId = item.clientId;
            m_current->conversationId = item.conversationId;
            m_current->file = file;
            ++m_generation;
            if (file.uploadId.isEmpty())
                beginUpload();
            else
                askStatus(); // resume: the server says how far it got
            return;
        }
    }
}

void AttachmentUploader::cancel(const QString &clientId)
{
    if (m_current && m_current->clientId == clientId) {
        stop(false);
        kick();
    }
}

void AttachmentUploader::stop(bool retryLater)
{
    m_current.reset();
    ++m_generation;
    if (retryLater && !m_retry.isActive())
        m_retry.start(2000);
}

void AttachmentUploader::fail(const QString &error)
{
    OutboxFile &file = m_current->file;
    file.failed = true;
    file.error = error;
    m_cache.saveOutboxFile(file);
    const QString clientId = m_current->clientId, key = file.key;
    stop(false);
    emit fileFailed(clientId, key, error);
    kick(); // a failed file never holds up the others
}

void AttachmentUploader::beginUpload()
{
    OutboxFile &file = m_current->file;
    const QFileInfo info(file.path);
    if (!info.isFile())
        return fail(tr("The file %1 is no longer there").arg(file.name));
    if (info.size() != file.size)
        return fail(tr("The file %1 changed after it was attached").arg(file.name));
    if (file.size > m_limits.maxAttachmentBytes)
        return fail(tr("%1 is larger than this server accepts").arg(file.name));
    file.uploadId.clear();
    file.attachmentId.clear();
    file.offset = 0;
    m_connection.request(AttachmentBegin{m_current->conversationId, file.name, file.size, file.mime, file.sha256},
                         guarded<AttachmentUpload>(&AttachmentUploader::onUpload));
}

void AttachmentUploader::askStatus()
{
    m_connection.request(AttachmentStatus{m_current->file.uploadId}, guarded<AttachmentUpload>(&AttachmentUploader::onUpload));
}

void AttachmentUploader::onUpload(const Reply<AttachmentUpload> &reply)
{
    OutboxFile &file = m_current->file;
    if (reply) {
        const AttachmentUpload *up = &*reply;
        // Chunks refused again and again (a server that keeps saying "expected offset N"): pause.
        if (up->uploadId == file.uploadId && up->offset <= file.offset && m_current->windowSent &&
            ++m_current->stalls > kMaxRestarts)
            return stop(true);
        m_current->windowSent = false;
        file.uploadId = up->uploadId;
        file.attachmentId = up->attachmentId;
        file.offset = up->offset;
        m_cache.saveOutboxFile(file);
        const quint64 generation = m_generation;
        emit progress(m_current->clientId, file.key, file.offset, file.size);
        if (generation != m_generation || !m_current)
            return; // a listener stopped us (cancel, disconnect)
        if (file.offset >= file.size)
            finish();
        else
            sendWindow();
        return;
    }
    onRefused(reply.error());
}

void AttachmentUploader::onRefused(const Error &error)
{
    if (error.code == ErrorCode::NotFound && !m_current->file.uploadId.isEmpty() &&
        ++m_current->restarts <= kMaxRestarts) {
        // The server forgot the upload (restart, timeout): begin again.
        beginUpload();
        return;
    }
    if (isFinal(error))
        return fail(error.message);
    stop(true);
}

void AttachmentUploader::sendWindow()
{
    OutboxFile &file = m_current->file;
    QFile io(file.path);
    if (!io.open(QIODevice::ReadOnly) || io.size() != file.size || !io.seek(file.offset))
        return fail(tr("The file %1 cannot be read").arg(file.name));
    // The data per chunk: what the server asks for, and what fits in its largest binary frame.
    const qint64 header = 13 + file.uploadId.size();
    const qint64 chunkBytes = std::max<qint64>(1, std::min(m_limits.chunkBytes, m_limits.maxBinaryFrameBytes - header));
    qint64 at = file.offset;
    for (int i = 0; i < kWindowChunks && at < file.size; ++i) {
        const QByteArray bytes = io.read(std::min(chunkBytes, file.size - at));
        if (bytes.isEmpty())
            return fail(tr("The file %1 cannot be read").arg(file.name));
        if (!m_connection.sendBinary(encodeChunk(Chunk{ChunkKind::Upload, file.uploadId, at, bytes})))
            return stop(false); // offline: resumed after reconnecting
        at += bytes.size();
    }
    m_current->windowSent = true;
    // Replies come in order, after the chunks: the status tells what arrived.
    askStatus();
}

void AttachmentUploader::finish()
{
    // The server hashes and, for images, makes thumbnails: give it time.
    m_connection.request(AttachmentFinish{m_current->file.uploadId}, guarded<AttachmentDone>(&AttachmentUploader::onFinished), 120000);
}

void AttachmentUploader::onFinished(const Reply<AttachmentDone> &reply)
{
    OutboxFile &file = m_current->file;
    if (reply) {
        const AttachmentDone *done = &*reply;
        file.done = true;
        file.attachmentId = done->attachment.id;
        file.offset = file.size;
        m_cache.saveOutboxFile(file);
        m_cache.saveAttachment(done->attachment);
        const QString clientId = m_current->clientId, key = file.key;
        stop(false);
        emit fileDone(clientId, key, done->attachment);
        kick();
        return;
    }
    const Error &error = reply.error();
    // Bytes missing (a chunk lost on a dropped link): ask where it stands and continue.
    if (error.code == ErrorCode::Invalid && error.field == QStringLiteral("upload_id"))
        return askStatus();
    if (error.code == ErrorCode::Conflict) {
        stop(true);
        return;
    }
    onRefused(error);
}

} // namespace confab::client

#include "attachmentdownloader.h"

#include "protocol/binary.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSaveFile>

namespace confab::client {

using namespace confab::protocol;

namespace {
//! How often metadata of a file still being uploaded is asked for again, and how far apart.
constexpr int kMaxInfoAttempts = 40;
constexpr int kRetryMs = 3000;

bool safeName(const QString &sha)
{
    static const QRegularExpression hex(QStringLiteral("^[0-9a-f]{64}$"));
    return hex.match(sha).hasMatch();
}
} // namespace

AttachmentDownloader::AttachmentDownloader(Connection &connection, QObject *parent)
    : QObject(parent), m_connection(connection)
{
    connect(&m_connection, &Connection::binaryReceived, this, &AttachmentDownloader::onChunk);
    connect(&m_connection, &Connection::stateChanged, this, [this](Connection::State state) {
        if (state == Connection::State::Online) {
            next();
        } else if (m_running) {
            // The job stays first in the queue; a download continues from its partial file.
            m_part.close();
            m_running = false;
            m_expected = -1;
            ++m_generation;
        }
    });
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, [this] {
        m_queue.append(std::exchange(m_later, {}));
        next();
    });
}

void AttachmentDownloader::setCacheDir(const QString &dir)
{
    m_part.close();
    m_queue.clear();
    m_later.clear();
    m_running = false;
    ++m_generation;
    m_dir = dir;
    if (!m_dir.isEmpty())
        QDir().mkpath(QDir(m_dir).filePath(QStringLiteral("thumbs")));
}

QString AttachmentDownloader::cachedFile(const AttachmentInfo &info) const
{
    if (m_dir.isEmpty() || !safeName(info.sha256))
        return {};
    const QString path = QDir(m_dir).filePath(info.sha256);
    return QFileInfo(path).size() == info.size && info.size > 0 ? path : QString();
}

QString AttachmentDownloader::cachedThumbnail(const AttachmentInfo &info) const
{
    if (m_dir.isEmpty() || !safeName(info.sha256))
        return {};
    const QString path = QDir(m_dir).filePath(QStringLiteral("thumbs/") + info.sha256);
    return QFileInfo::exists(path) ? path : QString();
}

QString AttachmentDownloader::partPath(const AttachmentInfo &info) const
{
    return QDir(m_dir).filePath(info.sha256 + QStringLiteral(".part"));
}

bool AttachmentDownloader::isDownloading(const QString &attachmentId) const
{
    return std::any_of(m_queue.cbegin(), m_queue.cend(), [&](const Job &j) { return j.full && j.id == attachmentId; });
}

void AttachmentDownloader::fetchInfo(const QString &attachmentId)
{
    for (const Job &j : m_queue + m_later) {
        if (!j.full && j.id == attachmentId)
            return;
    }
    m_queue.append(Job{attachmentId, false, {}, 0});
    next();
}

void AttachmentDownloader::download(const AttachmentInfo &info)
{
    if (const QString path = cachedFile(info); !path.isEmpty()) {
        emit downloaded(info.id, path);
        return;
    }
    if (!safeName(info.sha256) || isDownloading(info.id))
        return;
    m_queue.append(Job{info.id, true, info, 0});
    next();
}

void AttachmentDownloader::next()
{
    if (m_running || m_queue.isEmpty() || !m_connection.isOnline() || m_dir.isEmpty())
        return;
    m_running = true;
    ++m_generation;
    m_expected = -1;
    m_thumbnail.clear();
    const Job &job = m_queue.first();
    AttachmentFetch fetch{job.id, 0, std::nullopt, !job.full};
    if (job.full) {
        m_part.setFileName(partPath(job.info));
        if (!m_part.open(QIODevice::Append)) {
            emit failed(job.id, m_part.errorString());
            m_queue.removeFirst();
            m_running = false;
            return next();
        }
        fetch.offset = m_part.size();
        if (fetch.offset >= job.info.size) {
            m_info = job.info;
            return complete();
        }
    }
    m_connection.request(fetch, [this, generation = m_generation](const Reply<AttachmentData> &reply) {
        if (generation == m_generation && m_running)
            onData(reply);
    });
}

void AttachmentDownloader::onData(const Reply<AttachmentData> &reply)
{
    Job &job = m_queue.first();
    if (reply) {
        const AttachmentData *data = &*reply;
        m_info = data->attachment;
        if (!job.full)
            emit infoReceived(m_info);
        if (!m_info.complete) {
            // Still being uploaded by the sender: ask again in a while.
            return finishJob(++job.attempts < kMaxInfoAttempts);
        }
        m_expected = data->length;
        m_nextOffset = data->offset;
        if (m_expected == 0)
            complete();
        return;
    }
    const Error *error = &reply.error();
    if (error->code == ErrorCode::Unavailable) {
        if (m_connection.isOnline())
            finishJob(++job.attempts < kMaxInfoAttempts); // no reply in time
        return; // otherwise the link dropped: the job starts over once online
    }
    const QString id = job.id;
    m_part.close();
    finishJob(false);
    emit failed(id, error->message);
}

void AttachmentDownloader::onChunk(const QByteArray &frame)
{
    if (!m_running || m_expected <= 0)
        return;
    auto chunk = decodeChunk(frame, field::kMaxServerFrameBytes);
    const Job &job = m_queue.first();
    if (!chunk.ok() || chunk->kind != ChunkKind::Download || chunk->id != job.id || chunk->offset != m_nextOffset ||
        chunk->bytes.size() > m_expected) {
        m_part.close();
        return finishJob(false); // out of step: dropped; asking again starts a clean transfer
    }
    if (job.full) {
        if (m_part.write(chunk->bytes) != chunk->bytes.size()) {
            const QString id = job.id, why = m_part.errorString();
            m_part.close();
            finishJob(false);
            emit failed(id, why);
            return;
        }
    } else {
        m_thumbnail.append(chunk->bytes);
    }
    m_nextOffset += chunk->bytes.size();
    m_expected -= chunk->bytes.size();
    if (job.full)
        emit progress(job.id, m_nextOffset, m_info.size);
    if (m_expected == 0)
        complete();
}

void AttachmentDownloader::complete()
{
    const Job job = m_queue.first();
    if (!job.full) {
        // Taken before the next job starts and reuses the buffers.
        const QByteArray thumbnail = std::exchange(m_thumbnail, {});
        const QString sha = m_info.sha256;
        finishJob(false);
        if (!thumbnail.isEmpty() && safeName(sha)) {
            QSaveFile out(QDir(m_dir).filePath(QStringLiteral("thumbs/") + sha));
            if (out.open(QIODevice::WriteOnly) && out.write(thumbnail) == thumbnail.size() && out.commit())
                emit thumbnailReady(job.id, out.fileName());
        }
        return;
    }
    m_part.close();
    // Verified before it counts as cached: a damaged file is thrown away, never shown or saved.
    QCryptographicHash hash(QCryptographicHash::Sha256);
    QFile part(partPath(job.info));
    const bool read = part.open(QIODevice::ReadOnly) && hash.addData(&part);
    part.close();
    const QString path = QDir(m_dir).filePath(job.info.sha256);
    finishJob(false);
    if (read && QString::fromLatin1(hash.result().toHex()) == job.info.sha256) {
        QFile::remove(path);
        if (QFile::rename(part.fileName(), path)) {
            emit downloaded(job.id, path);
            return;
        }
    }
    QFile::remove(part.fileName());
    emit failed(job.id, tr("The downloaded file was damaged"));
}

void AttachmentDownloader::finishJob(bool retryLater)
{
    Job job = m_queue.takeFirst();
    m_running = false;
    m_expected = -1;
    ++m_generation;
    if (retryLater) {
        m_later.append(job);
        if (!m_retry.isActive())
            m_retry.start(kRetryMs);
    }
    next();
}

} // namespace confab::client

#include "attachmentservice.h"

#include "core/logging.h"
#include "domain/clock.h"
#include "domain/ids.h"
#include "domain/images.h"
#include "services/steps.h"
#include "storage/conversationstore.h"
#include "storage/database.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMimeDatabase>
#include <QSet>
#include <QThread>

namespace confab::server {

using protocol::ErrorCode;

namespace {
const QString kAttachment = QStringLiteral("attachment");
const QString kUpload = QStringLiteral("upload");
const QString kChunk = QStringLiteral("chunk");


bool typeAllowed(const QString &mime, const QStringList &allowed) {
    // Exact names only (plus "type/*"): inheritance would let in e.g. .desktop launchers and shell
    // scripts, which shared-mime-info derives from text/plain.
    for (const QString &entry : allowed) {
        if (entry.endsWith(QLatin1StringView("/*")) ? mime.startsWith(entry.chopped(1)) : mime == entry)
            return true;
    }
    return false;
}

//! What the worker made of a verified upload.
struct Stored {
    std::optional<Failure> failure;
    QString mime;
    qint64 size = 0;
    QString sha256;
    std::optional<qint64> width;
    std::optional<qint64> height;
};

//! Worker thread: detects the type from the bytes, processes images, and moves the file into the store.
Stored storeUpload(BlobStore &blobs, const QString &tmpPath, const QString &sha256, qint64 size,
                   const QStringList &allowed, bool strip) {
    Stored out;
    out.sha256 = sha256;
    out.size = size;
    // The content decides, never the name or the declared type (the temp file has no extension).
    out.mime = QMimeDatabase().mimeTypeForFile(tmpPath, QMimeDatabase::MatchContent).name();
    if (!typeAllowed(out.mime, allowed)) {
        out.failure = invalid(QStringLiteral("files of type %1 are not accepted").arg(out.mime),
                              QStringLiteral("mime"));
        return out;
    }
    QString source = tmpPath;
    const QByteArray format = images::formatFor(out.mime);
    if (format.isEmpty() && strip && out.mime.startsWith(QLatin1StringView("image/"))) {
        // An image this server cannot write again would be stored with all its metadata.
        out.failure = invalid(
            QStringLiteral("images of type %1 cannot be stored without their metadata here").arg(out.mime),
            QStringLiteral("mime"));
        return out;
    }
    if (!format.isEmpty()) {
        QFile uploaded(tmpPath);
        if (!uploaded.open(QIODevice::ReadOnly)) {
            out.failure = Failure{ErrorCode::Internal, QStringLiteral("internal error"), {}, {}};
            return out;
        }
        const images::Processed image = images::process(uploaded.readAll(), format, strip);
        uploaded.close();
        if (!image.ok) {
            out.failure = Failure{image.tooLarge ? ErrorCode::TooLarge : ErrorCode::Invalid,
                                  image.error,
                                  {},
                                  QStringLiteral("upload_id")};
            return out;
        }
        out.width = image.width;
        out.height = image.height;
        if (!image.stripped.isEmpty()) {
            // The stored bytes are the clean ones: size and sha256 describe what clients download.
            source = tmpPath + QStringLiteral(".clean");
            QFile clean(source);
            if (!clean.open(QIODevice::WriteOnly) || clean.write(image.stripped) != image.stripped.size()) {
                out.failure = Failure{ErrorCode::Internal, QStringLiteral("internal error"), {}, {}};
                return out;
            }
            clean.close();
            QFile::remove(tmpPath);
            out.size = image.stripped.size();
            out.sha256 = QString::fromLatin1(
                QCryptographicHash::hash(image.stripped, QCryptographicHash::Sha256).toHex());
        }
        if (!blobs.put({BlobKind::Thumbnail, out.sha256}, image.thumbnail) ||
            !blobs.put({BlobKind::Preview, out.sha256}, image.preview)) {
            out.failure = Failure{ErrorCode::Internal, QStringLiteral("internal error"), {}, {}};
            return out;
        }
    }
    if (!blobs.takeFile({BlobKind::File, out.sha256}, source))
        out.failure = Failure{ErrorCode::Internal, QStringLiteral("internal error"), {}, {}};
    return out;
}

//! storeUpload with a store of the worker's own; a database that fails is an internal error.
Stored storeUploadOnWorker(const BlobStoreFactory &makeStore, const QString &tmpPath, const QString &sha256,
                           qint64 size, const QStringList &allowed, bool strip) {
    try {
        if (const std::unique_ptr<BlobStore> blobs = makeStore())
            return storeUpload(*blobs, tmpPath, sha256, size, allowed, strip);
    } catch (const StoreError &e) {
        qCWarning(lcStore) << "cannot store an upload:" << e.what();
    }
    Stored out;
    out.failure = Failure{ErrorCode::Unavailable, QStringLiteral("the attachment store is not available"), {}, {}};
    return out;
}
} // namespace

protocol::AttachmentInfo attachmentInfo(BlobStore &blobs, const AttachmentRow &row) {
    protocol::AttachmentInfo info;
    info.id = row.id;
    info.name = row.name;
    info.mime = row.mime;
    info.size = row.size;
    info.sha256 = row.sha256;
    info.complete = row.complete;
    info.width = row.width;
    info.height = row.height;
    if (row.complete && row.width) {
        const QByteArray preview = blobs.read({BlobKind::Preview, row.sha256}, 0, protocol::Limits::kAttachmentBytesCeiling);
        if (!preview.isEmpty())
            info.preview = QString::fromLatin1(preview.toBase64());
    }
    return info;
}

std::optional<Failure> checkMessageAttachments(AttachmentStore &store, const QString &userId,
                                               const QString &conversationId, const QList<QString> &ids) {
    for (qsizetype i = 0; i < ids.size(); ++i) {
        const QString field = QStringLiteral("attachments[%1]").arg(i);
        if (ids.indexOf(ids[i]) != i)
            return invalid(QStringLiteral("the same attachment is listed twice"), field);
        const auto row = store.byId(ids[i]);
        if (!row || row->conversationId != conversationId || row->uploaderId != userId ||
            !row->messageId.isEmpty())
            return Failure{ErrorCode::NotFound, QStringLiteral("attachment not found"), {}, field};
    }
    return std::nullopt;
}

AttachmentService::AttachmentService(Database &db, const ServerConfig &config, QObject *parent)
    : QObject(parent)
    , m_root(QDir(config.dataDir).absoluteFilePath(QStringLiteral("attachments")))
    , m_db(db)
    , m_config(config)
    , m_store(std::make_unique<AttachmentStore>(db))
    , m_blobs(openBlobStore(blobStoreChoice(config.attachmentStore, db), db, m_root))
    , m_workerBlobs(blobStoreFactory(blobStoreChoice(config.attachmentStore, db), db, m_root))
    , m_conversations(std::make_unique<ConversationStore>(db)) {
    m_pool.setMaxThreadCount(std::max(1, QThread::idealThreadCount() / 2));
}

AttachmentService::~AttachmentService() {
    m_pool.waitForDone();
}

bool AttachmentService::prepare(QString *error) {
    const QString tmp = m_root + QStringLiteral("/tmp");
    if (!QDir().mkpath(tmp) || !QDir().mkpath(m_root + QStringLiteral("/thumbs"))) {
        *error = QStringLiteral("cannot create the attachment folder %1").arg(m_root);
        return false;
    }
    const auto leftovers = QDir(tmp).entryList(QDir::Files);
    for (const QString &name : leftovers)
        QFile::remove(tmp + u'/' + name);
    return true;
}

bool AttachmentService::isMember(const QString &conversationId, const QString &userId) {
    const auto me = m_conversations->member(conversationId, userId);
    return me && me->active;
}

protocol::AttachmentUpload AttachmentService::progress(const Upload &u) const {
    return protocol::AttachmentUpload{u.id, u.attachmentId, u.offset, m_config.limits.chunkBytes};
}

AttachmentService::Upload *AttachmentService::upload(const Identity &who, const QString &uploadId) {
    const auto it = m_uploads.find(uploadId);
    // Another user's upload reads as unknown: upload ids are not to be probed either.
    return it == m_uploads.end() || it->second->userId != who.userId ? nullptr : it->second.get();
}

void AttachmentService::discard(const QString &uploadId) {
    const auto it = m_uploads.find(uploadId);
    if (it == m_uploads.end())
        return;
    QFile::remove(it->second->tmpPath);
    QFile::remove(it->second->tmpPath + QStringLiteral(".clean"));
    try {
        m_store->removeIncomplete(it->second->attachmentId);
    } catch (const StoreError &e) {
        // The row stays incomplete; the sweep removes it later.
        qCWarning(lcStore) << "an abandoned upload's row stays until the next sweep:" << e.what();
    }
    m_uploads.erase(it);
}

Outcome<protocol::AttachmentUpload> AttachmentService::begin(const Identity &who,
                                                             const protocol::AttachmentBegin &request) {
    const qint64 maxBytes =
        std::min(m_config.limits.maxAttachmentBytes, protocol::Limits::kAttachmentBytesCeiling);
    if (request.size > maxBytes)
        return Failure{ErrorCode::TooLarge,
                       QStringLiteral("attachments are limited to %1 bytes").arg(maxBytes),
                       {},
                       QStringLiteral("size")};
    try {
        if (!isMember(request.conversationId, who.userId))
            return notFound(QStringLiteral("conversation"));
        if (m_config.attachmentQuotaBytes > 0 &&
            m_store->bytesUsedBy(who.userId) + request.size > m_config.attachmentQuotaBytes)
            return Failure{ErrorCode::TooLarge,
                           QStringLiteral("this would exceed your attachment quota of %1 bytes")
                               .arg(m_config.attachmentQuotaBytes),
                           {},
                           QStringLiteral("size")};
        auto u = std::make_unique<Upload>();
        u->id = ids::make('p');
        u->attachmentId = ids::make('a');
        u->userId = who.userId;
        u->conversationId = request.conversationId;
        u->name = request.name;
        u->sha256 = request.sha256.toLower();
        u->size = request.size;
        u->lastActivity = nowMs();
        u->tmpPath =
            m_root + QStringLiteral("/tmp/") + u->id; // server-made: nothing of the client's is a path
        QFile file(u->tmpPath);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return Failure{ErrorCode::Internal, QStringLiteral("internal error"), {}, {}};
        file.close();
        // The id is reserved now, so that a message may name the attachment while its bytes arrive.
        AttachmentRow row;
        row.id = u->attachmentId;
        row.conversationId = request.conversationId;
        row.uploaderId = who.userId;
        row.name = request.name;
        row.mime = request.mime;
        row.size = request.size;
        row.sha256 = u->sha256;
        row.createdAt = u->lastActivity;
        m_store->insert(row);
        const auto reply = progress(*u);
        m_uploads.emplace(u->id, std::move(u));
        return reply;
    } catch (const StoreError &e) {
        return storeFailure(e);
    }
}

Outcome<protocol::AttachmentUpload> AttachmentService::status(const Identity &who,
                                                              const protocol::AttachmentStatus &request) {
    const Upload *u = upload(who, request.uploadId);
    if (!u)
        return notFound(kUpload);
    return progress(*u);
}

std::optional<Failure> AttachmentService::chunk(const Identity &who, const protocol::Chunk &chunk) {
    Upload *u = upload(who, chunk.id);
    if (!u)
        return Failure{ErrorCode::NotFound, QStringLiteral("upload %1 not found").arg(chunk.id), {}, kChunk};
    if (u->finishing)
        return Failure{
            ErrorCode::Conflict, QStringLiteral("upload %1 is being finished").arg(chunk.id), {}, kChunk};
    if (chunk.offset != u->offset)
        return invalid(QStringLiteral("upload %1: chunk at offset %2, expected offset %3")
                           .arg(chunk.id)
                           .arg(chunk.offset)
                           .arg(u->offset),
                       kChunk);
    if (chunk.offset + chunk.bytes.size() > u->size) {
        // More bytes than announced: the announcement was the limit we checked, so the upload ends here.
        const QString id = u->id;
        discard(id);
        return Failure{
            ErrorCode::TooLarge,
            QStringLiteral("upload %1 got more bytes than its declared size; it was aborted").arg(id),
            {},
            kChunk};
    }
    QFile file(u->tmpPath);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Append) ||
        file.write(chunk.bytes) != chunk.bytes.size()) {
        qCWarning(lcStore).noquote() << "cannot write an upload chunk:" << file.errorString();
        return Failure{ErrorCode::Internal, QStringLiteral("internal error"), {}, kChunk};
    }
    u->hash.addData(chunk.bytes);
    u->offset += chunk.bytes.size();
    u->lastActivity = nowMs();
    return std::nullopt;
}

void AttachmentService::finish(const Identity &who, const protocol::AttachmentFinish &request,
                               std::function<void(Outcome<protocol::AttachmentDone>)> done) {
    Upload *u = upload(who, request.uploadId);
    if (!u)
        return done(notFound(kUpload));
    if (u->finishing)
        return done(Failure{ErrorCode::Conflict, QStringLiteral("the upload is being finished"), {}, {}});
    if (u->offset != u->size)
        return done(invalid(QStringLiteral("only %1 of %2 bytes arrived; send the rest from offset %1")
                                .arg(u->offset)
                                .arg(u->size),
                            QStringLiteral("upload_id")));
    if (QString::fromLatin1(u->hash.result().toHex()) != u->sha256) {
        discard(request.uploadId);
        return done(
            invalid(QStringLiteral("the bytes do not match the declared sha256; the upload was discarded"),
                    QStringLiteral("sha256")));
    }
    bool blind = false;
    try {
        const auto conversation = m_conversations->byId(u->conversationId);
        blind = conversation && conversation->kind == ConversationKind::Blind;
    } catch (const StoreError &e) {
        return done(storeFailure(e));
    }
    u->finishing = true;
    u->lastActivity = nowMs();
    const QString uploadId = u->id;
    const QString attachmentId = u->attachmentId;
    // Blind rooms always: EXIF, comments and text chunks may carry a camera serial number, a location
    // or an author's name that names the sender.
    const bool strip = m_config.stripImageMetadata || blind;
    m_pool.start([this, makeStore = m_workerBlobs, tmpPath = u->tmpPath, sha = u->sha256, size = u->size,
                  allowed = m_config.attachmentTypes, strip, uploadId, attachmentId, done = std::move(done)] {
        Stored stored = storeUploadOnWorker(makeStore, tmpPath, sha, size, allowed, strip);
        // Back to the service's thread; the destructor waits for the pool, so `this` is alive here,
        // and an event posted to a destroyed object is dropped.
        QMetaObject::invokeMethod(
            this,
            [this, stored = std::move(stored), uploadId, attachmentId, done] {
                if (stored.failure) {
                    discard(uploadId);
                    return done(*stored.failure);
                }
                m_uploads.erase(uploadId); // the temp file was moved into the store
                try {
                    auto row = m_store->byId(attachmentId);
                    if (!row)
                        return done(notFound(kAttachment));
                    row->mime = stored.mime;
                    row->size = stored.size;
                    row->sha256 = stored.sha256;
                    row->width = stored.width;
                    row->height = stored.height;
                    row->complete = true;
                    m_store->markComplete(*row);
                    done(protocol::AttachmentDone{attachmentInfo(*m_blobs, *row)});
                } catch (const StoreError &e) {
                    done(storeFailure(e));
                }
            },
            Qt::QueuedConnection);
    });
}

Outcome<AttachmentService::Download> AttachmentService::fetch(const Identity &who,
                                                              const protocol::AttachmentFetch &request) {
    try {
        const auto row = m_store->byId(request.attachmentId);
        // Membership is authorization; a deleted message takes its attachments with it.
        if (!row || row->messageDeleted || !isMember(row->conversationId, who.userId))
            return notFound(kAttachment);
        Download download;
        download.reply.attachment = attachmentInfo(*m_blobs, *row);
        download.reply.offset = request.offset;
        if (!row->complete)
            return download; // metadata only: the bytes are still arriving
        const BlobKey blob{request.thumbnail ? BlobKind::Thumbnail : BlobKind::File, row->sha256};
        // 0 for the thumbnail of a file that is not an image
        const qint64 total = std::max<qint64>(0, m_blobs->size(blob));
        if (request.offset > total)
            return invalid(QStringLiteral("offset is past the end (%1 bytes)").arg(total),
                           QStringLiteral("offset"));
        download.reply.length =
            std::min(request.length.value_or(total - request.offset), total - request.offset);
        if (download.reply.length > 0)
            download.blob = blob;
        return download;
    } catch (const StoreError &e) {
        return storeFailure(e);
    }
}

void AttachmentService::stream(const Download &download,
                               const std::function<void(const QByteArray &)> &send) {
    if (!download.blob)
        return;
    protocol::Chunk chunk;
    chunk.kind = protocol::ChunkKind::Download;
    chunk.id = download.reply.attachment.id;
    chunk.offset = download.reply.offset;
    const qint64 end = download.reply.offset + download.reply.length;
    while (chunk.offset < end) {
        try {
            chunk.bytes = m_blobs->read(*download.blob, chunk.offset, std::min(m_config.limits.chunkBytes, end - chunk.offset));
        } catch (const StoreError &e) {
            qCWarning(lcStore) << "a download stops early:" << e.what();
            return; // the client sees fewer bytes than announced and fetches again
        }
        if (chunk.bytes.isEmpty())
            return;
        send(protocol::encodeChunk(chunk));
        chunk.offset += chunk.bytes.size();
    }
}

void AttachmentService::sweep(qint64 now) {
    const qint64 before = now - m_config.uploadTimeoutMs;
    QList<QString> stale;
    QSet<QString> active;
    for (const auto &[id, u] : m_uploads) {
        if (!u->finishing && u->lastActivity < before)
            stale.append(id);
        else
            active.insert(u->attachmentId);
    }
    for (const QString &id : std::as_const(stale)) {
        qCInfo(lcStore).noquote() << "discarding the abandoned upload" << id;
        discard(id);
    }
    try {
        // Rows of uploads this process no longer knows (it restarted meanwhile).
        const QList<QString> candidates = m_store->incompleteBefore(before);
        for (const QString &id : candidates) {
            if (!active.contains(id))
                m_store->removeIncomplete(id);
        }
    } catch (const StoreError &e) {
        qCWarning(lcStore) << "the sweep of unfinished uploads is left for the next one:" << e.what();
    }
}

} // namespace confab::server

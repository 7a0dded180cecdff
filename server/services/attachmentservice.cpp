#include "attachmentservice.h"

#include "core/logging.h"
#include "domain/clock.h"
#include "domain/ids.h"
#include "services/steps.h"
#include "storage/conversationstore.h"
#include "storage/database.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QThread>

namespace confab::server {

using protocol::ErrorCode;

namespace {
const QString kAttachment = QStringLiteral("attachment");
const QString kUpload = QStringLiteral("upload");
const QString kChunk = QStringLiteral("chunk");

//! How long an instance may take to finish an upload before another may take it over (it died).
constexpr qint64 kFinishLeaseMs = 5 * 60 * 1000;
//! How often the store setting is read again (`attachments migrate` switches it while servers run).
constexpr int kChoiceCheckMs = 2000;
//! Put-together files older than this were left by a process that died.
constexpr qint64 kLeftoverMs = 2 * kFinishLeaseMs;

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
    , m_uploads(std::make_unique<UploadStore>(db))
    , m_choice(std::make_shared<StoreChoice>(blobStoreChoice(config.attachmentStore, db) == QLatin1StringView("database")))
    , m_blobs(openBlobStore(m_choice, db, m_root))
    , m_workerBlobs(blobStoreFactory(m_choice, db, m_root))
    , m_conversations(std::make_unique<ConversationStore>(db)) {
    m_pool.setMaxThreadCount(std::max(1, QThread::idealThreadCount() / 2));
    connect(&m_choiceCheck, &QTimer::timeout, this, &AttachmentService::refreshStoreChoice);
    m_choiceCheck.start(kChoiceCheckMs);
    m_janitor = std::make_unique<AttachmentJanitor>(AttachmentJanitor::Settings{db.url(), m_root, config.uploadTimeoutMs,
                                                                                config.unsentTtlMs, config.gcGraceMs});
    m_janitor->start(config.gcIntervalMs);
}

AttachmentService::~AttachmentService() {
    m_pool.waitForDone();
}

bool AttachmentService::prepare(QString *error) {
    const QString tmp = m_root + QStringLiteral("/tmp");
    if (!QDir().mkpath(tmp) || !QDir().mkpath(m_root + QStringLiteral("/thumbs")) ||
        !QDir().mkpath(m_root + QStringLiteral("/uploads"))) {
        *error = QStringLiteral("cannot create the attachment folder %1").arg(m_root);
        return false;
    }
    // Files being put together for a finish; on a shared folder other instances' may be in use.
    const QDateTime before = QDateTime::fromMSecsSinceEpoch(nowMs() - kLeftoverMs);
    const auto leftovers = QDir(tmp).entryInfoList(QDir::Files);
    for (const QFileInfo &file : leftovers) {
        if (file.lastModified() < before)
            QFile::remove(file.absoluteFilePath());
    }
    return true;
}

void AttachmentService::refreshStoreChoice() {
    try {
        const bool database = blobStoreChoice(m_config.attachmentStore, m_db) == QLatin1StringView("database");
        if (database != m_choice->database()) {
            m_choice->setDatabase(database);
            qCInfo(lcStore).noquote() << "attachment bytes now go to the" << m_choice->name() << "store";
        }
    } catch (const StoreError &e) {
        qCWarning(lcStore) << "the attachment store setting is read again later:" << e.what();
    }
}

QString AttachmentService::spoolPath(const QString &uploadId) const {
    return m_root + QStringLiteral("/uploads/") + uploadId; // server-made ids only
}

bool AttachmentService::isMember(const QString &conversationId, const QString &userId) {
    const auto me = m_conversations->member(conversationId, userId);
    return me && me->active;
}

protocol::AttachmentUpload AttachmentService::progress(const UploadRow &u) const {
    return protocol::AttachmentUpload{u.id, u.attachmentId, u.received, m_config.limits.chunkBytes};
}

void AttachmentService::discard(const UploadRow &upload) {
    try {
        Transaction tx(m_db);
        m_uploads->remove(upload.id);
        m_store->removeIncomplete(upload.attachmentId);
        tx.commit();
    } catch (const StoreError &e) {
        // The rows stay; the sweep of abandoned uploads removes them later.
        qCWarning(lcStore) << "an ended upload's rows stay until the next sweep:" << e.what();
        return;
    }
    if (upload.spool == UploadSpool::Disk)
        QFile::remove(spoolPath(upload.id));
    else
        m_pool.start([url = m_db.url(), id = upload.id] { removeUploadParts(url, id); });
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
        UploadRow upload;
        upload.id = ids::make('p');
        upload.attachmentId = ids::make('a');
        upload.userId = who.userId;
        upload.conversationId = request.conversationId;
        upload.sha256 = request.sha256.toLower();
        upload.size = request.size;
        upload.touchedAt = nowMs();
        // The bytes wait in the store that is chosen now, for the whole upload.
        upload.spool = m_choice->database() ? UploadSpool::Database : UploadSpool::Disk;
        if (upload.spool == UploadSpool::Disk) {
            QFile file(spoolPath(upload.id));
            if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
                return Failure{ErrorCode::Internal, QStringLiteral("internal error"), {}, {}};
        }
        // The attachment id is reserved now, so that a message may name it while its bytes arrive.
        AttachmentRow row;
        row.id = upload.attachmentId;
        row.conversationId = request.conversationId;
        row.uploaderId = who.userId;
        row.name = request.name;
        row.mime = request.mime;
        row.size = request.size;
        row.sha256 = upload.sha256;
        row.createdAt = upload.touchedAt;
        Transaction tx(m_db);
        m_store->insert(row);
        m_uploads->insert(upload);
        tx.commit();
        return progress(upload);
    } catch (const StoreError &e) {
        return storeFailure(e);
    }
}

Outcome<protocol::AttachmentUpload> AttachmentService::status(const Identity &who,
                                                              const protocol::AttachmentStatus &request) {
    try {
        const auto upload = m_uploads->byId(request.uploadId);
        // Another user's upload reads as unknown: upload ids are not to be probed either.
        if (!upload || upload->userId != who.userId)
            return notFound(kUpload);
        return progress(*upload);
    } catch (const StoreError &e) {
        return storeFailure(e);
    }
}

std::optional<Failure> AttachmentService::chunk(const Identity &who, const protocol::Chunk &chunk) {
    try {
        Transaction tx(m_db);
        const auto spool = m_uploads->advance(chunk.id, who.userId, chunk.offset, chunk.bytes.size(), nowMs());
        if (!spool) {
            // Nothing changed; the reason is read outside the transaction.
            tx.commit();
            return whyChunkRefused(who, chunk);
        }
        if (*spool == UploadSpool::Database) {
            m_uploads->insertPart(chunk.id, chunk.offset, chunk.bytes);
        } else {
            // The row is locked until the commit: no other instance writes this offset meanwhile.
            QFile file(spoolPath(chunk.id)); // the id matched a row: it is one this server made
            if (!file.open(QIODevice::ReadWrite) || !file.seek(chunk.offset) ||
                file.write(chunk.bytes) != chunk.bytes.size() || !file.flush()) {
                qCWarning(lcStore).noquote() << "cannot write an upload chunk:" << file.errorString();
                return Failure{ErrorCode::Internal, QStringLiteral("internal error"), {}, kChunk};
            }
        }
        tx.commit();
        return std::nullopt;
    } catch (const StoreError &e) {
        Failure failure = storeFailure(e);
        failure.field = kChunk;
        return failure;
    }
}

Failure AttachmentService::whyChunkRefused(const Identity &who, const protocol::Chunk &chunk) {
    const auto u = m_uploads->byId(chunk.id);
    if (!u || u->userId != who.userId)
        return Failure{ErrorCode::NotFound, QStringLiteral("upload %1 not found").arg(chunk.id), {}, kChunk};
    if (u->finishingUntil != 0)
        return Failure{ErrorCode::Conflict, QStringLiteral("upload %1 is being finished").arg(chunk.id), {}, kChunk};
    if (chunk.offset != u->received)
        return invalid(QStringLiteral("upload %1: chunk at offset %2, expected offset %3")
                           .arg(chunk.id)
                           .arg(chunk.offset)
                           .arg(u->received),
                       kChunk);
    // More bytes than announced: the announcement was the limit we checked, so the upload ends here.
    discard(*u);
    return Failure{ErrorCode::TooLarge,
                   QStringLiteral("upload %1 got more bytes than its declared size; it was aborted").arg(chunk.id),
                   {},
                   kChunk};
}

void AttachmentService::finish(const Identity &who, const protocol::AttachmentFinish &request,
                               std::function<void(Outcome<protocol::AttachmentDone>)> done) {
    FinishJob job;
    try {
        const auto upload = m_uploads->byId(request.uploadId);
        if (!upload || upload->userId != who.userId)
            return done(notFound(kUpload));
        if (upload->received != upload->size)
            return done(invalid(QStringLiteral("only %1 of %2 bytes arrived; send the rest from offset %1")
                                    .arg(upload->received)
                                    .arg(upload->size),
                                QStringLiteral("upload_id")));
        const qint64 now = nowMs();
        // One instance at a time; one that died while finishing is taken over when its lease ends.
        if (!m_uploads->claimFinish(upload->id, who.userId, now, now + kFinishLeaseMs))
            return done(Failure{ErrorCode::Conflict, QStringLiteral("the upload is being finished"), 1000, {}});
        const auto conversation = m_conversations->byId(upload->conversationId);
        // Blind rooms always: EXIF, comments and text chunks may carry a camera serial number, a location
        // or an author's name that names the sender.
        job.strip = m_config.stripImageMetadata || (conversation && conversation->kind == ConversationKind::Blind);
        job.upload = *upload;
    } catch (const StoreError &e) {
        return done(storeFailure(e));
    }
    job.spoolPath = spoolPath(job.upload.id);
    job.tmpPath = m_root + QStringLiteral("/tmp/") + job.upload.id + u'.' + ids::make('t');
    job.url = m_db.url();
    job.makeStore = m_workerBlobs;
    job.allowed = m_config.attachmentTypes;
    m_pool.start([this, job = std::move(job), done = std::move(done)] {
        Stored stored = finishUpload(job);
        // Back to the service's thread; the destructor waits for the pool, so `this` is alive here,
        // and an event posted to a destroyed object is dropped.
        QMetaObject::invokeMethod(
            this, [this, upload = job.upload, stored = std::move(stored), done] { finished(upload, stored, done); },
            Qt::QueuedConnection);
    });
}

void AttachmentService::finished(const UploadRow &upload, const Stored &stored,
                                 const std::function<void(Outcome<protocol::AttachmentDone>)> &done) {
    if (stored.failure) {
        if (stored.discard) {
            discard(upload);
        } else {
            try {
                m_uploads->releaseFinish(upload.id); // the client may try again at once
            } catch (const StoreError &) {
                // The lease runs out by itself.
            }
        }
        return done(*stored.failure);
    }
    try {
        auto row = m_store->byId(upload.attachmentId);
        if (!row)
            return done(notFound(kAttachment));
        row->mime = stored.mime;
        row->size = stored.size;
        row->sha256 = stored.sha256;
        row->width = stored.width;
        row->height = stored.height;
        row->complete = true;
        Transaction tx(m_db);
        m_store->markComplete(*row);
        m_uploads->remove(upload.id);
        tx.commit();
        if (upload.spool == UploadSpool::Database)
            m_pool.start([url = m_db.url(), id = upload.id] { removeUploadParts(url, id); });
        done(protocol::AttachmentDone{attachmentInfo(*m_blobs, *row)});
    } catch (const StoreError &e) {
        done(storeFailure(e));
    }
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

QByteArray AttachmentService::downloadChunk(const BlobKey &blob, qint64 offset, qint64 end) {
    try {
        return m_blobs->read(blob, offset, std::min(m_config.limits.chunkBytes, end - offset));
    } catch (const StoreError &e) {
        qCWarning(lcStore) << "a download stops early:" << e.what();
        return {};
    }
}

} // namespace confab::server

#include "exportservice.h"

#include "core/logging.h"
#include "domain/clock.h"
#include "domain/ids.h"
#include "services/exportbuilder.h"
#include "services/fanout.h"
#include "services/steps.h"
#include "storage/database.h"
#include "storage/garbagestore.h"

#include <QDateTime>
#include <QDir>
#include <QFile>

namespace confab::server {

using protocol::ErrorCode;
using protocol::ExportState;

namespace {
const QString kExport = QStringLiteral("export");
//! Rows removed per sweep: a sweep stays short on the main thread.
constexpr int kSweepBatch = 100;
} // namespace

protocol::AccountExportProgress exportProgress(const ExportRow &row) {
    protocol::AccountExportProgress p;
    p.exportId = row.id;
    p.state = row.state;
    p.percent = row.state == ExportState::Ready ? 100 : row.percent;
    if (row.state == ExportState::Ready) {
        p.size = row.size;
        p.sha256 = row.sha256;
        p.expiresAt = row.expiresAt;
    }
    if (row.state == ExportState::Failed)
        p.reason = row.reason;
    return p;
}

ExportService::ExportService(Database &db, const ServerConfig &config, Fanout &fanout, BlobStoreFactory blobs,
                             QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_config(config)
    , m_fanout(fanout)
    , m_store(db)
    , m_workerBlobs(std::move(blobs))
    , m_tmp(QDir(config.dataDir).absoluteFilePath(QStringLiteral("attachments/tmp"))) {
    m_pool.setMaxThreadCount(1);
    connect(&m_sweep, &QTimer::timeout, this, &ExportService::sweep);
    m_sweep.start(int(std::min<qint64>(m_config.exportSweepIntervalMs, 86'400'000)));
}

ExportService::~ExportService() {
    m_stop->store(true);
    m_pool.waitForDone();
    // Their results were posted to this object and are dropped with it: say what became of them.
    for (auto it = m_active.cbegin(); it != m_active.cend(); ++it) {
        try {
            m_store.markFailed(it.key(), QStringLiteral("the server stopped while building the export"),
                               nowMs());
        } catch (const StoreError &) {
            // The sweep of stalled builds fails it later.
        }
    }
}

void ExportService::push(const ExportRow &row) {
    m_fanout.toUsers({row.userId}, protocol::encodeFrame(exportProgress(row)));
}

Outcome<protocol::AccountExportProgress> ExportService::start(const Identity &who,
                                                              const protocol::AccountExport &) {
    ExportRow row;
    QList<ExportRow> replaced;
    try {
        const qint64 now = nowMs();
        if (const auto latest = m_store.latestOf(who.userId);
            latest && latest->state == ExportState::Building) {
            if (latest->touchedAt >= now - staleMs())
                return Failure{ErrorCode::Conflict,
                               QStringLiteral("an export is being built; wait for it to finish"),
                               std::nullopt, std::nullopt};
            m_store.markFailed(latest->id, QStringLiteral("the server stopped while building the export"),
                               now);
        }
        row.id = ids::make('x');
        row.userId = who.userId;
        row.createdAt = now;
        row.touchedAt = now;
        Transaction tx(m_db);
        m_store.insert(row);
        // A new export replaces the ones before it.
        replaced = m_store.othersOf(who.userId, row.id);
        for (const ExportRow &old : replaced)
            m_store.remove(old.id);
        tx.commit();
    } catch (const StoreError &e) {
        if (e.kind() == StoreError::Kind::Conflict) // another instance started one a moment ago
            return Failure{ErrorCode::Conflict,
                           QStringLiteral("an export is being built; wait for it to finish"), std::nullopt,
                           std::nullopt};
        return storeFailure(e);
    }
    for (const ExportRow &old : replaced)
        removeExport(old);

    QDir().mkpath(m_tmp);
    ExportJob job{row.id,
                  row.userId,
                  m_db.url(),
                  m_workerBlobs,
                  m_tmp + u'/' + row.id + QStringLiteral(".zip"),
                  m_config.exportMaxBytes,
                  m_stop};
    m_active.insert(row.id, 0);
    m_pool.start([this, job = std::move(job)] {
        const QString id = job.exportId, user = job.userId;
        const ExportBuilt result = buildExport(job, [this, id, user](int percent) {
            QMetaObject::invokeMethod(
                this, [this, id, user, percent] { progressed(id, user, percent); }, Qt::QueuedConnection);
        });
        // Back on the service's thread; the destructor waits for the pool, so `this` is alive here.
        QMetaObject::invokeMethod(
            this, [this, id, result] { built(id, result.sha256, result.size, result.failure); },
            Qt::QueuedConnection);
    });
    return exportProgress(row);
}

void ExportService::progressed(const QString &exportId, const QString &userId, int percent) {
    if (!m_active.contains(exportId))
        return;
    m_active[exportId] = percent;
    try {
        m_store.setPercent(exportId, percent, nowMs());
    } catch (const StoreError &e) {
        qCWarning(lcStore) << "an export's progress was not recorded:" << e.what();
    }
    ExportRow row;
    row.id = exportId;
    row.userId = userId;
    row.percent = percent;
    push(row);
}

void ExportService::built(const QString &exportId, const QString &sha256, qint64 size,
                          const std::optional<QString> &failure) {
    m_active.remove(exportId);
    const qint64 now = nowMs();
    try {
        if (failure)
            m_store.markFailed(exportId, *failure, now);
        else
            m_store.markReady(exportId, sha256, size, now + m_config.exportKeepHours * 3'600'000, now);
        if (const auto row = m_store.byId(exportId))
            push(*row);
    } catch (const StoreError &e) {
        // The row stays "building" until the sweep of stalled builds fails it.
        qCWarning(lcStore) << "an export's end was not recorded:" << e.what();
    }
}

Outcome<protocol::AccountExportProgress> ExportService::status(const Identity &who,
                                                               const protocol::AccountExportStatus &) {
    try {
        const auto row = m_store.latestOf(who.userId);
        if (!row || (row->state == ExportState::Ready && row->expiresAt <= nowMs()))
            return notFound(kExport);
        return exportProgress(*row);
    } catch (const StoreError &e) {
        return storeFailure(e);
    }
}

Outcome<AttachmentService::Download> ExportService::fetch(const Identity &who,
                                                          const protocol::AttachmentFetch &request) {
    try {
        const auto row = m_store.byId(request.attachmentId);
        // Someone else's export reads as unknown, like an attachment of a conversation I am not in.
        if (!row || row->userId != who.userId || row->state != ExportState::Ready ||
            row->expiresAt <= nowMs())
            return notFound(QStringLiteral("attachment"));
        AttachmentService::Download download;
        protocol::AttachmentInfo &info = download.reply.attachment;
        info.id = row->id;
        info.name = QStringLiteral("confab-export-%1.zip")
                        .arg(QDateTime::fromMSecsSinceEpoch(row->createdAt, Qt::UTC)
                                 .toString(QStringLiteral("yyyy-MM-dd")));
        info.mime = QStringLiteral("application/zip");
        info.size = row->size;
        info.sha256 = row->sha256;
        info.complete = true;
        download.reply.offset = request.offset;
        if (request.thumbnail)
            return download; // an archive has no thumbnail
        if (request.offset > row->size)
            return invalid(QStringLiteral("offset is past the end (%1 bytes)").arg(row->size),
                           QStringLiteral("offset"));
        download.reply.length =
            std::min(request.length.value_or(row->size - request.offset), row->size - request.offset);
        if (download.reply.length > 0)
            download.blob = BlobKey{BlobKind::File, row->sha256};
        return download;
    } catch (const StoreError &e) {
        return storeFailure(e);
    }
}

void ExportService::removeExport(const ExportRow &row) {
    if (row.sha256.isEmpty())
        return;
    try {
        // Removed now rather than at the attachment sweep's next pass, unless an attachment has the same
        // bytes.
        if (!m_blobs)
            m_blobs = m_workerBlobs();
        if (!GarbageStore(m_db).isReferenced(row.sha256))
            m_blobs->remove({BlobKind::File, row.sha256});
    } catch (const StoreError &e) {
        qCWarning(lcStore) << "an expired export's archive stays until the attachment sweep:" << e.what();
    }
}

void ExportService::sweep() {
    const qint64 now = nowMs();
    try {
        // This instance's builds are alive: say so, so that the others do not fail them.
        for (auto it = m_active.cbegin(); it != m_active.cend(); ++it)
            m_store.setPercent(it.key(), it.value(), now);
        for (const ExportRow &row : m_store.failStale(
                 now - staleMs(), QStringLiteral("the server stopped while building the export"), now))
            push(row);
        for (const ExportRow &row :
             m_store.expired(now, now - m_config.exportKeepHours * 3'600'000, kSweepBatch)) {
            m_store.remove(row.id);
            removeExport(row);
        }
    } catch (const StoreError &e) {
        qCWarning(lcStore) << "the export sweep runs again later:" << e.what();
    }
}

} // namespace confab::server

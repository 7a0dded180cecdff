#include "attachmentjanitor.h"

#include "core/logging.h"
#include "storage/attachmentstore.h"
#include "storage/database.h"
#include "storage/garbagestore.h"
#include "storage/uploadstore.h"

#include <QDateTime>
#include <QFile>

namespace confab::server {

namespace {
// What one run does at most: the sweep is spread over runs rather than holding anything for long.
constexpr int kUploadsPerRun = 100;
constexpr int kPartOwnersPerRun = 20;
constexpr int kPartsPerDelete = 64;
constexpr int kUnsentPerRun = 100;
constexpr int kBlobsListedPerRun = 1000;
constexpr int kBlobsPerList = 100;
} // namespace

AttachmentJanitor::AttachmentJanitor(Settings settings, QObject *parent) : QObject(parent), m_settings(std::move(settings))
{
    m_pool.setMaxThreadCount(1);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        if (m_running.exchange(true))
            return; // the last run is still going
        m_pool.start([this] {
            const Report report = sweepOnce(QDateTime::currentMSecsSinceEpoch());
            if (report.uploads || report.parts || report.unsent || report.blobs)
                qCInfo(lcStore).noquote() << "attachment sweep: removed" << report.uploads << "abandoned uploads,"
                                          << report.parts << "upload parts," << report.unsent << "unsent attachments,"
                                          << report.blobs << "blobs";
            m_running = false;
        });
    });
}

AttachmentJanitor::~AttachmentJanitor()
{
    m_timer.stop();
    m_pool.waitForDone();
}

void AttachmentJanitor::start(qint64 intervalMs)
{
    m_timer.start(int(intervalMs));
}

AttachmentJanitor::Report AttachmentJanitor::sweepOnce(qint64 now)
{
    Report report;
    const std::unique_ptr<Database> db = openWorkerConnection(m_settings.url, QStringLiteral("sweep"));
    if (!db)
        return report; // the next run tries again
    try {
        expireUploads(*db, now, report);
        removeUnsent(*db, now, report);
        DiskBlobStore disk(m_settings.root);
        sweepBlobs(disk, m_diskCursor, *db, now, report);
        DatabaseBlobStore database(*db);
        sweepBlobs(database, m_databaseCursor, *db, now, report);
    } catch (const StoreError &e) {
        qCWarning(lcStore) << "the attachment sweep goes on at its next run:" << e.what();
    }
    return report;
}

void AttachmentJanitor::expireUploads(Database &db, qint64 now, Report &report)
{
    UploadStore uploads(db);
    AttachmentStore attachments(db);
    const qint64 before = now - m_settings.uploadTimeoutMs;
    for (const UploadRow &upload : uploads.idleSince(before, now, kUploadsPerRun)) {
        Transaction tx(db);
        // A chunk that arrived since it was listed saves it; another instance may have ended it already.
        if (!uploads.removeIfIdle(upload.id, before, now))
            continue;
        attachments.removeIncomplete(upload.attachmentId);
        tx.commit();
        ++report.uploads;
        if (upload.spool == UploadSpool::Disk)
            QFile::remove(m_settings.root + QStringLiteral("/uploads/") + upload.id);
    }
    // Reserved attachments whose upload is gone (ended by an older server, or its row removed).
    for (const QString &id : attachments.incompleteBefore(before, kUploadsPerRun))
        attachments.removeIncomplete(id);
    // Bytes of uploads that are over (finished, ended), left when their removal was interrupted.
    for (const QString &id : uploads.orphanedParts(kPartOwnersPerRun))
        report.parts += uploads.removeParts(id, kPartsPerDelete);
}

void AttachmentJanitor::removeUnsent(Database &db, qint64 now, Report &report)
{
    GarbageStore garbage(db);
    for (const QString &id : garbage.unsentBefore(now - m_settings.unsentTtlMs, kUnsentPerRun)) {
        if (garbage.removeUnsent(id))
            ++report.unsent;
    }
}

void AttachmentJanitor::sweepBlobs(BlobStore &store, std::optional<BlobKey> &cursor, Database &db, qint64 now,
                                   Report &report)
{
    GarbageStore garbage(db);
    const qint64 before = now - m_settings.graceMs;
    for (int listed = 0; listed < kBlobsListedPerRun;) {
        const QList<BlobKey> keys = store.list(cursor, kBlobsPerList);
        if (keys.isEmpty()) {
            cursor.reset(); // the whole store was seen: the next run starts again from the front
            return;
        }
        listed += int(keys.size());
        cursor = keys.last();
        for (const BlobKey &key : keys) {
            const qint64 touched = store.touchedAt(key);
            if (touched < 0 || touched >= before || garbage.isReferenced(key.sha256))
                continue;
            if (store.removeIfUntouchedSince(key, before))
                ++report.blobs;
        }
    }
}

} // namespace confab::server

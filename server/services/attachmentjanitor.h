#pragma once

#include "core/databaseurl.h"
#include "storage/blobstore.h"

#include <QObject>
#include <QThreadPool>
#include <QTimer>

#include <atomic>
#include <optional>

namespace confab::server {

/*!
 * The attachment sweep (docs/self-hosting.md, "Garbage"): on a thread of its own, with a database
 * connection of its own, so that the socket thread never waits for it. Each run does a bounded amount
 * of work, every step a short transaction of its own, and goes on where the last one stopped:
 * - uploads without a chunk for `uploadTimeoutMs` end (their row, reserved attachment and bytes);
 * - attachments uploaded but named by no message for `unsentTtlMs` are removed;
 * - blobs (files, thumbnails, previews) that nothing refers to any more and that were not stored for
 *   `graceMs` are removed from both stores. A blob stored again is touched, so an upload finishing
 *   with the same bytes is never swept under it.
 * Several instances may sweep at once: every removal is conditional, so they only share the work.
 */
class AttachmentJanitor : public QObject {
    Q_OBJECT
public:
    struct Settings {
        DatabaseUrl url;
        QString root; //!< the disk store's folder
        qint64 uploadTimeoutMs = 0;
        qint64 unsentTtlMs = 0;
        qint64 graceMs = 0;
    };
    //! What one run removed.
    struct Report {
        int uploads = 0;
        int parts = 0;
        int unsent = 0;
        int blobs = 0;
    };

    explicit AttachmentJanitor(Settings settings, QObject *parent = nullptr);
    ~AttachmentJanitor() override; //!< waits for a run in progress

    //! Runs every `intervalMs` on the janitor's thread, never two at once.
    void start(qint64 intervalMs);
    //! One run on the calling thread (a connection of its own is opened and closed).
    Report sweepOnce(qint64 now);

private:
    void expireUploads(Database &db, qint64 now, Report &report);
    void removeUnsent(Database &db, qint64 now, Report &report);
    void sweepBlobs(BlobStore &store, std::optional<BlobKey> &cursor, Database &db, qint64 now, Report &report);

    Settings m_settings;
    QTimer m_timer;
    QThreadPool m_pool;
    std::atomic<bool> m_running{false};
    std::optional<BlobKey> m_diskCursor;     //!< where the last run stopped in each store
    std::optional<BlobKey> m_databaseCursor;
};

} // namespace confab::server

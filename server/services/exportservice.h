#pragma once

#include "core/config.h"
#include "services/attachmentservice.h"
#include "services/authservice.h"
#include "services/outcome.h"
#include "storage/exportstore.h"

#include <QObject>
#include <QSet>
#include <QThreadPool>
#include <QTimer>
#include <atomic>
#include <memory>

namespace confab::server {

class Database;
class Fanout;

/*!
 * Exports of a user's data (docs/protocol.md, "Export of my data"). account.export records a job in
 * `exports` and hands it to a worker thread, which builds the archive through a database connection
 * and a blob store of its own (exportbuilder.h): the main thread, which carries every send, only
 * notes progress and pushes `account.export.progress` to the user's sessions. The finished archive
 * is a blob like an attachment's bytes, fetched with attachment.fetch by its owner only, until
 * `exports/keep_hours` have passed; then the sweep removes it.
 */
class ExportService : public QObject {
    Q_OBJECT
public:
    ExportService(Database &db, const ServerConfig &config, Fanout &fanout, BlobStoreFactory blobs,
                  QObject *parent = nullptr);
    ~ExportService() override; //!< stops the builds in progress and waits for them

    Outcome<protocol::AccountExportProgress> start(const Identity &who,
                                                   const protocol::AccountExport &request);
    Outcome<protocol::AccountExportProgress> status(const Identity &who,
                                                    const protocol::AccountExportStatus &request);
    //! attachment.fetch of an export's id: its archive, to its owner only, while it is kept.
    Outcome<AttachmentService::Download> fetch(const Identity &who, const protocol::AttachmentFetch &request);
    //! Export ids begin with this; attachment.fetch sends them here.
    static bool isExportId(const QString &id) { return id.startsWith(QLatin1StringView("x_")); }

    //! Fails builds that stopped with their server, removes expired archives.
    void sweep();

private:
    void progressed(const QString &exportId, const QString &userId, int percent);
    void built(const QString &exportId, const QString &sha256, qint64 size,
               const std::optional<QString> &failure);
    void push(const ExportRow &row);
    void removeExport(const ExportRow &row);
    qint64 staleMs() const { return 3 * m_config.exportSweepIntervalMs + 60'000; }

    Database &m_db;
    const ServerConfig &m_config;
    Fanout &m_fanout;
    ExportStore m_store;
    BlobStoreFactory m_workerBlobs;
    std::unique_ptr<BlobStore> m_blobs; //!< this thread's, for removals
    QString m_tmp;
    QHash<QString, int> m_active; //!< builds of this instance: export id → last percent
    std::shared_ptr<std::atomic<bool>> m_stop = std::make_shared<std::atomic<bool>>(false);
    QTimer m_sweep;
    QThreadPool m_pool; //!< one build at a time per instance; waited for on destruction
};

//! The frame a row is told as.
protocol::AccountExportProgress exportProgress(const ExportRow &row);

} // namespace confab::server

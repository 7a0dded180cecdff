#pragma once

#include "core/databaseurl.h"
#include "storage/blobstore.h"

#include <QString>
#include <atomic>
#include <functional>
#include <memory>
#include <optional>

namespace confab::server {

//! What one export needs on its worker thread; everything in it is safe to copy there.
struct ExportJob {
    QString exportId;
    QString userId;
    DatabaseUrl url;
    BlobStoreFactory makeStore;
    QString tmpPath;     //!< where the archive is written before it moves into the blob store
    qint64 maxBytes = 0; //!< files past this are left out (and listed as left out)
    std::shared_ptr<std::atomic<bool>> stop; //!< set when the server stops: the build gives up
};

struct ExportBuilt {
    std::optional<QString> failure; //!< why it failed, in words for the user
    QString sha256;                 //!< of the archive, now stored as a File blob
    qint64 size = 0;
};

/*!
 * Builds the archive of one user's data on a worker thread, through connections of its own (a
 * database connection belongs to the thread that opened it), so that the main thread's sends never
 * wait for it: profile.json, files.json, conversations/<id>.json and .html (the messages the user
 * can see, with every sender as the user saw them: aliases in blind rooms), files/ (the user's own
 * uploads) and index.html. `progress` is called with 0..99 from the worker thread.
 */
ExportBuilt buildExport(const ExportJob &job, const std::function<void(int percent)> &progress);

} // namespace confab::server

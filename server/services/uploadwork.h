#pragma once

#include "core/databaseurl.h"
#include "services/outcome.h"
#include "storage/blobstore.h"
#include "storage/uploadstore.h"

#include <QStringList>
#include <optional>

namespace confab::server {

//! What attachment.finish hands to a worker thread: everything by value, nothing of the service's.
struct FinishJob {
    UploadRow upload;
    QString spoolPath; //!< the received bytes on disk (UploadSpool::Disk)
    QString tmpPath;   //!< where bytes kept in the database are put together (UploadSpool::Database)
    DatabaseUrl url;   //!< for a connection of the worker's own
    BlobStoreFactory makeStore;
    QStringList allowed;
    bool strip = true;
};

//! What the worker made of an upload.
struct Stored {
    std::optional<Failure> failure;
    bool discard = false; //!< the failure ends the upload (bad bytes, refused type); else it may be retried
    QString mime;
    qint64 size = 0;
    QString sha256;
    std::optional<qint64> width;
    std::optional<qint64> height;
};

/*!
 * Worker thread: puts the received bytes together (from the spool file or from `upload_parts`),
 * checks them against the declared sha256, detects the type from the bytes, processes images, and
 * stores the result in the blob store. The upload's row is left for the service's thread.
 */
Stored finishUpload(const FinishJob &job);

//! Worker thread: removes the parts of an upload that is over, in bounded batches.
void removeUploadParts(const DatabaseUrl &url, const QString &uploadId);

} // namespace confab::server

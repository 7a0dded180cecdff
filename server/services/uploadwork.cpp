#include "uploadwork.h"

#include "core/logging.h"
#include "domain/images.h"
#include "services/steps.h"
#include "storage/database.h"

#include <QCryptographicHash>
#include <QFile>
#include <QMimeDatabase>

namespace confab::server {

using protocol::ErrorCode;

namespace {
//! Parts read per query when an upload is put together: bounds the memory of a large file.
constexpr int kPartsPerRead = 16;
//! Parts removed per statement once an upload is over.
constexpr int kPartsPerDelete = 64;

Failure internalError()
{
    return Failure{ErrorCode::Internal, QStringLiteral("internal error"), {}, {}};
}

bool typeAllowed(const QString &mime, const QStringList &allowed)
{
    // Exact names only (plus "type/*"): inheritance would let in e.g. .desktop launchers and shell
    // scripts, which shared-mime-info derives from text/plain.
    for (const QString &entry : allowed) {
        if (entry.endsWith(QLatin1StringView("/*")) ? mime.startsWith(entry.chopped(1)) : mime == entry)
            return true;
    }
    return false;
}

Stored failed(Failure failure, bool discard)
{
    Stored out;
    out.failure = std::move(failure);
    out.discard = discard;
    return out;
}

//! The bytes received into `path`, hashed; a file shorter than the upload lost bytes (a failed write).
std::optional<Stored> checkSpoolFile(const FinishJob &job, const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadWrite) || file.size() < job.upload.size)
        return failed(Failure{ErrorCode::NotFound, QStringLiteral("the upload's bytes are gone; begin again"), {},
                              QStringLiteral("upload_id")},
                      true);
    // Bytes past the declared size are a chunk whose transaction failed after its write.
    if (file.size() > job.upload.size)
        file.resize(job.upload.size);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&file);
    if (QString::fromLatin1(hash.result().toHex()) != job.upload.sha256)
        return failed(invalid(QStringLiteral("the bytes do not match the declared sha256; the upload was discarded"),
                              QStringLiteral("sha256")),
                      true);
    return std::nullopt;
}

//! Writes the parts kept in the database into `job.tmpPath`, hashing them on the way.
std::optional<Stored> assembleParts(const FinishJob &job)
{
    const std::unique_ptr<Database> db = openWorkerConnection(job.url, QStringLiteral("uploads"));
    if (!db)
        return failed(Failure{ErrorCode::Unavailable, QStringLiteral("the database is unavailable, retry shortly"), 1000, {}},
                      false);
    UploadStore uploads(*db);
    QFile out(job.tmpPath);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return failed(internalError(), false);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    qint64 at = 0;
    while (at < job.upload.size) {
        const QList<QByteArray> parts = uploads.parts(job.upload.id, at, kPartsPerRead);
        if (parts.isEmpty())
            break;
        for (const QByteArray &part : parts) {
            if (out.write(part) != part.size())
                return failed(internalError(), false);
            hash.addData(part);
            at += part.size();
        }
    }
    out.close();
    if (at != job.upload.size)
        return failed(Failure{ErrorCode::NotFound, QStringLiteral("the upload's bytes are gone; begin again"), {},
                              QStringLiteral("upload_id")},
                      true);
    if (QString::fromLatin1(hash.result().toHex()) != job.upload.sha256)
        return failed(invalid(QStringLiteral("the bytes do not match the declared sha256; the upload was discarded"),
                              QStringLiteral("sha256")),
                      true);
    return std::nullopt;
}

//! Detects the type from the bytes, processes images, and moves the file at `path` into the store.
Stored storeUpload(BlobStore &blobs, const QString &path, const FinishJob &job)
{
    Stored out;
    out.sha256 = job.upload.sha256;
    out.size = job.upload.size;
    // The content decides, never the name or the declared type (the file has no extension).
    out.mime = QMimeDatabase().mimeTypeForFile(path, QMimeDatabase::MatchContent).name();
    if (!typeAllowed(out.mime, job.allowed))
        return failed(invalid(QStringLiteral("files of type %1 are not accepted").arg(out.mime), QStringLiteral("mime")), true);
    QString source = path;
    const QByteArray format = images::formatFor(out.mime);
    if (format.isEmpty() && job.strip && out.mime.startsWith(QLatin1StringView("image/"))) {
        // An image this server cannot write again would be stored with all its metadata.
        return failed(invalid(QStringLiteral("images of type %1 cannot be stored without their metadata here").arg(out.mime),
                              QStringLiteral("mime")),
                      true);
    }
    if (!format.isEmpty()) {
        QFile uploaded(path);
        if (!uploaded.open(QIODevice::ReadOnly))
            return failed(internalError(), false);
        const images::Processed image = images::process(uploaded.readAll(), format, job.strip);
        uploaded.close();
        if (!image.ok)
            return failed(Failure{image.tooLarge ? ErrorCode::TooLarge : ErrorCode::Invalid, image.error, {},
                                  QStringLiteral("upload_id")},
                          true);
        out.width = image.width;
        out.height = image.height;
        if (!image.stripped.isEmpty()) {
            // The stored bytes are the clean ones: size and sha256 describe what clients download.
            source = path + QStringLiteral(".clean");
            QFile clean(source);
            if (!clean.open(QIODevice::WriteOnly) || clean.write(image.stripped) != image.stripped.size())
                return failed(internalError(), false);
            clean.close();
            out.size = image.stripped.size();
            out.sha256 = QString::fromLatin1(QCryptographicHash::hash(image.stripped, QCryptographicHash::Sha256).toHex());
        }
        if (!blobs.put({BlobKind::Thumbnail, out.sha256}, image.thumbnail) ||
            !blobs.put({BlobKind::Preview, out.sha256}, image.preview))
            return failed(internalError(), false);
    }
    if (!blobs.takeFile({BlobKind::File, out.sha256}, source))
        return failed(internalError(), false);
    if (source != path)
        QFile::remove(path); // the uploaded original, stored cleaned
    return out;
}
} // namespace

Stored finishUpload(const FinishJob &job)
{
    const bool onDisk = job.upload.spool == UploadSpool::Disk;
    const QString path = onDisk ? job.spoolPath : job.tmpPath;
    try {
        if (auto bad = onDisk ? checkSpoolFile(job, path) : assembleParts(job)) {
            if (!onDisk)
                QFile::remove(path);
            return *bad;
        }
        const std::unique_ptr<BlobStore> blobs = job.makeStore();
        Stored stored = storeUpload(*blobs, path, job);
        if (!onDisk && stored.failure)
            QFile::remove(path); // put together here, and made again by a retry
        QFile::remove(path + QStringLiteral(".clean"));
        return stored;
    } catch (const StoreError &e) {
        qCWarning(lcStore) << "cannot store an upload:" << e.what();
        if (!onDisk)
            QFile::remove(path);
        return failed(Failure{ErrorCode::Unavailable, QStringLiteral("the attachment store is not available"), 1000, {}},
                      false);
    }
}

void removeUploadParts(const DatabaseUrl &url, const QString &uploadId)
{
    try {
        const std::unique_ptr<Database> db = openWorkerConnection(url, QStringLiteral("uploads"));
        if (!db)
            return; // the sweep removes them later
        UploadStore uploads(*db);
        while (uploads.removeParts(uploadId, kPartsPerDelete) > 0) {
        }
    } catch (const StoreError &e) {
        qCWarning(lcStore) << "the parts of a finished upload are left for the sweep:" << e.what();
    }
}

} // namespace confab::server

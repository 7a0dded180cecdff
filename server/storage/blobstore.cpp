#include "blobstore.h"

#include "core/logging.h"
#include "storage/database.h"
#include "storage/migrations.h"
#include "storage/uploadstore.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSaveFile>

#include <atomic>

namespace confab::server {

namespace {
//! Only hashes become paths or keys: nothing else a client sent ever names a file.
bool isSha256(const QString &sha)
{
    static const QRegularExpression hex(QStringLiteral("^[0-9a-f]{64}$"));
    return hex.match(sha).hasMatch();
}

//! A blob stored again is "touched": the garbage sweep's grace period starts anew (the same bytes may
//! be about to be referenced by a new attachment). False when there is no such file.
bool touch(const QString &path)
{
    QFile file(path);
    if (!file.exists())
        return false;
    if (file.open(QIODevice::ReadOnly)) // setFileTime needs an open file
        file.setFileTime(QDateTime::currentDateTimeUtc(), QFileDevice::FileModificationTime);
    return true;
}
} // namespace

bool operator<(const BlobKey &a, const BlobKey &b)
{
    return a.sha256 != b.sha256 ? a.sha256 < b.sha256 : int(a.kind) < int(b.kind);
}

// ---- on disk ------------------------------------------------------------------------------------

QString DiskBlobStore::path(const BlobKey &key) const
{
    const QString tail = key.sha256.left(2) + u'/' + key.sha256;
    switch (key.kind) {
    case BlobKind::File:
        return m_root + u'/' + tail;
    case BlobKind::Thumbnail:
        return m_root + QStringLiteral("/thumbs/") + tail;
    case BlobKind::Preview:
        return m_root + QStringLiteral("/thumbs/") + tail + QStringLiteral(".preview");
    }
    return {};
}

qint64 DiskBlobStore::size(const BlobKey &key)
{
    if (!isSha256(key.sha256))
        return -1;
    const QFileInfo info(path(key));
    return info.isFile() ? info.size() : -1;
}

QByteArray DiskBlobStore::read(const BlobKey &key, qint64 offset, qint64 length)
{
    if (!isSha256(key.sha256))
        return {};
    QFile file(path(key));
    if (!file.open(QIODevice::ReadOnly) || !file.seek(offset))
        return {};
    return file.read(length);
}

bool DiskBlobStore::takeFile(const BlobKey &key, const QString &source)
{
    if (!isSha256(key.sha256))
        return false;
    const QString target = path(key);
    if (touch(target)) {
        QFile::remove(source); // the same bytes are stored already
        return true;
    }
    QDir().mkpath(QFileInfo(target).absolutePath());
    if (QFile::rename(source, target))
        return true;
    // Another file system (a shared mount): copy under a temporary name, then rename into place.
    const QString partial = target + QStringLiteral(".partial");
    QFile::remove(partial);
    if (QFile::copy(source, partial) && QFile::rename(partial, target)) {
        QFile::remove(source);
        return true;
    }
    QFile::remove(partial);
    if (QFileInfo::exists(target)) { // stored meanwhile by another instance
        QFile::remove(source);
        return true;
    }
    qCWarning(lcStore).noquote() << "cannot move an upload into" << target;
    return false;
}

bool DiskBlobStore::put(const BlobKey &key, const QByteArray &bytes)
{
    if (!isSha256(key.sha256))
        return false;
    const QString target = path(key);
    if (touch(target))
        return true;
    QDir().mkpath(QFileInfo(target).absolutePath());
    QSaveFile file(target); // written whole or not at all: a concurrent fetch never sees half a file
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size() && file.commit();
}

void DiskBlobStore::remove(const BlobKey &key)
{
    if (isSha256(key.sha256))
        QFile::remove(path(key));
}

QList<BlobKey> DiskBlobStore::list(const std::optional<BlobKey> &after, int limit)
{
    // One folder of the 256 (and its thumbnails) at a time, in order, until `limit` are found.
    QList<BlobKey> out;
    const int firstPrefix = after ? after->sha256.left(2).toInt(nullptr, 16) : 0;
    for (int prefix = firstPrefix; prefix < 256 && out.size() < limit; ++prefix) {
        const QString hex = QStringLiteral("%1").arg(prefix, 2, 16, QLatin1Char('0'));
        QList<BlobKey> found;
        for (const QString &name : QDir(m_root + u'/' + hex).entryList(QDir::Files)) {
            if (isSha256(name))
                found.append({BlobKind::File, name});
        }
        for (const QString &name : QDir(m_root + QStringLiteral("/thumbs/") + hex).entryList(QDir::Files)) {
            if (isSha256(name))
                found.append({BlobKind::Thumbnail, name});
            else if (name.endsWith(QLatin1StringView(".preview")) && isSha256(name.chopped(8)))
                found.append({BlobKind::Preview, name.chopped(8)});
        }
        std::sort(found.begin(), found.end());
        for (const BlobKey &key : std::as_const(found)) {
            if ((!after || *after < key) && out.size() < limit)
                out.append(key);
        }
    }
    return out;
}

qint64 DiskBlobStore::touchedAt(const BlobKey &key)
{
    if (!isSha256(key.sha256))
        return -1;
    const QFileInfo info(path(key));
    return info.isFile() ? info.lastModified().toMSecsSinceEpoch() : -1;
}

bool DiskBlobStore::removeIfUntouchedSince(const BlobKey &key, qint64 before)
{
    // A store of the same bytes between this check and the removal is a race the grace period makes
    // unlikely: a blob is only swept long after anything referred to it.
    const qint64 touched = touchedAt(key);
    return touched >= 0 && touched < before && QFile::remove(path(key));
}

// ---- in the database ----------------------------------------------------------------------------

DatabaseBlobStore::DatabaseBlobStore(Database &db) : m_db(db) {}
DatabaseBlobStore::DatabaseBlobStore(std::unique_ptr<Database> db) : m_owned(std::move(db)), m_db(*m_owned) {}
DatabaseBlobStore::~DatabaseBlobStore() = default;

void DatabaseBlobStore::createSchema(Database &db)
{
    const QString bytes = db.dialect() == Database::Dialect::PostgreSQL ? QStringLiteral("BYTEA") : QStringLiteral("BLOB");
    db.execDirect(QStringLiteral(R"(CREATE TABLE blobs (
        kind INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        size BIGINT NOT NULL,
        created_at BIGINT NOT NULL,
        PRIMARY KEY (kind, sha256)))"));
    db.execDirect(QStringLiteral(R"(CREATE TABLE blob_chunks (
        kind INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        n INTEGER NOT NULL,
        bytes %1 NOT NULL,
        PRIMARY KEY (kind, sha256, n)))")
                      .arg(bytes));
}

qint64 DatabaseBlobStore::size(const BlobKey &key)
{
    QSqlQuery &q = m_db.exec(QStringLiteral("SELECT size FROM blobs WHERE kind = ? AND sha256 = ?"),
                             {int(key.kind), key.sha256});
    const qint64 out = q.next() ? q.value(0).toLongLong() : -1;
    q.finish();
    return out;
}

QByteArray DatabaseBlobStore::read(const BlobKey &key, qint64 offset, qint64 length)
{
    if (offset < 0 || length <= 0)
        return {};
    const qint64 total = size(key);
    if (total <= offset)
        return {};
    length = std::min(length, total - offset);
    const qint64 first = offset / kChunkBytes;
    const qint64 last = (offset + length - 1) / kChunkBytes;
    QSqlQuery &q = m_db.exec(QStringLiteral("SELECT bytes FROM blob_chunks WHERE kind = ? AND sha256 = ? AND n >= ? "
                                            "AND n <= ? ORDER BY n"),
                             {int(key.kind), key.sha256, first, last});
    QByteArray joined;
    while (q.next())
        joined += q.value(0).toByteArray();
    q.finish();
    return joined.mid(offset - first * kChunkBytes, length);
}

bool DatabaseBlobStore::store(const BlobKey &key, const std::function<QByteArray()> &next)
{
    if (!isSha256(key.sha256))
        return false;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (size(key) >= 0) {
        // Touched, so that the sweep leaves it; had the sweep just removed it, it is written anew below.
        QSqlQuery &q = m_db.exec(QStringLiteral("UPDATE blobs SET touched_at = ? WHERE kind = ? AND sha256 = ?"),
                                 {now, int(key.kind), key.sha256});
        const bool touched = q.numRowsAffected() == 1;
        q.finish();
        if (touched)
            return true;
    }
    Transaction tx(m_db);
    qint64 total = 0;
    int n = 0;
    for (QByteArray chunk = next(); !chunk.isEmpty(); chunk = next(), ++n) {
        // ON CONFLICT: another instance storing the same bytes at this moment; its rows are the same.
        m_db.exec(QStringLiteral("INSERT INTO blob_chunks (kind, sha256, n, bytes) VALUES (?, ?, ?, ?) "
                                 "ON CONFLICT DO NOTHING"),
                  {int(key.kind), key.sha256, n, chunk})
            .finish();
        total += chunk.size();
    }
    m_db.exec(QStringLiteral("INSERT INTO blobs (kind, sha256, size, created_at, touched_at) VALUES (?, ?, ?, ?, ?) "
                             "ON CONFLICT (kind, sha256) DO UPDATE SET touched_at = excluded.touched_at"),
              {int(key.kind), key.sha256, total, now, now})
        .finish();
    tx.commit();
    return true;
}

bool DatabaseBlobStore::takeFile(const BlobKey &key, const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    if (!store(key, [&file] { return file.read(kChunkBytes); }))
        return false;
    file.close();
    QFile::remove(path);
    return true;
}

bool DatabaseBlobStore::put(const BlobKey &key, const QByteArray &bytes)
{
    qint64 at = 0;
    return store(key, [&] {
        const QByteArray chunk = bytes.mid(at, kChunkBytes);
        at += chunk.size();
        return chunk;
    });
}

void DatabaseBlobStore::remove(const BlobKey &key)
{
    Transaction tx(m_db);
    m_db.exec(QStringLiteral("DELETE FROM blobs WHERE kind = ? AND sha256 = ?"), {int(key.kind), key.sha256}).finish();
    m_db.exec(QStringLiteral("DELETE FROM blob_chunks WHERE kind = ? AND sha256 = ?"), {int(key.kind), key.sha256})
        .finish();
    tx.commit();
}

QList<BlobKey> DatabaseBlobStore::list(const std::optional<BlobKey> &after, int limit)
{
    const QString sha = after ? after->sha256 : QString();
    const int kind = after ? int(after->kind) : -1;
    QSqlQuery &q = m_db.exec(QStringLiteral("SELECT kind, sha256 FROM blobs WHERE sha256 > ? OR (sha256 = ? AND kind > ?) "
                                            "ORDER BY sha256, kind LIMIT ?"),
                             {sha, sha, kind, limit});
    QList<BlobKey> out;
    while (q.next())
        out.append({BlobKind(q.value(0).toInt()), q.value(1).toString()});
    q.finish();
    return out;
}

qint64 DatabaseBlobStore::touchedAt(const BlobKey &key)
{
    QSqlQuery &q = m_db.exec(QStringLiteral("SELECT touched_at FROM blobs WHERE kind = ? AND sha256 = ?"),
                             {int(key.kind), key.sha256});
    const qint64 out = q.next() ? q.value(0).toLongLong() : -1;
    q.finish();
    return out;
}

bool DatabaseBlobStore::removeIfUntouchedSince(const BlobKey &key, qint64 before)
{
    // The row goes first, conditionally, in the transaction that removes the chunks: a store of the
    // same bytes meanwhile either touched the row (nothing is removed) or waits for this commit and
    // then writes the blob anew.
    Transaction tx(m_db);
    QSqlQuery &q = m_db.exec(QStringLiteral("DELETE FROM blobs WHERE kind = ? AND sha256 = ? AND touched_at < ?"),
                             {int(key.kind), key.sha256, before});
    const bool removed = q.numRowsAffected() == 1;
    q.finish();
    if (!removed)
        return false;
    m_db.exec(QStringLiteral("DELETE FROM blob_chunks WHERE kind = ? AND sha256 = ?"), {int(key.kind), key.sha256}).finish();
    tx.commit();
    return true;
}

// ---- choosing ----------------------------------------------------------------------------------

QString blobStoreChoice(const QString &configured, Database &db)
{
    // The setting exists from schema version 16 on; the admin commands may look at an older database.
    if (Migrations(db).currentVersion() >= 16) {
        if (const auto setting = SettingsStore(db).value(kStoreSetting))
            return *setting;
    }
    if (!configured.isEmpty())
        return configured;
    return db.dialect() == Database::Dialect::PostgreSQL ? QStringLiteral("database") : QStringLiteral("disk");
}

std::unique_ptr<BlobStore> openBlobStore(std::shared_ptr<const StoreChoice> choice, Database &db, const QString &root)
{
    return std::make_unique<ChosenBlobStore>(std::move(choice), std::make_unique<DiskBlobStore>(root),
                                             [&db] { return std::make_unique<DatabaseBlobStore>(db); });
}

std::unique_ptr<BlobStore> openBlobStore(const QString &choice, Database &db, const QString &root)
{
    return openBlobStore(std::make_shared<StoreChoice>(choice == QLatin1StringView("database")), db, root);
}

std::unique_ptr<Database> openWorkerConnection(const DatabaseUrl &url, const QString &purpose)
{
    static std::atomic<int> next{0};
    auto own = std::make_unique<Database>(url, QStringLiteral("confab-%1-%2").arg(purpose).arg(next++));
    QString error;
    if (!own->open(&error)) {
        qCWarning(lcStore).noquote() << "cannot open a connection for" << purpose << error;
        return nullptr;
    }
    return own;
}

BlobStoreFactory blobStoreFactory(std::shared_ptr<const StoreChoice> choice, const Database &db, const QString &root)
{
    return [choice, url = db.url(), root]() -> std::unique_ptr<BlobStore> {
        // The connection is opened when the database store is first used, on the worker's thread.
        return std::make_unique<ChosenBlobStore>(choice, std::make_unique<DiskBlobStore>(root),
                                                 [url]() -> std::unique_ptr<BlobStore> {
                                                     auto own = openWorkerConnection(url, QStringLiteral("blobs"));
                                                     if (!own)
                                                         throw StoreError(StoreError::Kind::Unavailable,
                                                                          QStringLiteral("no database connection for attachment bytes"));
                                                     return std::make_unique<DatabaseBlobStore>(std::move(own));
                                                 });
    };
}

BlobStoreFactory blobStoreFactory(const QString &choice, const Database &db, const QString &root)
{
    return blobStoreFactory(std::make_shared<StoreChoice>(choice == QLatin1StringView("database")), db, root);
}

// ---- chosen ------------------------------------------------------------------------------------

BlobStore &ChosenBlobStore::databaseStore()
{
    if (!m_database)
        m_database = m_makeDatabase();
    return *m_database;
}

qint64 ChosenBlobStore::size(const BlobKey &key)
{
    const qint64 there = chosen().size(key);
    return there >= 0 ? there : other().size(key);
}

QByteArray ChosenBlobStore::read(const BlobKey &key, qint64 offset, qint64 length)
{
    return chosen().size(key) >= 0 ? chosen().read(key, offset, length) : other().read(key, offset, length);
}

void ChosenBlobStore::remove(const BlobKey &key)
{
    m_disk->remove(key);
    databaseStore().remove(key);
}

} // namespace confab::server

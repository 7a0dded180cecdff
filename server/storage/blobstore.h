#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

namespace confab::server {

class Database;
struct DatabaseUrl;

//! What a blob is: an attachment's bytes, or the thumbnail or the preview made from an image's pixels.
enum class BlobKind : int { File = 0, Thumbnail = 1, Preview = 2 };

//! Blobs are addressed by content: the same bytes uploaded twice are stored once.
struct BlobKey {
    BlobKind kind = BlobKind::File;
    QString sha256; //!< of the attachment's stored bytes (also for its thumbnail and preview)
};

/*!
 * Where attachment bytes live (docs/self-hosting.md, "Attachment stores"). Each object is used from
 * one thread: a DatabaseBlobStore speaks through one database connection, which belongs to the thread
 * that opened it. Failures of the database come out as StoreError.
 */
class BlobStore {
public:
    virtual ~BlobStore() = default;
    virtual QString name() const = 0; //!< "disk" or "database", as in the config key attachments/store
    //! The blob's size in bytes, or -1 when it is not stored.
    virtual qint64 size(const BlobKey &key) = 0;
    //! At most `length` bytes from `offset`; fewer at the end, none past it or when it is missing.
    virtual QByteArray read(const BlobKey &key, qint64 offset, qint64 length) = 0;
    //! Stores the bytes of the file at `path` as `key` unless they are stored already, and removes the
    //! file. False when they could not be stored (the file is then left where it was).
    virtual bool takeFile(const BlobKey &key, const QString &path) = 0;
    //! Stores `bytes` as `key` unless stored already.
    virtual bool put(const BlobKey &key, const QByteArray &bytes) = 0;
    virtual void remove(const BlobKey &key) = 0;

    // For `attachments migrate` and the garbage sweep: the store's own blobs, in key order.
    //! Up to `limit` stored blobs after `after` (exclusive; from the start when absent), ordered by sha256, kind.
    virtual QList<BlobKey> list(const std::optional<BlobKey> &after, int limit) = 0;
    //! When the blob was last stored or asked to be stored again (epoch ms); -1 when missing.
    virtual qint64 touchedAt(const BlobKey &key) = 0;
    //! Removes the blob unless it was touched at or after `before`; true when it was removed.
    virtual bool removeIfUntouchedSince(const BlobKey &key, qint64 before) = 0;
};

//! Key order (sha256, then kind), as list() walks a store.
bool operator<(const BlobKey &a, const BlobKey &b);

//! Makes a store for the calling thread (image work runs on worker threads); nullptr when it cannot.
using BlobStoreFactory = std::function<std::unique_ptr<BlobStore>()>;

/*!
 * Files under a folder: `<root>/<sha[0:2]>/<sha>`, thumbnails under `<root>/thumbs/`. Written to a
 * temporary name and renamed, so a reader never sees half a blob; several instances may share the
 * folder if it renames atomically and all see one path (docs/self-hosting.md).
 */
class DiskBlobStore final : public BlobStore {
public:
    explicit DiskBlobStore(QString root) : m_root(std::move(root)) {}
    QString name() const override { return QStringLiteral("disk"); }
    qint64 size(const BlobKey &key) override;
    QByteArray read(const BlobKey &key, qint64 offset, qint64 length) override;
    bool takeFile(const BlobKey &key, const QString &path) override;
    bool put(const BlobKey &key, const QByteArray &bytes) override;
    void remove(const BlobKey &key) override;
    QList<BlobKey> list(const std::optional<BlobKey> &after, int limit) override;
    qint64 touchedAt(const BlobKey &key) override;
    bool removeIfUntouchedSince(const BlobKey &key, qint64 before) override;
    QString path(const BlobKey &key) const;

private:
    QString m_root;
};

/*!
 * Blobs in the database (tables `blobs` and `blob_chunks`, chunks of kChunkBytes), so that every
 * instance on one PostgreSQL sees every byte and pg_dump backs them up with the messages. A blob's
 * row in `blobs` is written after its last chunk, in one transaction: a blob is there whole or not at
 * all, and two instances storing the same bytes at once store them once.
 */
class DatabaseBlobStore final : public BlobStore {
public:
    static constexpr qint64 kChunkBytes = 256 * 1024;

    explicit DatabaseBlobStore(Database &db);
    //! Owns its connection (a worker thread's).
    explicit DatabaseBlobStore(std::unique_ptr<Database> db);
    ~DatabaseBlobStore() override;
    QString name() const override { return QStringLiteral("database"); }
    qint64 size(const BlobKey &key) override;
    QByteArray read(const BlobKey &key, qint64 offset, qint64 length) override;
    bool takeFile(const BlobKey &key, const QString &path) override;
    bool put(const BlobKey &key, const QByteArray &bytes) override;
    void remove(const BlobKey &key) override;
    QList<BlobKey> list(const std::optional<BlobKey> &after, int limit) override;
    qint64 touchedAt(const BlobKey &key) override;
    bool removeIfUntouchedSince(const BlobKey &key, qint64 before) override;

    //! The schema step (bytea or BLOB by dialect).
    static void createSchema(Database &db);

private:
    //! Writes the blob chunk by chunk from `next` (which returns an empty array at the end).
    bool store(const BlobKey &key, const std::function<QByteArray()> &next);

    std::unique_ptr<Database> m_owned;
    Database &m_db;
};

/*!
 * Which store new blobs go to. Shared by the service's store and its workers' stores, and switched
 * while the server runs when `confab-server attachments migrate` changes the database's setting.
 */
class StoreChoice {
public:
    explicit StoreChoice(bool database) : m_database(database) {}
    bool database() const { return m_database.load(); }
    void setDatabase(bool database) { m_database.store(database); }
    QString name() const { return database() ? QStringLiteral("database") : QStringLiteral("disk"); }

private:
    std::atomic<bool> m_database;
};

/*!
 * The chosen store and the other one: writes go to the chosen one; reads try it first and then the
 * other, so that blobs stored before a switch (or by an instance that has not seen it yet) stay
 * readable until `attachments migrate` has copied them over.
 */
class ChosenBlobStore final : public BlobStore {
public:
    //! `database` makes the database store when it is first needed, on this thread.
    ChosenBlobStore(std::shared_ptr<const StoreChoice> choice, std::unique_ptr<BlobStore> disk,
                    std::function<std::unique_ptr<BlobStore>()> database)
        : m_choice(std::move(choice)), m_disk(std::move(disk)), m_makeDatabase(std::move(database)) {}
    QString name() const override { return m_choice->name(); }
    qint64 size(const BlobKey &key) override;
    QByteArray read(const BlobKey &key, qint64 offset, qint64 length) override;
    bool takeFile(const BlobKey &key, const QString &path) override { return chosen().takeFile(key, path); }
    bool put(const BlobKey &key, const QByteArray &bytes) override { return chosen().put(key, bytes); }
    void remove(const BlobKey &key) override;
    QList<BlobKey> list(const std::optional<BlobKey> &after, int limit) override { return chosen().list(after, limit); }
    qint64 touchedAt(const BlobKey &key) override { return chosen().touchedAt(key); }
    bool removeIfUntouchedSince(const BlobKey &key, qint64 before) override
    {
        return chosen().removeIfUntouchedSince(key, before);
    }
    BlobStore &chosen() { return m_choice->database() ? databaseStore() : *m_disk; }
    BlobStore &other() { return m_choice->database() ? *m_disk : databaseStore(); }

private:
    BlobStore &databaseStore();

    std::shared_ptr<const StoreChoice> m_choice;
    std::unique_ptr<BlobStore> m_disk;
    std::function<std::unique_ptr<BlobStore>()> m_makeDatabase;
    std::unique_ptr<BlobStore> m_database;
};

//! The setting (in the database, written by `attachments migrate`) and the config key's name.
inline const QString kStoreSetting = QStringLiteral("attachments/store");

/*!
 * "database" or "disk": the database's setting attachments/store when `attachments migrate` wrote one
 * (every instance follows it), else the config key attachments/store, else the default for the dialect.
 */
QString blobStoreChoice(const QString &configured, Database &db);
//! The store on this thread's connection `db`, with blobs in the folder `root` when on disk.
std::unique_ptr<BlobStore> openBlobStore(std::shared_ptr<const StoreChoice> choice, Database &db, const QString &root);
std::unique_ptr<BlobStore> openBlobStore(const QString &choice, Database &db, const QString &root);
//! For worker threads: the database store opens a connection of its own on the thread that calls it.
BlobStoreFactory blobStoreFactory(std::shared_ptr<const StoreChoice> choice, const Database &db, const QString &root);
BlobStoreFactory blobStoreFactory(const QString &choice, const Database &db, const QString &root);
//! A connection of its own for a worker thread; nullptr (with a warning) when it cannot be opened.
std::unique_ptr<Database> openWorkerConnection(const DatabaseUrl &url, const QString &purpose);

} // namespace confab::server

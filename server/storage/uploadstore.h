#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace confab::server {

class Database;

//! Where an upload's received bytes wait for attachment.finish (the store it was begun under).
enum class UploadSpool { Disk, Database };

/*!
 * One row of `uploads`: an upload in progress, kept in the database so that any instance on the same
 * database continues it, from the offset the database holds (docs/protocol.md, "Resume").
 */
struct UploadRow {
    QString id;
    QString attachmentId;
    QString userId;
    QString conversationId;
    QString sha256;    //!< declared
    qint64 size = 0;   //!< declared
    qint64 received = 0;
    UploadSpool spool = UploadSpool::Disk;
    qint64 touchedAt = 0;      //!< the last chunk (or the begin)
    qint64 finishingUntil = 0; //!< an instance is finishing it until then (0: nobody is)
};

/*!
 * The SQL of uploads in progress and of their bytes kept in the database (`upload_parts`). Every
 * change of the offset is a conditional UPDATE on the offset the chunk claims, so that two instances
 * (or two connections) never accept the same chunk twice: the second finds the offset moved on.
 */
class UploadStore {
public:
    explicit UploadStore(Database &db) : m_db(db) {}

    //! Schema step 16 (its own function, so that it can be renumbered): uploads, upload_parts,
    //! server_settings, blobs.touched_at for the garbage sweep, and an index of attachments by hash.
    static void createSchema(Database &db);

    void insert(const UploadRow &row);
    std::optional<UploadRow> byId(const QString &id);
    //! Moves the offset of `userId`'s upload from `offset` to `offset + length` if it stands at `offset`,
    //! fits the declared size and nobody is finishing it. Call inside the transaction that stores the bytes.
    //! Returns where its bytes go, or nothing when the offset did not move.
    std::optional<UploadSpool> advance(const QString &id, const QString &userId, qint64 offset, qint64 length, qint64 now);
    void insertPart(const QString &id, qint64 at, const QByteArray &bytes);
    //! Up to `limit` parts from `at` on, in order (a worker assembles the file from them).
    QList<QByteArray> parts(const QString &id, qint64 at, int limit);
    //! Claims the finishing of a complete upload until `until`, unless another claim still runs.
    bool claimFinish(const QString &id, const QString &userId, qint64 now, qint64 until);
    void releaseFinish(const QString &id);
    void remove(const QString &id);
    //! Removes up to `limit` parts of an upload whose row is gone; the number removed.
    int removeParts(const QString &id, int limit);
    //! Uploads without a chunk since `before` and not being finished at `now`: up to `limit`.
    QList<UploadRow> idleSince(qint64 before, qint64 now, int limit);
    //! Removes the upload if it is still idle (a chunk may have arrived since it was listed).
    bool removeIfIdle(const QString &id, qint64 before, qint64 now);
    //! Ids of uploads whose parts are left without their row (a finish or an expiry removed it).
    QList<QString> orphanedParts(int limit);

private:
    Database &m_db;
};

//! Server-wide settings in the database (`server_settings`), the same for every instance.
class SettingsStore {
public:
    explicit SettingsStore(Database &db) : m_db(db) {}
    std::optional<QString> value(const QString &name);
    void setValue(const QString &name, const QString &value);

private:
    Database &m_db;
};

} // namespace confab::server

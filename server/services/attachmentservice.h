#pragma once

#include "core/config.h"
#include "protocol/binary.h"
#include "services/authservice.h"
#include "services/outcome.h"
#include "storage/attachmentstore.h"
#include "storage/blobstore.h"

#include <QCryptographicHash>
#include <QObject>
#include <QThreadPool>
#include <functional>
#include <map>
#include <memory>

namespace confab::server {

class ConversationStore;
class Database;

/*!
 * Attachment uploads and downloads over the client's WebSocket (docs/protocol.md, "Attachments").
 *
 * Bytes land in `<data>/attachments/tmp/<upload id>` (names made here, never from a client), and
 * at attachment.finish move into the content-addressed BlobStore (the database on PostgreSQL, so that
 * every instance serves every file; a folder on SQLite), so a file uploaded twice is stored once.
 * Thumbnails and previews are kept in the same store. Upload progress lives in memory: a resume works
 * from any connection of the same user to this instance while it runs; after a restart, or on another
 * instance, the client begins again.
 */
class AttachmentService : public QObject {
    Q_OBJECT
public:
    AttachmentService(Database &db, const ServerConfig &config, QObject *parent = nullptr);
    ~AttachmentService() override;

    //! Creates the folders and drops temp files a previous process left (their uploads are gone).
    bool prepare(QString *error);

    Outcome<protocol::AttachmentUpload> begin(const Identity &who, const protocol::AttachmentBegin &request);
    Outcome<protocol::AttachmentUpload> status(const Identity &who,
                                               const protocol::AttachmentStatus &request);
    //! An upload chunk: nothing on success (chunks get no reply), else the error to send without `re`.
    std::optional<Failure> chunk(const Identity &who, const protocol::Chunk &chunk);
    //! Verifies, detects the type and processes images on a worker thread; `done` runs on this thread.
    void finish(const Identity &who, const protocol::AttachmentFinish &request,
                std::function<void(Outcome<protocol::AttachmentDone>)> done);

    struct Download {
        protocol::AttachmentData reply;
        std::optional<BlobKey> blob; //!< none when no bytes follow
    };
    Outcome<Download> fetch(const Identity &who, const protocol::AttachmentFetch &request);
    //! Sends the download's bytes as chunks of at most chunk_bytes.
    void stream(const Download &download, const std::function<void(const QByteArray &)> &send);

    //! Discards uploads without a chunk for longer than the configured timeout.
    void sweep(qint64 nowMs);

private:
    struct Upload {
        QString id;
        QString attachmentId;
        QString userId;
        QString conversationId;
        QString name;
        QString sha256;  //!< declared
        qint64 size = 0; //!< declared
        qint64 offset = 0;
        qint64 lastActivity = 0;
        QString tmpPath;
        QCryptographicHash hash{QCryptographicHash::Sha256};
        bool finishing = false;
    };
    Upload *upload(const Identity &who, const QString &uploadId);
    void discard(const QString &uploadId);
    protocol::AttachmentUpload progress(const Upload &u) const;
    bool isMember(const QString &conversationId, const QString &userId);

    QString m_root;
    Database &m_db;
    const ServerConfig &m_config;
    std::unique_ptr<AttachmentStore> m_store;
    std::unique_ptr<BlobStore> m_blobs; //!< this thread's
    BlobStoreFactory m_workerBlobs;     //!< the image workers'
    std::unique_ptr<ConversationStore> m_conversations;
    std::map<QString, std::unique_ptr<Upload>> m_uploads;
    QThreadPool m_pool; //!< image work; waited for on destruction, so no result arrives at a dead service
};

/*!
 * For message.send: every id must be an attachment the sender began in this conversation and that
 * no other message carries yet. NOT_FOUND (field `attachments[i]`) otherwise, so ids cannot be probed.
 */
std::optional<Failure> checkMessageAttachments(AttachmentStore &store, const QString &userId,
                                               const QString &conversationId, const QList<QString> &ids);

//! The metadata clients see (never the uploader); the preview is read from the store.
protocol::AttachmentInfo attachmentInfo(BlobStore &blobs, const AttachmentRow &row);

} // namespace confab::server

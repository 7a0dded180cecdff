#pragma once

#include "core/config.h"
#include "protocol/binary.h"
#include "services/authservice.h"
#include "services/outcome.h"
#include "storage/attachmentstore.h"
#include "storage/blobstore.h"
#include "storage/uploadstore.h"
#include "services/attachmentjanitor.h"
#include "services/uploadwork.h"

#include <QObject>
#include <QTimer>
#include <QThreadPool>
#include <functional>
#include <memory>

namespace confab::server {

class ConversationStore;
class Database;

/*!
 * Attachment uploads and downloads over the client's WebSocket (docs/protocol.md, "Attachments").
 *
 * An upload's state lives in the database (`uploads`): its offset moves only by a conditional UPDATE,
 * so any instance on the same database continues an upload another one began, and two never accept
 * the same chunk. Its bytes wait where every instance finds them: in `upload_parts` under the database
 * store, in `<attachments>/uploads/<upload id>` under the disk store (the shared folder). At
 * attachment.finish a worker thread puts them together, checks the sha256 and moves them into the
 * content-addressed BlobStore, so a file uploaded twice is stored once. Thumbnails and previews are
 * kept in the same store.
 */
class AttachmentService : public QObject {
    Q_OBJECT
public:
    AttachmentService(Database &db, const ServerConfig &config, QObject *parent = nullptr);
    ~AttachmentService() override;

    //! Creates the folders and drops put-together files a previous process left behind.
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
    //! The next download chunk from `offset`, at most chunk_bytes and not past `end`; empty when the
    //! bytes cannot be read (the client sees fewer bytes than announced and fetches again).
    QByteArray downloadChunk(const BlobKey &blob, qint64 offset, qint64 end);

    //! Reads the database's store setting again (`attachments migrate` switches it while servers run).
    void refreshStoreChoice();
    const StoreChoice &storeChoice() const { return *m_choice; }
    //! Blob stores for other worker threads (data exports), following the same store choice.
    BlobStoreFactory workerBlobs() const { return m_workerBlobs; }

private:
    //! Ends an upload that cannot go on: its row, its reserved attachment, its bytes.
    void discard(const UploadRow &upload);
    Failure whyChunkRefused(const Identity &who, const protocol::Chunk &chunk);
    void finished(const UploadRow &upload, const Stored &stored, const std::function<void(Outcome<protocol::AttachmentDone>)> &done);
    protocol::AttachmentUpload progress(const UploadRow &u) const;
    bool isMember(const QString &conversationId, const QString &userId);
    QString spoolPath(const QString &uploadId) const;

    QString m_root;
    Database &m_db;
    const ServerConfig &m_config;
    std::unique_ptr<AttachmentStore> m_store;
    std::unique_ptr<UploadStore> m_uploads;
    std::shared_ptr<StoreChoice> m_choice;
    std::unique_ptr<BlobStore> m_blobs; //!< this thread's
    BlobStoreFactory m_workerBlobs;     //!< the image workers'
    std::unique_ptr<ConversationStore> m_conversations;
    QTimer m_choiceCheck;
    std::unique_ptr<AttachmentJanitor> m_janitor; //!< abandoned uploads, unsent attachments, unreferenced blobs
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

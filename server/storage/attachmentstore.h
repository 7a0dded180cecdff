#pragma once

#include <QList>
#include <QString>
#include <optional>

namespace confab::server {

class Database;

//! One row of `attachments`: reserved at attachment.begin, completed at attachment.finish.
struct AttachmentRow {
    QString id;
    QString conversationId;
    QString uploaderId; //!< the real user id; never sent to other members
    QString messageId;  //!< empty until a message.send names the attachment
    QString name;
    QString mime;
    qint64 size = 0;
    QString sha256; //!< of the stored bytes once complete; the declared one before
    bool complete = false;
    std::optional<qint64> width;
    std::optional<qint64> height;
    qint64 createdAt = 0;
    bool messageDeleted = false; //!< the message that carried it was deleted
};

//! The SQL of attachments and their link to messages (`attachments.message_id`).
class AttachmentStore {
public:
    explicit AttachmentStore(Database &db)
        : m_db(db) {}

    void insert(const AttachmentRow &row);
    std::optional<AttachmentRow> byId(const QString &id);
    void markComplete(const AttachmentRow &row);
    //! Removes an attachment that never completed and is not part of a message.
    void removeIncomplete(const QString &id);
    //! Bytes of all attachments `userId` uploaded or reserved, for the per-user quota.
    qint64 bytesUsedBy(const QString &userId);
    QList<QString> idsOfMessage(const QString &messageId);
    //! Inside the message's transaction.
    void linkToMessage(const QList<QString> &ids, const QString &messageId);
    //! Inside a forward's transaction: a new row `id` in `conversationId`, linked to `messageId`, with the
    //! metadata and the stored bytes (the same sha256) of `sourceId`; no byte is copied.
    void insertForwarded(const QString &id, const QString &sourceId, const QString &conversationId,
                         const QString &userId, const QString &messageId, qint64 now);
    //! Incomplete, unlinked attachments begun before `before` whose upload is gone (up to `limit`).
    QList<QString> incompleteBefore(qint64 before, int limit);
    //! The sha256 of every stored (complete) attachment that is served (its message not deleted), each once:
    //! what the blob store must hold.
    QList<QString> completeSha256s();

private:
    Database &m_db;
};

} // namespace confab::server

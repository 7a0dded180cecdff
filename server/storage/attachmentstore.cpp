#include "attachmentstore.h"

#include "storage/database.h"

namespace confab::server {

namespace {
QVariant optionalInt(const std::optional<qint64> &v) {
    return v ? QVariant(*v) : QVariant(QMetaType(QMetaType::LongLong));
}
} // namespace

void AttachmentStore::insert(const AttachmentRow &row) {
    m_db.exec(QStringLiteral(
                  "INSERT INTO attachments (id, conversation_id, uploader_id, name, mime, size, sha256, "
                  "complete, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?)"),
              {row.id, row.conversationId, row.uploaderId, row.name, row.mime, row.size, row.sha256,
               row.createdAt})
        .finish();
}

std::optional<AttachmentRow> AttachmentStore::byId(const QString &id) {
    QSqlQuery &q = m_db.exec(
        QStringLiteral(
            "SELECT a.id, a.conversation_id, a.uploader_id, a.message_id, a.name, a.mime, a.size, a.sha256, "
            "a.complete, a.width, a.height, a.created_at, m.deleted FROM attachments a "
            "LEFT JOIN messages m ON m.id = a.message_id WHERE a.id = ?"),
        {id});
    std::optional<AttachmentRow> out;
    if (q.next()) {
        AttachmentRow r;
        r.id = q.value(0).toString();
        r.conversationId = q.value(1).toString();
        r.uploaderId = q.value(2).toString();
        r.messageId = q.value(3).toString();
        r.name = q.value(4).toString();
        r.mime = q.value(5).toString();
        r.size = q.value(6).toLongLong();
        r.sha256 = q.value(7).toString();
        r.complete = q.value(8).toInt() != 0;
        if (!q.value(9).isNull())
            r.width = q.value(9).toLongLong();
        if (!q.value(10).isNull())
            r.height = q.value(10).toLongLong();
        r.createdAt = q.value(11).toLongLong();
        r.messageDeleted = !q.value(12).isNull() && q.value(12).toInt() != 0;
        out = r;
    }
    q.finish();
    return out;
}

void AttachmentStore::markComplete(const AttachmentRow &row) {
    m_db.exec(QStringLiteral("UPDATE attachments SET mime = ?, size = ?, sha256 = ?, width = ?, height = ?, "
                             "complete = 1 WHERE id = ?"),
              {row.mime, row.size, row.sha256, optionalInt(row.width), optionalInt(row.height), row.id})
        .finish();
}

void AttachmentStore::removeIncomplete(const QString &id) {
    m_db.exec(QStringLiteral("DELETE FROM attachments WHERE id = ? AND complete = 0 AND message_id IS NULL"),
              {id})
        .finish();
}

qint64 AttachmentStore::bytesUsedBy(const QString &userId) {
    QSqlQuery &q = m_db.exec(
        // Forwarded copies share the bytes of the row they copy: they take no space of their own.
        QStringLiteral("SELECT COALESCE(SUM(size), 0) FROM attachments WHERE uploader_id = ? AND forwarded_from IS NULL"),
        {userId});
    const qint64 used = q.next() ? q.value(0).toLongLong() : 0;
    q.finish();
    return used;
}

QList<QString> AttachmentStore::idsOfMessage(const QString &messageId) {
    QSqlQuery &q =
        m_db.exec(QStringLiteral("SELECT id FROM attachments WHERE message_id = ? ORDER BY created_at, id"),
                  {messageId});
    QList<QString> ids;
    while (q.next())
        ids.append(q.value(0).toString());
    q.finish();
    return ids;
}

void AttachmentStore::linkToMessage(const QList<QString> &ids, const QString &messageId) {
    for (const QString &id : ids)
        m_db.exec(QStringLiteral("UPDATE attachments SET message_id = ? WHERE id = ? AND message_id IS NULL"),
                  {messageId, id})
            .finish();
}

void AttachmentStore::insertForwarded(const QString &id, const QString &sourceId, const QString &conversationId,
                                      const QString &userId, const QString &messageId, qint64 now) {
    m_db.exec(QStringLiteral(
                  "INSERT INTO attachments (id, conversation_id, uploader_id, message_id, name, mime, size, sha256, "
                  "complete, width, height, created_at, forwarded_from) "
                  "SELECT ?, ?, ?, ?, name, mime, size, sha256, complete, width, height, ?, id FROM attachments WHERE id = ?"),
              {id, conversationId, userId, messageId, now, sourceId})
        .finish();
}

QList<QString> AttachmentStore::incompleteBefore(qint64 before, int limit) {
    QSqlQuery &q =
        m_db.exec(QStringLiteral("SELECT a.id FROM attachments a WHERE a.complete = 0 AND a.message_id IS NULL "
                                 "AND a.created_at < ? AND NOT EXISTS (SELECT 1 FROM uploads u WHERE u.attachment_id = a.id) "
                                 "LIMIT ?"),
                  {before, limit});
    QList<QString> ids;
    while (q.next())
        ids.append(q.value(0).toString());
    q.finish();
    return ids;
}

QList<QString> AttachmentStore::completeSha256s() {
    // Attachments of deleted messages are not served, and the sweep may have removed their bytes.
    QSqlQuery &q = m_db.exec(QStringLiteral("SELECT DISTINCT a.sha256 FROM attachments a LEFT JOIN messages m ON m.id = a.message_id "
                                            "WHERE a.complete = 1 AND (a.message_id IS NULL OR m.deleted = 0) ORDER BY a.sha256"));
    QList<QString> hashes;
    while (q.next())
        hashes.append(q.value(0).toString());
    q.finish();
    return hashes;
}

} // namespace confab::server

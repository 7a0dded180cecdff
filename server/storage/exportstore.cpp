#include "exportstore.h"

#include "storage/database.h"

namespace confab::server {

using protocol::ExportState;

namespace {
const QString kColumns =
    QStringLiteral("id, user_id, state, percent, sha256, size, reason, created_at, touched_at, "
                   "expires_at");
} // namespace

void ExportStore::createSchema(Database &db) {
    for (const char *statement : {
             "CREATE TABLE exports ("
             " id TEXT PRIMARY KEY,"
             " user_id TEXT NOT NULL REFERENCES users(id),"
             " state TEXT NOT NULL,"
             " percent INTEGER NOT NULL DEFAULT 0,"
             " sha256 TEXT,"
             " size BIGINT NOT NULL DEFAULT 0,"
             " reason TEXT,"
             " created_at BIGINT NOT NULL,"
             " touched_at BIGINT NOT NULL,"
             " expires_at BIGINT NOT NULL DEFAULT 0)",
             "CREATE INDEX exports_user ON exports(user_id, created_at)",
             "CREATE INDEX exports_sha256 ON exports(sha256)",
             // One build at a time per user, also when two instances are asked at once.
             "CREATE UNIQUE INDEX exports_one_building ON exports(user_id) WHERE state = 'building'",
         })
        db.execDirect(QString::fromLatin1(statement));
}

QList<ExportRow> ExportStore::readRows(const QString &sql, const QVariantList &params) {
    QSqlQuery &q = m_db.exec(sql, params);
    QList<ExportRow> rows;
    while (q.next()) {
        ExportRow r;
        r.id = q.value(0).toString();
        r.userId = q.value(1).toString();
        r.state = protocol::enumFromName<ExportState>(q.value(2).toString()).value_or(ExportState::Failed);
        r.percent = q.value(3).toInt();
        r.sha256 = q.value(4).toString();
        r.size = q.value(5).toLongLong();
        r.reason = q.value(6).toString();
        r.createdAt = q.value(7).toLongLong();
        r.touchedAt = q.value(8).toLongLong();
        r.expiresAt = q.value(9).toLongLong();
        rows.append(r);
    }
    q.finish();
    return rows;
}

void ExportStore::insert(const ExportRow &row) {
    m_db.exec(QStringLiteral("INSERT INTO exports (id, user_id, state, percent, created_at, touched_at) "
                             "VALUES (?, ?, ?, ?, ?, ?)"),
              {row.id, row.userId, protocol::enumName(row.state), row.percent, row.createdAt, row.touchedAt})
        .finish();
}

std::optional<ExportRow> ExportStore::byId(const QString &id) {
    const auto rows =
        readRows(QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM exports WHERE id = ?"), {id});
    return rows.isEmpty() ? std::nullopt : std::optional(rows.first());
}

std::optional<ExportRow> ExportStore::latestOf(const QString &userId) {
    const auto rows = readRows(
        QStringLiteral("SELECT ") + kColumns +
            QStringLiteral(" FROM exports WHERE user_id = ? ORDER BY created_at DESC, id DESC LIMIT 1"),
        {userId});
    return rows.isEmpty() ? std::nullopt : std::optional(rows.first());
}

QList<ExportRow> ExportStore::othersOf(const QString &userId, const QString &keepId) {
    return readRows(QStringLiteral("SELECT ") + kColumns +
                        QStringLiteral(" FROM exports WHERE user_id = ? AND id <> ?"),
                    {userId, keepId});
}

void ExportStore::setPercent(const QString &id, int percent, qint64 now) {
    m_db.exec(QStringLiteral(
                  "UPDATE exports SET percent = ?, touched_at = ? WHERE id = ? AND state = 'building'"),
              {percent, now, id})
        .finish();
}

void ExportStore::markReady(const QString &id, const QString &sha256, qint64 size, qint64 expiresAt,
                            qint64 now) {
    m_db.exec(QStringLiteral(
                  "UPDATE exports SET state = 'ready', percent = 100, sha256 = ?, size = ?, expires_at = ?, "
                  "touched_at = ? WHERE id = ?"),
              {sha256, size, expiresAt, now, id})
        .finish();
}

void ExportStore::markFailed(const QString &id, const QString &reason, qint64 now) {
    m_db.exec(QStringLiteral("UPDATE exports SET state = 'failed', reason = ?, touched_at = ? WHERE id = ?"),
              {reason, now, id})
        .finish();
}

QList<ExportRow> ExportStore::failStale(qint64 before, const QString &reason, qint64 now) {
    return readRows(QStringLiteral("UPDATE exports SET state = 'failed', reason = ?, touched_at = ? "
                                   "WHERE state = 'building' AND touched_at < ? RETURNING ") +
                        kColumns,
                    {reason, now, before});
}

QList<ExportRow> ExportStore::expired(qint64 now, qint64 failedBefore, int limit) {
    return readRows(QStringLiteral("SELECT ") + kColumns +
                        QStringLiteral(" FROM exports WHERE (state = 'ready' AND expires_at <= ?) "
                                       "OR (state = 'failed' AND touched_at < ?) ORDER BY id LIMIT ?"),
                    {now, failedBefore, limit});
}

void ExportStore::remove(const QString &id) {
    m_db.exec(QStringLiteral("DELETE FROM exports WHERE id = ?"), {id}).finish();
}

QList<ExportFile> ExportStore::uploadsOf(const QString &userId) {
    QSqlQuery &q = m_db.exec(
        QStringLiteral("SELECT a.id, a.conversation_id, a.name, a.mime, a.size, a.sha256, a.created_at "
                       "FROM attachments a JOIN messages m ON m.id = a.message_id "
                       "WHERE a.uploader_id = ? AND a.complete = 1 AND m.deleted = 0 "
                       "AND a.forwarded_from IS NULL ORDER BY a.created_at, a.id"),
        {userId});
    QList<ExportFile> files;
    while (q.next()) {
        ExportFile f;
        f.attachmentId = q.value(0).toString();
        f.conversationId = q.value(1).toString();
        f.name = q.value(2).toString();
        f.mime = q.value(3).toString();
        f.size = q.value(4).toLongLong();
        f.sha256 = q.value(5).toString();
        f.createdAt = q.value(6).toLongLong();
        files.append(f);
    }
    q.finish();
    return files;
}

} // namespace confab::server

#include "uploadstore.h"

#include "storage/database.h"

namespace confab::server {

namespace {
QString spoolName(UploadSpool spool)
{
    return spool == UploadSpool::Database ? QStringLiteral("database") : QStringLiteral("disk");
}

const QString kColumns = QStringLiteral(
    "id, attachment_id, user_id, conversation_id, sha256, size, received, spool, touched_at, finishing_until");

UploadRow rowFrom(const QSqlQuery &q)
{
    UploadRow r;
    r.id = q.value(0).toString();
    r.attachmentId = q.value(1).toString();
    r.userId = q.value(2).toString();
    r.conversationId = q.value(3).toString();
    r.sha256 = q.value(4).toString();
    r.size = q.value(5).toLongLong();
    r.received = q.value(6).toLongLong();
    r.spool = q.value(7).toString() == QLatin1StringView("database") ? UploadSpool::Database : UploadSpool::Disk;
    r.touchedAt = q.value(8).toLongLong();
    r.finishingUntil = q.value(9).toLongLong();
    return r;
}
} // namespace

void UploadStore::createSchema(Database &db)
{
    const QString bytes = db.dialect() == Database::Dialect::PostgreSQL ? QStringLiteral("BYTEA") : QStringLiteral("BLOB");
    db.execDirect(QStringLiteral(R"(CREATE TABLE uploads (
        id TEXT PRIMARY KEY,
        attachment_id TEXT NOT NULL,
        user_id TEXT NOT NULL,
        conversation_id TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        size BIGINT NOT NULL,
        received BIGINT NOT NULL,
        spool TEXT NOT NULL,
        touched_at BIGINT NOT NULL,
        finishing_until BIGINT NOT NULL DEFAULT 0))"));
    db.execDirect(QStringLiteral("CREATE INDEX uploads_touched ON uploads(touched_at)"));
    db.execDirect(QStringLiteral(R"(CREATE TABLE upload_parts (
        upload_id TEXT NOT NULL,
        at BIGINT NOT NULL,
        bytes %1 NOT NULL,
        PRIMARY KEY (upload_id, at)))")
                      .arg(bytes));
    db.execDirect(QStringLiteral("CREATE TABLE server_settings (name TEXT PRIMARY KEY, value TEXT NOT NULL)"));
    // The garbage sweep keeps a blob for a grace period after it was last stored or asked to be stored.
    db.execDirect(QStringLiteral("ALTER TABLE blobs ADD COLUMN touched_at BIGINT NOT NULL DEFAULT 0"));
    db.execDirect(QStringLiteral("UPDATE blobs SET touched_at = created_at"));
    db.execDirect(QStringLiteral("CREATE INDEX blobs_touched ON blobs(touched_at)"));
    db.execDirect(QStringLiteral("CREATE INDEX attachments_sha256 ON attachments(sha256)"));
}

void UploadStore::insert(const UploadRow &row)
{
    m_db.exec(QStringLiteral("INSERT INTO uploads (%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)").arg(kColumns),
              {row.id, row.attachmentId, row.userId, row.conversationId, row.sha256, row.size, row.received,
               spoolName(row.spool), row.touchedAt})
        .finish();
}

std::optional<UploadRow> UploadStore::byId(const QString &id)
{
    QSqlQuery &q = m_db.exec(QStringLiteral("SELECT %1 FROM uploads WHERE id = ?").arg(kColumns), {id});
    std::optional<UploadRow> out;
    if (q.next())
        out = rowFrom(q);
    q.finish();
    return out;
}

std::optional<UploadSpool> UploadStore::advance(const QString &id, const QString &userId, qint64 offset, qint64 length,
                                                qint64 now)
{
    // PostgreSQL: a second transaction with the same offset waits for the first's row lock, then finds
    // `received` moved on and changes nothing. SQLite: one writer at a time.
    QSqlQuery &q = m_db.exec(QStringLiteral("UPDATE uploads SET received = received + ?, touched_at = ? WHERE id = ? "
                                            "AND user_id = ? AND received = ? AND received + ? <= size "
                                            "AND finishing_until = 0 RETURNING spool"),
                             {length, now, id, userId, offset, length});
    std::optional<UploadSpool> out;
    if (q.next())
        out = q.value(0).toString() == QLatin1StringView("database") ? UploadSpool::Database : UploadSpool::Disk;
    q.finish();
    return out;
}

void UploadStore::insertPart(const QString &id, qint64 at, const QByteArray &bytes)
{
    m_db.exec(QStringLiteral("INSERT INTO upload_parts (upload_id, at, bytes) VALUES (?, ?, ?)"), {id, at, bytes}).finish();
}

QList<QByteArray> UploadStore::parts(const QString &id, qint64 at, int limit)
{
    QSqlQuery &q = m_db.exec(QStringLiteral("SELECT bytes FROM upload_parts WHERE upload_id = ? AND at >= ? ORDER BY at LIMIT ?"),
                             {id, at, limit});
    QList<QByteArray> out;
    while (q.next())
        out.append(q.value(0).toByteArray());
    q.finish();
    return out;
}

bool UploadStore::claimFinish(const QString &id, const QString &userId, qint64 now, qint64 until)
{
    QSqlQuery &q = m_db.exec(QStringLiteral("UPDATE uploads SET finishing_until = ?, touched_at = ? WHERE id = ? AND "
                                            "user_id = ? AND received = size AND finishing_until < ?"),
                             {until, now, id, userId, now});
    const bool claimed = q.numRowsAffected() == 1;
    q.finish();
    return claimed;
}

void UploadStore::releaseFinish(const QString &id)
{
    m_db.exec(QStringLiteral("UPDATE uploads SET finishing_until = 0 WHERE id = ?"), {id}).finish();
}

void UploadStore::remove(const QString &id)
{
    m_db.exec(QStringLiteral("DELETE FROM uploads WHERE id = ?"), {id}).finish();
}

int UploadStore::removeParts(const QString &id, int limit)
{
    QSqlQuery &q = m_db.exec(QStringLiteral("DELETE FROM upload_parts WHERE upload_id = ? AND at IN "
                                            "(SELECT at FROM upload_parts WHERE upload_id = ? ORDER BY at LIMIT ?)"),
                             {id, id, limit});
    const int removed = q.numRowsAffected();
    q.finish();
    return removed;
}

QList<UploadRow> UploadStore::idleSince(qint64 before, qint64 now, int limit)
{
    QSqlQuery &q = m_db.exec(QStringLiteral("SELECT %1 FROM uploads WHERE touched_at < ? AND finishing_until < ? "
                                            "ORDER BY touched_at LIMIT ?")
                                 .arg(kColumns),
                             {before, now, limit});
    QList<UploadRow> out;
    while (q.next())
        out.append(rowFrom(q));
    q.finish();
    return out;
}

bool UploadStore::removeIfIdle(const QString &id, qint64 before, qint64 now)
{
    QSqlQuery &q = m_db.exec(QStringLiteral("DELETE FROM uploads WHERE id = ? AND touched_at < ? AND finishing_until < ?"),
                             {id, before, now});
    const bool removed = q.numRowsAffected() == 1;
    q.finish();
    return removed;
}

QList<QString> UploadStore::orphanedParts(int limit)
{
    QSqlQuery &q = m_db.exec(QStringLiteral("SELECT DISTINCT p.upload_id FROM upload_parts p WHERE NOT EXISTS "
                                            "(SELECT 1 FROM uploads u WHERE u.id = p.upload_id) LIMIT ?"),
                             {limit});
    QList<QString> out;
    while (q.next())
        out.append(q.value(0).toString());
    q.finish();
    return out;
}

std::optional<QString> SettingsStore::value(const QString &name)
{
    QSqlQuery &q = m_db.exec(QStringLiteral("SELECT value FROM server_settings WHERE name = ?"), {name});
    std::optional<QString> out;
    if (q.next())
        out = q.value(0).toString();
    q.finish();
    return out;
}

void SettingsStore::setValue(const QString &name, const QString &value)
{
    m_db.exec(QStringLiteral("INSERT INTO server_settings (name, value) VALUES (?, ?) "
                             "ON CONFLICT (name) DO UPDATE SET value = excluded.value"),
              {name, value})
        .finish();
}

} // namespace confab::server

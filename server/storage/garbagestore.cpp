#include "garbagestore.h"

#include "storage/database.h"

namespace confab::server {

bool GarbageStore::isReferenced(const QString &sha256)
{
    QSqlQuery &q = m_db.exec(QStringLiteral("SELECT 1 FROM attachments a LEFT JOIN messages m ON m.id = a.message_id "
                                            "WHERE a.sha256 = ? AND (a.complete = 0 OR a.message_id IS NULL OR m.deleted = 0) "
                                            "UNION ALL SELECT 1 FROM uploads u WHERE u.sha256 = ? "
                                            // Data exports (ExportStore) while they are kept.
                                            "UNION ALL SELECT 1 FROM exports x WHERE x.sha256 = ?"),
                             {sha256, sha256, sha256});
    const bool referenced = q.next();
    q.finish();
    return referenced;
}

QList<QString> GarbageStore::unsentBefore(qint64 before, int limit)
{
    QSqlQuery &q = m_db.exec(QStringLiteral("SELECT id FROM attachments WHERE complete = 1 AND message_id IS NULL "
                                            "AND created_at < ? ORDER BY created_at LIMIT ?"),
                             {before, limit});
    QList<QString> out;
    while (q.next())
        out.append(q.value(0).toString());
    q.finish();
    return out;
}

bool GarbageStore::removeUnsent(const QString &id)
{
    QSqlQuery &q = m_db.exec(QStringLiteral("DELETE FROM attachments WHERE id = ? AND complete = 1 AND message_id IS NULL"),
                             {id});
    const bool removed = q.numRowsAffected() == 1;
    q.finish();
    return removed;
}

} // namespace confab::server

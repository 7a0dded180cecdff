#pragma once

#include <QList>
#include <QString>

namespace confab::server {

class Database;

/*!
 * The SQL of the attachment sweep: what still refers to a blob, and attachments that were uploaded but
 * never sent. A blob is referred to by a complete attachment of a message that is not deleted, by a
 * complete attachment no message names yet (until it expires), and by an upload in progress.
 */
class GarbageStore {
public:
    explicit GarbageStore(Database &db) : m_db(db) {}

    bool isReferenced(const QString &sha256);
    //! Complete attachments no message names, uploaded before `before`: up to `limit` ids.
    QList<QString> unsentBefore(qint64 before, int limit);
    //! Removes such an attachment if a message still does not name it.
    bool removeUnsent(const QString &id);

private:
    Database &m_db;
};

} // namespace confab::server

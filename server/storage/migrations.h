#pragma once

#include <QString>

namespace confab::server {

class Database;

/*!
 * The schema's versions. kSchemaVersion only grows; each version has one step, applied in its
 * own transaction: a failed step rolls back and stops start-up with the version unchanged.
 */
class Migrations {
public:
    static constexpr int kSchemaVersion = 19;

    explicit Migrations(Database &db) : m_db(db) {}

    int currentVersion(); //!< 0 for an empty database
    //! Applies every missing step. Returns false (with a message) when a step failed or the
    //! database is newer than this server.
    bool migrate(QString *error);
    //! Applies the missing steps up to `version` only: a database as an older server left it (tests).
    bool migrateTo(int version, QString *error);

private:
    void applyStep(int version);

    Database &m_db;
};

} // namespace confab::server

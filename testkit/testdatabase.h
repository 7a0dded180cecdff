#pragma once

#include <QSqlDatabase>
#include <QString>
#include <QVariant>

namespace confab::test {

/*!
 * A database of its own for one test: a fresh PostgreSQL database in the suite's throwaway cluster
 * (dropped again by the destructor), or a fresh SQLite file in a temporary folder.
 */
class TestDatabase {
public:
    enum class Kind { PostgreSQL, SQLite };

    explicit TestDatabase(Kind kind);
    ~TestDatabase();
    TestDatabase(const TestDatabase &) = delete;
    TestDatabase &operator=(const TestDatabase &) = delete;

    bool isValid() const { return m_valid; }
    QString errorString() const { return m_error; }
    //! A URL the server accepts for --database: postgresql://…?host=<socket folder> or sqlite:<file>.
    QString url() const { return m_url; }
    Kind kind() const { return m_kind; }

    //! Runs `sql` with `params` through a connection of its own (beside a server using the database):
    //! the first column of every row; empty, with a warning, when it failed.
    QVariantList firstColumn(const QString &sql, const QVariantList &params = {}) const;
    //! Runs one statement as it is, unprepared (DDL such as a trigger a test adds); false, with a
    //! warning, when it failed.
    bool execute(const QString &sql) const;

    //! Where the suite's PostgreSQL listens (a socket folder): CONFAB_TEST_PG_HOST when a test runner
    //! started one cluster for every test, else this process's own (PostgresCluster::shared()).
    static QString postgresHost();
    //! Opens a QPSQL connection to `database` in the suite's cluster under a unique connection name.
    static QSqlDatabase openPostgres(const QString &database, const QString &connectionName);

private:
    Kind m_kind;
    bool m_valid = false;
    QString m_error;
    QString m_url;
    QString m_name;
    QString m_tempDir;
};

} // namespace confab::test

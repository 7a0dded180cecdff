#pragma once

#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace confab::test {

/*!
 * A throwaway PostgreSQL cluster: `initdb` into a temporary folder, a server that listens only on
 * a Unix socket in it, stopped and removed by the destructor. PostgreSQL refuses to run as root;
 * run as root, the cluster belongs to the `postgres` user (as Debian's packages create it).
 * The server binaries are found in CONFAB_PG_BIN, else in the newest /usr/lib/postgresql/N/bin.
 *
 * For tests only: fsync is off, which is fine for correctness tests and wrong for benchmarks of
 * durability.
 */
class PostgresCluster {
public:
    PostgresCluster();
    ~PostgresCluster();
    PostgresCluster(const PostgresCluster &) = delete;
    PostgresCluster &operator=(const PostgresCluster &) = delete;

    bool start(); //!< initdb on first start, then the server; false with a reason in errorString()
    bool stop();  //!< a fast shutdown: open connections are closed, the data stays
    //! SIGKILL of the postmaster, as a crash of the database would be; start() recovers it.
    bool kill();
    bool isRunning() const;
    QString socketDir() const; //!< what `host=` takes, and CONFAB_TEST_PG_HOST
    QString errorString() const { return m_error; }

    /*!
     * The cluster of this process, started on first use and stopped when the application quits;
     * CONFAB_TEST_PG_HOST, when set, names an already running cluster instead and this returns null.
     */
    static PostgresCluster *shared();

private:
    bool run(const QStringList &command, QString *output = nullptr);
    QString pgBin() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    bool m_initialised = false;
    QString m_error;
};

} // namespace confab::test

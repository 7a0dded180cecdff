#pragma once

#include "core/databaseurl.h"

#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

#include <functional>
#include <stdexcept>

namespace confab::server {

class Metrics;

//! A failed statement. Services turn it into UNAVAILABLE (retryable) or INTERNAL replies.
class StoreError : public std::runtime_error {
public:
    enum class Kind { Unavailable, Conflict, Internal };
    StoreError(Kind kind, const QString &message) : std::runtime_error(message.toStdString()), m_kind(kind) {}
    Kind kind() const { return m_kind; }

private:
    Kind m_kind;
};

/*!
 * One connection to the database, used from the thread that opened it. Owns the prepared
 * statements (cached by text) and knows the SQL dialect; stores build on it.
 */
class Database {
public:
    enum class Dialect { PostgreSQL, SQLite };

    //! `metrics`, when given, times every statement and notes each commit.
    explicit Database(DatabaseUrl url, QString connectionName, Metrics *metrics = nullptr);
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    bool open(QString *error);
    void close();
    bool isOpen() const;
    //! One round trip to the database (health checks); throws StoreError when it does not answer.
    void ping();
    //! SQLite: a consistent copy of the whole database into a new file (VACUUM INTO), one read
    //! transaction even while the server writes. Throws StoreError.
    void copyInto(const QString &file);
    Dialect dialect() const { return m_url.driver == DatabaseUrl::Driver::PostgreSQL ? Dialect::PostgreSQL : Dialect::SQLite; }
    const DatabaseUrl &url() const { return m_url; }
    QSqlDatabase handle() const { return QSqlDatabase::database(m_connectionName, false); }

    //! Runs a prepared statement with positional `?` parameters; throws StoreError on failure.
    //! The returned query is reused by the next call with the same text: read it fully first.
    QSqlQuery &exec(const QString &sql, const QVariantList &params = {});
    //! Runs a statement that is not worth preparing (DDL, pragmas); throws StoreError on failure.
    void execDirect(const QString &sql);

    void begin();
    void commit();
    void rollback();

    //! Called after the connection was lost and opened again (e.g. to LISTEN again).
    void setOnReconnect(std::function<void()> callback) { m_onReconnect = std::move(callback); }

    // Group commit: one transaction shared by several requests, so that they wait for one flush
    // to disk together (services/groupcommit.h). Only statements run in a BatchWork scope belong
    // to it: any other statement, or begin(), first calls `finish`, which must commit or roll back
    // the batch. So no other request ever reads what is not committed yet, or commits it early.
    //! BEGIN; `finish` ends the batch when the connection is wanted for something else.
    void openBatch(std::function<void()> finish);
    bool batchOpen() const { return m_batchOpen; }
    //! Counts batches opened: tells a store whether what it kept for "the open batch" is still about it.
    quint64 batchNumber() const { return m_batchNumber; }
    //! Runs `step` as the batch's last statements, right before its COMMIT (e.g. to write a
    //! counter once instead of once per request). Forgotten if the batch rolls back.
    void atBatchCommit(std::function<void()> step) { m_batchCommitSteps.append(std::move(step)); }
    //! COMMIT; the batch is over even when this throws (then nothing of it was committed).
    void commitBatch();
    //! ROLLBACK, quietly: a broken connection rolled back already.
    void rollbackBatch();
    //! Marks the statements run during its lifetime as the open batch's own.
    class BatchWork {
    public:
        explicit BatchWork(Database &db) : m_db(db) { ++m_db.m_batchWork; }
        ~BatchWork() { --m_db.m_batchWork; }
        BatchWork(const BatchWork &) = delete;
        BatchWork &operator=(const BatchWork &) = delete;

    private:
        Database &m_db;
    };

private:
    [[noreturn]] void fail(const QSqlError &error, const QString &what);
    //! Reopens a connection that failed, at most every half second; throws Unavailable meanwhile.
    void ensureConnected();
    //! Ends an open batch before a statement that is not its own.
    void finishForeignBatch();
    bool setUpSession(QString *error);

    DatabaseUrl m_url;
    QString m_connectionName;
    QHash<QString, QSqlQuery> m_statements;
    bool m_broken = false;
    qint64 m_lastReopenAttempt = 0;
    std::function<void()> m_onReconnect;
    Metrics *m_metrics = nullptr;
    bool m_batchOpen = false;
    int m_batchWork = 0;
    quint64 m_batchNumber = 0;
    std::function<void()> m_finishBatch;
    QList<std::function<void()>> m_batchCommitSteps;
};

//! Rolls back unless committed: every write path runs inside one.
class Transaction {
public:
    explicit Transaction(Database &db) : m_db(db) { m_db.begin(); }
    ~Transaction()
    {
        if (!m_done) {
            try {
                m_db.rollback();
            } catch (const StoreError &) {
                // The connection is already gone; nothing was committed.
            }
        }
    }
    void commit()
    {
        m_db.commit();
        m_done = true;
    }
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

private:
    Database &m_db;
    bool m_done = false;
};

} // namespace confab::server

#include "database.h"

#include "core/logging.h"
#include "core/metrics.h"

#include <QDateTime>
#include <QSqlDriver>
#include <QSqlError>

namespace confab::server {

Database::Database(DatabaseUrl url, QString connectionName, Metrics *metrics)
    : m_url(std::move(url)), m_connectionName(std::move(connectionName)), m_metrics(metrics)
{
}

Database::~Database()
{
    close();
}

bool Database::open(QString *error)
{
    {
        QSqlDatabase db = QSqlDatabase::contains(m_connectionName)
                              ? QSqlDatabase::database(m_connectionName, false)
                              : QSqlDatabase::addDatabase(m_url.driver == DatabaseUrl::Driver::PostgreSQL
                                                              ? QStringLiteral("QPSQL")
                                                              : QStringLiteral("QSQLITE"),
                                                          m_connectionName);
        if (!db.isValid()) {
            *error = QStringLiteral("the Qt SQL driver for %1 is not installed").arg(db.driverName());
            return false;
        }
        db.setDatabaseName(m_url.database);
        if (m_url.driver == DatabaseUrl::Driver::PostgreSQL) {
            db.setHostName(m_url.host);
            db.setPort(m_url.port);
            db.setUserName(m_url.user);
            db.setPassword(m_url.password);
            db.setConnectOptions(QStringLiteral("connect_timeout=5"));
        } else {
            db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
        }
        if (!db.open()) {
            *error = db.lastError().text();
            return false;
        }
    }
    m_statements.clear();
    return setUpSession(error);
}

bool Database::setUpSession(QString *error)
{
    try {
        if (dialect() == Dialect::SQLite) {
            // WAL: readers (the admin CLI, backups) do not block the server; foreign keys are off by default.
            execDirect(QStringLiteral("PRAGMA journal_mode=WAL"));
            execDirect(QStringLiteral("PRAGMA synchronous=FULL"));
            execDirect(QStringLiteral("PRAGMA foreign_keys=ON"));
        } else {
            execDirect(QStringLiteral("SET client_min_messages TO WARNING"));
        }
    } catch (const StoreError &e) {
        *error = QString::fromStdString(e.what());
        return false;
    }
    return true;
}

void Database::ensureConnected()
{
    if (!m_broken)
        return;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (now - m_lastReopenAttempt < 500)
        throw StoreError(StoreError::Kind::Unavailable, QStringLiteral("the database connection is down"));
    m_lastReopenAttempt = now;
    m_statements.clear();
    QSqlDatabase db = handle();
    db.close();
    if (!db.open())
        throw StoreError(StoreError::Kind::Unavailable, db.lastError().text());
    m_broken = false;
    QString error;
    if (!setUpSession(&error)) {
        m_broken = true;
        throw StoreError(StoreError::Kind::Unavailable, error);
    }
    qCInfo(lcStore).noquote() << "reconnected to the database" << m_url.redacted();
    if (m_onReconnect)
        m_onReconnect();
}

void Database::close()
{
    m_statements.clear();
    if (QSqlDatabase::contains(m_connectionName)) {
        QSqlDatabase::database(m_connectionName, false).close();
        QSqlDatabase::removeDatabase(m_connectionName);
    }
}

bool Database::isOpen() const
{
    return handle().isOpen();
}

void Database::ping()
{
    exec(QStringLiteral("SELECT 1")).finish();
}

void Database::copyInto(const QString &file)
{
    exec(QStringLiteral("VACUUM INTO ?"), {file}).finish();
}

void Database::finishForeignBatch()
{
    if (!m_batchOpen || m_batchWork > 0)
        return;
    // The finisher commits (and answers the batch's requests) or rolls back; either way the
    // connection is then free. Closed here too in case it did neither.
    const auto finish = m_finishBatch;
    if (finish)
        finish();
    if (m_batchOpen)
        rollbackBatch();
}

void Database::openBatch(std::function<void()> finish)
{
    begin();
    m_batchOpen = true;
    ++m_batchNumber;
    m_finishBatch = std::move(finish);
    m_batchCommitSteps.clear();
}

void Database::commitBatch()
{
    {
        BatchWork work(*this);
        // A step that throws leaves the batch open: the caller rolls it back.
        for (const auto &step : std::as_const(m_batchCommitSteps))
            step();
    }
    m_batchOpen = false;
    m_finishBatch = nullptr;
    m_batchCommitSteps.clear();
    commit();
}

void Database::rollbackBatch()
{
    m_batchOpen = false;
    m_finishBatch = nullptr;
    m_batchCommitSteps.clear();
    try {
        rollback();
    } catch (const StoreError &) {
        // The connection is gone, and with it the transaction.
    }
}

QSqlQuery &Database::exec(const QString &sql, const QVariantList &params)
{
    finishForeignBatch();
    ensureConnected();
    const qint64 startedNs = m_metrics ? Metrics::nowNs() : 0;
    auto it = m_statements.find(sql);
    if (it == m_statements.end()) {
        QSqlQuery query(handle());
        query.setForwardOnly(true);
        if (!query.prepare(sql))
            fail(query.lastError(), sql);
        it = m_statements.insert(sql, std::move(query));
    }
    QSqlQuery &query = *it;
    for (qsizetype i = 0; i < params.size(); ++i) {
        const QVariant &value = params.at(i);
        // A null QString in a valued QVariant is an empty text, not SQL NULL (drivers disagree):
        // only a QVariant without a value means NULL.
        if (!value.isNull() && value.metaType() == QMetaType::fromType<QString>() && value.toString().isNull())
            query.bindValue(int(i), QStringLiteral(""));
        else
            query.bindValue(int(i), value);
    }
    if (!query.exec())
        fail(query.lastError(), sql);
    if (m_metrics)
        m_metrics->queryDone(startedNs);
    return query;
}

void Database::execDirect(const QString &sql)
{
    finishForeignBatch();
    ensureConnected();
    QSqlQuery query(handle());
    if (!query.exec(sql))
        fail(query.lastError(), sql);
}

void Database::begin()
{
    finishForeignBatch();
    ensureConnected();
    if (dialect() == Dialect::SQLite) {
        // IMMEDIATE takes the write lock up front, waiting out the busy timeout for it. A deferred
        // transaction that read first cannot wait when it comes to write while another connection
        // (the attachment worker, the sweep) holds the lock: SQLite refuses it at once ("database
        // is locked"), and a send would be refused with it.
        QSqlQuery query(handle());
        if (!query.exec(QStringLiteral("BEGIN IMMEDIATE")))
            fail(query.lastError(), QStringLiteral("BEGIN IMMEDIATE"));
        return;
    }
    QSqlDatabase db = handle();
    if (!db.transaction())
        fail(db.lastError(), QStringLiteral("BEGIN"));
}

void Database::commit()
{
    const qint64 startedNs = m_metrics ? Metrics::nowNs() : 0;
    QSqlDatabase db = handle();
    if (!db.commit())
        fail(db.lastError(), QStringLiteral("COMMIT"));
    if (m_metrics)
        m_metrics->committed(startedNs);
}

void Database::rollback()
{
    QSqlDatabase db = handle();
    if (!db.rollback())
        fail(db.lastError(), QStringLiteral("ROLLBACK"));
}

void Database::fail(const QSqlError &error, const QString &what)
{
    const QString native = error.nativeErrorCode();
    StoreError::Kind kind = StoreError::Kind::Internal;
    if (dialect() == Dialect::SQLite) {
        const int code = native.toInt();
        const int primary = code & 0xff; // extended result codes carry the primary code in the low byte
        if (code == 2067 || code == 1555) // SQLITE_CONSTRAINT_UNIQUE, _PRIMARYKEY
            kind = StoreError::Kind::Conflict;
        else if (primary == 5 || primary == 6 || primary == 10 || primary == 13 || primary == 14) // BUSY, LOCKED, IOERR, FULL, CANTOPEN
            kind = StoreError::Kind::Unavailable;
    } else {
        if (native == QLatin1StringView("23505")) // unique_violation
            kind = StoreError::Kind::Conflict;
        else if (native.startsWith(QLatin1StringView("08")) || native.startsWith(QLatin1StringView("57P")) ||
                 native.startsWith(QLatin1StringView("53")) || native == QLatin1StringView("40001") ||
                 native == QLatin1StringView("40P01"))
            kind = StoreError::Kind::Unavailable; // connection, shutdown, resources, serialization: retryable
        // libpq reports a dead socket without an SQLSTATE; these are its words for it.
        const QString text = error.databaseText() + u' ' + error.driverText();
        for (const char *lost : {"server closed the connection", "no connection to the server", "terminating connection",
                                 "could not connect", "connection to server", "could not send data",
                                 "could not receive data", "SSL SYSCALL"}) {
            if (text.contains(QLatin1StringView(lost), Qt::CaseInsensitive))
                kind = StoreError::Kind::Unavailable;
        }
    }
    if (kind == StoreError::Kind::Internal && (error.type() == QSqlError::ConnectionError || !handle().isOpen()))
        kind = StoreError::Kind::Unavailable;
    if (kind == StoreError::Kind::Unavailable && dialect() == Dialect::PostgreSQL)
        m_broken = true; // reopened on the next use
    if (kind != StoreError::Kind::Conflict)
        qCWarning(lcStore).noquote() << "statement failed:" << error.text() << "in" << what.left(120);
    throw StoreError(kind, error.text());
}

} // namespace confab::server

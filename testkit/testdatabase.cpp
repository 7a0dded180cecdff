#include "testdatabase.h"

#include "postgrescluster.h"

#include <QDebug>
#include <QDir>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace confab::test {

namespace {
const QString kAdminConnection = QStringLiteral("confab-test-admin");
}

QString TestDatabase::postgresHost()
{
    const QString given = qEnvironmentVariable("CONFAB_TEST_PG_HOST");
    if (!given.isEmpty())
        return given; // a cluster the test runner started for every test (ctest's `pg` fixture)
    PostgresCluster *own = PostgresCluster::shared();
    return own ? own->socketDir() : QString();
}

QSqlDatabase TestDatabase::openPostgres(const QString &database, const QString &connectionName)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connectionName);
    db.setHostName(postgresHost());
    db.setUserName(QStringLiteral("postgres"));
    db.setDatabaseName(database);
    db.open();
    return db;
}

QVariantList TestDatabase::firstColumn(const QString &sql, const QVariantList &params) const
{
    static int next = 0;
    const QString connection = QStringLiteral("confab-test-query-%1").arg(++next);
    QVariantList out;
    {
        QSqlDatabase db;
        if (m_kind == Kind::PostgreSQL) {
            db = openPostgres(m_name, connection);
        } else {
            db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
            db.setDatabaseName(m_url.mid(qstrlen("sqlite:")));
            db.open();
        }
        QSqlQuery q(db);
        q.prepare(sql);
        for (const QVariant &p : params)
            q.addBindValue(p);
        if (!q.exec())
            qWarning().noquote() << "test query failed:" << sql << q.lastError().text();
        while (q.next())
            out.append(q.value(0));
    }
    QSqlDatabase::removeDatabase(connection);
    return out;
}

bool TestDatabase::execute(const QString &sql) const
{
    static int next = 0;
    const QString connection = QStringLiteral("confab-test-execute-%1").arg(++next);
    bool ok = false;
    {
        QSqlDatabase db;
        if (m_kind == Kind::PostgreSQL) {
            db = openPostgres(m_name, connection);
        } else {
            db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
            db.setDatabaseName(m_url.mid(qstrlen("sqlite:")));
            db.open();
        }
        QSqlQuery q(db);
        ok = q.exec(sql);
        if (!ok)
            qWarning().noquote() << "test statement failed:" << sql << q.lastError().text();
    }
    QSqlDatabase::removeDatabase(connection);
    return ok;
}

TestDatabase::TestDatabase(Kind kind) : m_kind(kind)
{
    const QString suffix = QUuid::createUuid().toString(QUuid::Id128).left(16);
    if (kind == Kind::SQLite) {
        m_tempDir = QDir::temp().filePath(QStringLiteral("confab-test-") + suffix);
        QDir().mkpath(m_tempDir);
        m_url = QStringLiteral("sqlite:") + m_tempDir + QStringLiteral("/confab.sqlite");
        m_valid = true;
        return;
    }
    if (postgresHost().isEmpty()) {
        m_error = QStringLiteral("CONFAB_TEST_PG_HOST is not set: run this test through ctest (fixture `pg`)");
        return;
    }
    m_name = QStringLiteral("confab_test_") + suffix;
    {
        QSqlDatabase admin = openPostgres(QStringLiteral("postgres"), kAdminConnection + m_name);
        if (!admin.isOpen()) {
            m_error = admin.lastError().text();
        } else {
            QSqlQuery q(admin);
            if (!q.exec(QStringLiteral("CREATE DATABASE ") + m_name))
                m_error = q.lastError().text();
            else
                m_valid = true;
        }
    }
    QSqlDatabase::removeDatabase(kAdminConnection + m_name);
    m_url = QStringLiteral("postgresql://postgres@/") + m_name + QStringLiteral("?host=") + postgresHost();
}

TestDatabase::~TestDatabase()
{
    if (m_kind == Kind::SQLite) {
        if (!m_tempDir.isEmpty())
            QDir(m_tempDir).removeRecursively();
        return;
    }
    if (!m_valid)
        return;
    {
        QSqlDatabase admin = openPostgres(QStringLiteral("postgres"), kAdminConnection + m_name);
        QSqlQuery q(admin);
        q.exec(QStringLiteral("DROP DATABASE IF EXISTS ") + m_name + QStringLiteral(" WITH (FORCE)"));
    }
    QSqlDatabase::removeDatabase(kAdminConnection + m_name);
}

} // namespace confab::test

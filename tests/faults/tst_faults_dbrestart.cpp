// Fault: PostgreSQL stops (pg_ctl stop -m fast) and starts again while devices write. The suite's
// shared cluster cannot be stopped (other tests use it in parallel), so this test runs its own
// throwaway cluster, with the logic of tests/pg/pg-cluster.sh. Meanwhile the server answers
// UNAVAILABLE, never crashes, reopens its connection by itself, and closes client connections so
// that they re-sync; the clients retry. Afterwards the same checks as when the server is killed.
#include "faultsupport.h"

#include <QDir>
#include <QProcess>
#include <QSqlError>
#include <QSqlQuery>

#include <unistd.h>

using namespace confab::protocol;
using namespace confab::test;
using namespace confab::test::faults;

namespace {

//! initdb into a temporary folder, Unix socket only; as root, the cluster runs as `postgres`.
class ThrowawayPostgres {
public:
    ~ThrowawayPostgres()
    {
        stop();
        QDir(m_dir).removeRecursively();
    }
    bool init()
    {
        const QStringList versions = QDir(QStringLiteral("/usr/lib/postgresql")).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
        if (versions.isEmpty())
            return fail(QStringLiteral("PostgreSQL server binaries not found (install postgresql)"));
        m_bin = QStringLiteral("/usr/lib/postgresql/%1/bin").arg(versions.last());
        m_dir = QStringLiteral("/tmp/confab-faults-pg-%1").arg(QCoreApplication::applicationPid());
        QDir(m_dir).removeRecursively();
        if (!QDir().mkpath(m_dir + QStringLiteral("/data")) || !QDir().mkpath(socketDir()) || !QDir().mkpath(m_dir + QStringLiteral("/log")))
            return fail(QStringLiteral("cannot create ") + m_dir);
        QFile::setPermissions(m_dir, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
                                         | QFileDevice::ReadOther | QFileDevice::ExeOther | QFileDevice::ReadGroup | QFileDevice::ExeGroup);
        QFile::setPermissions(m_dir + QStringLiteral("/data"), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        if (::geteuid() == 0) {
            if (run(QStringLiteral("chown"), {QStringLiteral("postgres"), m_dir + QStringLiteral("/data"), socketDir(),
                                              m_dir + QStringLiteral("/log")}) != 0)
                return fail(QStringLiteral("chown failed"));
        }
        if (asOwner(m_bin + QStringLiteral("/initdb"), {QStringLiteral("-D"), m_dir + QStringLiteral("/data"), QStringLiteral("-U"),
                                                        QStringLiteral("postgres"), QStringLiteral("--auth=trust"),
                                                        QStringLiteral("-E"), QStringLiteral("UTF8"), QStringLiteral("--locale=C.UTF-8")}) != 0)
            return fail(QStringLiteral("initdb failed: ") + m_output);
        return true;
    }
    bool start()
    {
        const QString options = QStringLiteral("-c listen_addresses='' -k %1 -c fsync=off -c max_connections=100").arg(socketDir());
        if (asOwner(m_bin + QStringLiteral("/pg_ctl"), {QStringLiteral("-D"), m_dir + QStringLiteral("/data"), QStringLiteral("-l"),
                                                        m_dir + QStringLiteral("/log/pg.log"), QStringLiteral("-w"), QStringLiteral("-t"),
                                                        QStringLiteral("60"), QStringLiteral("-o"), options, QStringLiteral("start")}) != 0)
            return fail(QStringLiteral("pg_ctl start failed: ") + m_output);
        m_running = true;
        return true;
    }
    bool stop()
    {
        if (!m_running)
            return true;
        m_running = false;
        return asOwner(m_bin + QStringLiteral("/pg_ctl"), {QStringLiteral("-D"), m_dir + QStringLiteral("/data"), QStringLiteral("-m"),
                                                           QStringLiteral("fast"), QStringLiteral("-w"), QStringLiteral("-t"),
                                                           QStringLiteral("60"), QStringLiteral("stop")}) == 0;
    }
    bool createDatabase(const QString &name)
    {
        bool ok = false;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("faults-admin"));
            db.setHostName(socketDir());
            db.setUserName(QStringLiteral("postgres"));
            db.setDatabaseName(QStringLiteral("postgres"));
            if (db.open()) {
                QSqlQuery q(db);
                ok = q.exec(QStringLiteral("CREATE DATABASE ") + name);
                if (!ok)
                    m_error = q.lastError().text();
            } else {
                m_error = db.lastError().text();
            }
        }
        QSqlDatabase::removeDatabase(QStringLiteral("faults-admin"));
        return ok;
    }
    QString socketDir() const { return m_dir + QStringLiteral("/sock"); }
    QString errorString() const { return m_error; }

private:
    bool fail(const QString &why)
    {
        m_error = why;
        return false;
    }
    int run(const QString &program, const QStringList &args)
    {
        QProcess p;
        p.setWorkingDirectory(QStringLiteral("/"));
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(program, args);
        if (!p.waitForFinished(90000))
            return -1;
        m_output = QString::fromUtf8(p.readAll()).right(2000);
        return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    }
    int asOwner(const QString &program, const QStringList &args)
    {
        if (::geteuid() == 0)
            return run(QStringLiteral("runuser"), QStringList{QStringLiteral("-u"), QStringLiteral("postgres"), QStringLiteral("--"), program} + args);
        return run(program, args);
    }
    QString m_bin, m_dir, m_error, m_output;
    bool m_running = false;
};

} // namespace

class TestDbRestart : public QObject {
    Q_OBJECT
private slots:
    void databaseRestartedUnderLoad()
    {
        ThrowawayPostgres pg;
        QVERIFY2(pg.init(), qPrintable(pg.errorString()));
        QVERIFY2(pg.start(), qPrintable(pg.errorString()));
        QVERIFY2(pg.createDatabase(QStringLiteral("confab_faults")), qPrintable(pg.errorString()));
        ServerProcess server(QStringLiteral("postgresql://postgres@/confab_faults?host=") + pg.socketDir(),
                             {{QStringLiteral("limits/send_burst"), QStringLiteral("100000")},
                              {QStringLiteral("server/requests_per_second"), QStringLiteral("10000")}});
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        const auto showLog = qScopeGuard([&] {
            if (QTest::currentTestFailed())
                qWarning().noquote() << "server log:\n" << server.log().right(6000);
        });

        LoadScenario load(server.url());
        load.setUp();
        if (QTest::currentTestFailed())
            return;
        TestClient probe;
        QVERIFY(probe.open(server.url()));
        QVERIFY(probe.signIn(QStringLiteral("user1"), kPassword));

        load.startSending(60, 40);
        constexpr int kRestarts = 2;
        for (int round = 1; round <= kRestarts; ++round) {
            QVERIFY2(QTest::qWaitFor([&] { return load.allOnline(); }, 20000), "not reconnected before a restart");
            QTest::qWait(700);
            if (!probe.isConnected()) {
                // The server closed every connection after it reconnected to the database: sign in again.
                QVERIFY(probe.open(server.url()));
                QVERIFY(probe.signIn(QStringLiteral("user1"), kPassword));
            }
            QVERIFY(pg.stop());
            // While the database is down: a retryable UNAVAILABLE, not INTERNAL, not a dropped connection.
            MessageSend send;
            send.conversationId = load.conversationId();
            send.clientId = QUuid::createUuid().toString(QUuid::WithoutBraces);
            send.body = QStringLiteral("while the database is down");
            const Frame reply = probe.request(send, 15000);
            QVERIFY2(TestClient::isError(reply, ErrorCode::Unavailable), qPrintable(TestClient::describe(reply)));
            QTest::qWait(800);
            QVERIFY2(server.isRunning(), "the server died while the database was down");
            QVERIFY2(pg.start(), qPrintable(pg.errorString()));
        }
        load.verify(1 + kRestarts);
        QVERIFY(server.isRunning());
    }
};

QTEST_GUILESS_MAIN(TestDbRestart)
#include "tst_faults_dbrestart.moc"

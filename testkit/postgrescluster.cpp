#include "postgrescluster.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QVersionNumber>

#include <csignal>
#include <pwd.h>
#include <unistd.h>

namespace confab::test {

namespace {
constexpr int kWaitMs = 60000;

bool isRoot()
{
    return ::geteuid() == 0;
}

//! As root, the cluster's folders belong to `postgres`, who runs it.
bool handToPostgres(const QString &path, QString *error)
{
    if (!isRoot())
        return true;
    const passwd *pw = ::getpwnam("postgres");
    if (!pw) {
        *error = QStringLiteral("running as root, but there is no `postgres` user to run PostgreSQL as");
        return false;
    }
    if (::chown(QFile::encodeName(path).constData(), pw->pw_uid, pw->pw_gid) != 0) {
        *error = QStringLiteral("cannot hand %1 to the postgres user").arg(path);
        return false;
    }
    return true;
}
} // namespace

PostgresCluster::PostgresCluster() = default;

PostgresCluster::~PostgresCluster()
{
    stop();
}

QString PostgresCluster::pgBin() const
{
    const QString configured = qEnvironmentVariable("CONFAB_PG_BIN");
    if (!configured.isEmpty())
        return configured;
    QString best;
    QVersionNumber bestVersion;
    const QDir root(QStringLiteral("/usr/lib/postgresql"));
    for (const QString &entry : root.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QVersionNumber v = QVersionNumber::fromString(entry);
        if (QFile::exists(root.filePath(entry + QStringLiteral("/bin/initdb"))) && v > bestVersion) {
            bestVersion = v;
            best = root.filePath(entry + QStringLiteral("/bin"));
        }
    }
    return best;
}

bool PostgresCluster::run(const QStringList &command, QString *output)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.setWorkingDirectory(QStringLiteral("/")); // the postgres user may not enter the caller's folder
    QStringList args = command;
    QString program = args.takeFirst();
    if (isRoot()) {
        args.prepend(program);
        args = QStringList{QStringLiteral("-u"), QStringLiteral("postgres"), QStringLiteral("--")} + args;
        program = QStringLiteral("runuser");
    }
    p.start(program, args);
    const bool finished = p.waitForFinished(kWaitMs);
    const QString out = QString::fromLocal8Bit(p.readAll());
    if (output)
        *output = out;
    if (!finished || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        m_error = QStringLiteral("%1 failed: %2").arg(command.first(), out.trimmed());
        return false;
    }
    return true;
}

bool PostgresCluster::start()
{
    if (isRunning())
        return true;
    const QString bin = pgBin();
    if (bin.isEmpty() || !QFile::exists(bin + QStringLiteral("/initdb"))) {
        m_error = QStringLiteral("PostgreSQL's server binaries were not found (install `postgresql`, or set CONFAB_PG_BIN)");
        return false;
    }
    if (!m_initialised) {
        m_dir = std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/confab-pg-XXXXXX"));
        if (!m_dir->isValid()) {
            m_error = QStringLiteral("cannot create a temporary folder");
            return false;
        }
        const QDir dir(m_dir->path());
        QFile::setPermissions(dir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner |
                                              QFileDevice::ReadGroup | QFileDevice::ExeGroup | QFileDevice::ReadOther |
                                              QFileDevice::ExeOther);
        for (const char *sub : {"data", "sock"}) {
            if (!dir.mkpath(QString::fromLatin1(sub)) || !handToPostgres(dir.filePath(QString::fromLatin1(sub)), &m_error))
                return false;
        }
        QFile::setPermissions(dir.filePath(QStringLiteral("data")), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                                        QFileDevice::ExeOwner);
        if (!run({bin + QStringLiteral("/initdb"), QStringLiteral("-D"), dir.filePath(QStringLiteral("data")),
                  QStringLiteral("-U"), QStringLiteral("postgres"), QStringLiteral("--auth=trust"), QStringLiteral("-E"),
                  QStringLiteral("UTF8"), QStringLiteral("--locale=C.UTF-8")}))
            return false;
        m_initialised = true;
    }
    const QDir dir(m_dir->path());
    const QString options = QStringLiteral("-c listen_addresses='' -k %1 -c fsync=off -c max_connections=300 "
                                           "-c shared_buffers=64MB")
                                .arg(socketDir());
    return run({bin + QStringLiteral("/pg_ctl"), QStringLiteral("-D"), dir.filePath(QStringLiteral("data")),
                QStringLiteral("-l"), dir.filePath(QStringLiteral("data/server.log")), QStringLiteral("-w"),
                QStringLiteral("-t"), QStringLiteral("60"), QStringLiteral("-o"), options, QStringLiteral("start")});
}

bool PostgresCluster::stop()
{
    if (!isRunning())
        return true;
    const QDir dir(m_dir->path());
    return run({pgBin() + QStringLiteral("/pg_ctl"), QStringLiteral("-D"), dir.filePath(QStringLiteral("data")),
                QStringLiteral("-m"), QStringLiteral("fast"), QStringLiteral("-w"), QStringLiteral("-t"),
                QStringLiteral("60"), QStringLiteral("stop")});
}

bool PostgresCluster::kill()
{
    if (!isRunning())
        return false;
    QFile pidFile(QDir(m_dir->path()).filePath(QStringLiteral("data/postmaster.pid")));
    if (!pidFile.open(QIODevice::ReadOnly))
        return false;
    const pid_t pid = pid_t(pidFile.readLine().trimmed().toLongLong());
    if (pid <= 0 || ::kill(pid, SIGKILL) != 0)
        return false;
    // The backends notice that the postmaster died and end; a new start waits for them.
    for (int i = 0; i < 600 && ::kill(pid, 0) == 0; ++i)
        ::usleep(10000);
    QFile::remove(pidFile.fileName());
    return true;
}

bool PostgresCluster::isRunning() const
{
    return m_dir && QFile::exists(QDir(m_dir->path()).filePath(QStringLiteral("data/postmaster.pid")));
}

QString PostgresCluster::socketDir() const
{
    return m_dir ? QDir(m_dir->path()).filePath(QStringLiteral("sock")) : QString();
}

PostgresCluster *PostgresCluster::shared()
{
    if (!qEnvironmentVariableIsEmpty("CONFAB_TEST_PG_HOST"))
        return nullptr;
    static PostgresCluster *cluster = nullptr;
    if (!cluster) {
        cluster = new PostgresCluster;
        // Stopped with the application, before static destruction, while QProcess still works.
        qAddPostRoutine([] {
            delete cluster;
            cluster = nullptr;
        });
    }
    if (!cluster->start())
        qWarning("confab test kit: %s", qPrintable(cluster->errorString()));
    return cluster;
}

} // namespace confab::test

#include "serverprocess.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QUrl>

#include <csignal>

namespace confab::test {

QString ServerProcess::serverBinary()
{
    const QString given = qEnvironmentVariable("CONFAB_SERVER_BINARY");
    if (!given.isEmpty())
        return given;
#ifdef CONFAB_SERVER_BINARY
    // The project's own tests: the server of the same build tree.
    if (QFile::exists(QStringLiteral(CONFAB_SERVER_BINARY)))
        return QStringLiteral(CONFAB_SERVER_BINARY);
#endif
    const QString onPath = QStandardPaths::findExecutable(QStringLiteral("confab-server"));
    return onPath.isEmpty() ? QStringLiteral("/usr/bin/confab-server") : onPath;
}

ServerProcess::ServerProcess(QString databaseUrl, QMap<QString, QString> settings)
    : m_databaseUrl(std::move(databaseUrl)), m_settings(std::move(settings))
{
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
}

ServerProcess::~ServerProcess()
{
    stop();
}

bool ServerProcess::start()
{
    {
        QSettings ini(configPath(), QSettings::IniFormat);
        for (auto it = m_settings.cbegin(); it != m_settings.cend(); ++it)
            ini.setValue(it.key(), it.value());
        ini.sync();
    }
    if (!QFile::exists(configPath())) { // no settings: still a config file, as an installed server has
        QFile empty(configPath());
        empty.open(QIODevice::WriteOnly);
    }
    // Keep the port of an earlier run, so that clients can reconnect to a restarted server.
    const QString listen = QStringLiteral("127.0.0.1:%1").arg(m_port);
    m_process.start(serverBinary(), {QStringLiteral("serve"), QStringLiteral("--config"), configPath(),
                                     QStringLiteral("--listen"), listen, QStringLiteral("--data"), dataDir(),
                                     QStringLiteral("--database"), m_databaseUrl});
    if (!m_process.waitForStarted(10000)) {
        m_error = m_process.errorString();
        return false;
    }
    static const QRegularExpression line(QStringLiteral("listening on (wss?://[^\\s]+)"));
    QByteArray out;
    const QDeadlineTimer deadline(20000);
    while (!deadline.hasExpired() && m_process.state() == QProcess::Running) {
        m_process.waitForReadyRead(100);
        out += m_process.readAllStandardOutput();
        m_log += QString::fromUtf8(m_process.readAllStandardError());
        const auto match = line.match(QString::fromUtf8(out));
        if (match.hasMatch()) {
            m_url = match.captured(1);
            m_port = quint16(QUrl(m_url).port());
            // Keep draining the logs so that the pipe never blocks the server.
            QObject::connect(&m_process, &QProcess::readyReadStandardError, &m_process,
                             [this] { m_log += QString::fromUtf8(m_process.readAllStandardError()); });
            QObject::connect(&m_process, &QProcess::readyReadStandardOutput, &m_process,
                             [this] { m_process.readAllStandardOutput(); });
            return true;
        }
    }
    m_log += QString::fromUtf8(m_process.readAllStandardError());
    m_error = QStringLiteral("the server did not start: ") + m_log.right(2000);
    stop();
    return false;
}

void ServerProcess::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    QObject::disconnect(&m_process, nullptr, nullptr, nullptr);
    m_process.terminate();
    if (!m_process.waitForFinished(10000)) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
    m_log += QString::fromUtf8(m_process.readAllStandardError());
}

void ServerProcess::kill()
{
    QObject::disconnect(&m_process, nullptr, nullptr, nullptr);
    m_process.kill();
    m_process.waitForFinished(5000);
}

void ServerProcess::pause()
{
    if (m_process.processId() > 0)
        ::kill(pid_t(m_process.processId()), SIGSTOP);
}

void ServerProcess::resume()
{
    if (m_process.processId() > 0)
        ::kill(pid_t(m_process.processId()), SIGCONT);
}

int ServerProcess::runAdmin(const QStringList &args, const QByteArray &stdinData, QString *output) const
{
    QProcess admin;
    admin.setProcessChannelMode(QProcess::MergedChannels);
    admin.start(serverBinary(), QStringList{QStringLiteral("--data"), dataDir(), QStringLiteral("--database"), m_databaseUrl} + args);
    if (!admin.waitForStarted(10000))
        return -1;
    admin.write(stdinData);
    admin.closeWriteChannel();
    admin.waitForFinished(60000);
    if (output)
        *output = QString::fromUtf8(admin.readAll());
    return admin.exitStatus() == QProcess::NormalExit ? admin.exitCode() : -1;
}

} // namespace confab::test

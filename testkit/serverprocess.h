#pragma once

#include <QMap>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>

namespace confab::test {

/*!
 * A real `confab-server serve` process on a free loopback port, with its own data folder and an
 * INI config written from `settings` ("section/key" → value). Stopped (SIGTERM, then SIGKILL) by
 * the destructor, so a failing test never leaves it behind.
 */
class ServerProcess {
public:
    explicit ServerProcess(QString databaseUrl, QMap<QString, QString> settings = {});
    ~ServerProcess();

    bool start(); //!< waits until the server printed its address; false with a reason in errorString()
    void stop();
    void kill(); //!< SIGKILL, as a crash would
    //! SIGSTOP / SIGCONT: the server stands still, its sockets keep taking input into the kernel's
    //! buffers, so what the test sends meanwhile is all there when it goes on.
    void pause();
    void resume();
    bool isRunning() const { return m_process.state() == QProcess::Running; }
    QString url() const { return m_url; }
    quint16 port() const { return m_port; }
    QString dataDir() const { return m_dir.path() + QStringLiteral("/data"); }
    QString configPath() const { return m_dir.path() + QStringLiteral("/server.ini"); }
    QString errorString() const { return m_error; }
    QString log() const { return m_log; }
    //! Runs `confab-server <args>` (an admin command) against the same database; returns its exit code.
    int runAdmin(const QStringList &args, const QByteArray &stdinData = {}, QString *output = nullptr) const;

    //! CONFAB_SERVER_BINARY when set; else the build tree's server (the project's own tests); else
    //! `confab-server` on PATH, or /usr/bin/confab-server as the package installs it.
    static QString serverBinary();

private:
    QString m_databaseUrl;
    QMap<QString, QString> m_settings;
    QTemporaryDir m_dir;
    QProcess m_process;
    QString m_url;
    quint16 m_port = 0;
    QString m_error;
    QString m_log;
};

} // namespace confab::test

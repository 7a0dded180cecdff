#include "autostart.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <QStandardPaths>

namespace confab::app {

std::unique_ptr<Autostart> Autostart::forThisSystem()
{
#if defined(Q_OS_UNIX) && !defined(Q_OS_MACOS) && !defined(Q_OS_ANDROID) && !defined(Q_OS_IOS)
    return std::make_unique<XdgAutostart>(XdgAutostart::defaultFolder(), QCoreApplication::applicationFilePath());
#else
    return std::make_unique<UnsupportedAutostart>();
#endif
}

XdgAutostart::XdgAutostart(QString folder, QString program) : m_folder(std::move(folder)), m_program(std::move(program)) {}

QString XdgAutostart::defaultFolder()
{
    // GenericConfigLocation is $XDG_CONFIG_HOME (default ~/.config).
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) + QStringLiteral("/autostart");
}

QString XdgAutostart::filePath() const
{
    return m_folder + QStringLiteral("/confab.desktop");
}

bool XdgAutostart::enabled() const
{
    return QFile::exists(filePath());
}

QString XdgAutostart::setEnabled(bool enabled)
{
    if (!enabled) {
        if (QFile::exists(filePath()) && !QFile::remove(filePath()))
            return QCoreApplication::translate("Autostart", "Cannot remove %1").arg(filePath());
        return {};
    }
    if (!QDir().mkpath(m_folder))
        return QCoreApplication::translate("Autostart", "Cannot create %1").arg(m_folder);
    // Exec quoting per the Desktop Entry spec: double quotes, with \ " ` $ escaped.
    QString exec = m_program;
    for (const QChar c : {QLatin1Char('\\'), QLatin1Char('"'), QLatin1Char('`'), QLatin1Char('$')})
        exec.replace(c, QLatin1Char('\\') + c);
    const QString entry = QStringLiteral("[Desktop Entry]\n"
                                         "Type=Application\n"
                                         "Name=Confab\n"
                                         "Comment=Self-hosted chat\n"
                                         "Exec=\"%1\" --start-in-tray\n"
                                         "Icon=org.confab.Confab\n"
                                         "Terminal=false\n"
                                         "X-GNOME-Autostart-enabled=true\n")
                              .arg(exec);
    QSaveFile file(filePath());
    if (!file.open(QIODevice::WriteOnly) || file.write(entry.toUtf8()) < 0 || !file.commit())
        return QCoreApplication::translate("Autostart", "Cannot write %1: %2").arg(filePath(), file.errorString());
    return {};
}

QString UnsupportedAutostart::setEnabled(bool)
{
    return QCoreApplication::translate("Autostart", "Starting at login is not available on this system yet.");
}

} // namespace confab::app

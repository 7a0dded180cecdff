#include "settings.h"

#include <QCryptographicHash>
#include <QDir>
#include <QStandardPaths>

namespace confab::app {

namespace {
const QString kNotify = QStringLiteral("notifications/enabled");
const QString kPreview = QStringLiteral("notifications/showPreview");
const QString kDnd = QStringLiteral("notifications/doNotDisturb");
const QString kDownloads = QStringLiteral("files/downloadFolder");
const QString kCloseToTray = QStringLiteral("general/closeToTray");

//! A key per account: account keys hold '/' and ':', which QSettings would read as groups.
QString lastConversationKey(const QString &account)
{
    return QStringLiteral("lastConversation/")
           + QString::fromLatin1(QCryptographicHash::hash(account.toUtf8(), QCryptographicHash::Sha256).toHex().left(24));
}
} // namespace

Settings::Settings(QSettings *store, std::unique_ptr<Autostart> autostart, QObject *parent)
    : QObject(parent), m_store(store), m_autostart(std::move(autostart))
{
}

Settings::~Settings() = default;

bool Settings::flag(const QString &key, bool fallback) const
{
    return m_store->value(key, fallback).toBool();
}

void Settings::setFlag(const QString &key, bool fallback, bool value)
{
    if (flag(key, fallback) == value)
        return;
    m_store->setValue(key, value);
    emit changed();
}

bool Settings::notificationsEnabled() const { return flag(kNotify, true); }
void Settings::setNotificationsEnabled(bool on) { setFlag(kNotify, true, on); }
bool Settings::showPreview() const { return flag(kPreview, true); }
void Settings::setShowPreview(bool on) { setFlag(kPreview, true, on); }
bool Settings::doNotDisturb() const { return flag(kDnd, false); }
void Settings::setDoNotDisturb(bool on) { setFlag(kDnd, false, on); }
bool Settings::closeToTray() const { return flag(kCloseToTray, false); }
void Settings::setCloseToTray(bool on) { setFlag(kCloseToTray, false, on); }

QString Settings::downloadFolder() const
{
    const QString folder = m_store->value(kDownloads).toString();
    if (!folder.isEmpty())
        return folder;
    const QString downloads = QStandardPaths::writableLocation(QStandardPaths::DownloadLocation);
    return downloads.isEmpty() ? QDir::homePath() : downloads;
}

QUrl Settings::attachFolderUrl()
{
    const QString pictures = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
    return QUrl::fromLocalFile(!pictures.isEmpty() && QDir(pictures).exists() ? pictures : QDir::homePath());
}

void Settings::setDownloadFolder(const QString &folder)
{
    const QString clean = QDir::cleanPath(folder);
    if (folder.isEmpty() || clean == downloadFolder())
        return;
    m_store->setValue(kDownloads, clean);
    emit changed();
}

void Settings::setDownloadFolderUrl(const QUrl &url)
{
    if (url.isLocalFile())
        setDownloadFolder(url.toLocalFile());
}

QString Settings::lastConversation(const QString &account) const
{
    return m_store->value(lastConversationKey(account)).toString();
}

void Settings::setLastConversation(const QString &account, const QString &conversationId)
{
    if (lastConversation(account) != conversationId)
        m_store->setValue(lastConversationKey(account), conversationId);
}

void Settings::setStartAtLogin(bool on)
{
    if (on == startAtLogin())
        return;
    setError(m_autostart->setEnabled(on));
    emit changed();
}

void Settings::setError(const QString &error)
{
    if (error == m_error)
        return;
    m_error = error;
    emit errorChanged();
}

} // namespace confab::app

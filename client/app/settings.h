#pragma once

#include "autostart.h"

#include <QObject>
#include <QQmlEngine>
#include <QSettings>
#include <QUrl>

#include <memory>

namespace confab::app {

/*!
 * The desktop preferences of the settings page, kept in QSettings (and, for start at login, in
 * the system's own autostart place through an Autostart adapter). Theme and language stay in
 * AppController; typing and read receipts in ChatClient (receipts privacy is kept by the server,
 * so that all the user's devices agree); this class holds the rest.
 */
class Settings : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Provided by App.settings")
    Q_PROPERTY(bool notificationsEnabled READ notificationsEnabled WRITE setNotificationsEnabled NOTIFY changed)
    Q_PROPERTY(bool showPreview READ showPreview WRITE setShowPreview NOTIFY changed)
    Q_PROPERTY(bool doNotDisturb READ doNotDisturb WRITE setDoNotDisturb NOTIFY changed)
    Q_PROPERTY(QString downloadFolder READ downloadFolder WRITE setDownloadFolder NOTIFY changed)
    Q_PROPERTY(QUrl downloadFolderUrl READ downloadFolderUrl WRITE setDownloadFolderUrl NOTIFY changed)
    Q_PROPERTY(QUrl attachFolderUrl READ attachFolderUrl CONSTANT)
    Q_PROPERTY(bool closeToTray READ closeToTray WRITE setCloseToTray NOTIFY changed)
    Q_PROPERTY(bool startAtLogin READ startAtLogin WRITE setStartAtLogin NOTIFY changed)
    Q_PROPERTY(bool startAtLoginSupported READ startAtLoginSupported CONSTANT)
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)
public:
    //! `store`: where preferences live (the app's QSettings; a scratch file in tests).
    Settings(QSettings *store, std::unique_ptr<Autostart> autostart, QObject *parent = nullptr);
    ~Settings() override;

    bool notificationsEnabled() const;
    void setNotificationsEnabled(bool on);
    bool showPreview() const;
    void setShowPreview(bool on);
    bool doNotDisturb() const;
    void setDoNotDisturb(bool on);
    QString downloadFolder() const;
    void setDownloadFolder(const QString &folder);
    QUrl downloadFolderUrl() const { return QUrl::fromLocalFile(downloadFolder()); }
    void setDownloadFolderUrl(const QUrl &url);
    //! Where the attach dialog starts: Pictures, or home when there is none (most files sent are pictures).
    static QUrl attachFolderUrl();
    bool closeToTray() const;
    void setCloseToTray(bool on);
    bool startAtLogin() const { return m_autostart->enabled(); }
    void setStartAtLogin(bool on);
    bool startAtLoginSupported() const { return m_autostart->supported(); }
    QString error() const { return m_error; }

    //! The conversation last open in `account` (ChatClient::accountKey), reopened at the next start.
    QString lastConversation(const QString &account) const;
    void setLastConversation(const QString &account, const QString &conversationId);

signals:
    void changed();
    void errorChanged();

private:
    bool flag(const QString &key, bool fallback) const;
    void setFlag(const QString &key, bool fallback, bool value);
    void setError(const QString &error);

    QSettings *m_store;
    std::unique_ptr<Autostart> m_autostart;
    QString m_error;
};

} // namespace confab::app

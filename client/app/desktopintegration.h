#pragma once

#include <QObject>
#include <QPointer>

#include <memory>

class QMenu;
class QQuickWindow;
class QSystemTrayIcon;

namespace confab::client {
class ChatClient;
}

namespace confab::app {

class DesktopNotifier;
class NotificationSink;
class Settings;

/*!
 * The app's place on the desktop: the tray icon with the unread count and its menu, desktop
 * notifications through the platform's adapter, and keeping the app running in the tray when
 * the window is closed. Needs a QApplication (QSystemTrayIcon is a QtWidgets class).
 */
class DesktopIntegration : public QObject {
    Q_OBJECT
public:
    DesktopIntegration(client::ChatClient *client, Settings *settings, QObject *parent = nullptr);
    ~DesktopIntegration() override;

    void attach(QQuickWindow *window);
    bool trayAvailable() const { return m_tray != nullptr; }
    //! Closing the window hides it: the tray is there to bring it back.
    bool keepRunningInTray() const;
    DesktopNotifier *notifier() const { return m_notifier.get(); }
    QString sinkName() const;
    //! Brings the window up, on the given conversation when not empty.
    void showWindow(const QString &conversationId = {});

signals:
    void trayAvailableChanged();

private:
    void updateTray();

    client::ChatClient *m_client;
    Settings *m_settings;
    QPointer<QQuickWindow> m_window;
    std::unique_ptr<QMenu> m_menu;
    std::unique_ptr<QSystemTrayIcon> m_tray;
    std::unique_ptr<NotificationSink> m_sink;
    std::unique_ptr<DesktopNotifier> m_notifier;
};

} // namespace confab::app

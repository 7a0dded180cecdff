#include "desktopintegration.h"

#include "chatclient.h"
#include "desktopnotifier.h"
#include "notificationsink.h"
#include "settings.h"
#include "unreadbadge.h"
#ifdef CONFAB_HAVE_DBUS_NOTIFICATIONS
#include "freedesktopnotifications.h"
#endif

#include <QApplication>
#include <QIcon>
#include <QLoggingCategory>
#include <QMenu>
#include <QPixmap>
#include <QQuickWindow>
#include <QSystemTrayIcon>

Q_LOGGING_CATEGORY(lcDesktop, "confab.desktop")

namespace confab::app {

namespace {
QIcon badgedIcon(int unread)
{
    QIcon icon;
    // The sizes trays ask for; each drawn for its size so that the badge stays legible.
    for (int size : {16, 22, 24, 32, 48, 64})
        icon.addPixmap(QPixmap::fromImage(UnreadBadge::icon(size, unread)));
    return icon;
}
} // namespace

DesktopIntegration::DesktopIntegration(client::ChatClient *client, Settings *settings, QObject *parent)
    : QObject(parent), m_client(client), m_settings(settings),
      m_notifier(std::make_unique<DesktopNotifier>(client, settings))
{
    QGuiApplication::setWindowIcon(badgedIcon(0));
    if (qobject_cast<QApplication *>(QCoreApplication::instance()) && QSystemTrayIcon::isSystemTrayAvailable()) {
        m_menu = std::make_unique<QMenu>();
        m_menu->addAction(tr("Open Confab"), this, [this] { showWindow(); });
        m_menu->addSeparator();
        m_menu->addAction(tr("Quit"), qApp, &QCoreApplication::quit);
        m_tray = std::make_unique<QSystemTrayIcon>();
        m_tray->setContextMenu(m_menu.get());
        connect(m_tray.get(), &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
            if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
                showWindow();
        });
        updateTray();
        m_tray->show();
    }
    connect(client->conversations(), &client::ConversationListModel::totalUnreadChanged, this,
            &DesktopIntegration::updateTray);

#ifdef CONFAB_HAVE_DBUS_NOTIFICATIONS
    if (FreedesktopNotifications::available())
        m_sink = std::make_unique<FreedesktopNotifications>();
#endif
    if (!m_sink && m_tray && QSystemTrayIcon::supportsMessages())
        m_sink = std::make_unique<TrayNotificationSink>(m_tray.get());
    if (m_sink)
        m_notifier->setSink(m_sink.get());
    else
        qCInfo(lcDesktop) << "no notification service on this desktop: desktop notifications are off";
    connect(m_notifier.get(), &DesktopNotifier::openRequested, this, &DesktopIntegration::showWindow);
}

DesktopIntegration::~DesktopIntegration() = default;

void DesktopIntegration::attach(QQuickWindow *window)
{
    m_window = window;
    m_notifier->setWindow(window);
}

bool DesktopIntegration::keepRunningInTray() const
{
    return m_tray && m_settings->closeToTray();
}

QString DesktopIntegration::sinkName() const
{
    return m_sink ? m_sink->name() : QString();
}

void DesktopIntegration::showWindow(const QString &conversationId)
{
    if (!conversationId.isEmpty() && m_client->signedIn())
        m_client->openConversation(conversationId);
    if (!m_window)
        return;
    if (m_window->visibility() == QWindow::Minimized)
        m_window->showNormal();
    else
        m_window->show();
    m_window->raise();
    m_window->requestActivate();
}

void DesktopIntegration::updateTray()
{
    if (!m_tray)
        return;
    const int unread = m_client->conversations()->totalUnread();
    m_tray->setIcon(badgedIcon(unread));
    m_tray->setToolTip(UnreadBadge::toolTip(unread));
}

} // namespace confab::app

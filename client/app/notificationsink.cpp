#include "notificationsink.h"

#include <QSystemTrayIcon>

namespace confab::app {

TrayNotificationSink::TrayNotificationSink(QSystemTrayIcon *tray, QObject *parent)
    : NotificationSink(parent), m_tray(tray)
{
    connect(tray, &QSystemTrayIcon::messageClicked, this, [this] {
        if (!m_last.isEmpty())
            emit activated(m_last);
    });
}

void TrayNotificationSink::show(const NotificationText &text)
{
    if (!m_tray)
        return;
    m_last = text.conversationId;
    m_tray->showMessage(text.title, text.body, text.icon.isEmpty() ? m_tray->icon() : QIcon(text.icon), 8000);
}

} // namespace confab::app

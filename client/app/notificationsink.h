#pragma once

#include "notificationpolicy.h"

#include <QObject>
#include <QPointer>

class QSystemTrayIcon;

namespace confab::app {

/*!
 * Where desktop notifications go: one adapter per platform service. The decision of what to
 * show is NotificationPolicy's; a sink only shows it and reports clicks.
 */
class NotificationSink : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;
    virtual QString name() const = 0;
    virtual void show(const NotificationText &text) = 0;
    //! The conversation was read elsewhere (or opened): its notification may go.
    virtual void withdraw(const QString &conversationId) { Q_UNUSED(conversationId) }

signals:
    //! The user clicked the notification of this conversation.
    void activated(const QString &conversationId);
};

/*!
 * Balloon messages of the tray icon (QSystemTrayIcon::showMessage): Windows, macOS, and Linux
 * desktops without a freedesktop notification server. A click reports the newest conversation
 * shown, as the tray cannot tell which balloon was clicked.
 */
class TrayNotificationSink : public NotificationSink {
    Q_OBJECT
public:
    explicit TrayNotificationSink(QSystemTrayIcon *tray, QObject *parent = nullptr);
    QString name() const override { return QStringLiteral("tray"); }
    void show(const NotificationText &text) override;

private:
    QPointer<QSystemTrayIcon> m_tray;
    QString m_last;
};

} // namespace confab::app

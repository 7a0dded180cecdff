#pragma once

#include "notificationsink.h"

#include <QHash>

namespace confab::app {

/*!
 * Linux adapter: org.freedesktop.Notifications over the session D-Bus (GNOME, KDE, XFCE, dunst…).
 * One notification per conversation, replaced by the next message there; clicking it ("default"
 * action) opens the conversation. Built only where QtDBus is (see client/app/CMakeLists.txt).
 */
class FreedesktopNotifications : public NotificationSink {
    Q_OBJECT
public:
    explicit FreedesktopNotifications(QObject *parent = nullptr);
    //! A notification server runs on the session bus, or the bus can start one.
    static bool available();

    QString name() const override { return QStringLiteral("freedesktop"); }
    void show(const NotificationText &text) override;
    void withdraw(const QString &conversationId) override;

private slots:
    void onActionInvoked(uint id, const QString &action);
    void onClosed(uint id, uint reason);

private:

    QHash<QString, uint> m_idByConversation;
    bool m_markup = false; //!< the server renders a markup subset in bodies: escape <, > and &
};

} // namespace confab::app

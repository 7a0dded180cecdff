#include "freedesktopnotifications.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QGuiApplication>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcNotify, "confab.notifications")

namespace confab::app {

namespace {
const QString kService = QStringLiteral("org.freedesktop.Notifications");
const QString kPath = QStringLiteral("/org/freedesktop/Notifications");
const QString kInterface = QStringLiteral("org.freedesktop.Notifications");

QDBusMessage call(const QString &method)
{
    return QDBusMessage::createMethodCall(kService, kPath, kInterface, method);
}
} // namespace

bool FreedesktopNotifications::available()
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected())
        return false;
    if (bus.interface()->isServiceRegistered(kService))
        return true;
    // Most servers are started by the bus on first use.
    const QDBusMessage reply = bus.call(QDBusMessage::createMethodCall(
        QStringLiteral("org.freedesktop.DBus"), QStringLiteral("/org/freedesktop/DBus"),
        QStringLiteral("org.freedesktop.DBus"), QStringLiteral("ListActivatableNames")));
    return reply.type() == QDBusMessage::ReplyMessage && !reply.arguments().isEmpty()
           && reply.arguments().constFirst().toStringList().contains(kService);
}

FreedesktopNotifications::FreedesktopNotifications(QObject *parent) : NotificationSink(parent)
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    bus.connect(kService, kPath, kInterface, QStringLiteral("ActionInvoked"), this, SLOT(onActionInvoked(uint, QString)));
    bus.connect(kService, kPath, kInterface, QStringLiteral("NotificationClosed"), this, SLOT(onClosed(uint, uint)));
    auto *watcher = new QDBusPendingCallWatcher(bus.asyncCall(call(QStringLiteral("GetCapabilities"))), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this](QDBusPendingCallWatcher *w) {
        const QDBusPendingReply<QStringList> reply = *w;
        if (!reply.isError())
            m_markup = reply.value().contains(QStringLiteral("body-markup"));
        w->deleteLater();
    });
}

void FreedesktopNotifications::show(const NotificationText &text)
{
    QDBusMessage message = call(QStringLiteral("Notify"));
    QVariantMap hints{{QStringLiteral("category"), QStringLiteral("im.received")},
                      {QStringLiteral("desktop-entry"), QGuiApplication::desktopFileName()},
                      {QStringLiteral("urgency"), QVariant::fromValue(uchar(1))}};
    if (!text.icon.isEmpty()) // the sender's picture (the specification's "image-path": a path or a file URL)
        hints.insert(QStringLiteral("image-path"), text.icon);
    message << QGuiApplication::applicationDisplayName() << m_idByConversation.value(text.conversationId, 0u)
            << QStringLiteral("org.confab.Confab") << text.title
            << (m_markup ? text.body.toHtmlEscaped() : text.body)
            << QStringList{QStringLiteral("default"), tr("Open")} << hints << int(-1);
    auto *watcher = new QDBusPendingCallWatcher(QDBusConnection::sessionBus().asyncCall(message), this);
    const QString conversation = text.conversationId;
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, conversation](QDBusPendingCallWatcher *w) {
        const QDBusPendingReply<uint> reply = *w;
        if (reply.isError())
            qCWarning(lcNotify) << "notification not shown:" << reply.error().message();
        else
            m_idByConversation.insert(conversation, reply.value());
        w->deleteLater();
    });
}

void FreedesktopNotifications::withdraw(const QString &conversationId)
{
    const uint id = m_idByConversation.take(conversationId);
    if (id == 0)
        return;
    QDBusMessage message = call(QStringLiteral("CloseNotification"));
    message << id;
    QDBusConnection::sessionBus().asyncCall(message);
}

void FreedesktopNotifications::onActionInvoked(uint id, const QString &action)
{
    Q_UNUSED(action) // "default" (a click on the body) or our "Open" button: both open it
    const QString conversation = m_idByConversation.key(id);
    if (!conversation.isEmpty())
        emit activated(conversation);
}

void FreedesktopNotifications::onClosed(uint id, uint reason)
{
    Q_UNUSED(reason)
    const QString conversation = m_idByConversation.key(id);
    if (!conversation.isEmpty())
        m_idByConversation.remove(conversation);
}

} // namespace confab::app

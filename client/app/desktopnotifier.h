#pragma once

#include "notificationsink.h"

#include "protocol/frames.h"

#include <QObject>
#include <QPointer>
#include <QSet>
#include <QWindow>

namespace confab::client {
class ChatClient;
}

namespace confab::app {

class Settings;

/*!
 * Watches messages pushed by the server and hands the ones that should notify (NotificationPolicy)
 * to a platform sink. Catch-up after a reconnect (sync) does not notify: only live messages.
 */
class DesktopNotifier : public QObject {
    Q_OBJECT
public:
    DesktopNotifier(client::ChatClient *client, Settings *settings, QObject *parent = nullptr);

    void setSink(NotificationSink *sink);
    NotificationSink *sink() const { return m_sink; }
    //! The window whose focus and open conversation decide "in view".
    void setWindow(QWindow *window) { m_window = window; }

    //! Builds what the policy needs from the client's state, e.g. the sender's name or alias.
    IncomingMessage describe(const QString &conversationId, const protocol::MessageInfo &message) const;
    NotificationContext context() const;

signals:
    //! Clicking a notification asks for its conversation.
    void openRequested(const QString &conversationId);
    //! A notification went to the sink (for the screenshot automation and tests).
    void notified(const confab::app::NotificationText &text);

private:
    void onPushed(const protocol::Frame &frame);

    client::ChatClient *m_client;
    Settings *m_settings;
    QPointer<NotificationSink> m_sink;
    QPointer<QWindow> m_window;
    QSet<QString> m_seen; //!< message ids notified already: a replayed push stays quiet
    QList<QString> m_seenOrder;
};

} // namespace confab::app

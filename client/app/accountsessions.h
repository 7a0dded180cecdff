#pragma once

#include <QObject>
#include <QQmlEngine>
#include <QVariantList>

namespace confab::client {
class ChatClient;
}

namespace confab::app {

/*!
 * The signed-in account's sessions (auth.sessions) for the settings page: list, revoke one,
 * and "sign out everywhere" (revoke every other session, then sign out here).
 */
class AccountSessions : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Provided by App.sessions")
    //! [{id, device, createdAt, lastUsedAt (epoch ms), lastActive (text), current}], the current one first.
    Q_PROPERTY(QVariantList sessions READ sessions NOTIFY sessionsChanged)
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)
public:
    explicit AccountSessions(client::ChatClient *client, QObject *parent = nullptr);

    QVariantList sessions() const { return m_sessions; }
    bool loading() const { return m_pending > 0; }
    QString error() const { return m_error; }

    Q_INVOKABLE void refresh();
    Q_INVOKABLE void revoke(const QString &sessionId);
    //! Revokes every other session; once the server confirmed them all, signs out here too.
    Q_INVOKABLE void signOutEverywhere();
    //! "Last active 5 minutes ago"-style text for a session's epoch-ms time, in the UI language.
    Q_INVOKABLE QString describeTime(qint64 epochMs) const;

signals:
    void sessionsChanged();
    void loadingChanged();
    void errorChanged();

private:
    void setError(const QString &error);
    void begin();
    void end();

    client::ChatClient *m_client;
    QVariantList m_sessions;
    QString m_error;
    int m_pending = 0;
};

} // namespace confab::app

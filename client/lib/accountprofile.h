#pragma once

// Settings → account → "Profile": my display name and status as the people I share conversations
// with see them (never in blind rooms). Checks with the protocol's name rules before sending,
// sends account.profile, and follows changes made on my other devices (user.updated, sync).

#include <QObject>
#include <QQmlEngine>
#include <QVariantMap>

namespace confab::protocol {
struct ProfileInfo;
}

namespace confab::client {

class Connection;
class ConversationState;

class AccountProfile : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Provided by ChatClient")
    Q_PROPERTY(QString displayName READ displayName NOTIFY changed)
    //! My status text, "" when none.
    Q_PROPERTY(QString status READ status NOTIFY changed)
    Q_PROPERTY(int statusMaxChars READ statusMaxChars CONSTANT)
    //! account.profile is on its way.
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    //! {field: sentence} of the last check or refusal: "display_name", "status".
    Q_PROPERTY(QVariantMap problems READ problems NOTIFY problemsChanged)
    //! A refusal that concerns no one field (not connected, server trouble), or empty.
    Q_PROPERTY(QString error READ error NOTIFY problemsChanged)
public:
    static inline const QString kDisplayName = QStringLiteral("display_name");
    static inline const QString kStatus = QStringLiteral("status");

    AccountProfile(Connection &connection, ConversationState &state, QObject *parent = nullptr);

    QString displayName() const { return m_displayName; }
    QString status() const { return m_status; }
    static int statusMaxChars();
    bool busy() const { return m_busy; }
    QVariantMap problems() const { return m_problems; }
    QString error() const { return m_error; }

    //! {field: sentence} for what the server would refuse; empty when the form may be sent.
    Q_INVOKABLE QVariantMap check(const QString &displayName, const QString &status) const;
    //! Checks, then sends what changed; saved() or failed() follows (not when the check fails).
    Q_INVOKABLE void save(const QString &displayName, const QString &status);
    Q_INVOKABLE void clear();

signals:
    //! My name or status changed: saved here, on another device, or learnt at sign-in.
    void changed();
    void busyChanged();
    void problemsChanged();
    void saved();
    void failed();

private:
    void set(const QString &displayName, const QString &status);
    void setProblems(QVariantMap problems, QString error);

    Connection &m_connection;
    QString m_displayName;
    QString m_status;
    bool m_busy = false;
    QVariantMap m_problems;
    QString m_error;
};

} // namespace confab::client

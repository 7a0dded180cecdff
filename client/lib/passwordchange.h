#pragma once

// Settings → account → "Change password": checks the fields with the protocol library's rules and
// the server's announced minimum (limits.password_min_chars) before sending, sends
// account.password, and explains a refusal per field in the UI language.

#include <QObject>
#include <QQmlEngine>
#include <QVariantMap>

namespace confab::client {

class Connection;

class PasswordChange : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Provided by ChatClient")
    //! The server's minimum length for new passwords (from auth.ok).
    Q_PROPERTY(int minChars READ minChars NOTIFY rulesChanged)
    //! account.password is on its way.
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    //! {field: sentence} of the last check or refusal: "current_password", "new_password", "repeat".
    Q_PROPERTY(QVariantMap problems READ problems NOTIFY problemsChanged)
    //! A refusal that concerns no one field (connection lost, server busy), or empty.
    Q_PROPERTY(QString error READ error NOTIFY problemsChanged)
public:
    static inline const QString kCurrent = QStringLiteral("current_password");
    static inline const QString kNew = QStringLiteral("new_password");
    static inline const QString kRepeat = QStringLiteral("repeat");

    explicit PasswordChange(Connection &connection, QObject *parent = nullptr);

    int minChars() const;
    bool busy() const { return m_busy; }
    QVariantMap problems() const { return m_problems; }
    QString error() const { return m_error; }

    //! {field: sentence} for what the server would refuse or the repetition that does not match;
    //! empty when the form may be sent.
    Q_INVOKABLE QVariantMap check(const QString &current, const QString &next, const QString &repeat) const;
    //! Checks, then asks the server; changed() or failed() follows (not when the check fails).
    Q_INVOKABLE void change(const QString &current, const QString &next, const QString &repeat, bool signOutOthers);
    Q_INVOKABLE void clear();

signals:
    void rulesChanged();
    void busyChanged();
    void problemsChanged();
    //! The password is changed; this device stays signed in. `othersSignedOut`: as asked.
    void changed(bool othersSignedOut);
    void failed();

private:
    void setProblems(QVariantMap problems, QString error);
    QString newPasswordProblem(const QString &next) const;

    Connection &m_connection;
    bool m_busy = false;
    QVariantMap m_problems;
    QString m_error;
};

} // namespace confab::client

#pragma once

// Settings → account → "Delete account…": the password (checked by the server like a sign-in) and
// the username typed again as the confirmation, then account.delete. Once the server said "ok" the
// account is gone: the app forgets its token and shows the sign-in page, as after a sign-out.

#include <QObject>
#include <QQmlEngine>

namespace confab::client {

class Connection;

class AccountRemoval : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Provided by ChatClient")
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    //! What the user must type to confirm: their username.
    Q_PROPERTY(QString confirmation READ confirmation NOTIFY confirmationChanged)
    //! Why the password was refused (wrong, locked out), or "".
    Q_PROPERTY(QString passwordProblem READ passwordProblem NOTIFY problemsChanged)
    //! A refusal that concerns no one field (offline, server trouble), or "".
    Q_PROPERTY(QString error READ error NOTIFY problemsChanged)
public:
    explicit AccountRemoval(Connection &connection, QObject *parent = nullptr);

    bool busy() const { return m_busy; }
    QString confirmation() const;
    QString passwordProblem() const { return m_passwordProblem; }
    QString error() const { return m_error; }

    //! The form may be sent: a password and the confirmation typed exactly.
    Q_INVOKABLE bool ready(const QString &password, const QString &typed) const;
    //! Asks the server; removed() or failed() follows (nothing when not ready()).
    Q_INVOKABLE void remove(const QString &password, const QString &typed);
    Q_INVOKABLE void clear();

signals:
    void busyChanged();
    void confirmationChanged();
    void problemsChanged();
    void removed();
    void failed();

private:
    void setProblems(QString password, QString error);

    Connection &m_connection;
    bool m_busy = false;
    QString m_passwordProblem;
    QString m_error;
};

} // namespace confab::client

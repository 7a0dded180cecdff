#pragma once

// The people I block, as a list model (Settings → Privacy → "Blocked people") and as a set the
// timeline asks (their messages are collapsed). Asked for after every sign-in, kept up to date by
// the server's `blocks` pushes (a change on my other devices), changed with account.block.

#include "protocol/frames.h"

#include <QAbstractListModel>
#include <QQmlEngine>
#include <QSet>

namespace confab::client {

class Connection;

class Blocks : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Provided by ChatClient")
    Q_PROPERTY(int count READ rowCount NOTIFY changed)
    //! The user ids I block, for bindings that ask about one person (the profile card).
    Q_PROPERTY(QStringList ids READ idList NOTIFY changed)
    //! account.block is on its way.
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    //! Why the last change did not happen, or empty.
    Q_PROPERTY(QString error READ error NOTIFY busyChanged)
public:
    enum Role {
        UserIdRole = Qt::UserRole + 1,
        UsernameRole,
        NameRole,
        AvatarColorRole,
        InitialsRole,
    };
    Q_ENUM(Role)

    explicit Blocks(Connection &connection, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    Q_INVOKABLE bool isBlocked(const QString &userId) const { return m_ids.contains(userId); }
    //! Blocks or unblocks a user by their real id; the list follows the server's answer.
    Q_INVOKABLE void setBlocked(const QString &userId, bool blocked);
    const QSet<QString> &idSet() const { return m_ids; }
    QStringList idList() const { return QStringList(m_ids.cbegin(), m_ids.cend()); }
    bool busy() const { return m_busy; }
    QString error() const { return m_error; }

    //! A pushed frame: `blocks` is taken, the rest ignored.
    void apply(const protocol::Frame &pushed);

signals:
    void changed();
    void busyChanged();
    //! account.block was refused or could not be sent: `error` says why.
    void failed();

private:
    void refresh();
    void replace(const QList<protocol::ProfileInfo> &users);
    void setBusy(bool busy, const QString &error);

    Connection &m_connection;
    QString m_userId; //!< whose list this is
    QList<protocol::ProfileInfo> m_users; //!< by username, as the server sends them
    QSet<QString> m_ids;
    bool m_busy = false;
    QString m_error;
};

} // namespace confab::client

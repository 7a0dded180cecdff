#pragma once

// Finding people for the new-conversation and add-member fields: a list model over user.search,
// one page at a time, that follows what the user types (the newest query wins; older replies are
// dropped). Bots and disabled accounts come marked; the server decides who can be found at all.

#include "protocol/frames.h"

#include <QAbstractListModel>
#include <QQmlEngine>

namespace confab::client {

class Connection;

class PeopleDirectory : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Provided by ChatClient")
    //! What is searched for (a username or display name prefix); "" empties the list.
    Q_PROPERTY(QString query READ query WRITE setQuery NOTIFY queryChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    //! Another page follows (loadMore()).
    Q_PROPERTY(bool hasMore READ hasMore NOTIFY resultsChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY resultsChanged)
    //! Why the last search found nothing to show (rate-limited, offline), in the UI language, or "".
    Q_PROPERTY(QString error READ error NOTIFY resultsChanged)
public:
    enum Role {
        UserIdRole = Qt::UserRole + 1,
        UsernameRole,
        NameRole,
        BotRole,
        DisabledRole,
        StatusRole,
    };
    Q_ENUM(Role)

    explicit PeopleDirectory(Connection &connection, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    QString query() const { return m_query; }
    void setQuery(const QString &query);
    bool busy() const { return m_busy; }
    bool hasMore() const { return m_next.has_value(); }
    QString error() const { return m_error; }

    Q_INVOKABLE void loadMore();
    //! {userId, username, name, bot, disabled} of a row, for the field that picks it.
    Q_INVOKABLE QVariantMap get(int row) const;

    //! Results per page.
    static constexpr int kPageSize = 8;

signals:
    void queryChanged();
    void busyChanged();
    void resultsChanged();

private:
    void ask(const std::optional<QString> &after);
    void setBusy(bool busy);

    Connection &m_connection;
    QString m_query;
    QList<protocol::ProfileInfo> m_users;
    std::optional<QString> m_next;
    QString m_error;
    bool m_busy = false;
    quint64 m_generation = 0; //!< the query a reply answers; older ones are dropped
};

} // namespace confab::client

#pragma once

#include <QHash>
#include <QQmlEngine>
#include <QSortFilterProxyModel>

namespace confab::client {
class ChatClient;
}

namespace confab::app {

/*!
 * The sidebar's view of the conversation list: filtered as the user types, plus the few display
 * roles the library does not provide (avatar colour and initials per conversation, a short
 * "last activity" text, the other member and their presence in direct chats, my blind-room group).
 * Keeps the source's order (most recent first).
 */
class ConversationFilterModel : public QSortFilterProxyModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Provided by App")
    Q_PROPERTY(QString filterText READ filterText WRITE setFilterText NOTIFY filterTextChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)
public:
    enum Role {
        AvatarColorRole = Qt::UserRole + 100,
        InitialsRole,
        ActivityTextRole, //!< "10:41" today, "Mon" this week, a short date before
        PeerIdRole,       //!< direct chats: the other member's user id (avatar colour, presence)
        PresenceRole,     //!< direct chats: the other member's "online"/"away"/"offline"; "" otherwise
        MyGroupRole,      //!< blind rooms: my group, "A"/"B" or ""
    };
    Q_ENUM(Role)

    explicit ConversationFilterModel(QObject *parent = nullptr);

    //! Shows `client`'s conversations; the client also tells members and presence.
    void setClient(client::ChatClient *client);

    QString filterText() const { return m_filter; }
    void setFilterText(const QString &text);
    int count() const { return rowCount(); }

    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    //! The row showing `conversationId`, or -1 when it is filtered out.
    Q_INVOKABLE int rowOf(const QString &conversationId) const;
    Q_INVOKABLE QString idAt(int row) const;
    Q_INVOKABLE QString titleAt(int row) const;
    /*!
     * Opens a conversation the user picked from this list and shows the whole list again: the
     * filter was only the way there, and left applied it would hide the other conversations.
     */
    Q_INVOKABLE void pick(const QString &conversationId);

    static QString activityText(qint64 epochMs, const QDateTime &now);

signals:
    void filterTextChanged();
    void countChanged();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    int sourceRole(const char *name) const;
    QString peerOf(const QString &conversationId) const;
    void onPresenceChanged(const QString &userId);

    QString m_filter;
    client::ChatClient *m_client = nullptr;
    mutable QHash<QString, QString> m_peers; //!< direct conversation id → the other member's id
};

} // namespace confab::app

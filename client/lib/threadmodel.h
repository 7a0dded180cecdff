#pragma once

#include "protocol/types.h"

#include <QAbstractListModel>
#include <QHash>
#include <QQmlEngine>

namespace confab::client {

class Connection;
class ConversationState;
class MessageListModel;
class Outbox;

/*!
 * One thread of the open conversation, for the thread pane: its root first, then the replies
 * oldest first (`thread.get`, page by page). Replies that arrive later (pushed, or my own sent from
 * the pane) join it live; replying goes through the outbox like any message. It reads the state
 * and asks the connection; it knows nothing of ChatClient.
 */
class ThreadModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Provided by ChatClient")
    Q_PROPERTY(QString rootId READ rootId NOTIFY rootChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    //! Replies besides the root (as loaded and arrived so far).
    Q_PROPERTY(int replyCount READ replyCount NOTIFY countChanged)
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    Q_PROPERTY(bool canLoadMore READ canLoadMore NOTIFY loadingChanged)
    //! Why loading failed, or empty.
    Q_PROPERTY(QString error READ error NOTIFY loadingChanged)
public:
    enum Role {
        MessageIdRole = Qt::UserRole + 1,
        SenderIdRole,
        SenderNameRole,
        BodyRole,
        CreatedAtRole,
        TimeTextRole,  //!< time today, else date and time, in the locale
        OwnRole,
        DeletedRole,
        EditedRole,
        IsRootRole,
        AvatarColorRole,
        InitialsRole,
        StreamStateRole, //!< as in MessageListModel
    };
    Q_ENUM(Role)

    //! `messages`: the timeline, where the message a thread is opened from is found.
    ThreadModel(Connection &connection, ConversationState &state, MessageListModel &messages, Outbox &outbox,
                QObject *parent = nullptr);
    //! The UI language: blind rooms' aliases follow it (from the next names refresh).
    void setLanguage(const QString &language) { m_language = language; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    QString rootId() const { return m_rootId; }
    int replyCount() const { return m_rows.isEmpty() ? 0 : int(m_rows.size()) - 1; }
    bool loading() const { return m_loading; }
    bool canLoadMore() const { return m_hasMore && !m_loading; }
    QString error() const { return m_error; }

    //! Shows the thread of `messageId` (a root, or a reply: its root's thread) in the open conversation.
    Q_INVOKABLE void open(const QString &messageId);
    Q_INVOKABLE void close();
    Q_INVOKABLE void loadMore();
    //! Sends `text` as a reply into the thread; it shows once the server has it.
    Q_INVOKABLE void reply(const QString &text);

signals:
    void rootChanged();
    void countChanged();
    void loadingChanged();

private:
    void fetch(qint64 after);
    //! A message of this conversation was stored or changed: joins or updates the thread when it belongs.
    void onMessage(const QString &conversationId, const protocol::MessageInfo &message);
    void upsert(const protocol::MessageInfo &message);
    void refreshNames();
    void openConversationChanged();

    Connection &m_connection;
    ConversationState &m_state;
    MessageListModel &m_messages;
    Outbox &m_outbox;
    QString m_language = QStringLiteral("en");
    QString m_conversationId;
    QString m_rootId;
    QList<protocol::MessageInfo> m_rows; //!< the root, then replies by seq
    QHash<QString, QString> m_names;     //!< member id → name as I call them
    QString m_me;
    bool m_loading = false;
    bool m_hasMore = false;
    QString m_error;
    quint64 m_generation = 0; //!< pages of a thread closed meanwhile are dropped
};

} // namespace confab::client

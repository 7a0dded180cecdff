#pragma once

#include "protocol/types.h"

#include <QAbstractListModel>
#include <QQmlEngine>

namespace confab::client {

//! My conversations, most recently active first: what the sidebar shows.
class ConversationListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Provided by ChatClient")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(int totalUnread READ totalUnread NOTIFY totalUnreadChanged)
public:
    enum Role {
        ConversationIdRole = Qt::UserRole + 1,
        KindRole,          //!< "direct", "group", "blind"
        TitleRole,
        LastMessageRole,   //!< one line of the last message, "" when none
        LastSenderIsMeRole,
        LastActivityRole,  //!< epoch ms of the last message (or creation)
        UnreadRole,
        MutedRole,
        BlindRole,
        MemberCountRole,
        MyAliasRole,       //!< blind rooms: how the others see me
        TypingRole,        //!< "Mina is typing…" or ""
        DescriptionRole,   //!< groups: what the conversation is about, "" when none
        IsNewRole,         //!< someone else created it (or added me) and I have not opened it yet
    };
    Q_ENUM(Role)

    explicit ConversationListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setMyUserId(const QString &userId) { m_myUserId = userId; }
    //! The UI language: blind rooms' `myAlias` follows it.
    void setLanguage(const QString &language);
    void reset(const QList<protocol::ConversationInfo> &conversations);
    void upsert(const protocol::ConversationInfo &conversation);
    void remove(const QString &conversationId);
    void setTyping(const QString &conversationId, const QString &text);
    //! Marks a conversation new (it appeared, I did not open it) or not (opened).
    void setNew(const QString &conversationId, bool isNew);
    std::optional<protocol::ConversationInfo> conversation(const QString &conversationId) const;
    int totalUnread() const;

    Q_INVOKABLE int indexOf(const QString &conversationId) const;
    Q_INVOKABLE QString idAt(int row) const;

signals:
    void countChanged();
    void totalUnreadChanged();

private:
    struct Row {
        protocol::ConversationInfo info;
        QString typing;
        bool isNew = false;
    };
    static qint64 activity(const protocol::ConversationInfo &c);

    QList<Row> m_rows;
    QString m_myUserId;
    QString m_language;
};

} // namespace confab::client

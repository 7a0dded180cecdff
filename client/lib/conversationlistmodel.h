#pragma once

#include "protocol/types.h"

#include <QAbstractListModel>
#include <QQmlEngine>

#include <functional>

namespace confab::client {

class ConversationState;

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
        LastMessageRole,   //!< the first line of the last message as plain text (no markup), "" when none
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
        LastSenderNameRole, //!< groups and blind rooms: who wrote the last message (alias in blind rooms); "" when me or direct
        LastDeletedRole,   //!< the last message was deleted
        UnreadMentionsRole, //!< unread messages that mention me or @room: the row's `@` badge
        NotifyLevelRole,   //!< "all", "mentions" or "nothing"
        DraftRole,         //!< what I wrote there and did not send (one line), while it is not open; else ""
        MarkedUnreadRole,  //!< I marked it unread (on any of my devices): a dot where the count goes
    };
    Q_ENUM(Role)

    explicit ConversationListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    //! How a member is called in a conversation (display name, or the alias in the UI language).
    using NameOf = std::function<QString(const QString &conversationId, const QString &memberId)>;

    //! Follows the state: conversations join, change and leave the list as it learns of them;
    //! one opened is not new any more. `state` outlives the model.
    void observe(const ConversationState *state);
    void setMyUserId(const QString &userId) { m_myUserId = userId; }
    void setNameOf(NameOf nameOf) { m_nameOf = std::move(nameOf); }
    //! A conversation's unsent draft, as one line ("" when none): Drafts::summary.
    void setDraftOf(std::function<QString(const QString &conversationId)> draftOf) { m_draftOf = std::move(draftOf); }
    //! The draft of a conversation changed: its row says so.
    void draftChanged(const QString &conversationId);
    //! Whether I block a user: their last message is not previewed in the list (blind rooms aside).
    void setBlockedCheck(std::function<bool(const QString &userId)> isBlocked) { m_isBlocked = std::move(isBlocked); }
    //! The people I block changed: every row's preview may change.
    void blocksChanged();
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
        QString lastSender; //!< resolved once per change: data() runs on every repaint
        QString lastLine;   //!< the last message's first line as plain text, likewise
    };
    static qint64 activity(const protocol::ConversationInfo &c);
    Row makeRow(const protocol::ConversationInfo &c) const;
    QString lastSenderOf(const protocol::ConversationInfo &c) const;
    static QString lastLineOf(const protocol::ConversationInfo &c);

    QList<Row> m_rows;
    QString m_myUserId;
    QString m_language;
    NameOf m_nameOf;
    std::function<QString(const QString &)> m_draftOf;
    std::function<bool(const QString &)> m_isBlocked;
    bool lastFromBlocked(const protocol::ConversationInfo &c) const;
    QString m_open; //!< the open conversation: its draft is in the composer, not on its row
};

} // namespace confab::client

#pragma once

#include "protocol/types.h"

#include <QAbstractListModel>
#include <QQmlEngine>

namespace confab::client {

class ConversationState;
class Presence;

//! The members of the open conversation (aliases in blind rooms, in the UI language; real names
//! of those who revealed them to me, with their alias beside).
class MemberListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Provided by ChatClient")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
public:
    enum Role {
        MemberIdRole = Qt::UserRole + 1,
        NameRole,     //!< how I call them: the real name if they revealed it to me, else the alias
        UsernameRole, //!< outside blind rooms, and of members who revealed themselves to me
        RoleNameRole, //!< "owner", "admin", "member"
        AliasRole,
        GroupRole,    //!< "A", "B" or ""
        AvatarColorRole,
        InitialsRole,
        IsMeRole,
        PresenceRole, //!< "online", "away", "offline" ("" in blind rooms)
        AliasNameRole,   //!< blind rooms: the alias in the UI language (also when revealed)
        RevealedRole,    //!< blind rooms: they and I revealed our identities to each other
        OfferedByMeRole, //!< blind rooms: I offered to reveal to them (not yet matched)
        OfferedToMeRole, //!< blind rooms: they offered to reveal to me or to the room
        RemovableRole,   //!< I may remove them (owners and admins; nobody removes the owner, admins not admins)
        RoleChangeableRole, //!< I may change their role (the owner, for everyone else)
        BotRole,         //!< a bot account (blind rooms show it too: it is no identity)
        StatusTextRole,  //!< their status text ("In meetings until 3"), "" when none; never in blind rooms
        AvatarRole,      //!< the hash of their avatar (Avatars::source), "" when none; never in blind rooms
    };
    Q_ENUM(Role)

    explicit MemberListModel(QObject *parent = nullptr);
    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    /*!
     * Follows the state: the members of the conversation it opens, as they change, with their
     * presence. `state` and `presence` outlive the model.
     */
    void observe(const ConversationState *state, const Presence *presence);
    //! The UI language: blind rooms' aliases follow it.
    void setLanguage(const QString &language);
    //! `language` picks the alias form; `offers` are the open reveal offers (blind rooms).
    void reset(const QList<protocol::MemberInfo> &members, const QString &myMemberId, const QString &language = {},
               const QList<protocol::RevealOffer> &offers = {});
    Q_INVOKABLE QString nameOf(const QString &memberId) const;
    //! My role here, as the member list says ("owner", "admin", "member").
    protocol::Role myRole() const;
    void setPresence(const QHash<QString, QString> &presence);

signals:
    void countChanged();

private:
    QList<protocol::MemberInfo> m_members;
    QString m_me;
    QString m_language;
    QList<protocol::RevealOffer> m_offers;
    QHash<QString, QString> m_presence;
    const ConversationState *m_state = nullptr;
    QString m_shown; //!< the conversation followed in the state
    void showFromState();
};

} // namespace confab::client

#include "memberlistmodel.h"

#include "conversationstate.h"
#include "presence.h"

#include "blindnames.h"
#include "messagelistmodel.h"

namespace confab::client {

MemberListModel::MemberListModel(QObject *parent) : QAbstractListModel(parent) {}

int MemberListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_members.size());
}

QVariant MemberListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const protocol::MemberInfo &m = m_members.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return blind::displayName(m, m_language);
    case MemberIdRole:
        return m.id;
    case UsernameRole:
        return m.revealed ? m.revealed->username : m.username.value_or(QString());
    case RoleNameRole:
        return protocol::enumName(m.role);
    case AliasRole:
        return m.alias;
    case GroupRole:
        return m.group.value_or(QString());
    case AvatarColorRole:
        return MessageListModel::avatarColor(m.id);
    case InitialsRole:
        return MessageListModel::initials(blind::displayName(m, m_language));
    case IsMeRole:
        return m.id == m_me;
    case PresenceRole:
        return m.alias ? QString() : m_presence.value(m.id, QStringLiteral("offline"));
    case AliasNameRole:
        return m.alias ? blind::aliasName(m, m_language) : QString();
    case RevealedRole:
        return m.revealed.has_value();
    case OfferedByMeRole:
        return std::any_of(m_offers.begin(), m_offers.end(),
                           [&](const protocol::RevealOffer &o) { return o.from == m_me && o.to == m.id; });
    case OfferedToMeRole:
        return m.id != m_me && std::any_of(m_offers.begin(), m_offers.end(), [&](const protocol::RevealOffer &o) {
                   return o.from == m.id && (!o.to || *o.to == m_me);
               });
    case RemovableRole: {
        const protocol::Role mine = myRole();
        return m.id != m_me && (mine == protocol::Role::Owner || mine == protocol::Role::Admin) &&
               m.role != protocol::Role::Owner && !(mine == protocol::Role::Admin && m.role == protocol::Role::Admin);
    }
    case RoleChangeableRole:
        return m.id != m_me && myRole() == protocol::Role::Owner;
    case BotRole:
        return m.bot.value_or(false);
    case StatusTextRole:
        return m.alias ? QString() : m.status.value_or(QString()); // the server sends none there; a stale cache might
    case AvatarRole:
        return m.alias ? QString() : m.avatar.value_or(QString());
    default:
        return {};
    }
}

protocol::Role MemberListModel::myRole() const
{
    for (const protocol::MemberInfo &m : m_members) {
        if (m.id == m_me)
            return m.role;
    }
    return protocol::Role::Member;
}

QHash<int, QByteArray> MemberListModel::roleNames() const
{
    return {{MemberIdRole, "memberId"}, {NameRole, "name"},           {UsernameRole, "username"},
            {RoleNameRole, "roleName"}, {AliasRole, "alias"},         {GroupRole, "group"},
            {AvatarColorRole, "avatarColor"}, {InitialsRole, "initials"}, {IsMeRole, "isMe"},
            {PresenceRole, "presence"}, {AliasNameRole, "aliasName"}, {RevealedRole, "revealed"},
            {OfferedByMeRole, "offeredByMe"}, {OfferedToMeRole, "offeredToMe"}, {RemovableRole, "removable"},
            {RoleChangeableRole, "roleChangeable"}, {BotRole, "bot"},
            {StatusTextRole, "statusText"}, {AvatarRole, "avatar"}};
}

void MemberListModel::observe(const ConversationState *state, const Presence *presence)
{
    m_state = state;
    connect(state, &ConversationState::opened, this, [this](const QString &id) {
        m_shown = id;
        showFromState();
    });
    for (const auto signal : {&ConversationState::membersChanged, &ConversationState::historyReset}) {
        connect(state, signal, this, [this](const QString &id) {
            if (!id.isEmpty() && id == m_shown)
                showFromState();
        });
    }
    connect(presence, &Presence::presenceChanged, this, [this, presence] { setPresence(presence->all()); });
}

void MemberListModel::showFromState()
{
    const auto c = m_state->conversation(m_shown);
    reset(m_state->members(m_shown), m_state->myMemberId(m_shown), m_language, c ? c->revealOffers : QList<protocol::RevealOffer>());
}

void MemberListModel::setLanguage(const QString &language)
{
    m_language = language;
    if (m_state && m_state->isOpen() && !m_shown.isEmpty())
        showFromState();
}

void MemberListModel::reset(const QList<protocol::MemberInfo> &members, const QString &myMemberId,
                            const QString &language, const QList<protocol::RevealOffer> &offers)
{
    beginResetModel();
    m_members = members;
    m_me = myMemberId;
    m_language = language;
    m_offers = offers;
    endResetModel();
    emit countChanged();
}

void MemberListModel::setPresence(const QHash<QString, QString> &presence)
{
    m_presence = presence;
    if (!m_members.isEmpty())
        emit dataChanged(index(0), index(int(m_members.size()) - 1), {PresenceRole});
}

QString MemberListModel::nameOf(const QString &memberId) const
{
    for (const protocol::MemberInfo &m : m_members) {
        if (m.id == memberId)
            return blind::displayName(m, m_language);
    }
    return {};
}

} // namespace confab::client

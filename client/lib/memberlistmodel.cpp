#include "memberlistmodel.h"

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
        return m.name;
    case MemberIdRole:
        return m.id;
    case UsernameRole:
        return m.username.value_or(QString());
    case RoleNameRole:
        return protocol::enumName(m.role);
    case AliasRole:
        return m.alias;
    case GroupRole:
        return m.group.value_or(QString());
    case AvatarColorRole:
        return MessageListModel::avatarColor(m.id);
    case InitialsRole:
        return MessageListModel::initials(m.name);
    case IsMeRole:
        return m.id == m_me;
    case PresenceRole:
        return m.alias ? QString() : m_presence.value(m.id, QStringLiteral("offline"));
    default:
        return {};
    }
}

QHash<int, QByteArray> MemberListModel::roleNames() const
{
    return {{MemberIdRole, "memberId"}, {NameRole, "name"},           {UsernameRole, "username"},
            {RoleNameRole, "roleName"}, {AliasRole, "alias"},         {GroupRole, "group"},
            {AvatarColorRole, "avatarColor"}, {InitialsRole, "initials"}, {IsMeRole, "isMe"},
            {PresenceRole, "presence"}};
}

void MemberListModel::reset(const QList<protocol::MemberInfo> &members, const QString &myMemberId)
{
    beginResetModel();
    m_members = members;
    m_me = myMemberId;
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
            return m.name;
    }
    return {};
}

} // namespace confab::client

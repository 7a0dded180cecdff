#include "blocks.h"

#include "connection.h"
#include "messagelistmodel.h"
#include "protocol/requests.h"

#include <algorithm>

namespace confab::client {

using namespace confab::protocol;

Blocks::Blocks(Connection &connection, QObject *parent) : QAbstractListModel(parent), m_connection(connection)
{
    // A change made on another device while this one was away is learnt here.
    connect(&m_connection, &Connection::authenticated, this, [this](const AuthOk &session) {
        if (session.user.id != m_userId) { // another account: nothing of the last one's list holds
            m_userId = session.user.id;
            replace({});
        }
        refresh();
    });
}

int Blocks::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_users.size());
}

QVariant Blocks::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ProfileInfo &user = m_users.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return user.name;
    case UserIdRole:
        return user.id;
    case UsernameRole:
        return user.username;
    case AvatarColorRole:
        return MessageListModel::avatarColor(user.id);
    case InitialsRole:
        return MessageListModel::initials(user.name);
    default:
        return {};
    }
}

QHash<int, QByteArray> Blocks::roleNames() const
{
    return {{UserIdRole, "userId"}, {UsernameRole, "username"}, {NameRole, "name"},
            {AvatarColorRole, "avatarColor"}, {InitialsRole, "initials"}};
}

void Blocks::setBlocked(const QString &userId, bool blocked)
{
    if (m_busy || userId.isEmpty())
        return;
    if (!m_connection.isOnline()) {
        setBusy(false, tr("Not connected: blocking needs the server."));
        emit failed();
        return;
    }
    setBusy(true, {});
    m_connection.request(AccountBlock{userId, blocked}, [this](const Reply<Ok> &reply) {
        if (reply) {
            setBusy(false, {});
            // The push reaches every session of mine; asking as well makes this one certain.
            refresh();
            return;
        }
        setBusy(false, reply.error().code == ErrorCode::Conflict
                           ? tr("You block as many people as the server allows. Unblock someone first.")
                           : tr("That did not work. Please try again."));
        emit failed();
    });
}

void Blocks::apply(const Frame &pushed)
{
    if (const auto *blocks = std::get_if<protocol::Blocks>(&pushed))
        replace(blocks->users);
}

void Blocks::refresh()
{
    m_connection.request(BlocksList{}, [this](const Reply<protocol::Blocks> &reply) {
        if (reply)
            replace(reply->users);
    });
}

void Blocks::replace(const QList<ProfileInfo> &users)
{
    QSet<QString> ids;
    for (const ProfileInfo &user : users)
        ids.insert(user.id);
    const bool same = ids == m_ids && std::equal(users.begin(), users.end(), m_users.begin(), m_users.end(),
                                                 [](const ProfileInfo &a, const ProfileInfo &b) {
                                                     return a.id == b.id && a.name == b.name;
                                                 });
    if (same)
        return;
    beginResetModel();
    m_users = users;
    m_ids = std::move(ids);
    endResetModel();
    emit changed();
}

void Blocks::setBusy(bool busy, const QString &error)
{
    if (busy == m_busy && error == m_error)
        return;
    m_busy = busy;
    m_error = error;
    emit busyChanged();
}

} // namespace confab::client

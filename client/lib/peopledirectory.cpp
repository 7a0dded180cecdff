#include "peopledirectory.h"

#include "connection.h"
#include "protocol/requests.h"

namespace confab::client {

using namespace confab::protocol;

PeopleDirectory::PeopleDirectory(Connection &connection, QObject *parent) : QAbstractListModel(parent), m_connection(connection)
{
}

int PeopleDirectory::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_users.size());
}

QVariant PeopleDirectory::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ProfileInfo &u = m_users.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return u.name;
    case UserIdRole:
        return u.id;
    case UsernameRole:
        return u.username;
    case BotRole:
        return u.bot.value_or(false);
    case DisabledRole:
        return u.disabled.value_or(false);
    case StatusRole:
        return u.status.value_or(QString());
    }
    return {};
}

QHash<int, QByteArray> PeopleDirectory::roleNames() const
{
    return {{UserIdRole, "userId"}, {UsernameRole, "username"}, {NameRole, "name"},
            {BotRole, "bot"},       {DisabledRole, "disabled"}, {StatusRole, "status"}};
}

QVariantMap PeopleDirectory::get(int row) const
{
    if (row < 0 || row >= m_users.size())
        return {};
    const ProfileInfo &u = m_users.at(row);
    return {{QStringLiteral("userId"), u.id},
            {QStringLiteral("username"), u.username},
            {QStringLiteral("name"), u.name},
            {QStringLiteral("bot"), u.bot.value_or(false)},
            {QStringLiteral("disabled"), u.disabled.value_or(false)}};
}

void PeopleDirectory::setQuery(const QString &query)
{
    const QString trimmed = query.trimmed();
    if (trimmed == m_query)
        return;
    m_query = trimmed;
    emit queryChanged();
    ++m_generation;
    beginResetModel();
    m_users.clear();
    m_next.reset();
    m_error.clear();
    endResetModel();
    emit resultsChanged();
    if (m_query.isEmpty()) {
        setBusy(false);
        return;
    }
    ask(std::nullopt);
}

void PeopleDirectory::loadMore()
{
    if (m_next && !m_busy)
        ask(m_next);
}

void PeopleDirectory::ask(const std::optional<QString> &after)
{
    if (!m_connection.isOnline()) {
        m_error = tr("Not connected: finding people needs the server.");
        emit resultsChanged();
        return;
    }
    setBusy(true);
    const quint64 generation = m_generation;
    // The protocol's own limit on a prefix: longer typing finds nothing more anyway.
    const QString prefix = m_query.left(field::kDirectoryPrefixMaxChars);
    m_connection.request(UserSearch{prefix, after, kPageSize}, [this, generation](const Reply<Directory> &reply) {
        if (generation != m_generation)
            return; // the user typed on: a newer search is on its way
        setBusy(false);
        if (!reply) {
            const Error &e = reply.error();
            m_error = e.code == ErrorCode::RateLimited ? tr("Too many searches. Please wait a moment.")
                                                       : tr("People could not be found right now.");
            emit resultsChanged();
            return;
        }
        if (!reply->users.isEmpty()) {
            beginInsertRows({}, int(m_users.size()), int(m_users.size() + reply->users.size() - 1));
            m_users += reply->users;
            endInsertRows();
        }
        m_next = reply->next;
        m_error.clear();
        emit resultsChanged();
    });
}

void PeopleDirectory::setBusy(bool busy)
{
    if (busy == m_busy)
        return;
    m_busy = busy;
    emit busyChanged();
}

} // namespace confab::client

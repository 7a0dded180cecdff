#include "conversationfiltermodel.h"

#include "chatclient.h"
#include "messagelistmodel.h"

#include <QDateTime>
#include <QLocale>

namespace confab::app {

ConversationFilterModel::ConversationFilterModel(QObject *parent) : QSortFilterProxyModel(parent)
{
    setFilterCaseSensitivity(Qt::CaseInsensitive);
    for (const auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(this, signal, this, &ConversationFilterModel::countChanged);
    connect(this, &QAbstractItemModel::modelReset, this, &ConversationFilterModel::countChanged);
    connect(this, &QAbstractItemModel::layoutChanged, this, &ConversationFilterModel::countChanged);
}

void ConversationFilterModel::setClient(client::ChatClient *client)
{
    m_client = client;
    setSourceModel(client->conversations());
    connect(client, &client::ChatClient::presenceChanged, this, &ConversationFilterModel::onPresenceChanged);
    // Members of a direct chat never change, but the account (and its cache) may.
    connect(client, &client::ChatClient::signedInChanged, this, [this] { m_peers.clear(); });
}

QString ConversationFilterModel::peerOf(const QString &conversationId) const
{
    if (!m_client || conversationId.isEmpty())
        return {};
    if (const auto it = m_peers.constFind(conversationId); it != m_peers.constEnd())
        return *it;
    if (!m_client->cache().isOpen())
        return {};
    QString peer;
    for (const protocol::MemberInfo &m : m_client->cache().members(conversationId)) {
        if (m.id != m_client->userId()) {
            peer = m.id;
            break;
        }
    }
    if (!peer.isEmpty()) // not yet known: ask again later
        m_peers.insert(conversationId, peer);
    return peer;
}

void ConversationFilterModel::onPresenceChanged(const QString &userId)
{
    for (auto it = m_peers.constBegin(); it != m_peers.constEnd(); ++it) {
        if (it.value() != userId)
            continue;
        const int row = rowOf(it.key());
        if (row >= 0)
            emit dataChanged(index(row, 0), index(row, 0), {PresenceRole});
    }
}

void ConversationFilterModel::setFilterText(const QString &text)
{
    if (m_filter == text)
        return;
    m_filter = text;
    invalidateFilter();
    emit filterTextChanged();
    emit countChanged();
}

int ConversationFilterModel::sourceRole(const char *name) const
{
    return sourceModel() ? sourceModel()->roleNames().key(name, -1) : -1;
}

bool ConversationFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QString needle = m_filter.trimmed();
    if (needle.isEmpty())
        return true;
    const QModelIndex i = sourceModel()->index(sourceRow, 0, sourceParent);
    for (const char *role : {"title", "lastMessage", "myAlias"}) {
        if (i.data(sourceRole(role)).toString().contains(needle, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

QString ConversationFilterModel::activityText(qint64 epochMs, const QDateTime &now)
{
    if (epochMs <= 0)
        return {};
    const QDateTime at = QDateTime::fromMSecsSinceEpoch(epochMs);
    const QLocale locale;
    const qint64 days = at.date().daysTo(now.date());
    if (days == 0)
        return locale.toString(at.time(), QLocale::ShortFormat);
    if (days == 1)
        return tr("Yesterday");
    if (days > 1 && days < 7)
        return locale.dayName(at.date().dayOfWeek(), QLocale::ShortFormat);
    return locale.toString(at.date(), QLocale::ShortFormat);
}

QVariant ConversationFilterModel::data(const QModelIndex &index, int role) const
{
    switch (role) {
    case AvatarColorRole: {
        // Direct chats: the other member's colour, as in the timeline.
        const QString id = index.data(sourceRole("conversationId")).toString();
        const QString peer = index.data(sourceRole("kind")).toString() == QLatin1StringView("direct") ? peerOf(id)
                                                                                                     : QString();
        return client::MessageListModel::avatarColor(peer.isEmpty() ? id : peer);
    }
    case PeerIdRole:
        return index.data(sourceRole("kind")).toString() == QLatin1StringView("direct")
                   ? peerOf(index.data(sourceRole("conversationId")).toString())
                   : QString();
    case PresenceRole: {
        if (!m_client || index.data(sourceRole("kind")).toString() != QLatin1StringView("direct"))
            return QString();
        const QString peer = peerOf(index.data(sourceRole("conversationId")).toString());
        return peer.isEmpty() ? QString() : m_client->presenceOf(peer);
    }
    case MyGroupRole: {
        if (!m_client)
            return QString();
        const auto c = m_client->conversations()->conversation(index.data(sourceRole("conversationId")).toString());
        return c && c->me && c->me->group ? *c->me->group : QString();
    }
    case InitialsRole:
        return client::MessageListModel::initials(index.data(sourceRole("title")).toString());
    case ActivityTextRole:
        return activityText(index.data(sourceRole("lastActivity")).toLongLong(), QDateTime::currentDateTime());
    default:
        return QSortFilterProxyModel::data(index, role);
    }
}

QHash<int, QByteArray> ConversationFilterModel::roleNames() const
{
    QHash<int, QByteArray> names = QSortFilterProxyModel::roleNames();
    names.insert(AvatarColorRole, "avatarColor");
    names.insert(InitialsRole, "initials");
    names.insert(ActivityTextRole, "activityText");
    names.insert(PeerIdRole, "peerId");
    names.insert(PresenceRole, "presence");
    names.insert(MyGroupRole, "myGroup");
    return names;
}

int ConversationFilterModel::rowOf(const QString &conversationId) const
{
    const int role = sourceRole("conversationId");
    for (int row = 0; row < rowCount(); ++row) {
        if (index(row, 0).data(role).toString() == conversationId)
            return row;
    }
    return -1;
}

QString ConversationFilterModel::idAt(int row) const
{
    return index(row, 0).data(sourceRole("conversationId")).toString();
}

QString ConversationFilterModel::titleAt(int row) const
{
    return index(row, 0).data(sourceRole("title")).toString();
}

void ConversationFilterModel::pick(const QString &conversationId)
{
    if (!m_client || conversationId.isEmpty())
        return;
    setFilterText({});
    m_client->openConversation(conversationId);
}

} // namespace confab::app

#include "conversationfiltermodel.h"

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
    case AvatarColorRole:
        return client::MessageListModel::avatarColor(index.data(sourceRole("conversationId")).toString());
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

} // namespace confab::app

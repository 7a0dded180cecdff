#include "forwardtargets.h"

#include "messagelistmodel.h"

namespace confab::client {

ForwardTargets::ForwardTargets(QObject *parent) : QSortFilterProxyModel(parent)
{
    connect(this, &QAbstractItemModel::rowsInserted, this, &ForwardTargets::countChanged);
    connect(this, &QAbstractItemModel::rowsRemoved, this, &ForwardTargets::countChanged);
    connect(this, &QAbstractItemModel::modelReset, this, &ForwardTargets::countChanged);
    connect(this, &QAbstractItemModel::layoutChanged, this, &ForwardTargets::countChanged);
}

int ForwardTargets::sourceRole(const char *name) const
{
    return sourceModel() ? sourceModel()->roleNames().key(name, -1) : -1;
}

void ForwardTargets::reset(const QString &sourceId)
{
    m_source = sourceId;
    m_picked.clear();
    m_filter.clear();
    invalidateFilter();
    emit filterTextChanged();
    emit pickedChanged();
    emit countChanged();
    if (rowCount() > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, 0), {PickedRole});
}

void ForwardTargets::setFilterText(const QString &text)
{
    if (text == m_filter)
        return;
    m_filter = text;
    invalidateFilter();
    emit filterTextChanged();
    emit countChanged();
}

bool ForwardTargets::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex i = sourceModel()->index(sourceRow, 0, sourceParent);
    if (i.data(sourceRole("conversationId")).toString() == m_source)
        return false;
    const QString needle = m_filter.trimmed();
    return needle.isEmpty() || i.data(sourceRole("title")).toString().contains(needle, Qt::CaseInsensitive);
}

QStringList ForwardTargets::pickedIds() const
{
    // In the whole list's order, also those the filter hides now.
    QStringList ids;
    for (int row = 0; sourceModel() && row < sourceModel()->rowCount(); ++row) {
        const QString id = sourceModel()->index(row, 0).data(sourceRole("conversationId")).toString();
        if (m_picked.contains(id))
            ids.append(id);
    }
    return ids;
}

void ForwardTargets::toggle(int row)
{
    const QString id = idAt(row);
    if (id.isEmpty())
        return;
    if (!m_picked.remove(id))
        m_picked.insert(id);
    emit dataChanged(index(row, 0), index(row, 0), {PickedRole});
    emit pickedChanged();
}

QString ForwardTargets::idAt(int row) const
{
    return row >= 0 && row < rowCount() ? index(row, 0).data(sourceRole("conversationId")).toString() : QString();
}

QString ForwardTargets::titleAt(int row) const
{
    return row >= 0 && row < rowCount() ? index(row, 0).data(sourceRole("title")).toString() : QString();
}

QVariant ForwardTargets::data(const QModelIndex &index, int role) const
{
    switch (role) {
    case PickedRole:
        return m_picked.contains(index.data(sourceRole("conversationId")).toString());
    case AvatarColorRole:
        return MessageListModel::avatarColor(index.data(sourceRole("conversationId")).toString());
    case InitialsRole:
        return MessageListModel::initials(index.data(sourceRole("title")).toString());
    default:
        return QSortFilterProxyModel::data(index, role);
    }
}

QHash<int, QByteArray> ForwardTargets::roleNames() const
{
    QHash<int, QByteArray> names = QSortFilterProxyModel::roleNames();
    names.insert(PickedRole, "picked");
    names.insert(AvatarColorRole, "avatarColor");
    names.insert(InitialsRole, "initials");
    return names;
}

} // namespace confab::client

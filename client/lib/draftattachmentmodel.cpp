#include "draftattachmentmodel.h"

#include <QUrl>

#include <algorithm>

namespace confab::client {

DraftAttachmentModel::DraftAttachmentModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

int DraftAttachmentModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

QVariant DraftAttachmentModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry &e = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return e.name;
    case PathRole:
        return e.path;
    case UrlRole:
        return e.url;
    case SizeTextRole:
        return e.sizeText;
    case MimeRole:
        return e.mime;
    case ImageRole:
        return e.image;
    case ErrorRole:
        return e.error;
    default:
        return {};
    }
}

QHash<int, QByteArray> DraftAttachmentModel::roleNames() const
{
    return {{PathRole, "path"},         {UrlRole, "url"},   {NameRole, "name"},  {SizeTextRole, "sizeText"},
            {MimeRole, "mime"},         {ImageRole, "image"}, {ErrorRole, "error"}};
}

int DraftAttachmentModel::sendableCount() const
{
    return int(std::count_if(m_entries.cbegin(), m_entries.cend(), [](const Entry &e) { return e.error.isEmpty(); }));
}

void DraftAttachmentModel::setLimit(int limit)
{
    if (limit == m_limit)
        return;
    // Files already in the tray stay: a lower limit only stops new ones.
    m_limit = limit;
    emit limitChanged();
    emit countChanged(); // `full` may have changed
}

bool DraftAttachmentModel::add(const QVariantMap &description)
{
    Entry e;
    e.path = description.value(QStringLiteral("path")).toString();
    e.url = description.value(QStringLiteral("url")).toString();
    if (e.path.isEmpty())
        e.path = e.url;
    if (e.url.isEmpty())
        e.url = e.path;
    if (e.path.isEmpty() || full() || contains(e.path) || contains(e.url))
        return false;
    e.name = description.value(QStringLiteral("name")).toString();
    if (e.name.isEmpty()) // "file:///tmp/b%20c.pdf" → "b c.pdf"
        e.name = QUrl::fromPercentEncoding(e.url.mid(e.url.lastIndexOf(QLatin1Char('/')) + 1).toUtf8());
    e.sizeText = description.value(QStringLiteral("sizeText")).toString();
    e.mime = description.value(QStringLiteral("mime")).toString();
    e.image = description.value(QStringLiteral("image")).toBool();
    e.error = description.value(QStringLiteral("error")).toString();
    const int row = int(m_entries.size());
    beginInsertRows({}, row, row);
    m_entries.append(e);
    endInsertRows();
    emit countChanged();
    return true;
}

bool DraftAttachmentModel::contains(const QString &pathOrUrl) const
{
    return std::any_of(m_entries.cbegin(), m_entries.cend(),
                       [&](const Entry &e) { return e.url == pathOrUrl || e.path == pathOrUrl; });
}

void DraftAttachmentModel::remove(int row)
{
    if (row < 0 || row >= int(m_entries.size()))
        return;
    beginRemoveRows({}, row, row);
    m_entries.removeAt(row);
    endRemoveRows();
    emit countChanged();
}

void DraftAttachmentModel::clear()
{
    if (m_entries.isEmpty())
        return;
    beginResetModel();
    m_entries.clear();
    endResetModel();
    emit countChanged();
}

QVariantMap DraftAttachmentModel::get(int row) const
{
    if (row < 0 || row >= int(m_entries.size()))
        return {};
    const Entry &e = m_entries.at(row);
    return {{QStringLiteral("path"), e.path},         {QStringLiteral("url"), e.url},
            {QStringLiteral("name"), e.name},         {QStringLiteral("sizeText"), e.sizeText},
            {QStringLiteral("mime"), e.mime},         {QStringLiteral("image"), e.image},
            {QStringLiteral("error"), e.error}};
}

QStringList DraftAttachmentModel::sendablePaths() const
{
    QStringList paths;
    for (const Entry &e : m_entries) {
        if (e.error.isEmpty())
            paths.append(e.path);
    }
    return paths;
}

QStringList DraftAttachmentModel::sources() const
{
    QStringList out;
    for (const Entry &e : m_entries)
        out.append(e.url.isEmpty() ? e.path : e.url);
    return out;
}

} // namespace confab::client

#include "mentioncompleter.h"

#include <algorithm>

namespace confab::client {

namespace {
bool wordChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_' || c == u'.' || c == u'-' || c.isMark();
}

//! How well `name` matches what was typed: 0 starts the name, 1 starts a later word, -1 no match.
int matchRank(const QString &name, const QString &query)
{
    if (name.startsWith(query, Qt::CaseInsensitive))
        return 0;
    for (qsizetype at = name.indexOf(u' '); at >= 0; at = name.indexOf(u' ', at + 1)) {
        if (QStringView(name).sliced(at + 1).startsWith(query, Qt::CaseInsensitive))
            return 1;
    }
    return -1;
}
} // namespace

MentionCompleter::MentionCompleter(QObject *parent) : QAbstractListModel(parent) {}

int MentionCompleter::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_active ? 0 : int(m_rows.size());
}

QVariant MentionCompleter::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const Candidate &c = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return c.name;
    case MemberIdRole:
        return c.memberId;
    case UsernameRole:
        return c.username;
    case RoomRole:
        return c.room;
    case LabelRole:
        return c.label();
    default:
        return {};
    }
}

QHash<int, QByteArray> MentionCompleter::roleNames() const
{
    return {{MemberIdRole, "memberId"}, {NameRole, "name"}, {UsernameRole, "username"},
            {RoomRole, "room"},         {LabelRole, "label"}};
}

void MentionCompleter::setSource(QAbstractItemModel *source)
{
    if (m_source == source)
        return;
    m_source = source;
    emit sourceChanged();
    refilter();
}

void MentionCompleter::setAllowRoom(bool allow)
{
    if (m_allowRoom == allow)
        return;
    m_allowRoom = allow;
    emit allowRoomChanged();
    refilter();
}

void MentionCompleter::setCurrentIndex(int index)
{
    index = m_rows.isEmpty() ? 0 : std::clamp(index, 0, int(m_rows.size()) - 1);
    if (index == m_currentIndex)
        return;
    m_currentIndex = index;
    emit currentIndexChanged();
}

QList<MentionCompleter::Candidate> MentionCompleter::candidates() const
{
    QList<Candidate> out;
    if (!m_source)
        return out;
    // By role name, so that any model with these roles serves (the Qt Quick Test gives a ListModel).
    const QHash<int, QByteArray> names = m_source->roleNames();
    const int idRole = names.key("memberId", -1);
    const int nameRole = names.key("name", -1);
    const int usernameRole = names.key("username", -1);
    const int meRole = names.key("isMe", -1);
    const int aliasRole = names.key("alias", -1);
    const int aliasNameRole = names.key("aliasName", -1);
    for (int row = 0; row < m_source->rowCount(); ++row) {
        const QModelIndex i = m_source->index(row, 0);
        if (meRole >= 0 && i.data(meRole).toBool())
            continue; // nobody mentions themselves
        // Blind rooms: the alias, even of someone who revealed their name to me. The text goes to
        // the whole room; a real name or username in it would tell everyone.
        if (aliasRole >= 0 && i.data(aliasRole).toBool()) {
            const QString alias = aliasNameRole >= 0 ? i.data(aliasNameRole).toString() : QString();
            out.append({i.data(idRole).toString(), alias.isEmpty() ? i.data(nameRole).toString() : alias, {}, false});
            continue;
        }
        out.append({i.data(idRole).toString(), i.data(nameRole).toString(),
                    usernameRole >= 0 ? i.data(usernameRole).toString() : QString(), false});
    }
    return out;
}

void MentionCompleter::refilter()
{
    beginResetModel();
    m_rows.clear();
    if (m_active) {
        QList<std::pair<int, Candidate>> ranked;
        for (const Candidate &c : candidates()) {
            int rank = matchRank(c.name, m_query);
            if (rank < 0 && !c.username.isEmpty() && c.username.startsWith(m_query, Qt::CaseInsensitive))
                rank = 1;
            if (rank >= 0)
                ranked.append({rank, c});
        }
        std::stable_sort(ranked.begin(), ranked.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
        for (const auto &[rank, c] : ranked) {
            if (m_rows.size() == kMaxRows)
                break;
            m_rows.append(c);
        }
        if (m_allowRoom && QStringLiteral("room").startsWith(m_query, Qt::CaseInsensitive))
            m_rows.append({{}, QStringLiteral("room"), {}, true});
    }
    endResetModel();
    if (m_currentIndex != 0) {
        m_currentIndex = 0;
        emit currentIndexChanged();
    }
    emit activeChanged(); // also the count and the query; callers may have changed m_active before
}

void MentionCompleter::update(const QString &text, int cursorPosition)
{
    const qsizetype cursor = std::clamp<qsizetype>(cursorPosition, 0, text.size());
    qsizetype at = cursor;
    while (at > 0 && wordChar(text.at(at - 1)))
        --at;
    // "@" right before the word, at the start or after something that is not part of a word
    // (an e-mail address "mina@example.org" does not open the list).
    const bool token = at > 0 && text.at(at - 1) == u'@' && (at == 1 || !wordChar(text.at(at - 2)));
    const qsizetype start = token ? at - 1 : -1;
    const QString query = token ? text.mid(at, cursor - at) : QString();
    if (start != m_tokenStart)
        m_closed = false; // a new `@word`: Esc on the last one does not hold here
    const bool active = token && !m_closed;
    if (active == m_active && start == m_tokenStart && query == m_query)
        return;
    m_active = active;
    m_tokenStart = start;
    m_query = query;
    refilter();
}

void MentionCompleter::moveUp()
{
    if (!m_rows.isEmpty())
        setCurrentIndex(m_currentIndex == 0 ? int(m_rows.size()) - 1 : m_currentIndex - 1);
}

void MentionCompleter::moveDown()
{
    if (!m_rows.isEmpty())
        setCurrentIndex(m_currentIndex + 1 >= m_rows.size() ? 0 : m_currentIndex + 1);
}

void MentionCompleter::close()
{
    if (!m_active)
        return;
    m_closed = true;
    m_active = false;
    refilter();
}

QVariantMap MentionCompleter::pick(int index, const QString &text, int cursorPosition)
{
    if (!active() || index < 0 || index >= m_rows.size() || m_tokenStart < 0 || m_tokenStart > text.size())
        return {{QStringLiteral("text"), text}, {QStringLiteral("cursor"), cursorPosition}};
    const Candidate c = m_rows.at(index);
    const qsizetype end = std::clamp<qsizetype>(cursorPosition, m_tokenStart, text.size());
    const QString label = c.label();
    QString after = text.mid(end);
    const QString inserted = after.startsWith(u' ') ? label : label + u' ';
    const QString result = text.left(m_tokenStart) + inserted + after;
    const mentiontext::Pick p{c.room ? std::nullopt : std::optional(c.memberId), label};
    if (!m_picks.contains(p))
        m_picks.append(p);
    const qsizetype cursor = m_tokenStart + inserted.size() + (after.startsWith(u' ') ? 1 : 0);
    m_active = false;
    m_tokenStart = -1;
    m_query.clear();
    refilter();
    return {{QStringLiteral("text"), result}, {QStringLiteral("cursor"), qint64(cursor)}};
}

QVariantList MentionCompleter::mentionsFor(const QString &text) const
{
    QVariantList out;
    for (const protocol::Mention &m : mentions(text)) {
        out.append(QVariantMap{{QStringLiteral("memberId"), m.memberId.value_or(QString())},
                               {QStringLiteral("room"), m.room.value_or(false)},
                               {QStringLiteral("start"), m.start},
                               {QStringLiteral("length"), m.length}});
    }
    return out;
}

void MentionCompleter::reset()
{
    m_picks.clear();
    m_closed = false;
    if (m_active) {
        m_active = false;
        m_tokenStart = -1;
        m_query.clear();
        refilter();
    }
}

QList<protocol::Mention> MentionCompleter::fromVariant(const QVariantList &list)
{
    QList<protocol::Mention> out;
    for (const QVariant &v : list) {
        const QVariantMap map = v.toMap();
        protocol::Mention m;
        m.start = map.value(QStringLiteral("start")).toLongLong();
        m.length = map.value(QStringLiteral("length")).toLongLong();
        if (map.value(QStringLiteral("room")).toBool())
            m.room = true;
        else
            m.memberId = map.value(QStringLiteral("memberId")).toString();
        if (m.length > 0)
            out.append(m);
    }
    return out;
}

} // namespace confab::client

#include "searchresultmodel.h"

#include "connection.h"
#include "conversationstate.h"
#include "messageformat.h"

#include <QDateTime>
#include <QLocale>

namespace confab::client {

using namespace confab::protocol;

namespace {
constexpr int kPageSize = 20;

//! The hit as it is shown: its snippet without markup, each highlight moved onto the plain text
//! (a highlight that covered markup only is gone).
SearchHit plainHit(SearchHit hit)
{
    QList<qsizetype> sources;
    const QString plain = MessageFormat::plainText(hit.snippet, &sources);
    QList<TextRange> ranges;
    for (const TextRange &r : std::as_const(hit.highlights)) {
        qsizetype first = -1, last = -1;
        for (qsizetype i = 0; i < sources.size(); ++i) {
            if (sources[i] >= r.start && sources[i] < r.start + r.length) {
                if (first < 0)
                    first = i;
                last = i;
            }
        }
        if (first >= 0)
            ranges.append(TextRange{first, last - first + 1});
    }
    hit.snippet = plain;
    hit.highlights = ranges;
    return hit;
}
} // namespace

SearchResultModel::SearchResultModel(Connection &connection, const ConversationState &state, QObject *parent)
    : QAbstractListModel(parent), m_connection(connection), m_state(state)
{
    connect(&state, &ConversationState::detailsChanged, this, &SearchResultModel::conversationChanged);
    connect(&state, &ConversationState::membersChanged, this, &SearchResultModel::conversationChanged);
}

void SearchResultModel::conversationChanged(const QString &conversationId)
{
    for (int row = 0; row < m_hits.size(); ++row) {
        if (m_hits.at(row).conversationId == conversationId)
            emit dataChanged(index(row), index(row), {ConversationTitleRole, SenderNameRole});
    }
}

int SearchResultModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_hits.size());
}

QVariant SearchResultModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SearchHit &hit = m_hits.at(index.row());
    switch (role) {
    case ConversationIdRole:
        return hit.conversationId;
    case ConversationTitleRole: {
        const auto c = m_state.conversation(hit.conversationId);
        return c ? c->title : QString();
    }
    case MessageIdRole:
        return hit.message.id;
    case SeqRole:
        return hit.message.seq;
    case SenderNameRole: {
        const auto c = m_state.conversation(hit.conversationId);
        if (c && c->me && c->me->id == hit.message.senderId)
            return tr("You");
        for (const MemberInfo &m : m_state.members(hit.conversationId)) {
            if (m.id == hit.message.senderId)
                return m.name;
        }
        return tr("Former member");
    }
    case Qt::DisplayRole:
    case SnippetRole:
        return hit.snippet;
    case HighlightsRole: {
        QVariantList out;
        for (const TextRange &r : hit.highlights)
            out.append(QVariantMap{{QStringLiteral("start"), r.start}, {QStringLiteral("length"), r.length}});
        return out;
    }
    case CreatedAtRole:
        return hit.message.createdAt;
    case TimeTextRole: {
        const QDateTime at = QDateTime::fromMSecsSinceEpoch(hit.message.createdAt);
        return at.date() == QDate::currentDate() ? QLocale().toString(at.time(), QLocale::ShortFormat)
                                                 : QLocale().toString(at.date(), QLocale::ShortFormat);
    }
    default:
        return {};
    }
}

QHash<int, QByteArray> SearchResultModel::roleNames() const
{
    return {{ConversationIdRole, "conversationId"}, {ConversationTitleRole, "conversationTitle"},
            {MessageIdRole, "messageId"},           {SeqRole, "seq"},
            {SenderNameRole, "senderName"},         {SnippetRole, "snippet"},
            {HighlightsRole, "highlights"},         {CreatedAtRole, "createdAt"},
            {TimeTextRole, "timeText"}};
}

void SearchResultModel::search(const QString &query, const QString &conversationId)
{
    const QString q = query.trimmed();
    if (q == m_query && conversationId == m_scope && (m_busy || !m_hits.isEmpty()))
        return;
    clear();
    if (q.isEmpty())
        return;
    m_query = q;
    m_scope = conversationId;
    emit queryChanged();
    fetch();
}

void SearchResultModel::showMentions()
{
    clear();
    m_mentions = true;
    fetch();
}

void SearchResultModel::loadMore()
{
    if (canLoadMore())
        fetch();
}

void SearchResultModel::clear()
{
    ++m_generation;
    if (!m_hits.isEmpty()) {
        beginResetModel();
        m_hits.clear();
        endResetModel();
        emit countChanged();
    }
    m_cursor.reset();
    m_mentions = false;
    if (!m_query.isEmpty() || !m_scope.isEmpty()) {
        m_query.clear();
        m_scope.clear();
        emit queryChanged();
    }
    setBusy(false);
}

void SearchResultModel::fetch()
{
    if (m_mentions)
        return fetchMentions();
    SearchRequest request;
    request.query = m_query;
    request.limit = kPageSize;
    request.cursor = m_cursor;
    if (!m_scope.isEmpty())
        request.conversationId = m_scope;
    const quint64 generation = m_generation;
    setBusy(true);
    m_connection.request(request, [this, generation](const Reply<SearchResult> &result) {
        if (generation != m_generation)
            return; // a newer search replaced this one
        if (!result) {
            m_cursor.reset();
            setBusy(false, result.error().message);
            emit finished();
            return;
        }
        m_cursor = result->nextCursor;
        append(result->hits);
        setBusy(false);
        emit finished();
    });
}

void SearchResultModel::fetchMentions()
{
    const quint64 generation = m_generation;
    setBusy(true);
    m_connection.request(MentionsList{kPageSize, m_cursor}, [this, generation](const Reply<Mentions> &result) {
        if (generation != m_generation)
            return;
        if (!result) {
            m_cursor.reset();
            setBusy(false, result.error().message);
            emit finished();
            return;
        }
        m_cursor = result->nextCursor;
        append(result->hits);
        setBusy(false);
        emit finished();
    });
}

void SearchResultModel::append(const QList<SearchHit> &hits)
{
    if (hits.isEmpty())
        return;
    const int first = int(m_hits.size());
    beginInsertRows({}, first, first + int(hits.size()) - 1);
    for (const SearchHit &hit : hits)
        m_hits.append(plainHit(hit));
    endInsertRows();
    emit countChanged();
}

void SearchResultModel::setBusy(bool busy, const QString &error)
{
    if (m_busy == busy && m_error == error)
        return;
    m_busy = busy;
    m_error = error;
    emit busyChanged();
}

} // namespace confab::client

#include "searchservice.h"

#include "domain/clock.h"
#include "services/conversationlog.h"
#include "services/steps.h"
#include "storage/conversationstore.h"
#include "storage/database.h"
#include "storage/mentionstore.h"
#include "storage/searchstore.h"

#include <QRegularExpression>
#include <algorithm>
#include <limits>

namespace confab::server {

using protocol::ErrorCode;

namespace {

constexpr qint64 kFirstPageScore = std::numeric_limits<qint64>::max();

//! Where a page ended: `s<now>.<score>.<created_at>.<message id>`. `now` keeps recency, and so
//! every score, the same on every page of one search; the rest is the keyset of the last hit.
struct Cursor {
    qint64 now = 0;
    qint64 score = kFirstPageScore;
    qint64 createdAt = 0;
    QString messageId;

    QString encode() const {
        return QStringLiteral("s%1.%2.%3.%4").arg(now).arg(score).arg(createdAt).arg(messageId);
    }
    static std::optional<Cursor> decode(const QString &text) {
        static const QRegularExpression pattern(
            QStringLiteral("^s(\\d{1,16})\\.(\\d{1,19})\\.(\\d{1,16})\\.([A-Za-z0-9_-]{1,64})$"));
        const QRegularExpressionMatch match = pattern.match(text);
        if (!match.hasMatch())
            return std::nullopt;
        bool nowOk = false;
        bool scoreOk = false;
        bool createdOk = false;
        Cursor c{match.captured(1).toLongLong(&nowOk), match.captured(2).toLongLong(&scoreOk),
                 match.captured(3).toLongLong(&createdOk), match.captured(4)};
        if (!nowOk || !scoreOk || !createdOk)
            return std::nullopt;
        return c;
    }
};

} // namespace

SearchService::SearchService(Database &db, ConversationLog &log)
    : m_log(log)
    , m_conversations(std::make_unique<ConversationStore>(db))
    , m_store(std::make_unique<SearchStore>(db))
    , m_mentions(std::make_unique<MentionStore>(db)) {}

SearchService::~SearchService() = default;

QStringList SearchService::terms(const QString &query) {
    QStringList out;
    const QStringList words = query.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
    for (const QString &word : words) {
        if (out.size() == kMaxTerms)
            break;
        if (!out.contains(word, Qt::CaseInsensitive))
            out.append(word);
    }
    return out;
}

std::pair<QString, QList<protocol::TextRange>> SearchService::snippet(const QString &body,
                                                                      const QStringList &terms) {
    qsizetype first = -1;
    for (const QString &term : terms) {
        const qsizetype at = body.indexOf(term, 0, Qt::CaseInsensitive);
        if (at >= 0 && (first < 0 || at < first))
            first = at;
    }
    // Some context before the first match, and as much after it as fits.
    qsizetype start = std::max<qsizetype>(0, first - kSnippetChars / 4);
    if (body.size() - start < kSnippetChars)
        start = std::max<qsizetype>(0, body.size() - kSnippetChars);
    qsizetype end = std::min<qsizetype>(body.size(), start + kSnippetChars);
    // Never cut a surrogate pair in half: the snippet must stay valid UTF-16.
    if (start > 0 && body.at(start).isLowSurrogate())
        ++start;
    if (end < body.size() && body.at(end).isLowSurrogate())
        --end;
    const QString prefix = start > 0 ? QStringLiteral("…") : QString();
    const QString text =
        prefix + body.mid(start, end - start) + (end < body.size() ? QStringLiteral("…") : QString());

    QList<protocol::TextRange> ranges;
    for (const QString &term : terms) {
        for (qsizetype at = text.indexOf(term, 0, Qt::CaseInsensitive); at >= 0;
             at = text.indexOf(term, at + term.size(), Qt::CaseInsensitive))
            ranges.append(protocol::TextRange{at, term.size()});
    }
    std::sort(ranges.begin(), ranges.end(), [](const auto &a, const auto &b) { return a.start < b.start; });
    // Overlapping matches of different terms become one range.
    QList<protocol::TextRange> merged;
    for (const protocol::TextRange &r : ranges) {
        if (!merged.isEmpty() && r.start <= merged.last().start + merged.last().length)
            merged.last().length = std::max(merged.last().length, r.start + r.length - merged.last().start);
        else if (merged.size() < 64)
            merged.append(r);
    }
    return {text, merged};
}

Outcome<protocol::SearchResult> SearchService::search(const Identity &who,
                                                      const protocol::SearchRequest &request) {
    const QStringList words = terms(request.query);
    if (words.isEmpty())
        return invalid(QStringLiteral("the query has no words"), QStringLiteral("query"));
    Cursor cursor;
    cursor.now = nowMs();
    if (request.cursor) {
        const auto decoded = Cursor::decode(*request.cursor);
        if (!decoded)
            return invalid(QStringLiteral("the cursor is not one this server gave"),
                           QStringLiteral("cursor"));
        cursor = *decoded;
    }
    try {
        if (request.conversationId) {
            const auto me = m_conversations->member(*request.conversationId, who.userId);
            if (!me || !me->active)
                return notFound(QStringLiteral("conversation"));
        }
        SearchQuery query;
        query.userId = who.userId;
        query.conversationId = request.conversationId;
        query.terms = words;
        query.now = cursor.now;
        query.beforeScore = cursor.score;
        query.beforeCreatedAt = cursor.createdAt;
        query.afterId = cursor.messageId;
        query.limit = int(request.limit) + 1; // one more tells whether another page follows
        QList<SearchRow> rows = m_store->search(query);

        protocol::SearchResult reply;
        if (rows.size() > request.limit) {
            rows.removeLast();
            reply.nextCursor =
                Cursor{cursor.now, rows.last().score, rows.last().message.createdAt, rows.last().message.id}
                    .encode();
        }
        QHash<QString, Presenter> presenters;
        for (const SearchRow &row : rows) {
            const QString &conversationId = row.message.conversationId;
            auto it = presenters.find(conversationId);
            if (it == presenters.end()) {
                const auto conversation = m_conversations->byId(conversationId);
                if (!conversation)
                    continue;
                it = presenters.insert(conversationId, m_log.presenter(*conversation));
            }
            protocol::SearchHit hit;
            hit.conversationId = conversationId;
            hit.message = it->message(row.message);
            std::tie(hit.snippet, hit.highlights) = snippet(row.message.body, words);
            reply.hits.append(std::move(hit));
        }
        return reply;
    } catch (const StoreError &e) {
        return storeFailure(e);
    }
}

namespace {
//! Where a page of mentions.list ended: `m<created_at>.<seq>.<message id>`.
QString encodeMentionsCursor(const Message &last)
{
    return QStringLiteral("m%1.%2.%3").arg(last.createdAt).arg(last.seq).arg(last.id);
}

std::optional<MentionStore::Before> decodeMentionsCursor(const QString &text)
{
    static const QRegularExpression pattern(
        QStringLiteral("^m(\\d{1,16})\\.(\\d{1,16})\\.([A-Za-z0-9_-]{1,64})$"));
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch())
        return std::nullopt;
    return MentionStore::Before{match.captured(1).toLongLong(), match.captured(2).toLongLong(), match.captured(3)};
}
} // namespace

Outcome<protocol::Mentions> SearchService::mentions(const Identity &who, const protocol::MentionsList &request)
{
    std::optional<MentionStore::Before> before;
    if (request.cursor) {
        before = decodeMentionsCursor(*request.cursor);
        if (!before)
            return invalid(QStringLiteral("the cursor is not one this server gave"), QStringLiteral("cursor"));
    }
    try {
        QList<Message> found = m_mentions->ofUser(who.userId, before, int(request.limit) + 1);
        protocol::Mentions reply;
        if (found.size() > request.limit) {
            found.removeLast();
            reply.nextCursor = encodeMentionsCursor(found.last());
        }
        QHash<QString, Presenter> presenters;
        for (const Message &m : std::as_const(found)) {
            auto it = presenters.find(m.conversationId);
            if (it == presenters.end()) {
                const auto conversation = m_conversations->byId(m.conversationId);
                if (!conversation)
                    continue;
                it = presenters.insert(m.conversationId, m_log.presenter(*conversation));
            }
            protocol::SearchHit hit;
            hit.conversationId = m.conversationId;
            hit.message = it->message(m);
            // The snippet starts before the first mention of me; the highlights are mine and @room.
            QList<protocol::TextRange> mine;
            for (const MentionRecord &r : m.mentions) {
                if (r.room() || r.userId == who.userId)
                    mine.append({r.start, r.length});
            }
            std::sort(mine.begin(), mine.end(), [](const auto &a, const auto &b) { return a.start < b.start; });
            qsizetype start = mine.isEmpty() ? 0 : std::max<qsizetype>(0, mine.first().start - kSnippetChars / 4);
            if (start > 0 && m.body.at(start).isLowSurrogate())
                ++start;
            qsizetype end = std::min<qsizetype>(m.body.size(), start + kSnippetChars);
            if (end < m.body.size() && m.body.at(end).isLowSurrogate())
                --end;
            const QString prefix = start > 0 ? QStringLiteral("…") : QString();
            hit.snippet = prefix + m.body.mid(start, end - start) + (end < m.body.size() ? QStringLiteral("…") : QString());
            for (const protocol::TextRange &r : std::as_const(mine)) {
                if (r.start >= start && r.start + r.length <= end && hit.highlights.size() < 64)
                    hit.highlights.append({r.start - start + prefix.size(), r.length});
            }
            reply.hits.append(std::move(hit));
        }
        return reply;
    } catch (const StoreError &e) {
        return storeFailure(e);
    }
}

} // namespace confab::server

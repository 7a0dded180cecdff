#pragma once

#include "domain/model.h"

#include <QList>
#include <QStringList>

namespace confab::server {

class Database;

//! What to look for, for whom, and where the previous page ended.
struct SearchQuery {
    QString userId;                        //!< only conversations this user is an active member of
    std::optional<QString> conversationId; //!< absent: all of them
    QStringList terms;                     //!< every term must occur in the body (as a substring)
    qint64 now = 0;                        //!< the recency anchor, fixed for all pages of one search
    qint64 beforeScore = 0; //!< keyset: rows ranked after (beforeScore, beforeCreatedAt, afterId)
    qint64 beforeCreatedAt = 0;
    QString afterId;
    int limit = 20;
};

struct SearchRow {
    Message message;
    qint64 score = 0; //!< higher is better; the cursor carries it
};

/*!
 * Message search. Matching is the same on both databases: every term occurs in the body, case
 * insensitive, also inside words (Korean attaches particles to nouns: "회의" must find "회의는").
 * The indexes differ: PostgreSQL has a 'simple' tsvector (word ranking) and, when pg_trgm can be
 * created, a trigram index that serves ILIKE; SQLite has an FTS5 trigram table for terms of three
 * characters or more, and plain LIKE for shorter ones.
 */
class SearchStore {
public:
    explicit SearchStore(Database &db)
        : m_db(db) {}

    //! Schema version 3: the search indexes and whatever keeps them in step with `messages`.
    static void createSchema(Database &db);

    //! Up to `limit` rows in rank order: score descending, then newest first, then message id.
    QList<SearchRow> search(const SearchQuery &query);

private:
    bool hasTrigrams();

    Database &m_db;
    std::optional<bool> m_trigrams;
};

} // namespace confab::server

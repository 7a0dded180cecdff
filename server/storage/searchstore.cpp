#include "searchstore.h"

#include "core/logging.h"
#include "domain/mentions.h"
#include "storage/database.h"

namespace confab::server {

namespace {

// SQLite keeps its own copy of the searchable bodies in an FTS5 table keyed by `doc`, an
// INTEGER PRIMARY KEY: the implicit rowid of `messages` may change on VACUUM, this one does not.
// Triggers keep it in step, so that every write path (send, edit, delete, and any added later)
// is covered without the services knowing about search.
const QStringList kSqliteSchema = {
    QStringLiteral(
        "CREATE TABLE message_search_docs (doc INTEGER PRIMARY KEY, message_id TEXT NOT NULL UNIQUE)"),
    QStringLiteral("CREATE VIRTUAL TABLE message_fts USING fts5(body, tokenize = 'trigram')"),
    QStringLiteral("INSERT INTO message_search_docs (message_id) SELECT id FROM messages WHERE deleted = 0"),
    QStringLiteral("INSERT INTO message_fts (rowid, body) SELECT d.doc, m.body FROM message_search_docs d "
                   "JOIN messages m ON m.id = d.message_id"),
    QStringLiteral(
        R"(CREATE TRIGGER messages_search_insert AFTER INSERT ON messages WHEN new.deleted = 0 BEGIN
        INSERT INTO message_search_docs (message_id) VALUES (new.id);
        INSERT INTO message_fts (rowid, body)
            SELECT doc, new.body FROM message_search_docs WHERE message_id = new.id;
    END)"),
    QStringLiteral(R"(CREATE TRIGGER messages_search_update AFTER UPDATE OF body, deleted ON messages BEGIN
        DELETE FROM message_fts WHERE rowid = (SELECT doc FROM message_search_docs WHERE message_id = old.id);
        DELETE FROM message_search_docs WHERE message_id = old.id;
        INSERT INTO message_search_docs (message_id) SELECT new.id WHERE new.deleted = 0;
        INSERT INTO message_fts (rowid, body)
            SELECT doc, new.body FROM message_search_docs WHERE message_id = new.id;
    END)"),
    QStringLiteral(R"(CREATE TRIGGER messages_search_delete AFTER DELETE ON messages BEGIN
        DELETE FROM message_fts WHERE rowid = (SELECT doc FROM message_search_docs WHERE message_id = old.id);
        DELETE FROM message_search_docs WHERE message_id = old.id;
    END)"),
};

// PostgreSQL derives the tsvector from the body itself, so edits and deletes (which empty the
// body) need no trigger. 'simple': no stemming and no stop words, which suits Korean and mixed text.
const QStringList kPostgresSchema = {
    QStringLiteral("ALTER TABLE messages ADD COLUMN search_tsv tsvector "
                   "GENERATED ALWAYS AS (to_tsvector('simple', body)) STORED"),
    QStringLiteral("CREATE INDEX messages_search_tsv ON messages USING GIN (search_tsv)"),
};

// Terms of fewer characters than this cannot use the SQLite trigram index.
constexpr int kTrigram = 3;
// Scores travel as integers: floating point values would not compare exactly in a cursor.
constexpr double kScoreScale = 100000.0;

const QString kColumns =
    QStringLiteral("id, conversation_id, seq, sender_id, client_id, body, created_at, edited_at, "
                   "deleted, reply_to, mentions");

QString likePattern(const QString &term) {
    QString escaped = term;
    escaped.replace(u'\\', QStringLiteral("\\\\"))
        .replace(u'%', QStringLiteral("\\%"))
        .replace(u'_', QStringLiteral("\\_"));
    return u'%' + escaped + u'%';
}

//! An FTS5 string literal: inside double quotes nothing is an operator, a quote is doubled.
QString ftsString(const QString &term) {
    QString quoted = term;
    quoted.replace(u'"', QStringLiteral("\"\""));
    return u'"' + quoted + u'"';
}

//! A tsquery of word prefixes ORed together (for ranking only). Only letters and digits reach
//! it, so no tsquery operator can be smuggled in.
QString tsQuery(const QStringList &terms) {
    QStringList words;
    for (const QString &term : terms) {
        QString word;
        const auto flush = [&] {
            if (!word.isEmpty())
                words.append(word.toLower() + QStringLiteral(":*"));
            word.clear();
        };
        for (const QChar c : term) {
            if (c.isLetterOrNumber() || c.isSurrogate())
                word.append(c);
            else
                flush();
        }
        flush();
    }
    return words.join(QStringLiteral(" | "));
}

qsizetype characters(const QString &s) {
    return s.toUcs4().size();
}

} // namespace

void SearchStore::createSchema(Database &db) {
    if (db.dialect() == Database::Dialect::SQLite) {
        for (const QString &statement : kSqliteSchema)
            db.execDirect(statement);
        return;
    }
    for (const QString &statement : kPostgresSchema)
        db.execDirect(statement);
    // pg_trgm serves ILIKE '%term%' from an index. It is a contrib extension: a server without it,
    // or a role not allowed to create it, still searches (by scanning), so its failure must not
    // abort the migration's transaction: hence the savepoint.
    db.execDirect(QStringLiteral("SAVEPOINT search_trgm"));
    try {
        db.execDirect(QStringLiteral("CREATE EXTENSION IF NOT EXISTS pg_trgm"));
        db.execDirect(
            QStringLiteral("CREATE INDEX messages_body_trgm ON messages USING GIN (body gin_trgm_ops)"));
        db.execDirect(QStringLiteral("RELEASE SAVEPOINT search_trgm"));
    } catch (const StoreError &e) {
        db.execDirect(QStringLiteral("ROLLBACK TO SAVEPOINT search_trgm"));
        qCWarning(lcStore).noquote() << "pg_trgm is not available, search scans messages instead:"
                                     << e.what();
    }
}

bool SearchStore::hasTrigrams() {
    if (!m_trigrams) {
        QSqlQuery &q =
            m_db.exec(QStringLiteral("SELECT COUNT(*) FROM pg_extension WHERE extname = 'pg_trgm'"));
        m_trigrams = q.next() && q.value(0).toInt() > 0;
        q.finish();
    }
    return *m_trigrams;
}

QList<SearchRow> SearchStore::search(const SearchQuery &query) {
    const bool pg = m_db.dialect() == Database::Dialect::PostgreSQL;
    const QString position = pg ? QStringLiteral("strpos") : QStringLiteral("instr");
    const QString least = pg ? QStringLiteral("LEAST") : QStringLiteral("MIN");
    const QString greatest = pg ? QStringLiteral("GREATEST") : QStringLiteral("MAX");
    const QString text = QStringLiteral("CAST(? AS TEXT)");

    // Innermost: the candidate rows, i.e. authorization and matching. Every value is a parameter.
    QString inner = QStringLiteral("SELECT m.id, m.conversation_id, m.seq, m.sender_id, m.client_id, m.body, "
                                   "m.created_at, m.edited_at, m.deleted, m.reply_to, m.mentions, lower(m.body) AS lb, ");
    QVariantList innerParams;
    QStringList where = {QStringLiteral("mb.user_id = ?"), QStringLiteral("mb.active = 1"),
                         QStringLiteral("m.deleted = 0")};
    QVariantList whereParams = {query.userId};
    if (query.conversationId) {
        where.append(QStringLiteral("m.conversation_id = ?"));
        whereParams.append(*query.conversationId);
    }
    if (pg) {
        const QString ts = tsQuery(query.terms);
        if (ts.isEmpty()) {
            inner += QStringLiteral("0.0");
        } else {
            inner += QStringLiteral("ts_rank(m.search_tsv, to_tsquery('simple', CAST(? AS TEXT)))");
            innerParams.append(ts);
        }
        if (hasTrigrams()) {
            // How close the whole query comes to some run of the body: rewards near-exact phrases.
            inner += QStringLiteral(" + word_similarity(CAST(? AS TEXT), m.body)");
            innerParams.append(query.terms.join(u' '));
        }
        inner += QStringLiteral(
            " AS fts FROM messages m JOIN members mb ON mb.conversation_id = m.conversation_id");
        for (const QString &term : query.terms) {
            where.append(QStringLiteral("m.body ILIKE CAST(? AS TEXT) ESCAPE '\\'"));
            whereParams.append(likePattern(term));
        }
    } else {
        QStringList fts;
        for (const QString &term : query.terms) {
            if (characters(term) >= kTrigram) {
                fts.append(ftsString(term));
            } else {
                where.append(QStringLiteral("m.body LIKE CAST(? AS TEXT) ESCAPE '\\'"));
                whereParams.append(likePattern(term));
            }
        }
        if (fts.isEmpty()) {
            inner += QStringLiteral(
                "0.0 AS fts FROM messages m JOIN members mb ON mb.conversation_id = m.conversation_id");
        } else {
            // bm25 is negative, better matches more so.
            inner += QStringLiteral("-bm25(message_fts) AS fts FROM message_fts "
                                    "JOIN message_search_docs d ON d.doc = message_fts.rowid "
                                    "JOIN messages m ON m.id = d.message_id "
                                    "JOIN members mb ON mb.conversation_id = m.conversation_id");
            where.prepend(QStringLiteral("message_fts MATCH CAST(? AS TEXT)"));
            whereParams.prepend(fts.join(QStringLiteral(" AND ")));
        }
    }
    inner += QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "));

    // Then the score, the same on both databases apart from `fts`: per term, how often it occurs
    // (up to 5), whether it starts a word (+2: "회의" in "회의는") and whether it is a whole word (+1);
    // then the full-text rank, and recency (1 now, ½ after 30 days) to order otherwise equal hits.
    QStringList parts;
    QVariantList scoreParams;
    for (const QString &term : query.terms) {
        parts.append(
            QStringLiteral("%1((length(c.lb) - length(replace(c.lb, lower(%2), ''))) / length(%2), 5)")
                .arg(least, text));
        parts.append(
            QStringLiteral("CASE WHEN %1(' ' || c.lb, lower(%2)) > 0 THEN 2 ELSE 0 END").arg(position, text));
        parts.append(QStringLiteral("CASE WHEN %1(' ' || c.lb || ' ', lower(%2)) > 0 THEN 1 ELSE 0 END")
                         .arg(position, text));
        scoreParams << term << term << QString(u' ' + term) << QString(u' ' + term + u' ');
    }
    parts.append(QStringLiteral("c.fts"));
    parts.append(
        QStringLiteral("1.0 / (1.0 + %1(0, CAST(? AS DOUBLE PRECISION) - c.created_at) / 2592000000.0)")
            .arg(greatest));
    scoreParams.append(double(query.now));
    const QString scored = QStringLiteral("SELECT c.*, CAST(ROUND((%1) * %2) AS BIGINT) AS score FROM (%3) c")
                               .arg(parts.join(QStringLiteral(" + ")))
                               .arg(kScoreScale, 0, 'f', 1)
                               .arg(inner);

    const QString sql = QStringLiteral("SELECT ") + kColumns + QStringLiteral(", score FROM (") + scored +
                        QStringLiteral(") s WHERE s.score < ? OR (s.score = ? AND (s.created_at < ? OR "
                                       "(s.created_at = ? AND s.id > ?))) "
                                       "ORDER BY s.score DESC, s.created_at DESC, s.id LIMIT ?");
    QVariantList params = scoreParams + innerParams + whereParams;
    params << query.beforeScore << query.beforeScore << query.beforeCreatedAt << query.beforeCreatedAt
           << query.afterId << query.limit;

    QSqlQuery &q = m_db.exec(sql, params);
    QList<SearchRow> rows;
    while (q.next()) {
        SearchRow row;
        Message &m = row.message;
        m.id = q.value(0).toString();
        m.conversationId = q.value(1).toString();
        m.seq = q.value(2).toLongLong();
        m.senderId = q.value(3).toString();
        m.clientId = q.value(4).toString();
        m.body = q.value(5).toString();
        m.createdAt = q.value(6).toLongLong();
        if (!q.value(7).isNull())
            m.editedAt = q.value(7).toLongLong();
        m.deleted = q.value(8).toInt() != 0;
        if (!q.value(9).isNull())
            m.replyTo = q.value(9).toString();
        m.mentions = mentions::fromText(q.value(10).toString());
        row.score = q.value(11).toLongLong();
        rows.append(std::move(row));
    }
    q.finish();
    return rows;
}

} // namespace confab::server

#include "matchstore.h"

#include "domain/matching.h"
#include "storage/database.h"

#include <QStringList>

namespace confab::server {

QSet<QString> MatchStore::blockedPairs(const QList<QString> &userIds)
{
    QSet<QString> pairs;
    if (userIds.isEmpty())
        return pairs;
    // One side in SQL, the other here: a pool holds at most a few hundred people.
    QStringList marks;
    QVariantList params;
    for (const QString &id : userIds) {
        marks.append(QStringLiteral("?"));
        params.append(id);
    }
    const QSet<QString> pool(userIds.begin(), userIds.end());
    QSqlQuery &q = m_db.exec(QStringLiteral("SELECT blocker_id, blocked_id FROM blocks WHERE blocker_id IN (") +
                                 marks.join(u", ") + u')',
                             params);
    while (q.next()) {
        const QString blocked = q.value(1).toString();
        if (pool.contains(blocked))
            pairs.insert(matching::pairKey(q.value(0).toString(), blocked));
    }
    q.finish();
    return pairs;
}

QSet<QString> MatchStore::metPairs(const QString &ownerId, const QString &series)
{
    QSet<QString> pairs;
    QSqlQuery &q = m_db.exec(QStringLiteral("SELECT p.user_a, p.user_b FROM match_pairs p "
                                            "JOIN match_rounds r ON r.id = p.round_id "
                                            "WHERE r.owner_id = ? AND r.series = ?"),
                             {ownerId, series});
    while (q.next())
        pairs.insert(matching::pairKey(q.value(0).toString(), q.value(1).toString()));
    q.finish();
    return pairs;
}

int MatchStore::rounds(const QString &ownerId, const QString &series)
{
    QSqlQuery &q = m_db.exec(QStringLiteral("SELECT COUNT(*) FROM match_rounds WHERE owner_id = ? AND series = ?"),
                             {ownerId, series});
    const int count = q.next() ? q.value(0).toInt() : 0;
    q.finish();
    return count;
}

void MatchStore::addRound(const MatchRound &round)
{
    m_db.exec(QStringLiteral("INSERT INTO match_rounds (id, owner_id, series, round, created_at) VALUES (?, ?, ?, ?, ?)"),
              {round.id, round.ownerId, round.series, round.round, round.createdAt})
        .finish();
    for (const MatchRound::Pair &pair : round.pairs) {
        const bool ordered = pair.userA < pair.userB;
        m_db.exec(QStringLiteral("INSERT INTO match_pairs (round_id, user_a, user_b, conversation_id) VALUES (?, ?, ?, ?)"),
                  {round.id, ordered ? pair.userA : pair.userB, ordered ? pair.userB : pair.userA, pair.conversationId})
            .finish();
    }
}

} // namespace confab::server

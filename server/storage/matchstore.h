#pragma once

#include <QList>
#include <QSet>
#include <QString>

namespace confab::server {

class Database;

//! One round of a matching as stored: who asked, in which series, and every two people it put in
//! one room (user_a < user_b), with the room.
struct MatchRound {
    QString id;
    QString ownerId;
    QString series;
    int round = 1;
    qint64 createdAt = 0;
    struct Pair {
        QString userA, userB, conversationId;
    };
    QList<Pair> pairs;
};

/*!
 * The matching's memory (schema version 15): earlier rounds' pairs, and the blocks among a pool.
 * Only the matching reads it, to steer the next round; nothing of it is ever sent to anyone.
 */
class MatchStore {
public:
    explicit MatchStore(Database &db) : m_db(db) {}

    //! Of `userIds`, every two where one blocked the other, as matching::pairKey() ("a\nb", a < b).
    QSet<QString> blockedPairs(const QList<QString> &userIds);
    //! Every two people an earlier round of the owner's series put in one room, as pairKey().
    QSet<QString> metPairs(const QString &ownerId, const QString &series);
    //! How many rounds the owner's series had so far.
    int rounds(const QString &ownerId, const QString &series);
    //! Inside the rooms' transaction.
    void addRound(const MatchRound &round);

private:
    Database &m_db;
};

} // namespace confab::server

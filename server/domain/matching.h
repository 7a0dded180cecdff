#pragma once

// Matching: one pool of people split into blind rooms of about N, each with an even share of
// groups A and B, nobody in a room with someone they blocked or who blocked them, and as few
// pairs as possible who met in an earlier round. Pure: no database, no clock; the randomness
// comes from a seed, so tests are repeatable and the server passes a random one.

#include <QList>
#include <QSet>
#include <QString>

#include <variant>

namespace confab::server::matching {

//! One room of the plan: its members in group A and in group B.
struct Room {
    QList<QString> a;
    QList<QString> b;
};

struct Input {
    //! The caller's split: everyone in A or B. Leave both empty and fill `unsplit` instead to let
    //! the plan split each room into halves.
    QList<QString> poolA, poolB;
    QList<QString> unsplit;
    int roomSize = 2;
    QSet<QString> blocked; //!< pairKey() of two people who must not share a room
    QSet<QString> met;     //!< pairKey() of two people who shared a room before (avoided if possible)
    quint64 seed = 0;
};

struct Plan {
    QList<Room> rooms;
    int repeatedPairs = 0; //!< pairs who meet again because no arrangement found avoided it
};

struct Refusal {
    enum class Kind {
        TooSmall,  //!< fewer people than one room holds
        ShortPool, //!< pool A or B has fewer people than there are rooms: a room would lack a side
        Blocked,   //!< no arrangement found keeps apart everyone who blocked someone
    };
    Kind kind = Kind::TooSmall;
    QString pool;           //!< ShortPool: "a" or "b"
    QList<QString> people;  //!< Blocked: who could not be placed apart (in input order)
};

QString pairKey(const QString &a, const QString &b);
//! Every two people of the room (each pair once, as pairKey()).
QList<QString> pairsOf(const Room &room);
/*!
 * The rooms for `input`: protocol::matchRoomSizes() many, A and B dealt out evenly (equal pools
 * give equal halves), blocked pairs never together, and among the arrangements it finds the one
 * with the fewest repeated pairs. The search is bounded (a local search with restarts), so it
 * answers quickly for the largest pool a request may hold.
 */
std::variant<Plan, Refusal> plan(const Input &input);

} // namespace confab::server::matching

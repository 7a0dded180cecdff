#include "matching.h"

#include "protocol/matchframes.h"

#include <algorithm>
#include <random>
#include <vector>

namespace confab::server::matching {

namespace {

// A blocked pair costs more than every repeated pair of the largest pool together, so that no
// number of avoided repeats ever buys one blocked pair.
constexpr qint64 kBlockedCost = 1'000'000;
// The search's budget in cost evaluations (one evaluation looks at one room): about a tenth of a
// second for the largest pool, and far less for the usual dozen people.
constexpr qint64 kBudget = 3'000'000;
constexpr int kMaxRestarts = 200;

//! The search's own random numbers: the same seed gives the same plan on every platform
//! (std::shuffle and the distributions are free to differ between standard libraries).
class Random {
public:
    explicit Random(quint64 seed) : m_engine(seed) {}
    int below(int n) { return n <= 1 ? 0 : int(m_engine() % quint64(n)); }
    template <class T> void shuffle(std::vector<T> &items)
    {
        for (int i = int(items.size()) - 1; i > 0; --i)
            std::swap(items[size_t(i)], items[size_t(below(i + 1))]);
    }

private:
    std::mt19937_64 m_engine;
};

//! People by index, the cost of each two sharing a room, and which pool each is dealt from.
struct Problem {
    std::vector<QString> ids;
    std::vector<int> pool;         //!< 0: A (or everyone, when the plan splits), 1: B
    std::vector<qint64> cost;      //!< ids² entries: kBlockedCost, 1 (met before) or 0
    std::vector<std::vector<int>> seats; //!< per room, per pool: how many it gets
    qint64 at(int p, int q) const { return cost[size_t(p) * ids.size() + size_t(q)]; }
};

struct State {
    std::vector<std::vector<int>> rooms; //!< people by room
    std::vector<int> roomOf;
    qint64 cost = 0;
};

qint64 costIn(const Problem &problem, int person, const std::vector<int> &room, int without = -1)
{
    qint64 sum = 0;
    for (int other : room) {
        if (other != person && other != without)
            sum += problem.at(person, other);
    }
    return sum;
}

qint64 totalCost(const Problem &problem, const State &state)
{
    qint64 sum = 0;
    for (const std::vector<int> &room : state.rooms) {
        for (size_t i = 0; i < room.size(); ++i) {
            for (size_t j = i + 1; j < room.size(); ++j)
                sum += problem.at(room[i], room[j]);
        }
    }
    return sum;
}

State deal(const Problem &problem, Random &random)
{
    State state;
    state.rooms.resize(problem.seats.size());
    state.roomOf.assign(problem.ids.size(), -1);
    for (int pool = 0; pool < 2; ++pool) {
        std::vector<int> people;
        for (size_t p = 0; p < problem.ids.size(); ++p) {
            if (problem.pool[p] == pool)
                people.push_back(int(p));
        }
        random.shuffle(people);
        size_t next = 0;
        for (size_t r = 0; r < problem.seats.size(); ++r) {
            for (int s = 0; s < problem.seats[r][size_t(pool)]; ++s) {
                state.rooms[r].push_back(people[next]);
                state.roomOf[size_t(people[next])] = int(r);
                ++next;
            }
        }
    }
    state.cost = totalCost(problem, state);
    return state;
}

//! Swaps people of the same pool between rooms while that lowers the cost; `spent` counts the work.
void improve(const Problem &problem, State &state, Random &random, qint64 &spent)
{
    std::vector<int> order(problem.ids.size());
    for (size_t i = 0; i < order.size(); ++i)
        order[i] = int(i);
    for (bool improved = true; improved && state.cost > 0 && spent < kBudget;) {
        improved = false;
        random.shuffle(order);
        for (int p : order) {
            const int from = state.roomOf[size_t(p)];
            const qint64 here = costIn(problem, p, state.rooms[size_t(from)]);
            if (here == 0)
                continue; // nothing to gain by moving someone who is fine where they are
            int bestQ = -1;
            qint64 bestDelta = 0;
            for (int q : order) {
                const int to = state.roomOf[size_t(q)];
                if (to == from || problem.pool[size_t(q)] != problem.pool[size_t(p)])
                    continue;
                spent += 4;
                const qint64 before = here + costIn(problem, q, state.rooms[size_t(to)]);
                const qint64 after = costIn(problem, p, state.rooms[size_t(to)], q) +
                                     costIn(problem, q, state.rooms[size_t(from)], p);
                if (after - before < bestDelta) {
                    bestDelta = after - before;
                    bestQ = q;
                }
            }
            if (bestQ < 0)
                continue;
            const int to = state.roomOf[size_t(bestQ)];
            std::replace(state.rooms[size_t(from)].begin(), state.rooms[size_t(from)].end(), p, bestQ);
            std::replace(state.rooms[size_t(to)].begin(), state.rooms[size_t(to)].end(), bestQ, p);
            state.roomOf[size_t(p)] = to;
            state.roomOf[size_t(bestQ)] = from;
            state.cost += bestDelta;
            improved = true;
            if (state.cost == 0 || spent >= kBudget)
                break;
        }
    }
}

//! Seats per room and pool: A dealt from the first room on, B from the last, so that the rooms'
//! sizes come out as matchRoomSizes() says.
std::vector<std::vector<int>> seatsFor(int rooms, int a, int b)
{
    std::vector<std::vector<int>> seats(size_t(rooms), std::vector<int>(2, 0));
    for (int r = 0; r < rooms; ++r) {
        seats[size_t(r)][0] = a / rooms + (r < a % rooms ? 1 : 0);
        seats[size_t(r)][1] = b / rooms + (r >= rooms - b % rooms ? 1 : 0);
    }
    return seats;
}

} // namespace

QString pairKey(const QString &a, const QString &b)
{
    return a < b ? a + u'\n' + b : b + u'\n' + a;
}

QList<QString> pairsOf(const Room &room)
{
    const QList<QString> everyone = room.a + room.b;
    QList<QString> pairs;
    for (qsizetype i = 0; i < everyone.size(); ++i) {
        for (qsizetype j = i + 1; j < everyone.size(); ++j)
            pairs.append(pairKey(everyone[i], everyone[j]));
    }
    return pairs;
}

std::variant<Plan, Refusal> plan(const Input &input)
{
    const bool split = input.unsplit.isEmpty();
    const int people = int(split ? input.poolA.size() + input.poolB.size() : input.unsplit.size());
    const QList<int> sizes = protocol::matchRoomSizes(people, input.roomSize);
    if (sizes.isEmpty())
        return Refusal{Refusal::Kind::TooSmall, {}, {}};
    const int rooms = int(sizes.size());
    if (split && input.poolA.size() < rooms)
        return Refusal{Refusal::Kind::ShortPool, QStringLiteral("a"), {}};
    if (split && input.poolB.size() < rooms)
        return Refusal{Refusal::Kind::ShortPool, QStringLiteral("b"), {}};

    Problem problem;
    if (split) {
        for (const QString &id : input.poolA) {
            problem.ids.push_back(id);
            problem.pool.push_back(0);
        }
        for (const QString &id : input.poolB) {
            problem.ids.push_back(id);
            problem.pool.push_back(1);
        }
        problem.seats = seatsFor(rooms, int(input.poolA.size()), int(input.poolB.size()));
    } else {
        for (const QString &id : input.unsplit) {
            problem.ids.push_back(id);
            problem.pool.push_back(0);
        }
        for (int size : sizes)
            problem.seats.push_back({size, 0});
    }
    const size_t n = problem.ids.size();
    problem.cost.assign(n * n, 0);
    for (size_t p = 0; p < n; ++p) {
        for (size_t q = 0; q < n; ++q) {
            if (p == q)
                continue;
            const QString key = pairKey(problem.ids[p], problem.ids[q]);
            problem.cost[p * n + q] = input.blocked.contains(key) ? kBlockedCost : input.met.contains(key) ? 1 : 0;
        }
    }

    Random random(input.seed);
    State best;
    qint64 spent = 0;
    for (int restart = 0; restart < kMaxRestarts && spent < kBudget; ++restart) {
        State state = deal(problem, random);
        improve(problem, state, random, spent);
        if (restart == 0 || state.cost < best.cost)
            best = std::move(state);
        if (best.cost == 0)
            break;
    }

    if (best.cost >= kBlockedCost) {
        Refusal refusal{Refusal::Kind::Blocked, {}, {}};
        for (size_t p = 0; p < n; ++p) {
            const std::vector<int> &room = best.rooms[size_t(best.roomOf[p])];
            const bool kept = std::any_of(room.begin(), room.end(),
                                          [&](int q) { return q != int(p) && problem.at(int(p), q) >= kBlockedCost; });
            if (kept)
                refusal.people.append(problem.ids[p]);
        }
        return refusal;
    }

    Plan result;
    result.repeatedPairs = int(best.cost);
    int extraToA = 0; // rooms of an odd size give their extra person to A and B in turn
    for (const std::vector<int> &members : best.rooms) {
        Room room;
        if (split) {
            for (int p : members)
                (problem.pool[size_t(p)] == 0 ? room.a : room.b).append(problem.ids[size_t(p)]);
        } else {
            std::vector<int> order = members;
            random.shuffle(order);
            const size_t half = order.size() / 2 + (order.size() % 2 == 1 && extraToA++ % 2 == 0 ? 1 : 0);
            for (size_t i = 0; i < order.size(); ++i)
                (i < half ? room.a : room.b).append(problem.ids[order[i]]);
        }
        result.rooms.append(room);
    }
    return result;
}

} // namespace confab::server::matching

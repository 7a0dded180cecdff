// The matching plan on its own (server/domain/matching.h), without a server or a database: room
// sizes, the even A/B split, blocked pairs never together, repeated pairs avoided in a later round
// and counted when they cannot be, the refusals, and the same seed giving the same plan.
#include "domain/matching.h"
#include "protocol/matchframes.h"

#include <QtTest>

using namespace confab::server;
using matching::Input;
using matching::Plan;
using matching::Refusal;

namespace {

QList<QString> people(const QString &prefix, int count)
{
    QList<QString> ids;
    for (int i = 0; i < count; ++i)
        ids.append(QStringLiteral("%1%2").arg(prefix).arg(i, 2, 10, QLatin1Char('0')));
    return ids;
}

//! Everyone placed exactly once, and no room holds a pair of `pairs`.
QString problemWith(const Plan &plan, const QList<QString> &everyone, const QSet<QString> &pairs)
{
    QList<QString> placed;
    for (const matching::Room &room : plan.rooms) {
        placed += room.a + room.b;
        for (const QString &pair : matching::pairsOf(room)) {
            if (pairs.contains(pair))
                return QStringLiteral("a room holds %1").arg(QString(pair).replace(u'\n', u'+'));
        }
    }
    QList<QString> expected = everyone;
    std::sort(placed.begin(), placed.end());
    std::sort(expected.begin(), expected.end());
    return placed == expected ? QString() : QStringLiteral("not everyone is placed exactly once");
}

const Plan *planOf(const std::variant<Plan, Refusal> &result)
{
    return std::get_if<Plan>(&result);
}

} // namespace

class TestMatchPlan : public QObject {
    Q_OBJECT
private slots:
    void roomSizes_data()
    {
        QTest::addColumn<int>("people");
        QTest::addColumn<int>("roomSize");
        QTest::addColumn<QList<int>>("sizes");
        QTest::newRow("12 by 4") << 12 << 4 << QList<int>{4, 4, 4};
        QTest::newRow("13 by 4") << 13 << 4 << QList<int>{5, 4, 4};
        QTest::newRow("15 by 4") << 15 << 4 << QList<int>{5, 5, 5};
        QTest::newRow("11 by 6") << 11 << 6 << QList<int>{11};
        QTest::newRow("2 by 2") << 2 << 2 << QList<int>{2};
        QTest::newRow("3 by 4") << 3 << 4 << QList<int>{};
        QTest::newRow("size 1") << 5 << 1 << QList<int>{};
    }
    void roomSizes()
    {
        QFETCH(int, people);
        QFETCH(int, roomSize);
        QFETCH(QList<int>, sizes);
        QCOMPARE(confab::protocol::matchRoomSizes(people, roomSize), sizes);
    }

    //! 12 people in two pools of 6, rooms of 4: three rooms of 2 A + 2 B.
    void poolsSplitEvenly()
    {
        Input input;
        input.poolA = people(QStringLiteral("a"), 6);
        input.poolB = people(QStringLiteral("b"), 6);
        input.roomSize = 4;
        input.seed = 7;
        const auto result = matching::plan(input);
        const Plan *plan = planOf(result);
        QVERIFY(plan);
        QCOMPARE(plan->rooms.size(), 3);
        for (const matching::Room &room : plan->rooms) {
            QCOMPARE(room.a.size(), 2);
            QCOMPARE(room.b.size(), 2);
            for (const QString &id : room.a)
                QVERIFY(input.poolA.contains(id));
            for (const QString &id : room.b)
                QVERIFY(input.poolB.contains(id));
        }
        const QString problem = problemWith(*plan, input.poolA + input.poolB, {});
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QCOMPARE(plan->repeatedPairs, 0);
    }

    //! Uneven pools: every room gets its share of each, and the sizes stay within one.
    void unevenPoolsStayEven()
    {
        Input input;
        input.poolA = people(QStringLiteral("a"), 8);
        input.poolB = people(QStringLiteral("b"), 5);
        input.roomSize = 4;
        input.seed = 3;
        const auto result = matching::plan(input);
        const Plan *plan = planOf(result);
        QVERIFY(plan);
        QList<int> sizes, as, bs;
        for (const matching::Room &room : plan->rooms) {
            sizes.append(int(room.a.size() + room.b.size()));
            as.append(int(room.a.size()));
            bs.append(int(room.b.size()));
        }
        std::sort(sizes.begin(), sizes.end());
        std::sort(as.begin(), as.end());
        std::sort(bs.begin(), bs.end());
        QCOMPARE(sizes, (QList<int>{4, 4, 5}));
        QCOMPARE(as, (QList<int>{2, 3, 3}));
        QCOMPARE(bs, (QList<int>{1, 2, 2}));
    }

    //! Without pools, each room is split into halves; an odd room's extra goes to A and B in turn.
    void theServerSplitsRooms()
    {
        Input input;
        input.unsplit = people(QStringLiteral("p"), 15);
        input.roomSize = 4;
        input.seed = 11;
        const auto result = matching::plan(input);
        const Plan *plan = planOf(result);
        QVERIFY(plan);
        QCOMPARE(plan->rooms.size(), 3);
        int a = 0, b = 0;
        for (const matching::Room &room : plan->rooms) {
            QCOMPARE(room.a.size() + room.b.size(), 5);
            QVERIFY(qAbs(room.a.size() - room.b.size()) == 1);
            a += int(room.a.size());
            b += int(room.b.size());
        }
        QVERIFY(qAbs(a - b) == 1);
        const QString problem = problemWith(*plan, input.unsplit, {});
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    void sameSeedSamePlan()
    {
        Input input;
        input.unsplit = people(QStringLiteral("p"), 20);
        input.roomSize = 4;
        input.blocked = {matching::pairKey(QStringLiteral("p00"), QStringLiteral("p01"))};
        input.seed = 42;
        const auto first = matching::plan(input), again = matching::plan(input);
        const Plan *one = planOf(first), *two = planOf(again);
        QVERIFY(one && two);
        QStringList firstRooms, secondRooms;
        for (const matching::Room &room : one->rooms)
            firstRooms.append((room.a + room.b).join(u','));
        for (const matching::Room &room : two->rooms)
            secondRooms.append((room.a + room.b).join(u','));
        QCOMPARE(firstRooms, secondRooms);
        // Another seed: another arrangement (the chance of the same one is negligible here).
        input.seed = 43;
        const auto reseeded = matching::plan(input);
        const Plan *other = planOf(reseeded);
        QVERIFY(other);
        QStringList third;
        for (const matching::Room &room : other->rooms)
            third.append((room.a + room.b).join(u','));
        QVERIFY(third != firstRooms);
    }

    //! Many blocks, some in chains: nobody shares a room with someone they blocked.
    void blocksAreRespected()
    {
        Input input;
        input.poolA = people(QStringLiteral("a"), 10);
        input.poolB = people(QStringLiteral("b"), 10);
        input.roomSize = 4;
        for (int i = 0; i < 10; ++i) {
            // a_i blocked b_i and b_(i+1): each A person must avoid two of the ten B people.
            input.blocked.insert(matching::pairKey(input.poolA[i], input.poolB[i]));
            input.blocked.insert(matching::pairKey(input.poolA[i], input.poolB[(i + 1) % 10]));
            input.blocked.insert(matching::pairKey(input.poolA[i], input.poolA[(i + 1) % 10]));
        }
        for (quint64 seed = 1; seed <= 20; ++seed) {
            input.seed = seed;
            const auto result = matching::plan(input);
            const Plan *plan = planOf(result);
            QVERIFY2(plan, qPrintable(QStringLiteral("seed %1").arg(seed)));
            const QString problem = problemWith(*plan, input.poolA + input.poolB, input.blocked);
            QVERIFY2(problem.isEmpty(), qPrintable(problem));
        }
    }

    //! No arrangement can keep a01 away from both B people: refused, naming who could not be placed.
    void impossibleBlocksAreRefused()
    {
        Input input;
        input.poolA = {QStringLiteral("a01"), QStringLiteral("a02")};
        input.poolB = {QStringLiteral("b01"), QStringLiteral("b02")};
        input.roomSize = 2;
        input.blocked = {matching::pairKey(QStringLiteral("a01"), QStringLiteral("b01")),
                         matching::pairKey(QStringLiteral("b02"), QStringLiteral("a01"))};
        const auto result = matching::plan(input);
        const auto *refusal = std::get_if<Refusal>(&result);
        QVERIFY(refusal);
        QCOMPARE(refusal->kind, Refusal::Kind::Blocked);
        QVERIFY(refusal->people.contains(QStringLiteral("a01")));
        QVERIFY(!refusal->people.contains(QStringLiteral("a02")));
        QCOMPARE(refusal->people.size(), 2); // a01 and the one B person placed with them
    }

    //! Sixteen people in four rooms of 2 A + 2 B: round two avoids every pair of round one,
    //! whatever the seeds. Twelve in three rooms of four cannot (four people from three rooms of
    //! round one: two of them sat together), and the plan takes the fewest repeats: one per room.
    void repeatsAvoidedWhenPossible()
    {
        for (const int count : {16, 12}) {
            Input input;
            input.poolA = people(QStringLiteral("a"), count / 2);
            input.poolB = people(QStringLiteral("b"), count / 2);
            input.roomSize = 4;
            const int expected = count == 16 ? 0 : 3;
            for (quint64 seed = 1; seed <= 5; ++seed) {
                input.met.clear();
                input.seed = seed * 1000;
                const auto first = matching::plan(input);
                QVERIFY(planOf(first));
                for (const matching::Room &room : planOf(first)->rooms) {
                    for (const QString &pair : matching::pairsOf(room))
                        input.met.insert(pair);
                }
                input.seed = seed * 1000 + 1;
                const auto second = matching::plan(input);
                const Plan *plan = planOf(second);
                QVERIFY(plan);
                QVERIFY2(plan->repeatedPairs == expected,
                         qPrintable(QStringLiteral("%1 people, seed %2: %3 repeats").arg(count).arg(seed).arg(plan->repeatedPairs)));
                int repeats = 0;
                for (const matching::Room &room : plan->rooms) {
                    for (const QString &pair : matching::pairsOf(room))
                        repeats += input.met.contains(pair);
                }
                QCOMPARE(repeats, expected); // what the plan says is what it did
                const QString problem = problemWith(*plan, input.poolA + input.poolB, {});
                QVERIFY2(problem.isEmpty(), qPrintable(problem));
            }
        }

        Input four;
        four.unsplit = people(QStringLiteral("p"), 4);
        four.roomSize = 4;
        four.met = {matching::pairKey(QStringLiteral("p00"), QStringLiteral("p01")),
                    matching::pairKey(QStringLiteral("p02"), QStringLiteral("p03"))};
        const auto again = matching::plan(four);
        QVERIFY(planOf(again));
        QCOMPARE(planOf(again)->repeatedPairs, 2); // one room: both pairs of before meet again
    }

    void refusals()
    {
        Input small;
        small.unsplit = people(QStringLiteral("p"), 3);
        small.roomSize = 4;
        const auto tooSmall = matching::plan(small);
        QVERIFY(std::holds_alternative<Refusal>(tooSmall));
        QCOMPARE(std::get<Refusal>(tooSmall).kind, Refusal::Kind::TooSmall);

        Input lopsided;
        lopsided.poolA = people(QStringLiteral("a"), 7);
        lopsided.poolB = people(QStringLiteral("b"), 1);
        lopsided.roomSize = 4; // two rooms, one B person
        const auto shortPool = matching::plan(lopsided);
        QVERIFY(std::holds_alternative<Refusal>(shortPool));
        QCOMPARE(std::get<Refusal>(shortPool).kind, Refusal::Kind::ShortPool);
        QCOMPARE(std::get<Refusal>(shortPool).pool, QStringLiteral("b"));
    }

    //! The largest pool a request may hold, with blocks and a history: answered, and right.
    void theLargestPool()
    {
        Input input;
        input.poolA = people(QStringLiteral("a"), 128);
        input.poolB = people(QStringLiteral("b"), 128);
        input.roomSize = 4;
        input.seed = 5;
        for (int i = 0; i < 128; ++i) {
            input.blocked.insert(matching::pairKey(input.poolA[i], input.poolB[(i * 7) % 128]));
            input.met.insert(matching::pairKey(input.poolA[i], input.poolB[(i * 3 + 1) % 128]));
        }
        const auto result = matching::plan(input);
        const Plan *plan = planOf(result);
        QVERIFY(plan);
        QCOMPARE(plan->rooms.size(), 64);
        const QString problem = problemWith(*plan, input.poolA + input.poolB, input.blocked + input.met);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }
};

QTEST_GUILESS_MAIN(TestMatchPlan)
#include "tst_matchplan.moc"

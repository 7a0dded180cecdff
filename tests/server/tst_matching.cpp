// Matching (conversation.match) against real servers on both databases: one request makes every
// room of a round, balanced between A and B, with nobody beside someone they blocked; a second
// round of the series avoids the first one's pairs; refusals say what was wrong and make nothing;
// a failure inside the transaction leaves no room behind; the frames every member receives name
// nobody (the blind promise); and on two instances every member gets their room live.
#include "blindscan.h"

#include <QDateTime>

namespace {

MatchCreate pools(const QString &title, const QList<Person *> &a, const QList<Person *> &b, int roomSize)
{
    MatchCreate match;
    match.title = title;
    for (const Person *p : a)
        match.poolA.append(p->id);
    for (const Person *p : b)
        match.poolB.append(p->id);
    match.roomSize = roomSize;
    return match;
}

MatchCreate unsplit(const QString &title, const QList<Person *> &people, int roomSize)
{
    MatchCreate match;
    match.title = title;
    for (const Person *p : people)
        match.members.append(p->id);
    match.roomSize = roomSize;
    return match;
}

//! People with distinct names that no alias or id can contain by chance.
std::vector<std::unique_ptr<Person>> makePeople(const QString &url, const QStringList &names)
{
    std::vector<std::unique_ptr<Person>> people;
    for (const QString &name : names) {
        auto p = std::make_unique<Person>();
        p->username = name.toLower() + QStringLiteral("x7");
        p->displayName = name;
        if (!registerPerson(url, *p))
            return {};
        people.push_back(std::move(p));
    }
    return people;
}

QList<Person *> raw(const std::vector<std::unique_ptr<Person>> &people, int from = 0, int count = -1)
{
    QList<Person *> out;
    const int end = count < 0 ? int(people.size()) : from + count;
    for (int i = from; i < end; ++i)
        out.append(people[size_t(i)].get());
    return out;
}

//! The room `p` was put in this round (the `conversation` pushed to them whose id is in `rooms`).
std::optional<ConversationDetail> roomOf(Person &p, const QSet<QString> &rooms)
{
    std::optional<ConversationDetail> found;
    p.client().waitForPushed([&](const Frame &f) {
        const auto *d = std::get_if<ConversationDetail>(&f);
        if (d && rooms.contains(d->conversation.id))
            found = *d;
        return found.has_value();
    }, 20000);
    return found;
}

QSet<QString> idsOf(const Matched &matched)
{
    QSet<QString> ids;
    for (const ConversationInfo &c : matched.rooms)
        ids.insert(c.id);
    return ids;
}

int roomsOf(TestClient &c)
{
    const Frame reply = c.request(ConversationList{false});
    const auto *list = std::get_if<Conversations>(&reply);
    return list ? int(list->conversations.size()) : -1;
}

bool block(TestDatabase &db, const Person &blocker, const Person &blocked)
{
    return db.execute(QStringLiteral("INSERT INTO blocks (blocker_id, blocked_id, created_at) VALUES ('%1', '%2', 1)")
                          .arg(blocker.id, blocked.id));
}

QString pairOf(const QString &a, const QString &b)
{
    return a < b ? a + u'+' + b : b + u'+' + a;
}

//! Room by room, who of `people` sits where (their pushed `conversation`), and every pair.
struct Seating {
    QHash<QString, QList<Person *>> byRoom;
    QSet<QString> pairs;
    QString problem;
};
Seating seatingOf(const QList<Person *> &people, const Matched &matched)
{
    Seating seating;
    const QSet<QString> rooms = idsOf(matched);
    for (Person *p : people) {
        const auto room = roomOf(*p, rooms);
        if (!room) {
            seating.problem = p->username + QStringLiteral(" got no room");
            return seating;
        }
        seating.byRoom[room->conversation.id].append(p);
    }
    for (const QList<Person *> &room : std::as_const(seating.byRoom)) {
        for (qsizetype i = 0; i < room.size(); ++i) {
            for (qsizetype j = i + 1; j < room.size(); ++j)
                seating.pairs.insert(pairOf(room[i]->id, room[j]->id));
        }
    }
    return seating;
}

//! Nothing `p` received names anyone of `everyone` but themselves.
QString leakTo(const Person &p, const QList<Person *> &everyone)
{
    QList<const Person *> others;
    for (const Person *o : everyone) {
        if (o != &p)
            others.append(o);
    }
    return checkFrames(p, others);
}

} // namespace

class TestMatching : public QObject {
    Q_OBJECT
private slots:
    void initTestCase_data() { addBackendRows(); }

    //! 12 people, six in A and six in B, rooms of four: three rooms of 2 A + 2 B and their owner;
    //! each person gets exactly their room, live, and no frame names anyone.
    void balancedRoomsForEveryone()
    {
        CONFAB_START_HARNESS(h, {});
        Person owner{QStringLiteral("ottoline8"), QStringLiteral("Ottoline Brackwater"), {}, {}};
        QVERIFY(registerPerson(h, owner));
        const auto people = makePeople(h.server().url(), {QStringLiteral("Anselm"), QStringLiteral("Brigida"),
                                                          QStringLiteral("Cosimo"), QStringLiteral("Dervla"),
                                                          QStringLiteral("Eustace"), QStringLiteral("Fenella"),
                                                          QStringLiteral("Gideon"), QStringLiteral("Honoria"),
                                                          QStringLiteral("Ignatius"), QStringLiteral("Jolyon"),
                                                          QStringLiteral("Kerensa"), QStringLiteral("Leofric")});
        QCOMPARE(people.size(), size_t(12));
        const QList<Person *> a = raw(people, 0, 6), b = raw(people, 6, 6);
        MatchCreate match = pools(QStringLiteral("Friday {n}"), a, b, 4);
        match.description = QStringLiteral("Two sides, four people");
        match.series = QStringLiteral("Friday");
        const qint64 at = QDateTime::currentMSecsSinceEpoch() + 2 * 86400000LL;
        match.reveal = RevealPolicy::Scheduled;
        match.revealAt = at;
        const Frame reply = owner.client().request(match);
        const auto *matched = std::get_if<Matched>(&reply);
        QVERIFY2(matched, qPrintable(TestClient::describe(reply)));
        QCOMPARE(matched->rooms.size(), 3);
        QCOMPARE(matched->round, 1);
        QCOMPARE(matched->repeatedPairs, 0);
        QCOMPARE(matched->series, QStringLiteral("Friday"));
        QStringList titles;
        for (const ConversationInfo &room : matched->rooms) {
            titles.append(room.title);
            QCOMPARE(room.kind, ConversationKind::Blind);
            QCOMPARE(room.role, Role::Owner);
            QCOMPARE(room.memberCount, 5);
            QCOMPARE(room.revealAt, std::optional(at));
            QCOMPARE(room.description, std::optional(QStringLiteral("Two sides, four people")));
            QVERIFY(room.me && room.me->alias && !room.me->group);
        }
        titles.sort();
        QCOMPARE(titles, (QStringList{QStringLiteral("Friday 1"), QStringLiteral("Friday 2"), QStringLiteral("Friday 3")}));

        const Seating seating = seatingOf(raw(people), *matched);
        QVERIFY2(seating.problem.isEmpty(), qPrintable(seating.problem));
        QCOMPARE(seating.byRoom.size(), 3);
        for (auto it = seating.byRoom.begin(); it != seating.byRoom.end(); ++it) {
            QCOMPARE(it->size(), 4);
            int inA = 0;
            for (Person *p : *it) {
                const MemberInfo me = meIn(p->client(), it.key());
                QCOMPARE(me.group, std::optional(a.contains(p) ? QStringLiteral("A") : QStringLiteral("B")));
                inA += a.contains(p);
            }
            QCOMPARE(inA, 2);
            // The owner is there, outside the groups, under an alias like everyone.
            const auto detail = detailOf(it->first()->client(), it.key());
            QVERIFY(detail);
            QCOMPARE(detail->members.size(), 5);
            int owners = 0;
            for (const MemberInfo &m : detail->members) {
                QVERIFY(m.alias);
                if (m.role == Role::Owner) {
                    ++owners;
                    QVERIFY(!m.group);
                }
            }
            QCOMPARE(owners, 1);
            QCOMPARE(detail->conversation.revealAt, std::optional(at));
        }
        // Everyone's raw frames, the owner's included: no real id, username or display name of anyone else.
        for (auto it = seating.byRoom.begin(); it != seating.byRoom.end(); ++it) {
            const Frame sent = it->first()->client().request(textMessage(it.key(), QStringLiteral("h1"), QStringLiteral("hello")));
            QVERIFY2(std::holds_alternative<MessageSent>(sent), qPrintable(TestClient::describe(sent)));
        }
        QTest::qWait(200);
        QList<Person *> everyone = raw(people);
        everyone.append(&owner);
        for (Person *p : everyone) {
            const QString problem = leakTo(*p, everyone);
            QVERIFY2(problem.isEmpty(), qPrintable(problem));
        }
    }

    //! Blocks keep people apart; the second round of a series avoids the first one's pairs; when no
    //! arrangement can, the reply counts the repeats; another series starts afresh.
    void blocksAndRepeatedPairs()
    {
        CONFAB_START_HARNESS(h, {});
        Person owner{QStringLiteral("ottoline8"), QStringLiteral("Ottoline Brackwater"), {}, {}};
        QVERIFY(registerPerson(h, owner));
        const auto people = makePeople(h.server().url(), {QStringLiteral("Anselm"), QStringLiteral("Brigida"),
                                                          QStringLiteral("Cosimo"), QStringLiteral("Dervla"),
                                                          QStringLiteral("Eustace"), QStringLiteral("Fenella"),
                                                          QStringLiteral("Gideon"), QStringLiteral("Honoria")});
        QCOMPARE(people.size(), size_t(8));
        const QList<Person *> all = raw(people);
        // Each blocked the next one: four blocks, two in each direction of reading.
        QSet<QString> blocked;
        for (int i = 0; i < 8; i += 2) {
            QVERIFY(block(h.database(), *all[i], *all[i + 1]));
            blocked.insert(pairOf(all[i]->id, all[i + 1]->id));
        }
        MatchCreate match = unsplit(QStringLiteral("Pairs"), all, 2);
        match.series = QStringLiteral("Lunch");
        QSet<QString> met;
        for (int round = 1; round <= 2; ++round) {
            for (Person *p : all)
                p->client().clearPushed();
            const Frame reply = owner.client().request(match);
            const auto *matched = std::get_if<Matched>(&reply);
            QVERIFY2(matched, qPrintable(TestClient::describe(reply)));
            QCOMPARE(matched->round, round);
            QCOMPARE(matched->repeatedPairs, 0);
            QCOMPARE(matched->rooms.size(), 4);
            const Seating seating = seatingOf(all, *matched);
            QVERIFY2(seating.problem.isEmpty(), qPrintable(seating.problem));
            for (const QString &pair : seating.pairs) {
                QVERIFY2(!blocked.contains(pair), qPrintable(QStringLiteral("round %1 put a blocked pair together").arg(round)));
                QVERIFY2(!met.contains(pair), qPrintable(QStringLiteral("round %1 repeated a pair").arg(round)));
            }
            met += seating.pairs;
            // With the server's split: one in A and one in B in every room of two.
            for (auto it = seating.byRoom.begin(); it != seating.byRoom.end(); ++it) {
                QSet<QString> groups;
                for (Person *p : *it)
                    groups.insert(meIn(p->client(), it.key()).group.value_or(QString()));
                QCOMPARE(groups, (QSet<QString>{QStringLiteral("A"), QStringLiteral("B")}));
            }
        }

        // Four people (no blocks among them) in rooms of four, twice: everyone meets everyone again,
        // and the reply says so. Another series knows nothing of it.
        MatchCreate four = unsplit(QStringLiteral("Table"), {all[0], all[2], all[4], all[6]}, 4);
        four.series = QStringLiteral("Table");
        const Frame first = owner.client().request(four);
        QVERIFY2(std::holds_alternative<Matched>(first), qPrintable(TestClient::describe(first)));
        QCOMPARE(std::get<Matched>(first).rooms.first().title, QStringLiteral("Table")); // one room: no number
        QCOMPARE(std::get<Matched>(first).repeatedPairs, 0);
        const Frame second = owner.client().request(four);
        QVERIFY2(std::holds_alternative<Matched>(second), qPrintable(TestClient::describe(second)));
        QCOMPARE(std::get<Matched>(second).round, 2);
        QCOMPARE(std::get<Matched>(second).repeatedPairs, 6);
        four.series = QStringLiteral("Other table");
        const Frame other = owner.client().request(four);
        QVERIFY2(std::holds_alternative<Matched>(other), qPrintable(TestClient::describe(other)));
        QCOMPARE(std::get<Matched>(other).round, 1);
        QCOMPARE(std::get<Matched>(other).repeatedPairs, 0);
    }

    //! Rooms of two from pools where a01 blocked both people of B: nothing is made, and the
    //! refusal names where in the request the people are who could not be placed.
    void impossibleBlocksAreRefused()
    {
        CONFAB_START_HARNESS(h, {});
        Person owner{QStringLiteral("ottoline8"), QStringLiteral("Ottoline Brackwater"), {}, {}};
        QVERIFY(registerPerson(h, owner));
        const auto people = makePeople(h.server().url(), {QStringLiteral("Anselm"), QStringLiteral("Brigida"),
                                                          QStringLiteral("Cosimo"), QStringLiteral("Dervla")});
        const QList<Person *> all = raw(people);
        QVERIFY(block(h.database(), *all[0], *all[2]));
        QVERIFY(block(h.database(), *all[3], *all[0])); // blocked by, too
        const Frame reply = owner.client().request(pools(QStringLiteral("x"), raw(people, 0, 2), raw(people, 2, 2), 2));
        const auto *error = std::get_if<Error>(&reply);
        QVERIFY2(error, qPrintable(TestClient::describe(reply)));
        QCOMPARE(error->code, ErrorCode::Conflict);
        QCOMPARE(error->field, std::optional(QStringLiteral("pool_a[0]")));
        QVERIFY(!error->retryAfterMs);
        QVERIFY(error->message.contains(all[0]->id));
        QCOMPARE(roomsOf(owner.client()), 0);
        for (Person *p : all)
            QCOMPARE(roomsOf(p->client()), 0);
    }

    //! Bad requests: each refused with its code and field, and nothing made.
    void refusals()
    {
        CONFAB_START_HARNESS(h, {});
        Person owner{QStringLiteral("ottoline8"), QStringLiteral("Ottoline Brackwater"), {}, {}};
        QVERIFY(registerPerson(h, owner));
        const auto people = makePeople(h.server().url(), {QStringLiteral("Anselm"), QStringLiteral("Brigida"),
                                                          QStringLiteral("Cosimo"), QStringLiteral("Dervla")});
        const QList<Person *> all = raw(people);
        const auto refused = [&](const MatchCreate &match, ErrorCode code, const QString &field) {
            const Frame reply = owner.client().request(match);
            const auto *error = std::get_if<Error>(&reply);
            if (!error || error->code != code || error->field != field) {
                qWarning("got %s", qPrintable(TestClient::describe(reply)));
                return false;
            }
            return true;
        };
        // Pool too small for one room.
        QVERIFY(refused(unsplit(QStringLiteral("x"), raw(people, 0, 3), 4), ErrorCode::Invalid, QStringLiteral("room_size")));
        // An unknown user, and someone twice.
        MatchCreate unknown = unsplit(QStringLiteral("x"), all, 2);
        unknown.members[1] = QStringLiteral("u_nobody");
        QVERIFY(refused(unknown, ErrorCode::NotFound, QStringLiteral("members[1]")));
        MatchCreate twice = pools(QStringLiteral("x"), raw(people, 0, 2), raw(people, 1, 2), 2);
        QVERIFY(refused(twice, ErrorCode::Invalid, QStringLiteral("pool_b[0]")));
        // Two rooms of two, one person in B.
        QVERIFY(refused(pools(QStringLiteral("x"), raw(people, 0, 3), raw(people, 3, 1), 2), ErrorCode::Invalid,
                        QStringLiteral("pool_b")));
        // A reveal in the past.
        MatchCreate past = unsplit(QStringLiteral("x"), all, 2);
        past.reveal = RevealPolicy::Scheduled;
        past.revealAt = QDateTime::currentMSecsSinceEpoch() - 1000;
        QVERIFY(refused(past, ErrorCode::Invalid, QStringLiteral("reveal_at")));
        // Titles too long once numbered.
        QVERIFY(refused(unsplit(QString(127, u't'), all, 2), ErrorCode::Invalid, QStringLiteral("title")));

        // What the decoder refuses: a room size of one, members beside pools, no pool, one empty pool.
        const QString ids = QStringLiteral("[\"%1\",\"%2\"]").arg(all[0]->id, all[1]->id);
        for (const QString &json : {
                 QStringLiteral(R"({"v":1,"type":"conversation.match","id":"q1","title":"t","members":%1,"room_size":1,"reveal":"mutual","members_invite":false})").arg(ids),
                 QStringLiteral(R"({"v":1,"type":"conversation.match","id":"q2","title":"t","members":%1,"pool_a":%1,"room_size":2,"reveal":"mutual","members_invite":false})").arg(ids),
                 QStringLiteral(R"({"v":1,"type":"conversation.match","id":"q3","title":"t","room_size":2,"reveal":"mutual","members_invite":false})"),
                 QStringLiteral(R"({"v":1,"type":"conversation.match","id":"q4","title":"t","pool_a":%1,"room_size":2,"reveal":"mutual","members_invite":false})").arg(ids),
                 QStringLiteral(R"({"v":1,"type":"conversation.match","id":"q5","title":"","members":%1,"room_size":2,"reveal":"mutual","members_invite":false})").arg(ids)}) {
            owner.client().sendRaw(json.toUtf8());
            const QString id = QJsonDocument::fromJson(json.toUtf8()).object().value(QStringLiteral("id")).toString();
            QVERIFY2(TestClient::isError(owner.client().waitForReply(id), ErrorCode::Invalid), qPrintable(json));
        }
        QCOMPARE(roomsOf(owner.client()), 0);
        for (Person *p : all)
            QCOMPARE(roomsOf(p->client()), 0);
    }

    //! The database refuses the round's last statement: no room, member or event is left, nobody
    //! is told of anything, and the round does not count.
    void aFailureCreatesNothing()
    {
        CONFAB_START_HARNESS(h, {});
        Person owner{QStringLiteral("ottoline8"), QStringLiteral("Ottoline Brackwater"), {}, {}};
        QVERIFY(registerPerson(h, owner));
        const auto people = makePeople(h.server().url(), {QStringLiteral("Anselm"), QStringLiteral("Brigida"),
                                                          QStringLiteral("Cosimo"), QStringLiteral("Dervla")});
        const QList<Person *> all = raw(people);
        const bool postgres = h.database().kind() == TestDatabase::Kind::PostgreSQL;
        // The pairs are written after every room: refusing them fails the round at its very end.
        if (postgres) {
            QVERIFY(h.database().execute(QStringLiteral(
                "CREATE FUNCTION refuse_pairs() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'refused by the test'; END $$ "
                "LANGUAGE plpgsql")));
            QVERIFY(h.database().execute(QStringLiteral(
                "CREATE TRIGGER refuse_pairs BEFORE INSERT ON match_pairs FOR EACH ROW EXECUTE FUNCTION refuse_pairs()")));
        } else {
            QVERIFY(h.database().execute(QStringLiteral(
                "CREATE TRIGGER refuse_pairs BEFORE INSERT ON match_pairs BEGIN SELECT RAISE(ABORT, 'refused by the test'); END")));
        }
        MatchCreate match = unsplit(QStringLiteral("Doomed"), all, 2);
        const Frame reply = owner.client().request(match);
        QVERIFY2(std::holds_alternative<Error>(reply), qPrintable(TestClient::describe(reply)));
        QTest::qWait(300);
        QCOMPARE(roomsOf(owner.client()), 0);
        for (Person *p : all) {
            QCOMPARE(roomsOf(p->client()), 0);
            for (const QString &raw : framesOf(*p))
                QVERIFY2(frameType(raw) != QLatin1StringView("conversation") && frameType(raw) != QLatin1StringView("event"),
                         qPrintable(raw.left(200)));
        }
        QCOMPARE(h.database().firstColumn(QStringLiteral("SELECT COUNT(*) FROM conversations")).value(0).toInt(), 0);
        QCOMPARE(h.database().firstColumn(QStringLiteral("SELECT COUNT(*) FROM members")).value(0).toInt(), 0);
        QCOMPARE(h.database().firstColumn(QStringLiteral("SELECT COUNT(*) FROM events")).value(0).toInt(), 0);
        QCOMPARE(h.database().firstColumn(QStringLiteral("SELECT COUNT(*) FROM match_rounds")).value(0).toInt(), 0);

        QVERIFY(h.database().execute(postgres ? QStringLiteral("DROP TRIGGER refuse_pairs ON match_pairs")
                                              : QStringLiteral("DROP TRIGGER refuse_pairs")));
        const Frame again = owner.client().request(match);
        QVERIFY2(std::holds_alternative<Matched>(again), qPrintable(TestClient::describe(again)));
        QCOMPARE(std::get<Matched>(again).round, 1); // the failed round left no trace
        QCOMPARE(roomsOf(owner.client()), 2);
    }
};

//! Two instances on one PostgreSQL: members connected to the instance that did not take the
//! request get their room live, and their frames name nobody.
class TestMatchingAcrossInstances : public QObject {
    Q_OBJECT
private slots:
    void membersOnTheOtherInstanceGetTheirRooms()
    {
        TestDatabase db(TestDatabase::Kind::PostgreSQL);
        QVERIFY2(db.isValid(), qPrintable(db.errorString()));
        const QMap<QString, QString> settings{{QStringLiteral("limits/send_burst"), QStringLiteral("100000")},
                                              {QStringLiteral("server/requests_per_second"), QStringLiteral("10000")}};
        ServerProcess one(db.url(), settings), two(db.url(), settings);
        QVERIFY2(one.start(), qPrintable(one.errorString()));
        QVERIFY2(two.start(), qPrintable(two.errorString()));
        Person owner{QStringLiteral("ottoline8"), QStringLiteral("Ottoline Brackwater"), {}, {}};
        QVERIFY(registerPerson(one.url(), owner));
        auto here = makePeople(one.url(), {QStringLiteral("Anselm"), QStringLiteral("Brigida"), QStringLiteral("Cosimo")});
        auto there = makePeople(two.url(), {QStringLiteral("Dervla"), QStringLiteral("Eustace"), QStringLiteral("Fenella")});
        QCOMPARE(here.size() + there.size(), size_t(6));
        QList<Person *> everyone = raw(here) + raw(there);
        const Frame reply = owner.client().request(unsplit(QStringLiteral("Across {n}"), everyone, 3));
        const auto *matched = std::get_if<Matched>(&reply);
        QVERIFY2(matched, qPrintable(TestClient::describe(reply)));
        QCOMPARE(matched->rooms.size(), 2);
        const Seating seating = seatingOf(everyone, *matched); // waits for each one's push
        QVERIFY2(seating.problem.isEmpty(), qPrintable(seating.problem));
        // The events of the room reach the other instance too: a message from there arrives here.
        Person *far = there.front().get();
        QString farRoom;
        for (auto it = seating.byRoom.begin(); it != seating.byRoom.end(); ++it) {
            if (it->contains(far))
                farRoom = it.key();
        }
        const Frame sent = far->client().request(textMessage(farRoom, QStringLiteral("x1"), QStringLiteral("from two")));
        QVERIFY2(std::holds_alternative<MessageSent>(sent), qPrintable(TestClient::describe(sent)));
        QVERIFY(owner.client().waitForPushed([&](const Frame &f) {
            const auto *e = std::get_if<Event>(&f);
            return e && e->conversationId == farRoom && e->message && e->message->body == QStringLiteral("from two");
        }));
        QTest::qWait(200);
        everyone.append(&owner);
        for (Person *p : everyone) {
            const QString problem = leakTo(*p, everyone);
            QVERIFY2(problem.isEmpty(), qPrintable(problem));
        }
    }
};

CONFAB_TEST_MAIN_WITH_POSTGRES_ONLY(TestMatching, TestMatchingAcrossInstances)
#include "tst_matching.moc"

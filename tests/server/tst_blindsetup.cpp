// Blind rooms set up and run from the app, against real servers on both databases: a room is
// created with its groups and reveal policy in one request or not at all; refusals say what was
// wrong; the owner moves members between groups and changes the policy as events in the room's
// order; a scheduled reveal shows every name to every member exactly once, at its time and not a
// moment before, also when the server was down at that time; and on two instances sharing
// PostgreSQL it fires once, also when the instance that scheduled it was killed.
#include "blindscan.h"

#include <QDateTime>

namespace {

qint64 now()
{
    return QDateTime::currentMSecsSinceEpoch();
}

GroupAssignment put(const Person &p, const char *group)
{
    return GroupAssignment{p.id, QString::fromLatin1(group)};
}

ConversationCreate blindRoom(const QString &title, const QList<const Person *> &members, BlindSetup setup)
{
    ConversationCreate create{ConversationKind::Blind, title, {}};
    for (const Person *p : members)
        create.members.append(p->id);
    create.blind = std::move(setup);
    return create;
}

//! Every event of the room `c` can read, oldest first (one page: these rooms are small).
QList<Event> historyOf(TestClient &c, const QString &room)
{
    const Frame reply = c.request(HistoryRequest{room, {}, {}, 100});
    const auto *history = std::get_if<History>(&reply);
    return history ? history->events : QList<Event>{};
}

qsizetype countKind(const QList<Event> &events, EventKind kind)
{
    return std::count_if(events.begin(), events.end(), [kind](const Event &e) { return e.kind == kind; });
}

int roomsOf(TestClient &c)
{
    const Frame reply = c.request(ConversationList{false});
    const auto *list = std::get_if<Conversations>(&reply);
    return list ? int(list->conversations.size()) : -1;
}

//! Where the first `revealed_to_all` of `room` is among `p`'s raw frames (all of them when none came).
qsizetype firstRevealFrame(const Person &p, const QString &room)
{
    const QStringList frames = framesOf(p);
    for (qsizetype i = 0; i < frames.size(); ++i) {
        const QJsonObject o = QJsonDocument::fromJson(frames[i].toUtf8()).object();
        if (o.value(QStringLiteral("kind")).toString() == QLatin1StringView("revealed_to_all") &&
            o.value(QStringLiteral("conversation_id")).toString() == room)
            return i;
    }
    return frames.size();
}

//! What in `p`'s frames before the scheduled reveal names anyone in `hidden`, or nothing.
QString leakBeforeReveal(const Person &p, const QString &room, const QList<const Person *> &hidden)
{
    const QStringList frames = framesOf(p).mid(0, firstRevealFrame(p, room));
    for (const QString &raw : frames) {
        for (const Person *other : hidden) {
            if (const QString found = identityIn(raw, *other); !found.isEmpty())
                return QStringLiteral("%1 received \"%2\" before the reveal in: %3").arg(p.username, found, raw.left(300));
        }
    }
    return {};
}

//! The `revealed_to_all` events `p` received for `room`, and that each names a member in full.
bool sawEveryoneRevealed(Person &p, const QString &room, int members)
{
    if (!p.client().waitForPushed(
            [&](const Frame &) { return countKind(p.client().events(room), EventKind::RevealedToAll) >= members; },
            20000))
        return false;
    int revealedOthers = 0;
    for (const Event &e : p.client().events(room)) {
        if (e.kind == EventKind::RevealedToAll && e.member && e.member->revealed)
            ++revealedOthers;
    }
    return revealedOthers == members - 1; // everyone but me, whom I know
}

} // namespace

class TestBlindSetup : public QObject {
    Q_OBJECT
private slots:
    void initTestCase_data() { addBackendRows(); }

    //! One request makes the room with its groups, description, schedule and invite switch; every
    //! member sees their group, and the others' by alias only.
    void createsWithGroupsAndPolicy() {
        CONFAB_START_HARNESS(h, {});
        Person owner{QStringLiteral("olwen3hv"), QStringLiteral("Olwen Hartigan-Voss"), {}, {}};
        Person zelda{QStringLiteral("zelda7qm"), QStringLiteral("Zelda Quincy-Marsh"), {}, {}};
        Person bram{QStringLiteral("bramwell9"), QStringLiteral("Bramwell Oyelaran"), {}, {}};
        Person xio{QStringLiteral("xiomara4f"), QStringLiteral("Xiomara Fenwick"), {}, {}};
        const QList<Person *> people{&owner, &zelda, &bram, &xio};
        for (Person *p : people)
            QVERIFY(registerPerson(h, *p));
        const qint64 at = now() + 3 * 86400000LL;
        ConversationCreate create = blindRoom(QStringLiteral("Friday matching"), {&zelda, &bram, &xio},
                                              BlindSetup{{put(owner, "A"), put(zelda, "A"), put(bram, "B")},
                                                         RevealPolicy::Scheduled, at, true});
        create.description = QStringLiteral("Two sides, four people");
        const Frame created = owner.client().request(create);
        const auto *detail = std::get_if<ConversationDetail>(&created);
        QVERIFY2(detail, qPrintable(TestClient::describe(created)));
        const QString room = detail->conversation.id;
        QCOMPARE(detail->conversation.revealAt, std::optional(at));
        QCOMPARE(detail->conversation.membersInvite, std::optional(true));
        QCOMPARE(detail->conversation.reveals, std::optional(true));
        QCOMPARE(detail->conversation.description, std::optional(QStringLiteral("Two sides, four people")));
        for (Person *p : {&zelda, &bram, &xio})
            QVERIFY(p->client().waitForPushed([&](const Frame &f) {
                const auto *d = std::get_if<ConversationDetail>(&f);
                return d && d->conversation.id == room;
            }));
        QCOMPARE(meIn(owner.client(), room).group, std::optional(QStringLiteral("A")));
        QCOMPARE(meIn(zelda.client(), room).group, std::optional(QStringLiteral("A")));
        QCOMPARE(meIn(bram.client(), room).group, std::optional(QStringLiteral("B")));
        QCOMPARE(meIn(xio.client(), room).group, std::nullopt);
        const auto seenByXio = detailOf(xio.client(), room);
        QCOMPARE(seenByXio->conversation.revealAt, std::optional(at));
        QCOMPARE(seenByXio->members.size(), 4);
        int inA = 0, inB = 0;
        for (const MemberInfo &m : seenByXio->members) {
            inA += m.group == QStringLiteral("A");
            inB += m.group == QStringLiteral("B");
        }
        QCOMPARE(inA, 2);
        QCOMPARE(inB, 1);
        // The log: created, four members, the description, the schedule.
        const QList<Event> log = historyOf(xio.client(), room);
        QCOMPARE(log.size(), 7);
        QCOMPARE(log[5].kind, EventKind::Described);
        QCOMPARE(log[6].kind, EventKind::RevealScheduled);
        QCOMPARE(log[6].revealAt, std::optional(at));
        QTest::qWait(200);
        for (Person *p : people) {
            QList<const Person *> others;
            for (const Person *o : people) {
                if (o != p)
                    others.append(o);
            }
            const QString problem = checkFrames(*p, others);
            QVERIFY2(problem.isEmpty(), qPrintable(problem));
        }

        // With invites on, a member adds someone (without choosing a group); off, they cannot.
        Person thad{QStringLiteral("thaddeus2"), QStringLiteral("Thaddeus Wyndham-Okafor"), {}, {}};
        QVERIFY(registerPerson(h, thad));
        QVERIFY(TestClient::isError(xio.client().request(MembersAdd{room, {thad.id}, QStringLiteral("B")}),
                                    ErrorCode::Forbidden));
        QVERIFY(std::holds_alternative<Ok>(xio.client().request(MembersAdd{room, {thad.id}, std::nullopt})));
        QVERIFY(std::holds_alternative<Ok>(owner.client().request(
            RevealPolicySet{room, RevealPolicy::Scheduled, at, false})));
        Person una{QStringLiteral("unaquill5"), QStringLiteral("Una Quillfeather"), {}, {}};
        QVERIFY(registerPerson(h, una));
        QVERIFY(TestClient::isError(xio.client().request(MembersAdd{room, {una.id}, std::nullopt}), ErrorCode::Forbidden));
    }

    //! A refused creation leaves nothing behind, and says what was wrong.
    void refusalsCreateNothing() {
        CONFAB_START_HARNESS(h, {});
        Person owner{QStringLiteral("olwen3hv"), QStringLiteral("Olwen Hartigan-Voss"), {}, {}};
        Person zelda{QStringLiteral("zelda7qm"), QStringLiteral("Zelda Quincy-Marsh"), {}, {}};
        Person stranger{QStringLiteral("strangr1"), QStringLiteral("Sten Ranger"), {}, {}};
        for (Person *p : {&owner, &zelda, &stranger})
            QVERIFY(registerPerson(h, *p));
        const auto refused = [&](const ConversationCreate &create, ErrorCode code, const QString &field) {
            const Frame reply = owner.client().request(create);
            const auto *error = std::get_if<Error>(&reply);
            if (!error || error->code != code || error->field != field) {
                qWarning("got %s", qPrintable(TestClient::describe(reply)));
                return false;
            }
            return true;
        };
        const BlindSetup mutual{{}, RevealPolicy::Mutual, std::nullopt, false};
        // A group for someone who is not in the room.
        QVERIFY(refused(blindRoom(QStringLiteral("x"), {&zelda}, BlindSetup{{put(stranger, "A")}, RevealPolicy::Mutual, std::nullopt, false}),
                        ErrorCode::Invalid, QStringLiteral("blind.groups")));
        // The same member twice.
        QVERIFY(refused(blindRoom(QStringLiteral("x"), {&zelda}, BlindSetup{{put(zelda, "A"), put(zelda, "B")}, RevealPolicy::Mutual, std::nullopt, false}),
                        ErrorCode::Invalid, QStringLiteral("blind.groups")));
        // A reveal in the past, and one too far ahead.
        QVERIFY(refused(blindRoom(QStringLiteral("x"), {&zelda}, BlindSetup{{}, RevealPolicy::Scheduled, now() - 1000, false}),
                        ErrorCode::Invalid, QStringLiteral("blind.reveal_at")));
        QVERIFY(refused(blindRoom(QStringLiteral("x"), {&zelda}, BlindSetup{{}, RevealPolicy::Scheduled, now() + 400LL * 86400000, false}),
                        ErrorCode::Invalid, QStringLiteral("blind.reveal_at")));
        // An unknown member: nobody is added, no room is made.
        ConversationCreate unknown = blindRoom(QStringLiteral("x"), {&zelda}, mutual);
        unknown.members.append(QStringLiteral("u_nobody"));
        QVERIFY(refused(unknown, ErrorCode::NotFound, QStringLiteral("members")));
        QCOMPARE(roomsOf(owner.client()), 0);
        QCOMPARE(roomsOf(zelda.client()), 0);

        // What the decoder refuses: a blind setup on a group, a schedule without a time, group "C".
        for (const char *json : {
                 R"({"v":1,"type":"conversation.create","id":"q1","kind":"group","title":"t","members":[],"blind":{"reveal":"mutual","members_invite":false}})",
                 R"({"v":1,"type":"conversation.create","id":"q2","kind":"blind","title":"t","members":[],"blind":{"reveal":"scheduled","members_invite":false}})",
                 R"({"v":1,"type":"conversation.create","id":"q3","kind":"blind","title":"t","members":[],"blind":{"groups":[{"user_id":"u_x","group":"C"}],"reveal":"mutual","members_invite":false}})",
                 R"({"v":1,"type":"conversation.reveal.policy","id":"q4","conversation_id":"c_x","reveal":"mutual","reveal_at":5})"}) {
            owner.client().sendRaw(QByteArray(json));
            const QString id = QJsonDocument::fromJson(json).object().value(QStringLiteral("id")).toString();
            QVERIFY2(TestClient::isError(owner.client().waitForReply(id), ErrorCode::Invalid), json);
        }
        QCOMPARE(roomsOf(owner.client()), 0);
    }

    //! Group moves are events in the room's order; only the owner moves; nothing names a real id.
    void groupMovesAndPolicyAreEvents() {
        CONFAB_START_HARNESS(h, {});
        Person owner{QStringLiteral("olwen3hv"), QStringLiteral("Olwen Hartigan-Voss"), {}, {}};
        Person zelda{QStringLiteral("zelda7qm"), QStringLiteral("Zelda Quincy-Marsh"), {}, {}};
        Person bram{QStringLiteral("bramwell9"), QStringLiteral("Bramwell Oyelaran"), {}, {}};
        const QList<Person *> people{&owner, &zelda, &bram};
        for (Person *p : people)
            QVERIFY(registerPerson(h, *p));
        const Frame created = owner.client().request(blindRoom(
            QStringLiteral("Sides"), {&zelda, &bram}, BlindSetup{{put(zelda, "A"), put(bram, "B")}, RevealPolicy::Mutual, std::nullopt, false}));
        QVERIFY2(std::holds_alternative<ConversationDetail>(created), qPrintable(TestClient::describe(created)));
        const QString room = std::get<ConversationDetail>(created).conversation.id;
        QVERIFY(zelda.client().waitForPushed([](const Frame &f) { return std::holds_alternative<ConversationDetail>(f); }));
        const QString zeldaAlias = meIn(zelda.client(), room).id;
        const QString bramAlias = meIn(bram.client(), room).id;
        const qint64 before = detailOf(owner.client(), room)->conversation.lastSeq;

        QVERIFY(TestClient::isError(zelda.client().request(MembersGroup{room, bramAlias, QStringLiteral("A")}),
                                    ErrorCode::Forbidden));
        QVERIFY(TestClient::isError(owner.client().request(MembersGroup{room, QStringLiteral("a_nobody"), QStringLiteral("A")}),
                                    ErrorCode::NotFound));
        QVERIFY(std::holds_alternative<Ok>(owner.client().request(MembersGroup{room, zeldaAlias, QStringLiteral("A")})));
        QCOMPARE(detailOf(owner.client(), room)->conversation.lastSeq, before); // there already: no event
        QVERIFY(std::holds_alternative<Ok>(owner.client().request(MembersGroup{room, zeldaAlias, QStringLiteral("B")})));
        QVERIFY(std::holds_alternative<Ok>(owner.client().request(MembersGroup{room, bramAlias, std::nullopt})));
        QVERIFY(bram.client().waitForPushed([&](const Frame &f) {
            const auto *e = std::get_if<Event>(&f);
            return e && e->kind == EventKind::GroupChanged && e->member && e->member->id == bramAlias && !e->member->group;
        }));
        QCOMPARE(meIn(zelda.client(), room).group, std::optional(QStringLiteral("B")));
        QCOMPARE(meIn(bram.client(), room).group, std::nullopt);

        // The policy: off, then scheduled (reveals back on), moved, cancelled. Refusals first.
        QVERIFY(TestClient::isError(zelda.client().request(RevealPolicySet{room, RevealPolicy::Off, std::nullopt, std::nullopt}),
                                    ErrorCode::Forbidden));
        QVERIFY(TestClient::isError(owner.client().request(RevealPolicySet{room, RevealPolicy::Scheduled, now() - 5, std::nullopt}),
                                    ErrorCode::Invalid));
        QVERIFY(std::holds_alternative<Ok>(owner.client().request(RevealPolicySet{room, RevealPolicy::Off, std::nullopt, std::nullopt})));
        QVERIFY(TestClient::isError(zelda.client().request(ConversationReveal{room, std::nullopt, true}), ErrorCode::Forbidden));
        const qint64 at = now() + 86400000;
        QVERIFY(std::holds_alternative<Ok>(owner.client().request(RevealPolicySet{room, RevealPolicy::Scheduled, at, std::nullopt})));
        QCOMPARE(detailOf(zelda.client(), room)->conversation.revealAt, std::optional(at));
        QCOMPARE(detailOf(zelda.client(), room)->conversation.reveals, std::optional(true));
        QVERIFY(std::holds_alternative<Ok>(owner.client().request(RevealPolicySet{room, RevealPolicy::Scheduled, at + 60000, std::nullopt})));
        QCOMPARE(detailOf(zelda.client(), room)->conversation.revealAt, std::optional(at + 60000));
        QVERIFY(std::holds_alternative<Ok>(owner.client().request(ConversationReveals{room, false}))); // off cancels it
        QCOMPARE(detailOf(zelda.client(), room)->conversation.revealAt, std::nullopt);

        // In order, through sync, for everyone: the same kinds, with alias ids only.
        const Frame synced = bram.client().request(SyncRequest{{{room, before}}});
        const auto *result = std::get_if<SyncResult>(&synced);
        QVERIFY(result && result->conversations.size() == 1);
        QList<EventKind> kinds;
        qint64 seq = before;
        for (const Event &e : result->conversations.first().events) {
            QCOMPARE(e.seq, ++seq);
            kinds.append(e.kind);
        }
        const QList<EventKind> expected{EventKind::GroupChanged,    EventKind::GroupChanged,   EventKind::RevealsAllowed,
                                        EventKind::RevealsAllowed,  EventKind::RevealScheduled, EventKind::RevealScheduled,
                                        EventKind::RevealsAllowed,  EventKind::RevealScheduled};
        QCOMPARE(kinds, expected);
        QTest::qWait(200);
        for (Person *p : people) {
            QList<const Person *> others;
            for (const Person *o : people) {
                if (o != p)
                    others.append(o);
            }
            const QString problem = checkFrames(*p, others);
            QVERIFY2(problem.isEmpty(), qPrintable(problem));
        }
    }

    //! At its time, the scheduled reveal shows every member to every other, once, in order; the
    //! frames before it name nobody; afterwards the time cannot be moved.
    void scheduledRevealFiresOnce() {
        CONFAB_START_HARNESS(h, {});
        Person owner{QStringLiteral("olwen3hv"), QStringLiteral("Olwen Hartigan-Voss"), {}, {}};
        Person zelda{QStringLiteral("zelda7qm"), QStringLiteral("Zelda Quincy-Marsh"), {}, {}};
        Person bram{QStringLiteral("bramwell9"), QStringLiteral("Bramwell Oyelaran"), {}, {}};
        const QList<Person *> people{&owner, &zelda, &bram};
        for (Person *p : people)
            QVERIFY(registerPerson(h, *p));
        const qint64 at = now() + 2500;
        const Frame created = owner.client().request(blindRoom(
            QStringLiteral("At a time"), {&zelda, &bram}, BlindSetup{{put(zelda, "A"), put(bram, "B")}, RevealPolicy::Scheduled, at, false}));
        QVERIFY2(std::holds_alternative<ConversationDetail>(created), qPrintable(TestClient::describe(created)));
        const QString room = std::get<ConversationDetail>(created).conversation.id;
        // Busy until the time: messages, details, sync, all by alias.
        QVERIFY(std::holds_alternative<MessageSent>(zelda.client().request(textMessage(room, QStringLiteral("z1"), QStringLiteral("hi")))));
        QVERIFY(detailOf(bram.client(), room).has_value());

        for (Person *p : people)
            QVERIFY2(sawEveryoneRevealed(*p, room, 3), qPrintable(p->username));
        const QList<Event> log = historyOf(zelda.client(), room);
        QCOMPARE(countKind(log, EventKind::RevealedToAll), 3);
        qint64 previous = 0;
        for (const Event &e : log) {
            if (e.kind != EventKind::RevealedToAll)
                continue;
            QVERIFY(e.at >= at); // not a moment early
            QVERIFY(!e.actorId);
            QVERIFY(previous == 0 || e.seq == previous + 1); // one after the other, nothing between
            previous = e.seq;
        }
        for (Person *p : people) {
            QList<const Person *> others;
            for (const Person *o : people) {
                if (o != p)
                    others.append(o);
            }
            const QString problem = leakBeforeReveal(*p, room, others);
            QVERIFY2(problem.isEmpty(), qPrintable(problem));
        }
        // Afterwards: everyone is revealed in the member list, the schedule is spent.
        const auto detail = detailOf(bram.client(), room);
        QCOMPARE(detail->conversation.revealAt, std::nullopt);
        QVERIFY(detail->conversation.revealedAt && *detail->conversation.revealedAt >= at);
        for (const MemberInfo &m : detail->members)
            QVERIFY(m.id == meIn(bram.client(), room).id || (m.revealed && !m.revealed->id.isEmpty()));
        QVERIFY(TestClient::isError(owner.client().request(RevealPolicySet{room, RevealPolicy::Scheduled, now() + 60000, std::nullopt}),
                                    ErrorCode::Conflict));
        // Someone added later is not revealed to anyone, nor anyone to them.
        Person una{QStringLiteral("unaquill5"), QStringLiteral("Una Quillfeather"), {}, {}};
        QVERIFY(registerPerson(h, una));
        QVERIFY(std::holds_alternative<Ok>(owner.client().request(MembersAdd{room, {una.id}, std::nullopt})));
        QVERIFY(una.client().waitForPushed([](const Frame &f) { return std::holds_alternative<ConversationDetail>(f); }));
        QVERIFY(std::holds_alternative<SyncResult>(una.client().request(SyncRequest{{{room, 0}}})));
        QTest::qWait(200);
        const QString problem = checkFrames(una, {&owner, &zelda, &bram});
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    //! A reveal that fell due while the server was down happens when it starts again.
    void scheduledRevealSurvivesARestart() {
        CONFAB_START_HARNESS(h, {});
        Person owner{QStringLiteral("olwen3hv"), QStringLiteral("Olwen Hartigan-Voss"), {}, {}};
        Person zelda{QStringLiteral("zelda7qm"), QStringLiteral("Zelda Quincy-Marsh"), {}, {}};
        for (Person *p : {&owner, &zelda})
            QVERIFY(registerPerson(h, *p));
        const qint64 at = now() + 1500;
        const Frame created = owner.client().request(
            blindRoom(QStringLiteral("Later"), {&zelda}, BlindSetup{{}, RevealPolicy::Scheduled, at, false}));
        QVERIFY2(std::holds_alternative<ConversationDetail>(created), qPrintable(TestClient::describe(created)));
        const QString room = std::get<ConversationDetail>(created).conversation.id;
        h.server().stop();
        while (now() <= at + 200) // the time passes while no server runs
            QTest::qWait(100);
        QVERIFY2(h.server().start(), qPrintable(h.server().errorString()));
        QVERIFY(reconnect(h, zelda));
        // The new instance fires it at start-up; the first look may come just after sign-in.
        for (int i = 0; i < 100 && countKind(historyOf(zelda.client(), room), EventKind::RevealedToAll) < 2; ++i)
            QTest::qWait(100);
        QCOMPARE(countKind(historyOf(zelda.client(), room), EventKind::RevealedToAll), 2);
        const auto detail = detailOf(zelda.client(), room);
        QVERIFY(detail->conversation.revealedAt);
        bool sawOwner = false;
        for (const MemberInfo &m : detail->members)
            sawOwner = sawOwner || (m.revealed && m.revealed->id == owner.id);
        QVERIFY(sawOwner);
    }
};

//! Two instances on one PostgreSQL: the scheduled reveal happens once, whichever instance is up.
class TestBlindSetupAcrossInstances : public QObject {
    Q_OBJECT
private slots:
    void scheduledRevealFiresOnceOnTwoInstances_data()
    {
        QTest::addColumn<bool>("killScheduler");
        QTest::newRow("both-up") << false;
        QTest::newRow("scheduler-killed") << true;
    }
    void scheduledRevealFiresOnceOnTwoInstances()
    {
        QFETCH(bool, killScheduler);
        TestDatabase db(TestDatabase::Kind::PostgreSQL);
        QVERIFY2(db.isValid(), qPrintable(db.errorString()));
        const QMap<QString, QString> settings{{QStringLiteral("limits/send_burst"), QStringLiteral("100000")},
                                              {QStringLiteral("server/requests_per_second"), QStringLiteral("10000")}};
        ServerProcess one(db.url(), settings), two(db.url(), settings);
        QVERIFY2(one.start(), qPrintable(one.errorString()));
        QVERIFY2(two.start(), qPrintable(two.errorString()));
        Person owner{QStringLiteral("olwen3hv"), QStringLiteral("Olwen Hartigan-Voss"), {}, {}};
        Person zelda{QStringLiteral("zelda7qm"), QStringLiteral("Zelda Quincy-Marsh"), {}, {}};
        Person bram{QStringLiteral("bramwell9"), QStringLiteral("Bramwell Oyelaran"), {}, {}};
        QVERIFY(registerPerson(one.url(), owner));
        QVERIFY(registerPerson(two.url(), zelda));
        QVERIFY(registerPerson(two.url(), bram));
        const qint64 at = now() + 3000;
        const Frame created = owner.client().request(blindRoom(
            QStringLiteral("Across"), {&zelda, &bram}, BlindSetup{{put(zelda, "A"), put(bram, "B")}, RevealPolicy::Scheduled, at, false}));
        QVERIFY2(std::holds_alternative<ConversationDetail>(created), qPrintable(TestClient::describe(created)));
        const QString room = std::get<ConversationDetail>(created).conversation.id;
        if (killScheduler)
            one.kill(); // the instance that took the request dies before the time
        for (Person *p : {&zelda, &bram})
            QVERIFY2(sawEveryoneRevealed(*p, room, 3), qPrintable(p->username));
        // Both instances had their chance (each looks at least once a second): still once.
        while (now() <= at + 2500)
            QTest::qWait(100);
        const QList<Event> log = historyOf(zelda.client(), room);
        QCOMPARE(countKind(log, EventKind::RevealedToAll), 3);
        QCOMPARE(countKind(zelda.client().events(room), EventKind::RevealedToAll), 3);
        QCOMPARE(countKind(bram.client().events(room), EventKind::RevealedToAll), 3);
        for (Person *p : {&zelda, &bram}) {
            QList<const Person *> others; // their own name is in their own auth.ok
            for (const Person *o : {&owner, &zelda, &bram}) {
                if (o != p)
                    others.append(o);
            }
            const QString leak = leakBeforeReveal(*p, room, others);
            QVERIFY2(leak.isEmpty(), qPrintable(leak));
        }
    }
};

CONFAB_TEST_MAIN_WITH_POSTGRES_ONLY(TestBlindSetup, TestBlindSetupAcrossInstances)
#include "tst_blindsetup.moc"

// Who receives a conversation's events after its membership changed. The server keeps each
// conversation's audience between sends; these tests make sure a change (here or on another
// instance) is seen by the very next event: a removed member receives nothing more.
#include "harness.h"

using namespace confab::protocol;
using namespace confab::test;

namespace {
qint64 sent(TestClient &c, const QString &conversationId, const QString &clientId)
{
    const Frame reply = c.request(textMessage(conversationId, clientId, clientId));
    const auto *ok = std::get_if<MessageSent>(&reply);
    return ok ? ok->message.seq : -1;
}

bool receivedSeq(TestClient &c, qint64 seq)
{
    return c.waitForPushed([seq](const Frame &f) {
        const auto *e = std::get_if<Event>(&f);
        return e && e->seq == seq;
    });
}

//! Message events the client was pushed after `seq`. A request first: frames to one connection
//! leave in order, so anything sent to it before the reply has arrived by then.
int messagesAfter(TestClient &c, const QString &conversationId, qint64 seq)
{
    c.request(ConversationList{});
    int count = 0;
    for (const Event &e : c.events(conversationId)) {
        if (e.seq > seq && e.kind == EventKind::Message)
            ++count;
    }
    return count;
}

QMap<QString, QString> loadSettings()
{
    return {{QStringLiteral("limits/send_burst"), QStringLiteral("100000")},
            {QStringLiteral("server/requests_per_second"), QStringLiteral("10000")}};
}
} // namespace

class TestAudience : public QObject {
    Q_OBJECT
private slots:
    void initTestCase_data() { addBackendRows(); }

    void membershipChangesReachTheNextEvent()
    {
        CONFAB_START_HARNESS(h, {});
        auto owner = h.client(QStringLiteral("owner"));
        auto mina = h.client(QStringLiteral("mina"));
        auto joon = h.client(QStringLiteral("joon"));
        QVERIFY(owner && mina && joon);
        const QString room = std::get<ConversationDetail>(owner->request(ConversationCreate{
            ConversationKind::Group, QStringLiteral("room"), {mina->userId(), joon->userId()}})).conversation.id;
        // Several sends: the audience is known and reused.
        for (int i = 0; i < 3; ++i) {
            const qint64 seq = sent(*mina, room, QStringLiteral("warm-%1").arg(i));
            QVERIFY(seq > 0);
            QVERIFY(receivedSeq(*joon, seq));
        }

        QVERIFY(std::holds_alternative<Ok>(owner->request(MembersRemove{room, joon->userId()})));
        QVERIFY(joon->waitForPushed([](const Frame &f) {
            const auto *e = std::get_if<Event>(&f);
            return e && e->kind == EventKind::MemberRemoved;
        }));
        const qint64 removedAt = joon->events(room).constLast().seq;
        for (int i = 0; i < 3; ++i) {
            const qint64 seq = sent(*mina, room, QStringLiteral("after-removal-%1").arg(i));
            QVERIFY(seq > removedAt);
            QVERIFY(receivedSeq(*owner, seq));
        }
        QCOMPARE(messagesAfter(*joon, room, removedAt), 0);

        // Added again: the next message reaches them.
        QVERIFY(std::holds_alternative<Ok>(owner->request(MembersAdd{room, {joon->userId()}})));
        const qint64 back = sent(*mina, room, QStringLiteral("back"));
        QVERIFY(receivedSeq(*joon, back));

        // Leaving works like removal.
        QVERIFY(std::holds_alternative<Ok>(joon->request(ConversationLeave{room})));
        const qint64 leftAfter = sent(*mina, room, QStringLiteral("after-leaving"));
        QVERIFY(receivedSeq(*owner, leftAfter));
        QCOMPARE(messagesAfter(*joon, room, back), 0);
    }

};

class TestAudienceAcrossInstances : public QObject {
    Q_OBJECT
private slots:
    //! The removal is written by one instance; the next message by the other, right after, possibly
    //! before that instance heard of the removal.
    void removalOnAnotherInstance()
    {
        TestDatabase db(TestDatabase::Kind::PostgreSQL);
        QVERIFY2(db.isValid(), qPrintable(db.errorString()));
        ServerProcess one(db.url(), loadSettings()), two(db.url(), loadSettings());
        QVERIFY2(one.start(), qPrintable(one.errorString()));
        QVERIFY2(two.start(), qPrintable(two.errorString()));
        TestClient owner, mina, joon;
        QVERIFY(owner.open(one.url()) && owner.signUp(QStringLiteral("owner")));
        QVERIFY(mina.open(two.url()) && mina.signUp(QStringLiteral("mina")));
        QVERIFY(joon.open(two.url()) && joon.signUp(QStringLiteral("joon")));
        const QString room = std::get<ConversationDetail>(owner.request(ConversationCreate{
            ConversationKind::Group, QStringLiteral("room"), {mina.userId(), joon.userId()}})).conversation.id;
        for (int round = 0; round < 5; ++round) {
            for (int i = 0; i < 2; ++i) {
                const qint64 seq = sent(mina, room, QStringLiteral("warm-%1-%2").arg(round).arg(i));
                QVERIFY(seq > 0);
                QVERIFY(receivedSeq(joon, seq));
            }
            // Sent together: the removal on instance one, a message on instance two at once.
            const QString removal = owner.send(MembersRemove{room, joon.userId()});
            const QString message = mina.send(textMessage(room, QStringLiteral("race-%1").arg(round), QStringLiteral("race")));
            QVERIFY(std::holds_alternative<Ok>(owner.waitForReply(removal)));
            const Frame reply = mina.waitForReply(message);
            QVERIFY(std::holds_alternative<MessageSent>(reply));
            QVERIFY(joon.waitForPushed([](const Frame &f) {
                const auto *e = std::get_if<Event>(&f);
                return e && e->kind == EventKind::MemberRemoved;
            }));
            qint64 removedAt = 0;
            for (const Event &e : joon.events(room)) {
                if (e.kind == EventKind::MemberRemoved)
                    removedAt = e.seq;
            }
            const qint64 after = sent(mina, room, QStringLiteral("after-%1").arg(round));
            QVERIFY(receivedSeq(owner, after));
            QVERIFY(receivedSeq(mina, after));
            QCOMPARE(messagesAfter(joon, room, removedAt), 0);
            QVERIFY(std::holds_alternative<Ok>(owner.request(MembersAdd{room, {joon.userId()}})));
            QVERIFY(joon.waitForPushed([&](const Frame &f) {
                const auto *e = std::get_if<Event>(&f);
                return e && e->kind == EventKind::MemberAdded && e->seq > removedAt;
            }));
            joon.clearPushed();
        }
    }
};

CONFAB_TEST_MAIN_WITH_POSTGRES_ONLY(TestAudience, TestAudienceAcrossInstances)
#include "tst_audience.moc"

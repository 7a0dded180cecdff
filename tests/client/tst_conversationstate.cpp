// ConversationState alone, fed decoded frames (no server, no socket): every event kind applied
// once, duplicates and out-of-order pushes, a gap that asks for `sync`, a snapshot reset, markers
// that never move back, and frames recorded as the server sends them (JSON text, decoded).
#include "conversationstate.h"

#include "protocol/frames.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace confab::client;
using namespace confab::protocol;

namespace {

const QString kMe = QStringLiteral("u-me");
const QString kOther = QStringLiteral("u-other");
const QString kGroup = QStringLiteral("c-group");

MessageInfo message(qint64 seq, const QString &sender = kOther, const QString &body = {})
{
    MessageInfo m;
    m.id = QStringLiteral("m%1").arg(seq);
    m.seq = seq;
    m.senderId = sender;
    m.clientId = QStringLiteral("k%1").arg(seq);
    m.body = body.isEmpty() ? QStringLiteral("text %1").arg(seq) : body;
    m.createdAt = 1'700'000'000'000 + seq;
    return m;
}

Event makeEvent(qint64 seq, EventKind kind, const QString &conversationId = kGroup)
{
    Event e;
    e.conversationId = conversationId;
    e.seq = seq;
    e.kind = kind;
    e.at = 1'700'000'000'000 + seq;
    return e;
}

Event messageEvent(qint64 seq, const QString &sender = kOther)
{
    Event e = makeEvent(seq, EventKind::Message);
    e.message = message(seq, sender);
    return e;
}

ConversationDetail snapshot(const QString &id = kGroup, qint64 lastSeq = 0)
{
    ConversationDetail d;
    d.conversation.id = id;
    d.conversation.kind = ConversationKind::Group;
    d.conversation.title = QStringLiteral("Books");
    d.conversation.lastSeq = lastSeq;
    d.conversation.memberCount = 2;
    MemberInfo me, other;
    me.id = kMe;
    me.name = QStringLiteral("Me");
    other.id = kOther;
    other.name = QStringLiteral("Other");
    d.conversation.me = me;
    d.members = {me, other};
    d.markers = {{kMe, 0, 0}, {kOther, 0, 0}};
    return d;
}

QStringList idsOf(const QList<MessageInfo> &messages)
{
    QStringList ids;
    for (const MessageInfo &m : messages)
        ids.append(m.id);
    return ids;
}

std::optional<MarkerInfo> markerOf(const ConversationState &state, const QString &memberId)
{
    for (const MarkerInfo &m : state.markers(kGroup)) {
        if (m.memberId == memberId)
            return m;
    }
    return std::nullopt;
}

} // namespace

class TestConversationState : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<ConversationState> m_state;
    int m_cacheCount = 0;

    //! A fresh state with one known group (its snapshot came with seq 0).
    ConversationState &fresh()
    {
        m_state = std::make_unique<ConversationState>();
        QString error;
        const QString path = m_dir.filePath(QStringLiteral("cache-%1.sqlite").arg(++m_cacheCount));
        if (!m_state->open(path, &error))
            qFatal("cannot open the cache: %s", qPrintable(error));
        m_state->setMyUserId(kMe);
        m_state->applyDetail(snapshot());
        return *m_state;
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    //! Pins: what pins.list said, then the events: pinned (newest first, a repeat moved to the
    //! front), an edit of a pinned message, a delete that unpins, unpinned, who may pin; a reset
    //! sync makes them unknown again.
    void pinsFollowTheEvents()
    {
        ConversationState &state = fresh();
        QSignalSpy pinsChanged(&state, &ConversationState::pinsChanged);
        QVERIFY(state.applyEvent(messageEvent(1)));
        QVERIFY(state.applyEvent(messageEvent(2)));
        QVERIFY(state.applyEvent(messageEvent(3)));
        QVERIFY(!state.pinsKnown(kGroup));
        QVERIFY(!state.canPin(kGroup)); // a member of a group, where members do not pin
        Pins listed;
        listed.conversationId = kGroup;
        listed.pins = {PinInfo{message(1), kOther, 1000, 1}};
        state.applyPins(listed);
        QVERIFY(state.pinsKnown(kGroup));
        QCOMPARE(pinsChanged.size(), 1);

        Event pinned = makeEvent(4, EventKind::Pinned);
        pinned.actorId = kOther;
        pinned.messageId = QStringLiteral("m2");
        pinned.message = message(2);
        QVERIFY(state.applyEvent(pinned));
        QCOMPARE(state.pins(kGroup).size(), 2);
        QCOMPARE(state.pins(kGroup).first().message.id, QStringLiteral("m2"));
        QCOMPARE(state.pins(kGroup).first().pinnedBy, kOther);
        QCOMPARE(state.pins(kGroup).first().seq, 4);

        Event edit = makeEvent(5, EventKind::Edit);
        edit.messageId = QStringLiteral("m1");
        edit.body = QStringLiteral("edited");
        QVERIFY(state.applyEvent(edit));
        QCOMPARE(state.pins(kGroup).last().message.body, QStringLiteral("edited"));

        Event deleted = makeEvent(6, EventKind::Delete);
        deleted.messageId = QStringLiteral("m1");
        QVERIFY(state.applyEvent(deleted));
        QCOMPARE(state.pins(kGroup).size(), 1);

        Event rights = makeEvent(7, EventKind::PinRightsChanged);
        rights.allowed = true;
        QVERIFY(state.applyEvent(rights));
        QVERIFY(state.membersPin(kGroup));
        QVERIFY(state.canPin(kGroup));

        // Kept in the cache: another start knows them at once, and who may pin.
        {
            ConversationState again;
            QString error;
            QVERIFY2(again.open(m_dir.filePath(QStringLiteral("cache-%1.sqlite").arg(m_cacheCount)), &error),
                     qPrintable(error));
            again.setMyUserId(kMe);
            QVERIFY(again.pinsKnown(kGroup));
            QCOMPARE(again.pins(kGroup).size(), 1);
            QCOMPARE(again.pins(kGroup).first().message.id, QStringLiteral("m2"));
            QVERIFY(again.membersPin(kGroup));
            again.close();
        }

        Event unpinned = makeEvent(8, EventKind::Unpinned);
        unpinned.messageId = QStringLiteral("m2");
        QVERIFY(state.applyEvent(unpinned));
        QVERIFY(state.pins(kGroup).isEmpty());
        QCOMPARE(pinsChanged.size(), 6);
        // Applied once: the same event again changes nothing.
        QVERIFY(state.applyEvent(pinned));
        QVERIFY(state.pins(kGroup).isEmpty());

        // A snapshot: the pins are asked again.
        SyncResult reset;
        SyncEntry entry;
        entry.conversationId = kGroup;
        entry.reset = true;
        entry.conversation = snapshot().conversation;
        entry.events = {messageEvent(20)};
        reset.conversations = {entry};
        state.applySync(reset, false);
        QVERIFY(!state.pinsKnown(kGroup));
    }

    void eachEventKindAppliedOnce()
    {
        ConversationState &state = fresh();
        QSignalSpy changed(&state, &ConversationState::messageChanged);
        QSignalSpy received(&state, &ConversationState::messageReceived);
        QSignalSpy reactions(&state, &ConversationState::reactionsChanged);
        QSignalSpy details(&state, &ConversationState::detailsChanged);
        QSignalSpy wanted(&state, &ConversationState::conversationWanted);

        QVERIFY(state.applyEvent(messageEvent(1)));
        QCOMPARE(received.size(), 1);
        QCOMPARE(state.conversation(kGroup)->unread, 1);
        QCOMPARE(state.conversation(kGroup)->lastMessage->id, QStringLiteral("m1"));

        Event edit = makeEvent(2, EventKind::Edit);
        edit.messageId = QStringLiteral("m1");
        edit.body = QStringLiteral("edited");
        QVERIFY(state.applyEvent(edit));
        QCOMPARE(state.cache().message(kGroup, QStringLiteral("m1"))->body, QStringLiteral("edited"));
        QVERIFY(state.cache().message(kGroup, QStringLiteral("m1"))->editedAt.has_value());
        QCOMPARE(state.conversation(kGroup)->lastMessage->body, QStringLiteral("edited"));

        Event react = makeEvent(3, EventKind::Reaction);
        react.messageId = QStringLiteral("m1");
        react.actorId = kOther;
        react.emoji = QStringLiteral("👍");
        react.add = true;
        QVERIFY(state.applyEvent(react));
        QCOMPARE(reactions.size(), 1);
        QCOMPARE(state.cache().reactions(kGroup, QStringLiteral("m1")).size(), 1);

        Event renamed = makeEvent(4, EventKind::Renamed);
        renamed.title = QStringLiteral("Novels");
        QVERIFY(state.applyEvent(renamed));
        QCOMPARE(state.conversation(kGroup)->title, QStringLiteral("Novels"));

        Event described = makeEvent(5, EventKind::Described);
        described.description = QStringLiteral("What we read");
        QVERIFY(state.applyEvent(described));
        QCOMPARE(state.conversation(kGroup)->description, QStringLiteral("What we read"));
        QCOMPARE(details.size(), 2);

        Event streaming = messageEvent(6);
        streaming.message->stream = StreamInfo{StreamState::Streaming, std::nullopt, std::nullopt};
        QVERIFY(state.applyEvent(streaming));
        QSignalSpy streamed(&state, &ConversationState::streamChanged);
        state.apply(StreamUpdate{kGroup, QStringLiteral("m6"), 6, QStringLiteral("so far")});
        QCOMPARE(streamed.size(), 1);
        QCOMPARE(state.conversation(kGroup)->lastMessage->body, QStringLiteral("so far"));
        Event ended = makeEvent(7, EventKind::StreamEnded);
        ended.message = message(6, kOther, QStringLiteral("the whole text"));
        ended.message->stream = StreamInfo{StreamState::Complete, std::nullopt, std::nullopt};
        QVERIFY(state.applyEvent(ended));
        QCOMPARE(state.cache().message(kGroup, QStringLiteral("m6"))->body, QStringLiteral("the whole text"));
        state.apply(StreamUpdate{kGroup, QStringLiteral("m6"), 6, QStringLiteral("late push")});
        QCOMPARE(streamed.size(), 1); // final already: pushes no longer change it

        Event deleted = makeEvent(8, EventKind::Delete);
        deleted.messageId = QStringLiteral("m1");
        QVERIFY(state.applyEvent(deleted));
        QVERIFY(state.cache().message(kGroup, QStringLiteral("m1"))->deleted);
        QVERIFY(state.cache().message(kGroup, QStringLiteral("m1"))->body.isEmpty());

        // Kinds shown by fetching the conversation as it is now.
        qint64 seq = 9;
        for (EventKind kind : {EventKind::Created, EventKind::MemberAdded, EventKind::MemberRemoved, EventKind::MemberLeft,
                               EventKind::RoleChanged, EventKind::Archived, EventKind::RevealOffered,
                               EventKind::RevealWithdrawn, EventKind::Revealed, EventKind::RevealsAllowed})
            QVERIFY(state.applyEvent(makeEvent(seq++, kind)));
        QCOMPARE(wanted.size(), 10);
        QCOMPARE(state.syncedSeq(kGroup), seq - 1);

        // A reply counts into its thread's root once.
        Event reply = messageEvent(seq);
        reply.message->threadId = QStringLiteral("m6");
        QVERIFY(state.applyEvent(reply));
        QCOMPARE(state.cache().message(kGroup, QStringLiteral("m6"))->replyCount.value_or(0), 1);
        QCOMPARE(received.size(), 3); // m1, m6, the reply: new messages only
        QVERIFY(changed.size() >= received.size());
    }

    void duplicatePushChangesNothing()
    {
        ConversationState &state = fresh();
        QVERIFY(state.applyEvent(messageEvent(1)));
        QSignalSpy changed(&state, &ConversationState::messageChanged);
        QSignalSpy sync(&state, &ConversationState::syncWanted);
        QVERIFY(state.applyEvent(messageEvent(1)));
        state.apply(messageEvent(1));
        QCOMPARE(changed.size(), 0);
        QCOMPARE(sync.size(), 0);
        QCOMPARE(state.conversation(kGroup)->unread, 1);
        QCOMPARE(idsOf(state.cache().messages(kGroup, 0, 100)), QStringList{QStringLiteral("m1")});
    }

    void outOfOrderWaitsForTheGap()
    {
        ConversationState &state = fresh();
        QVERIFY(state.applyEvent(messageEvent(1)));
        QSignalSpy sync(&state, &ConversationState::syncWanted);
        QVERIFY(!state.applyEvent(messageEvent(3))); // 2 is missing: not applied, sync asked
        QCOMPARE(sync.size(), 1);
        QCOMPARE(state.syncedSeq(kGroup), 1);
        QVERIFY(!state.cache().message(kGroup, QStringLiteral("m3")));
        QVERIFY(state.applyEvent(messageEvent(2)));
        QVERIFY(state.applyEvent(messageEvent(3)));
        QCOMPARE(idsOf(state.cache().messages(kGroup, 0, 100)),
                 (QStringList{QStringLiteral("m1"), QStringLiteral("m2"), QStringLiteral("m3")}));
        QCOMPARE(sync.size(), 1);
    }

    void unknownConversationIsFetched()
    {
        ConversationState &state = fresh();
        QSignalSpy wanted(&state, &ConversationState::conversationWanted);
        QSignalSpy resync(&state, &ConversationState::resyncWanted);
        Event e = messageEvent(1);
        e.conversationId = QStringLiteral("c-unknown");
        e.message->id = QStringLiteral("x1");
        QVERIFY(!state.applyEvent(e));
        QCOMPARE(wanted.size(), 1);
        QCOMPARE(wanted.first().first().toString(), QStringLiteral("c-unknown"));
        QCOMPARE(resync.size(), 1);
        // Pushed to me (I was added): it joins, new, and its history comes with a sync.
        QSignalSpy added(&state, &ConversationState::conversationAdded);
        QSignalSpy sync(&state, &ConversationState::syncWanted);
        state.apply(snapshot(QStringLiteral("c-unknown"), 1));
        QCOMPARE(added.size(), 1);
        QCOMPARE(added.first().at(1).toBool(), true);
        QCOMPARE(sync.size(), 1);
    }

    void catchUpWithMoreAsksForTheRest()
    {
        ConversationState &state = fresh();
        SyncEntry entry;
        entry.conversationId = kGroup;
        entry.events = {messageEvent(1), messageEvent(2)};
        entry.hasMore = true;
        QSignalSpy history(&state, &ConversationState::historyWanted);
        state.applySync(SyncResult{{entry}}, false);
        QCOMPARE(history.size(), 1);
        QCOMPARE(history.first().at(1).toLongLong(), 2);
        History page;
        page.events = {messageEvent(3)};
        state.applyHistoryAfter(page, history.first().at(2).toLongLong());
        QCOMPARE(state.syncedSeq(kGroup), 3);
    }

    void snapshotResetStartsOver()
    {
        ConversationState &state = fresh();
        QVERIFY(state.applyEvent(messageEvent(1)));
        QVERIFY(state.applyEvent(messageEvent(2)));
        SyncEntry entry;
        entry.conversationId = kGroup;
        entry.reset = true;
        ConversationDetail now = snapshot(kGroup, 120);
        now.conversation.title = QStringLiteral("After the gap");
        entry.conversation = now.conversation;
        entry.members = now.members;
        entry.markers = now.markers;
        entry.events = {messageEvent(119), messageEvent(120)};
        QSignalSpy reset(&state, &ConversationState::historyReset);
        state.applySync(SyncResult{{entry}}, false);
        QCOMPARE(reset.size(), 1);
        QCOMPARE(idsOf(state.cache().messages(kGroup, 0, 100)), (QStringList{QStringLiteral("m119"), QStringLiteral("m120")}));
        QCOMPARE(state.syncedSeq(kGroup), 120);
        QCOMPARE(state.conversation(kGroup)->title, QStringLiteral("After the gap"));
        QVERIFY(state.applyEvent(messageEvent(121)));

        // A conversation I was added to while away arrives as a reset: new in the list.
        SyncEntry joined = entry;
        joined.conversationId = QStringLiteral("c-joined");
        joined.conversation->id = joined.conversationId;
        for (Event &e : joined.events)
            e.conversationId = joined.conversationId;
        QSignalSpy added(&state, &ConversationState::conversationAdded);
        state.applySync(SyncResult{{joined}}, false);
        QCOMPARE(added.size(), 1);
        QCOMPARE(added.first().at(1).toBool(), true);

        // Removed from it: it goes.
        SyncEntry removed;
        removed.conversationId = joined.conversationId;
        removed.removed = true;
        QSignalSpy gone(&state, &ConversationState::conversationRemoved);
        state.applySync(SyncResult{{removed}}, false);
        QCOMPARE(gone.size(), 1);
        QVERIFY(!state.conversation(joined.conversationId));
    }

    void markersNeverMoveBack()
    {
        ConversationState &state = fresh();
        for (qint64 seq = 1; seq <= 5; ++seq)
            QVERIFY(state.applyEvent(messageEvent(seq)));
        QCOMPARE(state.conversation(kGroup)->unread, 5);
        state.apply(MarkerUpdate{kGroup, kOther, 4, 3});
        state.apply(MarkerUpdate{kGroup, kOther, 2, 1}); // older, arriving late
        QCOMPARE(markerOf(state, kOther)->deliveredSeq, 4);
        QCOMPARE(markerOf(state, kOther)->readSeq, 3);
        // A snapshot from before does not move them back either.
        state.applyDetail(snapshot(kGroup, 5));
        QCOMPARE(markerOf(state, kOther)->readSeq, 3);
        // Read on another device of mine: the badge clears.
        state.apply(MarkerUpdate{kGroup, kMe, 5, 5});
        QCOMPARE(state.conversation(kGroup)->unread, 0);
        QCOMPARE(state.conversation(kGroup)->readSeq, 5);
        // Read here: it moves forward only.
        QVERIFY(!state.markRead(kGroup, 4));
        QVERIFY(state.applyEvent(messageEvent(6)));
        QVERIFY(state.markRead(kGroup, 6));
        Conversations list;
        ConversationInfo stale = snapshot(kGroup, 6).conversation;
        stale.readSeq = 5;
        stale.unread = 1;
        list.conversations = {stale};
        state.applyList(list); // answered before my receipt reached the server
        QCOMPARE(state.conversation(kGroup)->readSeq, 6);
        QCOMPARE(state.conversation(kGroup)->unread, 0);
    }

    void mineAndTheOpenOneDoNotCount()
    {
        ConversationState &state = fresh();
        QVERIFY(state.applyEvent(messageEvent(1, kMe)));
        QCOMPARE(state.conversation(kGroup)->unread, 0);
        state.setOpenConversation(kGroup);
        QVERIFY(state.applyEvent(messageEvent(2)));
        QCOMPARE(state.conversation(kGroup)->unread, 0);
        // My own message, stored by the server: it is the last line.
        MessageSent sent{kGroup, message(3, kMe)};
        state.applySent(kGroup, sent);
        QCOMPARE(state.conversation(kGroup)->lastMessage->id, QStringLiteral("m3"));
    }

    void otherFramesAreIgnored()
    {
        ConversationState &state = fresh();
        QSignalSpy changed(&state, &ConversationState::conversationChanged);
        state.apply(TypingUpdate{kGroup, kOther, true});
        state.apply(PresenceUpdate{kOther, PresenceStatus::Away, std::nullopt});
        state.apply(Frame{});
        QCOMPARE(changed.size(), 0);
        state.apply(MuteUpdate{kGroup, true});
        QCOMPARE(changed.size(), 1);
        QVERIFY(state.conversation(kGroup)->muted);
    }

    //! Mentions of me count into the `@` badge until read; an edit replaces a message's mentions;
    //! the notification level follows conversation.notify.level and the older conversation.muted.
    void mentionsAndNotificationLevels()
    {
        ConversationState &state = fresh();
        Event plain = messageEvent(1);
        Event named = messageEvent(2);
        named.message->mentions = {Mention{kMe, std::nullopt, 0, 3}};
        Event everyone = messageEvent(3);
        everyone.message->mentions = {Mention{std::nullopt, true, 0, 5}};
        Event mine = messageEvent(4, kMe);
        mine.message->mentions = {Mention{std::nullopt, true, 0, 5}}; // my own @room is not about me
        for (const Event &e : {plain, named, everyone, mine})
            QVERIFY(state.applyEvent(e));
        QCOMPARE(state.conversation(kGroup)->unread, 3);
        QCOMPARE(state.conversation(kGroup)->unreadMentions, std::optional<qint64>(2));
        Event edit = makeEvent(5, EventKind::Edit);
        edit.messageId = QStringLiteral("m2");
        edit.body = QStringLiteral("no names now");
        QVERIFY(state.applyEvent(edit));
        QVERIFY(state.cache().message(kGroup, QStringLiteral("m2"))->mentions.isEmpty());
        QVERIFY(state.markRead(kGroup, 5));
        QCOMPARE(state.conversation(kGroup)->unreadMentions, std::optional<qint64>(0));

        state.apply(NotifyUpdate{kGroup, NotifyLevel::Mentions});
        QCOMPARE(state.conversation(kGroup)->notify, std::optional(NotifyLevel::Mentions));
        QVERIFY(!state.conversation(kGroup)->muted);
        state.apply(MuteUpdate{kGroup, false}); // unmuted: "mentions" stays
        QCOMPARE(state.conversation(kGroup)->notify, std::optional(NotifyLevel::Mentions));
        state.apply(MuteUpdate{kGroup, true});
        QCOMPARE(state.conversation(kGroup)->notify, std::optional(NotifyLevel::Nothing));
    }

    void recordedFrames()
    {
        // As the server writes them on the wire (docs/protocol.md), decoded like Connection does.
        ConversationState &state = fresh();
        const char *frames[] = {
            R"({"v":1,"type":"event","conversation_id":"c-group","seq":1,"kind":"message","at":1700000000001,
                "message":{"id":"r1","seq":1,"sender_id":"u-other","client_id":"k1","body":"hello","created_at":1700000000001,"deleted":false}})",
            R"({"v":1,"type":"event","conversation_id":"c-group","seq":2,"kind":"edit","at":1700000000002,
                "message_id":"r1","body":"hello again"})",
            R"({"v":1,"type":"marker","conversation_id":"c-group","member_id":"u-other","delivered_seq":2,"read_seq":2})",
            R"({"v":1,"type":"event","conversation_id":"c-group","seq":2,"kind":"edit","at":1700000000002,
                "message_id":"r1","body":"a replayed edit"})",
        };
        for (const char *text : frames) {
            const auto decoded = decodeFrame(QByteArray(text));
            QVERIFY2(decoded.ok(), qPrintable(decoded.errorString()));
            state.apply(decoded->frame);
        }
        QCOMPARE(state.cache().message(kGroup, QStringLiteral("r1"))->body, QStringLiteral("hello again"));
        QCOMPARE(state.syncedSeq(kGroup), 2);
        QCOMPARE(markerOf(state, kOther)->readSeq, 2);
    }
};

QTEST_GUILESS_MAIN(TestConversationState)
#include "tst_conversationstate.moc"

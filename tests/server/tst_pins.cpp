// Pinned messages against a real server on both databases (docs/protocol.md, "Pinned messages"):
// who may pin where (direct conversations, groups, the owner's switch, the server's default), the
// cap, deleted messages, pins as events in the conversation's order (live, history, sync), the
// list for clients that come later, and blind rooms, where the raw frames never name anyone.
#include "blindscan.h"

namespace {
QString createGroup(TestClient &owner, const QList<QString> &members, ConversationKind kind = ConversationKind::Group)
{
    const Frame reply = owner.request(ConversationCreate{kind, QStringLiteral("Team"), members});
    const auto *detail = std::get_if<ConversationDetail>(&reply);
    if (!detail) {
        qWarning("create failed: %s", qPrintable(TestClient::describe(reply)));
        return {};
    }
    return detail->conversation.id;
}

MessageInfo say(TestClient &c, const QString &conversationId, const QString &clientId, const QString &body)
{
    const Frame reply = c.request(textMessage(conversationId, clientId, body));
    if (const auto *sent = std::get_if<MessageSent>(&reply))
        return sent->message;
    qWarning("send failed: %s", qPrintable(TestClient::describe(reply)));
    return {};
}

bool refused(const Frame &frame, ErrorCode code, const QString &words = {})
{
    const auto *error = std::get_if<Error>(&frame);
    if (!error || error->code != code || !error->message.contains(words)) {
        qWarning("expected %s \"%s\", got %s", qPrintable(enumName(code)), qPrintable(words),
                 qPrintable(TestClient::describe(frame)));
        return false;
    }
    return true;
}

bool ok(const Frame &frame)
{
    if (std::holds_alternative<Ok>(frame))
        return true;
    qWarning("expected ok, got %s", qPrintable(TestClient::describe(frame)));
    return false;
}

Pins pinsOf(TestClient &c, const QString &conversationId)
{
    const Frame reply = c.request(PinsList{conversationId});
    if (const auto *pins = std::get_if<Pins>(&reply))
        return *pins;
    qWarning("pins.list failed: %s", qPrintable(TestClient::describe(reply)));
    return {};
}

QList<QString> pinnedIds(TestClient &c, const QString &conversationId)
{
    QList<QString> ids;
    for (const PinInfo &p : pinsOf(c, conversationId).pins)
        ids.append(p.message.id);
    return ids;
}

qint64 lastSeqOf(TestClient &c, const QString &conversationId)
{
    const Frame reply = c.request(ConversationGet{conversationId});
    const auto *detail = std::get_if<ConversationDetail>(&reply);
    return detail ? detail->conversation.lastSeq : -1;
}

std::function<bool(const Frame &)> pinEvent(const QString &conversationId, EventKind kind, const QString &messageId)
{
    return [=](const Frame &f) {
        const auto *e = std::get_if<Event>(&f);
        return e && e->conversationId == conversationId && e->kind == kind && e->messageId == messageId;
    };
}
} // namespace

class TestPins : public QObject {
    Q_OBJECT
private slots:
    void initTestCase_data() { addBackendRows(); }

    //! Both members of a direct conversation pin and unpin; each change is one event, a repeat none.
    void directConversationsPinAndUnpin()
    {
        CONFAB_START_HARNESS(h, {});
        auto mina = h.client(QStringLiteral("mina"));
        auto joon = h.client(QStringLiteral("joon"));
        QVERIFY(mina && joon);
        const QString direct = createGroup(*mina, {joon->userId()}, ConversationKind::Direct);
        QVERIFY(!direct.isEmpty());
        const MessageInfo hello = say(*mina, direct, QStringLiteral("k1"), QStringLiteral("the wifi password is on the fridge"));
        QVERIFY(!hello.id.isEmpty());

        const Pins empty = pinsOf(*joon, direct);
        QVERIFY(empty.pins.isEmpty());
        QVERIFY(empty.membersPin); // direct: always

        QVERIFY(ok(joon->request(MessagePin{direct, hello.id, true})));
        QVERIFY(mina->waitForPushed(pinEvent(direct, EventKind::Pinned, hello.id)));
        const Event pinned = mina->events(direct).last();
        QCOMPARE(pinned.actorId, std::optional(joon->userId()));
        QCOMPARE(pinned.seq, hello.seq + 1);
        QVERIFY(pinned.message);
        QCOMPARE(pinned.message->body, hello.body);

        const Pins listed = pinsOf(*mina, direct);
        QCOMPARE(listed.pins.size(), 1);
        QCOMPARE(listed.pins.first().message.id, hello.id);
        QCOMPARE(listed.pins.first().message.body, hello.body);
        QCOMPARE(listed.pins.first().pinnedBy, joon->userId());
        QCOMPARE(listed.pins.first().seq, pinned.seq);
        QCOMPARE(listed.pins.first().pinnedAt, pinned.at);

        // A repeat changes nothing: no event, no seq.
        QVERIFY(ok(mina->request(MessagePin{direct, hello.id, true})));
        QCOMPARE(lastSeqOf(*mina, direct), pinned.seq);
        QVERIFY(ok(mina->request(MessagePin{direct, hello.id, false})));
        QVERIFY(joon->waitForPushed(pinEvent(direct, EventKind::Unpinned, hello.id)));
        QCOMPARE(joon->events(direct).last().seq, pinned.seq + 1);
        QCOMPARE(joon->events(direct).last().actorId, std::optional(mina->userId()));
        QVERIFY(ok(mina->request(MessagePin{direct, hello.id, false})));
        QCOMPARE(lastSeqOf(*mina, direct), pinned.seq + 1);
        QVERIFY(pinnedIds(*joon, direct).isEmpty());

        // Nobody decides who pins in a direct conversation.
        QVERIFY(refused(mina->request(PinRights{direct, false}), ErrorCode::Invalid));
    }

    //! Groups: owners and admins pin; members once the owner lets them; only the owner decides.
    void groupsPinByRole()
    {
        CONFAB_START_HARNESS(h, {});
        auto mina = h.client(QStringLiteral("mina"));
        auto joon = h.client(QStringLiteral("joon"));
        auto sora = h.client(QStringLiteral("sora"));
        auto taro = h.client(QStringLiteral("taro"));
        QVERIFY(mina && joon && sora && taro);
        const QString group = createGroup(*mina, {joon->userId(), sora->userId()});
        QVERIFY(!group.isEmpty());
        const MessageInfo agenda = say(*joon, group, QStringLiteral("j1"), QStringLiteral("agenda for Monday"));

        QVERIFY(refused(joon->request(MessagePin{group, agenda.id, true}), ErrorCode::Forbidden,
                        QStringLiteral("only owners and admins pin messages here")));
        QVERIFY(!pinsOf(*joon, group).membersPin);
        // Someone from outside learns nothing, not even that the conversation exists.
        QVERIFY(refused(taro->request(MessagePin{group, agenda.id, true}), ErrorCode::NotFound));
        QVERIFY(refused(taro->request(PinsList{group}), ErrorCode::NotFound));

        QVERIFY(ok(mina->request(MembersRole{group, sora->userId(), Role::Admin})));
        QVERIFY(ok(sora->request(MessagePin{group, agenda.id, true})));
        QVERIFY(joon->waitForPushed(pinEvent(group, EventKind::Pinned, agenda.id)));
        QVERIFY(refused(joon->request(MessagePin{group, agenda.id, false}), ErrorCode::Forbidden,
                        QStringLiteral("only owners and admins unpin")));

        // Only the owner changes who pins; the change is an event for everyone.
        QVERIFY(refused(sora->request(PinRights{group, true}), ErrorCode::Forbidden,
                        QStringLiteral("only the owner decides who pins messages")));
        QVERIFY(ok(mina->request(PinRights{group, true})));
        QVERIFY(joon->waitForPushed([&](const Frame &f) {
            const auto *e = std::get_if<Event>(&f);
            return e && e->kind == EventKind::PinRightsChanged && e->allowed == true &&
                   e->actorId == mina->userId();
        }));
        const qint64 afterRights = lastSeqOf(*mina, group);
        QVERIFY(ok(mina->request(PinRights{group, true}))); // as it was: no event
        QCOMPARE(lastSeqOf(*mina, group), afterRights);
        QVERIFY(pinsOf(*joon, group).membersPin);
        QVERIFY(ok(joon->request(MessagePin{group, agenda.id, false})));
        QVERIFY(sora->waitForPushed(pinEvent(group, EventKind::Unpinned, agenda.id)));

        QVERIFY(ok(mina->request(PinRights{group, false})));
        QVERIFY(refused(joon->request(MessagePin{group, agenda.id, true}), ErrorCode::Forbidden));
    }

    //! The server's default lets members pin where the owner did not decide; the owner's word wins.
    void theServersDefault()
    {
        CONFAB_START_HARNESS(h, {{QStringLiteral("messages/members_pin"), QStringLiteral("true")}});
        auto mina = h.client(QStringLiteral("mina"));
        auto joon = h.client(QStringLiteral("joon"));
        QVERIFY(mina && joon);
        const QString group = createGroup(*mina, {joon->userId()});
        const MessageInfo note = say(*mina, group, QStringLiteral("m1"), QStringLiteral("note"));
        QVERIFY(pinsOf(*joon, group).membersPin);
        QVERIFY(ok(joon->request(MessagePin{group, note.id, true})));
        QVERIFY(ok(mina->request(PinRights{group, false})));
        QVERIFY(!pinsOf(*joon, group).membersPin);
        QVERIFY(refused(joon->request(MessagePin{group, note.id, false}), ErrorCode::Forbidden));
    }

    //! At most field::kMaxPinsPerConversation; deleted messages cannot be pinned, and deleting
    //! unpins; unknown messages and messages of other conversations are not found.
    void theCapAndDeletedMessages()
    {
        CONFAB_START_HARNESS(h, {});
        auto mina = h.client(QStringLiteral("mina"));
        auto joon = h.client(QStringLiteral("joon"));
        QVERIFY(mina && joon);
        const QString group = createGroup(*mina, {joon->userId()});
        const QString other = createGroup(*joon, {mina->userId()});
        QList<MessageInfo> sent;
        for (int i = 0; i <= field::kMaxPinsPerConversation; ++i)
            sent.append(say(*mina, group, QStringLiteral("c%1").arg(i), QStringLiteral("rule %1").arg(i)));
        for (int i = 0; i < field::kMaxPinsPerConversation; ++i)
            QVERIFY(ok(mina->request(MessagePin{group, sent[i].id, true})));
        const qint64 full = lastSeqOf(*mina, group);
        const Frame over = mina->request(MessagePin{group, sent.last().id, true});
        QVERIFY(refused(over, ErrorCode::Conflict, QStringLiteral("has 50 pinned messages, the most it can have: unpin one first")));
        QCOMPARE(std::get<Error>(over).field, std::optional(QStringLiteral("message_id")));
        QCOMPARE(lastSeqOf(*mina, group), full); // refused: no seq taken
        QCOMPARE(pinsOf(*mina, group).pins.size(), field::kMaxPinsPerConversation);
        // Newest pin first.
        QCOMPARE(pinsOf(*mina, group).pins.first().message.id, sent[field::kMaxPinsPerConversation - 1].id);

        // Deleting a pinned message unpins it (the delete event says so); its place is free again.
        QVERIFY(ok(mina->request(MessageDelete{group, sent[3].id})));
        QVERIFY(joon->waitForPushed([&](const Frame &f) {
            const auto *e = std::get_if<Event>(&f);
            return e && e->kind == EventKind::Delete && e->messageId == sent[3].id;
        }));
        QVERIFY(!pinnedIds(*joon, group).contains(sent[3].id));
        QCOMPARE(pinsOf(*joon, group).pins.size(), field::kMaxPinsPerConversation - 1);
        QVERIFY(refused(mina->request(MessagePin{group, sent[3].id, true}), ErrorCode::Invalid,
                        QStringLiteral("a deleted message cannot be pinned")));
        QVERIFY(ok(mina->request(MessagePin{group, sent.last().id, true})));
        QVERIFY(refused(mina->request(MessagePin{group, QStringLiteral("m_nothing"), true}), ErrorCode::NotFound));
        const MessageInfo elsewhere = say(*joon, other, QStringLiteral("o1"), QStringLiteral("elsewhere"));
        QVERIFY(refused(mina->request(MessagePin{group, elsewhere.id, true}), ErrorCode::NotFound,
                        QStringLiteral("message not found")));
        // Bad input gets the decoder's answer.
        mina->sendRaw(QByteArrayLiteral(R"({"v":1,"type":"message.pin","id":"x1","conversation_id":"c","message_id":"m"})"));
        QVERIFY(TestClient::isError(mina->waitForReply(QStringLiteral("x1")), ErrorCode::Invalid));
    }

    //! Pins take the conversation's next seq: history and sync bring them in order, gap-free, with
    //! the pinned message; a reset sync is followed by pins.list.
    void pinsAreEventsInSync()
    {
        CONFAB_START_HARNESS(h, {});
        auto mina = h.client(QStringLiteral("mina"));
        auto joon = h.client(QStringLiteral("joon"));
        QVERIFY(mina && joon);
        const QString group = createGroup(*mina, {joon->userId()});
        const MessageInfo first = say(*joon, group, QStringLiteral("j1"), QStringLiteral("first"));
        const qint64 seen = first.seq;
        joon->close();

        QVERIFY(ok(mina->request(MessagePin{group, first.id, true})));
        const MessageInfo second = say(*mina, group, QStringLiteral("m2"), QStringLiteral("second"));
        QVERIFY(ok(mina->request(MessagePin{group, second.id, true})));
        QVERIFY(ok(mina->request(MessagePin{group, first.id, false})));
        QVERIFY(ok(mina->request(PinRights{group, true})));

        auto back = h.client({});
        QVERIFY(back && back->signIn(QStringLiteral("joon")));
        const Frame reply = back->request(SyncRequest{{{group, seen}}});
        const auto *sync = std::get_if<SyncResult>(&reply);
        QVERIFY2(sync, qPrintable(TestClient::describe(reply)));
        QCOMPARE(sync->conversations.size(), 1);
        const QList<Event> events = sync->conversations.first().events;
        QList<EventKind> kinds;
        for (qsizetype i = 0; i < events.size(); ++i) {
            kinds.append(events[i].kind);
            QCOMPARE(events[i].seq, seen + 1 + i); // gap-free, in order
        }
        QCOMPARE(kinds, (QList<EventKind>{EventKind::Pinned, EventKind::Message, EventKind::Pinned, EventKind::Unpinned,
                                          EventKind::PinRightsChanged}));
        QVERIFY(events[0].message && events[0].message->id == first.id && events[0].message->body == QStringLiteral("first"));
        QCOMPARE(events[0].messageId, std::optional(first.id));
        QCOMPARE(events[3].messageId, std::optional(first.id));
        QVERIFY(!events[3].message);
        QCOMPARE(events[4].allowed, std::optional(true));

        // History says the same, and the list what is pinned now.
        const auto history = std::get<History>(back->request(HistoryRequest{group, {}, seen, 50}));
        QCOMPARE(history.events.size(), events.size());
        QCOMPARE(history.events[2].message->id, second.id);
        QCOMPARE(pinnedIds(*back, group), QList<QString>{second.id});
        // An edit shows in the list (the message as it is now).
        QVERIFY(ok(mina->request(MessageEdit{group, second.id, QStringLiteral("second, edited")})));
        QCOMPARE(pinsOf(*back, group).pins.first().message.body, QStringLiteral("second, edited"));
    }

    //! Blind rooms: pins name aliases only, in every frame anyone receives.
    void blindRoomsNameAliasesOnly()
    {
        CONFAB_START_HARNESS(h, {});
        Person owner{QStringLiteral("olwen3hv"), QStringLiteral("Olwen Hartigan-Voss"), {}, {}};
        Person zelda{QStringLiteral("zelda7qm"), QStringLiteral("Zelda Quincy-Marsh"), {}, {}};
        Person bram{QStringLiteral("bramwell9"), QStringLiteral("Bramwell Oyelaran"), {}, {}};
        QList<Person *> people{&owner, &zelda, &bram};
        for (Person *p : people)
            QVERIFY(registerPerson(h, *p));
        const QString room = createGroup(owner.client(), {zelda.id, bram.id}, ConversationKind::Blind);
        QVERIFY(!room.isEmpty());
        QVERIFY(zelda.client().waitForPushed([&](const Frame &f) {
            const auto *d = std::get_if<ConversationDetail>(&f);
            return d && d->conversation.id == room;
        }));
        const MemberInfo zeldaAlias = meIn(zelda.client(), room);
        const MemberInfo ownerAlias = meIn(owner.client(), room);
        QVERIFY(isAliasName(zeldaAlias.name));
        const qint64 bramSeen = lastSeqOf(bram.client(), room);
        bram.client().close();

        const MessageInfo said = say(zelda.client(), room, QStringLiteral("z1"), QStringLiteral("pin me please"));
        QVERIFY(refused(zelda.client().request(MessagePin{room, said.id, true}), ErrorCode::Forbidden));
        QVERIFY(ok(owner.client().request(MessagePin{room, said.id, true})));
        QVERIFY(zelda.client().waitForPushed(pinEvent(room, EventKind::Pinned, said.id)));
        QCOMPARE(zelda.client().events(room).last().actorId, std::optional(ownerAlias.id));
        QCOMPARE(zelda.client().events(room).last().message->senderId, zeldaAlias.id);
        QVERIFY(ok(owner.client().request(PinRights{room, true})));
        const MessageInfo more = say(owner.client(), room, QStringLiteral("o1"), QStringLiteral("and this"));
        QVERIFY(ok(zelda.client().request(MessagePin{room, more.id, true})));
        const Pins listed = pinsOf(zelda.client(), room);
        QCOMPARE(listed.pins.size(), 2);
        QCOMPARE(listed.pins[0].pinnedBy, zeldaAlias.id);
        QCOMPARE(listed.pins[1].pinnedBy, ownerAlias.id);
        QCOMPARE(listed.pins[1].message.senderId, zeldaAlias.id);

        // Bram comes back: sync, history and the list, and the live unpin.
        QVERIFY(reconnect(h, bram));
        QVERIFY(std::holds_alternative<SyncResult>(bram.client().request(SyncRequest{{{room, bramSeen}}})));
        QVERIFY(std::holds_alternative<History>(bram.client().request(HistoryRequest{room, {}, {}, 100})));
        QCOMPARE(pinsOf(bram.client(), room).pins.size(), 2);
        QVERIFY(ok(owner.client().request(MessagePin{room, said.id, false})));
        QVERIFY(bram.client().waitForPushed(pinEvent(room, EventKind::Unpinned, said.id)));
        QTest::qWait(300); // the last fan-out, everywhere, before the scan

        QSet<QString> typesSeen;
        for (Person *receiver : people) {
            for (const QString &raw : framesOf(*receiver))
                typesSeen.insert(frameType(raw));
            QList<const Person *> others;
            for (const Person *p : people) {
                if (p != receiver)
                    others.append(p);
            }
            // One's own identity comes in the sign-in only; the scan skips nothing else.
            QStringList frames;
            for (const QString &raw : framesOf(*receiver)) {
                if (frameType(raw) == QStringLiteral("auth.ok"))
                    continue;
                for (const Person *other : others) {
                    const QString found = identityIn(raw, *other);
                    QVERIFY2(found.isEmpty(), qPrintable(QStringLiteral("%1 received \"%2\" (%3) in: %4")
                                                             .arg(receiver->username, found, other->username, raw.left(400))));
                }
            }
        }
        for (const char *type : {"pins", "event", "sync.result", "history", "ok", "error"})
            QVERIFY2(typesSeen.contains(QLatin1StringView(type)), type);
    }
};

QTEST_GUILESS_MAIN(TestPins)
#include "tst_pins.moc"

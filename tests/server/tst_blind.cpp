// Blind rooms (DESIGN.md invariant 5) against a real server on both databases: no frame about a
// blind room names another member, aliases are unique, stable and per room, and an alias id leads
// nowhere outside its room.
#include "harness.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <memory>
#include <vector>

using namespace confab::protocol;
using namespace confab::test;

namespace {
const QString kPassword = QStringLiteral("correct horse 1");

//! Someone taking part, with every connection they ever had (closed ones too: their frames count).
struct Person {
    QString username;
    QString displayName;
    QString id;
    std::vector<std::unique_ptr<TestClient>> connections;
    TestClient &client() { return *connections.back(); }
};

bool registerPerson(Harness &h, Person &p) {
    auto c = std::make_unique<TestClient>();
    if (!c->open(h.server().url()))
        return false;
    AuthRegister reg;
    reg.username = p.username;
    reg.password = kPassword;
    reg.displayName = p.displayName;
    reg.device = QStringLiteral("test");
    const Frame reply = c->request(reg);
    const auto *ok = std::get_if<AuthOk>(&reply);
    if (!ok) {
        qWarning("sign-up of %s failed: %s", qPrintable(p.username), qPrintable(TestClient::describe(reply)));
        return false;
    }
    p.id = ok->user.id;
    p.connections.push_back(std::move(c));
    return true;
}

//! A new connection for `p`, as after a restart of their app.
bool reconnect(Harness &h, Person &p) {
    p.client().close();
    auto c = std::make_unique<TestClient>();
    if (!c->open(h.server().url()) || !c->signIn(p.username, kPassword))
        return false;
    p.connections.push_back(std::move(c));
    return true;
}

void collectStrings(const QJsonValue &value, QStringList &out) {
    if (value.isString()) {
        out.append(value.toString());
    } else if (value.isArray()) {
        for (const QJsonValue &v : value.toArray())
            collectStrings(v, out);
    } else if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            out.append(it.key());
            collectStrings(it.value(), out);
        }
    }
}

/*!
 * What in `raw` would identify `p`, or an empty string. The raw text is searched, and so is every
 * decoded string, so that an escaped form ("\u005aelda") cannot hide a name. The user id is matched
 * exactly, username and display name without regard to case, and so is each word of the display
 * name on its own, as a whole word: ids are runs of random letters and digits, and must not match
 * a short name by chance.
 */
QString identityIn(const QString &raw, const Person &p) {
    QStringList haystacks{raw};
    collectStrings(QJsonDocument::fromJson(raw.toUtf8()).object(), haystacks);
    for (const QString &haystack : std::as_const(haystacks)) {
        if (haystack.contains(p.id))
            return p.id;
        for (const QString &name : {p.username, p.displayName}) {
            if (haystack.contains(name, Qt::CaseInsensitive))
                return name;
        }
        static const QRegularExpression separators(QStringLiteral("[\\s\\-]+"));
        for (const QString &word : p.displayName.split(separators, Qt::SkipEmptyParts)) {
            const QRegularExpression whole(
                QStringLiteral("(?<![A-Za-z0-9])%1(?![A-Za-z0-9])").arg(QRegularExpression::escape(word)),
                QRegularExpression::CaseInsensitiveOption);
            if (haystack.contains(whole))
                return word;
        }
    }
    return {};
}

QString frameType(const QString &raw) {
    return QJsonDocument::fromJson(raw.toUtf8()).object().value(QStringLiteral("type")).toString();
}

MessageSend textMessage(const QString &conversationId, const QString &clientId, const QString &body) {
    MessageSend send;
    send.conversationId = conversationId;
    send.clientId = clientId;
    send.body = body;
    return send;
}

std::function<bool(const Frame &)> eventOf(const QString &conversationId, EventKind kind) {
    return [conversationId, kind](const Frame &f) {
        const auto *e = std::get_if<Event>(&f);
        return e && e->conversationId == conversationId && e->kind == kind;
    };
}

std::optional<ConversationDetail> detailOf(TestClient &c, const QString &conversationId) {
    const Frame reply = c.request(ConversationGet{conversationId});
    if (const auto *detail = std::get_if<ConversationDetail>(&reply))
        return *detail;
    qWarning("conversation.get failed: %s", qPrintable(TestClient::describe(reply)));
    return std::nullopt;
}

//! How `c` appears in the room: their own alias, from `me`.
MemberInfo meIn(TestClient &c, const QString &conversationId) {
    const auto detail = detailOf(c, conversationId);
    return detail && detail->conversation.me ? *detail->conversation.me : MemberInfo{};
}

bool isAliasName(const QString &name) {
    static const QRegularExpression pattern(QStringLiteral("^[A-Z][a-z]+ [A-Z][a-z]+$"));
    return pattern.match(name).hasMatch();
}
} // namespace

class TestBlind : public QObject {
    Q_OBJECT
private slots:
    void initTestCase_data() { addBackendRows(); }

    //! The scanner itself finds a name however it is written; otherwise the leak test proves nothing.
    void scannerFindsIdentities() {
        Person zelda{
            QStringLiteral("zelda7qm"), QStringLiteral("Zelda Quincy-Marsh"), QStringLiteral("u_AbCdEf"), {}};
        QVERIFY(!identityIn(QStringLiteral(R"({"name":"ZELDA QUINCY-MARSH"})"), zelda).isEmpty());
        QVERIFY(!identityIn(QStringLiteral(R"({"body":"it was \u005aelda7qm!"})"), zelda).isEmpty());
        QVERIFY(!identityIn(QStringLiteral(R"({"x":"quincy"})"), zelda).isEmpty());
        QVERIFY(!identityIn(QStringLiteral(R"({"x":"by marsh, for sure"})"), zelda).isEmpty());
        QVERIFY(!identityIn(QStringLiteral(R"({"sender_id":"u_AbCdEf"})"), zelda).isEmpty());
        QVERIFY(identityIn(QStringLiteral(R"({"sender_id":"a_xQuincyx","name":"Quiet Otter"})"), zelda)
                    .isEmpty());
        Person seo{QStringLiteral("seo9x"), QStringLiteral("비밀 서연"), QStringLiteral("u_Q1"), {}};
        QVERIFY(!identityIn(QStringLiteral(R"({"name":"\uc11c\uc5f0"})"), seo).isEmpty());
    }

    void noFrameIdentifiesAnotherMember() {
        CONFAB_START_HARNESS(h, {{QStringLiteral("limits/sync_gap_max"), QStringLiteral("10")},
                                 {QStringLiteral("limits/typing_expire_ms"), QStringLiteral("1000")}});
        Person owner{QStringLiteral("olwen3hv"), QStringLiteral("Olwen Hartigan-Voss"), {}, {}};
        Person zelda{QStringLiteral("zelda7qm"), QStringLiteral("Zelda Quincy-Marsh"), {}, {}};
        Person bram{QStringLiteral("bramwell9"), QStringLiteral("Bramwell Oyelaran"), {}, {}};
        Person xio{QStringLiteral("xiomara4f"), QStringLiteral("Xiomara 달비나 Fenwick"), {}, {}};
        Person thad{QStringLiteral("thaddeus2"), QStringLiteral("Thaddeus Wyndham-Okafor"), {}, {}};
        const QList<Person *> people{&owner, &zelda, &bram, &xio, &thad};
        for (Person *p : people)
            QVERIFY(registerPerson(h, *p));

        // The owner knows whom they add (by user id, as from user.lookup); nobody else learns it.
        const Frame created = owner.client().request(ConversationCreate{
            ConversationKind::Blind, QStringLiteral("Anonymous feedback"), {zelda.id, bram.id}});
        const auto *createdDetail = std::get_if<ConversationDetail>(&created);
        QVERIFY2(createdDetail, qPrintable(TestClient::describe(created)));
        const QString room = createdDetail->conversation.id;
        QVERIFY(std::holds_alternative<Ok>(
            owner.client().request(MembersAdd{room, {xio.id}, QStringLiteral("A")})));
        QVERIFY(std::holds_alternative<Ok>(
            owner.client().request(MembersAdd{room, {thad.id, zelda.id}, QStringLiteral("B")})));
        for (Person *p : people) {
            if (p != &owner)
                QVERIFY(p->client().waitForPushed(
                    [](const Frame &f) { return std::holds_alternative<ConversationDetail>(f); }));
        }
        QHash<Person *, MemberInfo> alias;
        for (Person *p : people) {
            alias.insert(p, meIn(p->client(), room));
            QVERIFY(alias[p].alias);
            QVERIFY2(isAliasName(alias[p].name), qPrintable(alias[p].name));
            QVERIFY(alias[p].id.startsWith(QStringLiteral("a_")));
            QVERIFY(!alias[p].username);
        }
        QCOMPARE(alias[&xio].group, std::optional(QStringLiteral("A")));
        QCOMPARE(alias[&thad].group, std::optional(QStringLiteral("B")));
        QCOMPARE(alias[&zelda].group, std::nullopt); // already a member: the add skipped her
        QCOMPARE(alias[&owner].role, Role::Owner);

        // Messages, a reply, an edit, reactions and deletes.
        const Frame z1 =
            zelda.client().request(textMessage(room, QStringLiteral("z-1"), QStringLiteral("first note")));
        QVERIFY2(std::holds_alternative<MessageSent>(z1), qPrintable(TestClient::describe(z1)));
        const MessageInfo zeldaMessage = std::get<MessageSent>(z1).message;
        QCOMPARE(zeldaMessage.senderId, alias[&zelda].id);
        MessageSend reply = textMessage(room, QStringLiteral("b-1"), QStringLiteral("a reply"));
        reply.replyTo = zeldaMessage.id;
        const Frame b1 = bram.client().request(reply);
        QVERIFY2(std::holds_alternative<MessageSent>(b1), qPrintable(TestClient::describe(b1)));
        const QString bramMessage = std::get<MessageSent>(b1).message.id;
        const QString xioMessage =
            std::get<MessageSent>(
                xio.client().request(textMessage(room, QStringLiteral("x-1"), QStringLiteral("third note"))))
                .message.id;
        QVERIFY(std::holds_alternative<Ok>(zelda.client().request(
            MessageEdit{room, zeldaMessage.id, QStringLiteral("first note, edited")})));
        QVERIFY(std::holds_alternative<Ok>(
            bram.client().request(MessageReact{room, zeldaMessage.id, QStringLiteral("👍"), true})));
        QVERIFY(std::holds_alternative<Ok>(
            xio.client().request(MessageReact{room, zeldaMessage.id, QStringLiteral("🎉"), true})));
        QVERIFY(std::holds_alternative<Ok>(
            xio.client().request(MessageReact{room, zeldaMessage.id, QStringLiteral("🎉"), false})));
        QVERIFY(std::holds_alternative<Ok>(
            owner.client().request(MessageDelete{room, xioMessage}))); // as moderator
        QVERIFY(std::holds_alternative<Ok>(bram.client().request(MessageDelete{room, bramMessage})));
        QVERIFY(zelda.client().waitForPushed([&](const Frame &f) {
            const auto *e = std::get_if<Event>(&f);
            return e && e->kind == EventKind::Reaction && e->actorId == alias[&bram].id;
        }));

        // Typing and receipts name aliases.
        QVERIFY(std::holds_alternative<Ok>(zelda.client().request(Typing{room, true})));
        QVERIFY(bram.client().waitForPushed([&](const Frame &f) {
            const auto *t = std::get_if<TypingUpdate>(&f);
            return t && t->memberId == alias[&zelda].id && t->active;
        }));
        QVERIFY(std::holds_alternative<Ok>(zelda.client().request(Typing{room, false})));
        // Presence goes to contacts outside blind rooms only: here, to nobody.
        QVERIFY(std::holds_alternative<Ok>(zelda.client().request(PresenceSet{PresenceStatus::Away})));
        QVERIFY(std::holds_alternative<Ok>(zelda.client().request(PresenceSet{PresenceStatus::Online})));
        // Typing that is never stopped expires, and stops when the typer goes away.
        QVERIFY(std::holds_alternative<Ok>(thad.client().request(Typing{room, true})));
        const qint64 lastSeq = detailOf(owner.client(), room)->conversation.lastSeq;
        QVERIFY(std::holds_alternative<Ok>(bram.client().request(Receipt{room, ReceiptKind::Read, lastSeq})));
        QVERIFY(
            std::holds_alternative<Ok>(xio.client().request(Receipt{room, ReceiptKind::Delivered, lastSeq})));
        QVERIFY(std::holds_alternative<Ok>(
            zelda.client().request(Receipt{room, ReceiptKind::Read, lastSeq - 1})));
        QVERIFY(owner.client().waitForPushed([&](const Frame &f) {
            const auto *m = std::get_if<MarkerUpdate>(&f);
            return m && m->memberId == alias[&bram].id && m->readSeq == lastSeq;
        }));

        // Archive and back (owners manage the room without knowing who is in it).
        QVERIFY(std::holds_alternative<Ok>(owner.client().request(ConversationArchive{room, true})));
        QVERIFY(std::holds_alternative<Ok>(owner.client().request(ConversationArchive{room, false})));

        // Roles and removal take alias ids; a real user id means nothing in a blind room.
        QVERIFY(TestClient::isError(owner.client().request(MembersRole{room, bram.id, Role::Admin}),
                                    ErrorCode::NotFound));
        QVERIFY(
            TestClient::isError(owner.client().request(MembersRemove{room, thad.id}), ErrorCode::NotFound));
        QVERIFY(std::holds_alternative<Ok>(
            owner.client().request(MembersRole{room, alias[&bram].id, Role::Admin})));
        QVERIFY(std::holds_alternative<Ok>(bram.client().request(MembersRemove{room, alias[&thad].id})));
        QVERIFY(thad.client().waitForPushed(eventOf(room, EventKind::MemberRemoved)));
        QVERIFY(TestClient::isError(thad.client().request(HistoryRequest{room, {}, {}, 50}),
                                    ErrorCode::NotFound));

        // An alias id does not lead to a direct conversation, nor into another group.
        QVERIFY(TestClient::isError(
            zelda.client().request(ConversationCreate{ConversationKind::Direct, {}, {alias[&bram].id}}),
            ErrorCode::NotFound));
        QVERIFY(TestClient::isError(zelda.client().request(ConversationCreate{
                                        ConversationKind::Group, QStringLiteral("x"), {alias[&bram].id}}),
                                    ErrorCode::NotFound));

        // Zelda leaves and is added back: same alias.
        QVERIFY(std::holds_alternative<Ok>(zelda.client().request(ConversationLeave{room})));
        QVERIFY(
            std::holds_alternative<Ok>(owner.client().request(MembersAdd{room, {zelda.id}, std::nullopt})));
        QVERIFY(zelda.client().waitForPushed([&](const Frame &f) {
            const auto *d = std::get_if<ConversationDetail>(&f);
            return d && d->conversation.id == room && d->conversation.lastSeq > lastSeq;
        }));
        const MemberInfo zeldaAgain = meIn(zelda.client(), room);
        QCOMPARE(zeldaAgain.id, alias[&zelda].id);
        QCOMPARE(zeldaAgain.name, alias[&zelda].name);

        // Xiomara is away for a short gap (incremental sync), then a long one (reset).
        QVERIFY(xio.client().waitForPushed(eventOf(room, EventKind::MemberAdded)));
        const qint64 xioSeen = detailOf(xio.client(), room)->conversation.lastSeq;
        QVERIFY(std::holds_alternative<Ok>(xio.client().request(Typing{room, true})));
        xio.client().close();
        QVERIFY(zelda.client().waitForPushed([&](const Frame &f) { // stopped by going away, still an alias
            const auto *t = std::get_if<TypingUpdate>(&f);
            return t && t->memberId == alias[&xio].id && !t->active;
        }));
        for (int i = 0; i < 3; ++i)
            QVERIFY(std::holds_alternative<MessageSent>(zelda.client().request(textMessage(
                room, QStringLiteral("z-gap-%1").arg(i), QStringLiteral("while away %1").arg(i)))));
        QVERIFY(reconnect(h, xio));
        const Frame shortSync = xio.client().request(SyncRequest{{{room, xioSeen}}});
        const auto *shortResult = std::get_if<SyncResult>(&shortSync);
        QVERIFY2(shortResult, qPrintable(TestClient::describe(shortSync)));
        QCOMPARE(shortResult->conversations.size(), 1);
        QVERIFY(!shortResult->conversations.first().reset);
        QCOMPARE(shortResult->conversations.first().events.size(), 3);
        QCOMPARE(shortResult->conversations.first().events.first().message->senderId, alias[&zelda].id);
        const qint64 xioSeenAgain = shortResult->conversations.first().events.last().seq;
        xio.client().close();
        for (int i = 0; i < 12; ++i)
            QVERIFY(std::holds_alternative<MessageSent>(bram.client().request(
                textMessage(room, QStringLiteral("b-gap-%1").arg(i), QStringLiteral("long gap %1").arg(i)))));
        QVERIFY(reconnect(h, xio));
        const Frame longSync = xio.client().request(SyncRequest{{{room, xioSeenAgain}}});
        const auto *longResult = std::get_if<SyncResult>(&longSync);
        QVERIFY2(longResult, qPrintable(TestClient::describe(longSync)));
        QCOMPARE(longResult->conversations.size(), 1);
        QVERIFY(longResult->conversations.first().reset);
        QVERIFY(!longResult->conversations.first().members.isEmpty());
        QVERIFY(!longResult->conversations.first().markers.isEmpty());
        // Not listed at all: the whole room comes back.
        QVERIFY(std::holds_alternative<SyncResult>(xio.client().request(SyncRequest{})));
        // Thaddeus, removed, learns only that.
        const Frame thadSync = thad.client().request(SyncRequest{{{room, 1}}});
        QVERIFY(std::get<SyncResult>(thadSync).conversations.first().removed);

        // Everyone reads the room every way there is.
        for (Person *p : people) {
            if (p == &thad)
                continue;
            QVERIFY(std::holds_alternative<History>(p->client().request(HistoryRequest{room, {}, {}, 100})));
            QVERIFY(std::holds_alternative<History>(p->client().request(HistoryRequest{room, 3, {}, 100})));
            QVERIFY(std::holds_alternative<ConversationDetail>(p->client().request(ConversationGet{room})));
            const Frame list = p->client().request(ConversationList{true});
            const auto *conversations = std::get_if<Conversations>(&list);
            QVERIFY(conversations);
            QCOMPARE(conversations->conversations.size(), 1);
            QCOMPARE(conversations->conversations.first().title, QStringLiteral("Anonymous feedback"));
            QCOMPARE(conversations->conversations.first().me->id, alias[p].id);
        }

        // The owner leaves: ownership passes to the admin, announced by the server itself.
        QVERIFY(std::holds_alternative<Ok>(owner.client().request(ConversationLeave{room})));
        QVERIFY(bram.client().waitForPushed([&](const Frame &f) {
            const auto *e = std::get_if<Event>(&f);
            return e && e->kind == EventKind::RoleChanged && e->member && e->member->id == alias[&bram].id &&
                   e->member->role == Role::Owner;
        }));
        QVERIFY(zelda.client().waitForPushed(eventOf(room, EventKind::MemberLeft)));
        QTest::qWait(300); // let the last fan-out arrive everywhere before the scan

        // The scan: every frame each person received, on every connection they had.
        QSet<QString> typesSeen;
        int frames = 0;
        for (Person *receiver : people) {
            for (const auto &connection : receiver->connections) {
                for (const QString &raw : connection->rawTexts()) {
                    ++frames;
                    const QString type = frameType(raw);
                    typesSeen.insert(type);
                    for (Person *other : people) {
                        // One's own identity, in the frames that are not about the room: the sign-in,
                        // and one's own presence as the other devices learn it.
                        if (other == receiver &&
                            (type == QStringLiteral("auth.ok") || type == QStringLiteral("presence")))
                            continue;
                        const QString found = identityIn(raw, *other);
                        QVERIFY2(found.isEmpty(), qPrintable(QStringLiteral("%1 received \"%2\" (%3) in: %4")
                                                                 .arg(receiver->username, found,
                                                                      other->username, raw.left(400))));
                    }
                }
            }
        }
        // The scan saw every kind of frame about the room, so that a quiet path cannot pass unseen.
        for (const char *type : {"auth.ok", "conversation", "conversations", "event", "message.sent",
                                 "typing.update", "marker", "history", "sync.result", "ok", "error"})
            QVERIFY2(typesSeen.contains(QLatin1StringView(type)), type);
        QSet<int> kindsSeen;
        for (Person *p : people) {
            for (const auto &connection : p->connections) {
                for (const Event &e : connection->events(room))
                    kindsSeen.insert(int(e.kind));
            }
        }
        for (EventKind kind : {EventKind::Created, EventKind::MemberAdded, EventKind::Message,
                               EventKind::Edit, EventKind::Delete, EventKind::Reaction, EventKind::Archived,
                               EventKind::RoleChanged, EventKind::MemberRemoved, EventKind::MemberLeft})
            QVERIFY2(kindsSeen.contains(int(kind)), qPrintable(enumName(kind)));
        QVERIFY(frames > 100);
    }

    void aliasesAreUniqueStableAndPerRoom() {
        CONFAB_START_HARNESS(h, {});
        auto owner = h.client(QStringLiteral("owner"));
        QVERIFY(owner);
        std::vector<std::unique_ptr<TestClient>> users;
        QList<QString> ids;
        for (int i = 0; i < 40; ++i) {
            users.push_back(h.client(QStringLiteral("user%1").arg(i, 2, 10, QLatin1Char('0'))));
            QVERIFY(users.back());
            ids.append(users.back()->userId());
        }
        TestClient &admin = *users.front();
        const Frame created = owner->request(
            ConversationCreate{ConversationKind::Blind, QStringLiteral("big"), {admin.userId()}});
        QVERIFY2(std::holds_alternative<ConversationDetail>(created),
                 qPrintable(TestClient::describe(created)));
        const QString room = std::get<ConversationDetail>(created).conversation.id;
        QVERIFY(
            std::holds_alternative<Ok>(owner->request(MembersRole{room, meIn(admin, room).id, Role::Admin})));
        // Two managers add at once: aliases are still chosen one after the other.
        const QString fromOwner = owner->send(MembersAdd{room, ids.mid(1, 20), QStringLiteral("A")});
        const QString fromAdmin = admin.send(MembersAdd{room, ids.mid(21), QStringLiteral("B")});
        QVERIFY(std::holds_alternative<Ok>(owner->waitForReply(fromOwner)));
        QVERIFY(std::holds_alternative<Ok>(admin.waitForReply(fromAdmin)));

        const auto detail = detailOf(*owner, room);
        QVERIFY(detail);
        QCOMPARE(detail->members.size(), 41);
        QSet<QString> names, aliasIds;
        for (const MemberInfo &m : detail->members) {
            names.insert(m.name);
            aliasIds.insert(m.id);
            QVERIFY(m.alias);
            QVERIFY(!ids.contains(m.id) && m.id != owner->userId());
        }
        QCOMPARE(names.size(), 41);
        QCOMPARE(aliasIds.size(), 41);
        QCOMPARE(meIn(*users[5], room).group, std::optional(QStringLiteral("A")));
        QCOMPARE(meIn(*users[30], room).group, std::optional(QStringLiteral("B")));

        // The same people in a second room: other alias ids.
        const Frame second = owner->request(
            ConversationCreate{ConversationKind::Blind, QStringLiteral("small"), ids.mid(0, 5)});
        QVERIFY2(std::holds_alternative<ConversationDetail>(second),
                 qPrintable(TestClient::describe(second)));
        const QString other = std::get<ConversationDetail>(second).conversation.id;
        for (int i = 0; i < 5; ++i)
            QVERIFY(meIn(*users[i], room).id != meIn(*users[i], other).id);
        QVERIFY(meIn(*owner, room).id != meIn(*owner, other).id);

        // Leaving, or being removed, and coming back keeps alias and group.
        const MemberInfo before = meIn(*users[7], room);
        QVERIFY(std::holds_alternative<Ok>(users[7]->request(ConversationLeave{room})));
        QVERIFY(std::holds_alternative<Ok>(owner->request(MembersAdd{room, {ids[7]}, QStringLiteral("B")})));
        MemberInfo after = meIn(*users[7], room);
        QCOMPARE(after.id, before.id);
        QCOMPARE(after.name, before.name);
        QCOMPARE(after.group, std::optional(QStringLiteral("A")));
        QVERIFY(std::holds_alternative<Ok>(owner->request(MembersRemove{room, before.id})));
        QVERIFY(std::holds_alternative<Ok>(admin.request(MembersAdd{room, {ids[7]}, std::nullopt})));
        after = meIn(*users[7], room);
        QCOMPARE(after.id, before.id);
        QCOMPARE(after.name, before.name);

        // Groups belong to blind rooms, and there are two.
        const Frame group =
            owner->request(ConversationCreate{ConversationKind::Group, QStringLiteral("g"), {}});
        QVERIFY2(std::holds_alternative<ConversationDetail>(group), qPrintable(TestClient::describe(group)));
        const QString groupId = std::get<ConversationDetail>(group).conversation.id;
        QVERIFY(TestClient::isError(owner->request(MembersAdd{groupId, {ids[0]}, QStringLiteral("A")}),
                                    ErrorCode::Invalid));
        QVERIFY(TestClient::isError(owner->request(MembersAdd{room, {ids[0]}, QStringLiteral("C")}),
                                    ErrorCode::Invalid));
    }

    void aliasIdIsNotAUserId() {
        CONFAB_START_HARNESS(h, {});
        auto owner = h.client(QStringLiteral("owner"));
        auto mina = h.client(QStringLiteral("mina"));
        auto joon = h.client(QStringLiteral("joon"));
        QVERIFY(owner && mina && joon);
        const Frame created =
            owner->request(ConversationCreate{ConversationKind::Blind, {}, {mina->userId(), joon->userId()}});
        QVERIFY2(std::holds_alternative<ConversationDetail>(created),
                 qPrintable(TestClient::describe(created)));
        const QString room = std::get<ConversationDetail>(created).conversation.id;
        QVERIFY(mina->waitForPushed(
            [](const Frame &f) { return std::holds_alternative<ConversationDetail>(f); }));
        const QString joonAlias = meIn(*joon, room).id;
        QVERIFY(!joonAlias.isEmpty());

        QVERIFY(
            TestClient::isError(mina->request(ConversationCreate{ConversationKind::Direct, {}, {joonAlias}}),
                                ErrorCode::NotFound));
        const Frame group =
            mina->request(ConversationCreate{ConversationKind::Group, QStringLiteral("g"), {}});
        QVERIFY2(std::holds_alternative<ConversationDetail>(group), qPrintable(TestClient::describe(group)));
        const QString groupId = std::get<ConversationDetail>(group).conversation.id;
        QVERIFY(TestClient::isError(mina->request(MembersAdd{groupId, {joonAlias}, std::nullopt}),
                                    ErrorCode::NotFound));
        // Nor does a real id work where an alias id is expected.
        QVERIFY(
            TestClient::isError(owner->request(MembersRemove{room, joon->userId()}), ErrorCode::NotFound));
        QVERIFY(TestClient::isError(owner->request(MembersRole{room, joon->userId(), Role::Admin}),
                                    ErrorCode::NotFound));
        // The blind room's title is what its owner wrote, never a member's name, even when empty.
        const Frame list = mina->request(ConversationList{});
        for (const ConversationInfo &c : std::get<Conversations>(list).conversations) {
            if (c.id == room)
                QCOMPARE(c.title, QString());
        }
    }
};

QTEST_GUILESS_MAIN(TestBlind)
#include "tst_blind.moc"

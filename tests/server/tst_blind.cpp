// Blind rooms (DESIGN.md invariant 5) against a real server on both databases: no frame about a
// blind room names another member, aliases are unique, stable and per room (in English and in
// Korean), and an alias id leads nowhere outside its room. After a mutual reveal exactly the agreed
// names reach exactly the two who agreed; owners can turn reveals off; members are reported to the
// operator by alias; and two server instances on one PostgreSQL keep all of it.
#include "blindscan.h"

#include <QBuffer>
#include <QImage>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSqlQuery>
#include <memory>
#include <vector>

using namespace confab::protocol;
using namespace confab::test;

namespace {
//! The server's own database, for what no frame shows (the operator's access log).
qint64 countRows(const TestDatabase &db, const QString &table) {
    static int n = 0;
    const QString connection = QStringLiteral("tst_blind_%1").arg(++n);
    qint64 count = -1;
    {
        QSqlDatabase sql;
        if (db.kind() == TestDatabase::Kind::SQLite) {
            sql = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
            sql.setDatabaseName(db.url().mid(int(qstrlen("sqlite:"))));
            sql.open();
        } else {
            const QString url = db.url();
            const qsizetype from = url.indexOf(u'/', qstrlen("postgresql://")) + 1;
            sql = TestDatabase::openPostgres(url.mid(from, url.indexOf(u'?') - from), connection);
        }
        QSqlQuery q(sql);
        if (q.exec(QStringLiteral("SELECT COUNT(*) FROM ") + table) && q.next())
            count = q.value(0).toLongLong();
    }
    QSqlDatabase::removeDatabase(connection);
    return count;
}
} // namespace

namespace {
/*!
 * Sets an avatar for `p` of one colour that is theirs alone (`seed`), as a PNG whose text chunk names
 * them; the hash is added to what identifies them. False when the server refused it.
 */
bool setAvatar(Person &p, int seed) {
    QImage image(64, 40, QImage::Format_RGB32);
    image.fill(QColor::fromHsv((seed * 47) % 360, 200, 100 + (seed * 13) % 150));
    image.setText(QStringLiteral("Author"), p.displayName);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    const Frame reply = p.client().request(AccountAvatar{QString::fromLatin1(bytes.toBase64()), std::nullopt});
    const auto *set = std::get_if<AvatarSet>(&reply);
    if (!set || !set->avatar) {
        qWarning("the avatar of %s was refused: %s", qPrintable(p.username), qPrintable(TestClient::describe(reply)));
        return false;
    }
    p.avatars.append(*set->avatar);
    return true;
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
        seo.avatars.append(QString(64, u'c'));
        QVERIFY(!identityIn(QStringLiteral(R"({"avatar":"%1"})").arg(QString(64, u'C')), seo).isEmpty());
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
        // Everyone shows an avatar of their own; its hash must reach nobody through the room.
        for (qsizetype i = 0; i < people.size(); ++i)
            QVERIFY(setAvatar(*people[i], int(i)));

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
            QVERIFY2(alias[p].nameKo && isKoreanAliasName(*alias[p].nameKo), qPrintable(alias[p].nameKo.value_or(QString())));
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

        // Mentions name aliases only: by alias id they are stored and come back as alias ids; a
        // real user id is refused like a stranger's, and the edit's mentions are alias ids too.
        MessageSend mention = textMessage(room, QStringLiteral("b-m1"), QStringLiteral("@x @room look"));
        mention.mentions = {{alias[&zelda].id, std::nullopt, 0, 2}, {std::nullopt, true, 3, 5}};
        const Frame bm = bram.client().request(mention);
        QVERIFY2(std::holds_alternative<MessageSent>(bm), qPrintable(TestClient::describe(bm)));
        QCOMPARE(std::get<MessageSent>(bm).message.mentions.first().memberId, std::optional(alias[&zelda].id));
        mention.clientId = QStringLiteral("b-m2");
        mention.mentions = {{zelda.id, std::nullopt, 0, 2}};
        QVERIFY(TestClient::isError(bram.client().request(mention), ErrorCode::Invalid));
        QVERIFY(std::holds_alternative<Ok>(zelda.client().request(MessageEdit{
            room, zeldaMessage.id, QStringLiteral("@x first note"), {{alias[&xio].id, std::nullopt, 0, 2}}})));
        const Frame mentionsOfZelda = zelda.client().request(MentionsList{});
        QVERIFY2(std::holds_alternative<Mentions>(mentionsOfZelda), qPrintable(TestClient::describe(mentionsOfZelda)));
        QCOMPARE(std::get<Mentions>(mentionsOfZelda).hits.size(), 1);
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
        // So does a profile change: Zelda's own devices learn it, the room's members never do.
        const QString newName = QStringLiteral("Zenobia Featherstonehaugh");
        const QString newStatus = QStringLiteral("Sailing near Tromsø until Friday");
        QVERIFY(std::holds_alternative<Ok>(zelda.client().request(AccountProfile{newName, newStatus})));
        QVERIFY(zelda.client().waitForPushed([&](const Frame &f) {
            const auto *u = std::get_if<UserUpdated>(&f);
            return u && u->user.name == newName && u->user.status == newStatus;
        }));
        // And a new avatar: nobody in the room may fetch it, even knowing its hash.
        QVERIFY(setAvatar(zelda, 99));
        QVERIFY(TestClient::isError(bram.client().request(AvatarFetch{zelda.avatars.last(), 96}), ErrorCode::NotFound));
        QVERIFY(std::holds_alternative<AvatarData>(zelda.client().request(AvatarFetch{zelda.avatars.last(), 96})));
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

        // Groups, the reveal schedule and the invite switch change as events naming aliases only;
        // a real user id means nothing here either.
        QVERIFY(std::holds_alternative<Ok>(owner.client().request(MembersGroup{room, alias[&zelda].id, QStringLiteral("A")})));
        QVERIFY(TestClient::isError(owner.client().request(MembersGroup{room, bram.id, QStringLiteral("B")}),
                                    ErrorCode::NotFound));
        QVERIFY(std::holds_alternative<Ok>(owner.client().request(
            RevealPolicySet{room, RevealPolicy::Scheduled, QDateTime::currentMSecsSinceEpoch() + 86400000, true})));
        QVERIFY(std::holds_alternative<Ok>(
            owner.client().request(RevealPolicySet{room, RevealPolicy::Mutual, std::nullopt, false})));
        QVERIFY(bram.client().waitForPushed([&](const Frame &f) {
            const auto *e = std::get_if<Event>(&f);
            return e && e->kind == EventKind::GroupChanged && e->member && e->member->id == alias[&zelda].id &&
                   e->member->group == QStringLiteral("A");
        }));

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
        const Frame shortSync = xio.client().request(SyncRequest{{{room, xioSeen}}, 0}); // with every profile
        const auto *shortResult = std::get_if<SyncResult>(&shortSync);
        QVERIFY2(shortResult, qPrintable(TestClient::describe(shortSync)));
        QCOMPARE(shortResult->conversations.size(), 1);
        QVERIFY(!shortResult->conversations.first().reset);
        QCOMPARE(shortResult->conversations.first().events.size(), 3);
        QCOMPARE(shortResult->conversations.first().events.first().message->senderId, alias[&zelda].id);
        QVERIFY(shortResult->users.isEmpty()); // the room makes nobody a contact
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
                            (type == QStringLiteral("auth.ok") || type == QStringLiteral("presence") ||
                             type == QStringLiteral("user.updated") || type == QStringLiteral("account.avatar.set") ||
                             type == QStringLiteral("avatar")))
                            continue;
                        const QString found = identityIn(raw, *other);
                        QVERIFY2(found.isEmpty(), qPrintable(QStringLiteral("%1 received \"%2\" (%3) in: %4")
                                                                 .arg(receiver->username, found,
                                                                      other->username, raw.left(400))));
                    }
                    // Zelda's new name and status, whatever frame it would be.
                    if (receiver != &zelda) {
                        for (const QString &part : {QStringLiteral("Zenobia"), QStringLiteral("Featherstonehaugh"),
                                                    QStringLiteral("Tromsø"), QStringLiteral("Troms\\u00f8")})
                            QVERIFY2(!raw.contains(part, Qt::CaseInsensitive),
                                     qPrintable(QStringLiteral("%1 received \"%2\" in: %3")
                                                    .arg(receiver->username, part, raw.left(400))));
                    }
                }
            }
        }
        // The scan saw every kind of frame about the room, so that a quiet path cannot pass unseen.
        for (const char *type : {"auth.ok", "conversation", "conversations", "event", "message.sent",
                                 "typing.update", "marker", "history", "sync.result", "ok", "error", "mentions"})
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
                               EventKind::RoleChanged, EventKind::MemberRemoved, EventKind::MemberLeft,
                               EventKind::GroupChanged, EventKind::RevealScheduled, EventKind::InvitesAllowed})
            QVERIFY2(kindsSeen.contains(int(kind)), qPrintable(enumName(kind)));
        QVERIFY(frames > 100);
    }

    //! Two of three members agree to reveal: those two learn exactly each other's identity, in
    //! every frame and after catching up; the third learns nothing, not even who offered to whom.
    void mutualRevealShowsExactlyTheAgreedNames() {
        CONFAB_START_HARNESS(h, {{QStringLiteral("limits/sync_gap_max"), QStringLiteral("10")}});
        Person owner{QStringLiteral("olwen3hv"), QStringLiteral("Olwen Hartigan-Voss"), {}, {}};
        Person zelda{QStringLiteral("zelda7qm"), QStringLiteral("Zelda Quincy-Marsh"), {}, {}};
        Person bram{QStringLiteral("bramwell9"), QStringLiteral("Bramwell Oyelaran"), {}, {}};
        const QList<Person *> people{&owner, &zelda, &bram};
        for (Person *p : people)
            QVERIFY(registerPerson(h, *p));
        const Frame created = owner.client().request(
            ConversationCreate{ConversationKind::Blind, QStringLiteral("Matching night"), {zelda.id, bram.id}});
        const auto *createdDetail = std::get_if<ConversationDetail>(&created);
        QVERIFY2(createdDetail, qPrintable(TestClient::describe(created)));
        const QString room = createdDetail->conversation.id;
        QCOMPARE(createdDetail->conversation.reveals, std::optional(true)); // on unless the owner says otherwise
        for (Person *p : {&zelda, &bram})
            QVERIFY(p->client().waitForPushed(
                [](const Frame &f) { return std::holds_alternative<ConversationDetail>(f); }));
        QHash<const Person *, QString> alias;
        for (Person *p : people)
            alias.insert(p, meIn(p->client(), room).id);
        const auto isEvent = [&room](const Frame &f, EventKind kind) -> const Event * {
            const auto *e = std::get_if<Event>(&f);
            return e && e->conversationId == room && e->kind == kind ? e : nullptr;
        };

        // An offer to one member is between the two: the third sees that something happened, not what.
        QVERIFY(std::holds_alternative<Ok>(owner.client().request(ConversationReveal{room, alias[&zelda], true})));
        QVERIFY(zelda.client().waitForPushed([&](const Frame &f) {
            const Event *e = isEvent(f, EventKind::RevealOffered);
            return e && e->actorId == alias[&owner] && e->targetId == alias[&zelda];
        }));
        QVERIFY(bram.client().waitForPushed([&](const Frame &f) {
            const Event *e = isEvent(f, EventKind::RevealOffered);
            return e && !e->actorId && !e->targetId && !e->member;
        }));
        const auto offersToZelda = detailOf(zelda.client(), room)->conversation.revealOffers;
        QCOMPARE(offersToZelda.size(), 1);
        QCOMPARE(offersToZelda.first().from, alias[&owner]);
        QCOMPARE(offersToZelda.first().to, std::optional(alias[&zelda]));
        QVERIFY(detailOf(bram.client(), room)->conversation.revealOffers.isEmpty()); // not Bram's business
        // ... and withdrawn before Zelda answered: nothing will come of it.
        QVERIFY(std::holds_alternative<Ok>(owner.client().request(ConversationReveal{room, alias[&zelda], false})));
        QVERIFY(zelda.client().waitForPushed([&](const Frame &f) {
            const Event *e = isEvent(f, EventKind::RevealWithdrawn);
            return e && e->actorId == alias[&owner];
        }));
        QVERIFY(detailOf(zelda.client(), room)->conversation.revealOffers.isEmpty());

        // Zelda offers to the whole room: everyone sees who offered. Asking twice changes nothing.
        QVERIFY(std::holds_alternative<Ok>(zelda.client().request(ConversationReveal{room, std::nullopt, true})));
        for (Person *p : {&owner, &bram})
            QVERIFY(p->client().waitForPushed([&](const Frame &f) {
                const Event *e = isEvent(f, EventKind::RevealOffered);
                return e && e->actorId == alias[&zelda] && !e->targetId;
            }));
        const qint64 seqBefore = detailOf(owner.client(), room)->conversation.lastSeq;
        QVERIFY(std::holds_alternative<Ok>(zelda.client().request(ConversationReveal{room, std::nullopt, true})));
        QCOMPARE(detailOf(owner.client(), room)->conversation.lastSeq, seqBefore);
        QVERIFY(!memberIn(bram.client(), room, alias[&zelda])->revealed); // one offer is not a reveal

        // Bram answers Zelda alone: the two offers meet, and each learns who the other is.
        QVERIFY(std::holds_alternative<Ok>(bram.client().request(ConversationReveal{room, alias[&zelda], true})));
        const auto revealedAs = [&](const Person &shown) {
            return [&](const Frame &f) {
                const Event *e = isEvent(f, EventKind::Revealed);
                return e && e->member && e->member->id == alias[&shown] && e->member->revealed &&
                       *e->member->revealed == UserInfo{shown.id, shown.username, shown.displayName};
            };
        };
        QVERIFY(bram.client().waitForPushed(revealedAs(zelda)));
        QVERIFY(zelda.client().waitForPushed(revealedAs(bram)));
        QVERIFY(owner.client().waitForPushed([&](const Frame &f) {
            const Event *e = isEvent(f, EventKind::Revealed);
            return e && !e->actorId && !e->targetId && !e->member;
        }));
        QCOMPARE(memberIn(zelda.client(), room, alias[&bram])->revealed->displayName, bram.displayName);
        QCOMPARE(memberIn(bram.client(), room, alias[&zelda])->revealed->username, zelda.username);
        QVERIFY(!memberIn(zelda.client(), room, alias[&owner])->revealed);
        QVERIFY(!memberIn(owner.client(), room, alias[&zelda])->revealed);
        QVERIFY(!memberIn(owner.client(), room, alias[&bram])->revealed);
        QCOMPARE(memberIn(zelda.client(), room, alias[&bram])->name, meIn(bram.client(), room).name); // still the alias
        // The reveal cannot be taken back; Zelda's offer to the room stays open for the owner.
        QVERIFY(TestClient::isError(bram.client().request(ConversationReveal{room, alias[&zelda], false}),
                                    ErrorCode::Conflict));
        const auto ownerOffers = detailOf(owner.client(), room)->conversation.revealOffers;
        QCOMPARE(ownerOffers.size(), 1);
        QCOMPARE(ownerOffers.first().from, alias[&zelda]);
        QVERIFY(!ownerOffers.first().to);
        // Ids stay alias ids for everyone, so no direct conversation starts from here either.
        QVERIFY(TestClient::isError(
            zelda.client().request(ConversationCreate{ConversationKind::Direct, {}, {alias[&bram]}}),
            ErrorCode::NotFound));
        const Frame lookedUp = zelda.client().request(UserLookup{{alias[&bram]}}); // not a username at all
        QVERIFY(TestClient::isError(lookedUp, ErrorCode::Invalid) ||
                (std::holds_alternative<Users>(lookedUp) && std::get<Users>(lookedUp).users.isEmpty()));

        // Everything else, after the reveal: messages, an edit, a reaction, typing, receipts, a role.
        const Frame z1 = zelda.client().request(textMessage(room, QStringLiteral("z-r1"), QStringLiteral("after the reveal")));
        QVERIFY2(std::holds_alternative<MessageSent>(z1), qPrintable(TestClient::describe(z1)));
        const MessageInfo zeldaMessage = std::get<MessageSent>(z1).message;
        QCOMPARE(zeldaMessage.senderId, alias[&zelda]);
        QVERIFY(std::holds_alternative<MessageSent>(
            bram.client().request(textMessage(room, QStringLiteral("b-r1"), QStringLiteral("reveal reply")))));
        QVERIFY(std::holds_alternative<MessageSent>(
            owner.client().request(textMessage(room, QStringLiteral("o-r1"), QStringLiteral("owner after reveal")))));
        QVERIFY(std::holds_alternative<Ok>(zelda.client().request(
            MessageEdit{room, zeldaMessage.id, QStringLiteral("after the reveal, edited")})));
        QVERIFY(std::holds_alternative<Ok>(
            bram.client().request(MessageReact{room, zeldaMessage.id, QStringLiteral("👍"), true})));
        QVERIFY(std::holds_alternative<Ok>(bram.client().request(Typing{room, true})));
        QVERIFY(owner.client().waitForPushed([&](const Frame &f) {
            const auto *t = std::get_if<TypingUpdate>(&f);
            return t && t->memberId == alias[&bram];
        }));
        QVERIFY(std::holds_alternative<Ok>(bram.client().request(Typing{room, false})));
        const qint64 lastSeq = detailOf(owner.client(), room)->conversation.lastSeq;
        for (Person *p : people)
            QVERIFY(std::holds_alternative<Ok>(p->client().request(Receipt{room, ReceiptKind::Read, lastSeq})));
        // A member event carries `revealed` for the one who may see it, and only for them.
        QVERIFY(std::holds_alternative<Ok>(owner.client().request(MembersRole{room, alias[&bram], Role::Admin})));
        QVERIFY(zelda.client().waitForPushed([&](const Frame &f) {
            const Event *e = isEvent(f, EventKind::RoleChanged);
            return e && e->member && e->member->id == alias[&bram] && e->member->revealed;
        }));
        QVERIFY(owner.client().waitForPushed([&](const Frame &f) {
            const Event *e = isEvent(f, EventKind::RoleChanged);
            return e && e->member && e->member->id == alias[&bram] && !e->member->revealed;
        }));
        for (Person *p : people) {
            const Frame found = p->client().request(SearchRequest{QStringLiteral("reveal"), room, 20, std::nullopt});
            QVERIFY2(std::holds_alternative<SearchResult>(found), qPrintable(TestClient::describe(found)));
            QVERIFY(std::holds_alternative<History>(p->client().request(HistoryRequest{room, {}, {}, 100})));
            QVERIFY(std::holds_alternative<Conversations>(p->client().request(ConversationList{true})));
        }

        // Catching up: a full sync and an incremental one bring the reveal along, as each may see it.
        QVERIFY(reconnect(h, bram));
        const Frame bramSync = bram.client().request(SyncRequest{});
        const auto *bramResult = std::get_if<SyncResult>(&bramSync);
        QVERIFY2(bramResult, qPrintable(TestClient::describe(bramSync)));
        QCOMPARE(bramResult->conversations.size(), 1);
        QVERIFY(bramResult->conversations.first().reset);
        bool zeldaKnown = false;
        for (const MemberInfo &m : bramResult->conversations.first().members) {
            if (m.id == alias[&zelda])
                zeldaKnown = m.revealed && m.revealed->id == zelda.id;
            else
                QVERIFY(!m.revealed);
        }
        QVERIFY(zeldaKnown);
        QVERIFY(reconnect(h, zelda));
        const Frame zeldaSync = zelda.client().request(SyncRequest{{{room, seqBefore}}});
        const auto *zeldaResult = std::get_if<SyncResult>(&zeldaSync);
        QVERIFY2(zeldaResult, qPrintable(TestClient::describe(zeldaSync)));
        QVERIFY(!zeldaResult->conversations.first().reset);
        QVERIFY(std::any_of(zeldaResult->conversations.first().events.begin(),
                            zeldaResult->conversations.first().events.end(), [&](const Event &e) {
                                return e.kind == EventKind::Revealed && e.member && e.member->revealed &&
                                       e.member->revealed->id == bram.id;
                            }));
        QVERIFY(reconnect(h, owner));
        QVERIFY(std::holds_alternative<SyncResult>(owner.client().request(SyncRequest{{{room, 1}}})));
        QVERIFY(std::holds_alternative<SyncResult>(owner.client().request(SyncRequest{})));
        QTest::qWait(300); // the last fan-out, everywhere, before the scan

        // The scan: the owner never got a name; Zelda and Bram got each other's, and no other.
        QString problem = checkFrames(owner, {&zelda, &bram});
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        problem = checkFrames(zelda, {&owner}, &bram);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        problem = checkFrames(bram, {&owner}, &zelda);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    //! The owner turns reveals off: offers are FORBIDDEN and open ones are gone; back on, they start afresh.
    void ownerTurnsRevealsOff() {
        CONFAB_START_HARNESS(h, {});
        auto owner = h.client(QStringLiteral("owner"));
        auto mina = h.client(QStringLiteral("mina"));
        auto joon = h.client(QStringLiteral("joon"));
        auto stranger = h.client(QStringLiteral("stranger"));
        QVERIFY(owner && mina && joon && stranger);
        const Frame created =
            owner->request(ConversationCreate{ConversationKind::Blind, {}, {mina->userId(), joon->userId()}});
        QVERIFY2(std::holds_alternative<ConversationDetail>(created), qPrintable(TestClient::describe(created)));
        const QString room = std::get<ConversationDetail>(created).conversation.id;
        const QString group = std::get<ConversationDetail>(
            owner->request(ConversationCreate{ConversationKind::Group, QStringLiteral("g"), {mina->userId()}}))
                                  .conversation.id;
        const QString ownerAlias = meIn(*owner, room).id;
        const QString minaAlias = meIn(*mina, room).id;
        const QString joonAlias = meIn(*joon, room).id;

        QVERIFY(std::holds_alternative<Ok>(mina->request(ConversationReveal{room, std::nullopt, true})));
        QVERIFY(TestClient::isError(joon->request(ConversationReveals{room, false}), ErrorCode::Forbidden));
        QVERIFY(std::holds_alternative<Ok>(owner->request(MembersRole{room, joonAlias, Role::Admin})));
        QVERIFY(TestClient::isError(joon->request(ConversationReveals{room, false}), ErrorCode::Forbidden)); // admins neither
        QVERIFY(std::holds_alternative<Ok>(owner->request(ConversationReveals{room, false})));
        QVERIFY(joon->waitForPushed([&](const Frame &f) {
            const auto *e = std::get_if<Event>(&f);
            return e && e->kind == EventKind::RevealsAllowed && e->allowed == false && e->actorId == ownerAlias;
        }));
        const auto off = detailOf(*mina, room);
        QCOMPARE(off->conversation.reveals, std::optional(false));
        QVERIFY(off->conversation.revealOffers.isEmpty()); // Mina's open offer went with it
        QVERIFY(TestClient::isError(joon->request(ConversationReveal{room, minaAlias, true}), ErrorCode::Forbidden));
        QVERIFY(TestClient::isError(joon->request(ConversationReveal{room, std::nullopt, true}), ErrorCode::Forbidden));
        QVERIFY(TestClient::isError(mina->request(ConversationReveal{room, std::nullopt, true}), ErrorCode::Forbidden));
        // Withdrawing what is not there, or switching off what is off, is no event.
        const qint64 seq = off->conversation.lastSeq;
        QVERIFY(std::holds_alternative<Ok>(mina->request(ConversationReveal{room, std::nullopt, false})));
        QVERIFY(std::holds_alternative<Ok>(owner->request(ConversationReveals{room, false})));
        QCOMPARE(detailOf(*owner, room)->conversation.lastSeq, seq);

        // Back on: the old offer does not come back, so Joon's offer meets nothing until Mina answers.
        QVERIFY(std::holds_alternative<Ok>(owner->request(ConversationReveals{room, true})));
        QVERIFY(mina->waitForPushed([&](const Frame &f) {
            const auto *e = std::get_if<Event>(&f);
            return e && e->kind == EventKind::RevealsAllowed && e->allowed == true;
        }));
        QVERIFY(std::holds_alternative<Ok>(joon->request(ConversationReveal{room, minaAlias, true})));
        QVERIFY(!memberIn(*joon, room, minaAlias)->revealed);
        QVERIFY(std::holds_alternative<Ok>(mina->request(ConversationReveal{room, joonAlias, true})));
        QVERIFY(mina->waitForPushed(revealedIn(room)));
        QCOMPARE(memberIn(*mina, room, joonAlias)->revealed->id, joon->userId());
        QVERIFY(!memberIn(*owner, room, joonAlias)->revealed);

        // Only blind rooms have reveals; nobody reveals to themselves, to a real id or to a stranger.
        QVERIFY(TestClient::isError(owner->request(ConversationReveal{group, std::nullopt, true}), ErrorCode::Invalid));
        QVERIFY(TestClient::isError(owner->request(ConversationReveals{group, false}), ErrorCode::Invalid));
        QVERIFY(TestClient::isError(mina->request(ConversationReveal{room, minaAlias, true}), ErrorCode::Invalid));
        QVERIFY(TestClient::isError(mina->request(ConversationReveal{room, joon->userId(), true}), ErrorCode::NotFound));
        QVERIFY(TestClient::isError(mina->request(ConversationReveal{room, QStringLiteral("a_nobody"), true}),
                                    ErrorCode::NotFound));
        QVERIFY(TestClient::isError(stranger->request(ConversationReveal{room, std::nullopt, true}), ErrorCode::NotFound));
        QVERIFY(TestClient::isError(stranger->request(ConversationReveals{room, true}), ErrorCode::NotFound));
    }

    //! A member is reported by alias; the operator, and only the operator, reads who is who, and
    //! that reading is logged.
    void reportsReachTheOperatorOnly() {
        CONFAB_START_HARNESS(h, {});
        Person owner{QStringLiteral("olwen3hv"), QStringLiteral("Olwen Hartigan-Voss"), {}, {}};
        Person zelda{QStringLiteral("zelda7qm"), QStringLiteral("Zelda Quincy-Marsh"), {}, {}};
        Person bram{QStringLiteral("bramwell9"), QStringLiteral("Bramwell Oyelaran"), {}, {}};
        for (Person *p : {&owner, &zelda, &bram})
            QVERIFY(registerPerson(h, *p));
        const Frame created = owner.client().request(
            ConversationCreate{ConversationKind::Blind, QStringLiteral("Feedback"), {zelda.id, bram.id}});
        QVERIFY2(std::holds_alternative<ConversationDetail>(created), qPrintable(TestClient::describe(created)));
        const QString room = std::get<ConversationDetail>(created).conversation.id;
        QVERIFY(zelda.client().waitForPushed(
            [](const Frame &f) { return std::holds_alternative<ConversationDetail>(f); }));
        const MemberInfo bramAlias = meIn(bram.client(), room);
        const QString zeldaAlias = meIn(zelda.client(), room).id;
        const qint64 seq = detailOf(owner.client(), room)->conversation.lastSeq;

        const QString reason = QStringLiteral("Kept insulting people\nafter being asked to stop.");
        QVERIFY(std::holds_alternative<Ok>(zelda.client().request(MembersReport{room, bramAlias.id, reason})));
        QVERIFY(TestClient::isError(zelda.client().request(MembersReport{room, bram.id, QStringLiteral("x")}),
                                    ErrorCode::NotFound)); // the real id means nothing here
        QVERIFY(TestClient::isError(zelda.client().request(MembersReport{room, zeldaAlias, QStringLiteral("x")}),
                                    ErrorCode::Invalid));
        QVERIFY(TestClient::isError(zelda.client().request(MembersReport{room, bramAlias.id, QStringLiteral("   ")}),
                                    ErrorCode::Invalid));
        QCOMPARE(detailOf(owner.client(), room)->conversation.lastSeq, seq); // the room is not told
        // Someone who was removed can still be reported.
        QVERIFY(std::holds_alternative<Ok>(owner.client().request(MembersRemove{room, bramAlias.id})));
        QVERIFY(std::holds_alternative<Ok>(
            owner.client().request(MembersReport{room, bramAlias.id, QStringLiteral("Second report")})));
        // A few reports at once, then they are rate limited.
        bool limited = false;
        for (int i = 0; i < 8 && !limited; ++i)
            limited = TestClient::isError(
                zelda.client().request(MembersReport{room, meIn(owner.client(), room).id, QStringLiteral("again")}),
                ErrorCode::RateLimited);
        QVERIFY(limited);

        // The operator reads them with the real identities behind the alias; the reading is logged.
        QCOMPARE(countRows(h.database(), QStringLiteral("operator_access")), 0);
        QString out;
        QCOMPARE(h.server().runAdmin({QStringLiteral("report"), QStringLiteral("list")}, {}, &out), 0);
        for (const QString &part : {bram.username, bram.displayName, bram.id, zelda.username, zelda.displayName,
                                    owner.username, bramAlias.name, QStringLiteral("Kept insulting people\\nafter"),
                                    QStringLiteral("Second report"), QStringLiteral("this access is logged")})
            QVERIFY2(out.contains(part), qPrintable(part + QStringLiteral(" missing from:\n") + out));
        QCOMPARE(countRows(h.database(), QStringLiteral("operator_access")), 1);
        QCOMPARE(h.server().runAdmin({QStringLiteral("report"), QStringLiteral("list"), QStringLiteral("1")}, {}, &out), 0);
        QCOMPARE(countRows(h.database(), QStringLiteral("operator_access")), 2);
        QCOMPARE(h.server().runAdmin({QStringLiteral("report"), QStringLiteral("nonsense")}, {}, &out), 2);

        QTest::qWait(200);
        QString problem = checkFrames(zelda, {&owner, &bram});
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        problem = checkFrames(bram, {&owner, &zelda});
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        problem = checkFrames(owner, {&zelda, &bram});
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
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
        QSet<QString> names, namesKo, aliasIds;
        for (const MemberInfo &m : detail->members) {
            names.insert(m.name);
            aliasIds.insert(m.id);
            QVERIFY(m.alias);
            QVERIFY(!ids.contains(m.id) && m.id != owner->userId());
            // One alias, two forms: the Korean one is there for every member, and as unique.
            QVERIFY2(m.nameKo && isKoreanAliasName(*m.nameKo), qPrintable(m.nameKo.value_or(QStringLiteral("(none)"))));
            namesKo.insert(*m.nameKo);
            QVERIFY(!m.revealed);
        }
        QCOMPARE(names.size(), 41);
        QCOMPARE(namesKo.size(), 41);
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

class TestBlindAcrossInstances : public QObject {
    Q_OBJECT
private slots:
    //! Two server instances on one PostgreSQL: a member on each, the room's events presented by
    //! whichever instance delivers them, and still no real identity where none was agreed.
    void blindAcrossInstances() {
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
        QVERIFY(registerPerson(one.url(), bram));
        const Frame created = owner.client().request(
            ConversationCreate{ConversationKind::Blind, QStringLiteral("Across"), {zelda.id, bram.id}});
        QVERIFY2(std::holds_alternative<ConversationDetail>(created), qPrintable(TestClient::describe(created)));
        const QString room = std::get<ConversationDetail>(created).conversation.id;
        QVERIFY(zelda.client().waitForPushed([&](const Frame &f) {
            const auto *d = std::get_if<ConversationDetail>(&f);
            return d && d->conversation.id == room;
        }));
        QHash<const Person *, QString> alias;
        for (Person *p : {&owner, &zelda, &bram})
            alias.insert(p, meIn(p->client(), room).id);

        // Messages, typing and receipts cross, naming aliases.
        const qint64 fromZelda = std::get<MessageSent>(zelda.client().request(
            textMessage(room, QStringLiteral("z"), QStringLiteral("from instance two")))).message.seq;
        QVERIFY(bram.client().waitForPushed([&](const Frame &f) {
            const auto *e = std::get_if<Event>(&f);
            return e && e->seq == fromZelda && e->message && e->message->senderId == alias[&zelda];
        }));
        const qint64 fromBram = std::get<MessageSent>(bram.client().request(
            textMessage(room, QStringLiteral("b"), QStringLiteral("from instance one")))).message.seq;
        QVERIFY(zelda.client().waitForPushed([&](const Frame &f) {
            const auto *e = std::get_if<Event>(&f);
            return e && e->seq == fromBram && e->message && e->message->senderId == alias[&bram];
        }));
        QVERIFY(std::holds_alternative<Ok>(zelda.client().request(Typing{room, true})));
        QVERIFY(owner.client().waitForPushed([&](const Frame &f) {
            const auto *t = std::get_if<TypingUpdate>(&f);
            return t && t->memberId == alias[&zelda] && t->active;
        }));
        QVERIFY(std::holds_alternative<Ok>(bram.client().request(Receipt{room, ReceiptKind::Read, fromBram})));
        QVERIFY(zelda.client().waitForPushed([&](const Frame &f) {
            const auto *m = std::get_if<MarkerUpdate>(&f);
            return m && m->memberId == alias[&bram] && m->readSeq == fromBram;
        }));

        // Zelda (instance two) and Bram (instance one) reveal to each other: each instance presents
        // the events to its own connections, per receiver.
        QVERIFY(std::holds_alternative<Ok>(zelda.client().request(ConversationReveal{room, std::nullopt, true})));
        QVERIFY(std::holds_alternative<Ok>(bram.client().request(ConversationReveal{room, alias[&zelda], true})));
        QVERIFY(zelda.client().waitForPushed([&](const Frame &f) {
            const auto *e = std::get_if<Event>(&f);
            return e && e->kind == EventKind::Revealed && e->member && e->member->revealed &&
                   e->member->revealed->id == bram.id;
        }));
        QVERIFY(bram.client().waitForPushed([&](const Frame &f) {
            const auto *e = std::get_if<Event>(&f);
            return e && e->kind == EventKind::Revealed && e->member && e->member->revealed &&
                   e->member->revealed->id == zelda.id;
        }));
        QVERIFY(owner.client().waitForPushed([&](const Frame &f) {
            const auto *e = std::get_if<Event>(&f);
            return e && e->kind == EventKind::Revealed && !e->member && !e->actorId;
        }));
        QVERIFY(std::holds_alternative<Ok>(owner.client().request(MembersRole{room, alias[&bram], Role::Admin})));
        QVERIFY(zelda.client().waitForPushed([&](const Frame &f) {
            const auto *e = std::get_if<Event>(&f);
            return e && e->kind == EventKind::RoleChanged && e->member && e->member->revealed;
        }));
        QVERIFY(owner.client().waitForPushed([&](const Frame &f) {
            const auto *e = std::get_if<Event>(&f);
            return e && e->kind == EventKind::RoleChanged && e->member && !e->member->revealed;
        }));
        QCOMPARE(memberIn(zelda.client(), room, alias[&bram])->revealed->id, bram.id);
        QVERIFY(std::holds_alternative<SyncResult>(owner.client().request(SyncRequest{{{room, 1}}})));
        QVERIFY(std::holds_alternative<History>(zelda.client().request(HistoryRequest{room, {}, {}, 100})));
        QTest::qWait(300);

        QString problem = checkFrames(owner, {&zelda, &bram});
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        problem = checkFrames(zelda, {&owner}, &bram);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        problem = checkFrames(bram, {&owner}, &zelda);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }
};

CONFAB_TEST_MAIN_WITH_POSTGRES_ONLY(TestBlind, TestBlindAcrossInstances)
#include "tst_blind.moc"

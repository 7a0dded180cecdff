// Forwarding and unread marks against a real server on both databases (docs/protocol.md, section
// 18): a forward copies the text and shares the stored bytes of the attachments (no new blob), is
// idempotent, an event of the target in `history` and `sync`, refused with clear errors; from a
// blind room it names nobody, into one it shows the forwarder's alias only (the raw-frame scan);
// an unread mark reaches every device of its user, goes when they read again, and crosses instances.
#include "blindscan.h"
#include "transfers.h"

#include <QDirIterator>

namespace {
QString create(TestClient &owner, ConversationKind kind, const QString &title, const QList<QString> &members)
{
    const Frame reply = owner.request(ConversationCreate{kind, title, members});
    const auto *detail = std::get_if<ConversationDetail>(&reply);
    if (!detail) {
        qWarning("create failed: %s", qPrintable(TestClient::describe(reply)));
        return {};
    }
    return detail->conversation.id;
}

//! The attachment bytes the server stored, as sha256s: rows of the database store on PostgreSQL
//! (its default there), files under the data folder on SQLite.
QStringList storedBlobs(Harness &h)
{
    QStringList out;
    if (h.database().kind() == TestDatabase::Kind::PostgreSQL) {
        for (const QVariant &sha : h.database().firstColumn(QStringLiteral("SELECT sha256 FROM blobs")))
            out.append(sha.toString());
    } else {
        const QString root = h.server().dataDir() + QStringLiteral("/attachments");
        QDirIterator it(root, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next().mid(root.size() + 1);
            if (!path.startsWith(QLatin1StringView("tmp/")))
                out.append(path);
        }
    }
    out.sort();
    return out;
}

//! Uploads `bytes` into `conversationId` and sends them as a message with `body`.
std::optional<MessageInfo> sendWithFile(TestClient &c, const QString &conversationId, const QString &clientId,
                                        const QString &body, const QString &name, const QByteArray &bytes)
{
    const Frame done = upload(c, conversationId, name, bytes, QStringLiteral("text/plain"));
    const auto *attachment = std::get_if<AttachmentDone>(&done);
    if (!attachment) {
        qWarning("upload failed: %s", qPrintable(TestClient::describe(done)));
        return std::nullopt;
    }
    MessageSend send = textMessage(conversationId, clientId, body);
    send.attachments = {attachment->attachment.id};
    const Frame reply = c.request(send);
    const auto *sent = std::get_if<MessageSent>(&reply);
    if (!sent) {
        qWarning("send failed: %s", qPrintable(TestClient::describe(reply)));
        return std::nullopt;
    }
    return sent->message;
}

bool refusedWith(const Frame &frame, ErrorCode code, const QString &field)
{
    const auto *error = std::get_if<Error>(&frame);
    if (!error || error->code != code || error->field != field) {
        qWarning("expected %s on %s, got %s", qPrintable(enumName(code)), qPrintable(field),
                 qPrintable(TestClient::describe(frame)));
        return false;
    }
    return true;
}

ConversationInfo listed(TestClient &c, const QString &conversationId)
{
    const Frame reply = c.request(ConversationList{});
    if (const auto *list = std::get_if<Conversations>(&reply)) {
        for (const ConversationInfo &info : list->conversations) {
            if (info.id == conversationId)
                return info;
        }
    }
    return {};
}

std::function<bool(const Frame &)> markedAs(const QString &conversationId, bool unread)
{
    return [conversationId, unread](const Frame &f) {
        const auto *m = std::get_if<ConversationMarked>(&f);
        return m && m->conversationId == conversationId && m->unread == unread;
    };
}

int markedCount(const TestClient &c)
{
    return int(std::count_if(c.pushed().cbegin(), c.pushed().cend(),
                             [](const Frame &f) { return std::holds_alternative<ConversationMarked>(f); }));
}

const QByteArray kNotes = QByteArray("minutes of the planning meeting\n").repeated(40);
} // namespace

class TestForward : public QObject {
    Q_OBJECT
private slots:
    void initTestCase_data() { addBackendRows(); }

    //! The copy shares the original's stored bytes: a new attachment row, no new blob.
    void forwardSharesAttachments()
    {
        CONFAB_START_HARNESS(h, {});
        auto mina = h.client(QStringLiteral("mina"));
        auto joon = h.client(QStringLiteral("joon"));
        auto sora = h.client(QStringLiteral("sora"));
        QVERIFY(mina && joon && sora);
        const QString plans = create(*mina, ConversationKind::Group, QStringLiteral("Plans"), {joon->userId()});
        const QString side = create(*mina, ConversationKind::Group, QStringLiteral("Side"), {sora->userId()});
        QVERIFY(!plans.isEmpty() && !side.isEmpty());
        const auto original = sendWithFile(*joon, plans, QStringLiteral("j1"), QStringLiteral("notes attached"),
                                           QStringLiteral("notes.txt"), kNotes);
        QVERIFY(original);
        const QStringList blobsBefore = storedBlobs(h);
        QCOMPARE(blobsBefore.size(), 1);
        const qint64 rowsBefore = h.database().firstColumn(QStringLiteral("SELECT COUNT(*) FROM attachments")).value(0).toLongLong();

        const Frame reply = mina->request(MessageForward{plans, original->id, side, QStringLiteral("f1")});
        const auto *sent = std::get_if<MessageSent>(&reply);
        QVERIFY2(sent, qPrintable(TestClient::describe(reply)));
        QCOMPARE(sent->conversationId, side);
        QCOMPARE(sent->message.body, QStringLiteral("notes attached"));
        QCOMPARE(sent->message.senderId, mina->userId()); // the forwarder sends the copy
        QCOMPARE(sent->message.forwarded, std::optional<bool>(true));
        QCOMPARE(sent->message.attachments.size(), 1);
        const QString copyAttachment = sent->message.attachments.first();
        QVERIFY(copyAttachment != original->attachments.first());

        // No byte copied: the same blobs; one attachment row more, naming the row it copies.
        QCOMPARE(storedBlobs(h), blobsBefore);
        QCOMPARE(h.database().firstColumn(QStringLiteral("SELECT COUNT(*) FROM attachments")).value(0).toLongLong(),
                 rowsBefore + 1);
        QCOMPARE(h.database()
                     .firstColumn(QStringLiteral("SELECT forwarded_from FROM attachments WHERE id = ?"), {copyAttachment})
                     .value(0)
                     .toString(),
                 original->attachments.first());
        // The forwarded copy takes none of the forwarder's quota (she uploaded nothing).
        QCOMPARE(h.database()
                     .firstColumn(QStringLiteral("SELECT COUNT(*) FROM attachments WHERE uploader_id = ? AND "
                                                 "forwarded_from IS NULL"),
                                  {mina->userId()})
                     .value(0)
                     .toLongLong(),
                 0);

        // Sora, in the target only, gets the event and the bytes; the original stays out of her reach.
        QVERIFY(sora->waitForPushed([&](const Frame &f) {
            const auto *e = std::get_if<Event>(&f);
            return e && e->conversationId == side && e->message && e->message->id == sent->message.id &&
                   e->message->forwarded == std::optional<bool>(true) && e->message->attachments == QList<QString>{copyAttachment};
        }));
        const Fetched fetched = fetch(*sora, copyAttachment);
        const auto *data = std::get_if<AttachmentData>(&fetched.reply);
        QVERIFY2(data, qPrintable(TestClient::describe(fetched.reply)));
        QCOMPARE(data->attachment.name, QStringLiteral("notes.txt"));
        QCOMPARE(fetched.bytes, kNotes);
        QVERIFY(TestClient::isError(fetch(*sora, original->attachments.first()).reply, ErrorCode::NotFound));

        // A retry (same client id) answers with the copy stored before: no second message, no event.
        const qint64 lastSeq = listed(*mina, side).lastSeq;
        const Frame again = mina->request(MessageForward{plans, original->id, side, QStringLiteral("f1")});
        QCOMPARE(std::get<MessageSent>(again).message.id, sent->message.id);
        QCOMPARE(std::get<MessageSent>(again).message.attachments, QList<QString>{copyAttachment});
        QCOMPARE(std::get<MessageSent>(again).message.forwarded, std::optional<bool>(true));
        QCOMPARE(listed(*mina, side).lastSeq, lastSeq);

        // In history and in a sync from nothing it reads the same.
        const History history = std::get<History>(sora->request(HistoryRequest{side, std::nullopt, std::nullopt, 50}));
        QCOMPARE(history.events.last().message->forwarded, std::optional<bool>(true));
        QCOMPARE(history.events.last().message->attachments, QList<QString>{copyAttachment});
        const SyncResult sync = std::get<SyncResult>(sora->request(SyncRequest{{{side, 0}}}));
        QCOMPARE(sync.conversations.size(), 1);
        QCOMPARE(sync.conversations.first().events.last().message->forwarded, std::optional<bool>(true));
        // An ordinary message says nothing of forwarding.
        QCOMPARE(history.events.first().kind, EventKind::Created);
        const MessageSent plain = std::get<MessageSent>(sora->request(textMessage(side, QStringLiteral("s1"), QStringLiteral("thanks"))));
        QCOMPARE(plain.message.forwarded, std::nullopt);

        // Forwarding the copy on (to Plans) shares the same bytes again; the deleted original takes
        // its own row with it, never the copies' bytes.
        QVERIFY(std::holds_alternative<MessageSent>(
            mina->request(MessageForward{side, sent->message.id, plans, QStringLiteral("f2")})));
        QVERIFY(std::holds_alternative<Ok>(joon->request(MessageDelete{plans, original->id})));
        QCOMPARE(fetch(*sora, copyAttachment).bytes, kNotes);
        QCOMPARE(storedBlobs(h), blobsBefore);
    }

    void refusals()
    {
        CONFAB_START_HARNESS(h, {});
        auto mina = h.client(QStringLiteral("mina"));
        auto joon = h.client(QStringLiteral("joon"));
        auto sora = h.client(QStringLiteral("sora"));
        QVERIFY(mina && joon && sora);
        const QString plans = create(*mina, ConversationKind::Group, QStringLiteral("Plans"), {joon->userId()});
        const QString side = create(*mina, ConversationKind::Group, QStringLiteral("Side"), {sora->userId()});
        const QString other = create(*sora, ConversationKind::Group, QStringLiteral("Other"), {joon->userId()});
        const MessageInfo hello =
            std::get<MessageSent>(joon->request(textMessage(plans, QStringLiteral("j1"), QStringLiteral("hello")))).message;
        const MessageInfo elsewhere =
            std::get<MessageSent>(sora->request(textMessage(other, QStringLiteral("s1"), QStringLiteral("elsewhere")))).message;

        // Not a member of the target (Joon is not in Side): as if it did not exist.
        QVERIFY(refusedWith(joon->request(MessageForward{plans, hello.id, side, QStringLiteral("x1")}),
                            ErrorCode::NotFound, QStringLiteral("target_id")));
        // Not a member of the origin (Sora is not in Plans).
        QVERIFY(refusedWith(sora->request(MessageForward{plans, hello.id, side, QStringLiteral("x2")}),
                            ErrorCode::NotFound, QStringLiteral("conversation_id")));
        // A message of another conversation, or one that does not exist.
        QVERIFY(refusedWith(mina->request(MessageForward{plans, elsewhere.id, side, QStringLiteral("x3")}),
                            ErrorCode::NotFound, QStringLiteral("message_id")));
        QVERIFY(refusedWith(mina->request(MessageForward{plans, QStringLiteral("m_nothing"), side, QStringLiteral("x4")}),
                            ErrorCode::NotFound, QStringLiteral("message_id")));
        // Into the same conversation: the decoder says so.
        QVERIFY(refusedWith(mina->request(MessageForward{plans, hello.id, plans, QStringLiteral("x5")}),
                            ErrorCode::Invalid, QStringLiteral("target_id")));
        // A deleted message has nothing left to forward.
        QVERIFY(std::holds_alternative<Ok>(joon->request(MessageDelete{plans, hello.id})));
        QVERIFY(refusedWith(mina->request(MessageForward{plans, hello.id, side, QStringLiteral("x6")}),
                            ErrorCode::NotFound, QStringLiteral("message_id")));
        // A former member forwards nothing out of the conversation any more.
        const MessageInfo later =
            std::get<MessageSent>(joon->request(textMessage(plans, QStringLiteral("j2"), QStringLiteral("later")))).message;
        QVERIFY(std::holds_alternative<Ok>(mina->request(MembersAdd{plans, {sora->userId()}})));
        QVERIFY(std::holds_alternative<MessageSent>(
            sora->request(MessageForward{plans, later.id, side, QStringLiteral("x7")})));
        QVERIFY(std::holds_alternative<Ok>(sora->request(ConversationLeave{plans})));
        QVERIFY(refusedWith(sora->request(MessageForward{plans, later.id, side, QStringLiteral("x8")}),
                            ErrorCode::NotFound, QStringLiteral("conversation_id")));
        // Nothing refused was stored: Side holds the one forward that was allowed.
        const History side1 = std::get<History>(mina->request(HistoryRequest{side, std::nullopt, std::nullopt, 50}));
        QCOMPARE(std::count_if(side1.events.cbegin(), side1.events.cend(),
                               [](const Event &e) { return e.kind == EventKind::Message; }),
                 1);
    }

    /*!
     * Out of a blind room, the copy names nobody: not the author's id, username or name, nor their
     * alias (which means something only in the room). Into a blind room, the forwarder shows as their
     * alias there, like any sender. The raw frames every receiver got are scanned (blindscan.h).
     */
    void blindRoomsNameNobody()
    {
        CONFAB_START_HARNESS(h, {});
        Person olwen{QStringLiteral("olwen3hv"), QStringLiteral("Olwen Hartigan-Voss"), {}, {}};
        Person zelda{QStringLiteral("zelda7qm"), QStringLiteral("Zelda Quincy-Marsh"), {}, {}};
        Person bram{QStringLiteral("bramwell9"), QStringLiteral("Bramwell Oyelaran"), {}, {}};
        for (Person *p : {&olwen, &zelda, &bram})
            QVERIFY(registerPerson(h, *p));
        // The blind room: Olwen (owner) and Zelda. A group outside it: Olwen and Bram.
        const QString room = create(olwen.client(), ConversationKind::Blind, QStringLiteral("Night owls"), {zelda.id});
        const QString group = create(olwen.client(), ConversationKind::Group, QStringLiteral("Daylight"), {bram.id});
        QVERIFY(!room.isEmpty() && !group.isEmpty());
        const MemberInfo zeldaAlias = meIn(zelda.client(), room);
        const MemberInfo olwenAlias = meIn(olwen.client(), room);
        QVERIFY(isAliasName(zeldaAlias.name) && isAliasName(olwenAlias.name));

        // Zelda writes in the room, with a file; Olwen forwards it to Bram's group.
        const auto secret = sendWithFile(zelda.client(), room, QStringLiteral("z1"), QStringLiteral("my plan for friday"),
                                         QStringLiteral("plan.txt"), kNotes);
        QVERIFY(secret);
        const Frame out = olwen.client().request(MessageForward{room, secret->id, group, QStringLiteral("o1")});
        const auto *sent = std::get_if<MessageSent>(&out);
        QVERIFY2(sent, qPrintable(TestClient::describe(out)));
        QCOMPARE(sent->message.senderId, olwen.id); // outside the room Olwen is herself
        QVERIFY(bram.client().waitForPushed([&](const Frame &f) {
            const auto *e = std::get_if<Event>(&f);
            return e && e->conversationId == group && e->message && e->message->id == sent->message.id;
        }));
        const Fetched fetched = fetch(bram.client(), sent->message.attachments.value(0));
        QCOMPARE(fetched.bytes, kNotes);
        // Bram never learns who wrote it, not even by alias.
        QCOMPARE(checkFrames(bram, {&zelda}), QString());
        for (const QString &raw : framesOf(bram)) {
            QVERIFY2(!raw.contains(zeldaAlias.id) && !raw.contains(zeldaAlias.name, Qt::CaseInsensitive),
                     qPrintable(raw.left(300)));
            QVERIFY2(!raw.contains(room), qPrintable(raw.left(300))); // nor where it came from
        }

        // Into the room: Bram writes in the group, Olwen forwards it into the room. Zelda sees
        // Olwen's alias as the sender and nothing of Olwen's or Bram's identity.
        const MessageInfo lunch = std::get<MessageSent>(
            bram.client().request(textMessage(group, QStringLiteral("b1"), QStringLiteral("lunch at noon")))).message;
        const Frame in = olwen.client().request(MessageForward{group, lunch.id, room, QStringLiteral("o2")});
        const auto *into = std::get_if<MessageSent>(&in);
        QVERIFY2(into, qPrintable(TestClient::describe(in)));
        QCOMPARE(into->message.senderId, olwenAlias.id);
        QCOMPARE(into->message.forwarded, std::optional<bool>(true));
        QVERIFY(zelda.client().waitForPushed([&](const Frame &f) {
            const auto *e = std::get_if<Event>(&f);
            return e && e->conversationId == room && e->message && e->message->id == into->message.id &&
                   e->message->senderId == olwenAlias.id && e->message->body == QStringLiteral("lunch at noon");
        }));
        // The same after a restart of Zelda's app: history and sync from nothing.
        QVERIFY(reconnect(h, zelda));
        QVERIFY(std::holds_alternative<History>(zelda.client().request(HistoryRequest{room, std::nullopt, std::nullopt, 50})));
        QVERIFY(std::holds_alternative<SyncResult>(zelda.client().request(SyncRequest{{{room, 0}}})));
        QCOMPARE(checkFrames(zelda, {&olwen, &bram}), QString());
        for (const QString &raw : framesOf(zelda))
            QVERIFY2(!raw.contains(group), qPrintable(raw.left(300)));
    }

    //! My unread mark reaches all my devices (not the others), stays until I read again, and is
    //! what conversation.list says.
    void markUnreadSyncsAcrossDevices()
    {
        CONFAB_START_HARNESS(h, {});
        auto laptop = h.client(QStringLiteral("mina"));
        auto joon = h.client(QStringLiteral("joon"));
        auto sora = h.client(QStringLiteral("sora"));
        QVERIFY(laptop && joon && sora);
        TestClient desk;
        QVERIFY(desk.open(h.server().url()) && desk.signIn(QStringLiteral("mina")));
        const QString chat = create(*laptop, ConversationKind::Group, QStringLiteral("Chat"), {joon->userId()});
        const qint64 first = std::get<MessageSent>(
            joon->request(textMessage(chat, QStringLiteral("j1"), QStringLiteral("read me")))).message.seq;
        QVERIFY(std::holds_alternative<Ok>(laptop->request(Receipt{chat, ReceiptKind::Read, first})));
        QCOMPARE(listed(desk, chat).unread, 0);
        QCOMPARE(listed(desk, chat).markedUnread, std::nullopt);

        // Marked on the laptop: the desk is told, and the list says so on both; Joon learns nothing.
        QVERIFY(std::holds_alternative<Ok>(laptop->request(ConversationMark{chat, true})));
        QVERIFY(desk.waitForPushed(markedAs(chat, true)));
        QVERIFY(laptop->waitForPushed(markedAs(chat, true)));
        QCOMPARE(listed(desk, chat).markedUnread, std::optional<bool>(true));
        QCOMPARE(listed(*laptop, chat).unread, 0); // the mark is not a count
        QCOMPARE(listed(*joon, chat).markedUnread, std::nullopt);
        QCOMPARE(markedCount(*joon), 0);
        // Marking again changes (and tells) nothing; a stranger's mark is refused.
        QVERIFY(std::holds_alternative<Ok>(laptop->request(ConversationMark{chat, true})));
        QVERIFY(std::holds_alternative<Conversations>(desk.request(ConversationList{}))); // a round trip: pushes before it are in
        QCOMPARE(markedCount(desk), 1);
        QVERIFY(TestClient::isError(sora->request(ConversationMark{chat, true}), ErrorCode::NotFound));
        // A fresh sign-in (a third device) finds it in the list.
        TestClient phone;
        QVERIFY(phone.open(h.server().url()) && phone.signIn(QStringLiteral("mina")));
        QCOMPARE(listed(phone, chat).markedUnread, std::optional<bool>(true));

        // A receipt that moves nothing keeps the mark; reading something new takes it away everywhere.
        QVERIFY(std::holds_alternative<Ok>(desk.request(Receipt{chat, ReceiptKind::Read, first})));
        QCOMPARE(listed(desk, chat).markedUnread, std::optional<bool>(true));
        const qint64 second = std::get<MessageSent>(
            joon->request(textMessage(chat, QStringLiteral("j2"), QStringLiteral("and this")))).message.seq;
        QVERIFY(std::holds_alternative<Ok>(desk.request(Receipt{chat, ReceiptKind::Read, second})));
        QVERIFY(laptop->waitForPushed(markedAs(chat, false)));
        QVERIFY(phone.waitForPushed(markedAs(chat, false)));
        QCOMPARE(listed(*laptop, chat).markedUnread, std::nullopt);

        // Taken away by hand, too.
        QVERIFY(std::holds_alternative<Ok>(laptop->request(ConversationMark{chat, true})));
        QVERIFY(desk.waitForPushed(markedAs(chat, true)));
        desk.clearPushed();
        QVERIFY(std::holds_alternative<Ok>(desk.request(ConversationMark{chat, false})));
        QVERIFY(laptop->waitForPushed([&](const Frame &f) {
            const auto *m = std::get_if<ConversationMarked>(&f);
            return m && m->conversationId == chat && !m->unread;
        }));
        QCOMPARE(listed(phone, chat).markedUnread, std::nullopt);
    }
};

//! Two instances on one PostgreSQL: a forward made on one reaches the target's members on the
//! other, and an unread mark set on one reaches my sessions on the other.
class TestForwardCluster : public QObject {
    Q_OBJECT
private slots:
    void crossesInstances()
    {
        TestDatabase db(TestDatabase::Kind::PostgreSQL);
        QVERIFY2(db.isValid(), qPrintable(db.errorString()));
        const QMap<QString, QString> settings{{QStringLiteral("limits/send_burst"), QStringLiteral("100000")},
                                              {QStringLiteral("server/requests_per_second"), QStringLiteral("10000")}};
        ServerProcess one(db.url(), settings), two(db.url(), settings);
        QVERIFY2(one.start(), qPrintable(one.errorString()));
        QVERIFY2(two.start(), qPrintable(two.errorString()));
        TestClient mina, minaElsewhere, joon, sora;
        QVERIFY(mina.open(one.url()) && mina.signUp(QStringLiteral("mina")));
        QVERIFY(joon.open(one.url()) && joon.signUp(QStringLiteral("joon")));
        QVERIFY(sora.open(two.url()) && sora.signUp(QStringLiteral("sora")));
        QVERIFY(minaElsewhere.open(two.url()) && minaElsewhere.signIn(QStringLiteral("mina")));
        const QString plans = create(mina, ConversationKind::Group, QStringLiteral("Plans"), {joon.userId()});
        const QString side = create(mina, ConversationKind::Group, QStringLiteral("Side"), {sora.userId()});
        const auto original = sendWithFile(joon, plans, QStringLiteral("j1"), QStringLiteral("notes"),
                                           QStringLiteral("notes.txt"), kNotes);
        QVERIFY(original);
        const Frame reply = mina.request(MessageForward{plans, original->id, side, QStringLiteral("f1")});
        const auto *sent = std::get_if<MessageSent>(&reply);
        QVERIFY2(sent, qPrintable(TestClient::describe(reply)));
        QVERIFY(sora.waitForPushed([&](const Frame &f) {
            const auto *e = std::get_if<Event>(&f);
            return e && e->conversationId == side && e->message && e->message->id == sent->message.id &&
                   e->message->forwarded == std::optional<bool>(true);
        }));
        QCOMPARE(fetch(sora, sent->message.attachments.value(0)).bytes, kNotes); // served by the other instance

        QVERIFY(std::holds_alternative<Ok>(mina.request(ConversationMark{side, true})));
        QVERIFY(minaElsewhere.waitForPushed(markedAs(side, true)));
    }
};

CONFAB_TEST_MAIN_WITH_POSTGRES_ONLY(TestForward, TestForwardCluster)
#include "tst_forward.moc"

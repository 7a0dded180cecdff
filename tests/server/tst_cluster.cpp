// Two confab-server instances on one PostgreSQL act as one server: messages, typing, receipts and
// presence cross between them, and clients of a killed instance move to the other and miss nothing.
#include "harness.h"
#include "transfers.h"

#include <QBuffer>
#include <QImage>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSqlQuery>

using namespace confab::protocol;
using namespace confab::test;

namespace {
QMap<QString, QString> loadSettings()
{
    return {{QStringLiteral("limits/send_burst"), QStringLiteral("100000")},
            {QStringLiteral("server/requests_per_second"), QStringLiteral("10000")}};
}

bool isPresence(const Frame &f, const QString &userId, PresenceStatus status)
{
    const auto *p = std::get_if<PresenceUpdate>(&f);
    return p && p->userId == userId && p->status == status;
}

//! Whether `client` was ever pushed "offline" about `userId` (after a round trip, so that every
//! push the server made before it has arrived).
bool everToldOffline(TestClient &client, const QString &userId)
{
    if (!std::holds_alternative<Sessions>(client.request(AuthSessions{})))
        return true;
    return std::any_of(client.pushed().cbegin(), client.pushed().cend(),
                       [&](const Frame &f) { return isPresence(f, userId, PresenceStatus::Offline); });
}

//! A fresh sign-in as `username` on `url` is told at once that `userId` is online.
bool freshSignInListsOnline(const QString &url, const QString &username, const QString &userId)
{
    TestClient fresh;
    if (!fresh.open(url) || !fresh.signIn(username))
        return false;
    return fresh.waitForPushed([&](const Frame &f) { return isPresence(f, userId, PresenceStatus::Online); }, 5000);
}

//! `sender` writes into `room`, and `receiver` (on another instance) waits for it. NOTIFYs from one
//! instance arrive in the order sent: once the event is there, so is every presence change the
//! sender's instance announced before it.
bool crossed(TestClient &sender, TestClient &receiver, const QString &room, const QString &clientId)
{
    const Frame reply = sender.request(textMessage(room, clientId, QStringLiteral("sync")));
    const auto *sent = std::get_if<MessageSent>(&reply);
    if (!sent)
        return false;
    const qint64 seq = sent->message.seq;
    return receiver.waitForPushed([&](const Frame &f) {
        const auto *e = std::get_if<Event>(&f);
        return e && e->conversationId == room && e->seq == seq;
    });
}
//! Runs one statement with one parameter on the servers' database; the first column of its first
//! row, or an invalid QVariant when it failed.
QVariant runOnDatabase(const TestDatabase &db, const QString &sql, const QVariant &param = {})
{
    static int n = 0;
    const QString connection = QStringLiteral("tst_cluster_%1").arg(++n);
    QVariant result;
    {
        const QString url = db.url();
        const qsizetype from = url.indexOf(u'/', qstrlen("postgresql://")) + 1;
        QSqlDatabase handle = TestDatabase::openPostgres(url.mid(from, url.indexOf(u'?') - from), connection);
        QSqlQuery q(handle);
        q.prepare(sql);
        if (param.isValid())
            q.addBindValue(param);
        if (q.exec())
            result = q.next() ? q.value(0) : QVariant(QStringLiteral("no row"));
    }
    QSqlDatabase::removeDatabase(connection);
    return result;
}

//! NOTIFYs `message` on the bus channel of the servers on `db`, as another instance would.
bool notifyBus(const TestDatabase &db, const QJsonObject &message)
{
    return runOnDatabase(db, QStringLiteral("SELECT pg_notify('confab', ?)"),
                         QString::fromUtf8(QJsonDocument(message).toJson(QJsonDocument::Compact)))
        .isValid();
}
} // namespace

class TestCluster : public QObject {
    Q_OBJECT
private slots:
    void everythingCrossesInstances()
    {
        TestDatabase db(TestDatabase::Kind::PostgreSQL);
        QVERIFY2(db.isValid(), qPrintable(db.errorString()));
        ServerProcess one(db.url(), loadSettings()), two(db.url(), loadSettings());
        QVERIFY2(one.start(), qPrintable(one.errorString()));
        QVERIFY2(two.start(), qPrintable(two.errorString()));

        TestClient mina, joon, sora;
        QVERIFY(mina.open(one.url()) && mina.signUp(QStringLiteral("mina")));
        QVERIFY(joon.open(two.url()) && joon.signUp(QStringLiteral("joon")));
        QVERIFY(sora.open(one.url()) && sora.signUp(QStringLiteral("sora")));
        const Frame created = mina.request(ConversationCreate{ConversationKind::Group, QStringLiteral("across"),
                                                              {joon.userId(), sora.userId()}});
        const QString room = std::get<ConversationDetail>(created).conversation.id;
        // Joon, on the other instance, is told about the conversation and its events.
        QVERIFY(joon.waitForPushed([&](const Frame &f) {
            const auto *d = std::get_if<ConversationDetail>(&f);
            return d && d->conversation.id == room;
        }));

        // A message from each side reaches the other side.
        const qint64 fromMina = std::get<MessageSent>(mina.request(textMessage(room, QStringLiteral("a"), QStringLiteral("from one")))).message.seq;
        QVERIFY(joon.waitForPushed([&](const Frame &f) {
            const auto *e = std::get_if<Event>(&f);
            return e && e->seq == fromMina && e->message && e->message->body == QStringLiteral("from one");
        }));
        const qint64 fromJoon = std::get<MessageSent>(joon.request(textMessage(room, QStringLiteral("b"), QStringLiteral("from two")))).message.seq;
        QVERIFY(mina.waitForPushed([&](const Frame &f) {
            const auto *e = std::get_if<Event>(&f);
            return e && e->seq == fromJoon;
        }));

        // Typing, receipts and presence cross too.
        QVERIFY(std::holds_alternative<Ok>(joon.request(Typing{room, true})));
        QVERIFY(mina.waitForPushed([&](const Frame &f) {
            const auto *t = std::get_if<TypingUpdate>(&f);
            return t && t->memberId == joon.userId() && t->active;
        }));
        QVERIFY(std::holds_alternative<Ok>(joon.request(Receipt{room, ReceiptKind::Read, fromMina})));
        QVERIFY(mina.waitForPushed([&](const Frame &f) {
            const auto *m = std::get_if<MarkerUpdate>(&f);
            return m && m->memberId == joon.userId() && m->readSeq == fromMina;
        }));
        QVERIFY(std::holds_alternative<Ok>(joon.request(PresenceSet{PresenceStatus::Away})));
        QVERIFY(mina.waitForPushed([&](const Frame &f) {
            const auto *p = std::get_if<PresenceUpdate>(&f);
            return p && p->userId == joon.userId() && p->status == PresenceStatus::Away;
        }));

        // Both instances write into the same conversation at once: every seq reaches Sora exactly once.
        QStringList pending;
        for (int i = 0; i < 40; ++i) {
            mina.send(textMessage(room, QStringLiteral("m%1").arg(i), QStringLiteral("mina %1").arg(i)));
            joon.send(textMessage(room, QStringLiteral("j%1").arg(i), QStringLiteral("joon %1").arg(i)));
        }
        const qint64 last = fromJoon + 80;
        QVERIFY(sora.waitForPushed([&](const Frame &f) {
            const auto *e = std::get_if<Event>(&f);
            return e && e->seq == last;
        }, 30000));
        QTest::qWait(300);
        QList<qint64> seqs;
        for (const Event &e : sora.events(room))
            seqs.append(e.seq);
        std::sort(seqs.begin(), seqs.end());
        QCOMPARE(seqs.size(), int(last)); // every event once: 1..last, nothing doubled, nothing lost
        for (qsizetype i = 0; i < seqs.size(); ++i)
            QCOMPARE(seqs[i], qint64(i + 1));
    }

    //! A pin on one instance reaches the members on the other live, in the conversation's order,
    //! and either instance lists it.
    void pinsCrossInstances()
    {
        TestDatabase db(TestDatabase::Kind::PostgreSQL);
        QVERIFY2(db.isValid(), qPrintable(db.errorString()));
        ServerProcess one(db.url(), loadSettings()), two(db.url(), loadSettings());
        QVERIFY2(one.start(), qPrintable(one.errorString()));
        QVERIFY2(two.start(), qPrintable(two.errorString()));
        TestClient mina, joon;
        QVERIFY(mina.open(one.url()) && mina.signUp(QStringLiteral("mina")));
        QVERIFY(joon.open(two.url()) && joon.signUp(QStringLiteral("joon")));
        const QString room = std::get<ConversationDetail>(mina.request(ConversationCreate{
            ConversationKind::Group, QStringLiteral("pins"), {joon.userId()}})).conversation.id;
        const MessageInfo rule = std::get<MessageSent>(mina.request(textMessage(room, QStringLiteral("r"),
                                                                                QStringLiteral("rule one")))).message;
        QVERIFY(std::holds_alternative<Ok>(mina.request(MessagePin{room, rule.id, true})));
        QVERIFY(joon.waitForPushed([&](const Frame &f) {
            const auto *e = std::get_if<Event>(&f);
            return e && e->kind == EventKind::Pinned && e->seq == rule.seq + 1 && e->message &&
                   e->message->body == QStringLiteral("rule one") && e->actorId == mina.userId();
        }));
        const auto listed = std::get<Pins>(joon.request(PinsList{room}));
        QCOMPARE(listed.pins.size(), 1);
        QCOMPARE(listed.pins.first().message.id, rule.id);
        // The owner on one side lets members pin; the member on the other side unpins.
        QVERIFY(std::holds_alternative<Ok>(mina.request(PinRights{room, true})));
        QVERIFY(joon.waitForPushed([&](const Frame &f) {
            const auto *e = std::get_if<Event>(&f);
            return e && e->kind == EventKind::PinRightsChanged && e->allowed == true;
        }));
        QVERIFY(std::holds_alternative<Ok>(joon.request(MessagePin{room, rule.id, false})));
        QVERIFY(mina.waitForPushed([&](const Frame &f) {
            const auto *e = std::get_if<Event>(&f);
            return e && e->kind == EventKind::Unpinned && e->seq == rule.seq + 3 && e->messageId == rule.id;
        }));
        QVERIFY(std::get<Pins>(mina.request(PinsList{room})).pins.isEmpty());
    }

    void attachmentsAreServedByEveryInstance()
    {
        // Each instance has a data folder of its own here, as on two machines: the bytes live in the
        // database (the default store on PostgreSQL), so whichever instance a client reaches serves them.
        TestDatabase db(TestDatabase::Kind::PostgreSQL);
        QVERIFY2(db.isValid(), qPrintable(db.errorString()));
        ServerProcess one(db.url(), loadSettings()), two(db.url(), loadSettings());
        QVERIFY2(one.start(), qPrintable(one.errorString()));
        QVERIFY2(two.start(), qPrintable(two.errorString()));
        TestClient mina, joon;
        QVERIFY(mina.open(one.url()) && mina.signUp(QStringLiteral("mina")));
        QVERIFY(joon.open(two.url()) && joon.signUp(QStringLiteral("joon")));
        const Frame created =
            mina.request(ConversationCreate{ConversationKind::Group, QStringLiteral("files"), {joon.userId()}});
        QVERIFY2(std::holds_alternative<ConversationDetail>(created), qPrintable(TestClient::describe(created)));
        const QString room = std::get<ConversationDetail>(created).conversation.id;

        // A photo (thumbnail and preview made) and a file of several chunks, uploaded through one.
        QImage image(640, 480, QImage::Format_RGB32);
        image.fill(QColor(40, 120, 200));
        QByteArray photo;
        QBuffer buffer(&photo);
        QVERIFY(buffer.open(QIODevice::WriteOnly) && image.save(&buffer, "PNG"));
        QByteArray file;
        for (int line = 0; file.size() < 900 * 1024; ++line)
            file += "line " + QByteArray::number(line) + " of notes, plain text\n";
        file.truncate(900 * 1024);
        const Frame photoDone = upload(mina, room, QStringLiteral("photo.png"), photo, QStringLiteral("image/png"));
        const auto *photoUp = std::get_if<AttachmentDone>(&photoDone);
        QVERIFY2(photoUp, qPrintable(TestClient::describe(photoDone)));
        QVERIFY(photoUp->attachment.preview && !photoUp->attachment.preview->isEmpty());
        const Frame fileDone = upload(mina, room, QStringLiteral("notes.txt"), file, QStringLiteral("text/plain"));
        const auto *fileUp = std::get_if<AttachmentDone>(&fileDone);
        QVERIFY2(fileUp, qPrintable(TestClient::describe(fileDone)));

        // Downloaded through the other: the whole file, a range, the photo, its thumbnail and preview.
        const Fetched whole = fetch(joon, fileUp->attachment.id);
        QCOMPARE(sha256Hex(whole.bytes), sha256Hex(file));
        QCOMPARE(fetch(joon, fileUp->attachment.id, false, 300000, 500000).bytes, file.mid(300000, 500000));
        const Fetched photoThere = fetch(joon, photoUp->attachment.id);
        QCOMPARE(sha256Hex(photoThere.bytes), photoUp->attachment.sha256);
        const auto *meta = std::get_if<AttachmentData>(&photoThere.reply);
        QVERIFY(meta);
        QCOMPARE(meta->attachment.preview, photoUp->attachment.preview);
        const Fetched thumb = fetch(joon, photoUp->attachment.id, true);
        QImage thumbnail;
        QVERIFY(thumbnail.loadFromData(thumb.bytes));
        QVERIFY(thumbnail.width() > 0 && thumbnail.width() < 640);

        // The same bytes uploaded through both instances are stored once.
        const Frame again = upload(joon, room, QStringLiteral("copy.txt"), file, QStringLiteral("text/plain"));
        QVERIFY2(std::holds_alternative<AttachmentDone>(again), qPrintable(TestClient::describe(again)));
        QCOMPARE(runOnDatabase(db, QStringLiteral("SELECT COUNT(*) FROM blobs WHERE kind = 0 AND sha256 = ?"),
                               sha256Hex(file)).toInt(),
                 1);
        QCOMPARE(runOnDatabase(db, QStringLiteral("SELECT COUNT(*) FROM blob_chunks WHERE kind = 0 AND sha256 = ?"),
                               sha256Hex(file)).toInt(),
                 4); // 900 KiB in chunks of 256 KiB
    }

    void aChunkIsAcceptedOnceWhicheverInstanceGetsIt()
    {
        // Mina has a connection to each instance (a client that reconnected elsewhere while its old link
        // still delivered): the same chunk arrives at both at once. The offset moves by it once.
        TestDatabase db(TestDatabase::Kind::PostgreSQL);
        QVERIFY2(db.isValid(), qPrintable(db.errorString()));
        ServerProcess one(db.url(), loadSettings()), two(db.url(), loadSettings());
        QVERIFY2(one.start(), qPrintable(one.errorString()));
        QVERIFY2(two.start(), qPrintable(two.errorString()));
        TestClient there, here;
        QVERIFY(there.open(one.url()) && there.signUp(QStringLiteral("mina")));
        QVERIFY(here.open(two.url()) && here.signIn(QStringLiteral("mina")));
        const QString room = std::get<ConversationDetail>(
            there.request(ConversationCreate{ConversationKind::Group, QStringLiteral("twice"), {}})).conversation.id;
        QByteArray file;
        for (int line = 0; file.size() < 700 * 1024; ++line)
            file += "row " + QByteArray::number(line) + ", the same chunk twice\n";
        const auto up = std::get<AttachmentUpload>(beginUpload(there, room, QStringLiteral("t.txt"), file, QStringLiteral("text/plain")));
        for (int round = 0; round < 2; ++round) {
            const qint64 at = round * up.chunkBytes;
            sendChunks(there, up.uploadId, file, at, at + up.chunkBytes, up.chunkBytes);
            sendChunks(here, up.uploadId, file, at, at + up.chunkBytes, up.chunkBytes);
            // Replies come after the chunks sent before them on the same connection.
            const auto a = std::get<AttachmentUpload>(there.request(AttachmentStatus{up.uploadId}));
            const auto b = std::get<AttachmentUpload>(here.request(AttachmentStatus{up.uploadId}));
            QCOMPARE(std::max(a.offset, b.offset), at + up.chunkBytes);
        }
        // A refused chunk's error has no `re`: counted in what the connection received.
        const auto refusals = [](TestClient &c) {
            return std::count_if(c.rawTexts().cbegin(), c.rawTexts().cend(), [](const QString &text) {
                return text.contains(QLatin1StringView("\"INVALID\"")) && text.contains(QLatin1StringView("expected offset"));
            });
        };
        QCOMPARE(refusals(there) + refusals(here), 2); // one of each pair, wherever it came second
        sendChunks(here, up.uploadId, file, 2 * up.chunkBytes, file.size(), up.chunkBytes);
        QCOMPARE(std::get<AttachmentUpload>(here.request(AttachmentStatus{up.uploadId})).offset, qint64(file.size()));
        const Frame done = there.request(AttachmentFinish{up.uploadId}, 60000);
        QVERIFY2(std::holds_alternative<AttachmentDone>(done), qPrintable(TestClient::describe(done)));
        QCOMPARE(sha256Hex(fetch(here, up.attachmentId).bytes), sha256Hex(file));
    }

    void theSameFileAtOnceThroughBothIsStoredOnce()
    {
        TestDatabase db(TestDatabase::Kind::PostgreSQL);
        QVERIFY2(db.isValid(), qPrintable(db.errorString()));
        ServerProcess one(db.url(), loadSettings()), two(db.url(), loadSettings());
        QVERIFY2(one.start(), qPrintable(one.errorString()));
        QVERIFY2(two.start(), qPrintable(two.errorString()));
        TestClient mina, joon;
        QVERIFY(mina.open(one.url()) && mina.signUp(QStringLiteral("mina")));
        QVERIFY(joon.open(two.url()) && joon.signUp(QStringLiteral("joon")));
        const QString room = std::get<ConversationDetail>(
            mina.request(ConversationCreate{ConversationKind::Group, QStringLiteral("same"), {joon.userId()}})).conversation.id;
        QByteArray file;
        for (int line = 0; file.size() < 3 * 1024 * 1024; ++line)
            file += "entry " + QByteArray::number(line * 7919) + " of the shared report\n";
        file.truncate(3 * 1024 * 1024);
        const auto a = std::get<AttachmentUpload>(beginUpload(mina, room, QStringLiteral("a.txt"), file, QStringLiteral("text/plain")));
        const auto b = std::get<AttachmentUpload>(beginUpload(joon, room, QStringLiteral("b.txt"), file, QStringLiteral("text/plain")));
        sendChunks(mina, a.uploadId, file, 0, file.size(), a.chunkBytes);
        sendChunks(joon, b.uploadId, file, 0, file.size(), b.chunkBytes);
        // Both finishes run at the same time, each instance storing the same bytes.
        const QString ra = mina.send(AttachmentFinish{a.uploadId});
        const QString rb = joon.send(AttachmentFinish{b.uploadId});
        const Frame da = mina.waitForReply(ra, 60000), dbReply = joon.waitForReply(rb, 60000);
        QVERIFY2(std::holds_alternative<AttachmentDone>(da), qPrintable(TestClient::describe(da)));
        QVERIFY2(std::holds_alternative<AttachmentDone>(dbReply), qPrintable(TestClient::describe(dbReply)));
        QCOMPARE(db.firstColumn(QStringLiteral("SELECT COUNT(*) FROM blobs WHERE kind = 0 AND sha256 = ?"), {sha256Hex(file)})
                     .value(0).toInt(),
                 1);
        QCOMPARE(db.firstColumn(QStringLiteral("SELECT COUNT(*) FROM blob_chunks WHERE kind = 0 AND sha256 = ?"), {sha256Hex(file)})
                     .value(0).toInt(),
                 12); // 3 MiB in chunks of 256 KiB
        QCOMPARE(sha256Hex(fetch(mina, b.attachmentId).bytes), sha256Hex(file));
        QCOMPARE(sha256Hex(fetch(joon, a.attachmentId).bytes), sha256Hex(file));
    }

    void clientsOfAKilledInstanceMoveAndMissNothing()
    {
        TestDatabase db(TestDatabase::Kind::PostgreSQL);
        QVERIFY2(db.isValid(), qPrintable(db.errorString()));
        ServerProcess one(db.url(), loadSettings()), two(db.url(), loadSettings());
        QVERIFY2(one.start(), qPrintable(one.errorString()));
        QVERIFY2(two.start(), qPrintable(two.errorString()));
        TestClient mina, joon;
        QVERIFY(mina.open(one.url()) && mina.signUp(QStringLiteral("mina")));
        QVERIFY(joon.open(two.url()) && joon.signUp(QStringLiteral("joon")));
        const QString room = std::get<ConversationDetail>(
            mina.request(ConversationCreate{ConversationKind::Group, QStringLiteral("failover"), {joon.userId()}})).conversation.id;
        QVERIFY(std::holds_alternative<MessageSent>(mina.request(textMessage(room, QStringLiteral("x"), QStringLiteral("before")))));
        QVERIFY(mina.waitForEvents(room, 4));
        const qint64 seen = mina.events(room).last().seq;

        joon.clearPushed();
        one.kill();
        QVERIFY(mina.waitForDisconnect());
        // The surviving instance notices the silence and tells Joon that Mina is gone: no "online"
        // forever for someone whose server died.
        QVERIFY(joon.waitForPushed([&](const Frame &f) {
            const auto *p = std::get_if<PresenceUpdate>(&f);
            return p && p->userId == mina.userId() && p->status == PresenceStatus::Offline;
        }, 20000));
        for (int i = 0; i < 10; ++i)
            QVERIFY(std::holds_alternative<MessageSent>(joon.request(textMessage(room, QStringLiteral("w%1").arg(i), QStringLiteral("while away %1").arg(i)))));

        // Mina's client moves to the surviving instance with its token and catches up.
        TestClient moved;
        QVERIFY(moved.open(two.url()));
        QVERIFY(std::holds_alternative<AuthOk>(moved.request(AuthResume{mina.token(), {}})));
        const SyncResult sync = std::get<SyncResult>(moved.request(SyncRequest{{{room, seen}}}));
        QCOMPARE(sync.conversations.size(), 1);
        QCOMPARE(sync.conversations.first().events.size(), 10);
        for (int i = 0; i < 10; ++i) {
            QCOMPARE(sync.conversations.first().events[i].seq, seen + 1 + i);
            QCOMPARE(sync.conversations.first().events[i].message->body, QStringLiteral("while away %1").arg(i));
        }
    }

    void clientsResumingElsewhereNeverGoOffline()
    {
        TestDatabase db(TestDatabase::Kind::PostgreSQL);
        QVERIFY2(db.isValid(), qPrintable(db.errorString()));
        ServerProcess one(db.url(), loadSettings()), two(db.url(), loadSettings());
        QVERIFY2(one.start(), qPrintable(one.errorString()));
        QVERIFY2(two.start(), qPrintable(two.errorString()));
        TestClient mina, joon;
        QVERIFY(mina.open(one.url()) && mina.signUp(QStringLiteral("mina")));
        QVERIFY(joon.open(two.url()) && joon.signUp(QStringLiteral("joon")));
        const QString room = std::get<ConversationDetail>(
            mina.request(ConversationCreate{ConversationKind::Group, QStringLiteral("resume"), {joon.userId()}})).conversation.id;
        QVERIFY(crossed(mina, joon, room, QStringLiteral("before")));

        // Mina's instance dies; her client is back on the other one at once, with the same session.
        joon.clearPushed();
        one.kill();
        QVERIFY(mina.waitForDisconnect());
        TestClient moved;
        QVERIFY(moved.open(two.url()));
        QVERIFY(std::holds_alternative<AuthOk>(moved.request(AuthResume{mina.token(), {}})));

        // Wait until the survivor has given up on the dead instance (about 7 s), then look: Joon
        // was never told that Mina went offline, and a fresh sign-in lists her online.
        QVERIFY(QTest::qWaitFor([&] { return two.log().contains(QStringLiteral("fell silent")); }, 30000));
        QVERIFY(!everToldOffline(joon, mina.userId()));
        QVERIFY(freshSignInListsOnline(two.url(), QStringLiteral("joon"), mina.userId()));

        // When she does leave, she goes offline.
        moved.close();
        QVERIFY(joon.waitForPushed([&](const Frame &f) { return isPresence(f, mina.userId(), PresenceStatus::Offline); }));
    }

    void aClientMovingBackAndForthStaysOnline()
    {
        TestDatabase db(TestDatabase::Kind::PostgreSQL);
        QVERIFY2(db.isValid(), qPrintable(db.errorString()));
        ServerProcess one(db.url(), loadSettings()), two(db.url(), loadSettings());
        QVERIFY2(one.start(), qPrintable(one.errorString()));
        QVERIFY2(two.start(), qPrintable(two.errorString()));
        // Joon watches from instance one, Sora from instance two.
        TestClient minaOnOne, joon, sora;
        QVERIFY(minaOnOne.open(one.url()) && minaOnOne.signUp(QStringLiteral("mina")));
        QVERIFY(joon.open(one.url()) && joon.signUp(QStringLiteral("joon")));
        QVERIFY(sora.open(two.url()) && sora.signUp(QStringLiteral("sora")));
        const QString minaId = minaOnOne.userId();
        const QString token = minaOnOne.token();
        const QString room = std::get<ConversationDetail>(
            joon.request(ConversationCreate{ConversationKind::Group, QStringLiteral("moves"), {minaId, sora.userId()}})).conversation.id;
        QVERIFY(crossed(joon, sora, room, QStringLiteral("j0")));
        QVERIFY(crossed(sora, joon, room, QStringLiteral("s0")));
        joon.clearPushed();
        sora.clearPushed();

        // A → B: the new connection opens on two before the old one on one closes.
        TestClient minaOnTwo;
        QVERIFY(minaOnTwo.open(two.url()));
        QVERIFY(std::holds_alternative<AuthOk>(minaOnTwo.request(AuthResume{token, {}})));
        QVERIFY(crossed(minaOnTwo, joon, room, QStringLiteral("m1")));
        minaOnOne.close();
        // B → A, the same way.
        TestClient minaBack;
        QVERIFY(minaBack.open(one.url()));
        QVERIFY(std::holds_alternative<AuthOk>(minaBack.request(AuthResume{token, {}})));
        QVERIFY(crossed(minaBack, sora, room, QStringLiteral("m2")));
        minaOnTwo.close();
        // Both instances have heard all of it once another round crosses each way.
        QVERIFY(crossed(minaBack, sora, room, QStringLiteral("m3")));
        QVERIFY(crossed(sora, joon, room, QStringLiteral("s1")));

        QVERIFY(!everToldOffline(joon, minaId));
        QVERIFY(!everToldOffline(sora, minaId));
        QVERIFY(freshSignInListsOnline(one.url(), QStringLiteral("joon"), minaId));
        QVERIFY(freshSignInListsOnline(two.url(), QStringLiteral("sora"), minaId));

        // And when the last connection closes, both sides hear it.
        minaBack.close();
        const auto minaOffline = [&](const Frame &f) { return isPresence(f, minaId, PresenceStatus::Offline); };
        QVERIFY(joon.waitForPushed(minaOffline));
        QVERIFY(sora.waitForPushed(minaOffline));
    }

    void anInstanceStartedLaterKnowsWhoIsOnline()
    {
        TestDatabase db(TestDatabase::Kind::PostgreSQL);
        QVERIFY2(db.isValid(), qPrintable(db.errorString()));
        ServerProcess one(db.url(), loadSettings());
        QVERIFY2(one.start(), qPrintable(one.errorString()));
        TestClient mina, joon;
        QVERIFY(mina.open(one.url()) && mina.signUp(QStringLiteral("mina")));
        QVERIFY(joon.open(one.url()) && joon.signUp(QStringLiteral("joon")));
        QVERIFY(std::holds_alternative<ConversationDetail>(
            mina.request(ConversationCreate{ConversationKind::Group, QStringLiteral("later"), {joon.userId()}})));
        joon.close();

        // A second instance starts after Mina signed in on the first; Joon signs in there and is
        // told at once that Mina is online.
        ServerProcess two(db.url(), loadSettings());
        QVERIFY2(two.start(), qPrintable(two.errorString()));
        const auto minaOnline = [&](const Frame &f) {
            const auto *p = std::get_if<PresenceUpdate>(&f);
            return p && p->userId == mina.userId() && p->status == PresenceStatus::Online;
        };
        // The hello and its answers cross the database asynchronously: sign in again until they have.
        bool told = false;
        for (int attempt = 0; attempt < 20 && !told; ++attempt) {
            TestClient joonAgain;
            QVERIFY(joonAgain.open(two.url()));
            QVERIFY(joonAgain.signIn(QStringLiteral("joon")));
            told = joonAgain.waitForPushed(minaOnline, 500);
        }
        QVERIFY(told);
    }

    //! A push too large for a NOTIFY (a streamed message's text so far, 9000 bytes) is parked in the
    //! bus store and read there by the other instance.
    void aLargePushCrossesThroughTheBusStore()
    {
        TestDatabase db(TestDatabase::Kind::PostgreSQL);
        QVERIFY2(db.isValid(), qPrintable(db.errorString()));
        ServerProcess one(db.url(), loadSettings()), two(db.url(), loadSettings());
        QVERIFY2(one.start(), qPrintable(one.errorString()));
        QVERIFY2(two.start(), qPrintable(two.errorString()));
        TestClient mina, joon;
        QVERIFY(mina.open(one.url()) && mina.signUp(QStringLiteral("mina")));
        QVERIFY(joon.open(two.url()) && joon.signUp(QStringLiteral("joon")));
        const Frame created = mina.request(ConversationCreate{ConversationKind::Group, QStringLiteral("long"), {joon.userId()}});
        const QString room = std::get<ConversationDetail>(created).conversation.id;
        QVERIFY(crossed(mina, joon, room, QStringLiteral("warm-up")));

        const Frame reply = mina.request(StreamStart{room, QStringLiteral("s1"), std::nullopt});
        const auto *started = std::get_if<MessageSent>(&reply);
        QVERIFY2(started, qPrintable(TestClient::describe(reply)));
        QString text;
        for (int i = 0; text.size() < 9000; ++i)
            text += QStringLiteral("line %1 of a long answer\n").arg(i);
        QVERIFY(std::holds_alternative<Ok>(mina.request(StreamAppend{room, started->message.id, text})));
        QVERIFY(joon.waitForPushed([&](const Frame &f) {
            const auto *u = std::get_if<StreamUpdate>(&f);
            return u && u->messageId == started->message.id && u->body == text;
        }));
        QCOMPARE(runOnDatabase(db, QStringLiteral("SELECT COUNT(*) > 0 FROM bus_payloads")).toBool(), true);
    }

    //! During a rolling upgrade an instance of a newer version may send kinds this one does not
    //! know: they are ignored and logged, and what follows them on the bus is still delivered.
    void anUnknownBusKindIsIgnoredAndLogged()
    {
        TestDatabase db(TestDatabase::Kind::PostgreSQL);
        QVERIFY2(db.isValid(), qPrintable(db.errorString()));
        ServerProcess server(db.url(), loadSettings());
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        QTRY_VERIFY_WITH_TIMEOUT(server.log().contains(QStringLiteral("listening for other instances")), 10000);
        TestClient mina;
        QVERIFY(mina.open(server.url()) && mina.signUp(QStringLiteral("mina")));

        const QString newer = QStringLiteral("i_newer");
        QVERIFY(notifyBus(db, {{QStringLiteral("t"), QStringLiteral("shiny")}, {QStringLiteral("o"), newer},
                               {QStringLiteral("ts"), 1}, {QStringLiteral("x"), QJsonArray{1, 2}}}));
        QVERIFY(notifyBus(db, {{QStringLiteral("t"), QStringLiteral("e")}, {QStringLiteral("o"), newer}})); // no "c", "s"
        // Then a frame for Mina in today's format, written by hand as an instance of the previous
        // version writes it: the server still hears the bus and delivers it.
        const PresenceUpdate away{QStringLiteral("u_someone"), PresenceStatus::Away, std::nullopt};
        QVERIFY(notifyBus(db, {{QStringLiteral("t"), QStringLiteral("f")}, {QStringLiteral("o"), newer},
                               {QStringLiteral("ts"), 2}, {QStringLiteral("u"), QJsonArray{mina.userId()}},
                               {QStringLiteral("f"), QString::fromUtf8(encodeFrame(away))},
                               {QStringLiteral("d"), true}}));
        QVERIFY(mina.waitForPushed([&](const Frame &f) { return f == Frame(away); }));
        QTRY_VERIFY_WITH_TIMEOUT(server.log().contains(
                                     QStringLiteral("ignored bus messages of unknown kind \"shiny\" from instance i_newer")),
                                 10000);
        QVERIFY2(server.log().contains(QStringLiteral("ignored a bus message that does not decode: c: is required")),
                 qPrintable(server.log()));

        // The server goes on serving: a conversation and a message.
        const Frame created = mina.request(ConversationCreate{ConversationKind::Group, QStringLiteral("after"), {}});
        const auto *detail = std::get_if<ConversationDetail>(&created);
        QVERIFY2(detail, qPrintable(TestClient::describe(created)));
        QVERIFY(std::holds_alternative<MessageSent>(
            mina.request(textMessage(detail->conversation.id, QStringLiteral("a"), QStringLiteral("still here")))));
        QVERIFY(server.isRunning());
    }
};

QTEST_GUILESS_MAIN(TestCluster)
#include "tst_cluster.moc"

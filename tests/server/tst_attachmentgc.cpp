// The attachment sweep (services/attachmentjanitor.h) in a running server: blobs that no message, no unsent
// attachment and no upload refers to go once the grace period is over (files, thumbnails and previews, in
// whichever store they are); what is referred to stays; attachments never sent expire; messages keep being
// answered while it sweeps. Every test runs on SQLite (disk store) and PostgreSQL (database store).
#include "harness.h"
#include "transfers.h"

#include <QBuffer>
#include <QImage>

using namespace confab::protocol;
using namespace confab::test;

namespace {
QByteArray textFile(int size, int seed)
{
    QByteArray out;
    for (int line = 0; out.size() < size; ++line)
        out += "line " + QByteArray::number(line * seed) + " of a file the sweep looks at\n";
    out.truncate(size);
    return out;
}

QByteArray png(int seed)
{
    QImage image(240, 160, QImage::Format_RGB32);
    image.fill(QColor(seed % 256, 90, 160));
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

//! Blobs of `sha` (file, thumbnail, preview) in either store.
int blobsOf(Harness &h, const QString &sha)
{
    const QString root = h.server().dataDir() + QStringLiteral("/attachments/");
    int count = h.database().firstColumn(QStringLiteral("SELECT COUNT(*) FROM blobs WHERE sha256 = ?"), {sha}).value(0).toInt();
    const QString file = root + sha.left(2) + u'/' + sha;
    const QString thumb = root + QStringLiteral("thumbs/") + sha.left(2) + u'/' + sha;
    for (const QString &path : {file, thumb, QString(thumb + QStringLiteral(".preview"))})
        count += QFileInfo::exists(path) ? 1 : 0;
    return count;
}

struct Sent {
    QString attachmentId;
    QString messageId;
    QString sha;
};
} // namespace

class TestAttachmentGc : public QObject {
    Q_OBJECT
private slots:
    void initTestCase_data() { addBackendRows(); }

    void unreferencedBlobsGoReferencedOnesStay()
    {
        CONFAB_START_HARNESS(h, {{QStringLiteral("attachments/gc_interval_ms"), QStringLiteral("200")},
                                 {QStringLiteral("attachments/gc_grace_ms"), QStringLiteral("1000")},
                                 {QStringLiteral("attachments/unsent_ttl_ms"), QStringLiteral("3600000")}});
        auto mina = h.client(QStringLiteral("mina"));
        QVERIFY(mina);
        const QString room = std::get<ConversationDetail>(
            mina->request(ConversationCreate{ConversationKind::Group, QStringLiteral("sweep"), {}})).conversation.id;
        int sends = 0;
        const auto send = [&](const QByteArray &bytes, const QString &mime, bool withMessage) {
            Sent out;
            const Frame done = upload(*mina, room, QStringLiteral("f"), bytes, mime);
            const auto *d = std::get_if<AttachmentDone>(&done);
            if (!d)
                return out;
            out.attachmentId = d->attachment.id;
            out.sha = d->attachment.sha256;
            if (withMessage) {
                MessageSend m = textMessage(room, QStringLiteral("k%1").arg(++sends), QStringLiteral("with a file"));
                m.attachments = {out.attachmentId};
                const Frame sent = mina->request(m);
                if (const auto *s = std::get_if<MessageSent>(&sent))
                    out.messageId = s->message.id;
            }
            return out;
        };
        const Sent kept = send(textFile(300 * 1024, 3), QStringLiteral("text/plain"), true);
        const Sent removed = send(textFile(200 * 1024, 5), QStringLiteral("text/plain"), true);
        const Sent photo = send(png(1), QStringLiteral("image/png"), true);
        const Sent unsent = send(textFile(100 * 1024, 7), QStringLiteral("text/plain"), false);
        // The same bytes in two messages; one of them is deleted.
        const QByteArray sharedBytes = textFile(150 * 1024, 11);
        const Sent sharedA = send(sharedBytes, QStringLiteral("text/plain"), true);
        const Sent sharedB = send(sharedBytes, QStringLiteral("text/plain"), true);
        for (const Sent *s : {&kept, &removed, &photo, &sharedA, &sharedB})
            QVERIFY2(!s->messageId.isEmpty(), qPrintable(s->attachmentId));
        QVERIFY(!unsent.attachmentId.isEmpty());
        QCOMPARE(blobsOf(h, photo.sha), 3); // the image, its thumbnail and its preview

        for (const Sent *s : {&removed, &photo, &sharedB}) {
            const Frame deleted = mina->request(MessageDelete{room, s->messageId});
            QVERIFY2(!std::holds_alternative<Error>(deleted), qPrintable(TestClient::describe(deleted)));
        }
        // The sweep runs every 200 ms meanwhile; messages are answered all the while.
        int acked = 0;
        const bool swept = QTest::qWaitFor(
            [&] {
                if (std::holds_alternative<MessageSent>(mina->request(textMessage(room, QStringLiteral("t%1").arg(acked), QStringLiteral("tick")))))
                    ++acked;
                return blobsOf(h, removed.sha) == 0 && blobsOf(h, photo.sha) == 0;
            },
            20000);
        QVERIFY2(swept, qPrintable(QStringLiteral("left: %1 of the deleted file, %2 of the photo")
                                       .arg(blobsOf(h, removed.sha))
                                       .arg(blobsOf(h, photo.sha))));
        QVERIFY(acked > 0);
        // Referred to by a message, by the other message with the same bytes, by an unsent attachment.
        QCOMPARE(blobsOf(h, kept.sha), 1);
        QCOMPARE(blobsOf(h, sharedA.sha), 1);
        QCOMPARE(blobsOf(h, unsent.sha), 1);
        QCOMPARE(sha256Hex(fetch(*mina, kept.attachmentId).bytes), kept.sha);
        QCOMPARE(sha256Hex(fetch(*mina, sharedA.attachmentId).bytes), sharedA.sha);

        // What stays is what `check` expects.
        QString output;
        QCOMPARE(h.server().runAdmin({QStringLiteral("check")}, {}, &output), 0);
        QVERIFY2(output.contains(QStringLiteral("3 stored, every file present")), qPrintable(output));
    }

    void unsentAttachmentsExpireAndTheirBytesCanComeBack()
    {
        // An attachment no message names expires; then its blob is swept, and the same bytes uploaded
        // later are stored anew.
        CONFAB_START_HARNESS(h, {{QStringLiteral("attachments/gc_interval_ms"), QStringLiteral("200")},
                                 {QStringLiteral("attachments/gc_grace_ms"), QStringLiteral("1000")},
                                 {QStringLiteral("attachments/unsent_ttl_ms"), QStringLiteral("1000")}});
        auto mina = h.client(QStringLiteral("mina"));
        QVERIFY(mina);
        const QString room = std::get<ConversationDetail>(
            mina->request(ConversationCreate{ConversationKind::Group, QStringLiteral("again"), {}})).conversation.id;
        const QByteArray bytes = textFile(400 * 1024, 13);
        const Frame first = upload(*mina, room, QStringLiteral("a"), bytes, QStringLiteral("text/plain"));
        QVERIFY2(std::holds_alternative<AttachmentDone>(first), qPrintable(TestClient::describe(first)));
        const QString expired = std::get<AttachmentDone>(first).attachment.id;
        QTRY_VERIFY_WITH_TIMEOUT(TestClient::isError(fetch(*mina, expired).reply, ErrorCode::NotFound), 20000);
        MessageSend late = textMessage(room, QStringLiteral("late"), QStringLiteral("too late"));
        late.attachments = {expired};
        QVERIFY(TestClient::isError(mina->request(late), ErrorCode::NotFound));
        QTRY_COMPARE_WITH_TIMEOUT(blobsOf(h, sha256Hex(bytes)), 0, 20000);
        const Frame again = upload(*mina, room, QStringLiteral("b"), bytes, QStringLiteral("text/plain"));
        QVERIFY2(std::holds_alternative<AttachmentDone>(again), qPrintable(TestClient::describe(again)));
        QCOMPARE(blobsOf(h, sha256Hex(bytes)), 1);
        QCOMPARE(sha256Hex(fetch(*mina, std::get<AttachmentDone>(again).attachment.id).bytes), sha256Hex(bytes));
    }
};

QTEST_GUILESS_MAIN(TestAttachmentGc)
#include "tst_attachmentgc.moc"

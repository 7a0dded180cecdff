// Attachments against a real server on both databases: upload in chunks, resume, verification,
// type detection, images (thumbnail, EXIF orientation, pixel limit), dedupe and authorization.
#include "harness.h"
#include "imagebytes.h"
#include "protocol/binary.h"
#include "transfers.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QDirIterator>
#include <QImage>
#include <QImageReader>
#include <QJsonDocument>
#include <QtEndian>

using namespace confab::protocol;
namespace imagebytes = confab::test::imagebytes;
using namespace confab::test;

namespace {
//! Deterministic text that QMimeDatabase reads as text/plain.
QByteArray textFile(qint64 size, int seed = 1) {
    QByteArray out;
    out.reserve(size);
    quint32 x = quint32(seed) * 2654435761u + 1;
    while (out.size() < size) {
        x = x * 1664525u + 1013904223u;
        const int n = int(x >> 27) + 1;
        for (int i = 0; i < n && out.size() < size; ++i)
            out.append(char('a' + (x >> (i % 24)) % 26));
        if (out.size() < size)
            out.append((x & 0x700) == 0 ? '\n' : ' ');
    }
    return out;
}

QString createGroup(TestClient &owner, const QList<QString> &members,
                    ConversationKind kind = ConversationKind::Group) {
    const Frame reply = owner.request(ConversationCreate{kind, QStringLiteral("Files"), members});
    const auto *detail = std::get_if<ConversationDetail>(&reply);
    if (!detail) {
        qWarning("create failed: %s", qPrintable(TestClient::describe(reply)));
        return {};
    }
    return detail->conversation.id;
}

//! Files in the content-addressed store (not the temp folder, not thumbnails).
//! The attachments the server stored, as `<sha[0:2]>/<sha>`: files under the data folder on SQLite,
//! rows of the database store on PostgreSQL (its default there).
QStringList storedFiles(Harness &h) {
    if (h.database().kind() == TestDatabase::Kind::PostgreSQL) {
        QStringList out;
        for (const QVariant &sha : h.database().firstColumn(QStringLiteral("SELECT sha256 FROM blobs WHERE kind = 0")))
            out.append(sha.toString().left(2) + u'/' + sha.toString());
        return out;
    }
    const QString dataDir = h.server().dataDir();
    QStringList out;
    const QString root = dataDir + QStringLiteral("/attachments");
    QDirIterator it(root, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next().mid(root.size() + 1);
        if (!path.startsWith(QLatin1StringView("tmp/")) && !path.startsWith(QLatin1StringView("thumbs/")) &&
            !path.startsWith(QLatin1StringView("uploads/")))
            out.append(path);
    }
    return out;
}

//! What uploads in progress hold: files being received or put together, and parts in the database.
int pendingUploadBytes(Harness &h) {
    const QString root = h.server().dataDir() + QStringLiteral("/attachments/");
    int count = int(QDir(root + QStringLiteral("tmp")).entryList(QDir::Files).size() +
                    QDir(root + QStringLiteral("uploads")).entryList(QDir::Files).size());
    for (const QVariant &n : h.database().firstColumn(QStringLiteral("SELECT COUNT(*) FROM upload_parts")))
        count += n.toInt();
    return count;
}

QByteArray pngBomb() {
    QByteArray ihdr = imagebytes::big32(20000) + imagebytes::big32(20000);
    ihdr += QByteArray::fromHex("0802000000"); // 8 bits, RGB, deflate, no filter, no interlace
    const QByteArray idat =
        qCompress(QByteArray(1000, '\0')).mid(4); // a zlib stream without Qt's length prefix
    return QByteArray::fromHex("89504e470d0a1a0a") + imagebytes::pngChunk("IHDR", ihdr) + imagebytes::pngChunk("IDAT", idat) +
           imagebytes::pngChunk("IEND", {});
}

//! A 400×200 JPEG, left half red, right half blue, with an EXIF APP1 saying "rotate 90° clockwise" (6).
QByteArray rotatedJpeg() {
    QImage image(400, 200, QImage::Format_RGB32);
    image.fill(Qt::blue);
    for (int y = 0; y < 200; ++y)
        for (int x = 0; x < 200; ++x)
            image.setPixel(x, y, qRgb(255, 0, 0));
    QByteArray jpeg;
    QBuffer buffer(&jpeg);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "JPEG", 95);
    // TIFF header (big-endian), one IFD entry: tag 0x0112 Orientation, SHORT, count 1, value 6.
    const QByteArray tiff = QByteArray::fromHex("4d4d002a00000008"
                                                "0001"
                                                "011200030000000100060000"
                                                "00000000");
    const QByteArray exif = QByteArray("Exif", 4) + QByteArray(2, '\0') + tiff;
    QByteArray app1 = QByteArray::fromHex("ffe1");
    app1 += char((exif.size() + 2) >> 8);
    app1 += char((exif.size() + 2) & 0xff);
    app1 += exif;
    return jpeg.left(2) + app1 + jpeg.mid(2); // right after SOI
}
} // namespace

class TestAttachments : public QObject {
    Q_OBJECT
private slots:
    void initTestCase_data() { addBackendRows(); }

    void largeFileRoundTrip() {
        CONFAB_START_HARNESS(h,
                             {{QStringLiteral("limits/max_attachment_bytes"), QStringLiteral("52428800")}});
        auto mina = h.client(QStringLiteral("mina"));
        auto joon = h.client(QStringLiteral("joon"));
        QVERIFY(mina && joon);
        const QString group = createGroup(*mina, {joon->userId()});
        const QByteArray file = textFile(25 * 1024 * 1024);

        const Frame started =
            beginUpload(*mina, group, QStringLiteral("notes.txt"), file, QStringLiteral("text/plain"));
        const auto *up = std::get_if<AttachmentUpload>(&started);
        QVERIFY2(up, qPrintable(TestClient::describe(started)));
        QCOMPARE(up->offset, 0);
        QCOMPARE(up->chunkBytes, 262144);
        sendChunks(*mina, up->uploadId, file, 0, file.size(), up->chunkBytes);
        const Frame finished = mina->request(AttachmentFinish{up->uploadId}, 60000);
        const auto *done = std::get_if<AttachmentDone>(&finished);
        QVERIFY2(done, qPrintable(TestClient::describe(finished)));
        QCOMPARE(done->attachment.id, up->attachmentId);
        QCOMPARE(done->attachment.size, file.size());
        QCOMPARE(done->attachment.sha256, sha256Hex(file));
        QCOMPARE(done->attachment.mime, QStringLiteral("text/plain"));
        QVERIFY(done->attachment.complete);
        QVERIFY(!done->attachment.width && !done->attachment.preview);

        // The message carries the id; the other member sees it and downloads the bytes.
        MessageSend send{group, QStringLiteral("with-file"), QString(), std::nullopt, {up->attachmentId}};
        const Frame sent = mina->request(send);
        QVERIFY2(std::holds_alternative<MessageSent>(sent), qPrintable(TestClient::describe(sent)));
        QCOMPARE(std::get<MessageSent>(sent).message.attachments, QList<QString>{up->attachmentId});
        QVERIFY(joon->waitForPushed([&](const Frame &f) {
            const auto *e = std::get_if<Event>(&f);
            return e && e->message && e->message->attachments == QList<QString>{up->attachmentId};
        }));
        const Frame history = joon->request(HistoryRequest{group, {}, {}, 50});
        QCOMPARE(std::get<History>(history).events.last().message->attachments,
                 QList<QString>{up->attachmentId});
        // A retried send answers with the same attachments; a second message cannot take them again.
        QCOMPARE(std::get<MessageSent>(mina->request(send)).message.attachments,
                 QList<QString>{up->attachmentId});
        send.clientId = QStringLiteral("again");
        QVERIFY(TestClient::isError(mina->request(send), ErrorCode::NotFound));

        const Fetched whole = fetch(*joon, up->attachmentId);
        const auto *data = std::get_if<AttachmentData>(&whole.reply);
        QVERIFY2(data, qPrintable(TestClient::describe(whole.reply)));
        QCOMPARE(data->length, file.size());
        QCOMPARE(whole.bytes.size(), file.size());
        QCOMPARE(sha256Hex(whole.bytes), sha256Hex(file));

        const Fetched range = fetch(*joon, up->attachmentId, false, 1000, 300000);
        QCOMPARE(std::get<AttachmentData>(range.reply).length, 300000);
        QCOMPARE(range.bytes, file.mid(1000, 300000));
        // No thumbnail for text: the metadata alone, no bytes.
        const Fetched meta = fetch(*joon, up->attachmentId, true);
        QCOMPARE(std::get<AttachmentData>(meta.reply).length, 0);
        QCOMPARE(std::get<AttachmentData>(meta.reply).attachment, done->attachment);
    }

    void resumeFromAnotherConnection() {
        CONFAB_START_HARNESS(h, {});
        auto mina = h.client(QStringLiteral("mina"));
        auto sora = h.client(QStringLiteral("sora"));
        QVERIFY(mina && sora);
        const QString group = createGroup(*mina, {});
        const QByteArray file = textFile(1024 * 1024 + 12345, 7);
        const Frame started =
            beginUpload(*mina, group, QStringLiteral("long.txt"), file, QStringLiteral("text/plain"));
        const auto up = std::get<AttachmentUpload>(started);
        sendChunks(*mina, up.uploadId, file, 0, 2 * up.chunkBytes, up.chunkBytes);
        // A chunk at the wrong offset: INVALID, without `re`, naming the expected offset.
        mina->socket().sendBinaryMessage(encodeChunk({ChunkKind::Upload, up.uploadId, 5, QByteArray("x")}));
        const Frame wrong = mina->waitForReply(QString());
        QVERIFY2(TestClient::isError(wrong, ErrorCode::Invalid), qPrintable(TestClient::describe(wrong)));
        QVERIFY(std::get<Error>(wrong).message.contains(
            QStringLiteral("expected offset %1").arg(2 * up.chunkBytes)));
        // Requests after chunks are handled after them: the server has both chunks now.
        QCOMPARE(std::get<AttachmentUpload>(mina->request(AttachmentStatus{up.uploadId})).offset,
                 2 * up.chunkBytes);
        mina->socket().abort();

        TestClient again;
        QVERIFY(again.open(h.server().url()));
        QVERIFY(again.signIn(QStringLiteral("mina")));
        // Someone else's upload id is unknown to them.
        QVERIFY(TestClient::isError(sora->request(AttachmentStatus{up.uploadId}), ErrorCode::NotFound));
        const Frame status = again.request(AttachmentStatus{up.uploadId});
        const auto *at = std::get_if<AttachmentUpload>(&status);
        QVERIFY2(at, qPrintable(TestClient::describe(status)));
        QCOMPARE(at->offset, 2 * up.chunkBytes);
        QCOMPARE(at->attachmentId, up.attachmentId);
        sendChunks(again, up.uploadId, file, at->offset, file.size(), at->chunkBytes);
        const Frame finished = again.request(AttachmentFinish{up.uploadId});
        QVERIFY2(std::holds_alternative<AttachmentDone>(finished),
                 qPrintable(TestClient::describe(finished)));
        QCOMPARE(sha256Hex(fetch(again, up.attachmentId).bytes), sha256Hex(file));
        // A finished upload is gone.
        QVERIFY(TestClient::isError(again.request(AttachmentStatus{up.uploadId}), ErrorCode::NotFound));
    }

    void liesAreCaught() {
        CONFAB_START_HARNESS(h, {});
        auto mina = h.client(QStringLiteral("mina"));
        QVERIFY(mina);
        const QString group = createGroup(*mina, {});

        // More bytes than declared: TOO_LARGE and the upload is aborted.
        const QByteArray declared = textFile(1000);
        const auto up = std::get<AttachmentUpload>(
            beginUpload(*mina, group, QStringLiteral("a.txt"), declared, QStringLiteral("text/plain")));
        mina->socket().sendBinaryMessage(encodeChunk({ChunkKind::Upload, up.uploadId, 0, textFile(1500)}));
        const Frame tooMuch = mina->waitForReply(QString());
        QVERIFY2(TestClient::isError(tooMuch, ErrorCode::TooLarge),
                 qPrintable(TestClient::describe(tooMuch)));
        QVERIFY(TestClient::isError(mina->request(AttachmentStatus{up.uploadId}), ErrorCode::NotFound));

        // Bytes that do not match the declared sha256: INVALID, discarded.
        const Frame badSha = upload(*mina, group, QStringLiteral("b.txt"), declared,
                                    QStringLiteral("text/plain"), sha256Hex("something else"));
        QVERIFY2(TestClient::isError(badSha, ErrorCode::Invalid), qPrintable(TestClient::describe(badSha)));
        QCOMPARE(std::get<Error>(badSha).field, QStringLiteral("sha256"));

        // Declared a PNG, is a ZIP: stored as what it is, not treated as an image.
        QByteArray zip = QByteArray::fromHex("504b0304140000000800") + textFile(2000, 3);
        const Frame zipped =
            upload(*mina, group, QStringLiteral("photo.png"), zip, QStringLiteral("image/png"));
        const auto *zipDone = std::get_if<AttachmentDone>(&zipped);
        QVERIFY2(zipDone, qPrintable(TestClient::describe(zipped)));
        QCOMPARE(zipDone->attachment.mime, QStringLiteral("application/zip"));
        QCOMPARE(zipDone->attachment.name, QStringLiteral("photo.png"));
        QVERIFY(!zipDone->attachment.width && !zipDone->attachment.preview);

        // Declared a PNG, is an ELF executable: refused.
        QFile self(QStringLiteral("/proc/self/exe"));
        QVERIFY(self.open(QIODevice::ReadOnly));
        const QByteArray elf = self.read(64 * 1024);
        const Frame executable =
            upload(*mina, group, QStringLiteral("cat.png"), elf, QStringLiteral("image/png"));
        QVERIFY2(TestClient::isError(executable, ErrorCode::Invalid),
                 qPrintable(TestClient::describe(executable)));
        QCOMPARE(std::get<Error>(executable).field, QStringLiteral("mime"));
        // Nothing of the refused uploads is left behind.
        QCOMPARE(storedFiles(h).size(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(pendingUploadBytes(h), 0, 10000);
    }

    void overLimitRefusedBeforeBytes() {
        CONFAB_START_HARNESS(h, {});
        auto mina = h.client(QStringLiteral("mina"));
        QVERIFY(mina);
        const QString group = createGroup(*mina, {});
        const Frame big =
            mina->request(AttachmentBegin{group, QStringLiteral("big.bin"), 10 * 1024 * 1024 + 1,
                                          QStringLiteral("application/zip"), sha256Hex("x")});
        QVERIFY2(TestClient::isError(big, ErrorCode::TooLarge), qPrintable(TestClient::describe(big)));
        QCOMPARE(std::get<Error>(big).field, QStringLiteral("size"));
        QCOMPARE(pendingUploadBytes(h), 0);
    }

    void pathLikeNamesAreOnlyNames() {
        CONFAB_START_HARNESS(h, {});
        auto mina = h.client(QStringLiteral("mina"));
        QVERIFY(mina);
        const QString group = createGroup(*mina, {});
        const QByteArray file = textFile(5000, 11);
        for (const QString &name : {QStringLiteral("../../etc/passwd"), QStringLiteral("/etc/shadow")}) {
            const Frame done = upload(*mina, group, name, file, QStringLiteral("text/plain"));
            QVERIFY2(std::holds_alternative<AttachmentDone>(done), qPrintable(TestClient::describe(done)));
            QCOMPARE(std::get<AttachmentDone>(done).attachment.name, name);
        }
        const QString sha = sha256Hex(file);
        QCOMPARE(storedFiles(h), QStringList{sha.left(2) + u'/' + sha});
        QVERIFY(!QFileInfo::exists(h.server().dataDir() + QStringLiteral("/etc/passwd")));

        // A NUL byte in the name is refused by the protocol itself.
        QJsonObject object = encodeObject(
            AttachmentBegin{group, QStringLiteral("x"), 10, QStringLiteral("text/plain"), sha256Hex("x")},
            {QStringLiteral("nul"), {}});
        object.insert(QStringLiteral("name"),
                      QString(QStringLiteral("evil") + QChar(0) + QStringLiteral(".txt")));
        mina->sendRaw(QJsonDocument(object).toJson(QJsonDocument::Compact));
        const Frame nul = mina->waitForReply(QStringLiteral("nul"));
        QVERIFY2(TestClient::isError(nul, ErrorCode::Invalid), qPrintable(TestClient::describe(nul)));
        QCOMPARE(std::get<Error>(nul).field, QStringLiteral("name"));
    }

    void jpegThumbnailFollowsExifOrientation() {
        CONFAB_START_HARNESS(h, {});
        auto mina = h.client(QStringLiteral("mina"));
        QVERIFY(mina);
        const QString group = createGroup(*mina, {});
        const QByteArray jpeg = rotatedJpeg();
        {
            QBuffer check(const_cast<QByteArray *>(&jpeg));
            QImageReader reader(&check, "jpeg");
            QCOMPARE(reader.transformation(),
                     QImageIOHandler::TransformationRotate90); // the test file is right
        }
        const Frame finished =
            upload(*mina, group, QStringLiteral("IMG_0001.jpg"), jpeg, QStringLiteral("image/jpeg"));
        const auto *done = std::get_if<AttachmentDone>(&finished);
        QVERIFY2(done, qPrintable(TestClient::describe(finished)));
        QCOMPARE(done->attachment.mime, QStringLiteral("image/jpeg"));
        QCOMPARE(done->attachment.width, 200); // as displayed: turned upright
        QCOMPARE(done->attachment.height, 400);
        QVERIFY(done->attachment.preview);
        const QImage preview =
            QImage::fromData(QByteArray::fromBase64(done->attachment.preview->toLatin1()), "PNG");
        QCOMPARE(preview.size(), QSize(8, 16));

        const Fetched thumb = fetch(*mina, done->attachment.id, true);
        const QImage t = QImage::fromData(thumb.bytes);
        QCOMPARE(t.size(), QSize(160, 320));
        QVERIFY2(qRed(t.pixel(80, 60)) > 200 && qBlue(t.pixel(80, 60)) < 60,
                 "the top is the former left: red");
        QVERIFY2(qBlue(t.pixel(80, 260)) > 200 && qRed(t.pixel(80, 260)) < 60,
                 "the bottom is the former right: blue");

        // Metadata is stripped by default: the stored JPEG is upright and carries no EXIF.
        const Fetched full = fetch(*mina, done->attachment.id);
        QCOMPARE(full.bytes.size(), done->attachment.size);
        QCOMPARE(sha256Hex(full.bytes), done->attachment.sha256);
        QVERIFY(!full.bytes.contains(QByteArray("Exif", 4)));
        QCOMPARE(QImage::fromData(full.bytes).size(), QSize(200, 400));
    }

    void sameFileIsStoredOnce() {
        CONFAB_START_HARNESS(h, {});
        auto mina = h.client(QStringLiteral("mina"));
        auto joon = h.client(QStringLiteral("joon"));
        QVERIFY(mina && joon);
        const QString group = createGroup(*mina, {joon->userId()});
        const QByteArray file = textFile(300000, 5);
        const Frame first =
            upload(*mina, group, QStringLiteral("one.txt"), file, QStringLiteral("text/plain"));
        const Frame second =
            upload(*joon, group, QStringLiteral("two.txt"), file, QStringLiteral("text/plain"));
        QVERIFY2(std::holds_alternative<AttachmentDone>(first), qPrintable(TestClient::describe(first)));
        QVERIFY2(std::holds_alternative<AttachmentDone>(second), qPrintable(TestClient::describe(second)));
        QVERIFY(std::get<AttachmentDone>(first).attachment.id !=
                std::get<AttachmentDone>(second).attachment.id);
        QCOMPARE(storedFiles(h).size(), 1);
        QCOMPARE(fetch(*joon, std::get<AttachmentDone>(first).attachment.id).bytes, file);
    }

    void onlyMembersSeeAttachments() {
        CONFAB_START_HARNESS(h, {});
        auto mina = h.client(QStringLiteral("mina"));
        auto joon = h.client(QStringLiteral("joon"));
        auto sora = h.client(QStringLiteral("sora"));
        QVERIFY(mina && joon && sora);
        const QString group = createGroup(*mina, {joon->userId()});
        const QByteArray file = textFile(4000, 9);
        const Frame done =
            upload(*mina, group, QStringLiteral("secret.txt"), file, QStringLiteral("text/plain"));
        const QString id = std::get<AttachmentDone>(done).attachment.id;

        QVERIFY(TestClient::isError(fetch(*sora, id).reply, ErrorCode::NotFound));
        QVERIFY(TestClient::isError(fetch(*sora, id, true).reply, ErrorCode::NotFound));
        QVERIFY(
            TestClient::isError(sora->request(AttachmentBegin{group, QStringLiteral("x.txt"), 10,
                                                              QStringLiteral("text/plain"), sha256Hex("x")}),
                                ErrorCode::NotFound));
        // Joon is a member, but may not send Mina's attachment as his own.
        const Frame stolen =
            joon->request(MessageSend{group, QStringLiteral("c1"), QStringLiteral("mine"), {}, {id}});
        QVERIFY2(TestClient::isError(stolen, ErrorCode::NotFound), qPrintable(TestClient::describe(stolen)));
        QCOMPARE(std::get<Error>(stolen).field, QStringLiteral("attachments[0]"));
        QVERIFY(std::holds_alternative<AttachmentData>(fetch(*joon, id).reply));
    }

    void abandonedUploadsAreSwept() {
        CONFAB_START_HARNESS(h, {{QStringLiteral("attachments/upload_timeout_ms"), QStringLiteral("1000")},
                                 {QStringLiteral("attachments/gc_interval_ms"), QStringLiteral("300")}});
        auto mina = h.client(QStringLiteral("mina"));
        QVERIFY(mina);
        const QString group = createGroup(*mina, {});
        const QByteArray file = textFile(600000, 2);
        const auto up = std::get<AttachmentUpload>(
            beginUpload(*mina, group, QStringLiteral("left.txt"), file, QStringLiteral("text/plain")));
        sendChunks(*mina, up.uploadId, file, 0, up.chunkBytes, up.chunkBytes);
        QCOMPARE(std::get<AttachmentUpload>(mina->request(AttachmentStatus{up.uploadId})).offset,
                 up.chunkBytes);
        // The received bytes wait in the shared folder (disk store) or in the database (database store).
        QVERIFY(pendingUploadBytes(h) > 0);
        QTRY_VERIFY_WITH_TIMEOUT(
            TestClient::isError(mina->request(AttachmentStatus{up.uploadId}), ErrorCode::NotFound), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(pendingUploadBytes(h), 0, 10000);
        QVERIFY(TestClient::isError(fetch(*mina, up.attachmentId).reply, ErrorCode::NotFound));
    }

    void aDownloadLetsOtherRepliesThrough() {
        // A large download is sent as the socket drains: a request sent right after the fetch is
        // answered between its first chunks, not behind the whole file.
        CONFAB_START_HARNESS(h, {});
        auto mina = h.client(QStringLiteral("mina"));
        QVERIFY(mina);
        const QString group = createGroup(*mina, {});
        const QByteArray file = textFile(8 * 1024 * 1024, 4);
        const Frame done = upload(*mina, group, QStringLiteral("big.txt"), file, QStringLiteral("text/plain"));
        QVERIFY2(std::holds_alternative<AttachmentDone>(done), qPrintable(TestClient::describe(done)));
        const QString id = std::get<AttachmentDone>(done).attachment.id;
        int chunks = 0, chunksBeforeReply = -1;
        QByteArray received;
        const auto onChunk = connect(&mina->socket(), &QWebSocket::binaryMessageReceived, this, [&](const QByteArray &frame) {
            ++chunks;
            received += decodeChunk(frame, 1 << 20)->bytes;
        });
        const QString fetchId = mina->send(AttachmentFetch{id, 0, std::nullopt, false});
        const QString probeId = mina->send(AuthSessions{});
        const auto onText = connect(&mina->socket(), &QWebSocket::textMessageReceived, this, [&](const QString &text) {
            if (chunksBeforeReply < 0 && text.contains(QStringLiteral("\"re\":\"%1\"").arg(probeId)))
                chunksBeforeReply = chunks;
        });
        QVERIFY(std::holds_alternative<AttachmentData>(mina->waitForReply(fetchId)));
        QVERIFY(std::holds_alternative<Sessions>(mina->waitForReply(probeId)));
        QTRY_COMPARE_WITH_TIMEOUT(received.size(), file.size(), 30000);
        disconnect(onChunk);
        disconnect(onText);
        QCOMPARE(received, file);
        QCOMPARE(chunks, 32);
        QVERIFY2(chunksBeforeReply >= 0 && chunksBeforeReply < chunks / 2,
                 qPrintable(QStringLiteral("the reply came after %1 of %2 chunks").arg(chunksBeforeReply).arg(chunks)));
    }

    void metadataKeptOnlyWhereAllowed() {
        CONFAB_START_HARNESS(h, {{QStringLiteral("attachments/strip_metadata"), QStringLiteral("false")}});
        auto mina = h.client(QStringLiteral("mina"));
        auto joon = h.client(QStringLiteral("joon"));
        QVERIFY(mina && joon);
        const QByteArray jpeg = rotatedJpeg();
        const QString group = createGroup(*mina, {joon->userId()});
        const Frame kept = upload(*mina, group, QStringLiteral("a.jpg"), jpeg, QStringLiteral("image/jpeg"));
        QVERIFY2(std::holds_alternative<AttachmentDone>(kept), qPrintable(TestClient::describe(kept)));
        QCOMPARE(std::get<AttachmentDone>(kept).attachment.sha256, sha256Hex(jpeg)); // stored as uploaded
        QCOMPARE(std::get<AttachmentDone>(kept).attachment.width, 200);

        const QString blind = createGroup(*mina, {joon->userId()}, ConversationKind::Blind);
        QVERIFY(!blind.isEmpty());
        const Frame stripped =
            upload(*mina, blind, QStringLiteral("b.jpg"), jpeg, QStringLiteral("image/jpeg"));
        const auto *done = std::get_if<AttachmentDone>(&stripped);
        QVERIFY2(done, qPrintable(TestClient::describe(stripped)));
        QVERIFY(done->attachment.sha256 != sha256Hex(jpeg));
        const QByteArray bytes = fetch(*joon, done->attachment.id).bytes;
        QCOMPARE(sha256Hex(bytes), done->attachment.sha256);
        QVERIFY(!bytes.contains(QByteArray("Exif", 4)));
    }

    void decompressionBombIsRefused() {
        CONFAB_START_HARNESS(h, {});
        auto mina = h.client(QStringLiteral("mina"));
        QVERIFY(mina);
        const QString group = createGroup(*mina, {});
        const QByteArray bomb = pngBomb();
        {
            QBuffer check(const_cast<QByteArray *>(&bomb));
            QCOMPARE(QImageReader(&check, "png").size(), QSize(20000, 20000)); // the test file is right
        }
        const Frame refused =
            upload(*mina, group, QStringLiteral("bomb.png"), bomb, QStringLiteral("image/png"));
        QVERIFY2(TestClient::isError(refused, ErrorCode::TooLarge),
                 qPrintable(TestClient::describe(refused)));
        QVERIFY(storedFiles(h).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestAttachments)
#include "tst_attachments.moc"

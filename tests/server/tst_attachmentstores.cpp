// Moving attachment bytes between the stores while the server serves (`confab-server attachments migrate`),
// and `check` finding a corrupted and a missing blob in either store. Every test runs on SQLite and PostgreSQL.
#include "harness.h"
#include "transfers.h"

#include <QBuffer>
#include <QDirIterator>
#include <QImage>

using namespace confab::protocol;
using namespace confab::test;

namespace {
QByteArray textFile(int size, int seed)
{
    QByteArray out;
    for (int line = 0; out.size() < size; ++line)
        out += "note " + QByteArray::number(line * seed) + " in a file that moves between stores\n";
    out.truncate(size);
    return out;
}

QByteArray png()
{
    QImage image(300, 200, QImage::Format_RGB32);
    image.fill(QColor(200, 80, 40));
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

QString diskPath(Harness &h, const QString &sha)
{
    return h.server().dataDir() + QStringLiteral("/attachments/") + sha.left(2) + u'/' + sha;
}

//! Where the file's bytes are: "database", "disk", "both" or "none".
QString whereIs(Harness &h, const QString &sha)
{
    const bool inDatabase =
        h.database().firstColumn(QStringLiteral("SELECT COUNT(*) FROM blobs WHERE kind = 0 AND sha256 = ?"), {sha}).value(0).toInt() == 1;
    const bool onDisk = QFileInfo::exists(diskPath(h, sha));
    return inDatabase && onDisk ? QStringLiteral("both")
           : inDatabase         ? QStringLiteral("database")
           : onDisk             ? QStringLiteral("disk")
                                : QStringLiteral("none");
}

QString otherStore(const QString &store)
{
    return store == QLatin1StringView("database") ? QStringLiteral("disk") : QStringLiteral("database");
}

QString uploaded(TestClient &c, const QString &room, const QString &name, const QByteArray &bytes, const QString &mime)
{
    const Frame done = upload(c, room, name, bytes, mime);
    const auto *d = std::get_if<AttachmentDone>(&done);
    return d ? d->attachment.id : TestClient::describe(done);
}
} // namespace

class TestAttachmentStores : public QObject {
    Q_OBJECT
private slots:
    void initTestCase_data() { addBackendRows(); }

    void migrateBothWaysWhileServing()
    {
        CONFAB_START_HARNESS(h, {});
        auto mina = h.client(QStringLiteral("mina"));
        QVERIFY(mina);
        const QString room = std::get<ConversationDetail>(
            mina->request(ConversationCreate{ConversationKind::Group, QStringLiteral("moving"), {}})).conversation.id;
        const QString first = h.database().kind() == TestDatabase::Kind::PostgreSQL ? QStringLiteral("database")
                                                                                     : QStringLiteral("disk");
        const QString second = otherStore(first);
        const QByteArray notes = textFile(700 * 1024, 3), photo = png();
        const QString notesId = uploaded(*mina, room, QStringLiteral("notes.txt"), notes, QStringLiteral("text/plain"));
        const QString photoId = uploaded(*mina, room, QStringLiteral("photo.png"), photo, QStringLiteral("image/png"));
        QVERIFY2(notesId.startsWith(u'a') && photoId.startsWith(u'a'), qPrintable(notesId + photoId));
        const QString photoSha = std::get<AttachmentData>(fetch(*mina, photoId).reply).attachment.sha256;
        const QByteArray thumbnail = fetch(*mina, photoId, true).bytes;
        QVERIFY(!thumbnail.isEmpty());
        QCOMPARE(whereIs(h, sha256Hex(notes)), first);

        // Over to the other store while the server runs: everything is copied, new files go there.
        QString output;
        QCOMPARE(h.server().runAdmin({QStringLiteral("attachments"), QStringLiteral("migrate"), QStringLiteral("--to"), second},
                                     {}, &output),
                 0);
        QVERIFY2(output.contains(QStringLiteral("copied 4 blobs")), qPrintable(output)); // file, photo, thumbnail, preview
        QCOMPARE(whereIs(h, sha256Hex(notes)), QStringLiteral("both"));
        QCOMPARE(whereIs(h, photoSha), QStringLiteral("both"));
        const QByteArray later = textFile(300 * 1024, 7);
        QVERIFY(uploaded(*mina, room, QStringLiteral("later.txt"), later, QStringLiteral("text/plain")).startsWith(u'a'));
        QCOMPARE(whereIs(h, sha256Hex(later)), second);
        QCOMPARE(h.server().runAdmin({QStringLiteral("check")}, {}, &output), 0);
        QVERIFY2(output.contains(QStringLiteral("(%1 store)").arg(second)), qPrintable(output));

        // And back, removing the copies from the store it leaves.
        QCOMPARE(h.server().runAdmin({QStringLiteral("attachments"), QStringLiteral("migrate"), QStringLiteral("--to"), first,
                                      QStringLiteral("--remove-source")},
                                     {}, &output),
                 0);
        QVERIFY2(output.contains(QStringLiteral("removed 5 from the source")), qPrintable(output));
        for (const QString &sha : {sha256Hex(notes), photoSha, sha256Hex(later)})
            QCOMPARE(whereIs(h, sha), first);
        QCOMPARE(sha256Hex(fetch(*mina, notesId).bytes), sha256Hex(notes));
        QCOMPARE(sha256Hex(fetch(*mina, photoId).bytes), photoSha);
        QCOMPARE(fetch(*mina, photoId, true).bytes, thumbnail);
        QVERIFY(std::get<AttachmentData>(fetch(*mina, photoId).reply).attachment.preview.has_value());
        QCOMPARE(h.server().runAdmin({QStringLiteral("check")}, {}, &output), 0);
        QVERIFY2(output.contains(QStringLiteral("3 stored, every file present, 3 read back and hashed (%1 store)").arg(first)),
                 qPrintable(output));
    }

    void checkFindsCorruptAndMissingBlobs_data()
    {
        QTest::addColumn<QString>("store");
        QTest::newRow("disk") << QStringLiteral("disk");
        QTest::newRow("database") << QStringLiteral("database");
    }
    void checkFindsCorruptAndMissingBlobs()
    {
        QFETCH(QString, store);
        CONFAB_START_HARNESS(h, {{QStringLiteral("attachments/store"), store}});
        auto mina = h.client(QStringLiteral("mina"));
        QVERIFY(mina);
        const QString room = std::get<ConversationDetail>(
            mina->request(ConversationCreate{ConversationKind::Group, QStringLiteral("broken"), {}})).conversation.id;
        const QByteArray good = textFile(100 * 1024, 11), spoiled = textFile(400 * 1024, 13), lost = textFile(50 * 1024, 17);
        for (const QByteArray &bytes : {good, spoiled, lost})
            QVERIFY(uploaded(*mina, room, QStringLiteral("f.txt"), bytes, QStringLiteral("text/plain")).startsWith(u'a'));
        for (const QByteArray &bytes : {good, spoiled, lost})
            QCOMPARE(whereIs(h, sha256Hex(bytes)), store);
        const QStringList check{QStringLiteral("--config"), h.server().configPath(), QStringLiteral("check")};
        QString output;
        QCOMPARE(h.server().runAdmin(check, {}, &output), 0);

        // One blob's bytes change under it, another one goes.
        if (store == QLatin1StringView("disk")) {
            QFile file(diskPath(h, sha256Hex(spoiled)));
            QVERIFY(file.open(QIODevice::ReadWrite) && file.seek(1000) && file.write("rot") == 3);
            file.close();
            QVERIFY(QFile::remove(diskPath(h, sha256Hex(lost))));
        } else {
            h.database().firstColumn(QStringLiteral("UPDATE blob_chunks SET bytes = ? WHERE kind = 0 AND sha256 = ? AND n = 1"),
                                     {QByteArray(1000, 'x'), sha256Hex(spoiled)});
            h.database().firstColumn(QStringLiteral("DELETE FROM blob_chunks WHERE sha256 = ?"), {sha256Hex(lost)});
            h.database().firstColumn(QStringLiteral("DELETE FROM blobs WHERE sha256 = ?"), {sha256Hex(lost)});
        }
        QCOMPARE(h.server().runAdmin(check, {}, &output), 1);
        QVERIFY2(output.contains(QStringLiteral("1 of 3 stored attachments have no file")), qPrintable(output));
        QVERIFY2(output.contains(sha256Hex(lost)), qPrintable(output));
        QVERIFY2(output.contains(QStringLiteral("the contents of 1 do not match their sha256")), qPrintable(output));
        QVERIFY2(output.contains(sha256Hex(spoiled)), qPrintable(output));
        QVERIFY2(!output.contains(sha256Hex(good)), qPrintable(output));
        QVERIFY2(output.trimmed().endsWith(QStringLiteral("check failed")), qPrintable(output));
    }
};

QTEST_GUILESS_MAIN(TestAttachmentStores)
#include "tst_attachmentstores.moc"

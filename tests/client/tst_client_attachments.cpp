// confab-client attachments end to end: real server processes, real sockets, a real (throwaway)
// keychain. Uploads with progress, the receiver's thumbnail, resume after a dropped link and
// after a restart of the app, a failed upload that does not hold up the outbox, a file the server
// forgot (an unsent attachment expired) that is uploaded again.
#include "chatclient.h"
#include "clientsteps.h"
#include "harness.h"
#include "tokenstore.h"

#include <QAbstractItemModelTester>
#include <QCryptographicHash>
#include <QImage>
#include <QPainter>
#include <QTemporaryDir>

using namespace confab::client;
using namespace confab::protocol;
using namespace confab::test;

namespace {
const QString kPassword = QStringLiteral("correct horse 1");

struct Device {
    QTemporaryDir dir;
    KeychainTokenStore tokens{QStringLiteral("Confab-test")};
    std::unique_ptr<ChatClient> client;
    std::unique_ptr<QAbstractItemModelTester> tester;

    Device() { restart(); }
    void restart()
    {
        tester.reset();
        client = std::make_unique<ChatClient>(dir.path(), &tokens);
        client->setReconnectBackoff(100, 500);
        client->setDownloadFolder(dir.filePath(QStringLiteral("Downloads")));
        tester = std::make_unique<QAbstractItemModelTester>(client->messages(),
                                                            QAbstractItemModelTester::FailureReportingMode::QtTest);
    }
    ChatClient *operator->() { return client.get(); }
};

bool online(Device &d)
{
    return d->connectionState() == ChatClient::ConnectionState::Online;
}

//! Deterministic text that the server's type detection reads as text/plain.
QByteArray textBytes(qint64 size)
{
    QByteArray out;
    out.reserve(size);
    quint32 x = 12345;
    while (out.size() < size) {
        x = x * 1664525u + 1013904223u;
        out.append(char('a' + (x >> 24) % 26));
        if ((x & 0xF00) == 0)
            out.append(' ');
        if ((x & 0xFF000) == 0)
            out.append('\n');
    }
    out.truncate(size);
    return out;
}

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    QFile f(dir.filePath(name));
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
        return {};
    return f.fileName();
}

QString writeImage(const QTemporaryDir &dir, const QString &name, int width, int height)
{
    QImage image(width, height, QImage::Format_RGB32);
    QPainter p(&image);
    QLinearGradient g(0, 0, width, height);
    g.setColorAt(0, QColor(0x2F, 0x6F, 0xED));
    g.setColorAt(1, QColor(0xE0, 0xA0, 0x5A));
    p.fillRect(image.rect(), g);
    p.end();
    const QString path = dir.filePath(name);
    return image.save(path, "PNG") ? path : QString();
}

//! The attachments of the newest row of the open conversation.
QVariantList lastAttachments(MessageListModel *model)
{
    if (model->rowCount() == 0)
        return {};
    return model->data(model->index(model->rowCount() - 1), MessageListModel::AttachmentsRole).toList();
}

QString attr(const QVariantList &list, int i, const char *key)
{
    return list.value(i).toMap().value(QString::fromLatin1(key)).toString();
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}
} // namespace

class TestClientAttachments : public QObject {
    Q_OBJECT
private:
    //! Joon downloads the attachment and saves it: the saved bytes must be `expected`.
    void receiverSaves(Device &b, const QString &attachmentId, const QByteArray &expected)
    {
        QSignalSpy saved(b.client.get(), &ChatClient::attachmentSaved);
        QSignalSpy progress(&b->downloads(), &AttachmentDownloader::progress);
        b->saveAttachment(attachmentId);
        QTRY_VERIFY_WITH_TIMEOUT(!saved.isEmpty(), 30000);
        QCOMPARE(saved.first().at(0).toString(), attachmentId);
        QVERIFY(!progress.isEmpty());
        QCOMPARE(progress.last().at(1).toLongLong(), qint64(expected.size()));
        QVERIFY(readAll(saved.first().at(1).toString()) == expected);
    }

private slots:
    void initTestCase_data() { addBackendRows(); }

    void uploadWithProgressAndTheReceiversThumbnail()
    {
        CONFAB_START_HARNESS(h, {});
        Device a, b;
        QString id;
        QVERIFY(pairDevices(h, a, b, &id));
        QTemporaryDir files;
        const QString image = writeImage(files, QStringLiteral("sketch.png"), 800, 600);
        const QByteArray notes = textBytes(700 * 1024);
        const QString text = writeFile(files, QStringLiteral("회의록.txt"), notes);
        QVERIFY(!image.isEmpty() && !text.isEmpty());

        QSignalSpy progress(&a->uploads(), &AttachmentUploader::progress);
        QSignalSpy done(&a->uploads(), &AttachmentUploader::fileDone);
        a->sendMessage(id, QStringLiteral("two files"), {image, QUrl::fromLocalFile(text).toString()});
        // Shown at once, pending, with both files.
        QVariantList pending = lastAttachments(a->messages());
        QCOMPARE(pending.size(), 2);
        QCOMPARE(attr(pending, 0, "name"), QStringLiteral("sketch.png"));
        QCOMPARE(attr(pending, 1, "name"), QStringLiteral("회의록.txt"));
        QTRY_VERIFY_WITH_TIMEOUT(a->pendingCount() == 0, 30000);
        QCOMPARE(done.size(), 2);

        // Progress per file, never backwards, ending at the file's size.
        QHash<QString, qint64> last;
        QHash<QString, int> count;
        for (const QList<QVariant> &p : progress) {
            const QString key = p.at(1).toString();
            QVERIFY(p.at(2).toLongLong() >= last.value(key));
            last[key] = p.at(2).toLongLong();
            ++count[key];
            QVERIFY(p.at(2).toLongLong() <= p.at(3).toLongLong());
        }
        QCOMPARE(last.size(), 2);
        QVERIFY(last.values().contains(qint64(notes.size())));
        QVERIFY(count.values().contains(2) || count.values().contains(3)); // the text file: 0, then 700 KiB

        // Joon sees the image with its size and tiny preview, then the thumbnail file; and the file card.
        QTRY_COMPARE_WITH_TIMEOUT(lastAttachments(b->messages()).size(), 2, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(!attr(lastAttachments(b->messages()), 0, "thumbnailUrl").isEmpty(), 20000);
        QTRY_COMPARE_WITH_TIMEOUT(attr(lastAttachments(b->messages()), 1, "state"), QStringLiteral("ready"), 20000);
        const QVariantList received = lastAttachments(b->messages());
        QCOMPARE(attr(received, 0, "name"), QStringLiteral("sketch.png"));
        QCOMPARE(attr(received, 0, "width"), QStringLiteral("800"));
        QCOMPARE(attr(received, 0, "height"), QStringLiteral("600"));
        QVERIFY(attr(received, 0, "preview").startsWith(QStringLiteral("data:image/png;base64,")));
        const QString thumbnail = QUrl(attr(received, 0, "thumbnailUrl")).toLocalFile();
        const QImage thumb(thumbnail);
        QCOMPARE(thumb.size(), QSize(320, 240));
        QCOMPARE(attr(received, 1, "name"), QStringLiteral("회의록.txt"));
        QCOMPARE(attr(received, 1, "mime"), QStringLiteral("text/plain"));
        QCOMPARE(attr(received, 1, "state"), QStringLiteral("ready"));
        QCOMPARE(attr(received, 1, "thumbnailUrl"), QString());

        receiverSaves(b, attr(received, 1, "id"), notes);
        QCOMPARE(attr(lastAttachments(b->messages()), 1, "state"), QStringLiteral("saved"));
        // Saving again does not overwrite: a second copy with a numbered name.
        QSignalSpy again(b.client.get(), &ChatClient::attachmentSaved);
        b->saveAttachment(attr(received, 1, "id"));
        QTRY_VERIFY_WITH_TIMEOUT(!again.isEmpty(), 10000);
        QVERIFY(again.first().at(1).toString().endsWith(QStringLiteral("회의록 (1).txt")));
    }

    void resumeAfterTheLinkDrops()
    {
        CONFAB_START_HARNESS(h, {});
        Device a, b;
        QString id;
        QVERIFY(pairDevices(h, a, b, &id));
        QTemporaryDir files;
        const QByteArray bytes = textBytes(3 * 1024 * 1024 + 1000);
        const QString path = writeFile(files, QStringLiteral("big.txt"), bytes);

        // At the first confirmed window the link goes down, from inside the progress signal.
        qint64 droppedAt = -1;
        QString uploadId;
        QList<qint64> after;
        connect(&a->uploads(), &AttachmentUploader::progress, this, [&](const QString &clientId, const QString &, qint64 sent, qint64) {
            if (droppedAt >= 0) {
                after.append(sent);
            } else if (sent > 0) {
                droppedAt = sent;
                uploadId = a->cache().outbox().value(0).files.value(0).uploadId;
                QCOMPARE(a->cache().outbox().value(0).clientId, clientId);
                a->connection().close();
            }
        });
        a->sendMessage(id, QString(), {path});
        QTRY_VERIFY_WITH_TIMEOUT(droppedAt > 0, 20000);
        QVERIFY(droppedAt < bytes.size());
        QVERIFY(!online(a));
        const OutboxFile stored = a->cache().outbox().value(0).files.value(0);
        QCOMPARE(stored.uploadId, uploadId);
        QCOMPARE(stored.offset, droppedAt);
        QVERIFY(!stored.done);

        a->resume(h.server().url(), QStringLiteral("mina"));
        QTRY_VERIFY_WITH_TIMEOUT(online(a) && a->pendingCount() == 0, 30000);
        // Continued from where the server was, never from the start.
        QVERIFY(!after.isEmpty());
        QVERIFY2(after.first() >= droppedAt, qPrintable(QString::number(after.first())));
        QCOMPARE(after.last(), qint64(bytes.size()));

        QTRY_COMPARE_WITH_TIMEOUT(lastAttachments(b->messages()).size(), 1, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(attr(lastAttachments(b->messages()), 0, "state"), QStringLiteral("ready"), 20000);
        receiverSaves(b, attr(lastAttachments(b->messages()), 0, "id"), bytes);
    }

    void uploadSurvivesARestartOfTheApp()
    {
        CONFAB_START_HARNESS(h, {});
        Device a, b;
        QString id;
        QVERIFY(pairDevices(h, a, b, &id));
        QTemporaryDir files;
        const QByteArray bytes = textBytes(2 * 1024 * 1024 + 77);
        const QString path = writeFile(files, QStringLiteral("report.txt"), bytes);

        qint64 droppedAt = -1;
        connect(&a->uploads(), &AttachmentUploader::progress, this, [&](const QString &, const QString &, qint64 sent, qint64) {
            if (droppedAt < 0 && sent > 0) {
                droppedAt = sent;
                a->connection().close(); // the app is about to quit
            }
        });
        a->sendMessage(id, QStringLiteral("the report"), {path});
        QTRY_VERIFY_WITH_TIMEOUT(droppedAt > 0, 20000);
        const QString attachmentId = a->cache().outbox().value(0).files.value(0).attachmentId;
        QVERIFY(!attachmentId.isEmpty());

        // The app starts again: the message and its half-sent file come back from the cache.
        a.restart();
        QSignalSpy progress(&a->uploads(), &AttachmentUploader::progress);
        a->resume(h.server().url(), QStringLiteral("mina"));
        QCOMPARE(a->pendingCount(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(online(a) && a->pendingCount() == 0, 30000);
        QVERIFY(!progress.isEmpty());
        QVERIFY(progress.first().at(2).toLongLong() >= droppedAt);

        // The same upload (same attachment id) completed, and Joon gets the whole file.
        QTRY_COMPARE_WITH_TIMEOUT(lastAttachments(b->messages()).size(), 1, 20000);
        QCOMPARE(attr(lastAttachments(b->messages()), 0, "id"), attachmentId);
        QTRY_COMPARE_WITH_TIMEOUT(attr(lastAttachments(b->messages()), 0, "state"), QStringLiteral("ready"), 20000);
        receiverSaves(b, attachmentId, bytes);
    }

    void aFailedUploadDoesNotBlockTheOutbox()
    {
        CONFAB_START_HARNESS(h, {});
        Device a, b;
        QString id;
        QVERIFY(pairDevices(h, a, b, &id));
        h.server().stop();
        QTRY_VERIFY_WITH_TIMEOUT(!online(a), 10000);
        QTemporaryDir files;
        const QString gone = writeFile(files, QStringLiteral("gone.txt"), textBytes(5000));
        a->sendMessage(id, QStringLiteral("with a file"), {gone});
        a->sendMessage(id, QStringLiteral("plain text after it"));
        QCOMPARE(a->pendingCount(), 2);
        QVERIFY(QFile::remove(gone)); // removed before the upload could start

        QVERIFY2(h.server().start(), qPrintable(h.server().errorString()));
        QTRY_VERIFY_WITH_TIMEOUT(online(a), 30000);
        const auto lastBody = [&b] {
            MessageListModel *m = b->messages();
            return m->rowCount() > 0 ? m->data(m->index(m->rowCount() - 1), MessageListModel::BodyRole).toString() : QString();
        };
        QTRY_COMPARE_WITH_TIMEOUT(lastBody(), QStringLiteral("plain text after it"), 30000);
        QTRY_COMPARE_WITH_TIMEOUT(a->pendingCount(), 1, 10000);
        const OutboxItem failed = a->cache().outbox().value(0);
        QVERIFY(failed.failed);
        QVERIFY(failed.files.value(0).failed);
        QCOMPARE(attr(lastAttachments(a->messages()), 0, "state"), QStringLiteral("failed"));

        // The file is back: Retry sends it.
        QVERIFY(!writeFile(files, QStringLiteral("gone.txt"), textBytes(5000)).isEmpty());
        a->retryMessage(failed.clientId);
        QTRY_COMPARE_WITH_TIMEOUT(a->pendingCount(), 0, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(lastAttachments(b->messages()).size(), 1, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(attr(lastAttachments(b->messages()), 0, "name"), QStringLiteral("gone.txt"), 20000);
    }

    void aFileTheServerForgotIsUploadedAgain()
    {
        // Uploaded, then the app went offline before the message left; meanwhile the server's sweep
        // expired the unsent attachment. The message still goes out, with the file uploaded again.
        CONFAB_START_HARNESS(h, {{QStringLiteral("attachments/gc_interval_ms"), QStringLiteral("200")},
                                 {QStringLiteral("attachments/unsent_ttl_ms"), QStringLiteral("1000")}});
        Device a, b;
        QString id;
        QVERIFY(pairDevices(h, a, b, &id));
        QTemporaryDir files;
        const QByteArray bytes = textBytes(64 * 1024);
        const QString path = writeFile(files, QStringLiteral("minutes.txt"), bytes);

        // The send is held back: the link goes down as soon as the upload is done.
        bool dropped = false;
        connect(&a->uploads(), &AttachmentUploader::fileDone, this, [&] {
            if (!dropped) {
                dropped = true;
                a->connection().close();
            }
        });
        a->sendMessage(id, QStringLiteral("the minutes"), {path});
        QTRY_VERIFY_WITH_TIMEOUT(dropped && !online(a), 20000);
        QCOMPARE(a->pendingCount(), 1);
        const QString forgotten = a->cache().outbox().value(0).files.value(0).attachmentId;
        QVERIFY(!forgotten.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(
            h.database().firstColumn(QStringLiteral("SELECT COUNT(*) FROM attachments WHERE id = ?"), {forgotten}).value(0).toInt(),
            0, 20000);

        a->resume(h.server().url(), QStringLiteral("mina"));
        QTRY_VERIFY_WITH_TIMEOUT(online(a) && a->pendingCount() == 0, 30000);
        QTRY_COMPARE_WITH_TIMEOUT(lastAttachments(b->messages()).size(), 1, 20000);
        const QString sent = attr(lastAttachments(b->messages()), 0, "id");
        QVERIFY(sent != forgotten);
        QTRY_COMPARE_WITH_TIMEOUT(attr(lastAttachments(b->messages()), 0, "state"), QStringLiteral("ready"), 20000);
        receiverSaves(b, sent, bytes);
    }
};

QTEST_GUILESS_MAIN(TestClientAttachments)
#include "tst_client_attachments.moc"

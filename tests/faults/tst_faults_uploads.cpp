// Fault: the server instance that receives an upload is SIGKILLed in the middle of it. The client library
// (outbox, uploader, reconnect) carries on by itself: behind a load balancer on the other instance of the
// same PostgreSQL, or on the same SQLite server once it is back. It continues from the offset the
// database holds (the same upload, the same attachment id), and the stored file's sha256 is the file's.
#include "attachmentuploader.h"
#include "faultsupport.h"
#include "loadbalancer.h"
#include "transfers.h"

#include <QCryptographicHash>
#include <QTemporaryDir>

using namespace confab::test;
using namespace confab::test::faults;

namespace {
//! Deterministic text that the server's type detection reads as text/plain.
QByteArray textBytes(qint64 size)
{
    QByteArray out;
    out.reserve(size);
    quint32 x = 777;
    while (out.size() < size) {
        x = x * 1664525u + 1013904223u;
        out.append(char('a' + (x >> 24) % 26));
        if ((x & 0xF00) == 0)
            out.append('\n');
    }
    out.truncate(size);
    return out;
}

QString writeFile(const QTemporaryDir &dir, const QByteArray &bytes)
{
    QFile file(dir.filePath(QStringLiteral("notes.txt")));
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size() ? file.fileName() : QString();
}

/*!
 * Mina's device uploads `bytes` through `url`; `killAt` runs (from inside the uploader's progress signal)
 * once the server confirmed the first bytes. Then the device must finish by itself. Checks that it went on
 * from where the server was, with the same attachment, and returns that attachment's id.
 */
QString uploadThroughAKill(Device &mina, const QString &url, const QByteArray &bytes, const std::function<void()> &killAt)
{
    mina->registerAccount(url, QStringLiteral("mina"), QStringLiteral("Mina"), kPassword);
    if (!QTest::qWaitFor([&] { return mina.online(); }, 30000))
        return QStringLiteral("sign-up did not finish");
    QSignalSpy ready(mina.client.get(), &confab::client::ChatClient::conversationReady);
    mina->createGroup(QStringLiteral("Files"), {});
    if (!QTest::qWaitFor([&] { return !ready.isEmpty(); }, 15000))
        return QStringLiteral("no conversation");
    const QString conversation = ready.first().first().toString();

    QTemporaryDir files;
    const QString path = writeFile(files, bytes);
    qint64 killedAt = -1;
    QString attachmentBefore;
    QList<qint64> after;
    QObject::connect(&mina->uploads(), &confab::client::AttachmentUploader::progress, mina.client.get(),
                     [&](const QString &, const QString &, qint64 sent, qint64) {
                         if (killedAt >= 0) {
                             after.append(sent);
                         } else if (sent > 0) {
                             killedAt = sent;
                             attachmentBefore = mina->cache().outbox().value(0).files.value(0).attachmentId;
                             killAt();
                         }
                     });
    QSignalSpy done(&mina->uploads(), &confab::client::AttachmentUploader::fileDone);
    mina->sendMessage(conversation, QStringLiteral("the notes"), {path});
    if (!QTest::qWaitFor([&] { return killedAt > 0; }, 30000))
        return QStringLiteral("the upload did not start");
    if (killedAt >= bytes.size())
        return QStringLiteral("the upload was over before the kill");
    if (!QTest::qWaitFor([&] { return !done.isEmpty() && mina->pendingCount() == 0; }, 60000))
        return QStringLiteral("the upload did not finish after the kill");
    const auto info = done.first().at(2).value<confab::protocol::AttachmentInfo>();
    if (info.id != attachmentBefore)
        return QStringLiteral("begun again (attachment %1, before the kill %2)").arg(info.id, attachmentBefore);
    if (after.isEmpty() || after.first() < killedAt)
        return QStringLiteral("not continued from the server's offset: first progress %1 after %2")
            .arg(after.value(0, -1))
            .arg(killedAt);
    if (info.sha256 != sha256Hex(bytes))
        return QStringLiteral("stored with sha256 %1").arg(info.sha256);
    return info.id;
}

//! The attachment as a client of the instance at `url` downloads it.
QByteArray downloadThrough(const QString &url, const QString &attachmentId)
{
    TestClient c;
    if (!c.open(url) || !c.signIn(QStringLiteral("mina"), kPassword))
        return {};
    return fetch(c, attachmentId).bytes;
}
} // namespace

class TestUploadFaults : public QObject {
    Q_OBJECT
private slots:
    void uploadResumesOnAnotherInstance()
    {
        // Each instance has a data folder of its own, as on two machines: the upload's state and its
        // bytes so far are in the database (the default store on PostgreSQL).
        TestDatabase db(TestDatabase::Kind::PostgreSQL);
        QVERIFY2(db.isValid(), qPrintable(db.errorString()));
        ServerProcess one(db.url()), two(db.url());
        QVERIFY2(one.start(), qPrintable(one.errorString()));
        QVERIFY2(two.start(), qPrintable(two.errorString()));
        LoadBalancer balancer(one.port());
        QVERIFY(balancer.listen());
        Device mina;
        const QByteArray bytes = textBytes(6 * 1024 * 1024 + 4321);
        const QString id = uploadThroughAKill(mina, balancer.url(), bytes, [&] {
            balancer.pointAt(two.port()); // the balancer's health check took the dead one out
            one.kill();
        });
        QVERIFY2(id.startsWith(QLatin1StringView("a")), qPrintable(id));
        QVERIFY(!one.isRunning());
        QCOMPARE(sha256Hex(downloadThrough(two.url(), id)), sha256Hex(bytes));
        // Nothing of the upload is left: its row, and its parts (removed after the finish).
        QCOMPARE(db.firstColumn(QStringLiteral("SELECT COUNT(*) FROM uploads")).value(0).toInt(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(db.firstColumn(QStringLiteral("SELECT COUNT(*) FROM upload_parts")).value(0).toInt(), 0,
                                  10000);
    }

    void uploadResumesAfterARestart_data()
    {
        QTest::addColumn<int>("backend");
        QTest::newRow("sqlite") << int(TestDatabase::Kind::SQLite);
        QTest::newRow("postgresql") << int(TestDatabase::Kind::PostgreSQL);
    }
    void uploadResumesAfterARestart()
    {
        // One instance (SQLite: the bytes so far in the data folder) killed and started again.
        QFETCH(int, backend);
        TestDatabase db{TestDatabase::Kind(backend)};
        QVERIFY2(db.isValid(), qPrintable(db.errorString()));
        ServerProcess server(db.url());
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        Device mina;
        const QByteArray bytes = textBytes(5 * 1024 * 1024 + 99);
        const QString id = uploadThroughAKill(mina, server.url(), bytes, [&] {
            server.kill();
            QVERIFY2(server.start(), qPrintable(server.errorString()));
        });
        QVERIFY2(id.startsWith(QLatin1StringView("a")), qPrintable(id));
        QCOMPARE(sha256Hex(downloadThrough(server.url(), id)), sha256Hex(bytes));
    }
};

QTEST_GUILESS_MAIN(TestUploadFaults)
#include "tst_faults_uploads.moc"

// The operator's side of a real server, on both databases: /healthz and /metrics over HTTP on a
// loopback port, `backup` (restored and served again), `check`, the self-signed certificate, and
// `demo backdate` (the screenshots' demo, dated yesterday morning).
#include "harness.h"
#include "scrape.h"
#include "protocol/binary.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDirIterator>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSslCertificate>
#include <QSslSocket>
#include <QTcpServer>

#include <unistd.h>

using namespace confab::protocol;
using namespace confab::test;

namespace {

QString createGroup(TestClient &owner, const QList<QString> &members)
{
    const Frame reply = owner.request(ConversationCreate{ConversationKind::Group, QStringLiteral("Ops"), members});
    const auto *detail = std::get_if<ConversationDetail>(&reply);
    return detail ? detail->conversation.id : QString();
}

bool sendText(TestClient &c, const QString &conversationId, const QString &clientId, const QString &body,
              const QList<QString> &attachments = {})
{
    MessageSend send;
    send.conversationId = conversationId;
    send.clientId = clientId;
    send.body = body;
    send.attachments = attachments;
    const Frame reply = c.request(send);
    if (std::holds_alternative<Error>(reply))
        qWarning("send failed: %s", qPrintable(TestClient::describe(reply)));
    return !std::holds_alternative<Error>(reply) && !std::holds_alternative<std::monostate>(reply);
}

//! Uploads text bytes in chunks; returns the stored attachment (empty id on failure).
AttachmentInfo uploadText(TestClient &c, const QString &conversationId, const QByteArray &bytes)
{
    const QString sha = QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    const Frame started =
        c.request(AttachmentBegin{conversationId, QStringLiteral("notes.txt"), bytes.size(), QStringLiteral("text/plain"), sha});
    const auto *up = std::get_if<AttachmentUpload>(&started);
    if (!up) {
        qWarning("begin failed: %s", qPrintable(TestClient::describe(started)));
        return {};
    }
    for (qint64 at = 0; at < bytes.size(); at += up->chunkBytes)
        c.socket().sendBinaryMessage(
            encodeChunk(Chunk{ChunkKind::Upload, up->uploadId, at, bytes.mid(at, std::min<qint64>(up->chunkBytes, bytes.size() - at))}));
    const Frame done = c.request(AttachmentFinish{up->uploadId}, 60000);
    const auto *info = std::get_if<AttachmentDone>(&done);
    if (!info)
        qWarning("finish failed: %s", qPrintable(TestClient::describe(done)));
    return info ? info->attachment : AttachmentInfo{};
}

int messageCount(const TestClient &c, const QString &conversationId)
{
    int n = 0;
    for (const Event &event : c.events(conversationId))
        n += event.kind == EventKind::Message ? 1 : 0;
    return n;
}

QByteArray noteBytes(int seed)
{
    QByteArray text;
    for (int i = 0; i < 200; ++i)
        text += "line " + QByteArray::number(i * seed) + " of the meeting notes\n";
    return text;
}

QString storedPath(const QString &dataDir, const QString &sha)
{
    return dataDir + QStringLiteral("/attachments/") + sha.left(2) + u'/' + sha;
}

bool copyTree(const QString &from, const QString &to)
{
    QDirIterator it(from, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QString target = to + u'/' + QDir(from).relativeFilePath(path);
        if (!QDir().mkpath(QFileInfo(target).absolutePath()) || !QFile::copy(path, target))
            return false;
    }
    return true;
}

//! Makes a folder unwritable for this process, also as root (immutable flag), and undoes it when destroyed.
class ReadOnlyFolder {
public:
    explicit ReadOnlyFolder(QString path) : m_path(std::move(path))
    {
        if (::geteuid() == 0)
            m_ok = QProcess::execute(QStringLiteral("chattr"), {QStringLiteral("+i"), m_path}) == 0;
        else
            m_ok = QFile::setPermissions(m_path, QFileDevice::ReadOwner | QFileDevice::ExeOwner);
    }
    ~ReadOnlyFolder()
    {
        if (::geteuid() == 0)
            QProcess::execute(QStringLiteral("chattr"), {QStringLiteral("-i"), m_path});
        else
            QFile::setPermissions(m_path, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    }
    bool ok() const { return m_ok; }

private:
    QString m_path;
    bool m_ok = false;
};
} // namespace

class TestOps : public QObject {
    Q_OBJECT
private slots:
    void initTestCase_data() { addBackendRows(); }

    void metricsAreScraped();
    void metricsAddressMustBeLoopback();
    void backupRestoresMessagesAndAttachments();
    void checkPassesOnAGoodSetup();
    void checkFailsOnAMissingAttachment();
    void checkFailsOnAnUnwritableFolder();
    void selfSignedCertificateIsMadeOnceAndServed();
    void demoBackdateMovesHistoryToYesterdayMorning();
};

void TestOps::metricsAreScraped()
{
    const quint16 port = freePort();
    QVERIFY(port != 0);
    CONFAB_START_HARNESS(h, {{QStringLiteral("metrics/port"), QString::number(port)}});
    QTRY_VERIFY_WITH_TIMEOUT(h.server().log().contains(QStringLiteral("metrics on http://127.0.0.1:%1").arg(port)), 10000);

    const HttpResult health = httpGet(port, QStringLiteral("/healthz"));
    QCOMPARE(health.status, 200);
    QCOMPARE(QJsonDocument::fromJson(health.body).object().value(QStringLiteral("status")).toString(), QStringLiteral("ok"));

    auto mina = h.client(QStringLiteral("mina"));
    auto joon = h.client(QStringLiteral("joon"));
    QVERIFY(mina && joon);
    const QString group = createGroup(*mina, {joon->userId()});
    QVERIFY(!group.isEmpty());
    for (int i = 0; i < 5; ++i)
        QVERIFY(sendText(*mina, group, QStringLiteral("c%1").arg(i), QStringLiteral("hello %1").arg(i)));
    QTRY_VERIFY_WITH_TIMEOUT(messageCount(*joon, group) == 5, 20000);
    // A password sign-in, a wrong one, and an error reply to count.
    auto again = h.client(QString());
    QVERIFY(again && again->signIn(QStringLiteral("mina")));
    auto wrong = h.client(QString());
    QVERIFY(wrong && !wrong->signIn(QStringLiteral("mina"), QStringLiteral("not the password")));

    // Other instances' NOTIFYs arrive with their send time: a second instance on the same
    // PostgreSQL database measures the lag of what this one wrote.
    std::unique_ptr<ServerProcess> second;
    quint16 secondPort = 0;
    if (h.database().kind() == TestDatabase::Kind::PostgreSQL) {
        secondPort = freePort();
        second = std::make_unique<ServerProcess>(h.database().url(),
                                                 QMap<QString, QString>{{QStringLiteral("metrics/port"), QString::number(secondPort)}});
        QVERIFY2(second->start(), qPrintable(second->errorString()));
        TestClient joonThere;
        QVERIFY(joonThere.open(second->url()) && joonThere.signIn(QStringLiteral("joon")));
        QVERIFY(sendText(*mina, group, QStringLiteral("c-cluster"), QStringLiteral("across instances")));
        QVERIFY(joonThere.waitForEvents(group, 1));
    }

    const HttpResult scraped = httpGet(port, QStringLiteral("/metrics"));
    QCOMPARE(scraped.status, 200);
    QVERIFY2(scraped.contentType.startsWith("text/plain; version=0.0.4"), scraped.contentType.constData());
    QString bad;
    const QHash<QString, double> m = parseMetrics(scraped.body, &bad);
    QVERIFY2(bad.isEmpty(), qPrintable(bad));
    const int sent = second ? 6 : 5;
    QCOMPARE(m.value(QStringLiteral("confab_messages_stored_total")), double(sent));
    // Each message reaches mina's and joon's connections at least.
    QVERIFY(m.value(QStringLiteral("confab_deliveries_total")) >= 2.0 * 5);
    QVERIFY(m.value(QStringLiteral("confab_connections")) >= 4);
    QVERIFY(m.value(QStringLiteral("confab_authenticated_sessions")) >= 3);
    QVERIFY(m.contains(QStringLiteral("confab_outbound_queue_bytes")));
    QVERIFY(m.contains(QStringLiteral("confab_outbound_queue_max_bytes")));
    QCOMPARE(m.value(QStringLiteral("confab_logins_total{result=\"ok\"}")), 1.0);
    QCOMPARE(m.value(QStringLiteral("confab_logins_total{result=\"failed\"}")), 1.0);
    QVERIFY(m.value(QStringLiteral("confab_errors_total{code=\"UNAUTHORIZED\"}")) >= 1);
    QCOMPARE(m.value(QStringLiteral("confab_errors_total{code=\"INTERNAL\"}")), 0.0);
    // Histograms: cumulative buckets ending in +Inf = count.
    for (const QString &name : {QStringLiteral("confab_fanout_latency_seconds"), QStringLiteral("confab_db_query_duration_seconds"),
                               QStringLiteral("confab_cluster_notify_lag_seconds")}) {
        double previous = 0;
        for (const double bound : {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0}) {
            const QString key = name + QStringLiteral("_bucket{le=\"%1\"}").arg(bound);
            QVERIFY2(m.contains(key), qPrintable(key));
            QVERIFY(m.value(key) >= previous);
            previous = m.value(key);
        }
        QCOMPARE(m.value(name + QStringLiteral("_bucket{le=\"+Inf\"}")), m.value(name + QStringLiteral("_count")));
        QVERIFY(m.value(name + QStringLiteral("_count")) >= previous);
    }
    QVERIFY(m.value(QStringLiteral("confab_fanout_latency_seconds_count")) >= sent); // and the group's creation
    QVERIFY(m.value(QStringLiteral("confab_db_query_duration_seconds_count")) > 10);
    if (second) {
        const HttpResult there = httpGet(secondPort, QStringLiteral("/metrics"));
        const QHash<QString, double> m2 = parseMetrics(there.body, &bad);
        QVERIFY2(bad.isEmpty(), qPrintable(bad));
        QVERIFY(m2.value(QStringLiteral("confab_cluster_notify_lag_seconds_count")) >= 1);
        QCOMPARE(m2.value(QStringLiteral("confab_messages_stored_total")), 0.0); // stored by the first instance
    }

    QCOMPARE(httpGet(port, QStringLiteral("/nothing-here")).status, 404);
}

void TestOps::metricsAddressMustBeLoopback()
{
    QFETCH_GLOBAL(int, backend);
    if (TestDatabase::Kind(backend) == TestDatabase::Kind::PostgreSQL)
        QSKIP("refused before the database is opened: once is enough");
    for (const QString &address : {QStringLiteral("0.0.0.0"), QStringLiteral("192.0.2.1"), QStringLiteral("::")}) {
        TestDatabase db(TestDatabase::Kind::SQLite);
        ServerProcess server(db.url(), {{QStringLiteral("metrics/port"), QString::number(freePort())},
                                        {QStringLiteral("metrics/address"), address}});
        QVERIFY(!server.start());
        QVERIFY2(server.log().contains(QStringLiteral("metrics/address must be a loopback address")), qPrintable(server.log()));
    }
}

void TestOps::backupRestoresMessagesAndAttachments()
{
    CONFAB_START_HARNESS(h, {});
    auto mina = h.client(QStringLiteral("mina"));
    auto joon = h.client(QStringLiteral("joon"));
    QVERIFY(mina && joon);
    const QString group = createGroup(*mina, {joon->userId()});
    QVERIFY(!group.isEmpty());
    const AttachmentInfo file = uploadText(*mina, group, noteBytes(3));
    QVERIFY(!file.id.isEmpty());
    for (int i = 0; i < 3; ++i)
        QVERIFY(sendText(*mina, group, QStringLiteral("b%1").arg(i), QStringLiteral("kept %1").arg(i)));
    QVERIFY(sendText(*mina, group, QStringLiteral("b-file"), QStringLiteral("the notes"), {file.id}));

    // While the server runs: the copy must be consistent anyway.
    QTemporaryDir scratch;
    const QString folder = scratch.path() + QStringLiteral("/backup");
    QString output;
    QCOMPARE(h.server().runAdmin({QStringLiteral("backup"), folder}, {}, &output), 0);
    QFile manifestFile(folder + QStringLiteral("/manifest.json"));
    QVERIFY(manifestFile.open(QIODevice::ReadOnly));
    const QJsonObject manifest = QJsonDocument::fromJson(manifestFile.readAll()).object();
    QCOMPARE(manifest.value(QStringLiteral("attachments")).toObject().value(QStringLiteral("referenced")).toInt(), 1);
    QVERIFY(manifest.value(QStringLiteral("attachments")).toObject().value(QStringLiteral("missing")).toArray().isEmpty());
    // On PostgreSQL the bytes are in the database (its default store), which pg_dump copies; on SQLite
    // they are files in the backup.
    if (h.database().kind() == TestDatabase::Kind::PostgreSQL)
        QCOMPARE(manifest.value(QStringLiteral("attachments")).toObject().value(QStringLiteral("in_database")).toInt(), 1);
    else
        QVERIFY(QFileInfo::exists(storedPath(folder, file.sha256)));
    // A second backup into the same folder is refused rather than mixed with the first.
    QVERIFY(h.server().runAdmin({QStringLiteral("backup"), folder}, {}, &output) != 0);
    QVERIFY2(output.contains(QStringLiteral("not empty")), qPrintable(output));

    if (h.database().kind() == TestDatabase::Kind::PostgreSQL) {
        // PostgreSQL is dumped with its own tool; the command says how.
        QString guidance;
        QTemporaryDir other;
        QCOMPARE(h.server().runAdmin({QStringLiteral("backup"), other.path() + QStringLiteral("/b")}, {}, &guidance), 0);
        QVERIFY2(guidance.contains(QStringLiteral("pg_dump --format=custom")), qPrintable(guidance));
        QCOMPARE(manifest.value(QStringLiteral("database")).toObject().value(QStringLiteral("driver")).toString(),
                 QStringLiteral("postgresql"));
        return;
    }

    // Restore as the self-hosting guide says: the database file and the attachments folder into
    // a new data folder; then serve it and read everything back.
    QCOMPARE(manifest.value(QStringLiteral("database")).toObject().value(QStringLiteral("driver")).toString(), QStringLiteral("sqlite"));
    QTemporaryDir restoredDir;
    const QString restoredDb = restoredDir.path() + QStringLiteral("/confab.sqlite");
    QVERIFY(QFile::copy(folder + QStringLiteral("/confab.sqlite"), restoredDb));
    // (ServerProcess writes its INI file only when given a setting.)
    ServerProcess restored(QStringLiteral("sqlite:") + restoredDb, {{QStringLiteral("auth/registration"), QStringLiteral("closed")}});
    QVERIFY(copyTree(folder + QStringLiteral("/attachments"), restored.dataDir() + QStringLiteral("/attachments")));
    QVERIFY2(restored.start(), qPrintable(restored.errorString()));
    TestClient reader;
    QVERIFY(reader.open(restored.url()) && reader.signIn(QStringLiteral("joon")));
    const Frame reply = reader.request(HistoryRequest{group, {}, {}, 50});
    const auto *history = std::get_if<History>(&reply);
    QVERIFY2(history, qPrintable(TestClient::describe(reply)));
    QStringList bodies;
    for (const Event &event : history->events) {
        if (event.message)
            bodies.append(event.message->body);
    }
    QCOMPARE(bodies, (QStringList{QStringLiteral("kept 0"), QStringLiteral("kept 1"), QStringLiteral("kept 2"),
                                  QStringLiteral("the notes")}));
    QString checked;
    QCOMPARE(restored.runAdmin({QStringLiteral("check")}, {}, &checked), 0);
    QVERIFY2(checked.contains(QStringLiteral("1 stored, every file present, 1 read back and hashed")), qPrintable(checked));
}

void TestOps::checkPassesOnAGoodSetup()
{
    CONFAB_START_HARNESS(h, {});
    auto mina = h.client(QStringLiteral("mina"));
    QVERIFY(mina);
    const QString group = createGroup(*mina, {});
    QVERIFY(!uploadText(*mina, group, noteBytes(5)).id.isEmpty());
    QString output;
    QCOMPARE(h.server().runAdmin({QStringLiteral("--config"), h.server().configPath(), QStringLiteral("check")}, {}, &output), 0);
    QVERIFY2(output.contains(QStringLiteral("ok    database:")), qPrintable(output));
    QVERIFY2(output.contains(QStringLiteral("ok    schema: version")), qPrintable(output));
    QVERIFY2(output.contains(QStringLiteral("every file present")), qPrintable(output));
    QVERIFY2(output.trimmed().endsWith(QStringLiteral("check passed")), qPrintable(output));
    QVERIFY(!output.contains(QStringLiteral("FAIL")));
}

void TestOps::checkFailsOnAMissingAttachment()
{
    CONFAB_START_HARNESS(h, {});
    auto mina = h.client(QStringLiteral("mina"));
    QVERIFY(mina);
    const QString group = createGroup(*mina, {});
    const AttachmentInfo file = uploadText(*mina, group, noteBytes(7));
    QVERIFY(!file.id.isEmpty());
    QString path;
    if (h.database().kind() == TestDatabase::Kind::PostgreSQL) {
        // The database store: its rows go, and check names the missing blob by its sha256.
        path = file.sha256;
        h.database().firstColumn(QStringLiteral("DELETE FROM blobs WHERE kind = 0 AND sha256 = ?"), {file.sha256});
        QVERIFY(h.database().firstColumn(QStringLiteral("SELECT sha256 FROM blobs WHERE kind = 0")).isEmpty());
    } else {
        path = storedPath(h.server().dataDir(), file.sha256);
        QVERIFY(QFile::remove(path));
    }
    QString output;
    QCOMPARE(h.server().runAdmin({QStringLiteral("check")}, {}, &output), 1);
    QVERIFY2(output.contains(QStringLiteral("FAIL  attachments: 1 of 1 stored attachments have no file: ") + path), qPrintable(output));
    QVERIFY2(output.trimmed().endsWith(QStringLiteral("check failed")), qPrintable(output));
}

void TestOps::checkFailsOnAnUnwritableFolder()
{
    CONFAB_START_HARNESS(h, {});
    const QString attachments = h.server().dataDir() + QStringLiteral("/attachments");
    QVERIFY(QFileInfo(attachments).isDir());
    ReadOnlyFolder readOnly(attachments);
    QVERIFY2(readOnly.ok(), "cannot make the folder read-only (chattr as root, chmod otherwise)");
    QString output;
    QCOMPARE(h.server().runAdmin({QStringLiteral("check")}, {}, &output), 1);
    QVERIFY2(output.contains(QStringLiteral("FAIL  attachments: %1 is not writable by this user").arg(attachments)), qPrintable(output));
}

void TestOps::selfSignedCertificateIsMadeOnceAndServed()
{
    QFETCH_GLOBAL(int, backend);
    if (TestDatabase::Kind(backend) == TestDatabase::Kind::PostgreSQL)
        QSKIP("the certificate does not depend on the database: once is enough");
    TestDatabase db(TestDatabase::Kind::SQLite);
    ServerProcess server(db.url(), {{QStringLiteral("tls/self_signed"), QStringLiteral("true")}});
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    QVERIFY(server.url().startsWith(QStringLiteral("wss://")));
    const QString certPath = server.dataDir() + QStringLiteral("/tls/certificate.pem");
    const QString keyPath = server.dataDir() + QStringLiteral("/tls/key.pem");
    QVERIFY(QFileInfo::exists(certPath) && QFileInfo::exists(keyPath));
    QCOMPARE(QFileInfo(keyPath).permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther), QFileDevice::Permissions());
    QVERIFY(server.log().contains(QStringLiteral("made a self-signed TLS certificate")));

    QFile certFile(certPath);
    QVERIFY(certFile.open(QIODevice::ReadOnly));
    const QByteArray certPem = certFile.readAll();
    const auto certs = QSslCertificate::fromData(certPem, QSsl::Pem);
    QCOMPARE(certs.size(), 1);
    const QString expected = QString::fromLatin1(certs.first().digest(QCryptographicHash::Sha256).toHex(':').toUpper());

    static const QRegularExpression logged(QStringLiteral("fingerprint ([0-9A-F:]{95})"));
    QCOMPARE(logged.match(server.log()).captured(1), expected);
    QString printed;
    QCOMPARE(server.runAdmin({QStringLiteral("--config"), server.configPath(), QStringLiteral("fingerprint")}, {}, &printed), 0);
    QCOMPARE(printed.trimmed(), QStringLiteral("SHA-256 ") + expected);
    QString checked;
    QCOMPARE(server.runAdmin({QStringLiteral("--config"), server.configPath(), QStringLiteral("check")}, {}, &checked), 0);
    QVERIFY2(checked.contains(QStringLiteral("SHA-256 fingerprint ") + expected), qPrintable(checked));

    // The certificate the server presents is the file's.
    QSslSocket socket;
    socket.setPeerVerifyMode(QSslSocket::VerifyNone);
    socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), server.port());
    QVERIFY2(socket.waitForEncrypted(10000), qPrintable(socket.errorString()));
    QCOMPARE(socket.peerCertificate(), certs.first());
    socket.disconnectFromHost();

    // A second start uses the same certificate.
    server.stop();
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    QFile again(certPath);
    QVERIFY(again.open(QIODevice::ReadOnly));
    QCOMPARE(again.readAll(), certPem);
    QCOMPARE(server.log().count(QStringLiteral("fingerprint ") + expected), 2);
    QCOMPARE(server.log().count(QStringLiteral("made a self-signed TLS certificate")), 1);

    // Only one of the two files left: refused, since a new key would not match the old certificate.
    server.stop();
    QVERIFY(QFile::remove(keyPath));
    QVERIFY(!server.start());
    QVERIFY2(server.log().contains(QStringLiteral("exists but")), qPrintable(server.log()));
}


void TestOps::demoBackdateMovesHistoryToYesterdayMorning()
{
    CONFAB_START_HARNESS(h, {});
    auto mina = h.client(QStringLiteral("mina"));
    QVERIFY(mina);
    const QString group = createGroup(*mina, {});
    QVERIFY(!group.isEmpty());
    for (int i = 0; i < 3; ++i)
        QVERIFY(sendText(*mina, group, QStringLiteral("d%1").arg(i), QStringLiteral("demo %1").arg(i)));

    // As scripts/screenshots.sh does it: with the server stopped.
    h.server().stop();
    QString output;
    QCOMPARE(h.server().runAdmin({QStringLiteral("demo"), QStringLiteral("backdate")}, {}, &output), 0);
    QVERIFY2(h.server().start(), qPrintable(h.server().errorString()));
    const qint64 morning = QDateTime(QDate::currentDate().addDays(-1), QTime(9, 30)).toMSecsSinceEpoch();

    TestClient reader;
    QVERIFY(reader.open(h.server().url()) && reader.signIn(QStringLiteral("mina")));
    const Frame reply = reader.request(HistoryRequest{group, {}, {}, 50});
    const auto *history = std::get_if<History>(&reply);
    QVERIFY2(history, qPrintable(TestClient::describe(reply)));
    QList<qint64> sentAt;
    for (const Event &event : history->events) {
        if (event.message)
            sentAt.append(event.message->createdAt);
        else
            QCOMPARE(event.at, morning); // the conversation's own events: when it was made
    }
    // In the order they were sent, from 09:40, 2 min 17 s apart.
    QCOMPARE(sentAt, (QList<qint64>{morning + 600'000, morning + 737'000, morning + 874'000}));
    // A usage mistake changes nothing and says how.
    QCOMPARE(h.server().runAdmin({QStringLiteral("demo")}, {}, &output), 2);
    QVERIFY2(output.contains(QStringLiteral("usage: confab-server demo backdate")), qPrintable(output));
}

QTEST_GUILESS_MAIN(TestOps)
#include "tst_ops.moc"

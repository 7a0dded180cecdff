// Exporting my data from the app against a real server (SQLite and PostgreSQL): Settings' DataExport
// starts the export, follows its progress to "ready", saves the archive where the user chose
// (fetched through the attachment download path, checked against its sha256), and an app that
// starts again finds the ready export where it was left.
#include "clientsteps.h"
#include "device.h"
#include "harness.h"
#include "transfers.h"

#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QUrl>

using namespace confab::client;
using namespace confab::protocol;
using namespace confab::test;

class TestClientExport : public QObject {
    Q_OBJECT
private slots:
    void initTestCase_data() { addBackendRows(); }

    void exportAndSave() {
        CONFAB_START_HARNESS(h, {});
        TestClient joon;
        QVERIFY(joon.open(h.server().url()) && joon.signUp(QStringLiteral("joon")));
        Device a;
        a->registerAccount(h.server().url(), QStringLiteral("mina"), QStringLiteral("Mina"), kTestPassword);
        QTRY_VERIFY_WITH_TIMEOUT(a.online(), 20000);
        DataExport *exporter = a->dataExport();
        QTRY_COMPARE_WITH_TIMEOUT(exporter->state(), QStringLiteral("none"), 10000); // nothing exported yet

        const Frame created =
            joon.request(ConversationCreate{ConversationKind::Group, QStringLiteral("Plans"), {a->userId()}});
        QVERIFY2(std::holds_alternative<ConversationDetail>(created),
                 qPrintable(TestClient::describe(created)));
        const QString group = std::get<ConversationDetail>(created).conversation.id;
        QVERIFY(std::holds_alternative<MessageSent>(
            joon.request(textMessage(group, QStringLiteral("j1"), QStringLiteral("hello mina")))));

        QList<QString> states;
        QList<int> percents;
        connect(exporter, &DataExport::changed, this, [&] {
            if (states.isEmpty() || states.last() != exporter->state())
                states.append(exporter->state());
            percents.append(exporter->percent());
        });
        exporter->start();
        QTRY_COMPARE_WITH_TIMEOUT(exporter->state(), QStringLiteral("ready"), 60000);
        QCOMPARE(states.first(), QStringLiteral("building"));
        QVERIFY(std::is_sorted(percents.begin(), percents.end()));
        QVERIFY(exporter->size() > 0);
        QVERIFY(!exporter->sizeText().isEmpty());
        QVERIFY(exporter->expiresAt() > QDateTime::currentDateTime().addSecs(47 * 3600));
        QVERIFY(exporter->error().isEmpty());

        // Saved where the user chose, byte for byte what the server built.
        const QString target = a.dir.filePath(QStringLiteral("my data.zip"));
        QSignalSpy saved(exporter, &DataExport::saved);
        exporter->saveTo(QUrl::fromLocalFile(target));
        QTRY_COMPARE_WITH_TIMEOUT(exporter->state(), QStringLiteral("saved"), 60000);
        QCOMPARE(saved.count(), 1);
        QCOMPARE(saved.first().first().toString(), target);
        QCOMPARE(exporter->savedPath(), target);
        QFile file(target);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray zip = file.readAll();
        QCOMPARE(zip.size(), exporter->size());
        QVERIFY(zip.startsWith("PK\x03\x04"));
        QVERIFY(zip.contains("profile.json"));
        QVERIFY(zip.contains(QStringLiteral("conversations/%1.json").arg(group).toUtf8()));
        QVERIFY(zip.contains("index.html"));
        // Not left behind in the app's download cache as well.
        const QString sha = sha256Hex(zip);
        for (QDirIterator it(a.dir.path(), QDir::Files, QDirIterator::Subdirectories); it.hasNext();)
            QVERIFY2(it.next() == target || QFileInfo(it.filePath()).fileName() != sha,
                     qPrintable(it.filePath()));

        // Another person cannot fetch it with the id.
        QVERIFY(TestClient::isError(joon.request(AccountExportStatus{}), ErrorCode::NotFound));

        // The app starts again: the ready export is found at sign-in and saved once more.
        a.restart();
        a->resume(h.server().url(), QStringLiteral("mina"));
        QTRY_VERIFY_WITH_TIMEOUT(a.online(), 20000);
        exporter = a->dataExport();
        QTRY_COMPARE_WITH_TIMEOUT(exporter->state(), QStringLiteral("ready"), 10000);
        const QString again = a.dir.filePath(QStringLiteral("again.zip"));
        exporter->saveTo(QUrl::fromLocalFile(again));
        QTRY_COMPARE_WITH_TIMEOUT(exporter->state(), QStringLiteral("saved"), 60000);
        QFile second(again);
        QVERIFY(second.open(QIODevice::ReadOnly));
        QCOMPARE(second.readAll(), zip);
    }
};

QTEST_MAIN(TestClientExport)
#include "tst_client_export.moc"

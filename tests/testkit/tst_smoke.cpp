// confab-smoke against a real server on both databases: it passes with two existing accounts and
// leaves nothing behind (its messages deleted, its sessions signed out), and it refuses to run
// without them, saying why, with exit code 2.
#include "harness.h"

#include <QProcess>

using namespace confab::protocol;
using namespace confab::test;

namespace {
struct Run {
    int exitCode = -1;
    QString output;
};

Run smoke(const QString &url, const QStringList &users, const QStringList &passwords)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("CONFAB_SMOKE_PASSWORD_1"), passwords.value(0));
    env.insert(QStringLiteral("CONFAB_SMOKE_PASSWORD_2"), passwords.value(1));
    p.setProcessEnvironment(env);
    p.setProcessChannelMode(QProcess::MergedChannels);
    QStringList args{url};
    for (const QString &u : users)
        args << QStringLiteral("--user") << u;
    p.start(QStringLiteral(CONFAB_SMOKE_BINARY), args);
    p.waitForFinished(120000);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAll())};
}

bool addUser(Harness &h, const QString &name, const QString &password)
{
    return h.server().runAdmin({QStringLiteral("user"), QStringLiteral("add"), name, QStringLiteral("--password-stdin")},
                               password.toUtf8() + '\n') == 0;
}
} // namespace

class TestSmoke : public QObject {
    Q_OBJECT
private slots:
    void initTestCase_data() { addBackendRows(); }

    void passesAndLeavesNothingBehind()
    {
        CONFAB_START_HARNESS(h, {});
        QVERIFY(addUser(h, QStringLiteral("probe1"), QStringLiteral("probe one pass")));
        QVERIFY(addUser(h, QStringLiteral("probe2"), QStringLiteral("probe two pass")));
        const Run run = smoke(h.server().url(), {QStringLiteral("probe1"), QStringLiteral("probe2")},
                              {QStringLiteral("probe one pass"), QStringLiteral("probe two pass")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.output));
        for (const char *line : {"message delivered", "read receipt back", "file of 64 KiB up and down",
                                 "cleaned up: 2 of 2 messages deleted"})
            QVERIFY2(run.output.contains(QString::fromLatin1(line)), qPrintable(run.output));
        QVERIFY2(run.output.trimmed().endsWith(QStringLiteral("ok")), qPrintable(run.output));

        // Nothing it sent is readable any more, and its sessions ended.
        const QVariantList bodies =
            h.database().firstColumn(QStringLiteral("SELECT body FROM messages WHERE deleted = 0 OR body <> ''"));
        QVERIFY2(bodies.isEmpty(), qPrintable(bodies.value(0).toString()));
        QCOMPARE(h.database().firstColumn(QStringLiteral("SELECT COUNT(*) FROM sessions")).value(0).toInt(), 0);
    }

    void refusesWithoutTheAccounts()
    {
        CONFAB_START_HARNESS(h, {});
        QVERIFY(addUser(h, QStringLiteral("probe1"), QStringLiteral("probe one pass")));
        const Run run = smoke(h.server().url(), {QStringLiteral("probe1"), QStringLiteral("ghost")},
                              {QStringLiteral("probe one pass"), QStringLiteral("whatever pass")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.output.contains(QStringLiteral("confab-server user add ghost")), qPrintable(run.output));
        QVERIFY2(run.output.trimmed().endsWith(QStringLiteral("REFUSED")), qPrintable(run.output));
        QCOMPARE(h.database().firstColumn(QStringLiteral("SELECT COUNT(*) FROM sessions")).value(0).toInt(), 0);

        const Run wrongUse = smoke(h.server().url(), {QStringLiteral("probe1")}, {QStringLiteral("probe one pass")});
        QCOMPARE(wrongUse.exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestSmoke)
#include "tst_smoke.moc"

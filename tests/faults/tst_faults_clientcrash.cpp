// Fault: the client app crashes (std::abort) with messages in its outbox — written offline, or
// half sent with an ack possibly lost — and starts again: every message is stored exactly once.
#include "faultsupport.h"

#include <QProcess>

using namespace confab::protocol;
using namespace confab::test;
using namespace confab::test::faults;

namespace {

struct Run {
    bool crashed = false;
    int exitCode = -1;
    QStringList clientIds;
    QString errors;
};

Run runHelper(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral(CONFAB_CRASHCLIENT_BINARY), args);
    Run run;
    if (!p.waitForStarted(10000) || !p.waitForFinished(60000)) {
        p.kill();
        p.waitForFinished(5000);
        run.errors = QStringLiteral("crashclient did not finish");
        return run;
    }
    run.crashed = p.exitStatus() == QProcess::CrashExit;
    run.exitCode = p.exitCode();
    run.clientIds = QString::fromUtf8(p.readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts);
    run.errors = QString::fromUtf8(p.readAllStandardError());
    return run;
}

} // namespace

class TestClientCrash : public QObject {
    Q_OBJECT
private slots:
    void initTestCase_data() { addBackendRows(); }

    void outboxSurvivesCrashesAndIsSentOnce()
    {
        CONFAB_START_HARNESS(h, {});
        auto other = h.client(QStringLiteral("crash-b"));
        QVERIFY(other);
        auto me = h.client(QStringLiteral("crash-a"));
        QVERIFY(me);
        const Frame created = me->request(ConversationCreate{ConversationKind::Group, QStringLiteral("crash"), {other->userId()}});
        QVERIFY2(std::holds_alternative<ConversationDetail>(created), qPrintable(TestClient::describe(created)));
        const QString conversationId = std::get<ConversationDetail>(created).conversation.id;
        me.reset();

        QTemporaryDir data;
        const QString url = h.server().url();
        Run signin = runHelper({QStringLiteral("signin"), data.path(), url, QStringLiteral("crash-a"), kPassword});
        QVERIFY2(!signin.crashed && signin.exitCode == 0, qPrintable(signin.errors));

        // 1. Offline: five messages written to the outbox, then the app aborts.
        h.server().stop();
        const Run offline = runHelper({QStringLiteral("write"), data.path(), url, QStringLiteral("crash-a"),
                                       conversationId, QStringLiteral("5")});
        QVERIFY2(offline.crashed, qPrintable(QStringLiteral("exit code %1: %2").arg(offline.exitCode).arg(offline.errors)));
        QCOMPARE(offline.clientIds.size(), 5);
        QVERIFY2(h.server().start(), qPrintable(h.server().errorString()));
        // The other member is back before anything goes out: every message reaches it live.
        other = std::make_unique<TestClient>();
        QVERIFY(other->open(h.server().url()) && other->signIn(QStringLiteral("crash-b")));

        // 2. Online: twenty more; the app aborts once half of its outbox was acked, a send in flight.
        //    It first flushes the five from before (same outbox, same order).
        const Run online = runHelper({QStringLiteral("online-abort"), data.path(), url, QStringLiteral("crash-a"),
                                      conversationId, QStringLiteral("20")});
        QVERIFY2(online.crashed, qPrintable(QStringLiteral("exit code %1: %2").arg(online.exitCode).arg(online.errors)));
        QCOMPARE(online.clientIds.size(), 20);

        // 3. Started again: the rest goes out, each exactly once.
        const Run flush = runHelper({QStringLiteral("flush"), data.path(), url, QStringLiteral("crash-a")});
        QVERIFY2(!flush.crashed && flush.exitCode == 0, qPrintable(flush.errors));

        const QStringList written = offline.clientIds + online.clientIds;
        const QList<MessageInfo> stored = serverMessages(url, QStringLiteral("crash-b"), conversationId);
        const QString problem = checkStoredOnce(stored, written);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QStringList order;
        for (const MessageInfo &m : stored)
            order.append(m.clientId);
        QCOMPARE(order, written);
        // And the other member received each once, live.
        const auto pushedClientIds = [&] {
            QStringList out;
            for (const Event &e : other->events(conversationId)) {
                if (e.kind == EventKind::Message)
                    out.append(e.message->clientId);
            }
            return out;
        };
        QTRY_COMPARE_WITH_TIMEOUT(pushedClientIds(), written, 20000);
    }
};

QTEST_GUILESS_MAIN(TestClientCrash)
#include "tst_faults_clientcrash.moc"

// Fault: the server process is SIGKILLed and restarted (same port) while several client-library
// devices write continuously. Acked messages must be stored once, in one order seen by everyone.
#include "faultsupport.h"

using namespace confab::test;
using namespace confab::test::faults;

class TestServerKill : public QObject {
    Q_OBJECT
private slots:
    void initTestCase_data() { addBackendRows(); }

    void killedUnderLoadLosesAndDoublesNothing()
    {
        CONFAB_START_HARNESS(h, {});
        LoadScenario load(h.server().url());
        load.setUp();
        if (QTest::currentTestFailed())
            return;
        QElapsedTimer clock;
        clock.start();
        load.startSending(60, 40);
        constexpr int kKills = 3;
        for (int round = 1; round <= kKills; ++round) {
            // Everyone is connected and writing when the server dies.
            QVERIFY2(QTest::qWaitFor([&] { return load.allOnline(); }, 15000), "not reconnected before a kill");
            QTest::qWait(700);
            h.server().kill();
            QTest::qWait(300);
            QVERIFY2(h.server().start(), qPrintable(h.server().errorString()));
        }
        load.verify(1 + kKills);
        qInfo() << "three kills and the checks took" << clock.elapsed() << "ms";
    }
};

QTEST_GUILESS_MAIN(TestServerKill)
#include "tst_faults_serverkill.moc"

#include <QtTest>
class TestMalformed : public QObject {
    Q_OBJECT
};
QTEST_GUILESS_MAIN(TestMalformed)
#include "tst_malformed.moc"

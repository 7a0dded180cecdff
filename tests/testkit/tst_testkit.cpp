// The test kit keeps what docs/testing.md promises a QA team: a PostgreSQL cluster of its own that
// survives a crash and a restart, a network that can be cut, restored and slowed down, and checks
// whose failures say what was expected and what was seen.
#include "harness.h"
#include "invariants.h"
#include "loadbalancer.h"
#include "postgrescluster.h"

#include <QSqlDatabase>
#include <QSqlQuery>

using namespace confab::protocol;
using namespace confab::test;

namespace {
//! SELECT 1 through a new connection to the cluster's socket.
bool answers(const PostgresCluster &cluster)
{
    static int next = 0;
    const QString name = QStringLiteral("kit-check-%1").arg(++next);
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        db.setHostName(cluster.socketDir());
        db.setUserName(QStringLiteral("postgres"));
        db.setDatabaseName(QStringLiteral("postgres"));
        if (db.open()) {
            QSqlQuery q(db);
            ok = q.exec(QStringLiteral("SELECT 1")) && q.next() && q.value(0).toInt() == 1;
        }
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}
} // namespace

class TestTestKit : public QObject {
    Q_OBJECT
private slots:
    void aClusterOfItsOwnSurvivesACrash()
    {
        PostgresCluster cluster;
        QVERIFY2(cluster.start(), qPrintable(cluster.errorString()));
        QVERIFY(cluster.isRunning());
        QVERIFY(answers(cluster));
        QVERIFY(cluster.kill());
        QVERIFY(!answers(cluster));
        QVERIFY2(cluster.start(), qPrintable(cluster.errorString())); // crash recovery, same data
        QVERIFY(answers(cluster));
        QVERIFY(cluster.stop());
        QVERIFY(!cluster.isRunning());
        QVERIFY2(cluster.start(), qPrintable(cluster.errorString()));
        QVERIFY(answers(cluster));
    }

    void theNetworkIsCutAndRestored()
    {
        Harness h(TestDatabase::Kind::SQLite, {});
        QVERIFY2(h.start(), qPrintable(h.errorString()));
        LoadBalancer network(h.server().port());
        QVERIFY(network.listen());
        TestClient mina;
        QVERIFY(mina.open(network.url()));
        QVERIFY(mina.signUp(QStringLiteral("mina")));

        network.cut();
        QVERIFY(mina.waitForDisconnect());
        TestClient refused;
        QVERIFY(!refused.open(network.url(), 2000));

        network.restore();
        TestClient back;
        QVERIFY(back.open(network.url()));
        QVERIFY(back.signIn(QStringLiteral("mina")));
    }

    void aSlowNetworkKeepsTheOrder()
    {
        Harness h(TestDatabase::Kind::SQLite, {});
        QVERIFY2(h.start(), qPrintable(h.errorString()));
        LoadBalancer network(h.server().port());
        QVERIFY(network.listen());
        network.setDelay(150);
        TestClient mina;
        QVERIFY(mina.open(network.url()));
        QVERIFY(mina.signUp(QStringLiteral("mina")));
        const Frame created = mina.request(ConversationCreate{ConversationKind::Group, QStringLiteral("Slow"), {}});
        QVERIFY2(std::holds_alternative<ConversationDetail>(created), qPrintable(TestClient::describe(created)));
        const QString room = std::get<ConversationDetail>(created).conversation.id;
        QStringList ids;
        for (int i = 0; i < 10; ++i)
            ids.append(mina.send(textMessage(room, QStringLiteral("s-%1").arg(i), QStringLiteral("slow %1").arg(i))));
        qint64 lastSeq = 0;
        QStringList acked;
        for (const QString &id : std::as_const(ids)) {
            const Frame reply = mina.waitForReply(id);
            QVERIFY2(std::holds_alternative<MessageSent>(reply), qPrintable(TestClient::describe(reply)));
            const MessageInfo &m = std::get<MessageSent>(reply).message;
            QVERIFY(m.seq > lastSeq);
            lastSeq = m.seq;
            acked.append(m.id);
        }
        const QString log = checkConversationLog(mina, room, acked);
        QVERIFY2(log.isEmpty(), qPrintable(log));
    }

    void failedChecksSayWhatTheySaw()
    {
        Harness h(TestDatabase::Kind::SQLite, {});
        QVERIFY2(h.start(), qPrintable(h.errorString()));
        auto alice = h.client(QStringLiteral("alice"));
        QVERIFY(alice);
        const Frame created = alice->request(ConversationCreate{ConversationKind::Group, QStringLiteral("Checks"), {}});
        QVERIFY(std::holds_alternative<ConversationDetail>(created));
        const QString room = std::get<ConversationDetail>(created).conversation.id;
        QVERIFY(std::holds_alternative<MessageSent>(alice->request(textMessage(room, QStringLiteral("c-1"), QStringLiteral("hi")))));

        const QString missing = checkConversationLog(*alice, room, {QStringLiteral("m_never")});
        QVERIFY2(missing.contains(QStringLiteral("m_never")) && missing.contains(QStringLiteral("0 times")),
                 qPrintable(missing));
        const QString late = expectMessage(*alice, QStringLiteral("alice"), room, QStringLiteral("bye"), 300);
        QVERIFY2(late.startsWith(QStringLiteral("alice expected message 'bye' in ")) && late.contains(QStringLiteral("saw: 'hi'")),
                 qPrintable(late));
        QCOMPARE(framesNaming(*alice, {QStringLiteral("Checks")}).size() > 0, true);
        QVERIFY(framesNaming(*alice, {QStringLiteral("nobody-here")}).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestTestKit)
#include "tst_testkit.moc"

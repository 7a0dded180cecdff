// The client library's link to the server under real network conditions: several server instances
// on one PostgreSQL, one of them killed while people write; a server whose certificate nobody
// vouches for.
#include "device.h"
#include "harness.h"

#include <QSslCertificate>

using namespace confab::client;
using namespace confab::protocol;
using namespace confab::test;

namespace {
const QString kPassword = QStringLiteral("correct horse 1");

QString fingerprintOf(const QString &certPath)
{
    QFile file(certPath);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const auto certs = QSslCertificate::fromData(file.readAll(), QSsl::Pem);
    return certs.isEmpty() ? QString()
                           : QString::fromLatin1(certs.first().digest(QCryptographicHash::Sha256).toHex(':').toUpper());
}

} // namespace

class TestClientNetwork : public QObject {
    Q_OBJECT
private slots:
    void movesToAnotherInstanceAndMissesNothing()
    {
        TestDatabase db(TestDatabase::Kind::PostgreSQL);
        QVERIFY2(db.isValid(), qPrintable(db.errorString()));
        ServerProcess one(db.url()), two(db.url());
        QVERIFY2(one.start(), qPrintable(one.errorString()));
        QVERIFY2(two.start(), qPrintable(two.errorString()));

        // Mina knows both addresses and starts on the first; Joon is on the second.
        Device mina, joon;
        mina->registerAccount(one.url() + QStringLiteral(", ") + two.url(), QStringLiteral("mina"),
                              QStringLiteral("Mina"), kPassword);
        joon->registerAccount(two.url(), QStringLiteral("joon"), QStringLiteral("Joon"), kPassword);
        QTRY_VERIFY_WITH_TIMEOUT(mina.online() && joon.online(), 20000);
        QCOMPARE(mina->connection().serverUrl().toString(), one.url());
        QSignalSpy ready(mina.client.get(), &ChatClient::conversationReady);
        mina->startDirect(QStringLiteral("joon"));
        QTRY_VERIFY_WITH_TIMEOUT(!ready.isEmpty(), 10000);
        const QString id = ready.first().first().toString();
        QTRY_VERIFY_WITH_TIMEOUT(joon->conversations()->indexOf(id) >= 0, 10000);
        mina->openConversation(id);
        joon->openConversation(id);
        mina->sendMessage(id, QStringLiteral("before"));
        QTRY_COMPARE_WITH_TIMEOUT(bodies(joon->messages()), QList<QString>{QStringLiteral("before")}, 10000);

        // Mina's instance dies. Both keep writing; Mina's messages wait in her outbox.
        one.kill();
        QList<QString> expected{QStringLiteral("before")};
        for (int i = 0; i < 5; ++i) {
            joon->sendMessage(id, QStringLiteral("joon %1").arg(i));
            expected.append(QStringLiteral("joon %1").arg(i));
        }
        QTRY_COMPARE_WITH_TIMEOUT(joon->pendingCount(), 0, 10000);
        for (int i = 0; i < 3; ++i) {
            mina->sendMessage(id, QStringLiteral("mina %1").arg(i));
            expected.append(QStringLiteral("mina %1").arg(i));
        }

        // She is back online on the other instance by herself, and both timelines agree, each
        // message once, in the server's order.
        QTRY_VERIFY_WITH_TIMEOUT(mina.online(), 20000);
        QCOMPARE(mina->connection().serverUrl().toString(), two.url());
        QCOMPARE(mina->serverUrl(), one.url() + QStringLiteral(", ") + two.url());
        QTRY_COMPARE_WITH_TIMEOUT(mina->pendingCount(), 0, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(bodies(mina->messages()), expected, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(bodies(joon->messages()), expected, 20000);
    }

    void refusesAnUnknownCertificateUntilTheUserAcceptsIt()
    {
        TestDatabase db(TestDatabase::Kind::SQLite);
        ServerProcess server(db.url(), {{QStringLiteral("tls/self_signed"), QStringLiteral("true")}});
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        QVERIFY(server.url().startsWith(QStringLiteral("wss://")));
        const QString certPath = server.dataDir() + QStringLiteral("/tls/certificate.pem");
        const QString first = fingerprintOf(certPath);
        QVERIFY(!first.isEmpty());

        // Nobody vouches for a self-signed certificate: the client stops and shows its fingerprint
        // before any password leaves the computer.
        Device mina;
        mina->registerAccount(server.url(), QStringLiteral("mina"), QStringLiteral("Mina"), kPassword);
        QTRY_VERIFY_WITH_TIMEOUT(!mina->untrustedCertificate().isEmpty(), 20000);
        QVariantMap asked = mina->untrustedCertificate();
        QCOMPARE(asked.value(QStringLiteral("fingerprint")).toString(), first);
        QCOMPARE(asked.value(QStringLiteral("host")).toString(), QStringLiteral("127.0.0.1:%1").arg(server.port()));
        QCOMPARE(asked.value(QStringLiteral("previous")).toString(), QString());
        QTest::qWait(1000); // it does not keep trying behind the user's back
        QVERIFY(!mina.online());
        QCOMPARE(mina->connection().state(), Connection::State::Offline);
        QString users;
        QCOMPARE(server.runAdmin({QStringLiteral("--config"), server.configPath(), QStringLiteral("user"), QStringLiteral("list")}, {}, &users), 0);
        QVERIFY2(!users.contains(QStringLiteral("mina")), qPrintable(users));

        // Accepted: signed in, and remembered for the next start.
        mina->acceptCertificate();
        QTRY_VERIFY_WITH_TIMEOUT(mina.online(), 20000);
        QVERIFY(mina->untrustedCertificate().isEmpty());
        mina.restart();
        mina->resume(server.url(), QStringLiteral("mina"));
        QTRY_VERIFY_WITH_TIMEOUT(mina.online(), 20000);
        QVERIFY(mina->untrustedCertificate().isEmpty());

        // The server comes back with another certificate at the same address: asked again, with
        // the old fingerprint beside the new one; refused, the client stays signed out.
        server.stop();
        QVERIFY(QFile::remove(certPath));
        QVERIFY(QFile::remove(server.dataDir() + QStringLiteral("/tls/key.pem")));
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        const QString second = fingerprintOf(certPath);
        QVERIFY(!second.isEmpty() && second != first);
        QTRY_VERIFY_WITH_TIMEOUT(!mina->untrustedCertificate().isEmpty(), 20000);
        asked = mina->untrustedCertificate();
        QCOMPARE(asked.value(QStringLiteral("fingerprint")).toString(), second);
        QCOMPARE(asked.value(QStringLiteral("previous")).toString(), first);
        QVERIFY(!mina.online());
        QSignalSpy failed(mina.client.get(), &ChatClient::signInFailed);
        mina->rejectCertificate();
        QCOMPARE(mina->connectionState(), ChatClient::ConnectionState::SignedOut);
        QVERIFY(!failed.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestClientNetwork)
#include "tst_client_network.moc"

// Secrets stay out of logs: a real server with every logging category at debug level goes
// through a whole session (register, password sign-in, resume with the token, messages,
// an attachment, wrong passwords, logout), then its log and this test's own log are searched for
// the passwords, the token, the token's hash, the message bodies and the attachment's bytes.
#include "harness.h"
#include "protocol/binary.h"

#include <QCryptographicHash>

using namespace confab::protocol;
using namespace confab::test;

namespace {
QStringList g_testLog; //!< everything this test process logged while the session ran
QtMessageHandler g_previous = nullptr;

void capture(QtMsgType type, const QMessageLogContext &context, const QString &message) {
    g_testLog << message;
    if (g_previous)
        g_previous(type, context, message);
}

QString sha256Hex(const QByteArray &bytes) {
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}
} // namespace

class TestSecretLogs : public QObject {
    Q_OBJECT
private slots:
    void initTestCase_data() {
        QTest::addColumn<int>("backend");
        QTest::newRow("sqlite") << int(TestDatabase::Kind::SQLite);
        QTest::newRow("postgresql") << int(TestDatabase::Kind::PostgreSQL);
    }

    void noSecretInAnyLog() {
        // The most verbose the server can be: every category (its own and Qt's) at debug.
        qputenv("QT_LOGGING_RULES", "*.debug=true");
        g_testLog.clear();
        g_previous = qInstallMessageHandler(capture);
        const auto restore = qScopeGuard([] {
            qInstallMessageHandler(g_previous);
            qunsetenv("QT_LOGGING_RULES");
        });
        CONFAB_START_HARNESS(h, {{QStringLiteral("auth/lockout_failures"), QStringLiteral("3")}});

        const QString password = QStringLiteral("Pw-7f3a9c-hunter2-Secret");
        const QString wrongPassword = QStringLiteral("Wrong-51be0d-almost");
        const QString body = QStringLiteral("Body-9e1d44-confidential plan");
        const QString edited = QStringLiteral("Edit-2a7c19-still secret");
        const QByteArray fileBytes = QByteArrayLiteral("Attach-4c2b88-contents of a private file\n");

        // Register with a password; a second account to talk to.
        TestClient mina;
        QVERIFY(mina.open(h.server().url()));
        QVERIFY(mina.signUp(QStringLiteral("mina"), password));
        auto joon = h.client(QStringLiteral("joon"));
        QVERIFY(joon);
        QVERIFY(!mina.token().isEmpty());

        // Wrong passwords, up to the lockout, for an existing name and an unknown one.
        TestClient guesser;
        QVERIFY(guesser.open(h.server().url()));
        for (int i = 0; i < 4; ++i) {
            QVERIFY(std::holds_alternative<Error>(
                guesser.request(AuthLogin{QStringLiteral("mina"), wrongPassword, {}})));
            QVERIFY(std::holds_alternative<Error>(
                guesser.request(AuthLogin{QStringLiteral("nobody"), wrongPassword, {}})));
        }

        // Sign in with the password on another device, and resume with the token on a third.
        TestClient laptop;
        QVERIFY(laptop.open(h.server().url()));
        bool signedIn = false; // once the lockout the guesses caused is over (1 s, then doubling)
        for (int attempt = 0; attempt < 10 && !signedIn; ++attempt) {
            signedIn = laptop.signIn(QStringLiteral("mina"), password);
            if (!signedIn)
                QTest::qWait(700);
        }
        QVERIFY(signedIn);
        const QString laptopToken = laptop.token();
        TestClient phone;
        QVERIFY(phone.open(h.server().url()));
        QVERIFY(
            std::holds_alternative<AuthOk>(phone.request(AuthResume{mina.token(), QStringLiteral("phone")})));
        TestClient stale;
        QVERIFY(stale.open(h.server().url()));
        QVERIFY(
            std::holds_alternative<Error>(stale.request(AuthResume{mina.token() + QStringLiteral("x"), {}})));

        // Messages with a distinctive body, an edit, a reaction, a search for it.
        const Frame created = mina.request(
            ConversationCreate{ConversationKind::Group, QStringLiteral("plans"), {joon->userId()}});
        QVERIFY(std::holds_alternative<ConversationDetail>(created));
        const QString room = std::get<ConversationDetail>(created).conversation.id;
        MessageSend send;
        send.conversationId = room;
        send.clientId = QStringLiteral("c1");
        send.body = body;
        const Frame sent = phone.request(send);
        QVERIFY2(std::holds_alternative<MessageSent>(sent), qPrintable(TestClient::describe(sent)));
        const QString messageId = std::get<MessageSent>(sent).message.id;
        QVERIFY(std::holds_alternative<Ok>(phone.request(MessageEdit{room, messageId, edited})));
        QVERIFY(joon->waitForEvents(room, 2));
        phone.request(SearchRequest{QStringLiteral("confidential"), room, 20, std::nullopt});

        // An attachment.
        const Frame started =
            laptop.request(AttachmentBegin{room, QStringLiteral("notes.txt"), fileBytes.size(),
                                           QStringLiteral("text/plain"), sha256Hex(fileBytes)});
        const auto *up = std::get_if<AttachmentUpload>(&started);
        QVERIFY2(up, qPrintable(TestClient::describe(started)));
        laptop.socket().sendBinaryMessage(encodeChunk({ChunkKind::Upload, up->uploadId, 0, fileBytes}));
        const Frame done = laptop.request(AttachmentFinish{up->uploadId});
        QVERIFY2(std::holds_alternative<AttachmentDone>(done), qPrintable(TestClient::describe(done)));

        // Log out one device; stop the server so that everything it had to say is said.
        QVERIFY(std::holds_alternative<Ok>(laptop.request(AuthLogout{})));
        h.server().stop();

        const QString serverLog = h.server().log();
        const QString testLog = g_testLog.join(u'\n');
        // The log is really verbose (debug lines of the server's own categories are there).
        QVERIFY2(serverLog.contains(QLatin1StringView("connection from")), qPrintable(serverLog.left(2000)));
        qInfo("server log: %lld lines; this test's log: %lld lines", qint64(serverLog.count(u'\n')),
              qint64(g_testLog.size()));

        const QMap<QString, QString> secrets = {
            {QStringLiteral("password"), password},
            {QStringLiteral("wrong password"), wrongPassword},
            {QStringLiteral("token"), mina.token()},
            {QStringLiteral("laptop token"), laptopToken},
            {QStringLiteral("token hash"), sha256Hex(mina.token().toUtf8())},
            {QStringLiteral("laptop token hash"), sha256Hex(laptopToken.toUtf8())},
            {QStringLiteral("message body"), body},
            {QStringLiteral("part of the body"), QStringLiteral("Body-9e1d44")},
            {QStringLiteral("edited body"), edited},
            {QStringLiteral("attachment bytes"), QStringLiteral("Attach-4c2b88")},
        };
        QStringList leaks;
        for (auto it = secrets.cbegin(); it != secrets.cend(); ++it) {
            if (serverLog.contains(it.value()))
                leaks << QStringLiteral("the server log contains the %1").arg(it.key());
            if (testLog.contains(it.value()))
                leaks << QStringLiteral("the test's log contains the %1").arg(it.key());
        }
        if (!leaks.isEmpty() || qEnvironmentVariableIsSet("CONFAB_SHOW_LOGS"))
            qWarning().noquote() << "server log:\n" << serverLog << "\ntest log:\n" << testLog;
        QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(u'\n')));
    }
};

QTEST_GUILESS_MAIN(TestSecretLogs)
#include "tst_secretlogs.moc"

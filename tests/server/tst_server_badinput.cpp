// Bad input and abuse: every bad frame gets an error reply or a documented close code, and the
// server keeps serving everyone else.
#include "harness.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace confab::protocol;
using namespace confab::test;

namespace {
//! A well-behaved pair that must keep working whatever the others do.
bool stillServes(Harness &h, TestClient &a, TestClient &b, const QString &room, const QString &clientId)
{
    MessageSend s;
    s.conversationId = room;
    s.clientId = clientId;
    s.body = QStringLiteral("still here");
    const Frame reply = a.request(s);
    const auto *sent = std::get_if<MessageSent>(&reply);
    if (!sent)
        return false;
    const qint64 seq = sent->message.seq;
    Q_UNUSED(h);
    return b.waitForPushed([seq](const Frame &f) {
        const auto *e = std::get_if<Event>(&f);
        return e && e->seq == seq;
    });
}
} // namespace

class TestServerBadInput : public QObject {
    Q_OBJECT
private slots:
    void initTestCase_data() { addBackendRows(); }

    void badFramesGetErrorsAndOthersKeepWorking()
    {
        CONFAB_START_HARNESS(h, {});
        auto mina = h.client(QStringLiteral("mina"));
        auto joon = h.client(QStringLiteral("joon"));
        auto bad = h.client(QStringLiteral("mallory"));
        QVERIFY(mina && joon && bad);
        const QString room = std::get<ConversationDetail>(mina->request(
            ConversationCreate{ConversationKind::Group, QStringLiteral("ok"), {joon->userId()}})).conversation.id;

        // Not JSON, unknown type, a server-only frame, wrong field types: error replies, connection kept.
        bad->sendRaw("this is not json");
        QVERIFY(TestClient::isError(bad->waitForReply(QString()), ErrorCode::Invalid));
        bad->sendRaw(R"({"v":1,"type":"message.explode","id":"x1"})");
        QVERIFY(TestClient::isError(bad->waitForReply(QStringLiteral("x1")), ErrorCode::Invalid));
        bad->sendRaw(R"({"v":1,"type":"ok","id":"x2"})");
        QVERIFY(TestClient::isError(bad->waitForReply(QStringLiteral("x2")), ErrorCode::Invalid));
        bad->sendRaw(R"({"v":1,"type":"message.send","id":"x3","conversation_id":["a"],"client_id":"c","body":"b"})");
        const Frame typed = bad->waitForReply(QStringLiteral("x3"));
        QVERIFY(TestClient::isError(typed, ErrorCode::Invalid));
        QCOMPARE(std::get<Error>(typed).field, std::optional(QStringLiteral("conversation_id")));
        bad->sendRaw(R"({"v":2,"type":"conversation.list","id":"x4"})");
        QVERIFY(TestClient::isError(bad->waitForReply(QStringLiteral("x4")), ErrorCode::Invalid));

        // A text frame over the limit: TOO_LARGE, and the connection stays usable.
        const QByteArray big = QByteArrayLiteral("{\"v\":1,\"type\":\"message.send\",\"id\":\"x5\",\"conversation_id\":"
                                                 "\"c\",\"client_id\":\"c\",\"body\":\"") +
                               QByteArray(80 * 1024, 'a') + QByteArrayLiteral("\"}");
        bad->sendRaw(big);
        QVERIFY(TestClient::isError(bad->waitForReply(QString()), ErrorCode::TooLarge));
        // A body over the server's configured limit: TOO_LARGE with the field.
        MessageSend longBody;
        longBody.conversationId = room;
        longBody.clientId = QStringLiteral("long");
        longBody.body = QString(Limits{}.maxBodyBytes + 1, u'x');
        QVERIFY(TestClient::isError(mina->request(longBody), ErrorCode::TooLarge));

        // Binary junk: an error without `re`.
        bad->socket().sendBinaryMessage(QByteArray("\x00\x01\x02garbage", 10));
        QVERIFY(TestClient::isError(bad->waitForReply(QString()), ErrorCode::Invalid));
        QVERIFY(bad->isConnected());
        QVERIFY(stillServes(h, *mina, *joon, room, QStringLiteral("after-junk")));

        // Beyond twice the frame limit the socket itself refuses the message: close 1009.
        TestClient huge;
        QVERIFY(huge.open(h.server().url()));
        huge.sendRaw(QByteArray(400 * 1024, ' '));
        QVERIFY(huge.waitForDisconnect());
        QCOMPARE(huge.closeCode(), int(CloseCode::TooBig));
        QVERIFY(stillServes(h, *mina, *joon, room, QStringLiteral("after-huge")));
    }

    //! Names with invisible characters (protocol/text.h) are refused with the field named, whether
    //! they come in a sign-up, a conversation's title or its description; real names in any script pass.
    void namesThatLieAreRefused()
    {
        CONFAB_START_HARNESS(h, {});
        TestClient anon;
        QVERIFY(anon.open(h.server().url()));
        const auto registerAs = [&](const QString &id, const QString &username, const QString &nameJson) {
            anon.sendRaw(QStringLiteral(R"({"v":1,"type":"auth.register","id":"%1","username":"%2",)"
                                        R"("password":"correct horse battery","display_name":"%3","device":"t"})")
                             .arg(id, username, nameJson)
                             .toUtf8());
            return anon.waitForReply(id);
        };
        const Frame liar = registerAs(QStringLiteral("r1"), QStringLiteral("mallory"), QStringLiteral(R"(\u202Egnp.exe Admin)"));
        QVERIFY2(TestClient::isError(liar, ErrorCode::Invalid), qPrintable(TestClient::describe(liar)));
        QCOMPARE(std::get<Error>(liar).field, std::optional(QStringLiteral("display_name")));
        QVERIFY(std::get<Error>(liar).message.contains(QStringLiteral("U+202E")));
        const Frame padded = registerAs(QStringLiteral("r2"), QStringLiteral("mallory"), QStringLiteral(R"(Al\u200Bice)"));
        QVERIFY2(TestClient::isError(padded, ErrorCode::Invalid), qPrintable(TestClient::describe(padded)));
        const Frame blank = registerAs(QStringLiteral("r3"), QStringLiteral("mallory"), QStringLiteral(R"(\u3164)"));
        QVERIFY2(TestClient::isError(blank, ErrorCode::Invalid), qPrintable(TestClient::describe(blank)));
        // Korean, Arabic and an emoji sequence with its joiner are names like any other.
        const Frame korean = registerAs(QStringLiteral("r4"), QStringLiteral("minji"), QStringLiteral("김민지 \U0001F469\u200D\U0001F4BB"));
        QVERIFY2(std::holds_alternative<AuthOk>(korean), qPrintable(TestClient::describe(korean)));
        QCOMPARE(std::get<AuthOk>(korean).user.displayName, QStringLiteral("김민지 \U0001F469\u200D\U0001F4BB"));
        TestClient anon2;
        QVERIFY(anon2.open(h.server().url()));
        anon2.sendRaw(QStringLiteral(R"({"v":1,"type":"auth.register","id":"r5","username":"layla",)"
                                     R"("password":"correct horse battery","display_name":"ليلى","device":"t"})")
                          .toUtf8());
        const Frame arabic = anon2.waitForReply(QStringLiteral("r5"));
        QVERIFY2(std::holds_alternative<AuthOk>(arabic), qPrintable(TestClient::describe(arabic)));

        auto mina = h.client(QStringLiteral("mina"));
        QVERIFY(mina);
        mina->sendRaw(R"({"v":1,"type":"conversation.create","id":"t1","kind":"group","title":"Bo\u2067oks","members":[]})");
        const Frame title = mina->waitForReply(QStringLiteral("t1"));
        QVERIFY2(TestClient::isError(title, ErrorCode::Invalid), qPrintable(TestClient::describe(title)));
        QCOMPARE(std::get<Error>(title).field, std::optional(QStringLiteral("title")));
        const QString room = std::get<ConversationDetail>(
            mina->request(ConversationCreate{ConversationKind::Group, QStringLiteral("책 모임"), {}})).conversation.id;
        mina->sendRaw(QStringLiteral(R"({"v":1,"type":"conversation.update","id":"t2","conversation_id":"%1",)"
                                     R"("description":"read\u202Ethis"})")
                          .arg(room)
                          .toUtf8());
        const Frame description = mina->waitForReply(QStringLiteral("t2"));
        QVERIFY2(TestClient::isError(description, ErrorCode::Invalid), qPrintable(TestClient::describe(description)));
        QCOMPARE(std::get<Error>(description).field, std::optional(QStringLiteral("description")));
    }

    void repeatedInvalidFramesCloseTheConnection()
    {
        CONFAB_START_HARNESS(h, {{QStringLiteral("server/max_invalid_frames"), QStringLiteral("10")}});
        TestClient bad;
        QVERIFY(bad.open(h.server().url()));
        for (int i = 0; i < 50 && bad.isConnected(); ++i)
            bad.sendRaw("{broken");
        QVERIFY(bad.waitForDisconnect());
        QCOMPARE(bad.closeCode(), int(CloseCode::TooManyErrors));
    }

    void floodIsRateLimitedWithoutHurtingOthers()
    {
        CONFAB_START_HARNESS(h, {{QStringLiteral("server/requests_per_second"), QStringLiteral("20")},
                                 {QStringLiteral("server/max_invalid_frames"), QStringLiteral("200")}});
        auto mina = h.client(QStringLiteral("mina"));
        auto joon = h.client(QStringLiteral("joon"));
        auto flooder = h.client(QStringLiteral("flooder"));
        QVERIFY(mina && joon && flooder);
        const QString room = std::get<ConversationDetail>(mina->request(
            ConversationCreate{ConversationKind::Group, QStringLiteral("ok"), {joon->userId()}})).conversation.id;
        QStringList ids;
        for (int i = 0; i < 1000 && flooder->isConnected(); ++i)
            ids << flooder->send(ConversationList{});
        // Some were answered, the excess got RATE_LIMITED with a wait, and then the connection was closed.
        QVERIFY(flooder->waitForDisconnect(20000));
        QCOMPARE(flooder->closeCode(), int(CloseCode::TooManyErrors));
        bool sawRateLimit = false;
        for (const QString &raw : flooder->rawTexts()) {
            const QJsonObject reply = QJsonDocument::fromJson(raw.toUtf8()).object();
            if (reply.value(QLatin1StringView("code")).toString() != QLatin1StringView("RATE_LIMITED"))
                continue;
            sawRateLimit = true;
            QVERIFY2(reply.value(QLatin1StringView("retry_after_ms")).toInteger() > 0, qPrintable(raw));
            // The refused request is named, so that the client knows which one to send again.
            QVERIFY2(ids.contains(reply.value(QLatin1StringView("re")).toString()), qPrintable(raw));
        }
        QVERIFY(sawRateLimit);
        QVERIFY(stillServes(h, *mina, *joon, room, QStringLiteral("after-flood")));
    }

    void sendRateLimitPerUser()
    {
        CONFAB_START_HARNESS(h, {{QStringLiteral("limits/send_burst"), QStringLiteral("5")},
                                 {QStringLiteral("limits/send_per_minute"), QStringLiteral("60")}});
        auto mina = h.client(QStringLiteral("mina"));
        QVERIFY(mina);
        const QString room = std::get<ConversationDetail>(
            mina->request(ConversationCreate{ConversationKind::Group, QStringLiteral("r"), {}})).conversation.id;
        MessageSend s;
        s.conversationId = room;
        s.body = QStringLiteral("hi");
        for (int i = 0; i < 5; ++i) {
            s.clientId = QStringLiteral("ok%1").arg(i);
            QVERIFY(std::holds_alternative<MessageSent>(mina->request(s)));
        }
        s.clientId = QStringLiteral("one-too-many");
        const Frame limited = mina->request(s);
        QVERIFY2(TestClient::isError(limited, ErrorCode::RateLimited), qPrintable(TestClient::describe(limited)));
        QVERIFY(std::get<Error>(limited).retryAfterMs.value_or(0) > 0);
        // A retry of a message already stored is answered, limit or not.
        s.clientId = QStringLiteral("ok0");
        QVERIFY(std::holds_alternative<MessageSent>(mina->request(s)));
    }

    void unauthenticatedConnectionsTimeOut()
    {
        CONFAB_START_HARNESS(h, {{QStringLiteral("auth/timeout_ms"), QStringLiteral("500")}});
        TestClient idle;
        QVERIFY(idle.open(h.server().url()));
        QVERIFY(idle.waitForDisconnect(5000));
        QCOMPARE(idle.closeCode(), int(CloseCode::AuthTimeout));
        // A signed-in client is not affected.
        auto mina = h.client(QStringLiteral("mina"));
        QVERIFY(mina);
        QTest::qWait(1200);
        QVERIFY(mina->isConnected());
        QVERIFY(std::holds_alternative<Conversations>(mina->request(ConversationList{})));
    }

    void deadPeersAreDropped()
    {
        CONFAB_START_HARNESS(h, {{QStringLiteral("server/heartbeat_ms"), QStringLiteral("200")}});
        auto mina = h.client(QStringLiteral("mina"));
        QVERIFY(mina);
        // A live client answers pings by itself (QWebSocket does) and stays connected.
        QTest::qWait(1500);
        QVERIFY(mina->isConnected());
    }
};

QTEST_GUILESS_MAIN(TestServerBadInput)
#include "tst_server_badinput.moc"

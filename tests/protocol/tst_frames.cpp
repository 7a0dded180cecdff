// The protocol library's own behaviour: the frame list, envelopes, optional fields, enums, chunks.
// (Every frame type's full round trip runs over the examples in docs/protocol.md: tst_protocoldoc.)
#include "protocol/binary.h"
#include "protocol/frames.h"

#include <QJsonDocument>
#include <QSet>
#include <QtTest>

using namespace confab::protocol;

class TestFrames : public QObject {
    Q_OBJECT
private slots:
    void frameNamesAreUniqueAndResolve()
    {
        QSet<QString> names;
        for (int i = 0; i < kFrameTypeCount; ++i) {
            const QString name = frameTypeName(FrameType(i));
            QVERIFY2(!names.contains(name), qPrintable(name));
            names.insert(name);
            QCOMPARE(frameTypeFromName(name), std::optional<FrameType>(FrameType(i)));
        }
        QCOMPARE(frameTypeFromName(u"no.such.type"), std::nullopt);
        QCOMPARE(frameTypeOf<MessageSend>(), FrameType::MessageSend);
        QCOMPARE(frameTypeOf<Error>(), FrameType::Error);
        QCOMPARE(frameDirection(FrameType::MessageSend), Direction::ClientToServer);
        QCOMPARE(frameDirection(FrameType::Event), Direction::ServerToClient);
    }

    void requestRoundTrip()
    {
        MessageSend send;
        send.conversationId = QStringLiteral("c1");
        send.clientId = QStringLiteral("0b7c1f4e-2a");
        send.body = QStringLiteral("안녕하세요 👋\nsecond line");
        send.replyTo = QStringLiteral("m9");
        const QByteArray bytes = encodeFrame(send, {QStringLiteral("r1"), {}});

        const auto decoded = decodeFrame(bytes);
        QVERIFY2(decoded.ok(), qPrintable(decoded.errorString()));
        QCOMPARE(decoded->type(), FrameType::MessageSend);
        QCOMPARE(decoded->envelope.id, QStringLiteral("r1"));
        QCOMPARE(std::get<MessageSend>(decoded->frame), send);

        const QJsonObject object = QJsonDocument::fromJson(bytes).object();
        QCOMPARE(object.value(QLatin1StringView("v")).toInt(), kProtocolVersion);
        QCOMPARE(object.value(QLatin1StringView("type")).toString(), QStringLiteral("message.send"));
        // An empty list that is not required stays off the wire.
        QVERIFY(!object.contains(QLatin1StringView("attachments")));
    }

    void optionalFieldsStayAbsent()
    {
        HistoryRequest history;
        history.conversationId = QStringLiteral("c1");
        const QJsonObject object = history.toJson();
        QVERIFY(!object.contains(QLatin1StringView("before")));
        QVERIFY(!object.contains(QLatin1StringView("after")));
        QCOMPARE(object.value(QLatin1StringView("limit")).toInt(), 50);

        history.before = 10;
        const auto back = HistoryRequest::fromJson(history.toJson());
        QVERIFY(back.ok());
        QCOMPARE(back->before, std::optional<qint64>(10));
        QCOMPARE(back->after, std::nullopt);
    }

    void nullReadsAsAbsent()
    {
        const auto decoded = decodeFrame(
            R"({"v":1,"type":"message.history","id":"a","conversation_id":"c","before":null,"limit":5})");
        QVERIFY2(decoded.ok(), qPrintable(decoded.errorString()));
        QCOMPARE(std::get<HistoryRequest>(decoded->frame).before, std::nullopt);
    }

    void unknownFieldsAreIgnored()
    {
        const auto decoded =
            decodeFrame(R"({"v":1,"type":"typing","id":"a","conversation_id":"c","active":true,"future":[1,2]})");
        QVERIFY2(decoded.ok(), qPrintable(decoded.errorString()));
    }

    void repliesCarryRe()
    {
        Error error{ErrorCode::RateLimited, QStringLiteral("slow down"), std::nullopt, 1500};
        const auto decoded = decodeFrame(encodeFrame(error, {{}, QStringLiteral("req-7")}));
        QVERIFY(decoded.ok());
        QCOMPARE(decoded->envelope.re, QStringLiteral("req-7"));
        QVERIFY(decoded->envelope.id.isEmpty());
        QCOMPARE(std::get<Error>(decoded->frame), error);
        QCOMPARE(errorCodeName(ErrorCode::RateLimited), QStringLiteral("RATE_LIMITED"));
        QCOMPARE(errorCodeFromName(QStringLiteral("NOT_FOUND")), std::optional(ErrorCode::NotFound));
    }

    void errorsKeepTheRequestId()
    {
        const auto decoded = decodeFrame(R"({"v":1,"type":"message.send","id":"r42","conversation_id":7})");
        QVERIFY(!decoded.ok());
        QCOMPARE(decoded.error().requestId, QStringLiteral("r42"));
        QCOMPARE(decoded.error().field, QStringLiteral("conversation_id"));
        QCOMPARE(decoded.error().code, ErrorCode::Invalid);
    }

    void nestedErrorsNameTheirPath()
    {
        const auto decoded = decodeFrame(
            R"({"v":1,"type":"sync","id":"r","conversations":[{"conversation_id":"a","seq":1},{"conversation_id":"b","seq":-1}]})");
        QVERIFY(!decoded.ok());
        QCOMPARE(decoded.error().field, QStringLiteral("conversations[1].seq"));
    }

    void eventKindsNeedTheirFields()
    {
        Event event;
        event.conversationId = QStringLiteral("c");
        event.seq = 3;
        event.kind = EventKind::Reaction;
        event.messageId = QStringLiteral("m");
        event.emoji = QStringLiteral("👍");
        QVERIFY(!Event::fromJson(event.toJson()).ok()); // no `add`
        event.add = true;
        QVERIFY(Event::fromJson(event.toJson()).ok());
    }

    void limitsTravelInAuthOk()
    {
        AuthOk ok;
        ok.sessionId = QStringLiteral("s1");
        ok.user = {QStringLiteral("u1"), QStringLiteral("mina"), QStringLiteral("Mina")};
        ok.limits.maxBodyBytes = 4000;
        const auto back = AuthOk::fromJson(ok.toJson());
        QVERIFY(back.ok());
        QCOMPARE(back->limits.maxBodyBytes, 4000);
        QCOMPARE(back->limits, ok.limits);
    }

    void chunkRoundTrip()
    {
        const Chunk chunk{ChunkKind::Upload, QStringLiteral("up-1"), 262144, QByteArray(1000, 'x')};
        const QByteArray bytes = encodeChunk(chunk);
        const auto back = decodeChunk(bytes, Limits{}.maxBinaryFrameBytes);
        QVERIFY2(back.ok(), qPrintable(back.errorString()));
        QCOMPARE(back.value(), chunk);
    }

    void badChunks_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        const QByteArray good = encodeChunk({ChunkKind::Upload, QStringLiteral("up"), 0, QByteArray("abc")});
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("header only") << good.left(good.size() - 3);
        QTest::newRow("bad magic") << QByteArray("XX").append(good.mid(2));
        QTest::newRow("bad version") << QByteArray(good).replace(2, 1, "\x07");
        QTest::newRow("bad direction") << QByteArray(good).replace(3, 1, "\x09");
        QTest::newRow("zero id length") << QByteArray(good).replace(4, 1, QByteArray(1, '\0'));
        QTest::newRow("id longer than frame") << QByteArray(good).replace(4, 1, "\x40");
        QTest::newRow("id with slash") << QByteArray(good).replace(5, 1, "/");
        QByteArray hugeOffset = good;
        for (int i = 0; i < 8; ++i)
            hugeOffset[5 + 2 + i] = char(0xff);
        QTest::newRow("offset beyond 2^53") << hugeOffset;
    }
    void badChunks()
    {
        QFETCH(QByteArray, bytes);
        const auto result = decodeChunk(bytes, Limits{}.maxBinaryFrameBytes);
        QVERIFY(!result.ok());
        QVERIFY(!result.error().message.isEmpty());
    }
    void oversizeChunk()
    {
        const QByteArray bytes = encodeChunk({ChunkKind::Upload, QStringLiteral("up"), 0, QByteArray(2000, 'x')});
        const auto result = decodeChunk(bytes, 1000);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, ErrorCode::TooLarge);
    }
};

QTEST_GUILESS_MAIN(TestFrames)
#include "tst_frames.moc"

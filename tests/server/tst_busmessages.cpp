// The cluster bus's messages (server/net/busmessages.h): the examples of docs/self-hosting.md decode
// and encode back to the same text, the keys are the ones the previous version wrote (instances of
// both share the bus during a rolling upgrade), unknown kinds decode as unknown, and what is malformed
// is refused with a reason. tst_cluster runs the bus between real instances.
#include "net/busmessages.h"

#include <QFile>
#include <QJsonDocument>
#include <QSet>
#include <QtTest>

using namespace confab::server;

namespace {

//! Every ```json block of the self-hosting guide's bus section.
QStringList docExamples()
{
    QFile file(qEnvironmentVariable("CONFAB_SOURCE_DIR") + QStringLiteral("/docs/self-hosting.md"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QString text = QString::fromUtf8(file.readAll());
    const qsizetype from = text.indexOf(QLatin1StringView("### The bus format"));
    const qsizetype to = text.indexOf(QLatin1StringView("\n#"), from + 1);
    QStringList blocks;
    bool inside = false;
    QString block;
    for (const QString &line : text.mid(from, to - from).split(u'\n')) {
        if (inside && line.startsWith(QLatin1StringView("```"))) {
            blocks.append(block.trimmed());
            inside = false;
        } else if (inside) {
            block += line + u'\n';
        } else if (line.startsWith(QLatin1StringView("```json"))) {
            inside = true;
            block.clear();
        }
    }
    return blocks;
}

QByteArray compact(const QByteArray &json)
{
    return QJsonDocument::fromJson(json).toJson(QJsonDocument::Compact);
}

} // namespace

class TestBusMessages : public QObject {
    Q_OBJECT
private slots:
    //! The guide shows one example of every kind (and of a parked message); each decodes and
    //! encodes back to itself.
    void docExamplesDecodeAndEncodeBack()
    {
        const QStringList examples = docExamples();
        QVERIFY(!examples.isEmpty());
        QSet<QString> kinds;
        bool parked = false;
        for (const QString &example : examples) {
            const QByteArray text = example.toUtf8();
            auto decoded = bus::decode(text);
            QVERIFY2(decoded, qPrintable(example + QStringLiteral(": ") + decoded.errorString()));
            QByteArray again;
            if (decoded->parkedId) {
                parked = true;
                again = bus::encodeParked(decoded->envelope, *decoded->parkedId);
            } else {
                QVERIFY2(decoded->message, qPrintable(example));
                kinds.insert(decoded->kind);
                again = bus::encode(decoded->envelope, *decoded->message);
            }
            QCOMPARE(again, compact(text));
        }
        QCOMPARE(kinds.size(), bus::kKindCount);
        QVERIFY(parked);
    }

    //! What the previous version wrote by hand (one-letter keys) reads into the typed messages, and
    //! the typed messages write exactly that again.
    void previousVersionsKeys()
    {
        const bus::Envelope envelope{QStringLiteral("i_one"), 1000};
        const auto check = [&](const bus::Message &message, const char *expected) {
            const QByteArray text = bus::encode(envelope, message);
            if (text != QByteArray(expected)) {
                qWarning("%s\n  != %s", text.constData(), expected);
                return false;
            }
            auto decoded = bus::decode(text);
            return decoded && decoded->message && *decoded->message == message
                   && decoded->envelope.origin == envelope.origin && decoded->envelope.sentAt == 1000;
        };
        QVERIFY(check(bus::EventAppended{QStringLiteral("c_1"), 7}, R"({"c":"c_1","o":"i_one","s":7,"t":"e","ts":1000})"));
        QVERIFY(check(bus::FrameToUsers{{QStringLiteral("u_1"), QStringLiteral("u_2")}, QStringLiteral(R"({"type":"x"})"), false},
                      "{\"d\":false,\"f\":\"{\\\"type\\\":\\\"x\\\"}\",\"o\":\"i_one\",\"t\":\"f\","
                      "\"ts\":1000,\"u\":[\"u_1\",\"u_2\"]}"));
        QVERIFY(check(bus::EndSession{QStringLiteral("s_1")}, R"({"o":"i_one","s":"s_1","t":"end","ts":1000})"));
        QVERIFY(check(bus::EndUser{QStringLiteral("u_1")}, R"({"o":"i_one","t":"endu","ts":1000,"u":"u_1"})"));
        QVERIFY(check(bus::Presence{{{QStringLiteral("u_1"), QStringLiteral("away")}}, true},
                      R"({"all":true,"o":"i_one","t":"pr","ts":1000,"u":{"u_1":"away"}})"));
        QVERIFY(check(bus::Presence{{}, false}, R"({"all":false,"o":"i_one","t":"pr","ts":1000,"u":{}})"));
        QVERIFY(check(bus::Hello{}, R"({"o":"i_one","t":"hello","ts":1000})"));
        QVERIFY(check(bus::Hello{QStringLiteral("i_two")}, R"({"o":"i_one","t":"hello","to":"i_two","ts":1000})"));
        QVERIFY(check(bus::Heartbeat{}, R"({"o":"i_one","t":"hb","ts":1000})"));
        QCOMPARE(bus::encodeParked(envelope, QStringLiteral("b_1")), QByteArray(R"({"o":"i_one","ref":"b_1","ts":1000})"));
        // A frame whose text holds control characters (stored before the protocol refused them)
        // still crosses as it is.
        const QString old = QStringLiteral("{\"body\":\"bell \u0085 here\"}");
        auto decoded = bus::decode(bus::encode(envelope, bus::FrameToUsers{{QStringLiteral("u_1")}, old, true}));
        QVERIFY2(decoded && decoded->message, qPrintable(decoded.errorString()));
        QCOMPARE(std::get<bus::FrameToUsers>(*decoded->message).frame, old);
    }

    void unknownKindsDecodeWithoutAMessage()
    {
        for (const char *text : {R"({"o":"i_new","t":"shiny","ts":5,"x":[1,{"y":2}]})",
                                 R"({"o":"i_old","t":"p","u":{"u_1":2}})"}) {
            auto decoded = bus::decode(QByteArrayView(text));
            QVERIFY2(decoded, qPrintable(decoded.errorString()));
            QVERIFY(!decoded->message);
            QVERIFY(!decoded->parkedId);
            QVERIFY(!decoded->kind.isEmpty());
        }
        // Fields added later by a newer version are ignored by this one.
        auto decoded = bus::decode(R"({"o":"i_new","t":"hb","ts":5,"load":0.5})");
        QVERIFY(decoded && decoded->message && std::holds_alternative<bus::Heartbeat>(*decoded->message));
    }

    void malformedMessagesAreRefused_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("reason");
        QTest::newRow("not json") << QByteArray("{\"t\":") << QStringLiteral("not JSON");
        QTest::newRow("array") << QByteArray("[1]") << QStringLiteral("not a JSON object");
        QTest::newRow("no origin") << QByteArray(R"({"t":"hb"})") << QStringLiteral("o: is required");
        QTest::newRow("no kind") << QByteArray(R"({"o":"i_1"})") << QStringLiteral("t: is required");
        QTest::newRow("kind not text") << QByteArray(R"({"o":"i_1","t":3})") << QStringLiteral("t: must be a string");
        QTest::newRow("event without seq") << QByteArray(R"({"o":"i_1","t":"e","c":"c_1"})") << QStringLiteral("s: is required");
        QTest::newRow("negative seq") << QByteArray(R"({"o":"i_1","t":"e","c":"c_1","s":-1})") << QStringLiteral("s: must be between");
        QTest::newRow("users not a list") << QByteArray(R"({"o":"i_1","t":"f","u":"u_1","f":"{}","d":true})")
                                          << QStringLiteral("u: must be an array");
        QTest::newRow("empty frame") << QByteArray(R"({"o":"i_1","t":"f","u":[],"f":"","d":true})")
                                     << QStringLiteral("f: must not be empty");
        QTest::newRow("presence not a map") << QByteArray(R"({"o":"i_1","t":"pr","u":[],"all":true})")
                                            << QStringLiteral("u: must be an object");
        QTest::newRow("presence bad status") << QByteArray(R"({"o":"i_1","t":"pr","u":{"u_1":1},"all":true})")
                                             << QStringLiteral("u.u_1: must be a string");
        QTest::newRow("presence bad user") << QByteArray(R"({"o":"i_1","t":"pr","u":{"a b":"online"},"all":true})")
                                           << QStringLiteral("u key: may only contain");
        QTest::newRow("bad ref") << QByteArray(R"({"o":"i_1","ref":7})") << QStringLiteral("ref: must be a string");
        QTest::newRow("bad time") << QByteArray(R"({"o":"i_1","t":"hb","ts":"now"})") << QStringLiteral("ts: must be a number");
    }
    void malformedMessagesAreRefused()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, reason);
        auto decoded = bus::decode(text);
        QVERIFY(!decoded);
        QVERIFY2(decoded.errorString().startsWith(reason), qPrintable(decoded.errorString()));
    }
};

QTEST_GUILESS_MAIN(TestBusMessages)
#include "tst_busmessages.moc"

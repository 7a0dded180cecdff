// Malformed text frames: every row must be refused by decodeFrame() with the right code, the path of the
// offending field, a short message that can travel back in an error reply, and the request id when the frame
// still had a readable one. A bounded mutation loop then throws damaged frames and chunks at both decoders.
#include "protocol/binary.h"
#include "protocol/frames.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QSet>
#include <QtTest>

using namespace confab::protocol;

namespace {

constexpr qint64 kDefaultMax = Limits{}.maxFrameBytes;
constexpr qsizetype kMaxMessageChars = 300;

//! A request frame: `{"v":1,"id":"r1","type":TYPE,FIELDS}`.
QByteArray req(const char *type, const QByteArray &fields = {}) {
    QByteArray frame = QByteArrayLiteral(R"({"v":1,"id":"r1","type":")") + type + '"';
    if (!fields.isEmpty())
        frame += ',' + fields;
    return frame + '}';
}

//! A server-to-client frame, which needs no id: `{"v":1,"type":TYPE,FIELDS}`.
QByteArray reply(const char *type, const QByteArray &fields = {}) {
    QByteArray frame = QByteArrayLiteral(R"({"v":1,"type":")") + type + '"';
    if (!fields.isEmpty())
        frame += ',' + fields;
    return frame + '}';
}

//! `"key":"text"` with the text already in JSON form.
QByteArray str(const char *key, const QByteArray &json) {
    return '"' + QByteArray(key) + QByteArrayLiteral("\":\"") + json + '"';
}

//! A JSON array of `count` quoted strings made from `prefix` and the index.
QByteArray stringArray(int count, const char *prefix) {
    QByteArray out = "[";
    for (int i = 0; i < count; ++i)
        out += (i ? ",\"" : "\"") + QByteArray(prefix) + QByteArray::number(i) + '"';
    return out + ']';
}

//! `depth` levels of nesting: `[[[...]]]` or `{"a":{"a":...{}}}`.
QByteArray nested(int depth, char open) {
    if (open == '[')
        return QByteArray(depth, '[') + QByteArray(depth, ']');
    return QByteArrayLiteral(R"({"a":)").repeated(depth - 1) + "{}" + QByteArray(depth - 1, '}');
}

//! A frame padded with an unknown string field to exactly `size` bytes.
QByteArray paddedTo(qsizetype size) {
    const QByteArray head =
        R"({"v":1,"id":"r1","type":"typing","conversation_id":"c1","active":true,"pad":")";
    const QByteArray tail = R"("})";
    return head + QByteArray(size - head.size() - tail.size(), 'x') + tail;
}

QString hexPreview(const QByteArray &bytes) {
    return QString::fromLatin1(bytes.left(160).toHex(' ')) +
           (bytes.size() > 160 ? QStringLiteral(" …") : QString());
}

//! Why a decoder's message could not be shown or sent back in an `error` frame, or empty when it can.
QString unsafeTextReason(const QString &text) {
    if (!text.isValidUtf16())
        return QStringLiteral("contains a lone surrogate");
    for (const QChar c : text) {
        if (c.category() == QChar::Other_Control)
            return QStringLiteral("contains the control character U+%1")
                .arg(uint(c.unicode()), 4, 16, QLatin1Char('0'));
    }
    return {};
}

} // namespace

class TestMalformed : public QObject {
    Q_OBJECT
private slots:
    void malformedFrames_data();
    void malformedFrames();
    void validNeighbours_data();
    void validNeighbours();
    void mutatedFramesAndChunks();

private:
    void addRow(const char *name, const QByteArray &frame, ErrorCode code, const char *field,
                const char *requestId = "", qint64 maxFrameBytes = kDefaultMax);
    QSet<QByteArray> m_rowNames;
    QList<QByteArray> m_duplicateRowNames;
};

void TestMalformed::addRow(const char *name, const QByteArray &frame, ErrorCode code, const char *field,
                           const char *requestId, qint64 maxFrameBytes) {
    if (m_rowNames.contains(name))
        m_duplicateRowNames.append(name);
    m_rowNames.insert(name);
    QTest::newRow(name) << frame << errorCodeName(code) << QString::fromLatin1(field)
                        << QString::fromLatin1(requestId) << maxFrameBytes;
}

void TestMalformed::malformedFrames_data() {
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("requestId"); // empty when the frame has no readable id
    QTest::addColumn<qint64>("maxFrameBytes");
    m_rowNames.clear();
    m_duplicateRowNames.clear();

    const auto Invalid = ErrorCode::Invalid;
    const auto TooLarge = ErrorCode::TooLarge;
    const QByteArray typing = req("typing", R"("conversation_id":"c1","active":true)");
    const QByteArray sendHead = R"("conversation_id":"c1","client_id":"k1",)";
    const QByteArray createHead = R"("kind":"group",)";
    const QByteArray receiptHead = R"("conversation_id":"c1","kind":"read",)";
    const QByteArray historyHead = R"("conversation_id":"c1",)";
    const QByteArray eventHead = R"("conversation_id":"c1","seq":3,"at":1700000000000,)";
    const QByteArray registerTail = R"("password":"correct horse","device":"laptop")";

    // ---- not JSON, truncated, trailing garbage ------------------------------------------------------------
    addRow("empty input", QByteArray(), Invalid, "");
    addRow("whitespace only", " \r\n\t ", Invalid, "");
    addRow("plain text", "hello", Invalid, "");
    addRow("xml", R"(<frame v="1" type="ok"/>)", Invalid, "");
    addRow("lone open brace", "{", Invalid, "");
    addRow("truncated in a key", R"({"v)", Invalid, "");
    addRow("truncated before a value", R"({"v":1,"id":"r1","type":)", Invalid, "");
    addRow("truncated in a string", R"({"v":1,"id":"r1","type":"typ)", Invalid, "");
    addRow("truncated after a comma", R"({"v":1,"id":"r1",)", Invalid, "");
    addRow("missing closing brace", typing.chopped(1), Invalid, "");
    addRow("trailing garbage", typing + "x", Invalid, "");
    addRow("two objects", typing + "{}", Invalid, "");
    addRow("NUL byte after the object", typing + QByteArray(1, '\0'), Invalid, "");
    addRow("trailing comma in object", R"({"v":1,"type":"ok",})", Invalid, "");
    addRow("trailing comma in array", reply("ok", R"("x":[1,])"), Invalid, "");
    addRow("single-quoted key", R"({'v':1,"type":"ok"})", Invalid, "");
    addRow("unquoted key", R"({v:1,"type":"ok"})", Invalid, "");
    addRow("numeric key", R"({1:2})", Invalid, "");
    addRow("comment", R"({"v":1,"type":"ok" /* hi */})", Invalid, "");
    addRow("missing colon", R"({"v" 1,"type":"ok"})", Invalid, "");
    addRow("missing comma", R"({"v":1 "type":"ok"})", Invalid, "");
    addRow("mismatched bracket", reply("ok", R"("x":[1})"), Invalid, "");
    addRow("misspelled true", reply("ok", R"("x":tru)"), Invalid, "");
    addRow("capitalised True", reply("ok", R"("x":True)"), Invalid, "");
    addRow("NaN literal", req("receipt", receiptHead + R"("seq":NaN)"), Invalid, "");
    addRow("Infinity literal", req("receipt", receiptHead + R"("seq":Infinity)"), Invalid, "");
    addRow("leading plus", req("receipt", receiptHead + R"("seq":+1)"), Invalid, "");
    addRow("leading zero", req("receipt", receiptHead + R"("seq":01)"), Invalid, "");
    addRow("hex number", req("receipt", receiptHead + R"("seq":0x10)"), Invalid, "");
    addRow("exponent without digits", req("receipt", receiptHead + R"("seq":1e)"), Invalid, "");
    addRow("lone minus", req("receipt", receiptHead + R"("seq":-)"), Invalid, "");
    // Qt's parser accepts these; they are not JSON (RFC 8259 section 6: digits on both sides of '.').
    addRow("number with trailing dot", R"({"v":1.,"type":"ok"})", Invalid, "");
    addRow("number with leading dot", req("receipt", receiptHead + R"("seq":.0)"), Invalid, "");
    addRow("short unicode escape", reply("ok", R"("x":"\u12")"), Invalid, "");
    // RFC 8259 knows only \" \\ \/ \b \f \n \r \t \uXXXX; Qt turns "\q" into "q" and "\0" into "0".
    addRow("unknown escape \\q", req("message.send", sendHead + R"("body":"a\qb")"), Invalid, "");
    addRow("unknown escape \\0", req("message.send", sendHead + R"("body":"a\0b")"), Invalid, "");
    // Control characters must be escaped inside JSON strings (RFC 8259 section 7).
    addRow("raw line feed inside a string", req("message.send", sendHead + "\"body\":\"a\nb\""), Invalid, "");

    // ---- not an object at the top -------------------------------------------------------------------------
    addRow("top-level empty array", "[]", Invalid, "");
    addRow("top-level array holding a frame", '[' + typing + ']', Invalid, "");
    addRow("top-level string", R"("typing")", Invalid, "");
    addRow("top-level number", "1", Invalid, "");
    addRow("top-level null", "null", Invalid, "");
    addRow("top-level true", "true", Invalid, "");

    // ---- invalid UTF-8 (refused before parsing, so the id is not read) ------------------------------------
    const auto inBody = [&](const QByteArray &bytes) {
        return req("message.send", sendHead + str("body", bytes));
    };
    addRow("lone continuation byte in a string", inBody("a\x80z"), Invalid, "");
    addRow("lone continuation byte at the start", "\xBF" + typing, Invalid, "");
    addRow("overlong slash C0 AF", inBody("\xC0\xAF"), Invalid, "");
    addRow("overlong NUL C0 80", inBody("a\xC0\x80z"), Invalid, "");
    addRow("overlong three-byte slash E0 80 AF", inBody("\xE0\x80\xAF"), Invalid, "");
    addRow("truncated two-byte sequence", inBody("caf\xC3"), Invalid, "");
    addRow("truncated three-byte sequence at the end", typing + "\xE2\x82", Invalid, "");
    addRow("truncated four-byte sequence", inBody("\xF0\x9F\x98"), Invalid, "");
    addRow("byte FF", inBody("\xFF"), Invalid, "");
    addRow("byte FE outside strings", "\xFE" + typing, Invalid, "");
    addRow("UTF-8 encoded high surrogate ED A0 80", inBody("\xED\xA0\x80"), Invalid, "");
    addRow("UTF-8 encoded low surrogate ED B0 80", inBody("\xED\xB0\x80"), Invalid, "");
    addRow("UTF-8 encoded surrogate pair", inBody("\xED\xA0\xBD\xED\xB8\x80"), Invalid, "");
    addRow("code point above U+10FFFF", inBody("\xF4\x90\x80\x80"), Invalid, "");
    addRow("lead byte F5", inBody("\xF5\x80\x80\x80"), Invalid, "");
    addRow("Latin-1 e-acute", inBody("caf\xE9"), Invalid, "");

    // ---- escapes that decode to text the fields must refuse -----------------------------------------------
    addRow("escaped lone high surrogate", inBody(R"(\ud800)"), Invalid, "body", "r1");
    addRow("escaped lone low surrogate", inBody(R"(x\udc00y)"), Invalid, "body", "r1");
    addRow("escaped surrogates in the wrong order",
           req("conversation.create", createHead + R"("title":"\udc00\ud800","members":["u1"])"), Invalid,
           "title", "r1");
    addRow("escaped high surrogate at the end of a name",
           req("auth.register", R"("username":"mina","display_name":"Mina\ud83d",)" + registerTail), Invalid,
           "display_name", "r1");
    addRow("escaped NUL in body", inBody(R"(a\u0000b)"), Invalid, "body", "r1");
    addRow("escaped NUL in username",
           req("auth.login", R"("username":"mina\u0000","password":"pw","device":"")"), Invalid, "username",
           "r1");
    addRow("escaped NUL in id", R"({"v":1,"id":"r1\u0000","type":"auth.logout"})", Invalid, "id");
    addRow("control character in title",
           req("conversation.create", createHead + R"("title":"a\u0001b","members":["u1"])"), Invalid,
           "title", "r1");
    addRow("line feed in title",
           req("conversation.create", createHead + R"("title":"two\nlines","members":["u1"])"), Invalid,
           "title", "r1");
    addRow("tab in display name",
           req("auth.register", R"("username":"mina","display_name":"Mi\tna",)" + registerTail), Invalid,
           "display_name", "r1");
    addRow("carriage return in device", req("auth.resume", R"("token":"tok","device":"lap\rtop")"), Invalid,
           "device", "r1");
    addRow("escape character in emoji",
           req("message.react", R"("conversation_id":"c1","message_id":"m1","emoji":"\u001b[2J","add":true)"),
           Invalid, "emoji", "r1");
    addRow("DEL in title", req("conversation.create", createHead + R"("title":"a\u007fb","members":["u1"])"),
           Invalid, "title", "r1");
    addRow("C1 next-line in title", req("conversation.create", createHead + R"("title":"a\u0085b","members":["u1"])"),
           Invalid, "title", "r1");
    addRow("C1 CSI in body", inBody(R"(red\u009b31m)"), Invalid, "body", "r1");

    // ---- envelope: v, type, id, re ------------------------------------------------------------------------
    addRow("empty object", "{}", Invalid, "v");
    addRow("missing v", R"({"id":"r1","type":"typing","conversation_id":"c1","active":true})", Invalid, "v",
           "r1");
    addRow("v as string", R"({"v":"1","id":"r1","type":"auth.logout"})", Invalid, "v", "r1");
    addRow("v = 2", R"({"v":2,"id":"r1","type":"auth.logout"})", Invalid, "v", "r1");
    addRow("v = 1.5", R"({"v":1.5,"id":"r1","type":"auth.logout"})", Invalid, "v", "r1");
    addRow("v = 0", R"({"v":0,"id":"r1","type":"auth.logout"})", Invalid, "v", "r1");
    addRow("v = true", R"({"v":true,"id":"r1","type":"auth.logout"})", Invalid, "v", "r1");
    addRow("v = null", R"({"v":null,"id":"r1","type":"auth.logout"})", Invalid, "v", "r1");
    addRow("v = 1e300", R"({"v":1e300,"id":"r1","type":"auth.logout"})", Invalid, "v", "r1");
    addRow("v in an array", R"({"v":[1],"id":"r1","type":"auth.logout"})", Invalid, "v", "r1");
    addRow("missing type", R"({"v":1,"id":"r1","conversation_id":"c1","active":true})", Invalid, "type",
           "r1");
    addRow("type as number", R"({"v":1,"id":"r1","type":7})", Invalid, "type", "r1");
    addRow("type as null", R"({"v":1,"id":"r1","type":null})", Invalid, "type", "r1");
    addRow("type in an array", R"({"v":1,"id":"r1","type":["typing"]})", Invalid, "type", "r1");
    addRow("unknown type", req("message.sned", R"("conversation_id":"c1")"), Invalid, "type", "r1");
    addRow("type in the wrong case", req("Typing", R"("conversation_id":"c1","active":true)"), Invalid,
           "type", "r1");
    addRow("type with a trailing space", req("typing ", R"("conversation_id":"c1","active":true)"), Invalid,
           "type", "r1");
    addRow("empty type", req(""), Invalid, "type", "r1");
    addRow("type of 1 KB", req(QByteArray(1024, 't').constData()), Invalid, "type", "r1");
    // The unknown type is quoted back in the message, which must stay printable and valid Unicode.
    addRow("type with a terminal escape", req(R"(x\u001b[31m)"), Invalid, "type", "r1");
    addRow("type with NUL", req(R"(ok\u0000)"), Invalid, "type", "r1");
    addRow("type whose 64th character is half an emoji",
           req(QByteArray(QByteArray(63, 'a') + R"(\ud83d\ude00)").constData()), Invalid, "type", "r1");
    addRow("request without id", reply("typing", R"("conversation_id":"c1","active":true)"), Invalid, "id");
    addRow("id with a space", R"({"v":1,"id":"r 1","type":"auth.logout"})", Invalid, "id");
    addRow("id with a slash", R"({"v":1,"id":"r/1","type":"auth.logout"})", Invalid, "id");
    addRow("id in Korean", R"({"v":1,"id":"요청","type":"auth.logout"})", Invalid, "id");
    addRow("id of 65 characters", R"({"v":1,"id":")" + QByteArray(65, 'r') + R"(","type":"auth.logout"})",
           TooLarge, "id");
    addRow("empty id", R"({"v":1,"id":"","type":"auth.logout"})", Invalid, "id");
    addRow("empty id on a reply", R"({"v":1,"id":"","type":"ok"})", Invalid, "id");
    addRow("id as number", R"({"v":1,"id":7,"type":"auth.logout"})", Invalid, "id");
    addRow("id as null", R"({"v":1,"id":null,"type":"auth.logout"})", Invalid, "id");
    addRow("id as object", R"({"v":1,"id":{"id":"r1"},"type":"auth.logout"})", Invalid, "id");
    addRow("re as number", reply("ok", R"("re":7)"), Invalid, "re");
    addRow("re with bad characters on a request", req("auth.logout", R"("re":"a b")"), Invalid, "re", "r1");
    addRow("empty re", reply("ok", R"("re":"")"), Invalid, "re");
    addRow("re of 65 characters", reply("ok", R"("re":")" + QByteArray(65, 'r') + '"'), TooLarge, "re");
    // QJsonDocument keeps the last of duplicate keys, as JSON.parse does; the earlier ones are dropped.
    addRow("duplicate v, the last one 2", R"({"v":1,"v":2,"id":"r1","type":"auth.logout"})", Invalid, "v",
           "r1");
    addRow("duplicate id, the last one a number", R"({"v":1,"id":"r1","id":7,"type":"auth.logout"})", Invalid,
           "id");
    addRow("duplicate type, the last one unknown", R"({"v":1,"id":"r1","type":"auth.logout","type":"nope"})",
           Invalid, "type", "r1");
    addRow("duplicate body, the last one a number", req("message.send", sendHead + R"("body":"hi","body":7)"),
           Invalid, "body", "r1");

    // ---- wrong types --------------------------------------------------------------------------------------
    addRow("conversation_id as number", req("typing", R"("conversation_id":7,"active":true)"), Invalid,
           "conversation_id", "r1");
    addRow("body as number", req("message.send", sendHead + R"("body":42)"), Invalid, "body", "r1");
    addRow("seq as string", req("receipt", receiptHead + R"("seq":"5")"), Invalid, "seq", "r1");
    addRow("bool as the string true", req("typing", R"("conversation_id":"c1","active":"true")"), Invalid,
           "active", "r1");
    addRow("bool as 1", req("typing", R"("conversation_id":"c1","active":1)"), Invalid, "active", "r1");
    addRow("bool as null", req("conversation.list", R"("include_archived":null)"), Invalid,
           "include_archived", "r1");
    addRow("members as object",
           req("conversation.create", createHead + R"("title":"t","members":{"0":"u1"})"), Invalid, "members",
           "r1");
    addRow("usernames as a string", req("user.lookup", R"("usernames":"mina")"), Invalid, "usernames", "r1");
    addRow("user as array",
           reply("auth.ok", R"("session_id":"s1","expires_at":0,"server_time":0,"user":[],"limits":{})"),
           Invalid, "user");
    addRow("limit as string", req("message.history", historyHead + R"("limit":"50")"), Invalid, "limit",
           "r1");
    addRow("kind as number", req("conversation.create", R"("kind":1,"title":"t","members":["u1"])"), Invalid,
           "kind", "r1");
    addRow("emoji as array",
           req("message.react", R"("conversation_id":"c1","message_id":"m1","emoji":["x"],"add":true)"),
           Invalid, "emoji", "r1");
    addRow("attachment id as number", req("message.send", sendHead + R"("body":"hi","attachments":["a1",7])"),
           Invalid, "attachments[1]", "r1");
    addRow("required body as null", req("message.send", sendHead + R"("body":null)"), Invalid, "body", "r1");
    addRow("required conversation_id as null", req("conversation.get", R"("conversation_id":null)"), Invalid,
           "conversation_id", "r1");

    // ---- missing required fields --------------------------------------------------------------------------
    addRow("message.send without body", req("message.send", R"("conversation_id":"c1","client_id":"k1")"),
           Invalid, "body", "r1");
    addRow("message.send without client_id", req("message.send", R"("conversation_id":"c1","body":"hi")"),
           Invalid, "client_id", "r1");
    addRow("conversation.create without members", req("conversation.create", createHead + R"("title":"t")"),
           Invalid, "members", "r1");
    addRow("receipt without seq", req("receipt", R"("conversation_id":"c1","kind":"read")"), Invalid, "seq",
           "r1");
    addRow("receipt without kind", req("receipt", R"("conversation_id":"c1","seq":4)"), Invalid, "kind",
           "r1");
    addRow("auth.login without password", req("auth.login", R"("username":"mina","device":"")"), Invalid,
           "password", "r1");
    addRow("attachment.begin without sha256",
           req("attachment.begin", R"("conversation_id":"c1","name":"a.png","size":10,"mime":"image/png")"),
           Invalid, "sha256", "r1");
    addRow("members.role without role",
           req("conversation.members.role", R"("conversation_id":"c1","member_id":"u2")"), Invalid, "role",
           "r1");
    addRow("message.history without conversation_id", req("message.history", R"("limit":20)"), Invalid,
           "conversation_id", "r1");
    addRow("event without seq",
           reply("event", R"("conversation_id":"c1","kind":"delete","at":0,"message_id":"m1")"), Invalid,
           "seq");
    addRow("auth.ok without user",
           reply("auth.ok", R"("session_id":"s1","expires_at":0,"server_time":0,"limits":{})"), Invalid,
           "user");

    // ---- numbers out of range -----------------------------------------------------------------------------
    addRow("negative seq", req("receipt", receiptHead + R"("seq":-1)"), Invalid, "seq", "r1");
    addRow("history limit 0", req("message.history", historyHead + R"("limit":0)"), Invalid, "limit", "r1");
    addRow("history limit 101", req("message.history", historyHead + R"("limit":101)"), Invalid, "limit",
           "r1");
    addRow("history before 0", req("message.history", historyHead + R"("before":0,"limit":5)"), Invalid,
           "before", "r1");
    addRow("search limit 51", req("search", R"("query":"hi","limit":51)"), Invalid, "limit", "r1");
    addRow("seq 1e300", req("receipt", receiptHead + R"("seq":1e300)"), Invalid, "seq", "r1");
    addRow("seq -0.5", req("receipt", receiptHead + R"("seq":-0.5)"), Invalid, "seq", "r1");
    addRow("seq 1.5", req("receipt", receiptHead + R"("seq":1.5)"), Invalid, "seq", "r1");
    addRow("seq 2^53", req("receipt", receiptHead + R"("seq":9007199254740992)"), Invalid, "seq", "r1");
    addRow("seq 2^64 plus change", req("receipt", receiptHead + R"("seq":99999999999999999999999)"), Invalid,
           "seq", "r1");
    // Qt's parser refuses numbers that overflow a double, so the whole frame is at fault.
    addRow("seq 1e400", req("receipt", receiptHead + R"("seq":1e400)"), Invalid, "");
    addRow("seq -1e400", req("receipt", receiptHead + R"("seq":-1e400)"), Invalid, "");
    addRow("unknown field 1e400", req("auth.logout", R"("x":1e400)"), Invalid, "");
    addRow("attachment size 0",
           req("attachment.begin",
               R"("conversation_id":"c1","name":"a.png","size":0,"mime":"image/png","sha256":")" +
                   QByteArray(64, 'a') + "\""),
           Invalid, "size", "r1");
    addRow("fetch offset -1",
           req("attachment.fetch", R"("attachment_id":"a1","offset":-1,"thumbnail":false)"), Invalid,
           "offset", "r1");

    // ---- oversize and undersize strings -------------------------------------------------------------------
    // The body ceiling is a protocol rule; frames that reach it may need more than the default frame limit.
    const qint64 bodyCeiling = rule::Body.maxBytes;
    const qint64 bigFrame = 4 * bodyCeiling + 4096;
    addRow("body one byte over the ceiling", inBody(QByteArray(bodyCeiling + 1, 'a')), TooLarge, "body", "r1",
           bigFrame);
    addRow("body over the ceiling in bytes but not in Korean characters",
           inBody(QStringLiteral("가").repeated(bodyCeiling / 3 + 1).toUtf8()), TooLarge, "body", "r1",
           bigFrame);
    addRow("edit body one byte over the ceiling",
           req("message.edit", R"("conversation_id":"c1","message_id":"m1",)" +
                                   str("body", QByteArray(bodyCeiling + 1, 'a'))),
           TooLarge, "body", "r1", bigFrame);
    addRow("username of 33 characters",
           req("auth.login", str("username", QByteArray(33, 'm')) + R"(,"password":"pw","device":"")"),
           TooLarge, "username", "r1");
    addRow("username of 2 characters", req("auth.login", R"("username":"mi","password":"pw","device":"")"),
           Invalid, "username", "r1");
    addRow("username with capitals", req("auth.login", R"("username":"Mina","password":"pw","device":"")"),
           Invalid, "username", "r1");
    addRow(
        "title of 129 characters",
        req("conversation.create", createHead + str("title", QByteArray(129, 't')) + R"(,"members":["u1"])"),
        TooLarge, "title", "r1");
    addRow("display name of 65 characters",
           req("auth.register",
               R"("username":"mina",)" + str("display_name", QByteArray(65, 'n')) + ',' + registerTail),
           TooLarge, "display_name", "r1");
    addRow(
        "password of 7 characters on register",
        req("auth.register", R"("username":"mina","password":"1234567","display_name":"Mina","device":"")"),
        Invalid, "password", "r1");
    addRow("password of 1025 bytes",
           req("auth.login",
               R"("username":"mina",)" + str("password", QByteArray(1025, 'p')) + R"(,"device":"")"),
           TooLarge, "password", "r1");
    addRow("token of 129 characters",
           req("auth.resume", str("token", QByteArray(129, 't')) + R"(,"device":"")"), TooLarge, "token",
           "r1");
    addRow("conversation id of 65 characters",
           req("conversation.get", str("conversation_id", QByteArray(65, 'c'))), TooLarge, "conversation_id",
           "r1");
    const QByteArray attachmentTail =
        R"(,"size":10,"mime":"image/png","sha256":")" + QByteArray(64, 'a') + '"';
    addRow("file name of 256 bytes in Korean",
           req("attachment.begin", R"("conversation_id":"c1",)" +
                                       str("name", QStringLiteral("가").repeated(85).toUtf8() + 'a') +
                                       attachmentTail),
           TooLarge, "name", "r1");
    addRow("empty file name", req("attachment.begin", R"("conversation_id":"c1","name":"")" + attachmentTail),
           Invalid, "name", "r1");
    addRow("sha256 of 63 characters",
           req("attachment.begin", R"("conversation_id":"c1","name":"a.png","size":10,"mime":"image/png",)" +
                                       str("sha256", QByteArray(63, 'a'))),
           Invalid, "sha256", "r1");
    addRow("sha256 in capitals",
           req("attachment.begin", R"("conversation_id":"c1","name":"a.png","size":10,"mime":"image/png",)" +
                                       str("sha256", QByteArray(64, 'A'))),
           Invalid, "sha256", "r1");
    addRow("emoji of 65 bytes",
           req("message.react", R"("conversation_id":"c1","message_id":"m1",)" +
                                    str("emoji", QByteArray(65, 'e')) + R"(,"add":true)"),
           TooLarge, "emoji", "r1");
    addRow("search query of 257 characters",
           req("search", str("query", QByteArray(257, 'q')) + R"(,"limit":20)"), TooLarge, "query", "r1");
    addRow("frame of 70 KiB", paddedTo(70 * 1024), TooLarge, "");
    addRow("frame one byte over the limit", paddedTo(kDefaultMax + 1), TooLarge, "");
    addRow("frame over the limit and not UTF-8", QByteArray(kDefaultMax + 1, '\xFF'), TooLarge, "");

    // ---- enum values not in the list ----------------------------------------------------------------------
    addRow("conversation kind secret",
           req("conversation.create", R"("kind":"secret","title":"t","members":["u1"])"), Invalid, "kind",
           "r1");
    addRow("conversation kind in capitals",
           req("conversation.create", R"("kind":"Group","title":"t","members":["u1"])"), Invalid, "kind",
           "r1");
    addRow("role god",
           req("conversation.members.role", R"("conversation_id":"c1","member_id":"u2","role":"god")"),
           Invalid, "role", "r1");
    addRow("receipt kind seen", req("receipt", R"("conversation_id":"c1","kind":"seen","seq":4)"), Invalid,
           "kind", "r1");
    addRow("presence status offline", req("presence.set", R"("status":"offline")"), Invalid, "status", "r1");
    addRow("presence status invisible", req("presence.set", R"("status":"invisible")"), Invalid, "status",
           "r1");
    addRow("event kind typing", reply("event", eventHead + R"("kind":"typing")"), Invalid, "kind");
    addRow("error code in lower case", reply("error", R"("code":"invalid","message":"bad")"), Invalid,
           "code");

    // ---- checks across fields -----------------------------------------------------------------------------
    addRow("history with before and after",
           req("message.history", historyHead + R"("before":9,"after":3,"limit":5)"), Invalid, "after", "r1");
    addRow("direct conversation with 2 members",
           req("conversation.create", R"("kind":"direct","title":"","members":["u1","u2"])"), Invalid,
           "members", "r1");
    addRow("direct conversation with no member",
           req("conversation.create", R"("kind":"direct","title":"","members":[])"), Invalid, "members",
           "r1");
    addRow("blank search query", req("search", R"("query":"   ","limit":20)"), Invalid, "query", "r1");
    addRow("empty search query", req("search", R"("query":"","limit":20)"), Invalid, "query", "r1");
    addRow("blank body without attachments", inBody(R"( \n\t )"), Invalid, "body", "r1");
    addRow("empty body with an empty attachment list",
           req("message.send", sendHead + R"("body":"","attachments":[])"), Invalid, "body", "r1");
    addRow("edit event without body", reply("event", eventHead + R"("kind":"edit","message_id":"m1")"),
           Invalid, "body");
    addRow("message event without message", reply("event", eventHead + R"("kind":"message")"), Invalid,
           "message");
    addRow("reaction event without add",
           reply("event", eventHead + R"("kind":"reaction","message_id":"m1","emoji":"x")"), Invalid, "add");
    addRow("member_added event without member",
           reply("event", eventHead + R"("kind":"member_added","actor_id":"u1")"), Invalid, "member");
    addRow("archived event without archived", reply("event", eventHead + R"("kind":"archived")"), Invalid,
           "archived");
    addRow("edit event inside history without body",
           reply("history", R"("re":"r9","conversation_id":"c1","has_more":false,"events":[{)" + eventHead +
                                R"("kind":"delete","message_id":"m1"},{)" + eventHead +
                                R"("kind":"edit","message_id":"m1"}])"),
           Invalid, "events[1].body");

    // ---- nested errors name their path --------------------------------------------------------------------
    addRow("sync conversations[3].seq as string",
           req("sync", R"("conversations":[{"conversation_id":"a","seq":1},{"conversation_id":"b","seq":2},)"
                       R"({"conversation_id":"c","seq":3},{"conversation_id":"d","seq":"4"}])"),
           Invalid, "conversations[3].seq", "r1");
    addRow("sync conversations[3].seq negative",
           req("sync", R"("conversations":[{"conversation_id":"a","seq":1},{"conversation_id":"b","seq":2},)"
                       R"({"conversation_id":"c","seq":3},{"conversation_id":"d","seq":-4}])"),
           Invalid, "conversations[3].seq", "r1");
    addRow("sync conversations[1] not an object",
           req("sync", R"("conversations":[{"conversation_id":"a","seq":1},"b"])"), Invalid,
           "conversations[1]", "r1");
    addRow("sync 1001 conversations",
           req("sync", R"("conversations":[)" +
                           QByteArrayLiteral(R"({"conversation_id":"c","seq":1},)").repeated(1000) +
                           R"({"conversation_id":"c","seq":1}])"),
           TooLarge, "conversations", "r1");
    addRow("user.lookup usernames[1] in capitals", req("user.lookup", R"("usernames":["mina","Mina"])"),
           Invalid, "usernames[1]", "r1");
    addRow("user.lookup usernames[1] too short", req("user.lookup", R"("usernames":["mina","mi"])"), Invalid,
           "usernames[1]", "r1");
    addRow("user.lookup empty list", req("user.lookup", R"("usernames":[])"), Invalid, "usernames", "r1");
    addRow("members list of 257",
           req("conversation.create", createHead + R"("title":"t","members":)" + stringArray(257, "u")),
           TooLarge, "members", "r1");
    addRow("members.add empty list",
           req("conversation.members.add", R"("conversation_id":"c1","user_ids":[])"), Invalid, "user_ids",
           "r1");
    addRow("11 attachments",
           req("message.send", sendHead + R"("body":"hi","attachments":)" + stringArray(11, "a")), TooLarge,
           "attachments", "r1");
    addRow(
        "auth.ok limits.max_frame_bytes 0",
        reply("auth.ok",
              R"("session_id":"s1","expires_at":0,"server_time":0,)"
              R"("user":{"id":"u1","username":"mina","display_name":"Mina"},"limits":{"max_frame_bytes":0})"),
        Invalid, "limits.max_frame_bytes");
    addRow("auth.ok user.username in capitals",
           reply("auth.ok", R"("session_id":"s1","expires_at":0,"server_time":0,)"
                            R"("user":{"id":"u1","username":"MINA","display_name":"Mina"},"limits":{})"),
           Invalid, "user.username");
    addRow(
        "message.sent message.attachments[2] bad",
        reply(
            "message.sent",
            R"("re":"r1","conversation_id":"c1","message":{"id":"m1","seq":5,"sender_id":"u1",)"
            R"("client_id":"k1","body":"hi","created_at":0,"deleted":false,"attachments":["a","b","c d"]})"),
        Invalid, "message.attachments[2]");
    addRow("conversations[0].last_message.seq 0",
           reply("conversations",
                 R"("conversations":[{"id":"c1","kind":"group","title":"t","created_at":0,"last_seq":5,)"
                 R"("unread":0,"delivered_seq":5,"read_seq":5,"role":"owner","archived":false,)"
                 R"("muted":false,"member_count":2,"last_message":{"id":"m1","seq":0,"sender_id":"u1",)"
                 R"("client_id":"k1","body":"hi","created_at":0,"deleted":false}}])"),
           Invalid, "conversations[0].last_message.seq");

    // ---- deep nesting (refused before parsing, so the id is not read) -------------------------------------
    const auto inUnknown = [&](const QByteArray &value) { return req("auth.logout", "\"x\":" + value); };
    addRow("17 levels of [ in an unknown field", inUnknown(nested(16, '[')), Invalid, "");
    addRow("17 levels of { in an unknown field", inUnknown(nested(16, '{')), Invalid, "");
    addRow("17 levels mixing [ and {",
           inUnknown(QByteArrayLiteral(R"([{"a":)").repeated(8) + "0" + QByteArrayLiteral("}]").repeated(8)),
           Invalid, "");
    addRow("17 levels after an escaped backslash", req("auth.logout", R"("s":"\\","x":)" + nested(16, '[')),
           Invalid, "");
    addRow("1000 levels of [", nested(1000, '['), Invalid, "");
    addRow("1000 levels of { in an unknown field", inUnknown(nested(1000, '{')), Invalid, "");
    addRow("1000 unclosed [", QByteArray(1000, '['), Invalid, "");
    addRow("100000 levels of [", nested(100000, '['), Invalid, "", "", 1024 * 1024);
    addRow("100000 levels of { in an unknown field", inUnknown(nested(100000, '{')), Invalid, "", "",
           1024 * 1024);
    addRow("100000 levels of [ over the frame limit", nested(100000, '['), TooLarge, "");

    QVERIFY2(m_duplicateRowNames.isEmpty(), m_duplicateRowNames.join(", ").constData());
    QVERIFY2(m_rowNames.size() >= 80, QByteArray::number(m_rowNames.size()).constData());
}

void TestMalformed::malformedFrames() {
    QFETCH(QByteArray, frame);
    QFETCH(QString, code);
    QFETCH(QString, field);
    QFETCH(QString, requestId);
    QFETCH(qint64, maxFrameBytes);

    const auto result = decodeFrame(frame, maxFrameBytes);
    if (result.ok()) {
        const QByteArray accepted = encodeFrame(result->frame, result->envelope);
        QFAIL(qPrintable(QStringLiteral("accepted, as %1").arg(QString::fromUtf8(accepted.left(200)))));
    }
    const DecodeError &error = result.error();
    QCOMPARE(errorCodeName(error.code), code);
    QCOMPARE(error.field, field);
    QCOMPARE(error.requestId, requestId);
    QVERIFY2(!error.message.isEmpty(), qPrintable(result.errorString()));
    QVERIFY2(error.message.size() <= kMaxMessageChars, qPrintable(result.errorString().left(400)));

    // The server answers with the error's code, field and message; they must make a valid `error` frame.
    const QString unsafe = unsafeTextReason(error.message);
    QVERIFY2(unsafe.isEmpty(),
             qPrintable(QStringLiteral("the message %1: %2").arg(unsafe, result.errorString())));
    const Error answer{error.code, error.message,
                       error.field.isEmpty() ? std::nullopt : std::optional(error.field), std::nullopt};
    const auto echoed = decodeFrame(encodeFrame(answer, {{}, QStringLiteral("r1")}));
    QVERIFY2(echoed.ok(), qPrintable(echoed.errorString()));
    QCOMPARE(std::get<Error>(echoed->frame), answer);
}

// Valid frames next to the malformed rows: each differs from a refused row only in what that row breaks.
void TestMalformed::validNeighbours_data() {
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<qint64>("maxFrameBytes");
    const QByteArray sendHead = R"("conversation_id":"c1","client_id":"k1",)";
    const QByteArray attachmentTail =
        R"(,"size":10,"mime":"image/png","sha256":")" + QByteArray(64, 'a') + '"';
    const auto row = [](const char *name, const QByteArray &frame, qint64 max = kDefaultMax) {
        QTest::newRow(name) << frame << max;
    };
    row("typing", req("typing", R"("conversation_id":"c1","active":true)"));
    row("v as 1.0", R"({"v":1.0,"type":"ok"})");
    row("duplicate v, the last one 1", R"({"v":2,"v":1,"type":"ok"})");
    row("UTF-8 body with an emoji", req("message.send", sendHead + R"("body":"안녕 👋 \ud83d\ude00")"));
    row("multi-line body", req("message.send", sendHead + R"("body":"one\ntwo\r\n\tthree")"));
    row("blank body with an attachment",
        req("message.send", sendHead + R"("body":" ","attachments":["a1"])"));
    row("id of 64 characters", R"({"v":1,"id":")" + QByteArray(64, 'r') + R"(","type":"auth.logout"})");
    row("username of 32 characters",
        req("auth.login", str("username", QByteArray(32, 'm')) + R"(,"password":"pw","device":"")"));
    row("title of 128 characters",
        req("conversation.create",
            R"("kind":"group",)" + str("title", QByteArray(128, 't')) + R"(,"members":["u1"])"));
    row("direct conversation with 1 member",
        req("conversation.create", R"("kind":"direct","title":"","members":["u1"])"));
    row("members list of 256",
        req("conversation.create", R"("kind":"group","title":"t","members":)" + stringArray(256, "u")));
    row("file name of 255 bytes in Korean",
        req("attachment.begin", R"("conversation_id":"c1",)" +
                                    str("name", QStringLiteral("가").repeated(85).toUtf8()) +
                                    attachmentTail));
    row("body at the ceiling",
        req("message.send", sendHead + str("body", QByteArray(rule::Body.maxBytes, 'a'))),
        4 * rule::Body.maxBytes + 4096);
    row("frame exactly at the limit", paddedTo(kDefaultMax));
    row("seq 2^53 - 1", req("receipt", R"("conversation_id":"c1","kind":"read","seq":9007199254740991)"));
    row("history limit 100 after 0",
        req("message.history", R"("conversation_id":"c1","limit":100,"after":0)"));
    row("presence away", req("presence.set", R"("status":"away")"));
    row("edit event with body",
        reply("event",
              R"("conversation_id":"c1","seq":3,"at":0,"kind":"edit","message_id":"m1","body":"x")"));
    row("16 levels in an unknown field", req("auth.logout", "\"x\":" + nested(15, '[')));
    row("brackets inside a string with escaped quotes",
        req("auth.logout", R"("x":"\"[[[[[[[[[[[[[[[[[[[[{{{{{{{{{{{{{{{{{{{{\\\"")"));
}

void TestMalformed::validNeighbours() {
    QFETCH(QByteArray, frame);
    QFETCH(qint64, maxFrameBytes);
    const auto result = decodeFrame(frame, maxFrameBytes);
    QVERIFY2(result.ok(), qPrintable(result.errorString()));
}

// Damaged copies of real frames and chunks: no crash, and every refusal says why.
void TestMalformed::mutatedFramesAndChunks() {
    QList<QByteArray> seeds;
    {
        MessageSend send;
        send.conversationId = QStringLiteral("c1");
        send.clientId = QStringLiteral("0b7c1f4e-2a");
        send.body = QStringLiteral("안녕하세요 👋\n\"quoted\" \\ back\tslash");
        send.replyTo = QStringLiteral("m9");
        send.attachments = {QStringLiteral("a1"), QStringLiteral("a2")};
        seeds << encodeFrame(send, {QStringLiteral("r1"), {}});

        ConversationCreate create;
        create.kind = ConversationKind::Group;
        create.title = QStringLiteral("Team ✨");
        create.members = {QStringLiteral("u1"), QStringLiteral("u2"), QStringLiteral("u3")};
        seeds << encodeFrame(create, {QStringLiteral("r2"), {}});

        SyncRequest sync;
        for (int i = 0; i < 4; ++i) {
            ConversationSeq entry;
            entry.conversationId = QStringLiteral("c%1").arg(i);
            entry.seq = i * 1000;
            sync.conversations.append(entry);
        }
        seeds << encodeFrame(sync, {QStringLiteral("r3"), {}});

        HistoryRequest history;
        history.conversationId = QStringLiteral("c1");
        history.before = 120;
        history.limit = 30;
        seeds << encodeFrame(history, {QStringLiteral("r4"), {}});

        AuthOk ok;
        ok.sessionId = QStringLiteral("s1");
        ok.token = QStringLiteral("tok_abc");
        ok.expiresAt = 1700000000000;
        ok.user = {QStringLiteral("u1"), QStringLiteral("mina"), QStringLiteral("미나")};
        seeds << encodeFrame(ok, {{}, QStringLiteral("r5")});

        Event event;
        event.conversationId = QStringLiteral("c1");
        event.seq = 42;
        event.kind = EventKind::Message;
        event.at = 1700000000000;
        MessageInfo message;
        message.id = QStringLiteral("m42");
        message.seq = 42;
        message.senderId = QStringLiteral("u2");
        message.clientId = QStringLiteral("k42");
        message.body = QStringLiteral("[{\"not\": \"json\"}] 😀");
        message.attachments = {QStringLiteral("a9")};
        event.message = message;
        seeds << encodeFrame(event);

        History page;
        page.conversationId = QStringLiteral("c1");
        Event edit = event;
        edit.kind = EventKind::Edit;
        edit.message.reset();
        edit.messageId = QStringLiteral("m42");
        edit.body = QStringLiteral("edited");
        Event reaction = edit;
        reaction.kind = EventKind::Reaction;
        reaction.body.reset();
        reaction.emoji = QStringLiteral("👍");
        reaction.add = true;
        page.events = {edit, reaction};
        seeds << encodeFrame(page, {{}, QStringLiteral("r6")});

        Error error{ErrorCode::RateLimited, QStringLiteral("slow down"), QStringLiteral("body"), 1500};
        seeds << encodeFrame(error, {{}, QStringLiteral("r7")});

        AttachmentBegin begin;
        begin.conversationId = QStringLiteral("c1");
        begin.name = QStringLiteral("사진.png");
        begin.size = 123456;
        begin.mime = QStringLiteral("image/png");
        begin.sha256 = QString(64, u'f');
        seeds << encodeFrame(begin, {QStringLiteral("r8"), {}});
    }
    for (const QByteArray &seed : std::as_const(seeds)) {
        const auto decoded = decodeFrame(seed);
        QVERIFY2(decoded.ok(), qPrintable(decoded.errorString() + u' ' + QString::fromUtf8(seed)));
    }
    const qsizetype frameSeeds = seeds.size();
    seeds << encodeChunk({ChunkKind::Upload, QStringLiteral("up-1"), 0, QByteArray(64, 'x')})
          << encodeChunk({ChunkKind::Download, QStringLiteral("att.9_Z"), 262144, QByteArray(300, '\xAB')});
    for (qsizetype i = frameSeeds; i < seeds.size(); ++i)
        QVERIFY(decodeChunk(seeds.at(i), Limits{}.maxBinaryFrameBytes).ok());

    static const char interesting[] = {'\0',   '"',    '\\',   '{',    '}',    '[',    ']',
                                       ':',    ',',    '0',    '-',    'e',    '.',    'u',
                                       'd',    ' ',    '\x1f', '\x7f', '\x80', '\xbf', '\xc0',
                                       '\xc3', '\xe2', '\xed', '\xf0', '\xf4', '\xfe', '\xff'};
    QRandomGenerator rng(20240601);
    const auto anyByte = [&]() -> char {
        if (rng.bounded(2))
            return interesting[rng.bounded(int(sizeof interesting))];
        return char(rng.bounded(256));
    };

    constexpr int kIterations = 20000;
    int framesAccepted = 0, chunksAccepted = 0;
    QElapsedTimer timer;
    timer.start();
    for (int iteration = 0; iteration < kIterations; ++iteration) {
        QByteArray bytes = seeds.at(rng.bounded(int(seeds.size())));
        const int mutations = 1 + rng.bounded(4);
        for (int m = 0; m < mutations; ++m) {
            const int size = int(bytes.size());
            const int at = size ? rng.bounded(size) : 0;
            switch (rng.bounded(7)) {
            case 0: // flip one bit
                if (size)
                    bytes[at] = char(bytes[at] ^ (1 << rng.bounded(8)));
                break;
            case 1: // overwrite a byte
                if (size)
                    bytes[at] = anyByte();
                break;
            case 2: // insert a byte
                bytes.insert(at, anyByte());
                break;
            case 3: // delete a few bytes
                bytes.remove(at, 1 + rng.bounded(4));
                break;
            case 4: // truncate
                bytes.truncate(at);
                break;
            case 5: // repeat a slice, which also builds deep nesting
                if (size) {
                    const QByteArray slice = bytes.mid(at, 1 + rng.bounded(16));
                    bytes.insert(at, slice.repeated(1 + rng.bounded(24)));
                }
                break;
            default: // swap two bytes
                if (size) {
                    const int other = rng.bounded(size);
                    std::swap(bytes[at], bytes[other]);
                }
                break;
            }
        }

        const auto frame = decodeFrame(bytes);
        if (frame.ok())
            ++framesAccepted;
        else if (frame.error().message.isEmpty())
            QFAIL(qPrintable(QStringLiteral("iteration %1: frame refused without a message: %2")
                                 .arg(iteration)
                                 .arg(hexPreview(bytes))));
        const auto chunk = decodeChunk(bytes, Limits{}.maxBinaryFrameBytes);
        if (chunk.ok())
            ++chunksAccepted;
        else if (chunk.error().message.isEmpty())
            QFAIL(qPrintable(QStringLiteral("iteration %1: chunk refused without a message: %2")
                                 .arg(iteration)
                                 .arg(hexPreview(bytes))));
    }
    qInfo("%d mutants: %d accepted as frames, %d as chunks, in %lld ms", kIterations, framesAccepted,
          chunksAccepted, qint64(timer.elapsed()));
}

QTEST_GUILESS_MAIN(TestMalformed)
#include "tst_malformed.moc"

// Hostile clients: 30 connections at once send mutated and random frames, oversized frames,
// binary garbage, half-sent frames and broken WebSocket framing, while two well-behaved clients
// keep talking. Every one of their messages must arrive exactly once and in order; every hostile
// frame must get an error reply, or its connection one of the documented closes. What each hostile
// connection received is printed; the well-behaved latency is printed too, never asserted.
#include "harness.h"
#include "protocol/binary.h"

#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTcpSocket>
#include <QUrl>
#include <algorithm>

using namespace confab::protocol;
using namespace confab::test;

namespace {

constexpr int kHostile = 30;
constexpr int kGoodMessages = 100; //!< per well-behaved client
constexpr int kGoodIntervalMs = 50;
constexpr int kAuthTimeoutMs = 3000;

//! The mutator of tst_malformed: bit flips, byte changes, inserts, deletes, truncation, repeats, swaps.
QByteArray mutate(QByteArray bytes, QRandomGenerator &rng) {
    static const char interesting[] = {'\0',   '"',    '\\',   '{',    '}',    '[',    ']',
                                       ':',    ',',    '0',    '-',    'e',    '.',    'u',
                                       'd',    ' ',    '\x1f', '\x7f', '\x80', '\xbf', '\xc0',
                                       '\xc3', '\xe2', '\xed', '\xf0', '\xf4', '\xfe', '\xff'};
    const auto anyByte = [&]() -> char {
        return rng.bounded(2) ? interesting[rng.bounded(int(sizeof interesting))] : char(rng.bounded(256));
    };
    const int mutations = 1 + rng.bounded(4);
    for (int m = 0; m < mutations; ++m) {
        const int size = int(bytes.size());
        const int at = size ? rng.bounded(size) : 0;
        switch (rng.bounded(7)) {
        case 0:
            if (size)
                bytes[at] = char(bytes[at] ^ (1 << rng.bounded(8)));
            break;
        case 1:
            if (size)
                bytes[at] = anyByte();
            break;
        case 2:
            bytes.insert(at, anyByte());
            break;
        case 3:
            bytes.remove(at, 1 + rng.bounded(4));
            break;
        case 4:
            bytes.truncate(at);
            break;
        case 5:
            if (size)
                bytes.insert(at, bytes.mid(at, 1 + rng.bounded(16)).repeated(1 + rng.bounded(24)));
            break;
        default:
            if (size)
                std::swap(bytes[at], bytes[rng.bounded(size)]);
            break;
        }
    }
    return bytes;
}

QString percentile(QList<qint64> values, double p) {
    if (values.isEmpty())
        return QStringLiteral("-");
    std::sort(values.begin(), values.end());
    return QString::number(
        values[qsizetype(std::min<double>(double(values.size() - 1), p * double(values.size())))]);
}

//! What one hostile connection did and got.
struct Record {
    QString kind;
    int textSent = 0;
    int binarySent = 0;
    int replies = 0; //!< frames with `re`, and errors (an error about an unreadable frame has no `re`)
    int closeCode = -1;
    QString note;
    QString describe() const {
        return QStringLiteral("%1: sent %2 text + %3 binary, %4 replies, close %5 %6")
            .arg(kind)
            .arg(textSent)
            .arg(binarySent)
            .arg(replies)
            .arg(closeCode)
            .arg(note);
    }
};

//! Counts the replies a TestClient received (its raw texts), pushed frames aside.
int countReplies(const TestClient &c) {
    int replies = 0;
    for (const QString &raw : c.rawTexts()) {
        const QJsonObject o = QJsonDocument::fromJson(raw.toUtf8()).object();
        if (o.contains(QLatin1StringView("re")) ||
            o.value(QLatin1StringView("type")).toString() == QLatin1StringView("error"))
            ++replies;
    }
    return replies;
}

/*!
 * A peer that speaks WebSocket framing by hand over a QTcpSocket (non-blocking, in the test's event
 * loop): it can stop half-way through the handshake or a frame, send unmasked or non-UTF-8 frames,
 * and reads the server's close frame to learn the close code.
 */
class RawPeer : public QObject {
public:
    enum class Mode { HalfFrame, BadUtf8, Unmasked, HalfHandshake };
    RawPeer(Mode mode, quint16 port)
        : m_mode(mode) {
        connect(&m_socket, &QTcpSocket::connected, this, [this, port] {
            const QByteArray request =
                "GET / HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(port) +
                "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";
            // Slowloris: half a request line, then nothing.
            m_socket.write(m_mode == Mode::HalfHandshake ? request.left(30) : request);
        });
        connect(&m_socket, &QTcpSocket::readyRead, this, &RawPeer::onData);
        connect(&m_socket, &QTcpSocket::disconnected, this, [this] { m_disconnected = true; });
        m_socket.connectToHost(QHostAddress::LocalHost, port);
    }
    bool finished() const { return m_disconnected; }
    int closeCode() const { return m_closeCode; }
    bool upgraded() const { return m_upgraded; }
    int framesSent() const { return m_framesSent; }
    int textsReceived() const { return m_texts; }

private:
    static QByteArray frame(quint8 opcode, const QByteArray &payload, bool masked) {
        QByteArray f;
        f.append(char(0x80 | opcode));
        const char maskBit = masked ? char(0x80) : char(0);
        if (payload.size() < 126) {
            f.append(char(maskBit | char(payload.size())));
        } else {
            f.append(char(maskBit | 126));
            f.append(char((payload.size() >> 8) & 0xff));
            f.append(char(payload.size() & 0xff));
        }
        if (!masked)
            return f + payload;
        const char mask[4] = {0x5a, 0x13, 0x7e, 0x21};
        f.append(mask, 4);
        for (qsizetype i = 0; i < payload.size(); ++i)
            f.append(char(payload[i] ^ mask[i % 4]));
        return f;
    }
    void onData() {
        m_buffer += m_socket.readAll();
        if (!m_upgraded) {
            const qsizetype end = m_buffer.indexOf("\r\n\r\n");
            if (end < 0)
                return;
            m_upgraded = m_buffer.startsWith("HTTP/1.1 101");
            m_buffer.remove(0, end + 4);
            if (m_upgraded)
                act();
        }
        // Server frames are unmasked; a close frame is 0x88, a length, then the code.
        while (m_buffer.size() >= 2) {
            const quint8 opcode = quint8(m_buffer[0]) & 0x0f;
            qsizetype length = quint8(m_buffer[1]) & 0x7f, header = 2;
            if (length == 126) {
                if (m_buffer.size() < 4)
                    return;
                length = (qsizetype(quint8(m_buffer[2])) << 8) | quint8(m_buffer[3]);
                header = 4;
            } else if (length == 127) {
                return; // not from this server to these peers
            }
            if (m_buffer.size() < header + length)
                return;
            if (opcode == 0x1)
                ++m_texts;
            // The first close frame is the server's word: it keeps reading until the peer answers, and
            // QWebSocket may close again meanwhile (1001 for a frame left half-sent), which a peer ignores.
            if (opcode == 0x8 && length >= 2 && m_closeCode == -1)
                m_closeCode = (quint8(m_buffer[header]) << 8) | quint8(m_buffer[header + 1]);
            m_buffer.remove(0, header + length);
        }
    }
    void act() {
        const QByteArray json = R"({"v":1,"type":"conversation.list","id":"raw1"})";
        switch (m_mode) {
        case Mode::HalfFrame: { // a header promising 100 bytes, and 10 of them
            const QByteArray whole = frame(0x1, QByteArray(100, 'x'), true);
            m_socket.write(whole.left(6 + 10));
            break;
        }
        case Mode::BadUtf8:
            m_socket.write(frame(0x1, json + "\xc3\x28\xff", true));
            break;
        case Mode::Unmasked: // clients must mask: a protocol error
            m_socket.write(frame(0x1, json, false));
            break;
        case Mode::HalfHandshake:
            break;
        }
        ++m_framesSent;
    }

    Mode m_mode;
    QTcpSocket m_socket;
    QByteArray m_buffer;
    bool m_upgraded = false;
    bool m_disconnected = false;
    int m_closeCode = -1;
    int m_framesSent = 0;
    int m_texts = 0;
};

} // namespace

class TestHostile : public QObject {
    Q_OBJECT
private slots:
    void initTestCase_data() {
        QTest::addColumn<int>("backend");
        QTest::newRow("sqlite") << int(TestDatabase::Kind::SQLite);
    }

    void hostileClientsDoNotHurtOthers() {
        CONFAB_START_HARNESS(h, {{QStringLiteral("auth/timeout_ms"), QString::number(kAuthTimeoutMs)}});
        auto mina = h.client(QStringLiteral("mina"));
        auto joon = h.client(QStringLiteral("joon"));
        QVERIFY(mina && joon);
        const Frame created = mina->request(
            ConversationCreate{ConversationKind::Group, QStringLiteral("calm"), {joon->userId()}});
        QVERIFY2(std::holds_alternative<ConversationDetail>(created),
                 qPrintable(TestClient::describe(created)));
        const QString room = std::get<ConversationDetail>(created).conversation.id;
        QVERIFY(joon->waitForPushed(
            [](const Frame &f) { return std::holds_alternative<ConversationDetail>(f); }));

        // Seeds for the mutants: real requests, aimed at the calm pair's room and ids.
        QList<QByteArray> seeds;
        {
            MessageSend s;
            s.conversationId = room;
            s.clientId = QStringLiteral("evil-1");
            s.body = QStringLiteral("spam 🦠 \"quoted\"");
            seeds << encodeFrame(s, {QStringLiteral("h1"), {}});
            seeds << encodeFrame(ConversationCreate{ConversationKind::Group,
                                                    QStringLiteral("trap"),
                                                    {mina->userId(), joon->userId()}},
                                 {QStringLiteral("h2"), {}});
            HistoryRequest history;
            history.conversationId = room;
            history.limit = 100;
            seeds << encodeFrame(history, {QStringLiteral("h3"), {}});
            SyncRequest sync;
            sync.conversations.append(ConversationSeq{room, 0});
            seeds << encodeFrame(sync, {QStringLiteral("h4"), {}});
            seeds << encodeFrame(Typing{room, true}, {QStringLiteral("h5"), {}});
            seeds << encodeFrame(AuthLogin{QStringLiteral("mina"), QStringLiteral("guess"), {}},
                                 {QStringLiteral("h6"), {}});
            seeds << encodeFrame(MembersAdd{room, {joon->userId()}}, {QStringLiteral("h7"), {}});
            seeds << encodeFrame(ConversationList{}, {QStringLiteral("h8"), {}});
        }
        const QList<QByteArray> chunkSeeds = {
            encodeChunk({ChunkKind::Upload, QStringLiteral("up-1"), 0, QByteArray(64, 'x')}),
            encodeChunk({ChunkKind::Download, QStringLiteral("att.9"), 5, QByteArray(100, 'y')})};

        // The hostile crowd. Kinds rotate; each sends a bounded number of frames on a timer.
        enum Kind { MutantsAnon, MutantsSignedIn, RandomText, Oversized, BinaryGarbage, Raw };
        static const char *const kindNames[] = {
            "mutants (not signed in)", "mutants (signed in)", "random text", "oversized",
            "binary garbage",          "raw framing"};
        //! One connection of a hostile slot; a slot whose connection was closed opens another.
        struct Conn {
            std::unique_ptr<TestClient> client;
            Record record;
            bool resumed = false;
        };
        struct Hostile {
            Kind kind;
            std::vector<Conn> conns;
            std::unique_ptr<RawPeer> raw;
            Record rawRecord;
            int quota = 0; //!< frames left for the slot, over all its connections
            QString token;
        };
        constexpr int kConnectionsPerSlot = 12;
        std::vector<Hostile> crowd(kHostile);
        QRandomGenerator rng(20240611);
        for (int i = 0; i < kHostile; ++i) {
            Hostile &x = crowd[size_t(i)];
            x.kind = Kind(i % 6);
            const QString name = QString::fromLatin1(kindNames[x.kind]) + QStringLiteral(" #%1").arg(i);
            x.rawRecord.kind = name;
            if (x.kind == Raw) {
                static const RawPeer::Mode modes[] = {RawPeer::Mode::HalfFrame, RawPeer::Mode::BadUtf8,
                                                      RawPeer::Mode::Unmasked, RawPeer::Mode::HalfHandshake,
                                                      RawPeer::Mode::HalfFrame};
                x.raw = std::make_unique<RawPeer>(modes[(i / 6) % 5], h.server().port());
                continue;
            }
            Conn first;
            first.client = std::make_unique<TestClient>();
            first.record.kind = name + QStringLiteral(".0");
            QVERIFY(first.client->open(h.server().url()));
            if (x.kind == MutantsSignedIn || (x.kind == BinaryGarbage && i % 12 == 4)) {
                QVERIFY(first.client->signUp(QStringLiteral("hostile%1").arg(i)));
                x.token = first.client->token();
            }
            first.resumed = true;
            x.conns.push_back(std::move(first));
            x.quota = x.kind == Oversized ? 36 : 200;
        }

        const auto sendHostile = [&](Hostile &x) {
            if (x.conns.empty() || x.quota <= 0)
                return;
            Conn &c = x.conns.back();
            if (c.client->socket().state() == QAbstractSocket::UnconnectedState) {
                // Closed by the server: come back on a new connection (bounded per slot).
                if (x.conns.size() >= size_t(kConnectionsPerSlot))
                    return;
                Conn next;
                next.client = std::make_unique<TestClient>();
                next.record.kind = c.record.kind.section(u'.', 0, 0) + u'.' + QString::number(x.conns.size());
                next.client->socket().open(QUrl(h.server().url()));
                next.resumed = x.token.isEmpty();
                x.conns.push_back(std::move(next));
                return;
            }
            if (!c.client->isConnected())
                return;
            --x.quota;
            Record &record = c.record;
            QWebSocket &ws = c.client->socket();
            if (!c.resumed) { // signed-in kinds sign in again with their token
                c.resumed = true;
                ws.sendTextMessage(QString::fromUtf8(
                    encodeFrame(AuthResume{x.token, QStringLiteral("h")}, {QStringLiteral("resume"), {}})));
                ++record.textSent;
                return;
            }
            switch (x.kind) {
            case MutantsAnon:
            case MutantsSignedIn:
                ws.sendTextMessage(QString::fromUtf8(mutate(seeds[rng.bounded(int(seeds.size()))], rng)));
                ++record.textSent;
                break;
            case RandomText: {
                QByteArray junk(1 + rng.bounded(400), Qt::Uninitialized);
                for (char &byte : junk)
                    byte = char(rng.bounded(256));
                ws.sendTextMessage(QString::fromUtf8(junk)); // invalid bytes become U+FFFD: still valid UTF-8
                ++record.textSent;
                break;
            }
            case Oversized: // over max_frame_bytes: TOO_LARGE; the last, over twice that: close 1009
                ws.sendTextMessage(
                    QString(x.quota % 12 == 0 ? 400 * 1024 : 70 * 1024 + rng.bounded(1000), u'{'));
                ++record.textSent;
                break;
            case BinaryGarbage: {
                QByteArray bytes = rng.bounded(2) ? mutate(chunkSeeds[rng.bounded(2)], rng)
                                                  : QByteArray(1 + rng.bounded(300), '\0');
                if (bytes.isEmpty())
                    bytes = QByteArray(1, '\x01');
                for (qsizetype k = 0; k < bytes.size() && rng.bounded(2); ++k)
                    bytes[k] = char(rng.bounded(256));
                ws.sendBinaryMessage(bytes);
                ++record.binarySent;
                break;
            }
            case Raw:
                break;
            }
        };

        // The calm pair: one message each every kGoodIntervalMs, sent without waiting.
        QHash<QString, qint64> sentAt; // body -> when
        QHash<QString, qint64> arrivedAt;
        QStringList minaIds, joonIds, minaBodies, joonBodies;
        QElapsedTimer clock;
        clock.start();
        const auto watchArrivals = [&](TestClient &receiver, const QString &fromPrefix) {
            connect(&receiver.socket(), &QWebSocket::textMessageReceived, &receiver,
                    [&, fromPrefix](const QString &text) {
                        if (!text.contains(fromPrefix))
                            return;
                        const auto decoded = decodeFrame(text.toUtf8(), field::kMaxServerFrameBytes);
                        if (!decoded.ok())
                            return;
                        const auto *e = std::get_if<Event>(&decoded->frame);
                        if (e && e->message && e->message->body.startsWith(fromPrefix) &&
                            !arrivedAt.contains(e->message->body))
                            arrivedAt.insert(e->message->body, clock.elapsed());
                    });
        };
        watchArrivals(*joon, QStringLiteral("from-mina-"));
        watchArrivals(*mina, QStringLiteral("from-joon-"));
        int goodSent = 0;
        QTimer goodTimer;
        goodTimer.setInterval(kGoodIntervalMs);
        connect(&goodTimer, &QTimer::timeout, this, [&] {
            if (goodSent >= kGoodMessages)
                return goodTimer.stop();
            for (auto [client, ids, bodies, prefix] :
                 {std::tuple{mina.get(), &minaIds, &minaBodies, QStringLiteral("from-mina-")},
                  std::tuple{joon.get(), &joonIds, &joonBodies, QStringLiteral("from-joon-")}}) {
                MessageSend s;
                s.conversationId = room;
                s.body = prefix + QString::number(goodSent);
                s.clientId = s.body;
                sentAt.insert(s.body, clock.elapsed());
                *ids << client->send(s);
                *bodies << s.body;
            }
            ++goodSent;
        });
        QTimer hostileTimer;
        hostileTimer.setInterval(25);
        connect(&hostileTimer, &QTimer::timeout, this, [&] {
            for (Hostile &x : crowd)
                for (int n = 0; n < 2; ++n)
                    sendHostile(x);
        });
        goodTimer.start();
        hostileTimer.start();

        // Run until the calm pair sent everything and the crowd used its quota (bounded).
        const auto crowdDone = [&] {
            return std::all_of(crowd.begin(), crowd.end(), [](const Hostile &x) {
                return x.conns.empty() || x.quota <= 0 ||
                       (x.conns.size() >= size_t(kConnectionsPerSlot) &&
                        !x.conns.back().client->isConnected());
            });
        };
        QTRY_VERIFY_WITH_TIMEOUT(goodSent >= kGoodMessages && crowdDone(), 90000);
        hostileTimer.stop();

        // Every calm message was acked ...
        for (const auto &[client, ids] : {std::pair{mina.get(), &minaIds}, std::pair{joon.get(), &joonIds}}) {
            for (const QString &id : std::as_const(*ids)) {
                const Frame ack = client->waitForReply(id, 30000);
                QVERIFY2(std::holds_alternative<MessageSent>(ack),
                         qPrintable(id + u' ' + TestClient::describe(ack)));
            }
        }
        // ... and arrived exactly once, in order, at both members; the room's seqs have no gaps.
        for (TestClient *member : {mina.get(), joon.get()})
            QVERIFY(member->waitForEvents(room, 2 * kGoodMessages, 30000));
        QTest::qWait(300); // anything doubled would arrive now
        QList<qint64> seqsMina, seqsJoon;
        for (const auto &[member, seqs] :
             {std::pair{mina.get(), &seqsMina}, std::pair{joon.get(), &seqsJoon}}) {
            QStringList fromMina, fromJoon;
            for (const Event &e : member->events(room)) {
                *seqs << e.seq;
                if (!e.message)
                    continue;
                if (e.message->body.startsWith(QLatin1StringView("from-mina-")))
                    fromMina << e.message->body;
                else if (e.message->body.startsWith(QLatin1StringView("from-joon-")))
                    fromJoon << e.message->body;
                else
                    QFAIL(qPrintable(QStringLiteral("a message nobody calm sent: ") +
                                     e.message->body.left(100)));
            }
            QCOMPARE(fromMina, minaBodies);
            QCOMPARE(fromJoon, joonBodies);
            for (qsizetype i = 1; i < seqs->size(); ++i)
                QCOMPARE(seqs->at(i), seqs->at(i - 1) + 1);
        }
        QCOMPARE(seqsMina, seqsJoon);

        // Every hostile frame got a reply, or the connection a documented close. Raw peers wait for
        // the auth deadline (half-sent frames, half handshakes) first.
        const QList<int> documented = {int(CloseCode::ProtocolError),
                                       1007,
                                       int(CloseCode::TooBig),
                                       int(CloseCode::AuthTimeout),
                                       int(CloseCode::TooManyErrors),
                                       int(CloseCode::SessionRevoked),
                                       int(CloseCode::TooManyConnections)};
        QTRY_VERIFY_WITH_TIMEOUT(std::all_of(crowd.begin(), crowd.end(),
                                             [](const Hostile &x) { return !x.raw || x.raw->finished(); }),
                                 kAuthTimeoutMs + 15000);
        QStringList failures;
        QMap<QString, int> outcomes;
        int connections = 0, textFrames = 0, binaryFrames = 0, replies = 0;
        const auto account = [&](const Record &r, bool ok) {
            if (!ok)
                failures << r.describe();
            qInfo().noquote() << r.describe();
            ++outcomes[r.closeCode == -1 ? QStringLiteral("open") : QString::number(r.closeCode)];
            ++connections;
            textFrames += r.textSent;
            binaryFrames += r.binarySent;
            replies += r.replies;
        };
        for (Hostile &x : crowd) {
            if (x.raw) {
                Record &r = x.rawRecord;
                r.textSent = x.raw->framesSent();
                r.replies = x.raw->textsReceived();
                r.closeCode = x.raw->closeCode();
                r.note = x.raw->upgraded() ? QString() : QStringLiteral("(dropped during the handshake)");
                // A half handshake is dropped by the handshake timeout: no WebSocket, so no close code.
                account(r, x.raw->upgraded() ? documented.contains(r.closeCode) : x.raw->finished());
                continue;
            }
            for (Conn &c : x.conns) {
                Record &r = c.record;
                const int sent = r.textSent + r.binarySent;
                // An open connection must answer everything it was sent (bounded wait).
                (void)QTest::qWaitFor(
                    [&] { return !c.client->isConnected() || countReplies(*c.client) >= sent; }, 20000);
                r.replies = countReplies(*c.client);
                r.closeCode = c.client->isConnected() ? -1 : c.client->closeCode();
                account(r, c.client->isConnected() ? r.replies >= sent : documented.contains(r.closeCode));
            }
        }
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join(u'\n')));
        QVERIFY(h.server().isRunning());
        QVERIFY(std::holds_alternative<Conversations>(mina->request(ConversationList{})));

        QList<qint64> latencies;
        for (auto it = sentAt.cbegin(); it != sentAt.cend(); ++it) {
            if (arrivedAt.contains(it.key()))
                latencies << arrivedAt.value(it.key()) - it.value();
        }
        QString summary;
        for (auto it = outcomes.cbegin(); it != outcomes.cend(); ++it)
            summary += QStringLiteral(" %1×%2").arg(it.value()).arg(it.key());
        qDebug().noquote() << QStringLiteral(
                                  "%1 hostile connections sent %2 text and %3 binary frames, got %4 replies")
                                  .arg(connections)
                                  .arg(textFrames)
                                  .arg(binaryFrames)
                                  .arg(replies);
        qDebug().noquote() << "hostile connections by outcome (close code or open):" << summary;
        qDebug().noquote()
            << QStringLiteral("calm delivery latency under attack (ms, %1 messages): p50 %2, p95 %3, max %4")
                   .arg(latencies.size())
                   .arg(percentile(latencies, 0.5), percentile(latencies, 0.95), percentile(latencies, 1.0));
    }
};

QTEST_GUILESS_MAIN(TestHostile)
#include "tst_hostile.moc"

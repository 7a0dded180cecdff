// Typing, presence and markers between real clients (DESIGN.md invariants 6 and 7).
#include "harness.h"

using namespace confab::protocol;
using namespace confab::test;

namespace {
bool isTyping(const Frame &f, const QString &memberId, bool active)
{
    const auto *t = std::get_if<TypingUpdate>(&f);
    return t && t->memberId == memberId && t->active == active;
}
bool isPresence(const Frame &f, const QString &userId, PresenceStatus status)
{
    const auto *p = std::get_if<PresenceUpdate>(&f);
    return p && p->userId == userId && p->status == status;
}
QString group(TestClient &owner, const QList<QString> &members, ConversationKind kind = ConversationKind::Group)
{
    return std::get<ConversationDetail>(owner.request(ConversationCreate{kind, QStringLiteral("live"), members}))
        .conversation.id;
}
} // namespace

class TestLive : public QObject {
    Q_OBJECT
private slots:
    void initTestCase_data() { addBackendRows(); }

    void typingAppearsAndExpires()
    {
        CONFAB_START_HARNESS(h, {{QStringLiteral("limits/typing_expire_ms"), QStringLiteral("1000")}});
        auto mina = h.client(QStringLiteral("mina"));
        auto joon = h.client(QStringLiteral("joon"));
        QVERIFY(mina && joon);
        const QString room = group(*mina, {joon->userId()});
        QVERIFY(std::holds_alternative<Ok>(mina->request(Typing{room, true})));
        QVERIFY(joon->waitForPushed([&](const Frame &f) { return isTyping(f, mina->userId(), true); }));
        // Without a refresh it ends by itself.
        QVERIFY(joon->waitForPushed([&](const Frame &f) { return isTyping(f, mina->userId(), false); }, 5000));
        // An explicit stop is relayed; a stop for someone who was not typing is not.
        joon->clearPushed();
        QVERIFY(std::holds_alternative<Ok>(mina->request(Typing{room, true})));
        QVERIFY(std::holds_alternative<Ok>(mina->request(Typing{room, false})));
        QVERIFY(joon->waitForPushed([&](const Frame &f) { return isTyping(f, mina->userId(), false); }));
        // Typing is never part of the log.
        const History history = std::get<History>(joon->request(HistoryRequest{room, {}, {}, 100}));
        QCOMPARE(history.events.last().kind, EventKind::MemberAdded);
    }

    void typingEndsWhenTheTyperGoesOffline()
    {
        CONFAB_START_HARNESS(h, {});
        auto mina = h.client(QStringLiteral("mina"));
        auto joon = h.client(QStringLiteral("joon"));
        QVERIFY(mina && joon);
        const QString room = group(*mina, {joon->userId()});
        QVERIFY(std::holds_alternative<Ok>(mina->request(Typing{room, true})));
        QVERIFY(joon->waitForPushed([&](const Frame &f) { return isTyping(f, mina->userId(), true); }));
        mina->socket().abort(); // a crash or a pulled cable, not a polite close
        QVERIFY(joon->waitForPushed([&](const Frame &f) { return isTyping(f, mina->userId(), false); }, 5000));
    }

    void presenceFollowsSessions()
    {
        CONFAB_START_HARNESS(h, {});
        auto mina = h.client(QStringLiteral("mina"));
        auto joon = h.client(QStringLiteral("joon"));
        auto stranger = h.client(QStringLiteral("stranger"));
        QVERIFY(mina && joon && stranger);
        group(*mina, {joon->userId()});
        // A second device of Joon's signs in: Mina already sees him online (no change, no frame needed),
        // and the new device learns Mina's presence at sign-in.
        TestClient joonPhone;
        QVERIFY(joonPhone.open(h.server().url()));
        QVERIFY(joonPhone.signIn(QStringLiteral("joon")));
        QVERIFY(joonPhone.waitForPushed([&](const Frame &f) { return isPresence(f, mina->userId(), PresenceStatus::Online); }));

        // Away only when every device is away.
        QVERIFY(std::holds_alternative<Ok>(joon->request(PresenceSet{PresenceStatus::Away})));
        QTest::qWait(200);
        for (const Frame &f : mina->pushed())
            QVERIFY(!isPresence(f, joon->userId(), PresenceStatus::Away));
        QVERIFY(std::holds_alternative<Ok>(joonPhone.request(PresenceSet{PresenceStatus::Away})));
        QVERIFY(mina->waitForPushed([&](const Frame &f) { return isPresence(f, joon->userId(), PresenceStatus::Away); }));

        joon->close();
        joonPhone.close();
        QVERIFY(mina->waitForPushed([&](const Frame &f) {
            const auto *p = std::get_if<PresenceUpdate>(&f);
            return p && p->userId == joon->userId() && p->status == PresenceStatus::Offline && p->lastSeen.value_or(0) > 0;
        }));
        // Someone who shares no conversation hears nothing.
        for (const Frame &f : stranger->pushed()) {
            const auto *p = std::get_if<PresenceUpdate>(&f);
            QVERIFY(!p || p->userId == stranger->userId()); // only about themselves
        }
        QVERIFY(TestClient::isError(mina->request(PresenceSet{PresenceStatus::Offline}), ErrorCode::Invalid));
    }

    void presenceIsPerConnection()
    {
        CONFAB_START_HARNESS(h, {});
        auto mina = h.client(QStringLiteral("mina"));
        auto joon = h.client(QStringLiteral("joon"));
        QVERIFY(mina && joon);
        group(*mina, {joon->userId()});
        // A second window (or a client that reconnected before its old connection timed out):
        // the same session token on a second connection.
        TestClient minaWindow;
        QVERIFY(minaWindow.open(h.server().url()));
        QVERIFY(std::holds_alternative<AuthOk>(minaWindow.request(AuthResume{mina->token(), {}})));
        const auto minaOffline = [&](const Frame &f) { return isPresence(f, mina->userId(), PresenceStatus::Offline); };

        // Closing one of them tells no one anything: Mina is still connected. (The server handles the
        // close before the socket is gone on this side, so Joon's next reply comes after any push it made.)
        joon->clearPushed();
        mina->close();
        QVERIFY(std::holds_alternative<Sessions>(joon->request(AuthSessions{})));
        QVERIFY(std::none_of(joon->pushed().cbegin(), joon->pushed().cend(), minaOffline));
        // Someone signing in now is told she is online.
        TestClient joonLaptop;
        QVERIFY(joonLaptop.open(h.server().url()));
        QVERIFY(joonLaptop.signIn(QStringLiteral("joon")));
        QVERIFY(joonLaptop.waitForPushed([&](const Frame &f) { return isPresence(f, mina->userId(), PresenceStatus::Online); }));

        // Closing the last one: offline, exactly once, to each of Joon's connections.
        minaWindow.close();
        QVERIFY(joon->waitForPushed(minaOffline));
        QVERIFY(joonLaptop.waitForPushed(minaOffline));
        QVERIFY(std::holds_alternative<Sessions>(joon->request(AuthSessions{})));
        QCOMPARE(std::count_if(joon->pushed().cbegin(), joon->pushed().cend(), minaOffline), 1);
    }

    void blindRoomsCarryNoPresence()
    {
        CONFAB_START_HARNESS(h, {});
        auto mina = h.client(QStringLiteral("mina"));
        auto joon = h.client(QStringLiteral("joon"));
        QVERIFY(mina && joon);
        group(*mina, {joon->userId()}, ConversationKind::Blind);
        TestClient joon2;
        QVERIFY(joon2.open(h.server().url()));
        QVERIFY(joon2.signIn(QStringLiteral("joon")));
        joon->close();
        joon2.close();
        QTest::qWait(300);
        for (const QString &raw : mina->rawTexts())
            QVERIFY2(!raw.contains(joon->userId()), qPrintable(raw));
    }

    void markersReachEveryDeviceAndNeverGoBack()
    {
        CONFAB_START_HARNESS(h, {});
        auto mina = h.client(QStringLiteral("mina"));
        auto joon = h.client(QStringLiteral("joon"));
        QVERIFY(mina && joon);
        TestClient minaLaptop;
        QVERIFY(minaLaptop.open(h.server().url()));
        QVERIFY(minaLaptop.signIn(QStringLiteral("mina")));
        const QString room = group(*joon, {mina->userId()});
        MessageSend s;
        s.conversationId = room;
        s.body = QStringLiteral("hi");
        qint64 last = 0;
        for (int i = 0; i < 3; ++i) {
            s.clientId = QStringLiteral("m%1").arg(i);
            last = std::get<MessageSent>(joon->request(s)).message.seq;
        }
        // Reading on the phone clears the badge on the laptop.
        QVERIFY(std::holds_alternative<Ok>(mina->request(Receipt{room, ReceiptKind::Read, last})));
        QVERIFY(minaLaptop.waitForPushed([&](const Frame &f) {
            const auto *m = std::get_if<MarkerUpdate>(&f);
            return m && m->memberId == mina->userId() && m->readSeq == last;
        }));
        QCOMPARE(std::get<ConversationDetail>(minaLaptop.request(ConversationGet{room})).conversation.unread, 0);
        QVERIFY(joon->waitForPushed([&](const Frame &f) {
            const auto *m = std::get_if<MarkerUpdate>(&f);
            return m && m->memberId == mina->userId() && m->readSeq == last;
        }));
        // An older receipt from a slow device changes nothing and tells no one.
        joon->clearPushed();
        QVERIFY(std::holds_alternative<Ok>(minaLaptop.request(Receipt{room, ReceiptKind::Read, 1})));
        QVERIFY(std::holds_alternative<Ok>(minaLaptop.request(Receipt{room, ReceiptKind::Delivered, 2})));
        QTest::qWait(200);
        for (const Frame &f : joon->pushed())
            QVERIFY(!std::holds_alternative<MarkerUpdate>(f));
    }

    void privateReceiptsKeepUnreadCountsButTellNoOne()
    {
        CONFAB_START_HARNESS(h, {});
        auto mina = h.client(QStringLiteral("mina"));
        auto joon = h.client(QStringLiteral("joon"));
        QVERIFY(mina && joon);
        TestClient minaLaptop;
        QVERIFY(minaLaptop.open(h.server().url()));
        QVERIFY(minaLaptop.signIn(QStringLiteral("mina")));
        const QString room = group(*joon, {mina->userId()});
        const auto isMarker = [](const Frame &f, const QString &memberId, qint64 delivered, qint64 read) {
            const auto *m = std::get_if<MarkerUpdate>(&f);
            return m && m->memberId == memberId && m->deliveredSeq == delivered && m->readSeq == read;
        };
        MessageSend s;
        s.conversationId = room;
        s.body = QStringLiteral("hi");
        s.clientId = QStringLiteral("first");
        const qint64 first = std::get<MessageSent>(joon->request(s)).message.seq;
        // Read while public: Joon sees it.
        QVERIFY(std::holds_alternative<Ok>(mina->request(Receipt{room, ReceiptKind::Read, first})));
        QVERIFY(joon->waitForPushed([&](const Frame &f) { return isMarker(f, mina->userId(), first, first); }));

        // Going private reaches every device of Mina's, this one included.
        QVERIFY(std::holds_alternative<Ok>(mina->request(SettingsSet{AccountSettings{true}})));
        const auto isPrivate = [](const Frame &f) {
            const auto *u = std::get_if<SettingsUpdate>(&f);
            return u && u->settings.receiptsPrivate;
        };
        QVERIFY(mina->waitForPushed(isPrivate));
        QVERIFY(minaLaptop.waitForPushed(isPrivate));

        s.clientId = QStringLiteral("second");
        const qint64 second = std::get<MessageSent>(joon->request(s)).message.seq;
        joon->clearPushed();
        QVERIFY(std::holds_alternative<Ok>(mina->request(Receipt{room, ReceiptKind::Read, second})));
        // Mina's laptop learns the full marker: its badge clears.
        QVERIFY(minaLaptop.waitForPushed([&](const Frame &f) { return isMarker(f, mina->userId(), second, second); }));
        QCOMPARE(std::get<ConversationDetail>(minaLaptop.request(ConversationGet{room})).conversation.unread, 0);
        // Joon learns that it was delivered, not that it was read.
        QVERIFY(joon->waitForPushed([&](const Frame &f) { return isMarker(f, mina->userId(), second, first); }));
        for (const Frame &f : joon->pushed()) {
            const auto *m = std::get_if<MarkerUpdate>(&f);
            QVERIFY(!m || m->readSeq <= first);
        }
        // Nor from the conversation's details, nor after signing in again.
        const auto readSeqOf = [](const ConversationDetail &detail, const QString &memberId) {
            for (const MarkerInfo &m : detail.markers) {
                if (m.memberId == memberId)
                    return m.readSeq;
            }
            return qint64(-1);
        };
        QCOMPARE(readSeqOf(std::get<ConversationDetail>(joon->request(ConversationGet{room})), mina->userId()), first);
        QCOMPARE(readSeqOf(std::get<ConversationDetail>(mina->request(ConversationGet{room})), mina->userId()), second);
        TestClient minaAgain;
        QVERIFY(minaAgain.open(h.server().url()));
        QVERIFY(minaAgain.signIn(QStringLiteral("mina")));
        QVERIFY(minaAgain.lastAuth().settings.receiptsPrivate);

        // Public again: the next read is shown; nothing read meanwhile is published after the fact.
        QVERIFY(std::holds_alternative<Ok>(mina->request(SettingsSet{AccountSettings{false}})));
        s.clientId = QStringLiteral("third");
        const qint64 third = std::get<MessageSent>(joon->request(s)).message.seq;
        QVERIFY(std::holds_alternative<Ok>(mina->request(Receipt{room, ReceiptKind::Read, third})));
        QVERIFY(joon->waitForPushed([&](const Frame &f) { return isMarker(f, mina->userId(), third, third); }));
    }
};

QTEST_GUILESS_MAIN(TestLive)
#include "tst_live.moc"

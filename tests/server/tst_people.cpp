// The people around a user, against a real server on SQLite and PostgreSQL: profiles (display name
// and status) reaching conversation partners live and through sync, never through blind rooms.
#include "harness.h"

using namespace confab::protocol;
using namespace confab::test;

namespace {
std::function<bool(const Frame &)> updateOf(const QString &userId, const QString &name)
{
    return [userId, name](const Frame &f) {
        const auto *u = std::get_if<UserUpdated>(&f);
        return u && u->user.id == userId && u->user.name == name;
    };
}

bool sawUpdate(const TestClient &c)
{
    return std::any_of(c.pushed().begin(), c.pushed().end(),
                       [](const Frame &f) { return std::holds_alternative<UserUpdated>(f); });
}

std::optional<MemberInfo> memberOf(TestClient &c, const QString &conversationId, const QString &userId)
{
    const Frame reply = c.request(ConversationGet{conversationId});
    if (const auto *detail = std::get_if<ConversationDetail>(&reply)) {
        for (const MemberInfo &m : detail->members) {
            if (m.id == userId)
                return m;
        }
    }
    return std::nullopt;
}

QString directWith(TestClient &c, const QString &userId)
{
    const Frame reply = c.request(ConversationCreate{ConversationKind::Direct, {}, {userId}});
    const auto *detail = std::get_if<ConversationDetail>(&reply);
    return detail ? detail->conversation.id : QString();
}
} // namespace

class TestPeople : public QObject {
    Q_OBJECT
private slots:
    void initTestCase_data() { addBackendRows(); }

    void profileChangeReachesPartnersLive()
    {
        CONFAB_START_HARNESS(h, {});
        auto mina = h.client(QStringLiteral("mina"));
        auto joon = h.client(QStringLiteral("joon"));
        auto sora = h.client(QStringLiteral("sora")); // shares nothing with Mina
        QVERIFY(mina && joon && sora);
        TestClient minaPhone;
        QVERIFY(minaPhone.open(h.server().url()) && minaPhone.signIn(QStringLiteral("mina")));
        const QString direct = directWith(*mina, joon->userId());
        QVERIFY(!direct.isEmpty());

        const QString name = QStringLiteral("Mina Park 🌸");
        const QString status = QStringLiteral("In meetings until 3");
        const Frame reply = mina->request(AccountProfile{name, status});
        QVERIFY2(std::holds_alternative<Ok>(reply), qPrintable(TestClient::describe(reply)));

        // Live: the partner and my other device; not a stranger.
        QVERIFY(joon->waitForPushed(updateOf(mina->userId(), name)));
        QVERIFY(minaPhone.waitForPushed(updateOf(mina->userId(), name)));
        const auto update = std::find_if(joon->pushed().begin(), joon->pushed().end(), updateOf(mina->userId(), name));
        QCOMPARE(std::get<UserUpdated>(*update).user.status, std::optional(status));
        QCOMPARE(std::get<UserUpdated>(*update).user.username, QStringLiteral("mina"));
        QVERIFY(std::holds_alternative<Conversations>(sora->request(ConversationList{}))); // a round trip first
        QVERIFY(!sawUpdate(*sora));

        // What is read afresh shows it too: the member, the direct conversation's title, my sign-in.
        const auto member = memberOf(*joon, direct, mina->userId());
        QVERIFY(member);
        QCOMPARE(member->name, name);
        QCOMPARE(member->status, std::optional(status));
        const Frame list = joon->request(ConversationList{});
        QCOMPARE(std::get<Conversations>(list).conversations.first().title, name);
        TestClient laptop;
        QVERIFY(laptop.open(h.server().url()) && laptop.signIn(QStringLiteral("mina")));
        QCOMPARE(laptop.lastAuth().user.displayName, name);
        QCOMPARE(laptop.lastAuth().user.status, std::optional(status));

        // "" removes the status; the name stays.
        QVERIFY(std::holds_alternative<Ok>(mina->request(AccountProfile{std::nullopt, QString()})));
        QVERIFY(joon->waitForPushed([&](const Frame &f) {
            const auto *u = std::get_if<UserUpdated>(&f);
            return u && u->user.id == mina->userId() && !u->user.status && u->user.name == name;
        }));
    }

    void profileChangeReachesPartnersThroughSync()
    {
        CONFAB_START_HARNESS(h, {});
        auto mina = h.client(QStringLiteral("mina"));
        auto joon = h.client(QStringLiteral("joon"));
        QVERIFY(mina && joon);
        const QString direct = directWith(*mina, joon->userId());
        QVERIFY(!direct.isEmpty());
        const Frame before = joon->request(SyncRequest{{{direct, 1}}, 0});
        QVERIFY2(std::holds_alternative<SyncResult>(before), qPrintable(TestClient::describe(before)));
        const qint64 seen = std::get<SyncResult>(before).serverTime;
        QVERIFY(std::get<SyncResult>(before).users.isEmpty()); // nobody changed anything yet
        joon->close();

        QVERIFY(std::holds_alternative<Ok>(mina->request(AccountProfile{QStringLiteral("Mina P."), QStringLiteral("Away")})));
        TestClient back;
        QVERIFY(back.open(h.server().url()) && back.signIn(QStringLiteral("joon")));
        const Frame after = back.request(SyncRequest{{{direct, 1}}, seen});
        const auto *result = std::get_if<SyncResult>(&after);
        QVERIFY2(result, qPrintable(TestClient::describe(after)));
        QCOMPARE(result->users.size(), 1);
        QCOMPARE(result->users.first().id, mina->userId());
        QCOMPARE(result->users.first().name, QStringLiteral("Mina P."));
        QCOMPARE(result->users.first().status, std::optional(QStringLiteral("Away")));
        // Asked again from this sync's time: nothing new. Without profiles_since: none at all.
        const Frame again = back.request(SyncRequest{{{direct, 1}}, result->serverTime});
        QVERIFY(std::get<SyncResult>(again).users.isEmpty());
        QVERIFY(std::get<SyncResult>(back.request(SyncRequest{{{direct, 1}}})).users.isEmpty());
    }

    void profileRefusals()
    {
        CONFAB_START_HARNESS(h, {});
        auto mina = h.client(QStringLiteral("mina"));
        QVERIFY(mina);
        const auto refused = [&](const AccountProfile &request, ErrorCode code, const QString &field) {
            const Frame reply = mina->request(request);
            const auto *e = std::get_if<Error>(&reply);
            if (!e || e->code != code || e->field != std::optional(field)) {
                qWarning().noquote() << TestClient::describe(reply);
                return false;
            }
            return true;
        };
        QVERIFY(refused(AccountProfile{QStringLiteral("\u202Egnp.exe Admin"), std::nullopt}, ErrorCode::Invalid,
                        QStringLiteral("display_name")));
        QVERIFY(refused(AccountProfile{QStringLiteral("   "), std::nullopt}, ErrorCode::Invalid, QStringLiteral("display_name")));
        QVERIFY(refused(AccountProfile{QString(), std::nullopt}, ErrorCode::Invalid, QStringLiteral("display_name")));
        QVERIFY(refused(AccountProfile{std::nullopt, QString(101, u'x')}, ErrorCode::TooLarge, QStringLiteral("status")));
        QVERIFY(refused(AccountProfile{std::nullopt, QStringLiteral("a\u200Bb")}, ErrorCode::Invalid, QStringLiteral("status")));
        QVERIFY(refused(AccountProfile{std::nullopt, QStringLiteral("two\nlines")}, ErrorCode::Invalid, QStringLiteral("status")));
        QVERIFY(refused(AccountProfile{}, ErrorCode::Invalid, QStringLiteral("display_name")));
        // Nothing changed.
        TestClient laptop;
        QVERIFY(laptop.open(h.server().url()) && laptop.signIn(QStringLiteral("mina")));
        QCOMPARE(laptop.lastAuth().user.displayName, QStringLiteral("Mina"));
        QVERIFY(!laptop.lastAuth().user.status);
    }
};

QTEST_GUILESS_MAIN(TestPeople)
#include "tst_people.moc"

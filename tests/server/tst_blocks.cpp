// Blocking, against a real server on SQLite and PostgreSQL: the blocked person cannot start a
// direct conversation with the blocker nor add them to a group, is refused exactly like for an
// unknown account, and is told nothing; messages keep flowing (the blocker's client collapses them);
// the list reaches the blocker's other devices; blind rooms' aliases cannot be blocked.
#include "harness.h"

using namespace confab::protocol;
using namespace confab::test;

namespace {
std::optional<Error> errorOf(const Frame &reply)
{
    if (const auto *e = std::get_if<Error>(&reply))
        return *e;
    qWarning().noquote() << "not an error:" << TestClient::describe(reply);
    return std::nullopt;
}

//! The refusal with the user's id taken out, for comparing two refusals about different users.
QString withoutId(const Error &e, const QString &userId)
{
    QString text = e.message;
    return text.replace(userId, QStringLiteral("<id>")) + u'|' + e.field.value_or(QString()) + u'|' +
           errorCodeName(e.code);
}

QString create(TestClient &c, ConversationKind kind, const QList<QString> &members)
{
    const Frame reply = c.request(ConversationCreate{kind, QStringLiteral("Team"), members});
    const auto *detail = std::get_if<ConversationDetail>(&reply);
    return detail ? detail->conversation.id : QString();
}

bool block(TestClient &c, const QString &userId, bool blocked = true)
{
    const Frame reply = c.request(AccountBlock{userId, blocked});
    if (!std::holds_alternative<Ok>(reply))
        qWarning().noquote() << TestClient::describe(reply);
    return std::holds_alternative<Ok>(reply);
}

QList<QString> blockedIds(TestClient &c)
{
    QList<QString> ids;
    const Frame reply = c.request(BlocksList{});
    if (const auto *list = std::get_if<Blocks>(&reply)) {
        for (const ProfileInfo &p : list->users)
            ids.append(p.id);
    }
    return ids;
}
} // namespace

class TestBlocks : public QObject {
    Q_OBJECT
private slots:
    void initTestCase_data() { addBackendRows(); }

    void blockedPersonCannotReachMeAndIsNotTold()
    {
        CONFAB_START_HARNESS(h, {});
        auto mina = h.client(QStringLiteral("mina"));
        auto joon = h.client(QStringLiteral("joon"));
        auto sora = h.client(QStringLiteral("sora"));
        QVERIFY(mina && joon && sora);
        const QString group = create(*joon, ConversationKind::Group, {sora->userId()});
        QVERIFY(!group.isEmpty());
        QVERIFY(block(*mina, joon->userId()));

        // A direct conversation: refused like an unknown account, same code, field and words.
        const auto direct = errorOf(joon->request(ConversationCreate{ConversationKind::Direct, {}, {mina->userId()}}));
        QVERIFY(direct);
        const QString nobody = QStringLiteral("u_nobody");
        const auto unknown = errorOf(joon->request(ConversationCreate{ConversationKind::Direct, {}, {nobody}}));
        QVERIFY(unknown);
        QCOMPARE(direct->code, ErrorCode::NotFound);
        QCOMPARE(withoutId(*direct, mina->userId()), withoutId(*unknown, nobody));

        // A new group with me in it, or me added to one: the same.
        const auto newGroup = errorOf(joon->request(ConversationCreate{ConversationKind::Group, QStringLiteral("x"),
                                                                       {sora->userId(), mina->userId()}}));
        QVERIFY(newGroup);
        QCOMPARE(withoutId(*newGroup, mina->userId()), withoutId(*unknown, nobody));
        const auto added = errorOf(joon->request(MembersAdd{group, {mina->userId()}}));
        QVERIFY(added);
        const auto addedUnknown = errorOf(joon->request(MembersAdd{group, {nobody}}));
        QVERIFY(addedUnknown);
        QCOMPARE(added->code, ErrorCode::NotFound);
        QCOMPARE(withoutId(*added, mina->userId()), withoutId(*addedUnknown, nobody));
        // A blind room too.
        const auto blind = errorOf(joon->request(ConversationCreate{ConversationKind::Blind, {}, {sora->userId(), mina->userId()}}));
        QVERIFY(blind);
        QCOMPARE(blind->code, ErrorCode::NotFound);

        // Nothing was made, and nothing the blocked person received speaks of the block.
        QCOMPARE(std::get<Conversations>(mina->request(ConversationList{})).conversations.size(), 0);
        for (const Frame &f : joon->pushed())
            QVERIFY2(!std::holds_alternative<Blocks>(f), qPrintable(TestClient::describe(f)));

        // Others still reach me.
        QVERIFY(!create(*sora, ConversationKind::Direct, {mina->userId()}).isEmpty());

        // Unblocked, all of it works again.
        QVERIFY(block(*mina, joon->userId(), false));
        QVERIFY(!create(*joon, ConversationKind::Direct, {mina->userId()}).isEmpty());
        QVERIFY(std::holds_alternative<Ok>(joon->request(MembersAdd{group, {mina->userId()}})));
    }

    void blockerStartsNoNewDirectConversationButKeepsAnOldOne()
    {
        CONFAB_START_HARNESS(h, {});
        auto mina = h.client(QStringLiteral("mina"));
        auto joon = h.client(QStringLiteral("joon"));
        auto sora = h.client(QStringLiteral("sora"));
        QVERIFY(mina && joon && sora);
        QVERIFY(block(*mina, joon->userId()));
        const auto mine = errorOf(mina->request(ConversationCreate{ConversationKind::Direct, {}, {joon->userId()}}));
        QVERIFY(mine);
        QCOMPARE(mine->code, ErrorCode::Forbidden); // told to me only, who know it
        // The blocker may still add the blocked person to a group: it is their choice.
        QVERIFY(!create(*mina, ConversationKind::Group, {joon->userId()}).isEmpty());

        // A direct conversation from before the block stays, for both.
        const QString old = create(*sora, ConversationKind::Direct, {joon->userId()});
        QVERIFY(!old.isEmpty());
        QVERIFY(block(*sora, joon->userId()));
        QCOMPARE(create(*joon, ConversationKind::Direct, {sora->userId()}), old);
        QCOMPARE(create(*sora, ConversationKind::Direct, {joon->userId()}), old);
    }

    void messagesOfTheBlockedStillArrive()
    {
        CONFAB_START_HARNESS(h, {});
        auto mina = h.client(QStringLiteral("mina"));
        auto joon = h.client(QStringLiteral("joon"));
        QVERIFY(mina && joon);
        const QString group = create(*mina, ConversationKind::Group, {joon->userId()});
        QVERIFY(!group.isEmpty());
        QVERIFY(block(*mina, joon->userId()));
        const Frame sent = joon->request(textMessage(group, QStringLiteral("cb1"), QStringLiteral("hello")));
        QVERIFY2(std::holds_alternative<MessageSent>(sent), qPrintable(TestClient::describe(sent)));
        QVERIFY(mina->waitForPushed([&](const Frame &f) {
            const auto *e = std::get_if<Event>(&f);
            return e && e->message && e->message->body == QStringLiteral("hello");
        }));
    }

    void listReachesMyDevicesLiveAndAtSignIn()
    {
        CONFAB_START_HARNESS(h, {});
        auto mina = h.client(QStringLiteral("mina"));
        auto joon = h.client(QStringLiteral("joon"));
        auto sora = h.client(QStringLiteral("sora"));
        QVERIFY(mina && joon && sora);
        TestClient phone;
        QVERIFY(phone.open(h.server().url()) && phone.signIn(QStringLiteral("mina")));

        QVERIFY(block(*mina, joon->userId()));
        QVERIFY(block(*mina, sora->userId()));
        QVERIFY(block(*mina, sora->userId())); // again: ok, no change, no push
        QVERIFY(phone.waitForPushed([&](const Frame &f) {
            const auto *b = std::get_if<Blocks>(&f);
            return b && b->users.size() == 2;
        }));
        const auto pushes = std::count_if(phone.pushed().begin(), phone.pushed().end(),
                                          [](const Frame &f) { return std::holds_alternative<Blocks>(f); });
        QCOMPARE(pushes, 2);
        const Frame reply = mina->request(BlocksList{});
        const auto &users = std::get<Blocks>(reply).users;
        QCOMPARE(users.size(), 2);
        QCOMPARE(users.first().username, QStringLiteral("joon")); // by username
        QCOMPARE(users.last().username, QStringLiteral("sora"));

        QVERIFY(block(*mina, joon->userId(), false));
        QVERIFY(phone.waitForPushed([&](const Frame &f) {
            const auto *b = std::get_if<Blocks>(&f);
            return b && b->users.size() == 1 && b->users.first().id == sora->userId();
        }));
        TestClient laptop;
        QVERIFY(laptop.open(h.server().url()) && laptop.signIn(QStringLiteral("mina")));
        QCOMPARE(blockedIds(laptop), QList<QString>{sora->userId()});
        QVERIFY(blockedIds(*joon).isEmpty()); // everyone has their own list
        QVERIFY(block(*mina, joon->userId(), false)); // unblocking who is not blocked: ok
    }

    void refusals()
    {
        CONFAB_START_HARNESS(h, {});
        auto mina = h.client(QStringLiteral("mina"));
        auto joon = h.client(QStringLiteral("joon"));
        auto sora = h.client(QStringLiteral("sora"));
        QVERIFY(mina && joon && sora);
        const auto self = errorOf(mina->request(AccountBlock{mina->userId(), true}));
        QVERIFY(self);
        QCOMPARE(self->code, ErrorCode::Invalid);
        QCOMPARE(self->field, std::optional(QStringLiteral("user_id")));
        const auto unknown = errorOf(mina->request(AccountBlock{QStringLiteral("u_nobody"), true}));
        QVERIFY(unknown);
        QCOMPARE(unknown->code, ErrorCode::NotFound);

        // Blind rooms: an alias is no user id, so it cannot be blocked.
        const Frame made = sora->request(ConversationCreate{ConversationKind::Blind, {}, {mina->userId(), joon->userId()}});
        QVERIFY2(std::holds_alternative<ConversationDetail>(made), qPrintable(TestClient::describe(made)));
        const Frame seen = mina->request(ConversationGet{std::get<ConversationDetail>(made).conversation.id});
        QString alias;
        for (const MemberInfo &m : std::get<ConversationDetail>(seen).members) {
            if (m.id != mina->userId() && m.alias)
                alias = m.id;
        }
        QVERIFY(!alias.isEmpty());
        const auto byAlias = errorOf(mina->request(AccountBlock{alias, true}));
        QVERIFY(byAlias);
        QCOMPARE(byAlias->code, ErrorCode::NotFound);
        QVERIFY(blockedIds(*mina).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestBlocks)
#include "tst_blocks.moc"

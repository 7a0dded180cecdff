// The authorization matrix: every operation on a conversation × {member, non-member,
// unauthenticated, wrong role}, with the reply each must get (DESIGN.md invariant 4).
#include "harness.h"

using namespace confab::protocol;
using namespace confab::test;

namespace {
enum class Expect { Allowed, Unauthorized, NotFound, Forbidden };

const char *name(Expect e)
{
    switch (e) {
    case Expect::Allowed:
        return "allowed";
    case Expect::Unauthorized:
        return "UNAUTHORIZED";
    case Expect::NotFound:
        return "NOT_FOUND";
    case Expect::Forbidden:
        return "FORBIDDEN";
    }
    return "?";
}

bool matches(const Frame &reply, Expect expect)
{
    switch (expect) {
    case Expect::Allowed:
        return reply.index() != 0 && !std::holds_alternative<Error>(reply);
    case Expect::Unauthorized:
        return TestClient::isError(reply, ErrorCode::Unauthorized);
    case Expect::NotFound:
        return TestClient::isError(reply, ErrorCode::NotFound);
    case Expect::Forbidden:
        return TestClient::isError(reply, ErrorCode::Forbidden);
    }
    return false;
}
} // namespace

class TestServerAuthz : public QObject {
    Q_OBJECT
private slots:
    void initTestCase_data() { addBackendRows(); }

    void matrix()
    {
        CONFAB_START_HARNESS(h, {});
        auto owner = h.client(QStringLiteral("owner"));
        auto member = h.client(QStringLiteral("member"));
        auto outsider = h.client(QStringLiteral("outsider"));
        auto extra = h.client(QStringLiteral("extra"));
        QVERIFY(owner && member && outsider && extra);
        TestClient anon;
        QVERIFY(anon.open(h.server().url()));

        // Fresh targets per row, so that allowed operations do not change later rows.
        const auto newGroup = [&] {
            const Frame r = owner->request(ConversationCreate{ConversationKind::Group, QStringLiteral("g"), {member->userId()}});
            return std::get<ConversationDetail>(r).conversation.id;
        };
        const auto newMessage = [&](const QString &c, TestClient &by) {
            static int n = 0;
            MessageSend s;
            s.conversationId = c;
            s.clientId = QStringLiteral("m%1").arg(++n);
            s.body = QStringLiteral("hello");
            return std::get<MessageSent>(by.request(s)).message.id;
        };

        struct Row {
            const char *operation;
            std::function<Frame(TestClient &, const QString &conversation, const QString &ownMessage)> call;
            Expect member, admin, outsider, anonymous; // admin: the wrong role for owner-only operations
        };
        const QString extraId = extra->userId();
        const QString ownerId = owner->userId();
        const QList<Row> rows = {
            {"conversation.get", [](TestClient &c, const QString &id, const QString &) { return c.request(ConversationGet{id}); },
             Expect::Allowed, Expect::Allowed, Expect::NotFound, Expect::Unauthorized},
            {"message.send",
             [](TestClient &c, const QString &id, const QString &) {
                 MessageSend s;
                 s.conversationId = id;
                 s.clientId = QStringLiteral("x-%1").arg(quintptr(&c));
                 s.body = QStringLiteral("hi");
                 return c.request(s);
             },
             Expect::Allowed, Expect::Allowed, Expect::NotFound, Expect::Unauthorized},
            {"message.history",
             [](TestClient &c, const QString &id, const QString &) { return c.request(HistoryRequest{id, {}, {}, 10}); },
             Expect::Allowed, Expect::Allowed, Expect::NotFound, Expect::Unauthorized},
            {"message.edit (another's message)",
             [](TestClient &c, const QString &id, const QString &m) { return c.request(MessageEdit{id, m, QStringLiteral("x")}); },
             Expect::Forbidden, Expect::Forbidden, Expect::NotFound, Expect::Unauthorized},
            {"message.delete (another's message)",
             [](TestClient &c, const QString &id, const QString &m) { return c.request(MessageDelete{id, m}); },
             Expect::Forbidden, Expect::Allowed, Expect::NotFound, Expect::Unauthorized},
            {"message.react",
             [](TestClient &c, const QString &id, const QString &m) { return c.request(MessageReact{id, m, QStringLiteral("🎉"), true}); },
             Expect::Allowed, Expect::Allowed, Expect::NotFound, Expect::Unauthorized},
            {"typing", [](TestClient &c, const QString &id, const QString &) { return c.request(Typing{id, true}); },
             Expect::Allowed, Expect::Allowed, Expect::NotFound, Expect::Unauthorized},
            {"receipt",
             [](TestClient &c, const QString &id, const QString &) { return c.request(Receipt{id, ReceiptKind::Read, 1}); },
             Expect::Allowed, Expect::Allowed, Expect::NotFound, Expect::Unauthorized},
            {"conversation.members.add",
             [extraId](TestClient &c, const QString &id, const QString &) { return c.request(MembersAdd{id, {extraId}}); },
             Expect::Forbidden, Expect::Allowed, Expect::NotFound, Expect::Unauthorized},
            {"conversation.members.remove (the owner)",
             [ownerId](TestClient &c, const QString &id, const QString &) { return c.request(MembersRemove{id, ownerId}); },
             Expect::Forbidden, Expect::Forbidden, Expect::NotFound, Expect::Unauthorized},
            {"conversation.members.role",
             [ownerId](TestClient &c, const QString &id, const QString &) {
                 return c.request(MembersRole{id, ownerId, Role::Member});
             },
             Expect::Forbidden, Expect::Forbidden, Expect::NotFound, Expect::Unauthorized},
            {"conversation.archive",
             [](TestClient &c, const QString &id, const QString &) { return c.request(ConversationArchive{id, true}); },
             Expect::Forbidden, Expect::Allowed, Expect::NotFound, Expect::Unauthorized},
            {"conversation.leave", [](TestClient &c, const QString &id, const QString &) { return c.request(ConversationLeave{id}); },
             Expect::Allowed, Expect::Allowed, Expect::NotFound, Expect::Unauthorized},
        };

        // Wrong roles: a plain member for what admins may do, an admin for what only the owner may do.
        auto admin = h.client(QStringLiteral("admin"));
        QVERIFY(admin);
        QStringList failures;
        for (const Row &row : rows) {
            const QString conversation = newGroup();
            QVERIFY(std::holds_alternative<Ok>(owner->request(MembersAdd{conversation, {admin->userId()}})));
            QVERIFY(std::holds_alternative<Ok>(owner->request(MembersRole{conversation, admin->userId(), Role::Admin})));
            const QString ownersMessage = newMessage(conversation, *owner);
            const struct {
                const char *who;
                TestClient *client;
                Expect expect;
            } cases[] = {{"member", member.get(), row.member},
                         {"admin", admin.get(), row.admin},
                         {"non-member", outsider.get(), row.outsider},
                         {"unauthenticated", &anon, row.anonymous}};
            for (const auto &c : cases) {
                const Frame reply = row.call(*c.client, conversation, ownersMessage);
                if (!matches(reply, c.expect)) {
                    failures << QStringLiteral("%1 by %2: expected %3, got %4")
                                    .arg(QLatin1StringView(row.operation), QLatin1StringView(c.who),
                                         QLatin1StringView(name(c.expect)), TestClient::describe(reply));
                }
            }
        }
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join(u'\n')));
    }

    void ownerAndAdminPowers()
    {
        CONFAB_START_HARNESS(h, {});
        auto owner = h.client(QStringLiteral("owner"));
        auto admin = h.client(QStringLiteral("admin"));
        auto member = h.client(QStringLiteral("member"));
        auto extra = h.client(QStringLiteral("extra"));
        QVERIFY(owner && admin && member && extra);
        const QString id = std::get<ConversationDetail>(owner->request(ConversationCreate{
            ConversationKind::Group, QStringLiteral("g"), {admin->userId(), member->userId()}})).conversation.id;
        QVERIFY(std::holds_alternative<Ok>(owner->request(MembersRole{id, admin->userId(), Role::Admin})));
        // Admins add and remove members, and delete others' messages.
        QVERIFY(std::holds_alternative<Ok>(admin->request(MembersAdd{id, {extra->userId()}})));
        MessageSend s;
        s.conversationId = id;
        s.clientId = QStringLiteral("spam");
        s.body = QStringLiteral("spam");
        const QString spam = std::get<MessageSent>(extra->request(s)).message.id;
        QVERIFY(std::holds_alternative<Ok>(admin->request(MessageDelete{id, spam})));
        QVERIFY(std::holds_alternative<Ok>(admin->request(MembersRemove{id, extra->userId()})));
        // A removed member loses access at once.
        QVERIFY(extra->waitForPushed([](const Frame &f) {
            const auto *e = std::get_if<Event>(&f);
            return e && e->kind == EventKind::MemberRemoved;
        }));
        QVERIFY(TestClient::isError(extra->request(HistoryRequest{id, {}, {}, 10}), ErrorCode::NotFound));
        s.clientId = QStringLiteral("after-removal");
        QVERIFY(TestClient::isError(extra->request(s), ErrorCode::NotFound));
        // Ownership moves: the old owner becomes an admin.
        QVERIFY(std::holds_alternative<Ok>(owner->request(MembersRole{id, member->userId(), Role::Owner})));
        const ConversationDetail detail = std::get<ConversationDetail>(owner->request(ConversationGet{id}));
        QCOMPARE(detail.conversation.role, Role::Admin);
        QVERIFY(TestClient::isError(owner->request(MembersRole{id, admin->userId(), Role::Member}), ErrorCode::Forbidden));
        // Direct conversations have no member management.
        const QString direct = std::get<ConversationDetail>(owner->request(
            ConversationCreate{ConversationKind::Direct, {}, {member->userId()}})).conversation.id;
        QVERIFY(TestClient::isError(owner->request(MembersAdd{direct, {extra->userId()}}), ErrorCode::Forbidden));
        QVERIFY(TestClient::isError(owner->request(ConversationLeave{direct}), ErrorCode::Forbidden));
    }
};

QTEST_GUILESS_MAIN(TestServerAuthz)
#include "tst_server_authz.moc"

// Deleting an account (account.delete and `confab-server user delete`) against a real server on
// SQLite and PostgreSQL: the password checked with the sign-in lockout, every device signed out
// (4003), "Deleted user" in others' history, groups handed over, messages kept or erased by the
// server's setting, the picture erased with the profile, and the username held for the configured time.
#include "harness.h"

#include <QBuffer>
#include <QImage>

using namespace confab::protocol;
using namespace confab::test;

namespace {
const QString kPassword = QStringLiteral("correct horse 1");

QString create(TestClient &c, ConversationKind kind, const QList<QString> &members)
{
    const Frame reply = c.request(ConversationCreate{kind, kind == ConversationKind::Direct ? QString() : QStringLiteral("Team"),
                                                     members});
    const auto *detail = std::get_if<ConversationDetail>(&reply);
    if (!detail)
        qWarning().noquote() << TestClient::describe(reply);
    return detail ? detail->conversation.id : QString();
}

QString send(TestClient &c, const QString &conversationId, const QString &body)
{
    const Frame reply = c.request(MessageSend{conversationId, QUuid::createUuid().toString(QUuid::WithoutBraces), body, {}, {}});
    const auto *sent = std::get_if<MessageSent>(&reply);
    return sent ? sent->message.id : QString();
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

std::optional<MessageInfo> messageIn(TestClient &c, const QString &conversationId, const QString &messageId)
{
    const Frame reply = c.request(HistoryRequest{conversationId, std::nullopt, std::nullopt, 100});
    if (const auto *history = std::get_if<History>(&reply)) {
        for (const Event &e : history->events) {
            if (e.message && e.message->id == messageId)
                return e.message;
        }
    }
    return std::nullopt;
}

bool registers(Harness &h, const QString &username)
{
    TestClient c;
    return c.open(h.server().url()) && c.signUp(username);
}
} // namespace

class TestAccountDelete : public QObject {
    Q_OBJECT
private slots:
    void initTestCase_data() { addBackendRows(); }

    void deletionSignsOutAndLeavesDeletedUserBehind()
    {
        CONFAB_START_HARNESS(h, {});
        auto mina = h.client(QStringLiteral("mina"));
        auto joon = h.client(QStringLiteral("joon"));
        auto sora = h.client(QStringLiteral("sora"));
        QVERIFY(mina && joon && sora);
        TestClient phone;
        QVERIFY(phone.open(h.server().url()) && phone.signIn(QStringLiteral("mina")));
        const QString direct = create(*mina, ConversationKind::Direct, {joon->userId()});
        const QString group = create(*mina, ConversationKind::Group, {sora->userId(), joon->userId()});
        QVERIFY(!direct.isEmpty() && !group.isEmpty());
        // Joon is an admin, Sora was added first: the admin takes over the group.
        QVERIFY(std::holds_alternative<Ok>(mina->request(MembersRole{group, joon->userId(), Role::Admin})));
        // A picture, which goes with the profile.
        QImage face(64, 64, QImage::Format_RGB32);
        face.fill(QColor(0x2F, 0x6F, 0xED));
        QByteArray png;
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        face.save(&buffer, "PNG");
        const Frame pictured = mina->request(AccountAvatar{QString::fromLatin1(png.toBase64()), std::nullopt});
        QVERIFY2(std::holds_alternative<AvatarSet>(pictured), qPrintable(TestClient::describe(pictured)));
        const QString inDirect = send(*mina, direct, QStringLiteral("hello Joon"));
        const QString inGroup = send(*mina, group, QStringLiteral("hello team"));
        QVERIFY(!inDirect.isEmpty() && !inGroup.isEmpty());

        const Frame reply = mina->request(AccountDelete{kPassword});
        QVERIFY2(std::holds_alternative<Ok>(reply), qPrintable(TestClient::describe(reply)));
        // Every device: closed as a revoked session (4003), which the app shows as signed out.
        QVERIFY(phone.waitForDisconnect());
        QCOMPARE(phone.closeCode(), int(CloseCode::SessionRevoked));
        QVERIFY(mina->waitForDisconnect());
        QCOMPARE(mina->closeCode(), int(CloseCode::SessionRevoked));

        // The partner hears of it; the profile is gone.
        QVERIFY(joon->waitForPushed([&](const Frame &f) {
            const auto *u = std::get_if<UserUpdated>(&f);
            return u && u->user.id == mina->userId() && u->user.deleted == std::optional(true);
        }));
        const auto member = memberOf(*joon, direct, mina->userId());
        QVERIFY(member);
        QCOMPARE(member->deleted, std::optional(true));
        QCOMPARE(member->name, QStringLiteral("Deleted user"));
        QVERIFY(!member->username);
        QVERIFY(!member->status);
        QVERIFY2(!member->avatar, qPrintable(member->avatar.value_or(QString()) + QStringLiteral(" in the database: ") +
                                              h.database().firstColumn(QStringLiteral("SELECT avatar FROM users WHERE id = ?"),
                                                                       {mina->userId()}).value(0).toString()));
        QCOMPARE(h.database().firstColumn(QStringLiteral("SELECT COUNT(*) FROM avatars")).value(0).toInt(), 0);
        // Messages stay by default, under the same sender id.
        const auto kept = messageIn(*joon, direct, inDirect);
        QVERIFY(kept);
        QCOMPARE(kept->body, QStringLiteral("hello Joon"));
        QCOMPARE(kept->senderId, mina->userId());
        QVERIFY(messageIn(*sora, group, inGroup));

        // The group: Mina left, and the admin is its owner now.
        QVERIFY(joon->waitForPushed([&](const Frame &f) {
            const auto *e = std::get_if<Event>(&f);
            return e && e->conversationId == group && e->kind == EventKind::RoleChanged && e->member &&
                   e->member->id == joon->userId() && e->member->role == Role::Owner;
        }));
        QVERIFY(!memberOf(*sora, group, mina->userId()));
        QCOMPARE(memberOf(*sora, group, joon->userId())->role, Role::Owner);

        // No way back in.
        TestClient laptop;
        QVERIFY(laptop.open(h.server().url()));
        QVERIFY(TestClient::isError(laptop.request(AuthLogin{QStringLiteral("mina"), kPassword, {}}), ErrorCode::Unauthorized));
        QVERIFY(TestClient::isError(laptop.request(AuthResume{mina->token(), {}}), ErrorCode::Unauthorized));
    }

    void messagesAreErasedWhenTheServerSaysSo()
    {
        CONFAB_START_HARNESS(h, {{QStringLiteral("accounts/delete_erases_messages"), QStringLiteral("true")}});
        auto mina = h.client(QStringLiteral("mina"));
        auto joon = h.client(QStringLiteral("joon"));
        QVERIFY(mina && joon);
        const QString direct = create(*mina, ConversationKind::Direct, {joon->userId()});
        const QString first = send(*mina, direct, QStringLiteral("one"));
        const QString second = send(*mina, direct, QStringLiteral("two"));
        const QString answer = send(*joon, direct, QStringLiteral("three"));
        QVERIFY(!first.isEmpty() && !second.isEmpty() && !answer.isEmpty());
        QVERIFY(std::holds_alternative<Ok>(mina->request(AccountDelete{kPassword})));
        // Each erased message is a delete event, live and in history; Joon's own message stays.
        QVERIFY(joon->waitForPushed([&](const Frame &f) {
            const auto *e = std::get_if<Event>(&f);
            return e && e->kind == EventKind::Delete && e->messageId == std::optional(second);
        }));
        for (const QString &id : {first, second}) {
            const auto gone = messageIn(*joon, direct, id);
            QVERIFY(gone);
            QVERIFY(gone->deleted);
            QVERIFY(gone->body.isEmpty());
        }
        QCOMPARE(messageIn(*joon, direct, answer)->body, QStringLiteral("three"));
    }

    void usernameIsHeld()
    {
        CONFAB_START_HARNESS(h, {});
        auto mina = h.client(QStringLiteral("mina"));
        QVERIFY(mina);
        QVERIFY(std::holds_alternative<Ok>(mina->request(AccountDelete{kPassword})));
        TestClient newcomer;
        QVERIFY(newcomer.open(h.server().url()));
        const Frame refused = newcomer.request(AuthRegister{QStringLiteral("mina"), kPassword, QStringLiteral("Mina"), {}, {}});
        QVERIFY2(TestClient::isError(refused, ErrorCode::Conflict), qPrintable(TestClient::describe(refused)));
        QString output;
        QCOMPARE(h.server().runAdmin({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("mina"),
                                      QStringLiteral("--password-stdin")},
                                     kPassword.toUtf8() + '\n', &output),
                 1);
        QVERIFY2(output.contains(QLatin1StringView("taken")), qPrintable(output));
    }

    void usernameIsFreeWithoutAHold()
    {
        CONFAB_START_HARNESS(h, {{QStringLiteral("accounts/username_hold_days"), QStringLiteral("0")}});
        auto mina = h.client(QStringLiteral("mina"));
        auto joon = h.client(QStringLiteral("joon"));
        QVERIFY(mina && joon);
        const QString direct = create(*mina, ConversationKind::Direct, {joon->userId()});
        QVERIFY(std::holds_alternative<Ok>(mina->request(AccountDelete{kPassword})));
        QVERIFY(registers(h, QStringLiteral("mina")));
        // A new person with the old name: the old conversation still shows the deleted account.
        QCOMPARE(memberOf(*joon, direct, mina->userId())->deleted, std::optional(true));
    }

    void wrongPasswordIsRefusedWithTheSignInLockout()
    {
        CONFAB_START_HARNESS(h, {{QStringLiteral("auth/lockout_failures"), QStringLiteral("2")},
                                 {QStringLiteral("auth/lockout_base_ms"), QStringLiteral("600000")},
                                 {QStringLiteral("auth/lockout_address_failures"), QStringLiteral("1000")}});
        auto hana = h.client(QStringLiteral("hana"));
        QVERIFY(hana);
        for (int i = 0; i < 2; ++i) {
            const Frame reply = hana->request(AccountDelete{QStringLiteral("guess %1").arg(i)});
            QVERIFY2(TestClient::isError(reply, ErrorCode::Unauthorized), qPrintable(TestClient::describe(reply)));
            QCOMPARE(std::get<Error>(reply).field, std::optional(QStringLiteral("password")));
        }
        // Locked: the right password is not even checked, and a sign-in is locked as well.
        const Frame locked = hana->request(AccountDelete{kPassword});
        QVERIFY2(TestClient::isError(locked, ErrorCode::RateLimited), qPrintable(TestClient::describe(locked)));
        QVERIFY(std::get<Error>(locked).retryAfterMs.value_or(0) > 0);
        TestClient laptop;
        QVERIFY(laptop.open(h.server().url()));
        QVERIFY(TestClient::isError(laptop.request(AuthLogin{QStringLiteral("hana"), kPassword, {}}), ErrorCode::RateLimited));
        // Refused means not deleted.
        QVERIFY(hana->isConnected());
        QVERIFY(std::holds_alternative<Sessions>(hana->request(AuthSessions{})));
    }

    void adminCommandDeletes()
    {
        // Fast session checks: on SQLite the running server learns of the CLI's deletion through them.
        CONFAB_START_HARNESS(h, {{QStringLiteral("server/session_check_ms"), QStringLiteral("200")}});
        auto mina = h.client(QStringLiteral("mina"));
        auto joon = h.client(QStringLiteral("joon"));
        QVERIFY(mina && joon);
        const QString group = create(*joon, ConversationKind::Group, {mina->userId()});
        const QString said = send(*mina, group, QStringLiteral("bye"));
        QVERIFY(!group.isEmpty() && !said.isEmpty());
        QString output;
        QCOMPARE(h.server().runAdmin({QStringLiteral("--config"), h.server().configPath(), QStringLiteral("user"),
                                      QStringLiteral("delete"), QStringLiteral("mina"), QStringLiteral("--erase-messages")},
                                     {}, &output),
                 0);
        QVERIFY2(output.contains(QLatin1StringView("deleted mina")), qPrintable(output));
        QVERIFY(mina->waitForDisconnect());
        QCOMPARE(mina->closeCode(), int(CloseCode::SessionRevoked));
        const auto gone = messageIn(*joon, group, said);
        QVERIFY(gone && gone->deleted);
        QVERIFY(!memberOf(*joon, group, mina->userId()));
        QVERIFY(!registers(h, QStringLiteral("mina"))); // held
        // Again: nothing left to do, and no such user any more by that name.
        QCOMPARE(h.server().runAdmin({QStringLiteral("user"), QStringLiteral("delete"), QStringLiteral("mina")}, {}, &output), 1);
    }

    void blindRoomsKeepTheAlias()
    {
        CONFAB_START_HARNESS(h, {});
        auto owner = h.client(QStringLiteral("owner"));
        auto mina = h.client(QStringLiteral("mina"));
        auto joon = h.client(QStringLiteral("joon"));
        QVERIFY(owner && mina && joon);
        const QString room = create(*owner, ConversationKind::Blind, {mina->userId(), joon->userId()});
        QVERIFY(!room.isEmpty());
        const QString said = send(*mina, room, QStringLiteral("anonymous hello"));
        QVERIFY(!said.isEmpty());
        const auto kept = messageIn(*joon, room, said);
        QVERIFY(kept);
        const QString aliasId = kept->senderId;
        QVERIFY(aliasId != mina->userId());
        joon->clearPushed();
        QVERIFY(std::holds_alternative<Ok>(mina->request(AccountDelete{kPassword})));
        // She left the room under her alias; nothing in the room says who, or that the account is gone.
        QVERIFY(joon->waitForPushed([&](const Frame &f) {
            const auto *e = std::get_if<Event>(&f);
            return e && e->conversationId == room && e->kind == EventKind::MemberLeft && e->member && e->member->id == aliasId;
        }));
        for (const Frame &f : joon->pushed()) {
            const QString text = QString::fromUtf8(encodeFrame(f));
            QVERIFY2(!text.contains(mina->userId()) && !text.contains(QLatin1StringView("\"deleted\"")), qPrintable(text));
        }
        QCOMPARE(messageIn(*joon, room, said)->body, QStringLiteral("anonymous hello"));
    }
};

QTEST_GUILESS_MAIN(TestAccountDelete)
#include "tst_accountdelete.moc"

// Finding people (user.search) against a real server on SQLite and PostgreSQL: by username or
// display name prefix, paged, marked bots and disabled accounts, the server's visibility setting
// (blind rooms never make anyone findable), deleted accounts never found, and the rate limit.
#include "harness.h"

using namespace confab::protocol;
using namespace confab::test;

namespace {
QStringList usernamesOf(const Frame &reply)
{
    QStringList out;
    if (const auto *page = std::get_if<Directory>(&reply)) {
        for (const ProfileInfo &p : page->users)
            out.append(p.username);
    }
    return out;
}

UserSearch searchFor(const QString &prefix, std::optional<QString> after = std::nullopt, qint64 limit = 20)
{
    return UserSearch{prefix, std::move(after), limit};
}

QString create(TestClient &c, ConversationKind kind, const QList<QString> &members)
{
    const Frame reply = c.request(ConversationCreate{kind, kind == ConversationKind::Direct ? QString() : QStringLiteral("Room"),
                                                     members});
    const auto *detail = std::get_if<ConversationDetail>(&reply);
    if (!detail)
        qWarning().noquote() << TestClient::describe(reply);
    return detail ? detail->conversation.id : QString();
}
} // namespace

class TestDirectory : public QObject {
    Q_OBJECT
private slots:
    void initTestCase_data() { addBackendRows(); }

    void findsByUsernameOrDisplayNamePrefix()
    {
        CONFAB_START_HARNESS(h, {});
        auto mina = h.client(QStringLiteral("mina"));
        auto minho = h.client(QStringLiteral("minho"));
        auto joon = h.client(QStringLiteral("joon"));
        auto hana = h.client(QStringLiteral("hana"));
        QVERIFY(mina && minho && joon && hana);
        // Joon's display name starts with "Min" (Korean too), Hana's with neither.
        QVERIFY(std::holds_alternative<Ok>(joon->request(AccountProfile{QStringLiteral("Minsu Joon"), std::nullopt})));
        QVERIFY(std::holds_alternative<Ok>(hana->request(AccountProfile{QStringLiteral("한나 Kim"), std::nullopt})));

        // Case does not matter; I am never in my own results; by username.
        const Frame found = mina->request(searchFor(QStringLiteral("MIN")));
        QVERIFY2(std::holds_alternative<Directory>(found), qPrintable(TestClient::describe(found)));
        QCOMPARE(usernamesOf(found), (QStringList{QStringLiteral("joon"), QStringLiteral("minho")}));
        QVERIFY(!std::get<Directory>(found).next);
        const ProfileInfo &joonInfo = std::get<Directory>(found).users.first();
        QCOMPARE(joonInfo.id, joon->userId());
        QCOMPARE(joonInfo.name, QStringLiteral("Minsu Joon"));
        QVERIFY(!joonInfo.bot && !joonInfo.disabled && !joonInfo.deleted);

        QCOMPARE(usernamesOf(mina->request(searchFor(QStringLiteral("한")))), QStringList{QStringLiteral("hana")});
        QCOMPARE(usernamesOf(mina->request(searchFor(QStringLiteral("minsu j")))), QStringList{QStringLiteral("joon")});
        QVERIFY(usernamesOf(mina->request(searchFor(QStringLiteral("x")))).isEmpty());
        // A prefix is a prefix: wildcards of LIKE mean nothing here.
        QVERIFY(usernamesOf(mina->request(searchFor(QStringLiteral("%")))).isEmpty());
        QVERIFY(usernamesOf(mina->request(searchFor(QStringLiteral("m_n")))).isEmpty());
        // Blank is refused.
        QVERIFY(TestClient::isError(mina->request(searchFor(QStringLiteral("   "))), ErrorCode::Invalid));
    }

    void botsAndDisabledAccountsAreMarked()
    {
        CONFAB_START_HARNESS(h, {});
        auto mina = h.client(QStringLiteral("mina"));
        auto sam = h.client(QStringLiteral("sam"));
        QVERIFY(mina && sam);
        QString output;
        QCOMPARE(h.server().runAdmin({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("--bot"),
                                      QStringLiteral("sambot")},
                                     {}, &output),
                 0);
        QCOMPARE(h.server().runAdmin({QStringLiteral("user"), QStringLiteral("disable"), QStringLiteral("sam")}, {}, &output), 0);
        const Frame found = mina->request(searchFor(QStringLiteral("sam")));
        QCOMPARE(usernamesOf(found), (QStringList{QStringLiteral("sam"), QStringLiteral("sambot")}));
        const QList<ProfileInfo> &users = std::get<Directory>(found).users;
        QCOMPARE(users[0].disabled, std::optional(true));
        QVERIFY(!users[0].bot);
        QCOMPARE(users[1].bot, std::optional(true));
        QVERIFY(!users[1].disabled);
    }

    void pagesByUsername()
    {
        CONFAB_START_HARNESS(h, {});
        auto me = h.client(QStringLiteral("zed"));
        QVERIFY(me);
        QStringList all;
        for (int i = 1; i <= 7; ++i) {
            const QString name = QStringLiteral("team%1").arg(i);
            TestClient c;
            QVERIFY(c.open(h.server().url()) && c.signUp(name));
            all.append(name);
        }
        QStringList seen;
        std::optional<QString> after;
        int pages = 0;
        for (; pages < 10; ++pages) { // bounded: 7 users in pages of 3 are three pages
            const Frame reply = me->request(searchFor(QStringLiteral("team"), after, 3));
            const auto *page = std::get_if<Directory>(&reply);
            QVERIFY2(page, qPrintable(TestClient::describe(reply)));
            QVERIFY(page->users.size() <= 3);
            seen += usernamesOf(reply);
            after = page->next;
            if (!after)
                break;
            QCOMPARE(*after, page->users.last().username);
        }
        QCOMPARE(pages + 1, 3);
        QCOMPARE(seen, all); // every one once, in order
        // A limit beyond the protocol's page is refused by the frame itself.
        QVERIFY(TestClient::isError(me->request(searchFor(QStringLiteral("team"), std::nullopt, 51)), ErrorCode::Invalid));
    }

    void contactsOnlyAndBlindRoomsDoNotCount()
    {
        CONFAB_START_HARNESS(h, {{QStringLiteral("directory/visibility"), QStringLiteral("contacts")}});
        auto mina = h.client(QStringLiteral("mina"));
        auto kai = h.client(QStringLiteral("kai"));     // a direct conversation with Mina
        auto kim = h.client(QStringLiteral("kim"));     // a group with Mina
        auto ken = h.client(QStringLiteral("ken"));     // only a blind room with Mina
        auto kit = h.client(QStringLiteral("kit"));     // shares nothing with Mina
        auto owner = h.client(QStringLiteral("owner")); // made the blind room
        QVERIFY(mina && kai && kim && ken && kit && owner);
        QVERIFY(!create(*mina, ConversationKind::Direct, {kai->userId()}).isEmpty());
        QVERIFY(!create(*kim, ConversationKind::Group, {mina->userId()}).isEmpty());
        QVERIFY(!create(*owner, ConversationKind::Blind, {mina->userId(), ken->userId()}).isEmpty());

        QCOMPARE(usernamesOf(mina->request(searchFor(QStringLiteral("k")))),
                 (QStringList{QStringLiteral("kai"), QStringLiteral("kim")}));
        // Neither way round: Ken cannot find Mina through the blind room either.
        QVERIFY(usernamesOf(ken->request(searchFor(QStringLiteral("mina")))).isEmpty());
        QVERIFY(usernamesOf(kit->request(searchFor(QStringLiteral("mina")))).isEmpty());
        // The blind room's owner knows who is in it, but the directory does not say so either.
        QVERIFY(usernamesOf(owner->request(searchFor(QStringLiteral("k")))).isEmpty());
    }

    void everyoneIsTheDefault()
    {
        CONFAB_START_HARNESS(h, {});
        auto mina = h.client(QStringLiteral("mina"));
        auto kit = h.client(QStringLiteral("kit"));
        QVERIFY(mina && kit);
        QCOMPARE(usernamesOf(kit->request(searchFor(QStringLiteral("mi")))), QStringList{QStringLiteral("mina")});
    }

    void deletedAccountsAreNeverFound()
    {
        CONFAB_START_HARNESS(h, {});
        auto mina = h.client(QStringLiteral("mina"));
        auto dana = h.client(QStringLiteral("dana"));
        QVERIFY(mina && dana);
        QVERIFY(!create(*mina, ConversationKind::Direct, {dana->userId()}).isEmpty());
        QCOMPARE(usernamesOf(mina->request(searchFor(QStringLiteral("da")))), QStringList{QStringLiteral("dana")});
        const Frame deleted = dana->request(AccountDelete{QStringLiteral("correct horse 1")});
        QVERIFY2(std::holds_alternative<Ok>(deleted), qPrintable(TestClient::describe(deleted)));
        QVERIFY(usernamesOf(mina->request(searchFor(QStringLiteral("da")))).isEmpty());
        // Not by the placeholder username, nor by the name "Deleted user" either.
        QVERIFY(usernamesOf(mina->request(searchFor(QStringLiteral("deleted")))).isEmpty());
    }

    void searchesAreRateLimited()
    {
        // A burst of 5 (a quarter of the rate, at least 5), refilled at one per 12 s: the sixth search waits.
        CONFAB_START_HARNESS(h, {{QStringLiteral("directory/searches_per_minute"), QStringLiteral("5")}});
        auto mina = h.client(QStringLiteral("mina"));
        auto joon = h.client(QStringLiteral("joon"));
        QVERIFY(mina && joon);
        for (int i = 0; i < 5; ++i)
            QVERIFY(std::holds_alternative<Directory>(mina->request(searchFor(QStringLiteral("jo")))));
        const Frame limited = mina->request(searchFor(QStringLiteral("jo")));
        QVERIFY2(TestClient::isError(limited, ErrorCode::RateLimited), qPrintable(TestClient::describe(limited)));
        QVERIFY(std::get<Error>(limited).retryAfterMs.value_or(0) > 0);
        // Per user: Joon's searches are his own.
        QVERIFY(std::holds_alternative<Directory>(joon->request(searchFor(QStringLiteral("mi")))));
        QVERIFY(mina->isConnected());
    }

    void searchNeedsSignIn()
    {
        CONFAB_START_HARNESS(h, {});
        TestClient anon;
        QVERIFY(anon.open(h.server().url()));
        QVERIFY(TestClient::isError(anon.request(searchFor(QStringLiteral("mi"))), ErrorCode::Unauthorized));
    }
};

QTEST_GUILESS_MAIN(TestDirectory)
#include "tst_directory.moc"

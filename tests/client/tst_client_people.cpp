// Finding people and deleting the account through the client library, against a real server
// (SQLite and PostgreSQL) with real keychains: the directory model follows what is typed, page by
// page, under QAbstractItemModelTester; deleting the account needs the password and the username,
// signs out every installation (its keychain token goes), and the other person sees "Deleted user".
#include "chatclient.h"
#include "harness.h"
#include "tokenstore.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>

using namespace confab::client;
using namespace confab::protocol;
using namespace confab::test;

namespace {
const QString kPassword = QStringLiteral("correct horse 1");
using State = ChatClient::ConnectionState;

struct Installation {
    QTemporaryDir dir;
    KeychainTokenStore tokens;
    std::unique_ptr<ChatClient> client;
    explicit Installation(const QString &service) : tokens(service) { restart(); }
    void restart()
    {
        client = std::make_unique<ChatClient>(dir.path(), &tokens);
        client->setReconnectBackoff(100, 500);
    }
    ChatClient *operator->() { return client.get(); }
    bool online() const { return client->connectionState() == State::Online; }
};

QStringList usernames(PeopleDirectory *directory)
{
    QStringList out;
    for (int row = 0; row < directory->rowCount(); ++row)
        out.append(directory->data(directory->index(row), PeopleDirectory::UsernameRole).toString());
    return out;
}
} // namespace

class TestClientPeople : public QObject {
    Q_OBJECT
private slots:
    void initTestCase_data() { addBackendRows(); }

    void directoryFollowsTheQueryPageByPage()
    {
        CONFAB_START_HARNESS(h, {});
        auto joon = h.client(QStringLiteral("joon"));
        QVERIFY(joon);
        QVERIFY(std::holds_alternative<Ok>(joon->request(confab::protocol::AccountProfile{QStringLiteral("Joon Lee"), std::nullopt})));
        std::vector<std::unique_ptr<TestClient>> team;
        for (int i = 0; i < PeopleDirectory::kPageSize + 2; ++i) {
            team.push_back(h.client(QStringLiteral("team%1").arg(i, 2, 10, QLatin1Char('0'))));
            QVERIFY(team.back());
        }
        Installation mina(QStringLiteral("Confab-test-people-mina"));
        mina->registerAccount(h.server().url(), QStringLiteral("mina"), QStringLiteral("Mina"), kPassword);
        QTRY_VERIFY_WITH_TIMEOUT(mina.online(), 20000);

        PeopleDirectory *directory = mina->directory();
        QAbstractItemModelTester tester(directory, QAbstractItemModelTester::FailureReportingMode::QtTest);
        directory->setQuery(QStringLiteral("Joon L"));
        QTRY_COMPARE_WITH_TIMEOUT(directory->rowCount(), 1, 15000);
        const QModelIndex first = directory->index(0);
        QCOMPARE(directory->data(first, PeopleDirectory::UserIdRole).toString(), joon->userId());
        QCOMPARE(directory->data(first, PeopleDirectory::NameRole).toString(), QStringLiteral("Joon Lee"));
        QCOMPARE(directory->data(first, PeopleDirectory::BotRole).toBool(), false);
        QCOMPARE(directory->get(0).value(QStringLiteral("username")).toString(), QStringLiteral("joon"));
        QVERIFY(!directory->hasMore());

        // A page, then the next one; nothing twice.
        directory->setQuery(QStringLiteral("team"));
        QTRY_COMPARE_WITH_TIMEOUT(directory->rowCount(), int(PeopleDirectory::kPageSize), 15000);
        QTRY_VERIFY_WITH_TIMEOUT(!directory->busy(), 15000);
        QVERIFY(directory->hasMore());
        directory->loadMore();
        QTRY_COMPARE_WITH_TIMEOUT(directory->rowCount(), int(PeopleDirectory::kPageSize) + 2, 15000);
        QTRY_VERIFY_WITH_TIMEOUT(!directory->busy(), 15000);
        QVERIFY(!directory->hasMore());
        const QStringList found = usernames(directory);
        QCOMPARE(found.first(), QStringLiteral("team00"));
        QCOMPARE(found.last(), QStringLiteral("team09"));
        QCOMPARE(QSet<QString>(found.begin(), found.end()).size(), found.size());

        // Typing on replaces the list; "" empties it without asking.
        directory->setQuery(QStringLiteral("team05"));
        QTRY_COMPARE_WITH_TIMEOUT(usernames(directory), QStringList{QStringLiteral("team05")}, 15000);
        directory->setQuery(QString());
        QCOMPARE(directory->rowCount(), 0);
        QVERIFY(!directory->busy());
        mina->signOut();
    }

    void deletingTheAccountSignsOutEverywhere()
    {
        CONFAB_START_HARNESS(h, {});
        Installation desk(QStringLiteral("Confab-test-people-desk")), laptop(QStringLiteral("Confab-test-people-laptop")),
            joon(QStringLiteral("Confab-test-people-joon"));
        desk->registerAccount(h.server().url(), QStringLiteral("mina"), QStringLiteral("Mina"), kPassword);
        joon->registerAccount(h.server().url(), QStringLiteral("joon"), QStringLiteral("Joon"), kPassword);
        QTRY_VERIFY_WITH_TIMEOUT(desk.online() && joon.online(), 20000);
        laptop->signIn(h.server().url(), QStringLiteral("mina"), kPassword);
        QTRY_VERIFY_WITH_TIMEOUT(laptop.online(), 20000);
        QSignalSpy ready(desk.client.get(), &ChatClient::conversationReady);
        desk->startDirect(QStringLiteral("joon"));
        QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 1, 15000);
        const QString direct = ready.first().first().toString();
        QTRY_VERIFY_WITH_TIMEOUT(joon->state().conversation(direct).has_value(), 15000);
        const QString minaId = desk->userId();

        AccountRemoval *removal = desk->accountRemoval();
        QCOMPARE(removal->confirmation(), QStringLiteral("mina"));
        QVERIFY(!removal->ready(kPassword, QStringLiteral("min")));
        QVERIFY(!removal->ready(QString(), QStringLiteral("mina")));
        QVERIFY(removal->ready(kPassword, QStringLiteral("mina")));

        // A wrong password: refused under its field, nothing happens.
        QSignalSpy failed(removal, &AccountRemoval::failed);
        removal->remove(QStringLiteral("not my password"), QStringLiteral("mina"));
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 15000);
        QVERIFY(!removal->passwordProblem().isEmpty());
        QVERIFY(desk.online() && laptop.online());

        QSignalSpy removed(removal, &AccountRemoval::removed);
        removal->remove(kPassword, QStringLiteral("mina"));
        QTRY_COMPARE_WITH_TIMEOUT(removed.size(), 1, 15000);
        QTRY_COMPARE_WITH_TIMEOUT(desk->connectionState(), State::SignedOut, 15000);
        QTRY_COMPARE_WITH_TIMEOUT(laptop->connectionState(), State::SignedOut, 15000);

        // Joon's app: the partner is "Deleted user", without a username.
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (const MemberInfo &m : joon->state().members(direct)) {
                    if (m.id == minaId)
                        return m.deleted.value_or(false) && m.name == QStringLiteral("Deleted user") && !m.username;
                }
                return false;
            }(),
            15000);
        QCOMPARE(joon->state().conversation(direct)->title, QStringLiteral("Deleted user"));

        // The token left the keychain: a restart does not come back signed in.
        desk.restart();
        QSignalSpy refused(desk.client.get(), &ChatClient::signInFailed);
        desk->resume(h.server().url(), QStringLiteral("mina"));
        QTRY_VERIFY_WITH_TIMEOUT(!refused.isEmpty(), 15000);
        QVERIFY(!desk.online());
        joon->signOut();
    }
};

QTEST_MAIN(TestClientPeople)
#include "tst_client_people.moc"

// A blind room made and run from the app, with three installations on a real server (both
// databases): created with groups and a reveal a few seconds away in one step; the others see
// aliases and groups; the owner moves a member between groups; at the time every installation
// shows every name, and the settings say when it happened.
#include "device.h"
#include "harness.h"

#include <QDateTime>
#include <QSignalSpy>

using namespace confab::client;
using namespace confab::protocol;
using namespace confab::test;

namespace {
const QString kPassword = QStringLiteral("correct horse 1");

QVariant roleOfName(MemberListModel *members, const QString &aliasOrName, int role, int matchRole)
{
    for (int row = 0; row < members->rowCount(); ++row) {
        const QModelIndex i = members->index(row);
        if (members->data(i, matchRole).toString() == aliasOrName)
            return members->data(i, role);
    }
    return {};
}

//! How many members (besides me) this installation sees with their real identity.
int revealedOthers(MemberListModel *members)
{
    int n = 0;
    for (int row = 0; row < members->rowCount(); ++row)
        n += members->data(members->index(row), MemberListModel::RevealedRole).toBool();
    return n;
}
} // namespace

class TestClientBlindSetup : public QObject {
    Q_OBJECT
private slots:
    void initTestCase_data() { addBackendRows(); }

    void createGroupsAndRevealAtATime()
    {
        CONFAB_START_HARNESS(h, {});
        Device mina, joon, sora;
        mina->registerAccount(h.server().url(), QStringLiteral("mina"), QStringLiteral("Mina Park"), kPassword);
        joon->registerAccount(h.server().url(), QStringLiteral("joon"), QStringLiteral("Joon Lee"), kPassword);
        sora->registerAccount(h.server().url(), QStringLiteral("sora"), QStringLiteral("Sora Kim"), kPassword);
        QTRY_VERIFY_WITH_TIMEOUT(mina.online() && joon.online() && sora.online(), 20000);

        // A name that does not exist: nothing is made, and the dialog is told why.
        QSignalSpy failed(mina.client.get(), &ChatClient::createFailed);
        mina->createBlindRoom({{QStringLiteral("title"), QStringLiteral("Nope")},
                               {QStringLiteral("members"), QVariantList{QVariantMap{{QStringLiteral("username"), QStringLiteral("nobody9")}}}},
                               {QStringLiteral("reveal"), QStringLiteral("mutual")}});
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 10000);
        QVERIFY(failed.first().first().toString().contains(QStringLiteral("nobody9")));
        QCOMPARE(mina->conversations()->rowCount(), 0);

        const qint64 at = QDateTime::currentMSecsSinceEpoch() + 4000;
        QSignalSpy ready(mina.client.get(), &ChatClient::conversationReady);
        mina->createBlindRoom({{QStringLiteral("title"), QStringLiteral("Friday matching")},
                               {QStringLiteral("description"), QStringLiteral("Two sides")},
                               {QStringLiteral("members"),
                                QVariantList{QVariantMap{{QStringLiteral("username"), QStringLiteral("@Joon")}, {QStringLiteral("group"), QStringLiteral("A")}},
                                             QVariantMap{{QStringLiteral("username"), QStringLiteral("sora")}, {QStringLiteral("group"), QStringLiteral("B")}}}},
                               {QStringLiteral("myGroup"), QStringLiteral("B")},
                               {QStringLiteral("reveal"), QStringLiteral("scheduled")},
                               {QStringLiteral("revealAt"), at},
                               {QStringLiteral("membersInvite"), false}});
        QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 1, 10000);
        const QString room = ready.first().first().toString();
        QCOMPARE(mina->currentConversationId(), room);
        QCOMPARE(mina->currentKind(), QStringLiteral("blind"));
        GroupSettings *settings = mina->groupSettings();
        QCOMPARE(settings->revealPolicy(), QStringLiteral("scheduled"));
        QCOMPARE(settings->revealAt().toMSecsSinceEpoch(), at);
        QVERIFY(!settings->revealedAt().isValid());
        QCOMPARE(settings->description(), QStringLiteral("Two sides"));

        // The others: the room, aliases only, the groups as set.
        for (Device *d : {&joon, &sora})
            QTRY_VERIFY_WITH_TIMEOUT((*d)->conversations()->indexOf(room) >= 0, 10000);
        joon->openConversation(room);
        QTRY_COMPARE_WITH_TIMEOUT(joon->members()->rowCount(), 3, 10000);
        QCOMPARE(joon->groupSettings()->revealAt().toMSecsSinceEpoch(), at);
        QCOMPARE(revealedOthers(joon->members()), 0);
        QVERIFY(!roleOfName(joon->members(), QStringLiteral("mina"), MemberListModel::NameRole, MemberListModel::UsernameRole).isValid());
        int inA = 0, inB = 0;
        QString soraAlias;
        for (int row = 0; row < mina->members()->rowCount(); ++row) {
            const QModelIndex i = mina->members()->index(row);
            const QString group = i.data(MemberListModel::GroupRole).toString();
            inA += group == QLatin1StringView("A");
            inB += group == QLatin1StringView("B");
            if (group == QLatin1StringView("B") && !i.data(MemberListModel::IsMeRole).toBool())
                soraAlias = i.data(MemberListModel::MemberIdRole).toString();
        }
        QCOMPARE(inA, 1);
        QCOMPARE(inB, 2);
        QVERIFY(!soraAlias.isEmpty());

        // The owner moves Sora to A: every installation follows.
        settings->setMemberGroup(soraAlias, QStringLiteral("A"));
        QTRY_COMPARE_WITH_TIMEOUT(roleOfName(joon->members(), soraAlias, MemberListModel::GroupRole, MemberListModel::MemberIdRole).toString(),
                                  QStringLiteral("A"), 10000);
        QVERIFY(settings->error().isEmpty());

        // At the time, every name shows everywhere; the settings say when.
        sora->openConversation(room);
        for (Device *d : {&mina, &joon, &sora})
            QTRY_COMPARE_WITH_TIMEOUT(revealedOthers((*d)->members()), 2, 20000);
        QVERIFY(QDateTime::currentMSecsSinceEpoch() >= at);
        QCOMPARE(roleOfName(joon->members(), QStringLiteral("mina"), MemberListModel::NameRole, MemberListModel::UsernameRole).toString(),
                 QStringLiteral("Mina Park"));
        QTRY_VERIFY_WITH_TIMEOUT(joon->groupSettings()->revealedAt().isValid(), 10000);
        QVERIFY(!joon->groupSettings()->revealAt().isValid());
        QVERIFY(joon->groupSettings()->revealedAt().toMSecsSinceEpoch() >= at);
        // The timeline has its line where the names were shown.
        QTRY_VERIFY_WITH_TIMEOUT(joon->messages()->revealedAt() >= at, 10000);
    }
};

QTEST_MAIN(TestClientBlindSetup)
#include "tst_client_blindsetup.moc"

// Matching from the app, with five installations on a real server (both databases): the preview
// says what a pool would make; usernames as typed become one conversation.match; every member's
// installation gets its room in the list, with aliases and its group; refusals come back in words
// that name the username the user typed.
#include "device.h"
#include "harness.h"

#include <QSignalSpy>

using namespace confab::client;
using namespace confab::protocol;
using namespace confab::test;

namespace {
const QString kPassword = QStringLiteral("correct horse 1");
} // namespace

class TestClientMatching : public QObject {
    Q_OBJECT
private slots:
    void initTestCase_data() { addBackendRows(); }

    void preview()
    {
        QFETCH_GLOBAL(int, backend);
        Q_UNUSED(backend);
        const QVariantMap twelve = MatchPreview::of(12, 0, 0, 4);
        QCOMPARE(twelve.value(QStringLiteral("rooms")).toInt(), 3);
        QCOMPARE(twelve.value(QStringLiteral("problem")).toString(), QString());
        const QVariantMap thirteen = MatchPreview::of(0, 7, 6, 4);
        QCOMPARE(thirteen.value(QStringLiteral("rooms")).toInt(), 3);
        QCOMPARE(thirteen.value(QStringLiteral("largest")).toInt(), 5);
        QCOMPARE(thirteen.value(QStringLiteral("smallest")).toInt(), 4);
        QCOMPARE(MatchPreview::of(3, 0, 0, 4).value(QStringLiteral("problem")).toString(), QStringLiteral("small"));
        QCOMPARE(MatchPreview::of(0, 7, 1, 4).value(QStringLiteral("problem")).toString(), QStringLiteral("shortB"));
        QCOMPARE(MatchPreview::of(6, 0, 0, 1).value(QStringLiteral("problem")).toString(), QStringLiteral("size"));
    }

    void matchFromTheApp()
    {
        CONFAB_START_HARNESS(h, {});
        Device mina, joon, sora, hana, dami;
        const QList<std::pair<Device *, QString>> people{
            {&mina, QStringLiteral("mina")}, {&joon, QStringLiteral("joon")}, {&sora, QStringLiteral("sora")},
            {&hana, QStringLiteral("hana")}, {&dami, QStringLiteral("dami")}};
        for (const auto &[device, name] : people)
            (*device)->registerAccount(h.server().url(), name, name.toUpper(), kPassword);
        QTRY_VERIFY_WITH_TIMEOUT(mina.online() && joon.online() && sora.online() && hana.online() && dami.online(), 20000);
        Matching *matching = mina->matching();

        // A name that does not exist: nothing is asked of the server's matching, and the words say who.
        QSignalSpy failed(matching, &Matching::failed);
        matching->create({{QStringLiteral("title"), QStringLiteral("Nope")},
                          {QStringLiteral("members"), QStringList{QStringLiteral("joon"), QStringLiteral("nobody9")}},
                          {QStringLiteral("roomSize"), 2},
                          {QStringLiteral("reveal"), QStringLiteral("mutual")}});
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 10000);
        QVERIFY(failed.first().first().toString().contains(QStringLiteral("nobody9")));
        QVERIFY(!matching->busy());
        // Someone twice: named by the username typed.
        matching->create({{QStringLiteral("title"), QStringLiteral("Twice")},
                          {QStringLiteral("poolA"), QStringList{QStringLiteral("joon"), QStringLiteral("sora")}},
                          {QStringLiteral("poolB"), QStringList{QStringLiteral("@Joon"), QStringLiteral("hana")}},
                          {QStringLiteral("roomSize"), 2},
                          {QStringLiteral("reveal"), QStringLiteral("mutual")}});
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 2, 10000);
        QVERIFY2(failed.last().first().toString().contains(QStringLiteral("@joon")), qPrintable(failed.last().first().toString()));
        QCOMPARE(mina->conversations()->rowCount(), 0);

        // Two pools of two, rooms of two: two rooms of one A and one B, Mina owning both.
        QSignalSpy matched(matching, &Matching::matched);
        matching->create({{QStringLiteral("title"), QStringLiteral("Coffee {n}")},
                          {QStringLiteral("description"), QStringLiteral("Ten minutes, no names")},
                          {QStringLiteral("poolA"), QStringList{QStringLiteral("joon"), QStringLiteral("sora")}},
                          {QStringLiteral("poolB"), QStringList{QStringLiteral("hana"), QStringLiteral("@dami")}},
                          {QStringLiteral("roomSize"), 2},
                          {QStringLiteral("series"), QStringLiteral("coffee")},
                          {QStringLiteral("reveal"), QStringLiteral("off")}});
        QVERIFY(matching->busy());
        QTRY_COMPARE_WITH_TIMEOUT(matched.size(), 1, 10000);
        QCOMPARE(matched.first().at(0).toInt(), 2);
        QCOMPARE(matched.first().at(1).toInt(), 1);
        QCOMPARE(matched.first().at(2).toInt(), 0);
        QVERIFY(!matching->busy());
        QTRY_COMPARE_WITH_TIMEOUT(mina->conversations()->rowCount(), 2, 10000);
        QCOMPARE(mina->currentConversationId(), QString()); // nothing opened by itself
        for (Device *d : {&joon, &sora, &hana, &dami}) {
            QTRY_COMPARE_WITH_TIMEOUT((*d)->conversations()->rowCount(), 1, 10000);
            const QModelIndex row = (*d)->conversations()->index(0);
            const QString room = row.data(ConversationListModel::ConversationIdRole).toString();
            QVERIFY(row.data(ConversationListModel::TitleRole).toString().startsWith(QStringLiteral("Coffee ")));
            (*d)->openConversation(room);
            QTRY_COMPARE_WITH_TIMEOUT((*d)->members()->rowCount(), 3, 10000);
            QStringList groups;
            for (int i = 0; i < (*d)->members()->rowCount(); ++i) {
                const QModelIndex m = (*d)->members()->index(i);
                QVERIFY(m.data(MemberListModel::UsernameRole).toString().isEmpty()); // aliases only
                groups.append(m.data(MemberListModel::GroupRole).toString());
            }
            groups.sort();
            QCOMPARE(groups, (QStringList{QString(), QStringLiteral("A"), QStringLiteral("B")}));
        }
    }
};

QTEST_MAIN(TestClientMatching)
#include "tst_client_matching.moc"

// Blind rooms through the client library: aliases in the UI language (English and Korean), the
// reveal flow as the app drives it, names shown once revealed, reports, and the warning about file
// names that would give the sender away.
#include "blindnames.h"
#include "device.h"
#include "harness.h"

using namespace confab::client;
using namespace confab::protocol;
using namespace confab::test;

namespace {
const QString kPassword = QStringLiteral("correct horse 1");

//! The member model's row of `memberId`, or -1.
int rowOf(MemberListModel *members, const QString &memberId)
{
    for (int row = 0; row < members->rowCount(); ++row) {
        if (members->data(members->index(row), MemberListModel::MemberIdRole).toString() == memberId)
            return row;
    }
    return -1;
}

QVariant roleOf(MemberListModel *members, const QString &memberId, int role)
{
    const int row = rowOf(members, memberId);
    return row < 0 ? QVariant() : members->data(members->index(row), role);
}

MemberInfo meIn(TestClient &c, const QString &conversationId)
{
    const Frame reply = c.request(ConversationGet{conversationId});
    const auto *detail = std::get_if<ConversationDetail>(&reply);
    return detail && detail->conversation.me ? *detail->conversation.me : MemberInfo{};
}
} // namespace

class TestClientBlind : public QObject {
    Q_OBJECT
private slots:
    void initTestCase_data() { addBackendRows(); }

    //! What the file-name warning catches, and what it leaves alone.
    void fileNamesThatNameTheSender()
    {
        // No server involved: the same checks run for each database row, cheaply.
        const QString user = QStringLiteral("mina.p");
        const QString name = QStringLiteral("Mina Park");
        QVERIFY(blind::fileNameNamesUser(QStringLiteral("Mina_Park_CV.pdf"), user, name));
        QVERIFY(blind::fileNameNamesUser(QStringLiteral("minapark-photo.jpg"), QStringLiteral("minapark"), name));
        QVERIFY(blind::fileNameNamesUser(QStringLiteral("mina.p 2024.docx"), user, name));
        QVERIFY(blind::fileNameNamesUser(QStringLiteral("park family.png"), user, name)); // a word of the name
        QVERIFY(blind::fileNameNamesUser(QStringLiteral("김서연_이력서.pdf"), QStringLiteral("seoyeon"), QStringLiteral("김서연")));
        QVERIFY(!blind::fileNameNamesUser(QStringLiteral("parking.pdf"), user, name));
        QVERIFY(!blind::fileNameNamesUser(QStringLiteral("seminar notes.txt"), QStringLiteral("mina"), QStringLiteral("Mi Na")));
        QVERIFY(!blind::fileNameNamesUser(QStringLiteral("IMG_0042.jpg"), user, name));
    }

    void aliasesRevealAndReports()
    {
        CONFAB_START_HARNESS(h, {});
        TestClient owner, joon;
        QVERIFY(owner.open(h.server().url()) && owner.signUp(QStringLiteral("olwen")));
        QVERIFY(joon.open(h.server().url()));
        AuthRegister registration;
        registration.username = QStringLiteral("joon");
        registration.password = kPassword;
        registration.displayName = QStringLiteral("Joon Lee");
        registration.device = QStringLiteral("test");
        const Frame joinedJoon = joon.request(registration);
        QVERIFY2(std::holds_alternative<AuthOk>(joinedJoon), qPrintable(TestClient::describe(joinedJoon)));
        const QString joonId = std::get<AuthOk>(joinedJoon).user.id;

        Device a;
        a->registerAccount(h.server().url(), QStringLiteral("mina"), QStringLiteral("Mina Park"), kPassword);
        QTRY_VERIFY_WITH_TIMEOUT(a.online(), 20000);
        const Frame created = owner.request(
            ConversationCreate{ConversationKind::Blind, QStringLiteral("Matching"), {a->userId(), joonId}});
        QVERIFY2(std::holds_alternative<ConversationDetail>(created), qPrintable(TestClient::describe(created)));
        const QString room = std::get<ConversationDetail>(created).conversation.id;
        const QString group = std::get<ConversationDetail>(
            owner.request(ConversationCreate{ConversationKind::Group, QStringLiteral("open"), {a->userId()}}))
                                  .conversation.id;
        QTRY_VERIFY_WITH_TIMEOUT(a->conversations()->indexOf(room) >= 0 && a->conversations()->indexOf(group) >= 0,
                                 10000);
        a->openConversation(room);
        const MemberInfo joonAlias = meIn(joon, room);
        QVERIFY(joonAlias.nameKo);
        QTRY_COMPARE_WITH_TIMEOUT(a->members()->rowCount(), 3, 10000);

        // Aliases in the UI language: English, then Korean, the same member either way.
        QCOMPARE(roleOf(a->members(), joonAlias.id, MemberListModel::NameRole).toString(), joonAlias.name);
        a->setLanguage(QStringLiteral("ko"));
        QCOMPARE(roleOf(a->members(), joonAlias.id, MemberListModel::NameRole).toString(), *joonAlias.nameKo);
        const QModelIndex roomRow = a->conversations()->index(a->conversations()->indexOf(room));
        const QString myAliasKo = roomRow.data(ConversationListModel::MyAliasRole).toString();
        QVERIFY2(myAliasKo.contains(QRegularExpression(QStringLiteral("^[\\x{AC00}-\\x{D7A3}]+ "))), qPrintable(myAliasKo));
        QVERIFY(std::holds_alternative<Ok>(joon.request(Typing{room, true})));
        QTRY_COMPARE_WITH_TIMEOUT(a->typingText(), QStringLiteral("%1 is typing…").arg(*joonAlias.nameKo), 10000);
        QVERIFY(std::holds_alternative<Ok>(joon.request(Typing{room, false})));
        a->setLanguage(QStringLiteral("en"));
        QCOMPARE(roleOf(a->members(), joonAlias.id, MemberListModel::NameRole).toString(), joonAlias.name);

        // Files named after me: the composer is warned in the blind room, and only there.
        const QStringList files{QStringLiteral("/tmp/mina_cv.pdf"), QStringLiteral("/tmp/notes.txt"),
                                QStringLiteral("file:///tmp/Mina%20Park%20photo.png")};
        QCOMPARE(a->identifyingFileNames(room, files),
                 (QStringList{QStringLiteral("mina_cv.pdf"), QStringLiteral("Mina Park photo.png")}));
        QVERIFY(a->identifyingFileNames(group, files).isEmpty());

        // The reveal flow: what the confirmation shows, the offer, Joon's answer, the names.
        QVERIFY(a->currentRevealsAllowed());
        QVERIFY(!a->currentIsOwner());
        const QVariantMap preview = a->revealPreview(room, joonAlias.id);
        QCOMPARE(preview.value(QStringLiteral("toRoom")).toBool(), false);
        QCOMPARE(preview.value(QStringLiteral("target")).toString(), joonAlias.name);
        QCOMPARE(preview.value(QStringLiteral("displayName")).toString(), QStringLiteral("Mina Park"));
        QCOMPARE(preview.value(QStringLiteral("username")).toString(), QStringLiteral("mina"));
        QCOMPARE(preview.value(QStringLiteral("theyOffered")).toBool(), false);
        a->offerReveal(room, joonAlias.id);
        QVERIFY(joon.waitForPushed([&](const Frame &f) {
            const auto *e = std::get_if<Event>(&f);
            return e && e->kind == EventKind::RevealOffered && e->targetId == joonAlias.id;
        }));
        QTRY_VERIFY_WITH_TIMEOUT(roleOf(a->members(), joonAlias.id, MemberListModel::OfferedByMeRole).toBool(), 10000);
        QVERIFY(!roleOf(a->members(), joonAlias.id, MemberListModel::RevealedRole).toBool());
        QVERIFY(std::holds_alternative<Ok>(joon.request(ConversationReveal{room, std::nullopt, true})));
        QTRY_VERIFY_WITH_TIMEOUT(roleOf(a->members(), joonAlias.id, MemberListModel::RevealedRole).toBool(), 10000);
        QCOMPARE(roleOf(a->members(), joonAlias.id, MemberListModel::NameRole).toString(), QStringLiteral("Joon Lee"));
        QCOMPARE(roleOf(a->members(), joonAlias.id, MemberListModel::AliasNameRole).toString(), joonAlias.name);
        QCOMPARE(roleOf(a->members(), joonAlias.id, MemberListModel::UsernameRole).toString(), QStringLiteral("joon"));
        QVERIFY(!roleOf(a->members(), joonAlias.id, MemberListModel::OfferedByMeRole).toBool());
        // Named everywhere the app names him: typing, the timeline.
        QVERIFY(std::holds_alternative<Ok>(joon.request(Typing{room, true})));
        QTRY_COMPARE_WITH_TIMEOUT(a->typingText(), QStringLiteral("Joon Lee is typing…"), 10000);
        MessageSend hello;
        hello.conversationId = room;
        hello.clientId = QStringLiteral("j1");
        hello.body = QStringLiteral("hello");
        QVERIFY(std::holds_alternative<MessageSent>(joon.request(hello)));
        QTRY_COMPARE_WITH_TIMEOUT(bodies(a->messages()).value(0), QStringLiteral("hello"), 10000);
        int helloRow = -1; // the timeline also holds lines of the room's events (the offer, the reveal)
        for (int row = 0; row < a->messages()->rowCount(); ++row) {
            if (a->messages()->index(row).data(MessageListModel::BodyRole).toString() == QStringLiteral("hello"))
                helloRow = row;
        }
        const QModelIndex last = a->messages()->index(helloRow);
        QCOMPARE(last.data(MessageListModel::SenderNameRole).toString(), QStringLiteral("Joon Lee"));
        // The owner's room offer would need my answer too; Joon's offer to the room shows as such.
        QVERIFY(std::holds_alternative<Ok>(owner.request(ConversationReveal{room, std::nullopt, true})));
        const QString ownerAlias = meIn(owner, room).id;
        QTRY_VERIFY_WITH_TIMEOUT(roleOf(a->members(), ownerAlias, MemberListModel::OfferedToMeRole).toBool(), 10000);
        QCOMPARE(a->revealPreview(room, ownerAlias).value(QStringLiteral("theyOffered")).toBool(), true);

        // Not the owner: switching reveals off is refused, and said so.
        QSignalSpy errors(a.client.get(), &ChatClient::errorOccurred);
        a->setRevealsAllowed(room, false);
        QTRY_COMPARE_WITH_TIMEOUT(errors.count(), 1, 10000);
        // A report reaches the operator.
        QSignalSpy reported(a.client.get(), &ChatClient::memberReported);
        a->reportMember(room, ownerAlias, QStringLiteral("Pushy about revealing"));
        QTRY_COMPARE_WITH_TIMEOUT(reported.count(), 1, 10000);
        QCOMPARE(reported.first().at(1).toString(), ownerAlias);
    }
};

QTEST_MAIN(TestClientBlind)
#include "tst_client_blind.moc"

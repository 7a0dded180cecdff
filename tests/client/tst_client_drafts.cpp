// Drafts through the client library against a real server: each conversation keeps its own (text,
// files, the message it answers), the conversation list says "Draft" where one waits, and they are
// still there after the app quits and starts again on the same data folder.
#include "device.h"
#include "harness.h"

using namespace confab::client;
using namespace confab::protocol;
using namespace confab::test;

namespace {
QString draftOnRow(ChatClient *client, const QString &conversationId)
{
    const int row = client->conversations()->indexOf(conversationId);
    return row < 0 ? QStringLiteral("<no row>")
                   : client->conversations()->data(client->conversations()->index(row), ConversationListModel::DraftRole).toString();
}
} // namespace

class TestClientDrafts : public QObject {
    Q_OBJECT
private slots:
    void initTestCase_data() { addBackendRows(); }

    void keptPerConversationAcrossARestart()
    {
        CONFAB_START_HARNESS(h, {});
        Device a, b;
        QString direct;
        QVERIFY(pairDevices(h, a, b, &direct));
        // Joon writes; Mina answers it in a draft.
        b->sendMessage(direct, QStringLiteral("Lunch at noon?"));
        QTRY_VERIFY_WITH_TIMEOUT(!a->messages()->lastOwnMessageId().isNull() || a->messages()->rowCount() == 1, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(a->messages()->rowCount(), 1, 10000);
        const QString question = a->messages()->data(a->messages()->index(0), MessageListModel::MessageIdRole).toString();
        QVERIFY(!question.isEmpty());

        QSignalSpy ready(a.client.get(), &ChatClient::conversationReady);
        a->createGroup(QStringLiteral("Design team"), {QStringLiteral("joon")});
        QTRY_VERIFY_WITH_TIMEOUT(!ready.isEmpty(), 10000);
        const QString group = ready.first().first().toString();

        // Text typed in each conversation stays with it (DESIGN.md, invariant 10).
        Drafts *drafts = a->drafts();
        a->composerTextChanged(direct, QStringLiteral("Yes, **noon** works\nsee you"));
        drafts->setFiles(direct, {QStringLiteral("file:///tmp/menu.pdf")});
        drafts->setReplyTo(direct, question);
        a->composerTextChanged(group, QStringLiteral("Agenda for Friday"));
        a->openConversation(group);
        QCOMPARE(drafts->text(direct), QStringLiteral("Yes, **noon** works\nsee you"));
        QCOMPARE(drafts->text(group), QStringLiteral("Agenda for Friday"));
        // The row of the conversation not open says what waits there, as plain text; the open one
        // has it in its composer.
        QCOMPARE(draftOnRow(a.client.get(), direct), QStringLiteral("Yes, noon works"));
        QCOMPARE(draftOnRow(a.client.get(), group), QString());
        a->openConversation(direct);
        QCOMPARE(draftOnRow(a.client.get(), group), QStringLiteral("Agenda for Friday"));
        QCOMPARE(draftOnRow(a.client.get(), direct), QString());

        // The app quits and starts again on the same data folder.
        a.restart();
        a->resume(h.server().url(), QStringLiteral("mina"));
        QTRY_VERIFY_WITH_TIMEOUT(a.online(), 20000);
        drafts = a->drafts();
        QCOMPARE(drafts->text(direct), QStringLiteral("Yes, **noon** works\nsee you"));
        QCOMPARE(drafts->files(direct), QStringList{QStringLiteral("file:///tmp/menu.pdf")});
        QCOMPARE(drafts->replyTo(direct), question);
        QCOMPARE(drafts->text(group), QStringLiteral("Agenda for Friday"));
        QCOMPARE(drafts->files(group), QStringList());
        QCOMPARE(draftOnRow(a.client.get(), direct), QStringLiteral("Yes, noon works"));
        QCOMPARE(draftOnRow(a.client.get(), group), QStringLiteral("Agenda for Friday"));

        // Sent: the draft is gone, here and after the next start.
        a->openConversation(direct);
        a->sendMessage(direct, drafts->text(direct), {}, drafts->replyTo(direct));
        drafts->clear(direct);
        QCOMPARE(draftOnRow(a.client.get(), direct), QString());
        // Files alone: the row counts them.
        drafts->setFiles(group, {QStringLiteral("file:///tmp/a.png"), QStringLiteral("file:///tmp/b.png")});
        drafts->setText(group, QString());
        QCOMPARE(draftOnRow(a.client.get(), group), QStringLiteral("2 file(s)"));
        a.restart();
        a->resume(h.server().url(), QStringLiteral("mina"));
        QTRY_VERIFY_WITH_TIMEOUT(a.online(), 20000);
        QVERIFY(!a->drafts()->has(direct));
        QCOMPARE(a->drafts()->files(group).size(), 2);
        // Another account on the same computer has drafts of its own.
        Device other;
        other->registerAccount(h.server().url(), QStringLiteral("sora"), QStringLiteral("Sora"), kTestPassword);
        QTRY_VERIFY_WITH_TIMEOUT(other.online(), 20000);
        QVERIFY(!other->drafts()->has(group));
    }
};

QTEST_MAIN(TestClientDrafts)
#include "tst_client_drafts.moc"

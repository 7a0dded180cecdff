// Forwarding and unread marks through the client library against a real server, with two
// installations: a forwarded file opens on the other side (its bytes, never uploaded again), the
// copy says "Forwarded"; an unread mark set on one device shows on the other and goes when the
// conversation is opened there.
#include "device.h"
#include "harness.h"

#include <QCryptographicHash>

using namespace confab::client;
using namespace confab::protocol;
using namespace confab::test;

namespace {
QVariant roleOf(ConversationListModel *list, const QString &conversationId, int role)
{
    const int row = list->indexOf(conversationId);
    return row < 0 ? QVariant() : list->data(list->index(row), role);
}

QVariant lastRole(MessageListModel *model, int role)
{
    return model->rowCount() == 0 ? QVariant() : model->data(model->index(model->rowCount() - 1), role);
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}
} // namespace

class TestClientForward : public QObject {
    Q_OBJECT
private slots:
    void initTestCase_data() { addBackendRows(); }

    void forwardedAttachmentOpensOnTheOtherSide()
    {
        CONFAB_START_HARNESS(h, {});
        Device a, b;
        QString direct;
        QVERIFY(pairDevices(h, a, b, &direct));
        QSignalSpy ready(a.client.get(), &ChatClient::conversationReady);
        a->createGroup(QStringLiteral("Design team"), {QStringLiteral("joon")});
        QTRY_VERIFY_WITH_TIMEOUT(!ready.isEmpty(), 10000);
        const QString group = ready.first().first().toString();
        a->openConversation(direct);

        // Mina sends notes to Joon in their direct conversation.
        QTemporaryDir files;
        const QByteArray notes = QByteArray("회의록: the launch moves to Friday\n").repeated(300);
        QFile file(files.filePath(QStringLiteral("notes.txt")));
        QVERIFY(file.open(QIODevice::WriteOnly) && file.write(notes) == notes.size());
        file.close();
        a->sendMessage(direct, QStringLiteral("the notes"), {file.fileName()});
        QTRY_VERIFY_WITH_TIMEOUT(a->pendingCount() == 0, 30000);
        const QString original = a->messages()->lastOwnMessageId();
        QVERIFY(!original.isEmpty());

        // The picker lists every conversation but this one; Mina picks the group and forwards.
        Forwarding *forwarding = a->forwarding();
        forwarding->begin(direct, original);
        ForwardTargets *targets = forwarding->targets();
        QCOMPARE(targets->rowCount(), 1);
        QCOMPARE(targets->titleAt(0), QStringLiteral("Design team"));
        targets->setFilterText(QStringLiteral("nothing like it"));
        QCOMPARE(targets->rowCount(), 0);
        targets->setFilterText(QStringLiteral("design"));
        QCOMPARE(targets->rowCount(), 1);
        targets->toggle(0);
        QCOMPARE(targets->pickedIds(), QStringList{group});
        QSignalSpy forwarded(forwarding, &Forwarding::forwarded);
        QVERIFY(forwarding->send());
        QTRY_VERIFY_WITH_TIMEOUT(!forwarded.isEmpty(), 10000);
        QCOMPARE(forwarded.first().at(0).toString(), group);

        // Joon opens the group: the copy says "Forwarded", carries a file of its own, and it opens.
        b->openConversation(group);
        QTRY_VERIFY_WITH_TIMEOUT(lastRole(b->messages(), MessageListModel::ForwardedRole).toBool(), 10000);
        QCOMPARE(lastRole(b->messages(), MessageListModel::BodyRole).toString(), QStringLiteral("the notes"));
        QCOMPARE(lastRole(b->messages(), MessageListModel::OwnRole).toBool(), false);
        QTRY_COMPARE_WITH_TIMEOUT(lastRole(b->messages(), MessageListModel::AttachmentsRole).toList().size(), 1, 10000);
        // Its metadata comes with attachment.fetch, from the target's own row.
        const auto attachmentNow = [&] {
            return lastRole(b->messages(), MessageListModel::AttachmentsRole).toList().value(0).toMap();
        };
        QTRY_COMPARE_WITH_TIMEOUT(attachmentNow().value(QStringLiteral("name")).toString(), QStringLiteral("notes.txt"), 10000);
        const QVariantMap attachment = attachmentNow();
        QSignalSpy saved(b.client.get(), &ChatClient::attachmentSaved);
        b->setDownloadFolder(b.dir.filePath(QStringLiteral("Downloads")));
        b->saveAttachment(attachment.value(QStringLiteral("id")).toString());
        QTRY_VERIFY_WITH_TIMEOUT(!saved.isEmpty(), 30000);
        QCOMPARE(readAll(saved.first().at(1).toString()), notes);
        // An ordinary message in the same timeline is not marked.
        b->sendMessage(group, QStringLiteral("got it"));
        QTRY_COMPARE_WITH_TIMEOUT(lastRole(b->messages(), MessageListModel::BodyRole).toString(), QStringLiteral("got it"), 10000);
        QCOMPARE(lastRole(b->messages(), MessageListModel::ForwardedRole).toBool(), false);
        // Mina's own timeline of the group shows her copy as forwarded too.
        a->openConversation(group);
        QTRY_VERIFY_WITH_TIMEOUT(a->messages()->rowCount() >= 2, 10000);
        const int copyRow = a->messages()->rowOfMessage(forwarded.first().at(1).toString());
        QVERIFY(copyRow >= 0);
        QVERIFY(a->messages()->data(a->messages()->index(copyRow), MessageListModel::ForwardedRole).toBool());
    }

    void markUnreadShowsOnTheOtherDevice()
    {
        CONFAB_START_HARNESS(h, {});
        Device laptop, joon;
        QString direct;
        QVERIFY(pairDevices(h, laptop, joon, &direct));
        // Mina's second installation, on her desk.
        Device desk;
        desk->signIn(h.server().url(), QStringLiteral("mina"), kTestPassword);
        QTRY_VERIFY_WITH_TIMEOUT(desk.online(), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(desk->conversations()->indexOf(direct) >= 0, 10000);
        joon->sendMessage(direct, QStringLiteral("did you see this?"));
        QTRY_COMPARE_WITH_TIMEOUT(laptop->messages()->rowCount(), 1, 10000);
        // Read on the laptop (it is open there): nothing unread on the desk either.
        laptop->markRead(direct, laptop->messages()->newestSeq());
        QTRY_COMPARE_WITH_TIMEOUT(roleOf(desk->conversations(), direct, ConversationListModel::UnreadRole).toInt(), 0, 10000);
        QCOMPARE(roleOf(desk->conversations(), direct, ConversationListModel::MarkedUnreadRole).toBool(), false);

        // Marked unread on the laptop: shown at once there, and on the desk when the server says so.
        laptop->forwarding()->markUnread(direct);
        QCOMPARE(roleOf(laptop->conversations(), direct, ConversationListModel::MarkedUnreadRole).toBool(), true);
        QTRY_VERIFY_WITH_TIMEOUT(
            roleOf(desk->conversations(), direct, ConversationListModel::MarkedUnreadRole).toBool(), 10000);
        QCOMPARE(roleOf(desk->conversations(), direct, ConversationListModel::UnreadRole).toInt(), 0);
        // Joon's side knows nothing of it.
        QCOMPARE(roleOf(joon->conversations(), direct, ConversationListModel::MarkedUnreadRole).toBool(), false);
        // The desk's app restarts: the mark is still there (the cache, then the server's list).
        desk.restart();
        desk->resume(h.server().url(), QStringLiteral("mina"));
        QTRY_VERIFY_WITH_TIMEOUT(desk.online(), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(
            roleOf(desk->conversations(), direct, ConversationListModel::MarkedUnreadRole).toBool(), 10000);

        // Opened on the desk: read again, the mark goes on both.
        desk->openConversation(direct);
        QCOMPARE(roleOf(desk->conversations(), direct, ConversationListModel::MarkedUnreadRole).toBool(), false);
        QTRY_VERIFY_WITH_TIMEOUT(
            !roleOf(laptop->conversations(), direct, ConversationListModel::MarkedUnreadRole).toBool(), 10000);

        // "Mark as read" of the list reads everything and takes the mark away.
        laptop->forwarding()->markUnread(direct);
        QTRY_VERIFY_WITH_TIMEOUT(
            roleOf(desk->conversations(), direct, ConversationListModel::MarkedUnreadRole).toBool(), 10000);
        desk->markConversationRead(direct);
        QTRY_VERIFY_WITH_TIMEOUT(
            !roleOf(laptop->conversations(), direct, ConversationListModel::MarkedUnreadRole).toBool(), 10000);
    }
};

QTEST_GUILESS_MAIN(TestClientForward)
#include "tst_client_forward.moc"

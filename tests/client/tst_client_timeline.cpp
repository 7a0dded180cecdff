// The timeline as a reader moves through it: scrolling back to the very first message, opening a
// conversation at the first message not read yet, and a session that ends while messages wait.
#include "device.h"
#include "harness.h"

using namespace confab::client;
using namespace confab::protocol;
using namespace confab::test;

namespace {
//! Mina writes `count` messages "<prefix>1".."<prefix>count" through a raw protocol client, in order.
bool writeMany(Harness &h, const QString &conversationId, const QString &prefix, int count)
{
    TestClient mina;
    if (!mina.open(h.server().url()) || !mina.signIn(QStringLiteral("mina"), kTestPassword))
        return false;
    for (int i = 1; i <= count; ++i) {
        const Frame reply = mina.request(textMessage(conversationId, QStringLiteral("%1-%2").arg(prefix).arg(i),
                                                     prefix + QString::number(i)));
        if (!std::holds_alternative<MessageSent>(reply))
            return false;
    }
    return true;
}

QList<QString> numbered(const QString &prefix, int from, int to)
{
    QList<QString> out;
    for (int i = from; i <= to; ++i)
        out.append(prefix + QString::number(i));
    return out;
}

//! Scrolls the open conversation back until nothing older exists; false when it stops growing.
bool scrollToTheTop(Device &d)
{
    MessageListModel *timeline = d->messages();
    for (int page = 0; page < 40 && timeline->canLoadOlder(); ++page) {
        const int before = timeline->rowCount();
        d->loadOlder();
        if (!QTest::qWaitFor([&] { return timeline->rowCount() > before || !timeline->canLoadOlder(); }, 10000))
            return false;
    }
    return !timeline->canLoadOlder();
}

QString bodyAt(MessageListModel *model, int row)
{
    return model->data(model->index(row), MessageListModel::BodyRole).toString();
}

qint64 seqOf(MessageListModel *model, const QString &body)
{
    for (int i = 0; i < model->rowCount(); ++i) {
        if (bodyAt(model, i) == body)
            return model->data(model->index(i), MessageListModel::SeqRole).toLongLong();
    }
    return -1;
}
} // namespace

class TestClientTimeline : public QObject {
    Q_OBJECT
private slots:
    void initTestCase_data() { addBackendRows(); }

    //! Page after page back to the first message: every message once, in order, from the server
    //! on a new computer and from the local cache after a restart.
    void scrollingBackReachesTheFirstMessage()
    {
        CONFAB_START_HARNESS(h, {});
        Device a, b;
        QString id;
        QVERIFY(pairDevices(h, a, b, &id));
        QVERIFY(writeMany(h, id, QStringLiteral("m"), 130));
        const QList<QString> all = numbered(QStringLiteral("m"), 1, 130);

        Device laptop;
        laptop->signIn(h.server().url(), QStringLiteral("joon"), kTestPassword);
        QTRY_VERIFY_WITH_TIMEOUT(laptop.online() && laptop->conversations()->indexOf(id) >= 0, 20000);
        laptop->openConversation(id);
        QTRY_COMPARE_WITH_TIMEOUT(bodies(laptop->messages()).value(laptop->messages()->rowCount() - 1),
                                  QStringLiteral("m130"), 10000);
        QVERIFY(laptop->messages()->rowCount() < 130); // a window, not the whole history
        QVERIFY(scrollToTheTop(laptop));
        QCOMPARE(bodies(laptop->messages()), all);

        // The app starts again: the same pages come from the cache this time.
        laptop.restart();
        laptop->resume(h.server().url(), QStringLiteral("joon"));
        QTRY_VERIFY_WITH_TIMEOUT(laptop.online(), 20000);
        laptop->openConversation(id);
        QTRY_COMPARE_WITH_TIMEOUT(bodies(laptop->messages()).value(laptop->messages()->rowCount() - 1),
                                  QStringLiteral("m130"), 10000);
        QVERIFY(scrollToTheTop(laptop));
        QCOMPARE(bodies(laptop->messages()), all);
    }

    //! The "new messages" line sits above the first message I have not read, on any computer,
    //! also when more arrived than one page holds.
    void opensAtTheFirstUnreadMessage()
    {
        CONFAB_START_HARNESS(h, {});
        Device a, b;
        QString id;
        QVERIFY(pairDevices(h, a, b, &id));
        QVERIFY(writeMany(h, id, QStringLiteral("m"), 30));
        QTRY_COMPARE_WITH_TIMEOUT(b->messages()->rowCount(), 30, 20000);
        // Joon reads up to m10 and closes the conversation.
        const qint64 readUpTo = seqOf(b->messages(), QStringLiteral("m10"));
        QVERIFY(readUpTo > 0);
        b->markRead(id, readUpTo);
        b->openConversation(QString());
        // The marker reached the server once Mina sees m10 read.
        QTRY_VERIFY_WITH_TIMEOUT(seqOf(a->messages(), QStringLiteral("m10")) > 0
                                     && a->messages()
                                                ->data(a->messages()->index(9), MessageListModel::StatusRole)
                                                .toInt()
                                            == int(MessageListModel::Status::Read),
                                 10000);

        Device laptop;
        laptop->signIn(h.server().url(), QStringLiteral("joon"), kTestPassword);
        QTRY_VERIFY_WITH_TIMEOUT(laptop.online() && laptop->conversations()->indexOf(id) >= 0, 20000);
        const QModelIndex row = laptop->conversations()->index(laptop->conversations()->indexOf(id));
        QTRY_COMPARE_WITH_TIMEOUT(row.data(ConversationListModel::UnreadRole).toInt(), 20, 10000);
        laptop->openConversation(id);
        QTRY_COMPARE_WITH_TIMEOUT(laptop->messages()->rowCount(), 30, 10000);
        QCOMPARE(bodyAt(laptop->messages(), laptop->messages()->firstUnreadRow()), QStringLiteral("m11"));

        // Ninety unread, more than one page: the window reaches back to the first of them.
        laptop->openConversation(QString());
        QVERIFY(writeMany(h, id, QStringLiteral("n"), 70));
        Device desk;
        desk->signIn(h.server().url(), QStringLiteral("joon"), kTestPassword);
        QTRY_VERIFY_WITH_TIMEOUT(desk.online() && desk->conversations()->indexOf(id) >= 0, 20000);
        desk->openConversation(id);
        QTRY_VERIFY_WITH_TIMEOUT(desk->messages()->firstUnreadRow() >= 0
                                     && bodyAt(desk->messages(), desk->messages()->firstUnreadRow()) == QStringLiteral("m11"),
                                 10000);
        QCOMPARE(bodies(desk->messages()).last(), QStringLiteral("n70"));
        // The laptop kept up in the background: the same from its cache.
        QTRY_COMPARE_WITH_TIMEOUT(
            laptop->conversations()
                ->data(laptop->conversations()->index(laptop->conversations()->indexOf(id)), ConversationListModel::LastMessageRole).toString(), QStringLiteral("n70"),
            10000);
        laptop->openConversation(id);
        QCOMPARE(bodyAt(laptop->messages(), laptop->messages()->firstUnreadRow()), QStringLiteral("m11"));
        QCOMPARE(bodies(laptop->messages()).last(), QStringLiteral("n70"));
    }

    //! The server ends the session (the account was disabled) while messages wait to be sent:
    //! the app is signed out, and the messages stay in the outbox, across a restart, until the
    //! user signs in again; then they leave once each.
    void aSessionThatEndsKeepsTheOutbox()
    {
        CONFAB_START_HARNESS(h, {});
        Device a, b;
        QString id;
        QVERIFY(pairDevices(h, a, b, &id));
        h.server().stop();
        QTRY_VERIFY_WITH_TIMEOUT(!a.online(), 10000);
        a->sendMessage(id, QStringLiteral("written offline 1"));
        a->sendMessage(id, QStringLiteral("written offline 2"));
        QCOMPARE(a->pendingCount(), 2);

        QString out;
        QCOMPARE(h.server().runAdmin({QStringLiteral("user"), QStringLiteral("disable"), QStringLiteral("mina")}, {}, &out), 0);
        QVERIFY2(h.server().start(), qPrintable(h.server().errorString()));
        QSignalSpy failed(a.client.get(), &ChatClient::signInFailed);
        QTRY_COMPARE_WITH_TIMEOUT(a->connectionState(), ChatClient::ConnectionState::SignedOut, 30000);
        QVERIFY(!failed.isEmpty());
        QCOMPARE(a->pendingCount(), 2);
        QCOMPARE(bodies(a->messages()).mid(0, 2),
                 (QList<QString>{QStringLiteral("written offline 1"), QStringLiteral("written offline 2")}));

        // The app quits and starts again: still there, still waiting.
        a.restart();
        a->resume(h.server().url(), QStringLiteral("mina"));
        QCOMPARE(a->pendingCount(), 2);
        QTRY_COMPARE_WITH_TIMEOUT(a->connectionState(), ChatClient::ConnectionState::SignedOut, 20000);
        QCOMPARE(a->pendingCount(), 2);

        // The operator enables the account again and Mina signs in: both leave, once, in order.
        QCOMPARE(h.server().runAdmin({QStringLiteral("user"), QStringLiteral("enable"), QStringLiteral("mina")}, {}, &out), 0);
        a->signIn(h.server().url(), QStringLiteral("mina"), kTestPassword);
        QTRY_VERIFY_WITH_TIMEOUT(a.online() && a->pendingCount() == 0, 30000);
        const QList<QString> expected{QStringLiteral("written offline 1"), QStringLiteral("written offline 2")};
        QTRY_COMPARE_WITH_TIMEOUT(bodies(b->messages()), expected, 30000);
        QTest::qWait(300);
        QCOMPARE(bodies(b->messages()), expected);
    }
};

QTEST_GUILESS_MAIN(TestClientTimeline)
#include "tst_client_timeline.moc"

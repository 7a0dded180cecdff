// confab-client end to end: real server processes, real databases, a real (throwaway) keychain.
#include "device.h"
#include "harness.h"

using namespace confab::client;
using namespace confab::protocol;
using namespace confab::test;

namespace {
const QString kPassword = QStringLiteral("correct horse 1");

bool online(Device &d)
{
    return d.online();
}

int statusOf(MessageListModel *model, int row)
{
    return model->data(model->index(row), MessageListModel::StatusRole).toInt();
}

//! The messages of a conversation as the server has them, read with a raw protocol client.
QList<MessageInfo> serverMessages(Harness &h, const QString &username, const QString &conversationId)
{
    TestClient c;
    if (!c.open(h.server().url()) || !c.signIn(username, kPassword))
        return {};
    QList<MessageInfo> out;
    std::optional<qint64> before;
    while (true) {
        const Frame reply = c.request(HistoryRequest{conversationId, before, std::nullopt, 100});
        const auto *page = std::get_if<History>(&reply);
        if (!page)
            return {};
        QList<MessageInfo> chunk;
        for (const Event &e : page->events) {
            if (e.kind == EventKind::Message)
                chunk.append(*e.message);
        }
        out = chunk + out;
        if (!page->hasMore || page->events.isEmpty())
            break;
        before = page->events.first().seq;
    }
    return out;
}
} // namespace

class TestClient_ : public QObject {
    Q_OBJECT
private slots:
    void initTestCase_data() { addBackendRows(); }

    void signInSendAndReceive()
    {
        CONFAB_START_HARNESS(h, {});
        Device a, b;
        QString id;
        QVERIFY(pairDevices(h, a, b, &id));
        QCOMPARE(a->conversations()->data(a->conversations()->index(0), ConversationListModel::TitleRole).toString(),
                 QStringLiteral("Joon"));

        a->sendMessage(id, QStringLiteral("안녕하세요"));
        // Shown at once as sending, then sent.
        QCOMPARE(bodies(a->messages()).last(), QStringLiteral("안녕하세요"));
        QTRY_COMPARE_WITH_TIMEOUT(bodies(b->messages()), QList<QString>{QStringLiteral("안녕하세요")}, 10000);
        QTRY_VERIFY(statusOf(a->messages(), 0) != int(MessageListModel::Status::Sending));
        QCOMPARE(a->pendingCount(), 0);

        // Joon has the conversation open: once he marks it read, Mina sees "read".
        const qint64 seq = b->messages()->data(b->messages()->index(0), MessageListModel::SeqRole).toLongLong();
        b->markRead(id, seq);
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(a->messages(), 0), int(MessageListModel::Status::Read), 10000);

        // Joon answers; Mina, with another conversation open, gets an unread badge.
        a->openConversation(QString());
        b->sendMessage(id, QStringLiteral("반가워요"));
        QTRY_COMPARE_WITH_TIMEOUT(a->conversations()->data(a->conversations()->index(0), ConversationListModel::UnreadRole).toInt(), 1, 10000);
        QCOMPARE(a->conversations()->data(a->conversations()->index(0), ConversationListModel::LastMessageRole).toString(),
                 QStringLiteral("반가워요"));
    }

    void typingAndPresence()
    {
        CONFAB_START_HARNESS(h, {{QStringLiteral("limits/typing_stop_ms"), QStringLiteral("1000")}});
        Device a, b;
        QString id;
        QVERIFY(pairDevices(h, a, b, &id));
        QSignalSpy typingChanged(b.client.get(), &ChatClient::typingChanged);
        a->composerTextChanged(id, QStringLiteral("안"));
        QTRY_COMPARE_WITH_TIMEOUT(b->typingText(), QStringLiteral("Mina is typing…"), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(b->conversations()->data(b->conversations()->index(0), ConversationListModel::TypingRole).toString(),
                                  QStringLiteral("Mina is typing…"), 10000);
        // Sending ends it at once for the receiver.
        a->sendMessage(id, QStringLiteral("안녕"));
        QTRY_COMPARE_WITH_TIMEOUT(b->typingText(), QString(), 10000);
        // Typing then pausing: a stop follows after typing_stop_ms without a keystroke.
        a->composerTextChanged(id, QStringLiteral("one more"));
        QTRY_COMPARE_WITH_TIMEOUT(b->typingText(), QStringLiteral("Mina is typing…"), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(b->typingText(), QString(), 10000);
        // With sending typing turned off, nothing is announced.
        a->setSendTyping(false);
        a->composerTextChanged(id, QStringLiteral("secret"));
        QTest::qWait(600);
        QCOMPARE(b->typingText(), QString());

        // Presence: each sees the other online; away sticks across a reconnect.
        QTRY_COMPARE_WITH_TIMEOUT(a->presenceOf(b->userId()), QStringLiteral("online"), 10000);
        b->setAway(true);
        QTRY_COMPARE_WITH_TIMEOUT(a->presenceOf(b->userId()), QStringLiteral("away"), 10000);
        b->connection().retryNow();
        b.client->connection().close();
        QTRY_COMPARE_WITH_TIMEOUT(a->presenceOf(b->userId()), QStringLiteral("offline"), 10000);
        b->resume(h.server().url(), QStringLiteral("joon"));
        QTRY_VERIFY_WITH_TIMEOUT(online(b), 20000);
        QTest::qWait(500);
        QCOMPARE(a->presenceOf(b->userId()), QStringLiteral("away"));
    }

    void privateReadReceipts()
    {
        CONFAB_START_HARNESS(h, {});
        Device a, b, bLaptop;
        QString id;
        QVERIFY(pairDevices(h, a, b, &id));
        QVERIFY(b->shareReadReceipts());
        QSignalSpy changed(b.client.get(), &ChatClient::shareReadReceiptsChanged);
        b->setShareReadReceipts(false);
        // The switch follows the server, not the click.
        QVERIFY(b->shareReadReceipts());
        QTRY_VERIFY_WITH_TIMEOUT(!b->shareReadReceipts(), 10000);
        QCOMPARE(changed.size(), 1);
        // Joon's other computer learns it at sign-in.
        bLaptop->signIn(h.server().url(), QStringLiteral("joon"), kPassword);
        QTRY_VERIFY_WITH_TIMEOUT(online(bLaptop), 20000);
        QVERIFY(!bLaptop->shareReadReceipts());
        QTRY_VERIFY_WITH_TIMEOUT(bLaptop->conversations()->indexOf(id) >= 0, 10000);

        a->sendMessage(id, QStringLiteral("did you read this?"));
        QTRY_COMPARE_WITH_TIMEOUT(bodies(b->messages()), QList<QString>{QStringLiteral("did you read this?")}, 10000);
        const int row = bLaptop->conversations()->indexOf(id);
        QTRY_COMPARE_WITH_TIMEOUT(bLaptop->conversations()->data(bLaptop->conversations()->index(row), ConversationListModel::UnreadRole).toInt(), 1, 10000);
        const qint64 seq = b->messages()->data(b->messages()->index(0), MessageListModel::SeqRole).toLongLong();
        b->markRead(id, seq);
        // Joon's laptop clears its badge; Mina sees it delivered, never read.
        QTRY_COMPARE_WITH_TIMEOUT(bLaptop->conversations()->data(bLaptop->conversations()->index(row), ConversationListModel::UnreadRole).toInt(), 0, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(a->messages(), 0), int(MessageListModel::Status::Delivered), 10000);
        QTest::qWait(500);
        QCOMPARE(statusOf(a->messages(), 0), int(MessageListModel::Status::Delivered));
        QCOMPARE(a->messages()->data(a->messages()->index(0), MessageListModel::ReadCountRole).toInt(), 0);
    }

    void tokenLivesInTheKeychain()
    {
        CONFAB_START_HARNESS(h, {});
        Device a;
        a->registerAccount(h.server().url(), QStringLiteral("sora"), QStringLiteral("Sora"), kPassword);
        QTRY_VERIFY_WITH_TIMEOUT(online(a), 20000);
        // The token was written to the keychain, not to a file.
        QString stored;
        a.tokens.read(ChatClient::accountKey(h.server().url(), QStringLiteral("sora")), this,
                      [&stored](QString token, QString) { stored = token.isEmpty() ? QStringLiteral("-") : token; });
        QTRY_VERIFY_WITH_TIMEOUT(!stored.isEmpty(), 10000);
        QVERIFY(stored.size() >= 40);
        const QDir data(a.dir.path());
        for (const QString &file : data.entryList(QDir::Files)) {
            QFile f(data.filePath(file));
            QVERIFY(f.open(QIODevice::ReadOnly));
            QVERIFY2(!f.readAll().contains(stored.toUtf8()), qPrintable(file));
        }
        // The app starts again and signs in with the token alone.
        a.restart();
        QSignalSpy failed(a.client.get(), &ChatClient::signInFailed);
        a->resume(h.server().url(), QStringLiteral("sora"));
        QTRY_VERIFY_WITH_TIMEOUT(online(a), 20000);
        QCOMPARE(a->username(), QStringLiteral("sora"));
        QVERIFY(failed.isEmpty());
        // Signing out forgets it.
        a->signOut();
        QTRY_VERIFY_WITH_TIMEOUT(a->connectionState() == ChatClient::ConnectionState::SignedOut, 10000);
        a.restart();
        QSignalSpy failedAgain(a.client.get(), &ChatClient::signInFailed);
        a->resume(h.server().url(), QStringLiteral("sora"));
        QTRY_VERIFY_WITH_TIMEOUT(!failedAgain.isEmpty(), 10000);
    }

    void outboxSurvivesARestartAndIsDeliveredOnce()
    {
        CONFAB_START_HARNESS(h, {});
        Device a, b;
        QString id;
        QVERIFY(pairDevices(h, a, b, &id));
        h.server().stop();
        QTRY_VERIFY_WITH_TIMEOUT(!online(a), 10000);

        // Written while the server is down: shown at once as sending.
        for (int i = 1; i <= 3; ++i)
            a->sendMessage(id, QStringLiteral("offline %1").arg(i));
        QCOMPARE(a->pendingCount(), 3);
        QCOMPARE(bodies(a->messages()), (QList<QString>{QStringLiteral("offline 1"), QStringLiteral("offline 2"),
                                                        QStringLiteral("offline 3")}));
        QCOMPARE(statusOf(a->messages(), 2), int(MessageListModel::Status::Sending));

        // The app quits with its outbox full and starts again; then the server comes back.
        a.restart();
        a->resume(h.server().url(), QStringLiteral("mina"));
        QCOMPARE(a->pendingCount(), 3); // read back from the cache before any connection
        QVERIFY2(h.server().start(), qPrintable(h.server().errorString()));
        QTRY_VERIFY_WITH_TIMEOUT(online(a) && a->pendingCount() == 0, 30000);

        const QList<MessageInfo> stored = serverMessages(h, QStringLiteral("mina"), id);
        QList<QString> storedBodies;
        for (const MessageInfo &m : stored)
            storedBodies.append(m.body);
        QCOMPARE(storedBodies, (QList<QString>{QStringLiteral("offline 1"), QStringLiteral("offline 2"),
                                               QStringLiteral("offline 3")}));
        // Joon reconnected by himself and got them in order, once.
        QTRY_COMPARE_WITH_TIMEOUT(bodies(b->messages()), storedBodies, 30000);
    }

    void reconnectAfterServerCrashMissesNothing()
    {
        CONFAB_START_HARNESS(h, {});
        Device a, b;
        QString id;
        QVERIFY(pairDevices(h, a, b, &id));
        a->sendMessage(id, QStringLiteral("before"));
        QTRY_COMPARE_WITH_TIMEOUT(bodies(b->messages()).size(), 1, 10000);

        h.server().kill();
        QTRY_VERIFY_WITH_TIMEOUT(!online(a) && !online(b), 15000);
        a->sendMessage(id, QStringLiteral("during 1"));
        a->sendMessage(id, QStringLiteral("during 2"));
        QVERIFY2(h.server().start(), qPrintable(h.server().errorString()));
        QTRY_VERIFY_WITH_TIMEOUT(online(a) && online(b) && a->pendingCount() == 0, 30000);
        b->sendMessage(id, QStringLiteral("after"));

        const QList<QString> expected{QStringLiteral("before"), QStringLiteral("during 1"), QStringLiteral("during 2"),
                                      QStringLiteral("after")};
        QTRY_COMPARE_WITH_TIMEOUT(bodies(a->messages()), expected, 30000);
        QTRY_COMPARE_WITH_TIMEOUT(bodies(b->messages()), expected, 30000);
        // Nothing doubled anywhere, in the same order as stored.
        QList<QString> stored;
        for (const MessageInfo &m : serverMessages(h, QStringLiteral("joon"), id))
            stored.append(m.body);
        QCOMPARE(stored, expected);
        QCOMPARE(a->cache().messages(id, 0, 100).size(), 4);
    }

    void aFailedMessageDoesNotBlockTheRest()
    {
        CONFAB_START_HARNESS(h, {});
        Device a, b;
        QString direct;
        QVERIFY(pairDevices(h, a, b, &direct));
        // Joon makes a group with Mina, then removes her while her app still shows it.
        QSignalSpy ready(b.client.get(), &ChatClient::conversationReady);
        b->createGroup(QStringLiteral("Planning"), {QStringLiteral("mina")});
        QTRY_VERIFY_WITH_TIMEOUT(!ready.isEmpty(), 10000);
        const QString group = ready.first().first().toString();
        QCOMPARE(b->currentConversationId(), group); // his own create opened it; he goes back
        b->openConversation(direct);
        QTRY_VERIFY_WITH_TIMEOUT(a->conversations()->indexOf(group) >= 0, 10000);
        {
            TestClient joon;
            QVERIFY(joon.open(h.server().url()));
            QVERIFY(joon.signIn(QStringLiteral("joon"), kPassword));
            QVERIFY(std::holds_alternative<Ok>(joon.request(MembersRemove{group, a->userId()})));
        }
        a->openConversation(group);
        a->sendMessage(group, QStringLiteral("nobody will read this"));
        a->sendMessage(direct, QStringLiteral("but this arrives"));
        QTRY_VERIFY_WITH_TIMEOUT(bodies(b->messages()).contains(QStringLiteral("but this arrives")), 10000);
        // The refused one stays, marked failed with the reason, for Retry or Delete.
        QTRY_VERIFY_WITH_TIMEOUT(a->pendingCount() == 1, 10000);
        const QList<OutboxItem> outbox = a->cache().outbox();
        QVERIFY(outbox.first().failed);
        QVERIFY(!outbox.first().error.isEmpty());
        a->discardMessage(outbox.first().clientId);
        QCOMPARE(a->pendingCount(), 0);
    }

    // Invariant 10: a conversation someone else creates joins the list, marked new; the open one and
    // the text typed in it stay put, and what is sent goes where it was typed.
    void othersCreatingAConversationDoNotMoveMyText()
    {
        CONFAB_START_HARNESS(h, {});
        Device a, b, b2;
        QString direct;
        QVERIFY(pairDevices(h, a, b, &direct));
        // Joon's second computer is signed in too, with nothing open.
        b2->signIn(h.server().url(), QStringLiteral("joon"), kPassword);
        QTRY_VERIFY_WITH_TIMEOUT(online(b2), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(b2->conversations()->indexOf(direct) >= 0, 10000);

        const QString typed = QStringLiteral("half-typed reply to mi");
        b->composerTextChanged(direct, typed);
        QCOMPARE(b->drafts()->text(direct), typed);

        // Mina creates "Books" with Joon: her own create opens it for her.
        QSignalSpy minaReady(a.client.get(), &ChatClient::conversationReady);
        QSignalSpy joonReady(b.client.get(), &ChatClient::conversationReady);
        a->createGroup(QStringLiteral("Books"), {QStringLiteral("joon")});
        QTRY_VERIFY_WITH_TIMEOUT(!minaReady.isEmpty(), 10000);
        const QString books = minaReady.first().first().toString();
        QCOMPARE(a->currentConversationId(), books);
        QVERIFY(!a->conversations()->data(a->conversations()->index(a->conversations()->indexOf(books)),
                                          ConversationListModel::IsNewRole).toBool());

        // Joon gets all of Books (created, two members added), marked new, and nothing else moves.
        QTRY_VERIFY_WITH_TIMEOUT(b->cache().syncedSeq(books) >= 3, 10000);
        const auto isNew = [](Device &d, const QString &id) {
            ConversationListModel *list = d->conversations();
            return list->data(list->index(list->indexOf(id)), ConversationListModel::IsNewRole).toBool();
        };
        QVERIFY(isNew(b, books));
        QCOMPARE(b->currentConversationId(), direct);
        QCOMPARE(b->messages()->conversationId(), direct);
        QVERIFY(joonReady.isEmpty());
        QCOMPARE(b->drafts()->text(direct), typed);
        QVERIFY(!b->drafts()->has(books));

        // Joon creates a group on his first computer: it opens there, and is new on the second.
        QSignalSpy firstReady(b.client.get(), &ChatClient::conversationReady);
        b->createGroup(QStringLiteral("Films"), {QStringLiteral("mina")});
        QTRY_VERIFY_WITH_TIMEOUT(!firstReady.isEmpty(), 10000);
        const QString films = firstReady.first().first().toString();
        QCOMPARE(b->currentConversationId(), films);
        QVERIFY(!isNew(b, films));
        QTRY_VERIFY_WITH_TIMEOUT(b2->cache().syncedSeq(films) >= 3, 10000);
        QVERIFY(b2->currentConversationId().isEmpty());
        QVERIFY(isNew(b2, films));
        // Mina, with Books open, sees Films arrive without leaving Books.
        QTRY_VERIFY_WITH_TIMEOUT(a->cache().syncedSeq(films) >= 3, 10000);
        QCOMPARE(a->currentConversationId(), books);
        QVERIFY(isNew(a, films));

        // Back in the direct conversation, the text is still his, and opening Books clears its mark.
        b->openConversation(books);
        QVERIFY(!isNew(b, books));
        QVERIFY(b->drafts()->text(books).isEmpty());
        b->openConversation(direct);
        QCOMPARE(b->drafts()->text(direct), typed);

        // Sending it lands in the direct conversation; Books holds no message.
        b->sendMessage(b->currentConversationId(), b->drafts()->text(b->currentConversationId()));
        QTRY_COMPARE_WITH_TIMEOUT(b->pendingCount(), 0, 10000);
        QList<QString> sent;
        for (const MessageInfo &m : serverMessages(h, QStringLiteral("joon"), direct))
            sent.append(m.body);
        QCOMPARE(sent, QList<QString>{typed});
        QVERIFY(serverMessages(h, QStringLiteral("joon"), books).isEmpty());
    }

    // The reply being written belongs to its conversation's draft too.
    void aReplyStaysWithItsConversation()
    {
        CONFAB_START_HARNESS(h, {});
        Device a, b;
        QString direct;
        QVERIFY(pairDevices(h, a, b, &direct));
        a->sendMessage(direct, QStringLiteral("question"));
        QTRY_COMPARE_WITH_TIMEOUT(bodies(b->messages()), QList<QString>{QStringLiteral("question")}, 10000);
        const QString question = b->messages()->data(b->messages()->index(0), MessageListModel::MessageIdRole).toString();
        QSignalSpy ready(b.client.get(), &ChatClient::conversationReady);
        b->createGroup(QStringLiteral("Elsewhere"), {});
        QTRY_VERIFY_WITH_TIMEOUT(!ready.isEmpty(), 10000);
        const QString group = ready.first().first().toString();

        b->openConversation(direct);
        b->actions()->startReply(question);
        QCOMPARE(b->actions()->replyTarget().value(QStringLiteral("id")).toString(), question);
        b->openConversation(group);
        QVERIFY(b->actions()->replyTarget().isEmpty()); // not carried into the group
        b->openConversation(direct);
        QCOMPARE(b->actions()->replyTarget().value(QStringLiteral("id")).toString(), question);
        b->actions()->cancelReply();
        QVERIFY(!b->drafts()->has(direct));
    }
};

QTEST_GUILESS_MAIN(TestClient_)
#include "tst_client.moc"

// What a QA team writes with the Confab test kit: real servers on throwaway databases (SQLite and
// PostgreSQL), real sockets, the protocol's own types. Each test reads as the scenario it checks.
#include <harness.h>
#include <invariants.h>

using namespace confab::protocol;
using namespace confab::test;

class QaChat : public QObject {
    Q_OBJECT
private:
    static QString roomOf(const Frame &created)
    {
        const auto *detail = std::get_if<ConversationDetail>(&created);
        return detail ? detail->conversation.id : QString();
    }

private slots:
    void initTestCase_data() { addBackendRows(); } // every test: once on SQLite, once on PostgreSQL

    void twoPeopleChat()
    {
        CONFAB_START_HARNESS(h, {});
        auto alice = h.client(QStringLiteral("alice"));
        auto bob = h.client(QStringLiteral("bob"));
        QVERIFY(alice && bob);
        const QString room = roomOf(alice->request(ConversationCreate{ConversationKind::Direct, {}, {bob->userId()}}));
        QVERIFY(!room.isEmpty());

        const Frame sent = alice->request(textMessage(room, QStringLiteral("qa-1"), QStringLiteral("안녕, Bob")));
        QVERIFY2(std::holds_alternative<MessageSent>(sent), qPrintable(TestClient::describe(sent)));
        const QString seen = expectMessage(*bob, QStringLiteral("bob"), room, QStringLiteral("안녕, Bob"));
        QVERIFY2(seen.isEmpty(), qPrintable(seen));

        // Sending the same client id again (a retry after a lost ack) gives the same message back.
        const Frame again = alice->request(textMessage(room, QStringLiteral("qa-1"), QStringLiteral("안녕, Bob")));
        QVERIFY(std::holds_alternative<MessageSent>(again));
        QCOMPARE(std::get<MessageSent>(again).message.id, std::get<MessageSent>(sent).message.id);
        const QString log = checkConversationLog(*bob, room, {std::get<MessageSent>(sent).message.id});
        QVERIFY2(log.isEmpty(), qPrintable(log));
    }

    void aBlindRoomShowsAliasesOnly()
    {
        CONFAB_START_HARNESS(h, {});
        auto host = h.client(QStringLiteral("host"));
        auto zelda = h.client(QStringLiteral("zelda7qm"));
        auto bram = h.client(QStringLiteral("bramwell9"));
        QVERIFY(host && zelda && bram);
        const QString room = roomOf(host->request(
            ConversationCreate{ConversationKind::Blind, QStringLiteral("Feedback"), {zelda->userId(), bram->userId()}}));
        QVERIFY(!room.isEmpty());

        const Frame sent = zelda->request(textMessage(room, QStringLiteral("z-1"), QStringLiteral("an honest note")));
        QVERIFY2(std::holds_alternative<MessageSent>(sent), qPrintable(TestClient::describe(sent)));
        const QString seen = expectMessage(*bram, QStringLiteral("bram"), room, QStringLiteral("an honest note"));
        QVERIFY2(seen.isEmpty(), qPrintable(seen));
        // Bram saw the note, from an alias: nothing he received names Zelda.
        const QStringList leaks = framesNaming(*bram, {zelda->userId(), QStringLiteral("zelda7qm")});
        QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(u'\n')));
    }

    void nothingAckedIsLostWhenTheServerDies()
    {
        CONFAB_START_HARNESS(h, {});
        auto alice = h.client(QStringLiteral("alice"));
        QVERIFY(alice);
        const QString room = roomOf(alice->request(ConversationCreate{ConversationKind::Group, QStringLiteral("Ops"), {}}));
        QVERIFY(!room.isEmpty());

        // Twenty sends are acknowledged; twenty more are on the wire when the server is killed.
        QStringList acked;
        for (int i = 0; i < 20; ++i) {
            const Frame sent = alice->request(textMessage(room, QStringLiteral("a-%1").arg(i), QStringLiteral("note %1").arg(i)));
            QVERIFY2(std::holds_alternative<MessageSent>(sent), qPrintable(TestClient::describe(sent)));
            acked.append(std::get<MessageSent>(sent).message.id);
        }
        for (int i = 20; i < 40; ++i)
            alice->send(textMessage(room, QStringLiteral("a-%1").arg(i), QStringLiteral("note %1").arg(i)));
        h.server().kill();
        QVERIFY2(h.server().start(), qPrintable(h.server().errorString()));

        auto reader = h.signedIn(QStringLiteral("alice"));
        QVERIFY(reader);
        const QString log = checkConversationLog(*reader, room, acked);
        QVERIFY2(log.isEmpty(), qPrintable(log));
    }
};

QTEST_GUILESS_MAIN(QaChat)
#include "tst_qa_chat.moc"

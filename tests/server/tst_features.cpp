// Group settings, mute, edit/delete windows, reaction counts, threads, bots and streamed messages
// against a real server on both databases.
#include "harness.h"

#include <QElapsedTimer>
#include <QRegularExpression>

using namespace confab::protocol;
using namespace confab::test;

namespace {
QString createGroup(TestClient &owner, const QList<QString> &members, const QString &title = QStringLiteral("Team"))
{
    const Frame reply = owner.request(ConversationCreate{ConversationKind::Group, title, members});
    const auto *detail = std::get_if<ConversationDetail>(&reply);
    if (!detail) {
        qWarning("create failed: %s", qPrintable(TestClient::describe(reply)));
        return {};
    }
    return detail->conversation.id;
}

MessageInfo sendText(TestClient &c, const QString &conversationId, const QString &clientId, const QString &body,
                     std::optional<QString> replyTo = std::nullopt)
{
    const Frame reply = c.request(textMessage(conversationId, clientId, body, replyTo));
    const auto *sent = std::get_if<MessageSent>(&reply);
    if (!sent) {
        qWarning("send failed: %s", qPrintable(TestClient::describe(reply)));
        return {};
    }
    return sent->message;
}

bool errorWith(const Frame &frame, ErrorCode code, const QString &words)
{
    const auto *error = std::get_if<Error>(&frame);
    return error && error->code == code && error->message.contains(words);
}

std::optional<MessageInfo> inHistory(const Frame &frame, const QString &messageId)
{
    if (const auto *history = std::get_if<History>(&frame)) {
        for (const Event &e : history->events) {
            if (e.kind == EventKind::Message && e.message && e.message->id == messageId)
                return e.message;
        }
    }
    return std::nullopt;
}

//! Signs a bot in with the token the admin CLI printed; the bot's user id through `id`.
std::unique_ptr<TestClient> botClient(Harness &h, const QString &username, QString *id)
{
    QString out;
    if (h.server().runAdmin({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("--bot"), username}, {},
                            &out) != 0) {
        qWarning("bot add failed: %s", qPrintable(out));
        return nullptr;
    }
    static const QRegularExpression tokenLine(QStringLiteral("token: (\\S+)"));
    static const QRegularExpression idPart(QStringLiteral("\\((u\\S+)\\)"));
    const auto token = tokenLine.match(out);
    const auto user = idPart.match(out);
    if (!token.hasMatch() || !user.hasMatch()) {
        qWarning("no token in: %s", qPrintable(out));
        return nullptr;
    }
    *id = user.captured(1);
    auto c = std::make_unique<TestClient>();
    if (!c->open(h.server().url()))
        return nullptr;
    const Frame ok = c->request(AuthResume{token.captured(1), QStringLiteral("bot")});
    if (!std::holds_alternative<AuthOk>(ok)) {
        qWarning("bot sign-in failed: %s", qPrintable(TestClient::describe(ok)));
        return nullptr;
    }
    return c;
}
} // namespace

class TestFeatures : public QObject {
    Q_OBJECT
private slots:
    void initTestCase_data() { addBackendRows(); }

    void renameDescribeAndMute()
    {
        CONFAB_START_HARNESS(h, {});
        auto mina = h.client(QStringLiteral("mina"));
        auto joon = h.client(QStringLiteral("joon"));
        auto sora = h.client(QStringLiteral("sora"));
        QVERIFY(mina && joon && sora);
        TestClient joonPhone;
        QVERIFY(joonPhone.open(h.server().url()));
        QVERIFY(joonPhone.signIn(QStringLiteral("joon")));
        const QString group = createGroup(*mina, {joon->userId()});
        QVERIFY(!group.isEmpty());

        // The owner renames and describes at once: one event each.
        QVERIFY(std::holds_alternative<Ok>(mina->request(ConversationUpdate{
            group, QStringLiteral("Launch"), QStringLiteral("All about the launch.\nDecisions here.")})));
        QVERIFY(joon->waitForPushed([&](const Frame &f) {
            const auto *e = std::get_if<Event>(&f);
            return e && e->kind == EventKind::Described && e->description == QStringLiteral("All about the launch.\nDecisions here.");
        }));
        QVERIFY(joon->waitForPushed([&](const Frame &f) {
            const auto *e = std::get_if<Event>(&f);
            return e && e->kind == EventKind::Renamed && e->title == QStringLiteral("Launch") && e->actorId == mina->userId();
        }));
        const auto detail = std::get<ConversationDetail>(joon->request(ConversationGet{group}));
        QCOMPARE(detail.conversation.title, QStringLiteral("Launch"));
        QCOMPARE(detail.conversation.description, std::optional(QStringLiteral("All about the launch.\nDecisions here.")));
        // The same values again change nothing and write no event.
        const qint64 lastSeq = detail.conversation.lastSeq;
        QVERIFY(std::holds_alternative<Ok>(mina->request(ConversationUpdate{group, QStringLiteral("Launch"), std::nullopt})));
        QCOMPARE(std::get<ConversationDetail>(mina->request(ConversationGet{group})).conversation.lastSeq, lastSeq);

        // A member may not; a non-member does not see the conversation; nothing to change is INVALID.
        QVERIFY(TestClient::isError(joon->request(ConversationUpdate{group, QStringLiteral("Mine"), std::nullopt}),
                                    ErrorCode::Forbidden));
        QVERIFY(TestClient::isError(sora->request(ConversationUpdate{group, QStringLiteral("Mine"), std::nullopt}),
                                    ErrorCode::NotFound));
        QVERIFY(TestClient::isError(mina->request(ConversationUpdate{group, std::nullopt, std::nullopt}), ErrorCode::Invalid));
        // Made admin, Joon may; an empty description removes it.
        QVERIFY(std::holds_alternative<Ok>(mina->request(MembersRole{group, joon->userId(), Role::Admin})));
        QVERIFY(std::holds_alternative<Ok>(joon->request(ConversationUpdate{group, std::nullopt, QString()})));
        QVERIFY(!std::get<ConversationDetail>(mina->request(ConversationGet{group})).conversation.description);

        // Mute: Joon's devices all learn it, Mina does not, and unread counts go on.
        mina->clearPushed();
        QVERIFY(std::holds_alternative<Ok>(joon->request(ConversationMute{group, true})));
        for (TestClient *c : {joon.get(), &joonPhone}) {
            QVERIFY(c->waitForPushed([&](const Frame &f) {
                const auto *m = std::get_if<MuteUpdate>(&f);
                return m && m->conversationId == group && m->muted;
            }));
        }
        QVERIFY(TestClient::isError(sora->request(ConversationMute{group, true}), ErrorCode::NotFound));
        sendText(*mina, group, QStringLiteral("m1"), QStringLiteral("while muted"));
        QVERIFY(joon->waitForEvents(group, 1));
        const auto list = std::get<Conversations>(joonPhone.request(ConversationList{}));
        QCOMPARE(list.conversations.size(), 1);
        QVERIFY(list.conversations.first().muted);
        QCOMPARE(list.conversations.first().unread, 1);
        QVERIFY(!std::get<Conversations>(mina->request(ConversationList{})).conversations.first().muted);
        QVERIFY(std::none_of(mina->pushed().cbegin(), mina->pushed().cend(),
                             [](const Frame &f) { return std::holds_alternative<MuteUpdate>(f); }));
        QVERIFY(std::holds_alternative<Ok>(joonPhone.request(ConversationMute{group, false})));
        QVERIFY(joon->waitForPushed([&](const Frame &f) {
            const auto *m = std::get_if<MuteUpdate>(&f);
            return m && !m->muted;
        }));
        QVERIFY(!std::get<Conversations>(joon->request(ConversationList{})).conversations.first().muted);
    }

    void editAndDeleteWindowsAndModeration()
    {
        CONFAB_START_HARNESS(h, (QMap<QString, QString>{{QStringLiteral("messages/edit_window_s"), QStringLiteral("1")},
                                                        {QStringLiteral("messages/delete_window_s"), QStringLiteral("1")}}));
        auto mina = h.client(QStringLiteral("mina"));
        auto joon = h.client(QStringLiteral("joon"));
        auto sora = h.client(QStringLiteral("sora"));
        QVERIFY(mina && joon && sora);
        const QString group = createGroup(*mina, {joon->userId(), sora->userId()});
        const MessageInfo minas = sendText(*mina, group, QStringLiteral("a"), QStringLiteral("first"));
        const MessageInfo joons = sendText(*joon, group, QStringLiteral("b"), QStringLiteral("second"));
        const MessageInfo joons2 = sendText(*joon, group, QStringLiteral("c"), QStringLiteral("third"));
        QVERIFY(!minas.id.isEmpty() && !joons.id.isEmpty() && !joons2.id.isEmpty());

        // Within the window: only the author edits; a member does not delete others'.
        QVERIFY(std::holds_alternative<Ok>(mina->request(MessageEdit{group, minas.id, QStringLiteral("first!")})));
        QVERIFY(TestClient::isError(joon->request(MessageEdit{group, minas.id, QStringLiteral("x")}), ErrorCode::Forbidden));
        QVERIFY(TestClient::isError(mina->request(MessageEdit{group, joons.id, QStringLiteral("x")}), ErrorCode::Forbidden));
        QVERIFY(TestClient::isError(sora->request(MessageDelete{group, minas.id}), ErrorCode::Forbidden));
        auto outsider = h.client(QStringLiteral("outsider"));
        QVERIFY(outsider);
        QVERIFY(TestClient::isError(outsider->request(MessageEdit{group, minas.id, QStringLiteral("x")}), ErrorCode::NotFound));
        QVERIFY(TestClient::isError(outsider->request(MessageDelete{group, minas.id}), ErrorCode::NotFound));

        // After the window (1 s), the author can neither edit nor delete; the owner still deletes others'.
        QTest::qWait(1300);
        QVERIFY(errorWith(mina->request(MessageEdit{group, minas.id, QStringLiteral("late")}), ErrorCode::Forbidden,
                          QStringLiteral("time to edit")));
        QVERIFY(errorWith(joon->request(MessageDelete{group, joons.id}), ErrorCode::Forbidden,
                          QStringLiteral("time to delete")));
        QVERIFY(std::holds_alternative<Ok>(mina->request(MessageDelete{group, joons.id})));
        // An admin too; a member still not.
        QVERIFY(std::holds_alternative<Ok>(mina->request(MembersRole{group, sora->userId(), Role::Admin})));
        QVERIFY(std::holds_alternative<Ok>(sora->request(MessageDelete{group, joons2.id})));
        QVERIFY(TestClient::isError(joon->request(MessageDelete{group, minas.id}), ErrorCode::Forbidden));
        const Frame history = joon->request(HistoryRequest{group, std::nullopt, std::nullopt, 50});
        QVERIFY(inHistory(history, joons.id)->deleted);
        QVERIFY(inHistory(history, joons2.id)->body.isEmpty());
        QCOMPARE(inHistory(history, minas.id)->body, QStringLiteral("first!"));
    }

    void reactionCountsAndThreads()
    {
        CONFAB_START_HARNESS(h, {});
        auto mina = h.client(QStringLiteral("mina"));
        auto joon = h.client(QStringLiteral("joon"));
        auto sora = h.client(QStringLiteral("sora"));
        QVERIFY(mina && joon && sora);
        const QString group = createGroup(*mina, {joon->userId(), sora->userId()});
        const MessageInfo root = sendText(*mina, group, QStringLiteral("r"), QStringLiteral("Who takes the notes?"));
        const MessageInfo reply1 = sendText(*joon, group, QStringLiteral("r1"), QStringLiteral("I do"), root.id);
        const MessageInfo reply2 = sendText(*sora, group, QStringLiteral("r2"), QStringLiteral("Thanks Joon"), reply1.id);
        const MessageInfo plain = sendText(*sora, group, QStringLiteral("p"), QStringLiteral("Unrelated"));
        QVERIFY(!root.id.isEmpty() && !reply2.id.isEmpty() && !plain.id.isEmpty());
        QCOMPARE(reply1.threadId, std::optional(root.id));
        QCOMPARE(reply2.threadId, std::optional(root.id)); // a reply to a reply joins the root's thread
        QCOMPARE(reply2.replyTo, std::optional(reply1.id));

        for (TestClient *c : {mina.get(), joon.get()})
            QVERIFY(std::holds_alternative<Ok>(c->request(MessageReact{group, root.id, QStringLiteral("👍"), true})));
        QVERIFY(std::holds_alternative<Ok>(sora->request(MessageReact{group, root.id, QStringLiteral("🎉"), true})));
        QVERIFY(std::holds_alternative<Ok>(sora->request(MessageReact{group, reply1.id, QStringLiteral("👍"), true})));
        QVERIFY(std::holds_alternative<Ok>(sora->request(MessageReact{group, reply1.id, QStringLiteral("👍"), false})));

        // One history page carries the chips and the thread counts.
        const Frame history = sora->request(HistoryRequest{group, std::nullopt, std::nullopt, 50});
        const auto shownRoot = inHistory(history, root.id);
        QVERIFY(shownRoot);
        QCOMPARE(shownRoot->reactions.size(), 2);
        QCOMPARE(shownRoot->reactions.at(0).emoji, QStringLiteral("👍"));
        QCOMPARE(shownRoot->reactions.at(0).count, 2);
        QCOMPARE(shownRoot->reactions.at(0).memberIds, (QList<QString>{mina->userId(), joon->userId()}));
        QCOMPARE(shownRoot->reactions.at(1).emoji, QStringLiteral("🎉"));
        QCOMPARE(shownRoot->reactions.at(1).memberIds, QList<QString>{sora->userId()});
        QCOMPARE(shownRoot->replyCount, std::optional<qint64>(2));
        QCOMPARE(shownRoot->lastReplyAt, std::optional(reply2.createdAt));
        QVERIFY(inHistory(history, reply1.id)->reactions.isEmpty()); // added and removed
        QVERIFY(!inHistory(history, plain.id)->replyCount);

        // A thread page, asked by its root or by one of its replies; paged.
        for (const QString &asked : {root.id, reply2.id}) {
            const Frame t = joon->request(ThreadRequest{group, asked, 0, 50});
            const auto *thread = std::get_if<Thread>(&t);
            QVERIFY2(thread, qPrintable(TestClient::describe(t)));
            QCOMPARE(thread->root.id, root.id);
            QCOMPARE(thread->root.replyCount, std::optional<qint64>(2));
            QCOMPARE(thread->root.reactions.size(), 2);
            QCOMPARE(thread->replies.size(), 2);
            QCOMPARE(thread->replies.at(0).id, reply1.id);
            QCOMPARE(thread->replies.at(1).id, reply2.id);
            QVERIFY(!thread->hasMore);
        }
        const auto first = std::get<Thread>(joon->request(ThreadRequest{group, root.id, 0, 1}));
        QCOMPARE(first.replies.size(), 1);
        QVERIFY(first.hasMore);
        const auto second = std::get<Thread>(joon->request(ThreadRequest{group, root.id, first.replies.last().seq, 1}));
        QCOMPARE(second.replies.size(), 1);
        QCOMPARE(second.replies.first().id, reply2.id);
        QVERIFY(!second.hasMore);
        QVERIFY(TestClient::isError(joon->request(ThreadRequest{group, QStringLiteral("m_nope"), 0, 10}), ErrorCode::NotFound));

        // A removed member loses access at once: history, threads, search, reactions.
        QVERIFY(std::holds_alternative<Ok>(mina->request(MembersRemove{group, sora->userId()})));
        QVERIFY(TestClient::isError(sora->request(ThreadRequest{group, root.id, 0, 10}), ErrorCode::NotFound));
        QVERIFY(TestClient::isError(sora->request(HistoryRequest{group, std::nullopt, std::nullopt, 10}), ErrorCode::NotFound));
        QVERIFY(TestClient::isError(sora->request(MessageReact{group, root.id, QStringLiteral("👍"), true}), ErrorCode::NotFound));
        const Frame searched = sora->request(SearchRequest{QStringLiteral("notes"), std::nullopt, 20, std::nullopt});
        const auto *found = std::get_if<SearchResult>(&searched);
        QVERIFY2(found, qPrintable(TestClient::describe(searched)));
        QVERIFY(found->hits.isEmpty());
        QVERIFY(!std::holds_alternative<SearchResult>(
            sora->request(SearchRequest{QStringLiteral("notes"), group, 20, std::nullopt})));
        // Joon still finds it.
        const auto joonFound = std::get<SearchResult>(joon->request(SearchRequest{QStringLiteral("notes"), group, 20, std::nullopt}));
        QCOMPARE(joonFound.hits.size(), 1);
    }

    void blindRoomReactionsNameAliases()
    {
        CONFAB_START_HARNESS(h, {});
        auto mina = h.client(QStringLiteral("mina"));
        auto joon = h.client(QStringLiteral("joon"));
        QVERIFY(mina && joon);
        const Frame created = mina->request(ConversationCreate{ConversationKind::Blind, QStringLiteral("Feedback"), {joon->userId()}});
        const auto *detail = std::get_if<ConversationDetail>(&created);
        QVERIFY2(detail, qPrintable(TestClient::describe(created)));
        const QString room = detail->conversation.id;
        const MessageInfo root = sendText(*mina, room, QStringLiteral("b1"), QStringLiteral("Thoughts?"));
        const MessageInfo answer = sendText(*joon, room, QStringLiteral("b2"), QStringLiteral("Some"), root.id);
        QVERIFY(!answer.id.isEmpty());
        QVERIFY(std::holds_alternative<Ok>(joon->request(MessageReact{room, root.id, QStringLiteral("👍"), true})));
        const auto members = std::get<ConversationDetail>(mina->request(ConversationGet{room})).members;
        const auto joonInRoom = std::find_if(members.cbegin(), members.cend(), [](const MemberInfo &m) {
            return m.alias && m.name != QStringLiteral("Mina");
        });
        QVERIFY(joonInRoom != members.cend());
        const auto shown = inHistory(mina->request(HistoryRequest{room, std::nullopt, std::nullopt, 50}), root.id);
        QVERIFY(shown);
        QCOMPARE(shown->reactions.size(), 1);
        // Who reacted is the alias id, never the user id (DESIGN.md invariant 5).
        QVERIFY(shown->reactions.first().memberIds.first() != joon->userId());
        const auto thread = std::get<Thread>(mina->request(ThreadRequest{room, root.id, 0, 10}));
        QCOMPARE(thread.replies.size(), 1);
        QVERIFY(thread.replies.first().senderId != joon->userId());
        QCOMPARE(thread.root.reactions.first().memberIds.first(), thread.replies.first().senderId);
    }

    void syncAfterOfflineCatchesUpOnEverything()
    {
        CONFAB_START_HARNESS(h, {});
        auto mina = h.client(QStringLiteral("mina"));
        auto joon = h.client(QStringLiteral("joon"));
        QVERIFY(mina && joon);
        const QString group = createGroup(*mina, {joon->userId()});
        const MessageInfo one = sendText(*mina, group, QStringLiteral("1"), QStringLiteral("one"));
        const MessageInfo two = sendText(*mina, group, QStringLiteral("2"), QStringLiteral("two"));
        const qint64 seen = std::get<ConversationDetail>(joon->request(ConversationGet{group})).conversation.lastSeq;
        joon->close();

        QVERIFY(std::holds_alternative<Ok>(mina->request(ConversationUpdate{group, QStringLiteral("Renamed"), QStringLiteral("About")})));
        QVERIFY(std::holds_alternative<Ok>(mina->request(MessageEdit{group, one.id, QStringLiteral("one, edited")})));
        QVERIFY(std::holds_alternative<Ok>(mina->request(MessageDelete{group, two.id})));
        QVERIFY(std::holds_alternative<Ok>(mina->request(MessageReact{group, one.id, QStringLiteral("❤️"), true})));
        TestClient joonPhone;
        QVERIFY(joonPhone.open(h.server().url()));
        QVERIFY(joonPhone.signIn(QStringLiteral("joon")));
        QVERIFY(std::holds_alternative<Ok>(joonPhone.request(ConversationMute{group, true})));

        TestClient joonLaptop;
        QVERIFY(joonLaptop.open(h.server().url()));
        QVERIFY(joonLaptop.signIn(QStringLiteral("joon")));
        const Frame synced = joonLaptop.request(SyncRequest{{ConversationSeq{group, seen}}});
        const auto *result = std::get_if<SyncResult>(&synced);
        QVERIFY2(result, qPrintable(TestClient::describe(synced)));
        QCOMPARE(result->conversations.size(), 1);
        QList<EventKind> kinds;
        for (const Event &e : result->conversations.first().events)
            kinds.append(e.kind);
        QCOMPARE(kinds, (QList<EventKind>{EventKind::Renamed, EventKind::Described, EventKind::Edit, EventKind::Delete,
                                           EventKind::Reaction}));
        const auto &events = result->conversations.first().events;
        QCOMPARE(events.at(0).title, std::optional(QStringLiteral("Renamed")));
        QCOMPARE(events.at(1).description, std::optional(QStringLiteral("About")));
        QCOMPARE(events.at(2).body, std::optional(QStringLiteral("one, edited")));
        QCOMPARE(events.at(3).messageId, std::optional(two.id));
        QCOMPARE(events.at(4).emoji, std::optional(QStringLiteral("❤️")));
        // Mute is mine, not the conversation's: it comes with the conversation list.
        QVERIFY(std::get<Conversations>(joonLaptop.request(ConversationList{})).conversations.first().muted);
        // A client starting over (no seq) gets the messages as they are now, reactions included.
        const auto fresh = std::get<SyncResult>(joonLaptop.request(SyncRequest{}));
        QCOMPARE(fresh.conversations.size(), 1);
        QVERIFY(fresh.conversations.first().reset);
        QCOMPARE(fresh.conversations.first().conversation->description, std::optional(QStringLiteral("About")));
        bool sawOne = false;
        for (const Event &e : fresh.conversations.first().events) {
            if (e.message && e.message->id == one.id) {
                sawOne = true;
                QCOMPARE(e.message->body, QStringLiteral("one, edited"));
                QCOMPARE(e.message->reactions.size(), 1);
                QCOMPARE(e.message->reactions.first().memberIds, QList<QString>{mina->userId()});
            }
        }
        QVERIFY(sawOne);
    }

    void botStreamsToTwoReceivers()
    {
        CONFAB_START_HARNESS(h, {});
        auto mina = h.client(QStringLiteral("mina"));
        auto joon = h.client(QStringLiteral("joon"));
        QVERIFY(mina && joon);
        QString botId;
        auto bot = botClient(h, QStringLiteral("helper"), &botId);
        QVERIFY(bot);
        const QString group = createGroup(*mina, {joon->userId(), botId});
        QVERIFY(!group.isEmpty());
        // A bot has no password to sign in with.
        TestClient impostor;
        QVERIFY(impostor.open(h.server().url()));
        QVERIFY(!impostor.signIn(QStringLiteral("helper")));
        const auto detail = std::get<ConversationDetail>(mina->request(ConversationGet{group}));
        for (const MemberInfo &m : detail.members)
            QCOMPARE(m.bot.value_or(false), m.id == botId);
        // The bot receives its conversations' events like anyone.
        const MessageInfo question = sendText(*mina, group, QStringLiteral("q"), QStringLiteral("Summarize, please"));
        QVERIFY(bot->waitForPushed([&](const Frame &f) {
            const auto *e = std::get_if<Event>(&f);
            return e && e->kind == EventKind::Message && e->message && e->message->id == question.id;
        }));
        // Joon joins in the middle; Mina is away for the whole stream and syncs after.
        joon->close();
        const qint64 minaSeen = std::get<ConversationDetail>(mina->request(ConversationGet{group})).conversation.lastSeq;
        mina->close();
        TestClient watcher; // a device of Mina's that stays: it counts the pushes
        QVERIFY(watcher.open(h.server().url()));
        QVERIFY(watcher.signIn(QStringLiteral("mina")));

        const Frame started = bot->request(StreamStart{group, QStringLiteral("answer-1"), question.id});
        const auto *start = std::get_if<MessageSent>(&started);
        QVERIFY2(start, qPrintable(TestClient::describe(started)));
        QCOMPARE(start->message.stream->state, StreamState::Streaming);
        const QString id = start->message.id;

        constexpr int kTokens = 2000;
        QStringList tokens;
        for (int i = 0; i < kTokens; ++i)
            tokens.append(QStringLiteral("tok%1 ").arg(i));
        QElapsedTimer elapsed;
        elapsed.start();
        const auto appendRange = [&](int from, int to) {
            QStringList ids; // pipelined: the coalescing sees appends faster than a round trip
            for (int i = from; i < to; ++i)
                ids.append(bot->send(StreamAppend{group, id, tokens.at(i)}));
            for (const QString &r : std::as_const(ids)) {
                const Frame f = bot->waitForReply(r);
                if (!std::holds_alternative<Ok>(f)) {
                    qWarning("append failed: %s", qPrintable(TestClient::describe(f)));
                    return false;
                }
            }
            return true;
        };
        QVERIFY(appendRange(0, kTokens / 2));
        const QString half = tokens.mid(0, kTokens / 2).join(QString());

        TestClient joonLate;
        QVERIFY(joonLate.open(h.server().url()));
        QVERIFY(joonLate.signIn(QStringLiteral("joon")));
        const auto midway = inHistory(joonLate.request(HistoryRequest{group, std::nullopt, std::nullopt, 50}), id);
        QVERIFY(midway);
        QCOMPARE(midway->body, half); // every acked append is stored
        QCOMPARE(midway->stream->state, StreamState::Streaming);

        QVERIFY(appendRange(kTokens / 2, kTokens));
        const Frame ended = bot->request(StreamEnd{group, id, kTokens, 4200});
        const auto *end = std::get_if<MessageSent>(&ended);
        QVERIFY2(end, qPrintable(TestClient::describe(ended)));
        const QString full = tokens.join(QString());
        QCOMPARE(end->message.body, full);
        QCOMPARE(end->message.stream->state, StreamState::Complete);
        QCOMPARE(end->message.stream->tokens, std::optional<qint64>(kTokens));

        const auto endedEvent = [&](const Frame &f) {
            const auto *e = std::get_if<Event>(&f);
            return e && e->kind == EventKind::StreamEnded && e->message && e->message->id == id;
        };
        QVERIFY(joonLate.waitForPushed(endedEvent));
        QVERIFY(watcher.waitForPushed(endedEvent));
        const qint64 windowMs = elapsed.elapsed();
        for (TestClient *c : {&joonLate, &watcher}) {
            const Frame last = *std::find_if(c->pushed().crbegin(), c->pushed().crend(), endedEvent);
            QCOMPARE(std::get<Event>(last).message->body, full);
            QCOMPARE(std::get<Event>(last).actorId, std::optional(botId));
        }
        // Coalesced: no more than one push per 50 ms of the stream, and far fewer than the appends.
        int pushes = 0;
        QString lastPushed;
        for (const Frame &f : watcher.pushed()) {
            if (const auto *u = std::get_if<StreamUpdate>(&f); u && u->messageId == id) {
                ++pushes;
                QVERIFY(u->body.size() >= lastPushed.size()); // the text only grows
                QVERIFY(full.startsWith(u->body));
                lastPushed = u->body;
            }
        }
        QVERIFY(pushes >= 1);
        QVERIFY2(pushes <= windowMs / 50 + 2, qPrintable(QStringLiteral("%1 pushes in %2 ms").arg(pushes).arg(windowMs)));
        QVERIFY2(pushes < kTokens, qPrintable(QString::number(pushes)));

        // Mina syncs after: the message whole, and the end.
        TestClient minaBack;
        QVERIFY(minaBack.open(h.server().url()));
        QVERIFY(minaBack.signIn(QStringLiteral("mina")));
        const auto synced = std::get<SyncResult>(minaBack.request(SyncRequest{{ConversationSeq{group, minaSeen}}}));
        QCOMPARE(synced.conversations.size(), 1);
        const auto &events = synced.conversations.first().events;
        QCOMPARE(events.size(), 2);
        QCOMPARE(events.at(0).kind, EventKind::Message);
        QCOMPARE(events.at(0).message->body, full);
        QCOMPARE(events.at(0).message->threadId, std::optional(question.id));
        QCOMPARE(events.at(1).kind, EventKind::StreamEnded);
        QCOMPARE(events.at(1).message->body, full);
        QCOMPARE(events.at(1).message->stream->state, StreamState::Complete);
        // A finished stream takes no more text.
        QVERIFY(TestClient::isError(bot->request(StreamAppend{group, id, QStringLiteral("more")}), ErrorCode::Conflict));
        QVERIFY(TestClient::isError(bot->request(StreamEnd{group, id, std::nullopt, std::nullopt}), ErrorCode::Conflict));
    }

    void abandonedStreamIsInterrupted()
    {
        CONFAB_START_HARNESS(h, (QMap<QString, QString>{{QStringLiteral("messages/stream_timeout_s"), QStringLiteral("1")},
                                                        {QStringLiteral("limits/max_body_bytes"), QStringLiteral("64")}}));
        auto mina = h.client(QStringLiteral("mina"));
        auto joon = h.client(QStringLiteral("joon"));
        auto sora = h.client(QStringLiteral("sora"));
        QVERIFY(mina && joon && sora);
        const QString group = createGroup(*mina, {joon->userId()});
        const auto started = std::get<MessageSent>(mina->request(StreamStart{group, QStringLiteral("s1"), std::nullopt}));
        const QString id = started.message.id;
        // A retry of the start returns the same message.
        QCOMPARE(std::get<MessageSent>(mina->request(StreamStart{group, QStringLiteral("s1"), std::nullopt})).message.id, id);
        QVERIFY(std::holds_alternative<Ok>(mina->request(StreamAppend{group, id, QStringLiteral("partial ")})));
        QVERIFY(std::holds_alternative<Ok>(mina->request(StreamAppend{group, id, QStringLiteral("answer")})));
        // Only the sender appends; others do not see it at all; the body stays within max_body_bytes.
        QVERIFY(TestClient::isError(joon->request(StreamAppend{group, id, QStringLiteral("x")}), ErrorCode::Forbidden));
        QVERIFY(TestClient::isError(sora->request(StreamAppend{group, id, QStringLiteral("x")}), ErrorCode::NotFound));
        QVERIFY(TestClient::isError(sora->request(StreamStart{group, QStringLiteral("s2"), std::nullopt}), ErrorCode::NotFound));
        QVERIFY(TestClient::isError(sora->request(StreamEnd{group, id, std::nullopt, std::nullopt}), ErrorCode::NotFound));
        QVERIFY(TestClient::isError(joon->request(StreamEnd{group, id, std::nullopt, std::nullopt}), ErrorCode::Forbidden));
        const Frame tooLarge = mina->request(StreamAppend{group, id, QString(60, u'x')});
        QVERIFY2(TestClient::isError(tooLarge, ErrorCode::TooLarge), qPrintable(TestClient::describe(tooLarge)));
        QVERIFY(TestClient::isError(mina->request(MessageEdit{group, id, QStringLiteral("edit")}), ErrorCode::Conflict));

        // Then nothing: the server ends it as interrupted, with the text so far and no actor.
        QVERIFY(joon->waitForPushed(
            [&](const Frame &f) {
                const auto *e = std::get_if<Event>(&f);
                return e && e->kind == EventKind::StreamEnded && e->message && e->message->id == id;
            },
            15000));
        const QList<Event> events = joon->events(group);
        const auto last = std::find_if(events.crbegin(), events.crend(),
                                       [](const Event &e) { return e.kind == EventKind::StreamEnded; });
        QVERIFY(last != events.crend());
        const Event ended = *last;
        QVERIFY(!ended.actorId);
        QCOMPARE(ended.message->body, QStringLiteral("partial answer"));
        QCOMPARE(ended.message->stream->state, StreamState::Interrupted);
        QVERIFY(TestClient::isError(mina->request(StreamAppend{group, id, QStringLiteral("late")}), ErrorCode::Conflict));
        const auto shown = inHistory(joon->request(HistoryRequest{group, std::nullopt, std::nullopt, 50}), id);
        QCOMPARE(shown->stream->state, StreamState::Interrupted);
        QCOMPARE(shown->body, QStringLiteral("partial answer"));
    }
};

QTEST_GUILESS_MAIN(TestFeatures)
#include "tst_features.moc"

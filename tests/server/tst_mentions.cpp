// Structured mentions and notification levels against a real server on both databases: what the
// server refuses, what it stores and gives back (events, history, sync, search, mentions.list), the
// unread mention count, and levels synced across a user's devices (docs/protocol.md, section 17).
#include "harness.h"

using namespace confab::protocol;
using namespace confab::test;

namespace {
QString createGroup(TestClient &owner, const QList<QString> &members)
{
    const Frame reply = owner.request(ConversationCreate{ConversationKind::Group, QStringLiteral("Team"), members});
    const auto *detail = std::get_if<ConversationDetail>(&reply);
    if (!detail) {
        qWarning("create failed: %s", qPrintable(TestClient::describe(reply)));
        return {};
    }
    return detail->conversation.id;
}

MessageSend mentioning(const QString &conversationId, const QString &clientId, const QString &body,
                       const QList<Mention> &mentions)
{
    MessageSend send = textMessage(conversationId, clientId, body);
    send.mentions = mentions;
    return send;
}

Mention of(const QString &memberId, qint64 start, qint64 length)
{
    return Mention{memberId, std::nullopt, start, length};
}

Mention room(qint64 start, qint64 length)
{
    return Mention{std::nullopt, true, start, length};
}

bool refused(const Frame &frame, ErrorCode code, const QString &words)
{
    const auto *error = std::get_if<Error>(&frame);
    if (!error || error->code != code || !error->message.contains(words)) {
        qWarning("expected %s \"%s\", got %s", qPrintable(enumName(code)), qPrintable(words),
                 qPrintable(TestClient::describe(frame)));
        return false;
    }
    return error->field == QStringLiteral("mentions");
}

std::optional<MessageInfo> messageIn(const QList<Event> &events, const QString &messageId)
{
    for (const Event &e : events) {
        if (e.kind == EventKind::Message && e.message && e.message->id == messageId)
            return e.message;
    }
    return std::nullopt;
}

ConversationInfo listed(TestClient &c, const QString &conversationId)
{
    const Frame reply = c.request(ConversationList{}); // kept: the loop reads into it
    for (const ConversationInfo &info : std::get<Conversations>(reply).conversations) {
        if (info.id == conversationId)
            return info;
    }
    return {};
}
} // namespace

class TestMentions : public QObject {
    Q_OBJECT
private slots:
    void initTestCase_data() { addBackendRows(); }

    void refusals()
    {
        CONFAB_START_HARNESS(h, {{QStringLiteral("messages/room_mention_min_members"), QStringLiteral("2")}});
        auto mina = h.client(QStringLiteral("mina"));
        auto joon = h.client(QStringLiteral("joon"));
        auto sora = h.client(QStringLiteral("sora"));
        auto taro = h.client(QStringLiteral("taro"));
        QVERIFY(mina && joon && sora && taro);
        const QString group = createGroup(*mina, {joon->userId(), sora->userId()});
        QVERIFY(!group.isEmpty());

        // Outside the body, in UTF-16 units: "@준" is 2 long, 3 is one too many.
        QVERIFY(refused(mina->request(mentioning(group, QStringLiteral("k1"), QStringLiteral("@준"),
                                                 {of(joon->userId(), 0, 3)})),
                        ErrorCode::Invalid, QStringLiteral("lies outside the body, which is 2 UTF-16 units long")));
        // Half an emoji (a surrogate pair) is no place for a mention to end.
        QVERIFY(refused(mina->request(mentioning(group, QStringLiteral("k2"), QStringLiteral("@\U0001F600 hi"),
                                                 {of(joon->userId(), 0, 2)})),
                        ErrorCode::Invalid, QStringLiteral("cuts a character in half")));
        QVERIFY(refused(mina->request(mentioning(group, QStringLiteral("k3"), QStringLiteral("@Joon Lee"),
                                                 {of(joon->userId(), 0, 5), of(sora->userId(), 3, 5)})),
                        ErrorCode::Invalid, QStringLiteral("overlap")));
        // Only members: a stranger is refused with the same words as an id that does not exist.
        QVERIFY(refused(mina->request(mentioning(group, QStringLiteral("k4"), QStringLiteral("@Taro"),
                                                 {of(taro->userId(), 0, 5)})),
                        ErrorCode::Invalid, QStringLiteral("mentions[0] is not a member of this conversation")));
        QVERIFY(refused(mina->request(mentioning(group, QStringLiteral("k5"), QStringLiteral("@Nobody"),
                                                 {of(QStringLiteral("u_nobody"), 0, 7)})),
                        ErrorCode::Invalid, QStringLiteral("mentions[0] is not a member of this conversation")));
        // Neither or both of member_id and room: the decoder says so.
        QVERIFY(TestClient::isError(mina->request(mentioning(group, QStringLiteral("k6"), QStringLiteral("@x"),
                                                             {Mention{std::nullopt, std::nullopt, 0, 2}})),
                                    ErrorCode::Invalid));
        QVERIFY(TestClient::isError(mina->request(mentioning(group, QStringLiteral("k7"), QStringLiteral("@x"),
                                                             {Mention{joon->userId(), true, 0, 2}})),
                                    ErrorCode::Invalid));
        // @room in a group above the configured size: owners and admins only.
        const QString everyone = QStringLiteral("@room standup");
        QVERIFY(refused(joon->request(mentioning(group, QStringLiteral("j1"), everyone, {room(0, 5)})),
                        ErrorCode::Forbidden, QStringLiteral("only owners and admins mention @room")));
        QVERIFY(std::holds_alternative<MessageSent>(
            mina->request(mentioning(group, QStringLiteral("m1"), everyone, {room(0, 5)}))));
        QVERIFY(std::holds_alternative<Ok>(mina->request(MembersRole{group, joon->userId(), Role::Admin})));
        QVERIFY(std::holds_alternative<MessageSent>(
            joon->request(mentioning(group, QStringLiteral("j2"), everyone, {room(0, 5)}))));
        // A former member is no longer mentionable; nothing refused was stored.
        QVERIFY(std::holds_alternative<Ok>(sora->request(ConversationLeave{group})));
        QVERIFY(refused(mina->request(mentioning(group, QStringLiteral("k8"), QStringLiteral("@Sora"),
                                                 {of(sora->userId(), 0, 5)})),
                        ErrorCode::Invalid, QStringLiteral("is not a member")));
        const auto history = std::get<History>(mina->request(HistoryRequest{group, {}, {}, 100}));
        int messages = 0;
        for (const Event &e : history.events)
            messages += e.kind == EventKind::Message;
        QCOMPARE(messages, 2);
        // An edit is checked the same way.
        const MessageInfo sent = std::get<MessageSent>(mina->request(textMessage(group, QStringLiteral("m2"), QStringLiteral("hi")))).message;
        QVERIFY(refused(mina->request(MessageEdit{group, sent.id, QStringLiteral("hi"), {of(joon->userId(), 1, 5)}}),
                        ErrorCode::Invalid, QStringLiteral("lies outside the body")));
    }

    void storedAndReturnedEverywhere()
    {
        CONFAB_START_HARNESS(h, {});
        auto mina = h.client(QStringLiteral("mina"));
        auto joon = h.client(QStringLiteral("joon"));
        QVERIFY(mina && joon);
        const QString group = createGroup(*mina, {joon->userId()});
        QVERIFY(!group.isEmpty());
        const QList<Mention> given{of(joon->userId(), 0, 5), room(6, 5)};
        const Frame reply = mina->request(
            mentioning(group, QStringLiteral("m1"), QStringLiteral("@Joon @room budget review"), given));
        QVERIFY2(std::holds_alternative<MessageSent>(reply), qPrintable(TestClient::describe(reply)));
        const MessageInfo sent = std::get<MessageSent>(reply).message;
        QCOMPARE(sent.mentions, given);

        // The pushed event, history, sync (short and reset), search and the retry of the send.
        QVERIFY(joon->waitForPushed([&](const Frame &f) {
            const auto *e = std::get_if<Event>(&f);
            return e && e->message && e->message->id == sent.id && e->message->mentions == given;
        }));
        const auto history = std::get<History>(joon->request(HistoryRequest{group, {}, {}, 50}));
        QCOMPARE(messageIn(history.events, sent.id).value_or(MessageInfo{}).mentions, given);
        const auto shortSync = std::get<SyncResult>(joon->request(SyncRequest{{{group, sent.seq - 1}}}));
        QCOMPARE(messageIn(shortSync.conversations.first().events, sent.id).value_or(MessageInfo{}).mentions, given);
        const auto resetSync = std::get<SyncResult>(joon->request(SyncRequest{}));
        QCOMPARE(messageIn(resetSync.conversations.first().events, sent.id).value_or(MessageInfo{}).mentions, given);
        const auto found = std::get<SearchResult>(joon->request(SearchRequest{QStringLiteral("budget"), group, 20, {}}));
        QCOMPARE(found.hits.size(), 1);
        QCOMPARE(found.hits.first().message.mentions, given);
        const auto retried = std::get<MessageSent>(mina->request(
            mentioning(group, QStringLiteral("m1"), QStringLiteral("@Joon @room budget review"), given)));
        QCOMPARE(retried.message.id, sent.id);
        QCOMPARE(retried.message.mentions, given);

        // An edit replaces them (its event says so); history shows the message as it is now.
        const QList<Mention> edited{of(joon->userId(), 4, 5)};
        QVERIFY(std::holds_alternative<Ok>(mina->request(MessageEdit{group, sent.id, QStringLiteral("Hey @Joon"), edited})));
        QVERIFY(joon->waitForPushed([&](const Frame &f) {
            const auto *e = std::get_if<Event>(&f);
            return e && e->kind == EventKind::Edit && e->messageId == sent.id && e->mentions == edited;
        }));
        const auto after = std::get<History>(joon->request(HistoryRequest{group, {}, {}, 50}));
        QCOMPARE(messageIn(after.events, sent.id).value_or(MessageInfo{}).mentions, edited);
        // Deleted: nobody is mentioned any more, and mentions.list forgets it.
        QCOMPARE(std::get<Mentions>(joon->request(MentionsList{})).hits.size(), 1);
        QVERIFY(std::holds_alternative<Ok>(mina->request(MessageDelete{group, sent.id})));
        const auto gone = std::get<History>(joon->request(HistoryRequest{group, {}, {}, 50}));
        QVERIFY(messageIn(gone.events, sent.id).value_or(MessageInfo{}).mentions.isEmpty());
        QCOMPARE(std::get<Mentions>(joon->request(MentionsList{})).hits.size(), 0);
    }

    void unreadMentionsAndTheMentionsList()
    {
        CONFAB_START_HARNESS(h, {});
        auto mina = h.client(QStringLiteral("mina"));
        auto joon = h.client(QStringLiteral("joon"));
        auto sora = h.client(QStringLiteral("sora"));
        QVERIFY(mina && joon && sora);
        const QString group = createGroup(*mina, {joon->userId(), sora->userId()});
        const QString other = createGroup(*sora, {joon->userId()});
        QVERIFY(!group.isEmpty() && !other.isEmpty());

        // Joon is mentioned twice in the group (by name, then @room), once elsewhere; Sora once;
        // Mina's own @room does not count for Mina.
        QVERIFY(std::holds_alternative<MessageSent>(mina->request(
            mentioning(group, QStringLiteral("a"), QStringLiteral("@Joon first"), {of(joon->userId(), 0, 5)}))));
        QVERIFY(std::holds_alternative<MessageSent>(mina->request(textMessage(group, QStringLiteral("b"), QStringLiteral("plain")))));
        QVERIFY(std::holds_alternative<MessageSent>(mina->request(
            mentioning(group, QStringLiteral("c"), QStringLiteral("@room second"), {room(0, 5)}))));
        QVERIFY(std::holds_alternative<MessageSent>(sora->request(
            mentioning(other, QStringLiteral("d"), QStringLiteral("ping @Joon"), {of(joon->userId(), 5, 5)}))));
        QVERIFY(std::holds_alternative<MessageSent>(joon->request(
            mentioning(group, QStringLiteral("e"), QStringLiteral("@Sora you too"), {of(sora->userId(), 0, 5)}))));

        ConversationInfo joonsGroup = listed(*joon, group);
        QCOMPARE(joonsGroup.unread, 3);
        QCOMPARE(joonsGroup.unreadMentions, std::optional<qint64>(2));
        QCOMPARE(listed(*joon, other).unreadMentions, std::optional<qint64>(1));
        QCOMPARE(listed(*sora, group).unreadMentions, std::optional<qint64>(2)); // @room and her name
        QCOMPARE(listed(*mina, group).unreadMentions, std::optional<qint64>(0));
        QCOMPARE(std::get<ConversationDetail>(joon->request(ConversationGet{group})).conversation.unreadMentions,
                 std::optional<qint64>(2));
        // Reading clears them.
        QVERIFY(std::holds_alternative<Ok>(joon->request(Receipt{group, ReceiptKind::Read, joonsGroup.lastSeq})));
        QCOMPARE(listed(*joon, group).unreadMentions, std::optional<qint64>(0));

        // mentions.list: newest first, paged by the cursor it gives, my ranges highlighted. (Two
        // conversations' messages of the same millisecond may come in either order.)
        const auto first = std::get<Mentions>(joon->request(MentionsList{2, std::nullopt}));
        QCOMPARE(first.hits.size(), 2);
        QVERIFY(first.nextCursor);
        const auto second = std::get<Mentions>(joon->request(MentionsList{2, first.nextCursor}));
        QCOMPARE(second.hits.size(), 1);
        QVERIFY(!second.nextCursor);
        const QList<SearchHit> hits = first.hits + second.hits;
        QStringList bodies;
        for (qsizetype i = 0; i < hits.size(); ++i) {
            bodies.append(hits.at(i).message.body);
            if (i > 0)
                QVERIFY(hits.at(i - 1).message.createdAt >= hits.at(i).message.createdAt);
            if (hits.at(i).message.body == QStringLiteral("ping @Joon")) {
                QCOMPARE(hits.at(i).conversationId, other);
                QCOMPARE(hits.at(i).highlights, (QList<TextRange>{{5, 5}}));
            }
        }
        QVERIFY(bodies.indexOf(QStringLiteral("@room second")) < bodies.indexOf(QStringLiteral("@Joon first")));
        bodies.sort();
        QCOMPARE(bodies, QStringList({QStringLiteral("@Joon first"), QStringLiteral("@room second"),
                                      QStringLiteral("ping @Joon")}));
        QVERIFY(TestClient::isError(joon->request(MentionsList{2, QStringLiteral("bogus")}), ErrorCode::Invalid));
        // Leaving a conversation takes its mentions out of the list.
        QVERIFY(std::holds_alternative<Ok>(joon->request(ConversationLeave{other})));
        QCOMPARE(std::get<Mentions>(joon->request(MentionsList{})).hits.size(), 2);
    }

    void notificationLevelsFollowEveryDevice()
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
        QCOMPARE(listed(*joon, group).notify, std::optional(NotifyLevel::All));

        QVERIFY(std::holds_alternative<Ok>(joon->request(ConversationNotify{group, NotifyLevel::Mentions})));
        for (TestClient *c : {joon.get(), &joonPhone}) {
            QVERIFY(c->waitForPushed([&](const Frame &f) {
                const auto *n = std::get_if<NotifyUpdate>(&f);
                return n && n->conversationId == group && n->level == NotifyLevel::Mentions;
            }));
        }
        ConversationInfo info = listed(joonPhone, group);
        QCOMPARE(info.notify, std::optional(NotifyLevel::Mentions));
        QVERIFY(!info.muted);
        QCOMPARE(listed(*mina, group).notify, std::optional(NotifyLevel::All)); // mine only
        QVERIFY(TestClient::isError(sora->request(ConversationNotify{group, NotifyLevel::Nothing}), ErrorCode::NotFound));

        // The old mute is the level "nothing", and both frames reach every device.
        joonPhone.clearPushed();
        QVERIFY(std::holds_alternative<Ok>(joon->request(ConversationMute{group, true})));
        QVERIFY(joonPhone.waitForPushed([&](const Frame &f) {
            const auto *n = std::get_if<NotifyUpdate>(&f);
            return n && n->level == NotifyLevel::Nothing;
        }));
        QVERIFY(joonPhone.waitForPushed([&](const Frame &f) {
            const auto *m = std::get_if<MuteUpdate>(&f);
            return m && m->muted;
        }));
        info = std::get<ConversationDetail>(joonPhone.request(ConversationGet{group})).conversation;
        QCOMPARE(info.notify, std::optional(NotifyLevel::Nothing));
        QVERIFY(info.muted);
        // A reset sync carries the level too.
        const auto synced = std::get<SyncResult>(joonPhone.request(SyncRequest{}));
        QCOMPARE(synced.conversations.first().conversation.value_or(ConversationInfo{}).notify,
                 std::optional(NotifyLevel::Nothing));
        QVERIFY(std::holds_alternative<Ok>(joonPhone.request(ConversationMute{group, false})));
        QCOMPARE(listed(*joon, group).notify, std::optional(NotifyLevel::All));
    }
};

QTEST_GUILESS_MAIN(TestMentions)
#include "tst_mentions.moc"

// Message management through the client library, between two real installations and a real
// server (SQLite and PostgreSQL): edit, delete, reactions, replies, copy, search.
#include "device.h"
#include "harness.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QUuid>

using namespace confab::client;
using namespace confab::protocol;
using namespace confab::test;

namespace {
const QString kPassword = QStringLiteral("correct horse 1");

QVariant roleOf(MessageListModel *model, const QString &messageId, int role)
{
    const int row = model->rowOfMessage(messageId);
    return row < 0 ? QVariant() : model->data(model->index(row), role);
}

//! The newest stored message id of the shown conversation.
QString lastId(MessageListModel *model)
{
    for (int i = model->rowCount() - 1; i >= 0; --i) {
        const QString id = model->data(model->index(i), MessageListModel::MessageIdRole).toString();
        if (!id.isEmpty())
            return id;
    }
    return {};
}

//! {emoji: count} and the emoji that are mine, from the reactions role.
QPair<QMap<QString, int>, QStringList> reactions(MessageListModel *model, const QString &messageId)
{
    QMap<QString, int> counts;
    QStringList mine;
    for (const QVariant &v : roleOf(model, messageId, MessageListModel::ReactionsRole).toList()) {
        const QVariantMap r = v.toMap();
        counts.insert(r.value(QStringLiteral("emoji")).toString(), r.value(QStringLiteral("count")).toInt());
        if (r.value(QStringLiteral("mine")).toBool())
            mine.append(r.value(QStringLiteral("emoji")).toString());
    }
    return {counts, mine};
}

//! Sends a request on an installation's connection and waits for the reply.
Frame ask(ChatClient *client, const Frame &request)
{
    std::optional<Frame> reply;
    client->connection().request(request, [&reply](const Frame &f) { reply = f; });
    if (!QTest::qWaitFor([&] { return reply.has_value(); }, 10000))
        return {};
    return *reply;
}

//! A member's row in a member list, by name (-1 when not there).
int memberRow(MemberListModel *members, const QString &name)
{
    for (int i = 0; i < members->rowCount(); ++i) {
        if (members->data(members->index(i), MemberListModel::NameRole).toString() == name)
            return i;
    }
    return -1;
}

QVariant memberRole(MemberListModel *members, const QString &name, int role)
{
    const int row = memberRow(members, name);
    return row < 0 ? QVariant() : members->data(members->index(row), role);
}

QVariant conversationRole(ChatClient *client, const QString &id, int role)
{
    ConversationListModel *list = client->conversations();
    const int row = list->indexOf(id);
    return row < 0 ? QVariant() : list->data(list->index(row), role);
}

//! The bodies of a thread, root first.
QStringList threadBodies(ThreadModel *thread)
{
    QStringList out;
    for (int i = 0; i < thread->rowCount(); ++i)
        out.append(thread->data(thread->index(i), ThreadModel::BodyRole).toString());
    return out;
}

QString streamState(MessageListModel *model, const QString &messageId)
{
    return roleOf(model, messageId, MessageListModel::StreamStateRole).toString();
}
} // namespace

class TestClientFeatures : public QObject {
    Q_OBJECT
private slots:
    void initTestCase_data() { addBackendRows(); }

    void editDeleteReactReply()
    {
        CONFAB_START_HARNESS(h, {});
        Device a, b;
        QString id;
        QVERIFY(pairDevices(h, a, b, &id));

        a->sendMessage(id, QStringLiteral("회의는 3시에 시작해요"));
        QTRY_VERIFY_WITH_TIMEOUT(!lastId(b->messages()).isEmpty(), 10000);
        const QString first = lastId(b->messages());
        QTRY_COMPARE_WITH_TIMEOUT(lastId(a->messages()), first, 10000);

        // Only the author may edit; the other side sees the new text and "edited".
        QVERIFY(a->actions()->canEdit(first));
        QVERIFY(!b->actions()->canEdit(first));
        QVERIFY(!b->actions()->canDelete(first)); // a direct conversation: nobody deletes others'
        QVERIFY(a->actions()->editLast());
        QCOMPARE(a->actions()->editingId(), first);
        a->actions()->saveEdit(first, QStringLiteral("회의는 4시에 시작해요"));
        QCOMPARE(a->actions()->editingId(), QString());
        QTRY_COMPARE_WITH_TIMEOUT(roleOf(b->messages(), first, MessageListModel::BodyRole).toString(),
                                  QStringLiteral("회의는 4시에 시작해요"), 10000);
        QVERIFY(roleOf(b->messages(), first, MessageListModel::EditedRole).toBool());
        QTRY_VERIFY_WITH_TIMEOUT(roleOf(a->messages(), first, MessageListModel::EditedRole).toBool(), 10000);

        // Copy text puts the current body on the clipboard.
        a->actions()->copyText(first);
        QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("회의는 4시에 시작해요"));

        // Reactions: both add 👍, Joon adds 🎉; the second toggle of 🎉 removes it again.
        a->actions()->toggleReaction(first, QStringLiteral("👍"));
        b->actions()->toggleReaction(first, QStringLiteral("👍"));
        b->actions()->toggleReaction(first, QStringLiteral("🎉"));
        QTRY_COMPARE_WITH_TIMEOUT(reactions(a->messages(), first).first,
                                  (QMap<QString, int>{{QStringLiteral("👍"), 2}, {QStringLiteral("🎉"), 1}}), 10000);
        QCOMPARE(reactions(a->messages(), first).second, QStringList{QStringLiteral("👍")});
        QTRY_COMPARE_WITH_TIMEOUT(reactions(b->messages(), first).second,
                                  (QStringList{QStringLiteral("👍"), QStringLiteral("🎉")}), 10000);
        b->actions()->toggleReaction(first, QStringLiteral("🎉"));
        QTRY_COMPARE_WITH_TIMEOUT(reactions(a->messages(), first).first,
                                  (QMap<QString, int>{{QStringLiteral("👍"), 2}}), 10000);

        // The picker behind "+" offers the quick reactions among its categories; any of its emoji reacts.
        const QVariantList categories = a->actions()->emojiCategories();
        QVERIFY(categories.size() >= 5);
        QStringList offered;
        for (const QVariant &c : categories) {
            QVERIFY(!c.toMap().value(QStringLiteral("name")).toString().isEmpty());
            offered += c.toMap().value(QStringLiteral("emoji")).toStringList();
        }
        for (const QString &quick : a->actions()->quickReactions())
            QVERIFY2(offered.contains(quick), qPrintable(quick));
        QCOMPARE(QSet<QString>(offered.cbegin(), offered.cend()).size(), offered.size()); // each once
        QVERIFY(offered.contains(QStringLiteral("🚀")));
        a->actions()->toggleReaction(first, QStringLiteral("🚀"));
        QTRY_COMPARE_WITH_TIMEOUT(reactions(b->messages(), first).first.value(QStringLiteral("🚀")), 1, 10000);
        a->actions()->toggleReaction(first, QStringLiteral("🚀"));
        QTRY_VERIFY_WITH_TIMEOUT(!reactions(b->messages(), first).first.contains(QStringLiteral("🚀")), 10000);

        // Joon replies to it: the composer's reply target goes with the message and Mina sees the quote.
        b->actions()->startReply(first);
        QCOMPARE(b->actions()->replyTarget().value(QStringLiteral("excerpt")).toString(),
                 QStringLiteral("회의는 4시에 시작해요"));
        b->sendMessage(id, QStringLiteral("좋아요"), {}, b->actions()->replyTarget().value(QStringLiteral("id")).toString());
        b->actions()->cancelReply();
        QTRY_VERIFY_WITH_TIMEOUT(lastId(a->messages()) != first && !lastId(a->messages()).isEmpty(), 10000);
        const QString reply = lastId(a->messages());
        const QVariantMap quote = roleOf(a->messages(), reply, MessageListModel::ReplyToRole).toMap();
        QCOMPARE(quote.value(QStringLiteral("id")).toString(), first);
        QCOMPARE(quote.value(QStringLiteral("sender")).toString(), QStringLiteral("You"));
        QCOMPARE(quote.value(QStringLiteral("excerpt")).toString(), QStringLiteral("회의는 4시에 시작해요"));
        QVERIFY(quote.value(QStringLiteral("loaded")).toBool());

        // Mina deletes the original: a tombstone on both sides, and the quote says it is gone.
        QVERIFY(a->actions()->canDelete(first));
        a->actions()->remove(first);
        QTRY_VERIFY_WITH_TIMEOUT(roleOf(b->messages(), first, MessageListModel::DeletedRole).toBool(), 10000);
        QCOMPARE(roleOf(b->messages(), first, MessageListModel::BodyRole).toString(), QString());
        QTRY_VERIFY_WITH_TIMEOUT(roleOf(a->messages(), reply, MessageListModel::ReplyToRole)
                                     .toMap().value(QStringLiteral("deleted")).toBool(), 10000);
        QVERIFY(!a->actions()->canEdit(first));

        // Joon's app starts again: reactions and edits come back from the cache.
        b.restart();
        b->resume(h.server().url(), QStringLiteral("joon"));
        QTRY_VERIFY_WITH_TIMEOUT(b.online(), 20000);
        b->openConversation(id);
        QCOMPARE(roleOf(b->messages(), reply, MessageListModel::ReplyToRole).toMap().value(QStringLiteral("id")).toString(),
                 first);
        QVERIFY(roleOf(b->messages(), first, MessageListModel::DeletedRole).toBool());
    }

    void ownersDeleteOthersInGroups()
    {
        CONFAB_START_HARNESS(h, {});
        Device a, b;
        QString direct;
        QVERIFY(pairDevices(h, a, b, &direct));
        // Mina creates a group: she owns it, Joon is a member.
        QSignalSpy ready(a.client.get(), &ChatClient::conversationReady);
        a->createGroup(QStringLiteral("Design team"), {QStringLiteral("joon")});
        QTRY_VERIFY_WITH_TIMEOUT(!ready.isEmpty(), 10000);
        const QString group = ready.last().first().toString();
        QTRY_VERIFY_WITH_TIMEOUT(b->conversations()->indexOf(group) >= 0, 10000);
        a->openConversation(group);
        b->openConversation(group);
        b->sendMessage(group, QStringLiteral("off-topic"));
        QTRY_VERIFY_WITH_TIMEOUT(!lastId(a->messages()).isEmpty(), 10000);
        const QString theirs = lastId(a->messages());
        a->sendMessage(group, QStringLiteral("mine"));
        QTRY_VERIFY_WITH_TIMEOUT(lastId(b->messages()) != theirs && !lastId(b->messages()).isEmpty(), 10000);
        const QString mine = lastId(b->messages());
        // The member may not delete the owner's message; the owner may delete the member's, not edit it.
        QVERIFY(!b->actions()->canDelete(mine));
        QVERIFY(a->actions()->canDelete(theirs));
        QVERIFY(!a->actions()->canEdit(theirs));
        a->actions()->remove(theirs);
        QTRY_VERIFY_WITH_TIMEOUT(roleOf(b->messages(), theirs, MessageListModel::DeletedRole).toBool(), 10000);
        // Past the UI, the server refuses the member too.
        std::optional<Frame> reply;
        b->connection().request(MessageDelete{group, mine}, [&reply](const Frame &f) { reply = f; });
        QTRY_VERIFY_WITH_TIMEOUT(reply.has_value(), 10000);
        const auto *refused = std::get_if<Error>(&*reply);
        QVERIFY(refused);
        QCOMPARE(refused->code, ErrorCode::Forbidden);
        QVERIFY(!roleOf(a->messages(), mine, MessageListModel::DeletedRole).toBool());
    }

    void listLastLineFollowsEditsAndDeletes()
    {
        CONFAB_START_HARNESS(h, {});
        Device a, b;
        QString direct;
        QVERIFY(pairDevices(h, a, b, &direct));
        QSignalSpy ready(a.client.get(), &ChatClient::conversationReady);
        a->createGroup(QStringLiteral("Design team"), {QStringLiteral("joon")});
        QTRY_VERIFY_WITH_TIMEOUT(!ready.isEmpty(), 10000);
        const QString group = ready.last().first().toString();
        QTRY_VERIFY_WITH_TIMEOUT(b->conversations()->indexOf(group) >= 0, 10000);
        b->openConversation(group);
        // Mina looks at the direct conversation: the group's row changes without being open.
        a->openConversation(direct);
        using L = ConversationListModel;

        // A group's last line names its sender; my own lines do not (QML says "You").
        b->sendMessage(group, QStringLiteral("hi"));
        QTRY_COMPARE_WITH_TIMEOUT(conversationRole(a.client.get(), group, L::LastMessageRole).toString(),
                                  QStringLiteral("hi"), 10000);
        QCOMPARE(conversationRole(a.client.get(), group, L::LastSenderNameRole).toString(), QStringLiteral("Joon"));
        QVERIFY(!conversationRole(a.client.get(), group, L::LastSenderIsMeRole).toBool());
        QTRY_VERIFY_WITH_TIMEOUT(conversationRole(b.client.get(), group, L::LastSenderIsMeRole).toBool(), 10000);
        QCOMPARE(conversationRole(b.client.get(), group, L::LastSenderNameRole).toString(), QString());
        // A direct conversation's title names the other side: no name on the line.
        b->sendMessage(direct, QStringLiteral("psst"));
        QTRY_COMPARE_WITH_TIMEOUT(conversationRole(a.client.get(), direct, L::LastMessageRole).toString(),
                                  QStringLiteral("psst"), 10000);
        QCOMPARE(conversationRole(a.client.get(), direct, L::LastSenderNameRole).toString(), QString());

        // Joon edits his last group message: Mina's row shows the new text at once.
        QTRY_VERIFY_WITH_TIMEOUT(!lastId(b->messages()).isEmpty(), 10000);
        const QString hi = lastId(b->messages());
        b->actions()->saveEdit(hi, QStringLiteral("hello everyone"));
        QTRY_COMPARE_WITH_TIMEOUT(conversationRole(a.client.get(), group, L::LastMessageRole).toString(),
                                  QStringLiteral("hello everyone"), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(conversationRole(b.client.get(), group, L::LastMessageRole).toString(),
                                  QStringLiteral("hello everyone"), 10000);

        // He deletes it: the line says so instead of keeping the old text.
        b->actions()->remove(hi);
        QTRY_VERIFY_WITH_TIMEOUT(conversationRole(a.client.get(), group, L::LastDeletedRole).toBool(), 10000);
        QCOMPARE(conversationRole(a.client.get(), group, L::LastMessageRole).toString(), QString());
        QTRY_VERIFY_WITH_TIMEOUT(conversationRole(b.client.get(), group, L::LastDeletedRole).toBool(), 10000);

        // After a restart the cached row is still the deleted one, not the old text.
        a.restart();
        a->resume(h.server().url(), QStringLiteral("mina"));
        QTRY_VERIFY_WITH_TIMEOUT(a.online(), 20000);
        QVERIFY(conversationRole(a.client.get(), group, L::LastDeletedRole).toBool());
        QCOMPARE(conversationRole(a.client.get(), group, L::LastSenderNameRole).toString(), QStringLiteral("Joon"));
    }

    void reactionsCatchUpAfterOffline()
    {
        CONFAB_START_HARNESS(h, {});
        Device a, b;
        QString id;
        QVERIFY(pairDevices(h, a, b, &id));
        a->sendMessage(id, QStringLiteral("lunch?"));
        QTRY_VERIFY_WITH_TIMEOUT(!lastId(b->messages()).isEmpty(), 10000);
        const QString msg = lastId(b->messages());
        // Joon goes offline; Mina reacts and edits meanwhile; Joon catches up through sync.
        b.client->connection().close();
        QTRY_VERIFY_WITH_TIMEOUT(!b.online(), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(lastId(a->messages()), msg, 10000);
        a->actions()->toggleReaction(msg, QStringLiteral("😂"));
        a->actions()->saveEdit(msg, QStringLiteral("lunch at noon?"));
        QTRY_VERIFY_WITH_TIMEOUT(roleOf(a->messages(), msg, MessageListModel::EditedRole).toBool(), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(reactions(a->messages(), msg).first.value(QStringLiteral("😂")), 1, 10000);
        b->resume(h.server().url(), QStringLiteral("joon"));
        QTRY_VERIFY_WITH_TIMEOUT(b.online(), 20000);
        QTRY_COMPARE_WITH_TIMEOUT(roleOf(b->messages(), msg, MessageListModel::BodyRole).toString(),
                                  QStringLiteral("lunch at noon?"), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(reactions(b->messages(), msg).first,
                                  (QMap<QString, int>{{QStringLiteral("😂"), 1}}), 10000);
        QCOMPARE(reactions(b->messages(), msg).second, QStringList());
    }

    void searchEnglishAndKorean()
    {
        CONFAB_START_HARNESS(h, {});
        Device a, b;
        QString id;
        QVERIFY(pairDevices(h, a, b, &id));
        a->sendMessage(id, QStringLiteral("The deployment is on Friday"));
        a->sendMessage(id, QStringLiteral("내일 회의록을 보내 주세요"));
        b->sendMessage(id, QStringLiteral("unrelated words only"));
        QTRY_COMPARE_WITH_TIMEOUT(b->messages()->rowCount(), 3, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(b->pendingCount(), 0, 10000);

        SearchResultModel *results = b->search();
        QAbstractItemModelTester tester(results, QAbstractItemModelTester::FailureReportingMode::QtTest);
        // A part of a word, across all conversations.
        QSignalSpy finished(results, &SearchResultModel::finished);
        results->search(QStringLiteral("deplo"));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
        QCOMPARE(results->rowCount(), 1);
        QModelIndex hit = results->index(0);
        QCOMPARE(results->data(hit, SearchResultModel::ConversationIdRole).toString(), id);
        QCOMPARE(results->data(hit, SearchResultModel::SenderNameRole).toString(), QStringLiteral("Mina"));
        QCOMPARE(results->data(hit, SearchResultModel::ConversationTitleRole).toString(), QStringLiteral("Mina"));
        QString snippet = results->data(hit, SearchResultModel::SnippetRole).toString();
        QVariantList ranges = results->data(hit, SearchResultModel::HighlightsRole).toList();
        QCOMPARE(ranges.size(), 1);
        QVariantMap r = ranges.first().toMap();
        QCOMPARE(snippet.mid(r.value(QStringLiteral("start")).toInt(), r.value(QStringLiteral("length")).toInt()),
                 QStringLiteral("deplo"));

        // A Korean word inside a longer one, in this conversation only.
        results->search(QStringLiteral("회의"), id);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 10000);
        QCOMPARE(results->rowCount(), 1);
        QCOMPARE(results->scope(), id);
        hit = results->index(0);
        snippet = results->data(hit, SearchResultModel::SnippetRole).toString();
        ranges = results->data(hit, SearchResultModel::HighlightsRole).toList();
        QCOMPARE(ranges.size(), 1);
        r = ranges.first().toMap();
        QCOMPARE(snippet.mid(r.value(QStringLiteral("start")).toInt(), r.value(QStringLiteral("length")).toInt()),
                 QStringLiteral("회의"));
        const QString found = results->data(hit, SearchResultModel::MessageIdRole).toString();

        // Jumping to it opens the conversation and brings the message into view.
        b->openConversation(QString());
        QSignalSpy jumped(b->actions(), &MessageActions::jumpRequested);
        b->actions()->jumpTo(id, found);
        QTRY_COMPARE_WITH_TIMEOUT(jumped.size(), 1, 10000);
        QCOMPARE(b->currentConversationId(), id);
        QCOMPARE(jumped.first().at(0).toString(), found);
        QCOMPARE(jumped.first().at(1).toInt(), b->messages()->rowOfMessage(found));
        QCOMPARE(b->actions()->highlightedId(), found);

        // Nothing found is an empty page, not an error; clearing empties the model.
        results->search(QStringLiteral("nowhere-to-be-found"));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 3, 10000);
        QCOMPARE(results->rowCount(), 0);
        QCOMPARE(results->error(), QString());
        results->search(QStringLiteral("deplo"));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 4, 10000);
        results->clear();
        QCOMPARE(results->rowCount(), 0);
        QCOMPARE(results->query(), QString());
    }
    void groupSettingsReachEveryMember()
    {
        CONFAB_START_HARNESS(h, {});
        Device a, b, c;
        QString direct;
        QVERIFY(pairDevices(h, a, b, &direct));
        c->registerAccount(h.server().url(), QStringLiteral("sora"), QStringLiteral("Sora"), kTestPassword);
        QTRY_VERIFY_WITH_TIMEOUT(c.online(), 20000);
        QSignalSpy ready(a.client.get(), &ChatClient::conversationReady);
        a->createGroup(QStringLiteral("Design team"), {QStringLiteral("joon")});
        QTRY_VERIFY_WITH_TIMEOUT(!ready.isEmpty(), 10000);
        const QString group = ready.last().first().toString();
        QTRY_VERIFY_WITH_TIMEOUT(b->conversations()->indexOf(group) >= 0, 10000);
        a->openConversation(group);
        b->openConversation(group);
        GroupSettings *mine = a->groupSettings(), *joons = b->groupSettings();
        QVERIFY(mine->isGroup());
        QCOMPARE(mine->myRole(), QStringLiteral("owner"));
        QVERIFY(mine->canManage());
        QVERIFY(mine->canChangeRoles());
        QCOMPARE(joons->myRole(), QStringLiteral("member"));
        QVERIFY(!joons->canManage());
        QVERIFY(!joons->canChangeRoles());

        // The owner renames and describes: both see it, in the settings and the conversation list.
        const QString description = QStringLiteral("Everything about the 2.0 launch.\n결정은 고정된 문서에.");
        mine->save(QStringLiteral("Launch team"), description);
        QTRY_COMPARE_WITH_TIMEOUT(joons->title(), QStringLiteral("Launch team"), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(joons->description(), description, 10000);
        QCOMPARE(b->currentTitle(), QStringLiteral("Launch team"));
        QCOMPARE(conversationRole(b.client.get(), group, ConversationListModel::DescriptionRole).toString(), description);
        QTRY_COMPARE_WITH_TIMEOUT(mine->title(), QStringLiteral("Launch team"), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(mine->description(), description, 10000);
        // A member may not; the server says why.
        joons->save(QStringLiteral("Joon's team"), description);
        QTRY_VERIFY_WITH_TIMEOUT(!joons->error().isEmpty(), 10000);
        QCOMPARE(joons->title(), QStringLiteral("Launch team"));
        // Removing the description is a change too.
        mine->save(QStringLiteral("Launch team"), QString());
        QTRY_COMPARE_WITH_TIMEOUT(joons->description(), QString(), 10000);

        // Mute is Joon's alone.
        joons->setMuted(true);
        QTRY_VERIFY_WITH_TIMEOUT(joons->muted(), 10000);
        QVERIFY(conversationRole(b.client.get(), group, ConversationListModel::MutedRole).toBool());
        QTest::qWait(300);
        QVERIFY(!mine->muted());
        joons->setMuted(false);
        QTRY_VERIFY_WITH_TIMEOUT(!joons->muted(), 10000);

        // The owner adds Sora by username; everyone's member list shows her, and she gets the group.
        QSignalSpy added(mine, &GroupSettings::memberAdded);
        mine->addMember(QStringLiteral("Sora"));
        QTRY_COMPARE_WITH_TIMEOUT(added.size(), 1, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(a->members()->rowCount(), 3, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(b->members()->rowCount(), 3, 10000);
        QCOMPARE(memberRole(b->members(), QStringLiteral("Sora"), MemberListModel::RoleNameRole).toString(),
                 QStringLiteral("member"));
        QTRY_VERIFY_WITH_TIMEOUT(c->conversations()->indexOf(group) >= 0, 10000);
        mine->addMember(QStringLiteral("nobody-here"));
        QTRY_VERIFY_WITH_TIMEOUT(mine->error().contains(QStringLiteral("nobody-here")), 10000);

        // Only the owner changes roles: Joon becomes an admin, on both sides.
        QVERIFY(memberRole(a->members(), QStringLiteral("Joon"), MemberListModel::RoleChangeableRole).toBool());
        QVERIFY(!memberRole(a->members(), QStringLiteral("Mina"), MemberListModel::RoleChangeableRole).toBool());
        QVERIFY(!memberRole(b->members(), QStringLiteral("Sora"), MemberListModel::RemovableRole).toBool());
        mine->setRole(memberRole(a->members(), QStringLiteral("Joon"), MemberListModel::MemberIdRole).toString(),
                      QStringLiteral("admin"));
        QTRY_COMPARE_WITH_TIMEOUT(memberRole(b->members(), QStringLiteral("Joon"), MemberListModel::RoleNameRole).toString(),
                                  QStringLiteral("admin"), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(memberRole(a->members(), QStringLiteral("Joon"), MemberListModel::RoleNameRole).toString(),
                                  QStringLiteral("admin"), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(joons->myRole(), QStringLiteral("admin"), 10000);
        QVERIFY(joons->canManage());
        QVERIFY(!joons->canChangeRoles());
        // An admin removes members, never the owner.
        QVERIFY(memberRole(b->members(), QStringLiteral("Sora"), MemberListModel::RemovableRole).toBool());
        QVERIFY(!memberRole(b->members(), QStringLiteral("Mina"), MemberListModel::RemovableRole).toBool());
        QVERIFY(!memberRole(b->members(), QStringLiteral("Sora"), MemberListModel::RoleChangeableRole).toBool());
        joons->removeMember(memberRole(b->members(), QStringLiteral("Sora"), MemberListModel::MemberIdRole).toString());
        QTRY_VERIFY_WITH_TIMEOUT(c->conversations()->indexOf(group) < 0, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(a->members()->rowCount(), 2, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(b->members()->rowCount(), 2, 10000);
        joons->removeMember(memberRole(b->members(), QStringLiteral("Mina"), MemberListModel::MemberIdRole).toString());
        QTRY_VERIFY_WITH_TIMEOUT(!joons->error().isEmpty(), 10000);
        QCOMPARE(a->members()->rowCount(), 2);

        // Joon leaves: the group closes and goes from his list; Mina's members list loses him.
        QSignalSpy left(joons, &GroupSettings::left);
        joons->leave();
        QTRY_COMPARE_WITH_TIMEOUT(left.size(), 1, 10000);
        QCOMPARE(b->currentConversationId(), QString());
        QVERIFY(b->conversations()->indexOf(group) < 0);
        QTRY_COMPARE_WITH_TIMEOUT(a->members()->rowCount(), 1, 10000);
        QCOMPARE(memberRow(a->members(), QStringLiteral("Joon")), -1);
        // Gone for good: not back after his app starts again.
        b.restart();
        QSignalSpy synced(b.client.get(), &ChatClient::synced);
        b->resume(h.server().url(), QStringLiteral("joon"));
        QTRY_VERIFY_WITH_TIMEOUT(!synced.isEmpty(), 20000);
        QVERIFY(b->conversations()->indexOf(group) < 0);
    }

    void threadPaneRepliesIntoTheThread()
    {
        CONFAB_START_HARNESS(h, {});
        Device a, b;
        QString id;
        QVERIFY(pairDevices(h, a, b, &id));
        QAbstractItemModelTester tester(a->thread(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        a->sendMessage(id, QStringLiteral("Who takes the release notes?"));
        QTRY_VERIFY_WITH_TIMEOUT(!lastId(b->messages()).isEmpty(), 10000);
        const QString root = lastId(b->messages());
        QTRY_COMPARE_WITH_TIMEOUT(lastId(a->messages()), root, 10000);
        QCOMPARE(roleOf(a->messages(), root, MessageListModel::ReplyCountRole).toInt(), 0);

        // Joon answers twice from the main composer: the root counts them on both sides.
        b->sendMessage(id, QStringLiteral("I do 👍"), {}, root);
        QTRY_COMPARE_WITH_TIMEOUT(b->pendingCount(), 0, 10000);
        const QString firstReply = lastId(b->messages());
        b->sendMessage(id, QStringLiteral("릴리스 노트는 금요일까지요"), {}, firstReply); // a reply to a reply joins the root's thread
        QTRY_COMPARE_WITH_TIMEOUT(roleOf(a->messages(), root, MessageListModel::ReplyCountRole).toInt(), 2, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(roleOf(b->messages(), root, MessageListModel::ReplyCountRole).toInt(), 2, 10000);

        // Mina opens the thread ("2 replies"): the root, then the replies oldest first.
        a->thread()->open(root);
        QCOMPARE(a->thread()->rootId(), root);
        QTRY_COMPARE_WITH_TIMEOUT(threadBodies(a->thread()),
                                  (QStringList{QStringLiteral("Who takes the release notes?"), QStringLiteral("I do 👍"),
                                               QStringLiteral("릴리스 노트는 금요일까지요")}),
                                  10000);
        QVERIFY(a->thread()->data(a->thread()->index(0), ThreadModel::IsRootRole).toBool());
        QVERIFY(a->thread()->data(a->thread()->index(0), ThreadModel::OwnRole).toBool());
        QCOMPARE(a->thread()->data(a->thread()->index(1), ThreadModel::SenderNameRole).toString(), QStringLiteral("Joon"));
        QCOMPARE(a->thread()->replyCount(), 2);
        // Opening it from a reply shows the same thread.
        b->thread()->open(firstReply);
        QTRY_COMPARE_WITH_TIMEOUT(b->thread()->rowCount(), 3, 10000);
        QCOMPARE(b->thread()->rootId(), root);

        // Mina replies from the pane: it joins both panes live and the root counts it everywhere.
        a->thread()->reply(QStringLiteral("Thanks, Joon"));
        QTRY_COMPARE_WITH_TIMEOUT(a->thread()->rowCount(), 4, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(b->thread()->rowCount(), 4, 10000);
        QCOMPARE(threadBodies(b->thread()).last(), QStringLiteral("Thanks, Joon"));
        QTRY_COMPARE_WITH_TIMEOUT(roleOf(b->messages(), root, MessageListModel::ReplyCountRole).toInt(), 3, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(roleOf(a->messages(), root, MessageListModel::ReplyCountRole).toInt(), 3, 10000);
        const QString minaReply = lastId(a->messages());
        QCOMPARE(roleOf(a->messages(), minaReply, MessageListModel::ReplyToRole).toMap().value(QStringLiteral("id")).toString(),
                 root);
        // An edit in the thread shows in the pane.
        a->actions()->saveEdit(minaReply, QStringLiteral("Thanks, Joon!"));
        QTRY_COMPARE_WITH_TIMEOUT(threadBodies(b->thread()).last(), QStringLiteral("Thanks, Joon!"), 10000);

        // Joon is offline while Mina replies once more: after the catch-up the count is right, not doubled.
        b->thread()->close();
        QCOMPARE(b->thread()->rowCount(), 0);
        b.client->connection().close();
        QTRY_VERIFY_WITH_TIMEOUT(!b.online(), 10000);
        a->thread()->reply(QStringLiteral("One more thing"));
        QTRY_COMPARE_WITH_TIMEOUT(roleOf(a->messages(), root, MessageListModel::ReplyCountRole).toInt(), 4, 10000);
        b->resume(h.server().url(), QStringLiteral("joon"));
        QTRY_VERIFY_WITH_TIMEOUT(b.online(), 20000);
        QTRY_COMPARE_WITH_TIMEOUT(roleOf(b->messages(), root, MessageListModel::ReplyCountRole).toInt(), 4, 10000);
        QTest::qWait(300);
        QCOMPARE(roleOf(b->messages(), root, MessageListModel::ReplyCountRole).toInt(), 4);
        // And from the cache after a restart.
        b.restart();
        b->resume(h.server().url(), QStringLiteral("joon"));
        b->openConversation(id);
        QCOMPARE(roleOf(b->messages(), root, MessageListModel::ReplyCountRole).toInt(), 4);

        // Another conversation closes the thread.
        a->openConversation(QString());
        QCOMPARE(a->thread()->rootId(), QString());
        QCOMPARE(a->thread()->rowCount(), 0);
    }

    void streamedMessageGrowsInPlace()
    {
        CONFAB_START_HARNESS(h, {});
        Device a, b;
        QString id;
        QVERIFY(pairDevices(h, a, b, &id));

        // Mina streams an answer through the protocol, as a bot writing token by token would.
        const Frame started = ask(a.client.get(), StreamStart{id, QUuid::createUuid().toString(QUuid::WithoutBraces), {}});
        const auto *sent = std::get_if<MessageSent>(&started);
        QVERIFY2(sent, qPrintable(TestClient::describe(started)));
        const QString msg = sent->message.id;
        QTRY_COMPARE_WITH_TIMEOUT(b->messages()->rowOfMessage(msg), 0, 10000);
        QCOMPARE(streamState(b->messages(), msg), QStringLiteral("streaming"));
        QCOMPARE(roleOf(b->messages(), msg, MessageListModel::BodyRole).toString(), QString());

        // Each append reaches Joon as the whole text so far, in the same row (pushes ≥ 50 ms apart).
        const QStringList parts{QStringLiteral("The release notes "), QStringLiteral("are in "),
                                QStringLiteral("the pinned doc; "), QStringLiteral("회의록도 있어요. ")};
        QString soFar;
        for (const QString &part : parts.mid(0, 2)) {
            QVERIFY(std::holds_alternative<Ok>(ask(a.client.get(), StreamAppend{id, msg, part})));
            soFar += part;
            QTRY_COMPARE_WITH_TIMEOUT(roleOf(b->messages(), msg, MessageListModel::BodyRole).toString(), soFar, 10000);
            QCOMPARE(b->messages()->rowCount(), 1);
            QCOMPARE(streamState(b->messages(), msg), QStringLiteral("streaming"));
            QTest::qWait(60);
        }
        QTRY_COMPARE_WITH_TIMEOUT(roleOf(a->messages(), msg, MessageListModel::BodyRole).toString(), soFar, 10000);
        // The conversation list's last line grows with it.
        const auto lastLine = [&b, &id] {
            const QModelIndex row = b->conversations()->index(b->conversations()->indexOf(id));
            return b->conversations()->data(row, ConversationListModel::LastMessageRole).toString();
        };
        QCOMPARE(lastLine(), soFar.trimmed()); // the plain text of the message: no markup, no trailing space

        // Joon's app starts again in the middle: the text so far comes from the server, then it grows on.
        b.restart();
        b->resume(h.server().url(), QStringLiteral("joon"));
        QTRY_VERIFY_WITH_TIMEOUT(b.online(), 20000);
        b->openConversation(id);
        QTRY_COMPARE_WITH_TIMEOUT(roleOf(b->messages(), msg, MessageListModel::BodyRole).toString(), soFar, 10000);
        QCOMPARE(streamState(b->messages(), msg), QStringLiteral("streaming"));
        for (const QString &part : parts.mid(2)) {
            QVERIFY(std::holds_alternative<Ok>(ask(a.client.get(), StreamAppend{id, msg, part})));
            soFar += part;
            QTRY_COMPARE_WITH_TIMEOUT(roleOf(b->messages(), msg, MessageListModel::BodyRole).toString(), soFar, 10000);
            QCOMPARE(b->messages()->rowCount(), 1);
            QTest::qWait(60);
        }

        // The end: the final text and state, still one row, and the conversation list shows it.
        QVERIFY(std::holds_alternative<Ok>(ask(a.client.get(), StreamAppend{id, msg, QStringLiteral("Done.")})));
        soFar += QStringLiteral("Done.");
        const Frame ended = ask(a.client.get(), StreamEnd{id, msg, 42, 1200});
        QVERIFY2(std::holds_alternative<MessageSent>(ended), qPrintable(TestClient::describe(ended)));
        QTRY_COMPARE_WITH_TIMEOUT(streamState(b->messages(), msg), QStringLiteral("complete"), 10000);
        QCOMPARE(roleOf(b->messages(), msg, MessageListModel::BodyRole).toString(), soFar);
        QCOMPARE(b->messages()->rowCount(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(streamState(a->messages(), msg), QStringLiteral("complete"), 10000);
        QCOMPARE(lastLine(), soFar.trimmed());

        // Seen from the cache after another start: final, not streaming.
        b.restart();
        b->resume(h.server().url(), QStringLiteral("joon"));
        b->openConversation(id);
        QCOMPARE(streamState(b->messages(), msg), QStringLiteral("complete"));
        QCOMPARE(roleOf(b->messages(), msg, MessageListModel::BodyRole).toString(), soFar);
    }

    void streamInterruptedByTheServer()
    {
        CONFAB_START_HARNESS(h, {{QStringLiteral("messages/stream_timeout_s"), QStringLiteral("1")}});
        Device a, b;
        QString id;
        QVERIFY(pairDevices(h, a, b, &id));
        const Frame started = ask(a.client.get(), StreamStart{id, QUuid::createUuid().toString(QUuid::WithoutBraces), {}});
        const auto *sent = std::get_if<MessageSent>(&started);
        QVERIFY2(sent, qPrintable(TestClient::describe(started)));
        const QString msg = sent->message.id;
        QVERIFY(std::holds_alternative<Ok>(ask(a.client.get(), StreamAppend{id, msg, QStringLiteral("Half an ans")})));
        QTRY_COMPARE_WITH_TIMEOUT(roleOf(b->messages(), msg, MessageListModel::BodyRole).toString(),
                                  QStringLiteral("Half an ans"), 10000);
        // No append for a second: the server ends it as interrupted, with the text so far.
        QTRY_COMPARE_WITH_TIMEOUT(streamState(b->messages(), msg), QStringLiteral("interrupted"), 15000);
        QCOMPARE(roleOf(b->messages(), msg, MessageListModel::BodyRole).toString(), QStringLiteral("Half an ans"));
        QCOMPARE(b->messages()->rowCount(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(streamState(a->messages(), msg), QStringLiteral("interrupted"), 10000);
    }
};

QTEST_MAIN(TestClientFeatures)
#include "tst_client_features.moc"

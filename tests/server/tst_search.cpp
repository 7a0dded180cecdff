// Message search against a real server on both databases: matching (English and Korean, whole and
// partial words), ranking, paging, scope, edits and deletes, authorization, blind rooms, highlights
// and hostile query text.
#include "harness.h"

#include <QSet>

using namespace confab::protocol;
using namespace confab::test;

namespace {
QString createRoom(TestClient &owner, const QList<QString> &members,
                   ConversationKind kind = ConversationKind::Group) {
    const Frame reply = owner.request(ConversationCreate{kind, QStringLiteral("Team"), members});
    const auto *detail = std::get_if<ConversationDetail>(&reply);
    if (!detail) {
        qWarning("create failed: %s", qPrintable(TestClient::describe(reply)));
        return {};
    }
    return detail->conversation.id;
}

QString say(TestClient &client, const QString &conversationId, const QString &body) {
    MessageSend send;
    send.conversationId = conversationId;
    send.clientId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    send.body = body;
    const Frame reply = client.request(send);
    const auto *sent = std::get_if<MessageSent>(&reply);
    if (!sent) {
        qWarning("send failed: %s", qPrintable(TestClient::describe(reply)));
        return {};
    }
    return sent->message.id;
}

Frame ask(TestClient &client, const QString &query,
          const std::optional<QString> &conversationId = std::nullopt, qint64 limit = 50,
          const std::optional<QString> &cursor = std::nullopt) {
    return client.request(SearchRequest{query, conversationId, limit, cursor});
}

//! The bodies found, in rank order; fails the surrounding check (empty list + warning) on an error.
QStringList bodies(const Frame &reply) {
    QStringList out;
    const auto *result = std::get_if<SearchResult>(&reply);
    if (!result) {
        qWarning("search failed: %s", qPrintable(TestClient::describe(reply)));
        return {QStringLiteral("<error>")};
    }
    for (const SearchHit &hit : result->hits)
        out.append(hit.message.body);
    return out;
}

//! Every highlight covers `expected` (case-insensitively) in its snippet.
bool highlightsAre(const Frame &reply, const QString &expected) {
    const auto *result = std::get_if<SearchResult>(&reply);
    if (!result || result->hits.isEmpty())
        return false;
    for (const SearchHit &hit : result->hits) {
        if (hit.highlights.isEmpty())
            return false;
        for (const TextRange &r : hit.highlights) {
            const QString marked = hit.snippet.mid(r.start, r.length);
            if (marked.compare(expected, Qt::CaseInsensitive) != 0) {
                qWarning("highlight %s in %s", qPrintable(marked), qPrintable(hit.snippet));
                return false;
            }
        }
    }
    return true;
}
} // namespace

class TestSearch : public QObject {
    Q_OBJECT
private slots:
    void initTestCase_data() { addBackendRows(); }

    void englishWordsAndPrefixes() {
        CONFAB_START_HARNESS(h, {});
        auto mina = h.client(QStringLiteral("mina"));
        QVERIFY(mina);
        const QString room = createRoom(*mina, {});
        QVERIFY(!say(*mina, room, QStringLiteral("Deploy the release today")).isEmpty());
        QVERIFY(!say(*mina, room, QStringLiteral("the deployment failed again")).isEmpty());
        QVERIFY(!say(*mina, room, QStringLiteral("lunch plans?")).isEmpty());

        QCOMPARE(bodies(ask(*mina, QStringLiteral("deploy"))).size(), 2);
        QCOMPARE(bodies(ask(*mina, QStringLiteral("DEPLOY"))).size(), 2);
        QCOMPARE(bodies(ask(*mina, QStringLiteral("deplo"))).size(), 2);    // a prefix, via the index
        QCOMPARE(bodies(ask(*mina, QStringLiteral("de"))).size(), 2);       // too short for trigrams
        QCOMPARE(bodies(ask(*mina, QStringLiteral("ployment"))).size(), 1); // inside a word
        QCOMPARE(bodies(ask(*mina, QStringLiteral("release today"))),
                 QStringList{QStringLiteral("Deploy the release today")});
        QCOMPARE(bodies(ask(*mina, QStringLiteral("release lunch"))), QStringList{}); // every word must occur
        QCOMPARE(bodies(ask(*mina, QStringLiteral("nothing-like-this"))), QStringList{});
        QVERIFY(highlightsAre(ask(*mina, QStringLiteral("deploy")), QStringLiteral("deploy")));
    }

    void koreanWordsAndParticles() {
        CONFAB_START_HARNESS(h, {});
        auto mina = h.client(QStringLiteral("mina"));
        QVERIFY(mina);
        const QString room = createRoom(*mina, {});
        QVERIFY(!say(*mina, room, QStringLiteral("내일 회의는 4시에 시작해요")).isEmpty());
        QVERIFY(!say(*mina, room, QStringLiteral("회의록을 공유했어요")).isEmpty());
        QVERIFY(!say(*mina, room, QStringLiteral("오늘 정기회의 취소")).isEmpty());
        QVERIFY(!say(*mina, room, QStringLiteral("점심 메뉴 추천 부탁해요")).isEmpty());

        QCOMPARE(bodies(ask(*mina, QStringLiteral("회의"))).size(), 3); // two syllables: particles attached
        QCOMPARE(bodies(ask(*mina, QStringLiteral("회의록"))),
                 QStringList{QStringLiteral("회의록을 공유했어요")});
        QCOMPARE(bodies(ask(*mina, QStringLiteral("회의는"))),
                 QStringList{QStringLiteral("내일 회의는 4시에 시작해요")});
        QCOMPARE(bodies(ask(*mina, QStringLiteral("시작"))).size(), 1); // the stem of 시작해요
        QCOMPARE(bodies(ask(*mina, QStringLiteral("의"))).size(), 3);   // one syllable
        QCOMPARE(bodies(ask(*mina, QStringLiteral("메뉴 추천"))).size(), 1);
        QCOMPARE(bodies(ask(*mina, QStringLiteral("회의 점심"))), QStringList{});
        QVERIFY(highlightsAre(ask(*mina, QStringLiteral("회의")), QStringLiteral("회의")));
        QVERIFY(highlightsAre(ask(*mina, QStringLiteral("회의록")), QStringLiteral("회의록")));
    }

    void strongMatchesRankFirst() {
        CONFAB_START_HARNESS(h, {});
        auto mina = h.client(QStringLiteral("mina"));
        QVERIFY(mina);
        const QString room = createRoom(*mina, {});
        // The weak matches are the newest: relevance must outweigh recency.
        QVERIFY(!say(*mina, room, QStringLiteral("standup standup: standup notes")).isEmpty());
        QVERIFY(!say(*mina, room, QStringLiteral("notes about the standup")).isEmpty());
        QVERIFY(!say(*mina, room, QStringLiteral("prestandupish")).isEmpty());
        QVERIFY(!say(*mina, room, QStringLiteral("회의 회의 일정")).isEmpty());
        QVERIFY(!say(*mina, room, QStringLiteral("정기회의 취소")).isEmpty());

        QCOMPARE(bodies(ask(*mina, QStringLiteral("standup"))),
                 (QStringList{QStringLiteral("standup standup: standup notes"),
                              QStringLiteral("notes about the standup"), QStringLiteral("prestandupish")}));
        QCOMPARE(bodies(ask(*mina, QStringLiteral("회의"))),
                 (QStringList{QStringLiteral("회의 회의 일정"), QStringLiteral("정기회의 취소")}));
        // Among equal matches, the newer first.
        QCOMPARE(bodies(ask(*mina, QStringLiteral("notes"))).first(),
                 QStringLiteral("notes about the standup"));
    }

    void pagesHaveNoDuplicatesOrGaps() {
        CONFAB_START_HARNESS(h, {});
        auto mina = h.client(QStringLiteral("mina"));
        QVERIFY(mina);
        const QString room = createRoom(*mina, {});
        QSet<QString> sent;
        for (int i = 0; i < 25; ++i) {
            // Some with the word twice, so that pages cut across different scores.
            const QString id =
                say(*mina, room,
                    i % 3 ? QStringLiteral("item %1").arg(i) : QStringLiteral("item item %1").arg(i));
            QVERIFY(!id.isEmpty());
            sent.insert(id);
        }
        QVERIFY(!say(*mina, room, QStringLiteral("unrelated")).isEmpty());
        QSet<QString> seen;
        std::optional<QString> cursor;
        QList<int> sizes;
        do {
            const Frame reply = ask(*mina, QStringLiteral("item"), room, 10, cursor);
            const auto *result = std::get_if<SearchResult>(&reply);
            QVERIFY2(result, qPrintable(TestClient::describe(reply)));
            sizes.append(int(result->hits.size()));
            for (const SearchHit &hit : result->hits) {
                QVERIFY2(!seen.contains(hit.message.id), "a hit came twice");
                seen.insert(hit.message.id);
            }
            // A new message between pages does not shift the later pages.
            if (sizes.size() == 1)
                QVERIFY(!say(*mina, room, QStringLiteral("item item item late")).isEmpty());
            cursor = result->nextCursor;
        } while (cursor && sizes.size() < 10);
        QCOMPARE(sizes, (QList<int>{10, 10, 5}));
        QCOMPARE(seen, sent);
        QVERIFY(
            TestClient::isError(ask(*mina, QStringLiteral("item"), room, 10, QStringLiteral("not-a-cursor")),
                                ErrorCode::Invalid));
    }

    void scopeToOneConversation() {
        CONFAB_START_HARNESS(h, {});
        auto mina = h.client(QStringLiteral("mina"));
        QVERIFY(mina);
        const QString a = createRoom(*mina, {});
        const QString b = createRoom(*mina, {});
        QVERIFY(!say(*mina, a, QStringLiteral("budget for Q3")).isEmpty());
        QVERIFY(!say(*mina, b, QStringLiteral("the budget is approved")).isEmpty());
        QCOMPARE(bodies(ask(*mina, QStringLiteral("budget"))).size(), 2);
        const Frame scoped = ask(*mina, QStringLiteral("budget"), a);
        QCOMPARE(bodies(scoped), QStringList{QStringLiteral("budget for Q3")});
        QCOMPARE(std::get<SearchResult>(scoped).hits.first().conversationId, a);
        QVERIFY(TestClient::isError(ask(*mina, QStringLiteral("budget"), QStringLiteral("c_doesnotexist")),
                                    ErrorCode::NotFound));
    }

    void editsAndDeletesAreFollowed() {
        CONFAB_START_HARNESS(h, {});
        auto mina = h.client(QStringLiteral("mina"));
        QVERIFY(mina);
        const QString room = createRoom(*mina, {});
        const QString edited = say(*mina, room, QStringLiteral("alpha bravo 회의실"));
        const QString removed = say(*mina, room, QStringLiteral("secret plan 비밀"));
        QVERIFY(!edited.isEmpty() && !removed.isEmpty());
        QCOMPARE(bodies(ask(*mina, QStringLiteral("alpha"))).size(), 1);
        QCOMPARE(bodies(ask(*mina, QStringLiteral("secret"))).size(), 1);

        QVERIFY(std::holds_alternative<Ok>(
            mina->request(MessageEdit{room, edited, QStringLiteral("charlie delta 강당")})));
        QVERIFY(std::holds_alternative<Ok>(mina->request(MessageDelete{room, removed})));
        for (const QString &old : {QStringLiteral("alpha"), QStringLiteral("bravo"), QStringLiteral("회의실"),
                                   QStringLiteral("회의"), QStringLiteral("secret"), QStringLiteral("plan"),
                                   QStringLiteral("비밀"), QStringLiteral("비")})
            QVERIFY2(bodies(ask(*mina, old)).isEmpty(), qPrintable(old));
        QCOMPARE(bodies(ask(*mina, QStringLiteral("charlie"))),
                 QStringList{QStringLiteral("charlie delta 강당")});
        QCOMPARE(bodies(ask(*mina, QStringLiteral("강당"))).size(), 1);
        QCOMPARE(bodies(ask(*mina, QStringLiteral("ta"))).size(), 1);
        // Edited twice: only the latest words.
        QVERIFY(std::holds_alternative<Ok>(mina->request(MessageEdit{room, edited, QStringLiteral("echo")})));
        QVERIFY(bodies(ask(*mina, QStringLiteral("charlie"))).isEmpty());
        QCOMPARE(bodies(ask(*mina, QStringLiteral("echo"))).size(), 1);
    }

    void onlyActiveMembersFind() {
        CONFAB_START_HARNESS(h, {});
        auto mina = h.client(QStringLiteral("mina"));
        auto joon = h.client(QStringLiteral("joon"));
        auto sora = h.client(QStringLiteral("sora"));
        QVERIFY(mina && joon && sora);
        const QString room = createRoom(*mina, {joon->userId()});
        const QString soras = createRoom(*sora, {});
        QVERIFY(!say(*mina, room, QStringLiteral("quarterly budget 예산")).isEmpty());
        QVERIFY(!say(*sora, soras, QStringLiteral("my own budget")).isEmpty());

        QCOMPARE(bodies(ask(*joon, QStringLiteral("budget"))),
                 QStringList{QStringLiteral("quarterly budget 예산")});
        QCOMPARE(bodies(ask(*sora, QStringLiteral("budget"))), QStringList{QStringLiteral("my own budget")});
        QCOMPARE(bodies(ask(*sora, QStringLiteral("예산"))), QStringList{});
        QVERIFY(TestClient::isError(ask(*sora, QStringLiteral("budget"), room), ErrorCode::NotFound));

        QVERIFY(std::holds_alternative<Ok>(mina->request(MembersRemove{room, joon->userId()})));
        QCOMPARE(bodies(ask(*joon, QStringLiteral("budget"))), QStringList{});
        QCOMPARE(bodies(ask(*joon, QStringLiteral("예산"))), QStringList{});
        QVERIFY(TestClient::isError(ask(*joon, QStringLiteral("budget"), room), ErrorCode::NotFound));
    }

    void blindRoomHitsNameAliasesOnly() {
        CONFAB_START_HARNESS(h, {});
        auto mina = h.client(QStringLiteral("mina"));
        auto joon = h.client(QStringLiteral("joon"));
        QVERIFY(mina && joon);
        const QString room = createRoom(*mina, {joon->userId()}, ConversationKind::Blind);
        QVERIFY(!room.isEmpty());
        QVERIFY(!say(*joon, room, QStringLiteral("솔직히 회의가 너무 길어요")).isEmpty());
        QVERIFY(!say(*mina, room, QStringLiteral("회의 시간을 줄여요")).isEmpty());
        const Frame reply = ask(*mina, QStringLiteral("회의"));
        const auto *result = std::get_if<SearchResult>(&reply);
        QVERIFY2(result, qPrintable(TestClient::describe(reply)));
        QCOMPARE(result->hits.size(), 2);
        for (const SearchHit &hit : result->hits) {
            QVERIFY2(hit.message.senderId.startsWith(QStringLiteral("a_")), qPrintable(hit.message.senderId));
            QVERIFY(hit.message.senderId != joon->userId() && hit.message.senderId != mina->userId());
        }
        // Nothing in the reply's text names anyone.
        const QString raw = mina->rawTexts().last();
        QVERIFY(raw.contains(QStringLiteral("search.result")));
        for (const QString &secret :
             {joon->userId(), mina->userId(), QStringLiteral("joon"), QStringLiteral("Joon")})
            QVERIFY2(!raw.contains(secret), qPrintable(secret));
    }

    void snippetsAndHighlights() {
        CONFAB_START_HARNESS(h, {});
        auto mina = h.client(QStringLiteral("mina"));
        QVERIFY(mina);
        const QString room = createRoom(*mina, {});
        const QString longBody = QStringLiteral("lorem ipsum ").repeated(40) +
                                 QStringLiteral("🎉 Kickoff 킥오프 is here ") +
                                 QStringLiteral("dolor sit amet ").repeated(40);
        QVERIFY(!say(*mina, room, longBody).isEmpty());
        QVERIFY(!say(*mina, room, QStringLiteral("kickoff then KICKOFF again")).isEmpty());
        const Frame reply = ask(*mina, QStringLiteral("kickoff"));
        const auto *result = std::get_if<SearchResult>(&reply);
        QVERIFY2(result, qPrintable(TestClient::describe(reply)));
        QCOMPARE(result->hits.size(), 2);
        QVERIFY(highlightsAre(reply, QStringLiteral("kickoff")));
        for (const SearchHit &hit : result->hits) {
            QVERIFY(hit.snippet.size() <= 210);
            if (hit.message.body == longBody) {
                QVERIFY(hit.snippet.startsWith(QStringLiteral("…")) &&
                        hit.snippet.endsWith(QStringLiteral("…")));
                QCOMPARE(hit.highlights.size(), 1);
            } else {
                QCOMPARE(hit.snippet, hit.message.body);
                QCOMPARE(hit.highlights.size(), 2);
            }
        }
        // Two words: both marked.
        const Frame both = ask(*mina, QStringLiteral("킥오프 kickoff"));
        QCOMPARE(std::get<SearchResult>(both).hits.size(), 1);
        QCOMPARE(std::get<SearchResult>(both).hits.first().highlights.size(), 2);
    }

    void queryTextIsNeverSyntax() {
        CONFAB_START_HARNESS(h, {});
        auto mina = h.client(QStringLiteral("mina"));
        QVERIFY(mina);
        const QString room = createRoom(*mina, {});
        QVERIFY(!say(*mina, room, QStringLiteral("100% sure, under_score and a \"quote\" OR two")).isEmpty());
        QVERIFY(!say(*mina, room, QStringLiteral("plain words only")).isEmpty());
        const QStringList hostile = {QStringLiteral("\""),
                                     QStringLiteral("*"),
                                     QStringLiteral("OR"),
                                     QStringLiteral("NEAR("),
                                     QStringLiteral("-"),
                                     QStringLiteral("NEAR(a b)"),
                                     QStringLiteral("\"quote\" OR x"),
                                     QStringLiteral("wor*"),
                                     QStringLiteral("-plain"),
                                     QStringLiteral("plain AND NOT words"),
                                     QStringLiteral("a:b"),
                                     QStringLiteral("'"),
                                     QStringLiteral("!&|()<->"),
                                     QStringLiteral("\\"),
                                     QStringLiteral("%"),
                                     QStringLiteral("_"),
                                     QStringLiteral("body:plain"),
                                     QStringLiteral("^plain"),
                                     QStringLiteral("'; DROP TABLE messages; --")};
        for (const QString &query : hostile) {
            const Frame reply = ask(*mina, query);
            QVERIFY2(std::holds_alternative<SearchResult>(reply),
                     qPrintable(query + u' ' + TestClient::describe(reply)));
        }
        // Wildcards of LIKE are literal characters.
        QCOMPARE(bodies(ask(*mina, QStringLiteral("%"))).size(), 1);
        QCOMPARE(bodies(ask(*mina, QStringLiteral("_"))).size(), 1);
        QCOMPARE(bodies(ask(*mina, QStringLiteral("\"quote\""))).size(), 1);
        QCOMPARE(bodies(ask(*mina, QStringLiteral("OR"))).size(), 2); // "OR" and "words" contain it
        QCOMPARE(bodies(ask(*mina, QStringLiteral("plain"))).size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestSearch)
#include "tst_search.moc"

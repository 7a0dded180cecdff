#pragma once

#include "services/authservice.h"
#include "services/outcome.h"

#include <memory>

namespace confab::server {

class ConversationLog;
class ConversationStore;
class Database;
class MentionStore;
class SearchStore;

/*!
 * Search over the messages of the conversations a user is an active member of: ranked, paged by
 * an opaque cursor, each hit with a snippet of its body and the matches highlighted in it. Hits
 * are presented like any other message, so blind rooms show aliases only.
 */
class SearchService {
public:
    SearchService(Database &db, ConversationLog &log);
    ~SearchService();

    Outcome<protocol::SearchResult> search(const Identity &who, const protocol::SearchRequest &request);
    //! mentions.list: a search by who is mentioned rather than by words, newest first, each hit's
    //! highlights marking where I (or @room) am mentioned.
    Outcome<protocol::Mentions> mentions(const Identity &who, const protocol::MentionsList &request);

    //! The words of a query: split at white space, without repeats, at most kMaxTerms.
    static QStringList terms(const QString &query);
    //! The part of `body` around the first match (about kSnippetChars), and every match in it.
    static std::pair<QString, QList<protocol::TextRange>> snippet(const QString &body,
                                                                  const QStringList &terms);

    static constexpr int kMaxTerms = 8;
    static constexpr int kSnippetChars = 200;

private:
    ConversationLog &m_log;
    std::unique_ptr<ConversationStore> m_conversations;
    std::unique_ptr<SearchStore> m_store;
    std::unique_ptr<MentionStore> m_mentions;
};

} // namespace confab::server

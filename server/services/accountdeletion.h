#pragma once

#include "services/outcome.h"

#include <QString>

#include <functional>
#include <memory>

namespace confab::server {

class AccountStore;
class ConversationLog;
class ConversationService;
class Database;
class DeletionStore;
class EventStore;
class Fanout;
class MentionStore;
class PeopleStore;
struct ServerConfig;

/*!
 * Deletes an account, for account.delete and for `confab-server user delete` alike:
 * 1. in one transaction the profile is erased (the row stays as "Deleted user" for the history that
 *    names it), every session deleted, the username held for `accounts/username_hold_days`;
 * 2. the connections close (4003) and the people around the user learn it (`user.updated`, deleted);
 * 3. with `eraseMessages`, every message of the user is deleted like message.delete does it (its
 *    attachments are no longer served and the sweep removes their bytes);
 * 4. the user leaves every group and blind room the way conversation.leave does it (an owner hands
 *    over to the longest-standing admin, else member); direct conversations stay, with "Deleted user".
 * Steps 3 and 4 are one transaction per conversation: if the server stops between them, running it
 * again (the CLI takes an already deleted account) finishes what is left.
 */
class AccountDeletion {
public:
    AccountDeletion(Database &db, const ServerConfig &config, ConversationLog &log, ConversationService &conversations,
                    Fanout &fanout);
    ~AccountDeletion();

    struct Summary {
        QString username; //!< the username the account had (held now)
        int messagesErased = 0;
        int conversationsLeft = 0;
    };
    /*!
     * `committed`, when given, runs right after step 1 committed and before the connections close:
     * account.delete answers there, so that its "ok" leaves before the 4003. A failure after step 1
     * is returned (and logged) with the account deleted.
     */
    Outcome<Summary> run(const QString &userId, bool eraseMessages, const std::function<void()> &committed = {});

private:
    int eraseMessages(const QString &userId);

    Database &m_db;
    const ServerConfig &m_config;
    ConversationLog &m_log;
    ConversationService &m_conversations;
    Fanout &m_fanout;
    std::unique_ptr<AccountStore> m_accounts;
    std::unique_ptr<DeletionStore> m_deletions;
    std::unique_ptr<PeopleStore> m_people;
    std::unique_ptr<EventStore> m_events;
    std::unique_ptr<MentionStore> m_mentions;
};

} // namespace confab::server

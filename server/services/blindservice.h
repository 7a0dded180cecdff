#pragma once

#include "services/authservice.h"
#include "services/outcome.h"
#include "services/ratelimiter.h"

#include <functional>

namespace confab::server {

class BlindStore;
class ConversationLog;
class ConversationStore;
class Database;

/*!
 * What blind rooms add to conversations: the mutual reveal (offers, their withdrawal, the pairs who
 * agreed, the owner's switch), the owner's policy (groups A and B, a reveal to everyone at a set
 * time, members inviting) with the scheduled reveal itself, and reports of members to the
 * server's operator.
 *
 * A member's identity is shown to another member only when both offered: each to the other or to
 * the room. Each offer, withdrawal and resulting reveal is an event in the room's log; Presenter
 * decides who sees what of it.
 */
class BlindService {
public:
    BlindService(Database &db, ConversationLog &log);
    ~BlindService();

    Outcome<protocol::Ok> reveal(const Identity &who, const protocol::ConversationReveal &request);
    Outcome<protocol::Ok> setReveals(const Identity &who, const protocol::ConversationReveals &request);
    Outcome<protocol::Ok> report(const Identity &who, const protocol::MembersReport &request);
    //! The owner moves a member between groups A and B (or out of both): an event in the room's order.
    Outcome<protocol::Ok> setGroup(const Identity &who, const protocol::MembersGroup &request);
    //! The owner sets who sees whom (off, mutual, scheduled at a time) and whether members invite.
    Outcome<protocol::Ok> setPolicy(const Identity &who, const protocol::RevealPolicySet &request);
    /*!
     * Shows every member of each room whose scheduled reveal is due at `now` to every other
     * member: one `revealed_to_all` event per member, in the room's order. Each due reveal is
     * claimed in the database in the transaction that writes it, so that it happens exactly once
     * however many instances look. Returns how many rooms this call revealed.
     */
    int fireDueReveals(qint64 now);
    //! Called after this instance changed a room's schedule (the scheduler looks again at once).
    void setOnScheduleChanged(std::function<void()> callback) { m_onScheduleChanged = std::move(callback); }

    BlindStore &store() { return *m_store; }
    void pruneLimiters() { m_reportLimiter.prune(); }

private:
    Outcome<protocol::Ok> offer(const Identity &who, const Conversation &conversation, const QString &toUserId);
    Outcome<protocol::Ok> withdraw(const Identity &who, const Conversation &conversation, const QString &toUserId);
    //! A new time for the scheduled reveal, none (cancel), or absent (leave it as it is).
    using ScheduleChange = std::optional<std::optional<qint64>>;
    //! Writes a policy change in one transaction; `allowed`/`revealAt`/`invite`: the wanted state.
    Outcome<protocol::Ok> applyPolicy(const Identity &who, const QString &conversationId, bool allowed,
                                      ScheduleChange revealAt, std::optional<bool> invite);
    bool fire(const QString &conversationId, qint64 now);

    Database &m_db;
    ConversationLog &m_log;
    std::unique_ptr<ConversationStore> m_conversations;
    std::unique_ptr<BlindStore> m_store;
    RateLimiter m_reportLimiter; //!< reports per user: a few at once, then one a minute
    std::function<void()> m_onScheduleChanged;
};

} // namespace confab::server

#pragma once

#include "services/authservice.h"
#include "services/outcome.h"

namespace confab::server {

class AccountStore;
struct Access;
class BlindStore;
class ConversationLog;
class ConversationStore;
class Database;
class EventStore;
class Fanout;
class PeopleStore;

/*!
 * Conversations and membership. Membership is authorization (DESIGN.md invariant 4): a user who
 * is not an active member gets NOT_FOUND for everything about a conversation, so ids cannot be probed.
 */
class ConversationService {
public:
    ConversationService(Database &db, ConversationLog &log, Fanout &fanout);
    ~ConversationService();

    Outcome<protocol::ConversationDetail> create(const Identity &who, const protocol::ConversationCreate &request);
    Outcome<protocol::Conversations> list(const Identity &who, const protocol::ConversationList &request);
    Outcome<protocol::ConversationDetail> get(const Identity &who, const protocol::ConversationGet &request);
    Outcome<protocol::Users> lookup(const Identity &who, const protocol::UserLookup &request);
    Outcome<protocol::Ok> addMembers(const Identity &who, const protocol::MembersAdd &request);
    Outcome<protocol::Ok> removeMember(const Identity &who, const protocol::MembersRemove &request);
    Outcome<protocol::Ok> setRole(const Identity &who, const protocol::MembersRole &request);
    Outcome<protocol::Ok> leave(const Identity &who, const protocol::ConversationLeave &request);
    Outcome<protocol::Ok> archive(const Identity &who, const protocol::ConversationArchive &request);
    //! Rename and/or describe a group (owners and admins): one event per field that changed.
    Outcome<protocol::Ok> update(const Identity &who, const protocol::ConversationUpdate &request);
    //! Mine only: stored on my member row, pushed to all my sessions, not an event of the conversation.
    //! conversation.mute: the level "nothing" (muted) or "all".
    Outcome<protocol::Ok> mute(const Identity &who, const protocol::ConversationMute &request);
    //! My notification level; all my sessions get conversation.notify.level (and conversation.muted).
    Outcome<protocol::Ok> notify(const Identity &who, const protocol::ConversationNotify &request);

    //! The conversation as `userId` sees it, with members and markers.
    std::optional<protocol::ConversationDetail> detailFor(const QString &userId, const QString &conversationId);

    //! A conversation written by writeNew, with its events to publish after the commit.
    struct NewConversation {
        Conversation conversation;
        QList<StoredEvent> events;
    };
    //! Inside the caller's transaction: the conversation of `request`, made by `creator` (its owner,
    //! in groups and blind rooms) with `others` (checked already), its members, description and
    //! blind setup. create() writes one this way; the matching writes all its rooms in one transaction.
    NewConversation writeNew(const User &creator, const QList<User> &others, const protocol::ConversationCreate &request,
                             const QString &directKey, qint64 now);

private:
    //! What a method asks of its caller beyond active membership.
    struct Demand {
        QString notInDirect{};       //!< set: refused in direct conversations, for this reason
        Role atLeast = Role::Member; //!< in groups: the least role that may (Owner > Admin > Member)
        QString roleRefusal{};       //!< why a lesser role is refused
    };
    //! The caller's access to a conversation, checked the one way every method checks it: not an
    //! active member → NOT_FOUND (membership is authorization, and ids cannot be probed); then the
    //! method's demand, each refusal with its own message. Written once so that no method forgets a step.
    Outcome<Access> enter(const Identity &who, const QString &conversationId, const Demand &demand);
    Member newMember(const Conversation &conversation, const User &user, Role role, qint64 seq, qint64 now);
    //! Resolves a member id as clients know it (user id, or alias id in blind rooms) to the member.
    std::optional<Member> resolveMember(const Conversation &conversation, const QString &memberId);
    void pushDetail(const QList<QString> &userIds, const QString &conversationId);

    Database &m_db;
    ConversationLog &m_log;
    Fanout &m_fanout;
    std::unique_ptr<AccountStore> m_accounts;
    std::unique_ptr<ConversationStore> m_conversations;
    std::unique_ptr<EventStore> m_events;
    std::unique_ptr<BlindStore> m_blind; //!< blind rooms' settings: set up at creation, read to add members
    std::unique_ptr<PeopleStore> m_people; //!< who blocks whom: a blocked person cannot reach the blocker
};

} // namespace confab::server

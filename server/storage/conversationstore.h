#pragma once

#include "domain/model.h"

#include <QHash>
#include <QList>

class QSqlQuery;

namespace confab::server {

class Database;

//! One conversation the user is in, with their own member row, for the conversation list.
struct MembershipRow {
    Conversation conversation;
    Member me;
    qint64 unread = 0;
    qint64 unreadMentions = 0; //!< unread messages by others that mention me or @room
    qint64 memberCount = 0;
};

//! A conversation together with the asking user's active member row.
struct Access {
    Conversation conversation;
    Member me;
};

//! Conversations and their members (including read markers).
class ConversationStore {
public:
    explicit ConversationStore(Database &db) : m_db(db) {}

    void create(const Conversation &conversation);
    std::optional<Conversation> byId(const QString &id);
    std::optional<Conversation> directByKey(const QString &key);
    //! Takes the conversation's next sequence number. Inside a transaction this locks the
    //! conversation's row until commit, which keeps seqs gap-free across server instances.
    //! In a group commit (Database::openBatch) the row is written once, before the commit.
    qint64 nextSeq(const QString &conversationId);
    //! Gives back the seq just taken, unused, in a group commit. (In an ordinary transaction,
    //! rolling it back gives it back.)
    void releaseSeq(const QString &conversationId, qint64 seq);
    void setTitle(const QString &conversationId, const QString &title);
    void setArchived(const QString &conversationId, bool archived);
    void setDescription(const QString &conversationId, const QString &description);
    void setNotifyLevel(const QString &conversationId, const QString &userId, protocol::NotifyLevel level);
    //! Sets or takes away a member's own unread mark; false when it was so already.
    bool setMarkedUnread(const QString &conversationId, const QString &userId, bool marked);

    //! Inserts, or re-activates a former member's row (keeping its alias in blind rooms).
    void upsertMember(const Member &member);
    std::optional<Member> member(const QString &conversationId, const QString &userId);
    //! The conversation and my row when I am an active member; nothing otherwise (callers answer
    //! NOT_FOUND, so that conversation ids cannot be probed). One query.
    std::optional<Access> access(const QString &conversationId, const QString &userId);
    QList<Member> members(const QString &conversationId, bool includeFormer = false);
    QList<QString> activeMemberIds(const QString &conversationId);
    //! Everyone who shares a conversation that is not blind with `userId` (for presence).
    QList<QString> contactsOf(const QString &userId);
    void deactivateMember(const QString &conversationId, const QString &userId);
    void setRole(const QString &conversationId, const QString &userId, Role role);
    //! Blind rooms: "A", "B", or empty for no group.
    void setGroup(const QString &conversationId, const QString &userId, const QString &group);
    struct Markers {
        qint64 delivered = 0;
        qint64 read = 0;
        qint64 publicRead = 0;
    };
    //! Moves markers forward only; the public read marker only while the user's receipts are public.
    //! Returns the member's markers afterwards.
    Markers advanceMarkers(const QString &conversationId, const QString &userId, qint64 delivered, qint64 read);

    QList<MembershipRow> membershipsOf(const QString &userId, bool includeArchived);
    std::optional<MembershipRow> membershipOf(const QString &userId, const QString &conversationId);
    //! Messages by others after `readSeq`, not deleted.
    qint64 unreadCount(const QString &conversationId, const QString &userId, qint64 readSeq);

private:
    qint64 takeSeq(const QString &conversationId);
    void writeBatchSeq(const QString &conversationId);

    //! Seqs taken in the open group commit, per conversation: the row holds `written`.
    struct BatchSeq {
        qint64 written = 0;
        qint64 last = 0;
    };
    QHash<QString, BatchSeq> m_batchSeqs;
    quint64 m_batchNumber = 0;

    QList<Member> readMembers(QSqlQuery &q);
    QList<MembershipRow> readMemberships(QSqlQuery &q);
    Database &m_db;
};

} // namespace confab::server

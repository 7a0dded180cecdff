#pragma once

#include "domain/model.h"
#include "domain/reveals.h"
#include "protocol/types.h"

#include <QHash>

namespace confab::server {

/*!
 * Turns stored rows into what members of one conversation may see. In blind rooms every member
 * appears under their per-room alias id and alias, never their user id, username or display name
 * (DESIGN.md invariant 5); elsewhere under their user id and names. The one exception is a mutual
 * reveal: a member's real identity goes, as MemberInfo `revealed`, to the viewers they agreed it
 * with, and to nobody else. Ids stay alias ids for everyone, so messages, markers and typing read
 * the same whoever looks.
 */
class Presenter {
public:
    //! `members` should include former members, so that old events still name their authors.
    Presenter(const Conversation &conversation, const QList<Member> &members);

    bool blind() const { return m_conversation.kind == ConversationKind::Blind; }
    //! Blind rooms: who revealed to whom (without it, nobody did).
    void setReveals(RevealState reveals) { m_reveals = std::move(reveals); }
    const RevealState &reveals() const { return m_reveals; }
    //! `member` as `viewerId` sees them; without a viewer, as someone nobody revealed to.
    protocol::MemberInfo member(const Member &member, const QString &viewerId = {}) const;
    QString memberId(const QString &userId) const;
    protocol::MessageInfo message(const Message &message) const;
    //! Stored mentions as members see them: member ids (alias ids in blind rooms), never user ids.
    QList<protocol::Mention> mentions(const QList<MentionRecord> &records) const;
    //! `event` as `viewerId` sees it; without a viewer, as someone no reveal is about.
    protocol::Event event(const StoredEvent &event, const QString &viewerId = {}) const;
    //! Whether `event` reads differently for different members (reveals in blind rooms): then it
    //! is presented and encoded per receiver, else once for all.
    bool personal(const StoredEvent &event) const;
    //! A member's markers as `viewerId` sees them: their own in full, others' public read marker.
    protocol::MarkerInfo marker(const Member &member, const QString &viewerId) const;
    //! My row of the conversation list.
    protocol::ConversationInfo conversation(const Member &me, qint64 unread, qint64 memberCount,
                                            const std::optional<Message> &lastMessage) const;
    //! The title a viewer sees: for direct conversations, the other member's name.
    QString titleFor(const QString &viewerId) const;

    static protocol::MemberInfo memberOf(const Conversation &conversation, const Member &member);

private:
    //! Whether a reveal event is `viewerId`'s business: the two members it is between, or the
    //! whole room for an offer to the room.
    bool revealConcerns(const StoredEvent &event, const QString &viewerId) const;

    Conversation m_conversation;
    QHash<QString, Member> m_members;
    RevealState m_reveals;
};

} // namespace confab::server

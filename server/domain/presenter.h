#pragma once

#include "domain/model.h"
#include "protocol/types.h"

#include <QHash>

namespace confab::server {

/*!
 * Turns stored rows into what members of one conversation may see. In blind rooms every member
 * appears under their per-room alias id and alias, never their user id, username or display name
 * (DESIGN.md invariant 5); elsewhere under their user id and names.
 */
class Presenter {
public:
    //! `members` should include former members, so that old events still name their authors.
    Presenter(const Conversation &conversation, const QList<Member> &members);

    bool blind() const { return m_conversation.kind == ConversationKind::Blind; }
    protocol::MemberInfo member(const Member &member) const;
    QString memberId(const QString &userId) const;
    protocol::MessageInfo message(const Message &message) const;
    protocol::Event event(const StoredEvent &event) const;
    //! A member's markers as `viewerId` sees them: their own in full, others' public read marker.
    protocol::MarkerInfo marker(const Member &member, const QString &viewerId) const;
    //! My row of the conversation list.
    protocol::ConversationInfo conversation(const Member &me, qint64 unread, qint64 memberCount,
                                            const std::optional<Message> &lastMessage) const;
    //! The title a viewer sees: for direct conversations, the other member's name.
    QString titleFor(const QString &viewerId) const;

    static protocol::MemberInfo memberOf(const Conversation &conversation, const Member &member);

private:
    Conversation m_conversation;
    QHash<QString, Member> m_members;
};

} // namespace confab::server

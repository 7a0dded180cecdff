#include "presenter.h"

#include <QJsonArray>

namespace confab::server {

Presenter::Presenter(const Conversation &conversation, const QList<Member> &members) : m_conversation(conversation)
{
    for (const Member &m : members)
        m_members.insert(m.userId, m);
}

protocol::MemberInfo Presenter::memberOf(const Conversation &conversation, const Member &m)
{
    protocol::MemberInfo info;
    info.role = m.role;
    if (conversation.kind == ConversationKind::Blind) {
        info.id = m.aliasId;
        info.name = m.alias;
        info.alias = true;
        if (!m.group.isEmpty())
            info.group = m.group;
    } else {
        info.id = m.userId;
        info.name = m.displayName;
        info.username = m.username;
    }
    return info;
}

protocol::MemberInfo Presenter::member(const Member &m) const
{
    return memberOf(m_conversation, m);
}

QString Presenter::memberId(const QString &userId) const
{
    if (userId.isEmpty())
        return {};
    if (!blind())
        return userId;
    const auto it = m_members.constFind(userId);
    // A blind room's events only ever name its members; anything else is withheld, not leaked.
    return it == m_members.constEnd() ? QStringLiteral("a_unknown") : it->aliasId;
}

protocol::MessageInfo Presenter::message(const Message &m) const
{
    protocol::MessageInfo info;
    info.id = m.id;
    info.seq = m.seq;
    info.senderId = memberId(m.senderId);
    info.clientId = m.clientId;
    info.body = m.deleted ? QString() : m.body;
    info.createdAt = m.createdAt;
    info.editedAt = m.editedAt;
    info.deleted = m.deleted;
    info.replyTo = m.replyTo;
    if (!m.deleted)
        info.attachments = m.attachments;
    return info;
}

protocol::MarkerInfo Presenter::marker(const Member &m, const QString &viewerId) const
{
    return protocol::MarkerInfo{memberId(m.userId), m.deliveredSeq, m.userId == viewerId ? m.readSeq : m.publicReadSeq};
}

protocol::Event Presenter::event(const StoredEvent &e) const
{
    protocol::Event out;
    out.conversationId = e.conversationId;
    out.seq = e.seq;
    out.kind = e.kind;
    out.at = e.at;
    if (!e.actorId.isEmpty())
        out.actorId = memberId(e.actorId);
    if (!e.messageId.isEmpty() && e.kind != EventKind::Message)
        out.messageId = e.messageId;
    const auto text = [&e](const char *key) -> std::optional<QString> {
        const QJsonValue v = e.payload.value(QLatin1StringView(key));
        return v.isString() ? std::optional(v.toString()) : std::nullopt;
    };
    switch (e.kind) {
    case EventKind::Message:
        if (e.message) {
            out.message = message(*e.message);
            // Stored messages are read without their attachments: the event's payload lists them.
            if (!e.message->deleted && out.message->attachments.isEmpty()) {
                for (const QJsonValue id : e.payload.value(QLatin1StringView("attachments")).toArray())
                    out.message->attachments.append(id.toString());
            }
        }
        break;
    case EventKind::Edit:
        out.body = text("body").value_or(QString());
        if (e.payload.contains(QLatin1StringView("edited_at")))
            out.editedAt = qint64(e.payload.value(QLatin1StringView("edited_at")).toDouble());
        break;
    case EventKind::Delete:
        break;
    case EventKind::Reaction:
        out.emoji = text("emoji");
        out.add = e.payload.value(QLatin1StringView("add")).toBool();
        break;
    case EventKind::Created:
    case EventKind::Renamed:
        out.title = text("title").value_or(QString());
        break;
    case EventKind::MemberAdded:
    case EventKind::MemberRemoved:
    case EventKind::MemberLeft:
    case EventKind::RoleChanged: {
        const QString userId = text("user_id").value_or(QString());
        const auto it = m_members.constFind(userId);
        if (it != m_members.constEnd()) {
            protocol::MemberInfo info = member(*it);
            if (const auto role = protocol::enumFromName<Role>(text("role").value_or(QString())))
                info.role = *role; // the role at the time of the event
            out.member = info;
        }
        break;
    }
    case EventKind::Archived:
        out.archived = e.payload.value(QLatin1StringView("archived")).toBool();
        break;
    }
    return out;
}

QString Presenter::titleFor(const QString &viewerId) const
{
    if (m_conversation.kind != ConversationKind::Direct)
        return m_conversation.title;
    for (const Member &m : m_members) {
        if (m.userId != viewerId)
            return m.displayName;
    }
    return m_conversation.title;
}

protocol::ConversationInfo Presenter::conversation(const Member &me, qint64 unread, qint64 memberCount,
                                                   const std::optional<Message> &lastMessage) const
{
    protocol::ConversationInfo info;
    info.id = m_conversation.id;
    info.kind = m_conversation.kind;
    info.title = titleFor(me.userId);
    info.createdAt = m_conversation.createdAt;
    info.lastSeq = m_conversation.lastSeq;
    info.unread = unread;
    info.deliveredSeq = me.deliveredSeq;
    info.readSeq = me.readSeq;
    info.role = me.role;
    info.archived = m_conversation.archived;
    info.muted = me.muted;
    info.memberCount = memberCount;
    if (lastMessage)
        info.lastMessage = message(*lastMessage);
    info.me = member(me);
    return info;
}

} // namespace confab::server

#include "presenter.h"

#include "domain/aliases.h"
#include "domain/mentions.h"

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
        if (const QString ko = aliases::aliasNameKo(m.alias); !ko.isEmpty())
            info.nameKo = ko;
    } else {
        info.id = m.userId;
        info.name = m.displayName;
        if (m.deleted) // no username: the placeholder one names nobody (storage/deletionstore.h)
            info.deleted = true;
        else
            info.username = m.username;
        if (!m.status.isEmpty())
            info.status = m.status;
        if (!m.avatar.isEmpty())
            info.avatar = m.avatar;
    }
    if (m.bot) // that a member is a bot is no identity: blind rooms show it too
        info.bot = true;
    return info;
}

protocol::MemberInfo Presenter::member(const Member &m, const QString &viewerId) const
{
    protocol::MemberInfo info = memberOf(m_conversation, m);
    if (blind() && m_reveals.mutual(viewerId, m.userId))
        info.revealed = protocol::UserInfo{m.userId, m.username, m.displayName};
    return info;
}

bool Presenter::personal(const StoredEvent &e) const
{
    if (!blind())
        return false;
    switch (e.kind) {
    case EventKind::RevealOffered:
    case EventKind::RevealWithdrawn:
    case EventKind::Revealed:
    case EventKind::RevealedToAll:
        return true;
    case EventKind::MemberAdded:
    case EventKind::MemberRemoved:
    case EventKind::MemberLeft:
    case EventKind::RoleChanged:
    case EventKind::GroupChanged:
        return !m_reveals.pairs.isEmpty(); // `member` carries `revealed` for some viewers
    default:
        return false;
    }
}

bool Presenter::revealConcerns(const StoredEvent &e, const QString &viewerId) const
{
    if (viewerId.isEmpty())
        return false;
    const QString other = e.payload.value(QLatin1StringView(e.kind == EventKind::Revealed ? "user_id" : "to")).toString();
    if (e.kind != EventKind::Revealed && other.isEmpty())
        return true; // an offer to the room, or its withdrawal: the room's business
    return viewerId == e.actorId || viewerId == other;
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
    info.threadId = m.threadId;
    if (!m.streamState.isEmpty()) {
        protocol::StreamInfo stream;
        stream.state = protocol::enumFromName<protocol::StreamState>(m.streamState).value_or(protocol::StreamState::Streaming);
        stream.tokens = m.streamTokens;
        stream.latencyMs = m.streamLatencyMs;
        info.stream = stream;
    }
    if (!m.deleted) {
        info.attachments = m.attachments;
        info.mentions = mentions(m.mentions);
    }
    if (m.forwarded)
        info.forwarded = true; // that it was forwarded, never from where or whom
    return info;
}

QList<protocol::Mention> Presenter::mentions(const QList<MentionRecord> &records) const
{
    QList<protocol::Mention> out;
    out.reserve(records.size());
    for (const MentionRecord &r : records) {
        if (r.room())
            out.append({std::nullopt, true, r.start, r.length});
        else
            out.append({memberId(r.userId), std::nullopt, r.start, r.length}); // alias ids in blind rooms
    }
    return out;
}

protocol::MarkerInfo Presenter::marker(const Member &m, const QString &viewerId) const
{
    return protocol::MarkerInfo{memberId(m.userId), m.deliveredSeq, m.userId == viewerId ? m.readSeq : m.publicReadSeq};
}

protocol::Event Presenter::event(const StoredEvent &e, const QString &viewerId) const
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
        out.mentions = mentions(mentions::fromJson(e.payload.value(QLatin1StringView("mentions")).toArray()));
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
            protocol::MemberInfo info = member(*it, viewerId);
            if (const auto role = protocol::enumFromName<Role>(text("role").value_or(QString())))
                info.role = *role; // the role at the time of the event
            out.member = info;
        }
        break;
    }
    case EventKind::Archived:
        out.archived = e.payload.value(QLatin1StringView("archived")).toBool();
        break;
    case EventKind::Described:
        out.description = text("description").value_or(QString());
        break;
    case EventKind::StreamEnded:
        if (e.message)
            out.message = message(*e.message);
        break;
    case EventKind::RevealOffered:
    case EventKind::RevealWithdrawn:
    case EventKind::Revealed: {
        if (!revealConcerns(e, viewerId)) {
            out.actorId.reset(); // between two other members: the seq, and nothing about whom
            break;
        }
        const QString other = text(e.kind == EventKind::Revealed ? "user_id" : "to").value_or(QString());
        if (!other.isEmpty())
            out.targetId = memberId(other);
        if (e.kind == EventKind::Revealed) {
            // Each of the two learns who the other one is (`revealed`, as long as the pair stands).
            const auto it = m_members.constFind(viewerId == e.actorId ? other : e.actorId);
            if (it != m_members.constEnd())
                out.member = member(*it, viewerId);
        }
        break;
    }
    case EventKind::RevealsAllowed:
    case EventKind::InvitesAllowed:
        out.allowed = e.payload.value(QLatin1StringView("allowed")).toBool();
        break;
    case EventKind::GroupChanged:
    case EventKind::RevealedToAll: {
        // The member as this viewer sees them now, with the group the event gave them.
        const auto it = m_members.constFind(text("user_id").value_or(QString()));
        if (it != m_members.constEnd()) {
            protocol::MemberInfo info = member(*it, viewerId);
            if (e.kind == EventKind::GroupChanged)
                info.group = text("group");
            out.member = info;
        }
        break;
    }
    case EventKind::RevealScheduled:
        if (e.payload.contains(QLatin1StringView("reveal_at")))
            out.revealAt = qint64(e.payload.value(QLatin1StringView("reveal_at")).toDouble());
        break;
    case EventKind::Pinned:
        // The pinned message as it is now (for the pinned bar), its attachments from the payload.
        if (e.message) {
            out.message = message(*e.message);
            if (!e.message->deleted && out.message->attachments.isEmpty()) {
                for (const QJsonValue id : e.payload.value(QLatin1StringView("attachments")).toArray())
                    out.message->attachments.append(id.toString());
            }
        }
        break;
    case EventKind::Unpinned:
        break;
    case EventKind::PinRightsChanged:
        out.allowed = e.payload.value(QLatin1StringView("allowed")).toBool();
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
    info.muted = me.notify == protocol::NotifyLevel::Nothing;
    info.notify = me.notify;
    if (me.markedUnread)
        info.markedUnread = true;
    info.memberCount = memberCount;
    if (lastMessage)
        info.lastMessage = message(*lastMessage);
    info.me = member(me);
    if (!m_conversation.description.isEmpty())
        info.description = m_conversation.description;
    if (blind()) {
        info.reveals = m_reveals.allowed;
        info.revealAt = m_reveals.revealAt;
        info.revealedAt = m_reveals.revealedAt;
        info.membersInvite = m_reveals.membersInvite;
        // My offers, and the others' offers to me or to the room: what the reveal menus need.
        for (const RevealOfferRow &o : m_reveals.offers) {
            const auto from = m_members.constFind(o.fromUserId);
            if (from == m_members.constEnd() || !from->active)
                continue;
            if (o.fromUserId != me.userId && !o.toUserId.isEmpty() && o.toUserId != me.userId)
                continue;
            protocol::RevealOffer offer{from->aliasId, std::nullopt};
            if (!o.toUserId.isEmpty())
                offer.to = memberId(o.toUserId);
            info.revealOffers.append(offer);
        }
    }
    return info;
}

} // namespace confab::server

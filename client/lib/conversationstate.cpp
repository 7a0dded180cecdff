#include "conversationstate.h"

#include "mentionmatch.h"

namespace confab::client {

using namespace confab::protocol;

ConversationState::ConversationState(QObject *parent) : QObject(parent) {}

bool ConversationState::open(const QString &path, QString *error)
{
    close();
    if (!m_cache.open(path, error))
        return false;
    for (const ConversationInfo &c : m_cache.conversations())
        m_conversations.insert(c.id, c);
    for (const Pins &pins : m_cache.allPins())
        m_pins.insert(pins.conversationId, {pins.pins, pins.membersPin, true});
    emit conversationsReset();
    return true;
}

void ConversationState::close()
{
    m_cache.close();
    m_conversations.clear();
    m_pins.clear();
}

void ConversationState::setOpenConversation(const QString &conversationId)
{
    m_open = conversationId;
    emit opened(conversationId);
}

QList<ConversationInfo> ConversationState::conversations() const
{
    QList<ConversationInfo> out;
    if (!isOpen())
        return out;
    for (const ConversationInfo &stored : m_cache.conversations())
        out.append(m_conversations.value(stored.id, stored));
    return out;
}

std::optional<ConversationInfo> ConversationState::conversation(const QString &conversationId) const
{
    const auto it = m_conversations.constFind(conversationId);
    return it == m_conversations.cend() ? std::nullopt : std::optional(*it);
}

QList<MemberInfo> ConversationState::members(const QString &conversationId) const
{
    return isOpen() && !conversationId.isEmpty() ? m_cache.members(conversationId) : QList<MemberInfo>();
}

QList<MarkerInfo> ConversationState::markers(const QString &conversationId) const
{
    return isOpen() && !conversationId.isEmpty() ? m_cache.markers(conversationId) : QList<MarkerInfo>();
}

QString ConversationState::myMemberId(const QString &conversationId) const
{
    const auto it = m_conversations.constFind(conversationId);
    return it != m_conversations.cend() && it->me ? it->me->id : m_myUserId;
}

qint64 ConversationState::syncedSeq(const QString &conversationId) const
{
    return isOpen() ? m_cache.syncedSeq(conversationId) : 0;
}

void ConversationState::storeConversation(const ConversationInfo &incoming, bool persist)
{
    ConversationInfo info = incoming;
    // My read marker never moves back: what I read here may not have reached the server yet
    // (receipts leave on a timer) when a list or a snapshot answered from before arrives.
    if (const auto known = m_conversations.constFind(info.id); known != m_conversations.cend() && known->readSeq > info.readSeq) {
        info.readSeq = known->readSeq;
        if (info.lastSeq <= info.readSeq) {
            info.unread = 0;
            info.unreadMentions = 0;
        }
    }
    m_conversations.insert(info.id, info);
    if (persist)
        m_cache.saveConversation(info);
}

QString ConversationState::deletedName()
{
    return tr("Deleted user");
}

void ConversationState::storeMembers(const QString &conversationId, const QList<MemberInfo> &given,
                                     QList<MarkerInfo> markers)
{
    // A deleted account is called so in the UI language (the server sends "Deleted user" and `deleted`).
    QList<MemberInfo> members = given;
    for (MemberInfo &m : members) {
        if (m.deleted.value_or(false))
            m.name = deletedName();
    }
    // Markers never move back either: a snapshot keeps the furthest each member got.
    const QList<MarkerInfo> known = m_cache.markers(conversationId);
    for (MarkerInfo &m : markers) {
        for (const MarkerInfo &k : known) {
            if (k.memberId == m.memberId) {
                m.deliveredSeq = std::max(m.deliveredSeq, k.deliveredSeq);
                m.readSeq = std::max(m.readSeq, k.readSeq);
            }
        }
    }
    m_cache.saveMembers(conversationId, members, markers);
}

void ConversationState::storeMessage(const QString &conversationId, const MessageInfo &message)
{
    m_cache.saveMessage(conversationId, message);
    emit messageChanged(conversationId, message);
}

// ---- pushed frames ------------------------------------------------------------------------------

void ConversationState::apply(const Frame &pushed)
{
    if (!isOpen())
        return;
    std::visit(
        [this](const auto &frame) {
            if constexpr (!std::is_same_v<std::decay_t<decltype(frame)>, std::monostate>)
                handle(frame);
        },
        pushed);
}

bool ConversationState::applyEvent(const Event &e, qint64 freshAfter)
{
    const QString &id = e.conversationId;
    if (!m_conversations.contains(id)) {
        // A conversation not seen yet: fetch it; its history comes with a sync after that.
        emit conversationWanted(id);
        emit resyncWanted();
        return false;
    }
    const qint64 synced = m_cache.syncedSeq(id);
    if (e.seq <= synced)
        return true; // seen already (the sender's own echo, or a replay)
    if (e.seq > synced + 1) {
        emit syncWanted(); // a gap: something was missed; sync fetches exactly that
        return false;
    }
    ConversationInfo &c = m_conversations[id];
    if (isTimelineEvent(e.kind)) {
        m_cache.saveTimelineEvent(e);
        emit timelineEventAdded(e);
    }
    switch (e.kind) {
    case EventKind::Message:
        if (e.message) {
            const bool mine = e.message->senderId == myMemberId(id);
            m_cache.saveMessage(id, *e.message);
            c.lastMessage = e.message;
            c.lastSeq = e.seq;
            if (!mine && m_open != id) {
                ++c.unread;
                if (mentionsMe(*e.message, myMemberId(id)))
                    c.unreadMentions = c.unreadMentions.value_or(0) + 1;
            }
            m_cache.saveConversation(c);
            emit conversationChanged(id);
            emit messageChanged(id, *e.message);
            emit messageReceived(id, *e.message, e.seq);
            if (e.message->threadId)
                countReply(id, *e.message, freshAfter);
        }
        break;
    case EventKind::StreamEnded:
        // The final text and stream state replace whatever the pushes had shown.
        if (e.message) {
            storeMessage(id, *e.message);
            if (c.lastMessage && c.lastMessage->id == e.message->id)
                c.lastMessage = e.message;
            c.lastSeq = e.seq;
            m_cache.saveConversation(c);
            emit conversationChanged(id);
        }
        break;
    case EventKind::Renamed:
    case EventKind::Described:
        applyConversationChange(e);
        break;
    case EventKind::Edit:
    case EventKind::Delete:
        applyMessageChange(e);
        applyPinEvent(e);
        break;
    case EventKind::Pinned:
    case EventKind::Unpinned:
    case EventKind::PinRightsChanged:
        applyPinEvent(e);
        break;
    case EventKind::Reaction:
        applyReaction(e);
        break;
    default:
        // Membership, roles, archiving and kinds this version does not show one by one: the
        // conversation as the server has it now.
        emit conversationWanted(id);
        break;
    }
    m_cache.setSyncedSeq(id, e.seq);
    return true;
}

bool ConversationState::isTimelineEvent(EventKind kind)
{
    switch (kind) {
    case EventKind::Created:
    case EventKind::MemberAdded:
    case EventKind::MemberRemoved:
    case EventKind::MemberLeft:
    case EventKind::RoleChanged:
    case EventKind::Renamed:
    case EventKind::Described:
    case EventKind::RevealOffered:
    case EventKind::RevealWithdrawn:
    case EventKind::Revealed:
    case EventKind::RevealsAllowed:
    case EventKind::Pinned:
    case EventKind::Unpinned:
    case EventKind::PinRightsChanged:
        return true;
    default:
        return false;
    }
}

void ConversationState::applyChange(MessageInfo &m, const Event &e)
{
    if (e.kind == EventKind::Edit) {
        m.body = e.body.value_or(QString());
        m.editedAt = e.editedAt ? e.editedAt : std::optional(e.at);
        m.mentions = e.mentions; // the new body's: they replace the old ones
    } else {
        m.deleted = true;
        m.body.clear();
        m.mentions.clear();
    }
}

void ConversationState::applyMessageChange(const Event &e)
{
    if (!e.messageId)
        return;
    const QString &id = e.conversationId;
    if (auto m = m_cache.message(id, *e.messageId)) {
        applyChange(*m, e);
        storeMessage(id, *m);
    }
    // The conversation list's last line shows the same message: it changes with it.
    ConversationInfo &c = m_conversations[id];
    if (c.lastMessage && c.lastMessage->id == *e.messageId) {
        applyChange(*c.lastMessage, e);
        c.lastSeq = std::max(c.lastSeq, e.seq);
        m_cache.saveConversation(c);
        emit conversationChanged(id);
    }
}

void ConversationState::applyReaction(const Event &e)
{
    if (!e.messageId || !e.emoji || !e.actorId)
        return;
    m_cache.applyReaction(e.conversationId, *e.messageId, *e.actorId, *e.emoji, e.add.value_or(true), e.seq);
    emit reactionsChanged(e.conversationId, *e.messageId);
}

void ConversationState::countReply(const QString &conversationId, const MessageInfo &reply, qint64 freshAfter)
{
    auto root = m_cache.message(conversationId, *reply.threadId);
    if (!root || root->seq > freshAfter)
        return; // not here (it comes with its count when loaded), or its count is current already
    root->replyCount = root->replyCount.value_or(0) + 1;
    root->lastReplyAt = reply.createdAt;
    storeMessage(conversationId, *root);
}

void ConversationState::applyConversationChange(const Event &e)
{
    ConversationInfo &c = m_conversations[e.conversationId];
    if (e.kind == EventKind::Renamed && e.title)
        c.title = *e.title;
    if (e.kind == EventKind::Described && e.description)
        c.description = e.description->isEmpty() ? std::nullopt : e.description;
    c.lastSeq = std::max(c.lastSeq, e.seq);
    m_cache.saveConversation(c);
    emit conversationChanged(e.conversationId);
    emit detailsChanged(e.conversationId);
}

void ConversationState::handle(const StreamUpdate &update)
{
    auto m = m_cache.message(update.conversationId, update.messageId);
    // Unknown yet (its `message` event comes first, or with the next sync), or final already.
    if (!m || !m->stream || m->stream->state != StreamState::Streaming || m->deleted)
        return;
    m->body = update.body;
    m_cache.saveMessage(update.conversationId, *m);
    // The conversation list's last line grows too. Only here: the stored conversation gets the
    // final text with `stream_ended`, not a write per push.
    const auto c = m_conversations.find(update.conversationId);
    if (c != m_conversations.end() && c->lastMessage && c->lastMessage->id == update.messageId) {
        c->lastMessage->body = update.body;
        emit conversationChanged(update.conversationId);
    }
    emit streamChanged(update.conversationId, *m);
}

void ConversationState::handle(const MuteUpdate &update)
{
    const auto c = m_conversations.find(update.conversationId);
    if (c == m_conversations.end())
        return;
    c->muted = update.muted;
    // A server that sends only this frame: muted is the level "nothing"; unmuted leaves "mentions".
    if (update.muted)
        c->notify = NotifyLevel::Nothing;
    else if (c->notify.value_or(NotifyLevel::All) == NotifyLevel::Nothing)
        c->notify = NotifyLevel::All;
    m_cache.saveConversation(*c);
    emit conversationChanged(update.conversationId);
    emit detailsChanged(update.conversationId);
}

void ConversationState::handle(const NotifyUpdate &update)
{
    const auto c = m_conversations.find(update.conversationId);
    if (c == m_conversations.end())
        return;
    c->notify = update.level;
    c->muted = update.level == NotifyLevel::Nothing;
    m_cache.saveConversation(*c);
    emit conversationChanged(update.conversationId);
    emit detailsChanged(update.conversationId);
}

void ConversationState::handle(const MarkerUpdate &update)
{
    const QString &id = update.conversationId;
    QList<MarkerInfo> markers = m_cache.markers(id);
    bool found = false;
    for (MarkerInfo &m : markers) {
        if (m.memberId == update.memberId) {
            m.deliveredSeq = std::max(m.deliveredSeq, update.deliveredSeq);
            m.readSeq = std::max(m.readSeq, update.readSeq);
            found = true;
        }
    }
    if (!found)
        markers.append({update.memberId, update.deliveredSeq, update.readSeq});
    m_cache.saveMembers(id, m_cache.members(id), markers);
    const auto c = m_conversations.find(id);
    if (c != m_conversations.end() && update.memberId == myMemberId(id)) {
        // Read on another device of mine: the badge clears here too.
        c->readSeq = std::max(c->readSeq, update.readSeq);
        if (c->lastSeq <= c->readSeq) {
            c->unread = 0;
            c->unreadMentions = 0;
        }
        m_cache.saveConversation(*c);
        emit conversationChanged(id);
    }
    emit markersChanged(id);
}

// ---- replies ------------------------------------------------------------------------------------

void ConversationState::applySync(const SyncResult &result, bool firstSync)
{
    for (const SyncEntry &entry : result.conversations)
        applySyncEntry(entry, !firstSync);
    for (const ProfileInfo &profile : result.users)
        applyProfile(profile);
    m_profilesSince = result.serverTime;
}

void ConversationState::applyProfile(const ProfileInfo &profile)
{
    if (profile.id == m_myUserId)
        emit myProfileChanged(profile);
    // A deleted account: the name in the UI language, and no username (the server's is a placeholder).
    const bool deleted = profile.deleted.value_or(false);
    const QString shown = deleted ? deletedName() : profile.name;
    const auto username = deleted ? std::nullopt : std::optional(profile.username);
    // Blind rooms never: there a member id is an alias id, and a name there is an alias.
    const QList<QString> ids = m_conversations.keys();
    for (const QString &id : ids) {
        ConversationInfo info = m_conversations.value(id);
        if (info.kind == ConversationKind::Blind)
            continue;
        QList<MemberInfo> members = m_cache.members(id);
        bool changed = false;
        for (MemberInfo &m : members) {
            if (m.id != profile.id || (m.name == shown && m.status == profile.status && m.username == username &&
                                       m.avatar == profile.avatar))
                continue;
            m.name = shown;
            m.status = profile.status;
            m.username = username;
            m.deleted = profile.deleted;
            m.avatar = profile.avatar;
            changed = true;
        }
        if (!changed)
            continue;
        m_cache.saveMembers(id, members, m_cache.markers(id));
        if (info.kind == ConversationKind::Direct && profile.id != m_myUserId && info.title != shown) {
            info.title = shown;
            storeConversation(info);
            emit conversationChanged(id);
        }
        emit membersChanged(id);
        emit detailsChanged(id);
    }
}

void ConversationState::applySyncEntry(const SyncEntry &entry, bool markNew)
{
    const QString &id = entry.conversationId;
    if (entry.removed) {
        forget(id);
        return;
    }
    if (entry.reset) {
        // Too much was missed (or the conversation is new here): start over from the snapshot.
        m_cache.clearMessages(id);
        if (entry.conversation) {
            const bool known = m_conversations.contains(id);
            storeConversation(*entry.conversation);
            storeMembers(id, entry.members, entry.markers);
            if (known)
                emit conversationChanged(id);
            else
                emit conversationAdded(id, markNew && m_open != id); // I was added while away
        }
        for (const Event &e : entry.events) {
            if ((e.kind == EventKind::Message || e.kind == EventKind::StreamEnded) && e.message)
                m_cache.saveMessage(id, *e.message);
            else if (e.kind == EventKind::Reaction)
                applyReaction(e);
            else if (isTimelineEvent(e.kind))
                m_cache.saveTimelineEvent(e);
        }
        if (!entry.events.isEmpty())
            m_cache.setSyncedSeq(id, entry.events.last().seq);
        // What was pinned meanwhile is not all in the snapshot: pins.list is asked again.
        m_cache.removePins(id);
        if (m_pins.remove(id))
            emit pinsChanged(id);
        emit historyReset(id);
        return;
    }
    // Messages in a catch-up are shown as they are now: roots from it already count their replies.
    const qint64 freshAfter = m_cache.syncedSeq(id);
    for (const Event &e : entry.events)
        applyEvent(e, freshAfter);
    if (entry.hasMore && !entry.events.isEmpty())
        emit historyWanted(id, entry.events.last().seq, freshAfter);
}

void ConversationState::applyHistoryAfter(const History &page, qint64 freshAfter)
{
    for (const Event &e : page.events)
        applyEvent(e, freshAfter);
}

void ConversationState::applyOlder(const QString &conversationId, const History &page)
{
    QList<MessageInfo> older;
    for (const Event &e : page.events) {
        if (e.conversationId != conversationId)
            continue;
        if (e.kind == EventKind::Message && e.message) {
            older.append(*e.message);
            m_cache.saveMessage(conversationId, *e.message);
        } else if (e.kind == EventKind::Reaction) {
            applyReaction(e);
        } else if (isTimelineEvent(e.kind)) {
            m_cache.saveTimelineEvent(e);
        }
    }
    emit olderLoaded(conversationId, older, page.hasMore);
}

void ConversationState::applyDetail(const ConversationDetail &detail)
{
    const QString &id = detail.conversation.id;
    const bool known = m_conversations.contains(id);
    storeConversation(detail.conversation);
    storeMembers(id, detail.members, detail.markers);
    if (known)
        emit conversationChanged(id);
    else
        emit conversationAdded(id, m_open != id); // new until opened; my own create opens it at once
    emit membersChanged(id);
    emit markersChanged(id);
    emit detailsChanged(id);
    if (!known)
        emit syncWanted(); // its history comes with the next sync (as a reset)
}

void ConversationState::applyList(const Conversations &list)
{
    for (const ConversationInfo &c : list.conversations) {
        const bool known = m_conversations.contains(c.id);
        storeConversation(c);
        if (known)
            emit conversationChanged(c.id);
        else
            emit conversationAdded(c.id, false);
    }
}

void ConversationState::applySent(const QString &conversationId, const MessageSent &sent)
{
    // The stored message replaces the pending one; the log's seq order is kept by the event.
    storeMessage(conversationId, sent.message);
    const auto c = m_conversations.find(conversationId);
    if (c != m_conversations.end() && (!c->lastMessage || c->lastMessage->seq < sent.message.seq)) {
        c->lastMessage = sent.message;
        emit conversationChanged(conversationId);
    }
}

// ---- local changes ------------------------------------------------------------------------------

void ConversationState::forget(const QString &conversationId)
{
    m_cache.removeConversation(conversationId);
    m_conversations.remove(conversationId);
    m_pins.remove(conversationId);
    emit conversationRemoved(conversationId);
}

bool ConversationState::markRead(const QString &conversationId, qint64 seq)
{
    const auto c = m_conversations.find(conversationId);
    if (c == m_conversations.end() || seq <= c->readSeq)
        return false;
    c->readSeq = seq;
    c->unread = 0;
    c->unreadMentions = 0;
    c->markedUnread.reset(); // reading again takes the unread mark away (the server does the same)
    m_cache.saveConversation(*c);
    emit conversationChanged(conversationId);
    return true;
}

void ConversationState::setMarkedUnread(const QString &conversationId, bool marked)
{
    const auto c = m_conversations.find(conversationId);
    if (c == m_conversations.end() || c->markedUnread.value_or(false) == marked)
        return;
    c->markedUnread = marked ? std::optional(true) : std::nullopt;
    m_cache.saveConversation(*c);
    emit conversationChanged(conversationId);
}

void ConversationState::saveAttachment(const AttachmentInfo &info)
{
    if (isOpen())
        m_cache.saveAttachment(info);
}

} // namespace confab::client

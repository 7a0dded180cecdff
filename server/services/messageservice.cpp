#include "messageservice.h"

#include "domain/clock.h"
#include "domain/ids.h"
#include "domain/mentions.h"
#include "services/attachmentservice.h"
#include "services/conversationlog.h"
#include "services/conversationservice.h"
#include "services/fanout.h"
#include "services/groupcommit.h"
#include "services/steps.h"
#include "services/streamservice.h"
#include "storage/conversationstore.h"
#include "storage/database.h"
#include "storage/eventstore.h"
#include "storage/mentionstore.h"

#include <QJsonArray>

namespace confab::server {

using protocol::ErrorCode;

namespace {
const QString kConversation = QStringLiteral("conversation");
const QString kMessage = QStringLiteral("message");
} // namespace

MessageService::MessageService(Database &db, const ServerConfig &config, ConversationLog &log,
                               ConversationService &conversations, Fanout &fanout)
    : m_db(db)
    , m_config(config)
    , m_log(log)
    , m_conversationService(conversations)
    , m_fanout(fanout)
    , m_conversations(std::make_unique<ConversationStore>(db))
    , m_events(std::make_unique<EventStore>(db))
    , m_attachments(std::make_unique<AttachmentStore>(db))
    , m_sendLimiter(double(config.limits.sendBurst), double(config.limits.sendPerMinute) / 60.0)
    , m_streams(std::make_unique<StreamService>(db, config, log, fanout))
    , m_groupCommit(config.groupCommit ? std::make_unique<GroupCommit>(db, int(config.groupCommitMax)) : nullptr)
    , m_mentions(std::make_unique<MentionStore>(db))
{
}

MessageService::~MessageService() = default;

void MessageService::flush()
{
    if (m_groupCommit)
        m_groupCommit->flush();
}

void MessageService::pruneLimiters()
{
    m_sendLimiter.prune();
}

void MessageService::send(const Identity &who, const protocol::MessageSend &request, SendDone done)
{
    if (!m_groupCommit)
        return done(send(who, request));
    auto staged = std::make_shared<StagedSend>();
    m_groupCommit->add({
        [this, who, request, staged] { *staged = stageSend(who, request, true); },
        [this, request, staged, done] {
            try {
                done(finishSend(request, *staged));
            } catch (const StoreError &e) {
                done(storeFailure(e)); // committed, but the reply could not be built: a retry returns it
            }
        },
        [this, who, request, staged, done] {
            // Refusals stand as they were; writes (and writes never staged) start over on their own.
            // The rate limiter already counted this message.
            if (staged->failure)
                return done(*staged->failure);
            m_log.forget(request.conversationId);
            done(send(who, request, false));
        },
    });
}

Outcome<protocol::MessageSent> MessageService::send(const Identity &who, const protocol::MessageSend &request,
                                                    bool limited)
{
    try {
        StagedSend staged;
        try {
            Transaction tx(m_db);
            staged = stageSend(who, request, limited);
            // Acked means durable: the reply is built only after this. A retry found wrote nothing
            // but a seq, which the rollback gives back.
            if (staged.event)
                tx.commit();
        } catch (const StoreError &e) {
            // The same client id raced in from another connection or instance: the stored one wins.
            if (e.kind() != StoreError::Kind::Conflict)
                throw;
            const auto existing = m_events->messageByClientId(request.conversationId, who.userId, request.clientId);
            if (!existing)
                throw;
            staged = StagedSend{};
            staged.existing = existing;
        }
        return finishSend(request, staged);
    } catch (const StoreError &e) {
        return storeFailure(e);
    }
}

MessageService::StagedSend MessageService::stageSend(const Identity &who, const protocol::MessageSend &request,
                                                     bool limited)
{
    StagedSend staged;
    // Checked here, in the batch, like everything else: a connection's sends are answered in order.
    if (auto failure = bodyTooLarge(request.body.toUtf8().size(), m_config.limits.maxBodyBytes, QStringLiteral("body"))) {
        staged.failure = failure;
        return staged;
    }
    const auto me = m_conversations->member(request.conversationId, who.userId);
    if (!me || !me->active) {
        staged.failure = notFound(kConversation);
        return staged;
    }
    // A retry of a message already stored is answered with it, whatever the checks below would
    // say now (the limit may be spent, its attachments are taken): retries must be safe. The
    // lookup costs a statement only on this refusing path; new messages find retries by insert.
    const auto refuse = [&](Failure failure) {
        staged.existing = m_events->messageByClientId(request.conversationId, who.userId, request.clientId);
        if (!staged.existing)
            staged.failure = std::move(failure);
        return staged;
    };
    if (limited) {
        if (const qint64 wait = m_sendLimiter.take(who.userId))
            return refuse(Failure{ErrorCode::RateLimited, QStringLiteral("too many messages, slow down"), wait, {}});
    }
    std::optional<QString> threadId;
    if (request.replyTo) {
        const auto quoted = m_events->messageById(*request.replyTo);
        if (!quoted || quoted->conversationId != request.conversationId)
            return refuse(Failure{ErrorCode::NotFound, QStringLiteral("the quoted message was not found"), {},
                                  QStringLiteral("reply_to")});
        // A reply to a reply joins the root's thread: a thread is one level deep.
        threadId = quoted->threadId.value_or(quoted->id);
    }
    if (auto failure =
            checkMessageAttachments(*m_attachments, who.userId, request.conversationId, request.attachments))
        return refuse(*failure);
    auto mentions = resolveMentions(*me, request.body, request.mentions);
    if (const auto *failure = std::get_if<Failure>(&mentions))
        return refuse(*failure);

    Message message;
    message.id = ids::make('m');
    message.conversationId = request.conversationId;
    message.senderId = who.userId;
    message.clientId = request.clientId;
    message.body = request.body;
    message.createdAt = nowMs();
    message.replyTo = request.replyTo;
    message.threadId = threadId;
    message.attachments = request.attachments;
    message.mentions = std::get<QList<MentionRecord>>(std::move(mentions));
    message.seq = m_log.reserveSeq(request.conversationId);
    // The message row first: its unique client id tells a retry apart without a lookup of its own.
    if (!m_events->insertMessageIfNew(message)) {
        m_log.releaseSeq(request.conversationId, message.seq);
        if (limited)
            m_sendLimiter.giveBack(who.userId);
        staged.existing = m_events->messageByClientId(request.conversationId, who.userId, request.clientId);
        if (!staged.existing) // deleted in between: cannot happen (deletes keep the row); be safe
            throw StoreError(StoreError::Kind::Conflict, QStringLiteral("the message's client id is taken"));
        return staged;
    }
    QJsonObject payload;
    if (!request.attachments.isEmpty())
        payload.insert(QStringLiteral("attachments"), QJsonArray::fromStringList(request.attachments));
    StoredEvent event = m_log.appendReserved(message.seq, request.conversationId, EventKind::Message, who.userId,
                                             payload, message.id, message.createdAt);
    m_attachments->linkToMessage(request.attachments, message.id);
    m_mentions->add(message);
    event.message = message;
    staged.event = std::move(event);
    return staged;
}

Outcome<protocol::MessageSent> MessageService::finishSend(const protocol::MessageSend &request,
                                                          const StagedSend &staged)
{
    if (staged.failure)
        return *staged.failure;
    // The conversation log's cached presenter: a message only needs its members' ids and aliases.
    if (staged.existing) {
        protocol::MessageSent sent{request.conversationId,
                                   m_log.cachedPresenter(request.conversationId).message(*staged.existing)};
        // A retry reads the message back without its attachments; they are the ones linked to it.
        if (sent.message.attachments.isEmpty() && !staged.existing->deleted)
            sent.message.attachments = m_attachments->idsOfMessage(staged.existing->id);
        return sent;
    }
    m_log.publish(request.conversationId, {*staged.event});
    // The message's attachments are known (just stored): no need to read them back.
    return protocol::MessageSent{request.conversationId,
                                 m_log.cachedPresenter(request.conversationId).message(*staged.event->message)};
}

Outcome<protocol::Ok> MessageService::edit(const Identity &who, const protocol::MessageEdit &request)
{
    if (auto failure = bodyTooLarge(request.body.toUtf8().size(), m_config.limits.maxBodyBytes, QStringLiteral("body")))
        return *failure;
    try {
        const auto me = m_conversations->member(request.conversationId, who.userId);
        if (!me || !me->active)
            return notFound(kConversation);
        const auto message = m_events->messageById(request.messageId);
        if (!message || message->conversationId != request.conversationId || message->deleted)
            return notFound(kMessage);
        if (message->senderId != who.userId)
            return forbidden(QStringLiteral("only the author edits a message"));
        const qint64 now = nowMs();
        if (m_config.editWindowS > 0 && now - message->createdAt > m_config.editWindowS * 1000)
            return forbidden(QStringLiteral("the time to edit this message is over"));
        if (message->streamState == QLatin1StringView("streaming"))
            return Failure{ErrorCode::Conflict, QStringLiteral("the message is still streaming"), {},
                           QStringLiteral("message_id")};
        auto mentions = resolveMentions(*me, request.body, request.mentions);
        if (const auto *failure = std::get_if<Failure>(&mentions))
            return *failure;
        Message edited = *message;
        edited.mentions = std::get<QList<MentionRecord>>(std::move(mentions));
        commitAndPublish(m_db, m_log, request.conversationId, [&] {
            m_events->editMessage(message->id, request.body, now, edited.mentions);
            m_mentions->replace(edited);
            QJsonObject payload{{QStringLiteral("body"), request.body}, {QStringLiteral("edited_at"), double(now)}};
            if (!edited.mentions.isEmpty())
                payload.insert(QStringLiteral("mentions"), mentions::toJson(edited.mentions));
            return m_log.append(request.conversationId, EventKind::Edit, who.userId, payload, message->id, now);
        });
        return protocol::Ok{};
    } catch (const StoreError &e) {
        return storeFailure(e);
    }
}

Outcome<protocol::Ok> MessageService::remove(const Identity &who, const protocol::MessageDelete &request)
{
    try {
        const auto access = m_conversations->access(request.conversationId, who.userId);
        if (!access)
            return notFound(kConversation);
        const auto message = m_events->messageById(request.messageId);
        if (!message || message->conversationId != request.conversationId)
            return notFound(kMessage);
        if (message->deleted)
            return protocol::Ok{};
        const bool moderator = access->conversation.kind != ConversationKind::Direct &&
                               (access->me.role == Role::Owner || access->me.role == Role::Admin);
        if (message->senderId != who.userId && !moderator)
            return forbidden(QStringLiteral("only the author or an admin deletes a message"));
        // The window binds authors; moderators removing others' messages are not bound by it.
        const bool ownMessage = message->senderId == who.userId;
        if (ownMessage && !moderator && m_config.deleteWindowS > 0 &&
            nowMs() - message->createdAt > m_config.deleteWindowS * 1000)
            return forbidden(QStringLiteral("the time to delete this message is over"));
        commitAndPublish(m_db, m_log, request.conversationId, [&] {
            // The body leaves storage: the message row and the text of its edits.
            m_events->eraseMessage(request.conversationId, message->id);
            m_mentions->erase(message->id);
            m_events->finishStream(message->id, QStringLiteral("interrupted"), std::nullopt, std::nullopt);
            return m_log.append(request.conversationId, EventKind::Delete, who.userId, {}, message->id);
        });
        m_streams->forget(message->id);
        return protocol::Ok{};
    } catch (const StoreError &e) {
        return storeFailure(e);
    }
}

Outcome<protocol::Ok> MessageService::react(const Identity &who, const protocol::MessageReact &request)
{
    try {
        const auto me = m_conversations->member(request.conversationId, who.userId);
        if (!me || !me->active)
            return notFound(kConversation);
        const auto message = m_events->messageById(request.messageId);
        if (!message || message->conversationId != request.conversationId || message->deleted)
            return notFound(kMessage);
        commitAndPublish(m_db, m_log, request.conversationId, [&]() -> std::optional<StoredEvent> {
            // Reacting twice with the same emoji, or removing one that is not there, changes nothing
            // and so writes no event: the log says what happened, once.
            if (!m_events->setReaction(message->id, who.userId, request.emoji, request.add, nowMs()))
                return std::nullopt;
            return m_log.append(request.conversationId, EventKind::Reaction, who.userId,
                                {{QStringLiteral("emoji"), request.emoji}, {QStringLiteral("add"), request.add}},
                                message->id);
        });
        return protocol::Ok{};
    } catch (const StoreError &e) {
        return storeFailure(e);
    }
}

Outcome<protocol::History> MessageService::history(const Identity &who, const protocol::HistoryRequest &request)
{
    try {
        const auto access = m_conversations->access(request.conversationId, who.userId);
        if (!access)
            return notFound(kConversation);
        const int limit = int(std::min(request.limit, m_config.limits.historyPageMax));
        // One more than asked tells whether there is more beyond the page.
        QList<StoredEvent> events = m_events->page(request.conversationId, request.before, request.after, limit + 1);
        const bool hasMore = events.size() > limit;
        if (hasMore) {
            if (request.after)
                events.removeLast();
            else
                events.removeFirst();
        }
        const Presenter presenter = m_log.presenter(access->conversation);
        protocol::History reply;
        reply.conversationId = request.conversationId;
        reply.hasMore = hasMore;
        for (const StoredEvent &e : events)
            reply.events.append(presenter.event(e, who.userId)); // reveals in blind rooms are per viewer
        decorate(presenter, reply.events);
        return reply;
    } catch (const StoreError &e) {
        return storeFailure(e);
    }
}

Outcome<protocol::SyncResult> MessageService::sync(const Identity &who, const protocol::SyncRequest &request)
{
    try {
        QHash<QString, qint64> known;
        for (const protocol::ConversationSeq &c : request.conversations)
            known.insert(c.conversationId, c.seq);
        protocol::SyncResult reply;
        reply.serverTime = nowMs();
        const int page = int(m_config.limits.historyPageMax);
        for (const MembershipRow &row : m_conversations->membershipsOf(who.userId, true)) {
            const QString &id = row.conversation.id;
            const auto it = known.constFind(id);
            const qint64 since = it == known.constEnd() ? -1 : *it;
            if (since >= row.conversation.lastSeq) {
                known.remove(id);
                continue; // nothing missed
            }
            protocol::SyncEntry entry;
            entry.conversationId = id;
            const Presenter presenter = m_log.presenter(row.conversation);
            const bool reset = since < 0 || row.conversation.lastSeq - since > m_config.limits.syncGapMax;
            QList<StoredEvent> events = reset ? m_events->page(id, std::nullopt, std::nullopt, page + 1)
                                              : m_events->page(id, std::nullopt, since, page + 1);
            entry.hasMore = events.size() > page;
            if (entry.hasMore) {
                if (reset)
                    events.removeFirst();
                else
                    events.removeLast();
            }
            for (const StoredEvent &e : events)
                entry.events.append(presenter.event(e, who.userId));
            decorate(presenter, entry.events);
            if (reset) {
                entry.reset = true;
                if (const auto detail = m_conversationService.detailFor(who.userId, id)) {
                    entry.conversation = detail->conversation;
                    entry.members = detail->members;
                    entry.markers = detail->markers;
                }
            }
            reply.conversations.append(std::move(entry));
            known.remove(id);
        }
        // Whatever the client listed and is no longer a member of.
        for (auto it = known.constBegin(); it != known.constEnd(); ++it) {
            protocol::SyncEntry entry;
            entry.conversationId = it.key();
            entry.removed = true;
            reply.conversations.append(std::move(entry));
        }
        return reply;
    } catch (const StoreError &e) {
        return storeFailure(e);
    }
}

Outcome<protocol::Ok> MessageService::receipt(const Identity &who, const protocol::Receipt &request)
{
    try {
        const auto access = m_conversations->access(request.conversationId, who.userId);
        if (!access)
            return notFound(kConversation);
        const qint64 seq = std::min(request.seq, access->conversation.lastSeq);
        // Reading implies delivery.
        const qint64 delivered = seq;
        const qint64 read = request.kind == protocol::ReceiptKind::Read ? seq : 0;
        const auto markers = m_conversations->advanceMarkers(request.conversationId, who.userId, delivered, read);
        const Member &before = access->me;
        if (markers.delivered == before.deliveredSeq && markers.read == before.readSeq)
            return protocol::Ok{}; // markers never move back; nothing changed
        if (before.markedUnread && markers.read > before.readSeq && m_readAgain)
            m_readAgain(request.conversationId, who.userId); // read again: the unread mark goes
        Member updated = before;
        updated.deliveredSeq = markers.delivered;
        updated.readSeq = markers.read;
        updated.publicReadSeq = markers.publicRead;
        const Presenter presenter = m_log.presenter(access->conversation);
        const auto frameFor = [&](const QString &viewerId) {
            const protocol::MarkerInfo marker = presenter.marker(updated, viewerId);
            return protocol::encodeFrame(
                protocol::MarkerUpdate{request.conversationId, marker.memberId, marker.deliveredSeq, marker.readSeq});
        };
        // The reader's own devices always learn the full marker (their badges clear everywhere);
        // the others only when what they may see moved.
        m_fanout.toUsers({who.userId}, frameFor(who.userId));
        if (markers.delivered != before.deliveredSeq || markers.publicRead != before.publicReadSeq) {
            QList<QString> others = m_conversations->activeMemberIds(request.conversationId);
            others.removeAll(who.userId);
            if (!others.isEmpty())
                m_fanout.toUsers(others, frameFor(QString()));
        }
        return protocol::Ok{};
    } catch (const StoreError &e) {
        return storeFailure(e);
    }
}

std::variant<QList<MentionRecord>, Failure> MessageService::resolveMentions(const Member &me, const QString &body,
                                                                             const QList<protocol::Mention> &given)
{
    if (given.isEmpty())
        return QList<MentionRecord>{};
    // Only when there are mentions: the members as the sender sees them (alias ids in blind rooms).
    const auto conversation = m_conversations->byId(me.conversationId);
    if (!conversation)
        return notFound(kConversation);
    QHash<QString, QString> userIdByMemberId;
    const QList<Member> members = m_conversations->members(me.conversationId);
    for (const Member &m : members)
        userIdByMemberId.insert(conversation->kind == ConversationKind::Blind ? m.aliasId : m.userId, m.userId);
    const mentions::RoomRule room{me.role, members.size(), m_config.roomMentionMinMembers};
    auto resolved = mentions::resolve(body, given, userIdByMemberId, room);
    if (const auto *refusal = std::get_if<mentions::Refusal>(&resolved))
        return Failure{refusal->code, refusal->message, {}, QStringLiteral("mentions")};
    return std::get<QList<MentionRecord>>(std::move(resolved));
}

void MessageService::decorate(const Presenter &presenter, QList<protocol::MessageInfo *> messages)
{
    QList<QString> ids;
    for (const protocol::MessageInfo *m : std::as_const(messages)) {
        if (!m->deleted)
            ids.append(m->id);
    }
    if (ids.isEmpty())
        return;
    const auto reactions = m_events->reactionsOf(ids);
    const auto threads = m_events->threadStatsOf(ids);
    for (protocol::MessageInfo *m : std::as_const(messages)) {
        if (m->deleted)
            continue;
        // Grouped per emoji in the order each was first used; who reacted as the viewer may see them.
        for (const EventStore::Reaction &r : reactions.value(m->id)) {
            auto group = std::find_if(m->reactions.begin(), m->reactions.end(),
                                      [&r](const protocol::ReactionInfo &g) { return g.emoji == r.emoji; });
            if (group == m->reactions.end()) {
                m->reactions.append({r.emoji, 0, {}});
                group = m->reactions.end() - 1;
            }
            ++group->count;
            group->memberIds.append(presenter.memberId(r.userId));
        }
        if (const auto it = threads.constFind(m->id); it != threads.constEnd()) {
            m->replyCount = it->replies;
            m->lastReplyAt = it->lastReplyAt;
        }
    }
}

void MessageService::decorate(const Presenter &presenter, QList<protocol::Event> &events)
{
    QList<protocol::MessageInfo *> messages;
    for (protocol::Event &e : events) {
        if (e.message)
            messages.append(&*e.message);
    }
    decorate(presenter, messages);
}

Outcome<protocol::Thread> MessageService::thread(const Identity &who, const protocol::ThreadRequest &request)
{
    try {
        const auto access = m_conversations->access(request.conversationId, who.userId);
        if (!access)
            return notFound(kConversation);
        auto root = m_events->messageById(request.rootId);
        if (!root || root->conversationId != request.conversationId)
            return Failure{ErrorCode::NotFound, QStringLiteral("the thread's message was not found"), {},
                           QStringLiteral("root_id")};
        if (root->threadId) // asked for a reply: its thread is its root's
            root = m_events->messageById(*root->threadId);
        if (!root)
            return Failure{ErrorCode::NotFound, QStringLiteral("the thread's message was not found"), {},
                           QStringLiteral("root_id")};
        const int limit = int(std::min(request.limit, m_config.limits.historyPageMax));
        QList<Message> replies = m_events->threadReplies(request.conversationId, root->id, request.after, limit + 1);
        protocol::Thread reply;
        reply.conversationId = request.conversationId;
        reply.hasMore = replies.size() > limit;
        if (reply.hasMore)
            replies.removeLast();
        const Presenter presenter = m_log.presenter(access->conversation);
        reply.root = presenter.message(*root);
        for (const Message &m : std::as_const(replies))
            reply.replies.append(presenter.message(m));
        QList<protocol::MessageInfo *> messages{&reply.root};
        for (protocol::MessageInfo &m : reply.replies)
            messages.append(&m);
        decorate(presenter, messages);
        return reply;
    } catch (const StoreError &e) {
        return storeFailure(e);
    }
}

} // namespace confab::server

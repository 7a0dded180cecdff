#include "streamservice.h"

#include "core/logging.h"
#include "domain/clock.h"
#include "domain/ids.h"
#include "services/conversationlog.h"
#include "services/fanout.h"
#include "services/steps.h"
#include "storage/conversationstore.h"
#include "storage/database.h"
#include "storage/eventstore.h"

namespace confab::server {

using protocol::ErrorCode;

namespace {
const QString kConversation = QStringLiteral("conversation");
const QString kMessage = QStringLiteral("message");
const QString kStreaming = QStringLiteral("streaming");
const QString kComplete = QStringLiteral("complete");
const QString kInterrupted = QStringLiteral("interrupted");
} // namespace

StreamService::StreamService(Database &db, const ServerConfig &config, ConversationLog &log, Fanout &fanout)
    : m_db(db)
    , m_config(config)
    , m_log(log)
    , m_fanout(fanout)
    , m_conversations(std::make_unique<ConversationStore>(db))
    , m_events(std::make_unique<EventStore>(db))
{
    // Often enough that an abandoned stream ends within a quarter of the timeout after it.
    const qint64 timeoutMs = m_config.streamTimeoutS * 1000;
    m_sweepTimer.setInterval(int(std::clamp<qint64>(timeoutMs / 4, 100, 5000)));
    QObject::connect(&m_sweepTimer, &QTimer::timeout, &m_context, [this] { sweep(); });
    m_sweepTimer.start();
}

StreamService::~StreamService() = default;

Outcome<protocol::MessageSent> StreamService::start(const Identity &who, const protocol::StreamStart &request)
{
    try {
        const auto access = m_conversations->access(request.conversationId, who.userId);
        if (!access)
            return notFound(kConversation);
        const auto present = [this, &access](const Message &m) {
            return protocol::MessageSent{access->conversation.id, m_log.presenter(access->conversation).message(m)};
        };
        // A retry of a start already stored returns the same message: its seq is taken once.
        if (const auto existing = m_events->messageByClientId(request.conversationId, who.userId, request.clientId))
            return present(*existing);
        Message message;
        message.id = ids::make('m');
        message.conversationId = request.conversationId;
        message.senderId = who.userId;
        message.clientId = request.clientId;
        message.createdAt = nowMs();
        message.streamState = kStreaming;
        if (request.replyTo) {
            const auto quoted = m_events->messageById(*request.replyTo);
            if (!quoted || quoted->conversationId != request.conversationId)
                return Failure{ErrorCode::NotFound, QStringLiteral("the quoted message was not found"), {},
                               QStringLiteral("reply_to")};
            message.replyTo = request.replyTo;
            message.threadId = quoted->threadId.value_or(quoted->id);
        }
        commitAndPublish(m_db, m_log, request.conversationId, [&] {
            StoredEvent event = m_log.append(request.conversationId, EventKind::Message, who.userId, {}, message.id,
                                             message.createdAt);
            message.seq = event.seq;
            m_events->insertMessage(message);
            event.message = message;
            return event;
        });
        return present(message);
    } catch (const StoreError &e) {
        return storeFailure(e);
    }
}

Outcome<protocol::Ok> StreamService::append(const Identity &who, const protocol::StreamAppend &request)
{
    try {
        const auto me = m_conversations->member(request.conversationId, who.userId);
        if (!me || !me->active)
            return notFound(kConversation);
        const auto message = m_events->messageById(request.messageId);
        if (!message || message->conversationId != request.conversationId)
            return notFound(kMessage);
        if (message->senderId != who.userId)
            return forbidden(QStringLiteral("only the sender appends to a streamed message"));
        if (message->streamState != kStreaming || message->deleted)
            return Failure{ErrorCode::Conflict, QStringLiteral("the message is not streaming"), {},
                           QStringLiteral("message_id")};
        if (auto failure = bodyTooLarge(message->body.toUtf8().size() + request.text.toUtf8().size(),
                                        m_config.limits.maxBodyBytes, QStringLiteral("text"), true))
            return *failure;
        if (!m_events->appendStreamText(message->id, request.text, nowMs()))
            return Failure{ErrorCode::Conflict, QStringLiteral("the message is not streaming"), {},
                           QStringLiteral("message_id")};

        // Coalescing: push now when the last push is old enough, else once when it will be. A push
        // already scheduled carries this text too.
        Pending &pending = m_pending[message->id];
        pending.conversationId = message->conversationId;
        pending.seq = message->seq;
        const bool due = !pending.sincePush.isValid() || pending.sincePush.elapsed() >= kPushIntervalMs;
        if (!pending.scheduled && due) {
            push(message->id);
        } else if (!pending.scheduled) {
            pending.scheduled = true;
            const QString id = message->id;
            QTimer::singleShot(int(kPushIntervalMs - pending.sincePush.elapsed()), &m_context, [this, id] { push(id); });
        }
        return protocol::Ok{};
    } catch (const StoreError &e) {
        return storeFailure(e);
    }
}

void StreamService::push(const QString &messageId)
{
    const auto it = m_pending.find(messageId);
    if (it == m_pending.end())
        return; // ended meanwhile: the stream_ended event has the text
    it->scheduled = false;
    it->sincePush.start();
    try {
        const auto message = m_events->messageById(messageId);
        if (!message || message->streamState != kStreaming || message->deleted) {
            m_pending.erase(it);
            return;
        }
        const QList<QString> members = m_conversations->activeMemberIds(message->conversationId);
        m_fanout.toUsers(members, protocol::encodeFrame(protocol::StreamUpdate{message->conversationId, message->id,
                                                                               message->seq, message->body}));
    } catch (const StoreError &e) {
        // The next append or the end brings the text.
        qCWarning(lcStore) << "a streamed message's text was not pushed:" << e.what();
    }
}

Outcome<protocol::MessageSent> StreamService::end(const Identity &who, const protocol::StreamEnd &request)
{
    try {
        const auto access = m_conversations->access(request.conversationId, who.userId);
        if (!access)
            return notFound(kConversation);
        const auto message = m_events->messageById(request.messageId);
        if (!message || message->conversationId != request.conversationId)
            return notFound(kMessage);
        if (message->senderId != who.userId)
            return forbidden(QStringLiteral("only the sender ends a streamed message"));
        if (message->streamState != kStreaming || message->deleted)
            return Failure{ErrorCode::Conflict, QStringLiteral("the message is not streaming"), {},
                           QStringLiteral("message_id")};
        bool finished = false;
        const Message final = finish(*message, who.userId, kComplete, request.tokens, request.latencyMs, &finished);
        if (!finished)
            return Failure{ErrorCode::Conflict, QStringLiteral("the message is not streaming"), {},
                           QStringLiteral("message_id")};
        return protocol::MessageSent{request.conversationId, m_log.presenter(access->conversation).message(final)};
    } catch (const StoreError &e) {
        return storeFailure(e);
    }
}

Message StreamService::finish(const Message &message, const QString &actorId, const QString &state,
                              std::optional<qint64> tokens, std::optional<qint64> latencyMs, bool *finished)
{
    const QList<StoredEvent> events =
        commitAndPublish(m_db, m_log, message.conversationId, [&]() -> std::optional<StoredEvent> {
            // Only one finisher wins: the sender's end, or a sweep on any instance.
            if (!m_events->finishStream(message.id, state, tokens, latencyMs))
                return std::nullopt;
            StoredEvent event = m_log.append(message.conversationId, EventKind::StreamEnded, actorId, {}, message.id);
            // Read back in the transaction: the final text and stream figures, as committed.
            event.message = m_events->messageById(message.id).value_or(message);
            return event;
        });
    *finished = !events.isEmpty();
    if (!*finished)
        return message;
    m_pending.remove(message.id);
    return *events.first().message;
}

int StreamService::sweep()
{
    int ended = 0;
    try {
        const qint64 before = nowMs() - m_config.streamTimeoutS * 1000;
        // Bounded per round; the next round takes the rest.
        for (const Message &m : m_events->staleStreams(before, 100)) {
            bool finished = false;
            finish(m, QString(), kInterrupted, std::nullopt, std::nullopt, &finished);
            ended += finished ? 1 : 0;
        }
    } catch (const StoreError &e) {
        // Tried again at the next round.
        qCWarning(lcStore) << "streams left open were not ended this round:" << e.what();
    }
    return ended;
}

void StreamService::forget(const QString &messageId)
{
    m_pending.remove(messageId);
}

} // namespace confab::server

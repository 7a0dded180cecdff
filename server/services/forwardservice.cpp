#include "forwardservice.h"

#include "domain/clock.h"
#include "domain/ids.h"
#include "services/conversationlog.h"
#include "services/steps.h"
#include "storage/attachmentstore.h"
#include "storage/conversationstore.h"
#include "storage/database.h"
#include "storage/eventstore.h"

#include <QJsonArray>

namespace confab::server {

using protocol::ErrorCode;

namespace {
Failure notFoundIn(const QString &what, const QString &field)
{
    return {ErrorCode::NotFound, what + QStringLiteral(" not found"), {}, field};
}
} // namespace

ForwardService::ForwardService(Database &db, const ServerConfig &config, ConversationLog &log)
    : m_db(db)
    , m_config(config)
    , m_log(log)
    , m_conversations(std::make_unique<ConversationStore>(db))
    , m_events(std::make_unique<EventStore>(db))
    , m_attachments(std::make_unique<AttachmentStore>(db))
    , m_limiter(double(config.limits.sendBurst), double(config.limits.sendPerMinute) / 60.0)
{
}

ForwardService::~ForwardService() = default;

Outcome<protocol::MessageSent> ForwardService::forward(const Identity &who, const protocol::MessageForward &request)
{
    try {
        Staged staged;
        try {
            Transaction tx(m_db);
            staged = stage(who, request);
            if (staged.event)
                tx.commit(); // acked means durable: the reply is built only after this
        } catch (const StoreError &e) {
            // The same client id raced in from another connection or instance: the stored copy wins.
            if (e.kind() != StoreError::Kind::Conflict)
                throw;
            m_log.forget(request.targetId);
            staged = Staged{};
            staged.existing = m_events->messageByClientId(request.targetId, who.userId, request.clientId);
            if (!staged.existing)
                throw;
        }
        if (staged.event)
            m_log.publish(request.targetId, {*staged.event});
        return reply(request, staged);
    } catch (const StoreError &e) {
        return storeFailure(e);
    }
}

ForwardService::Staged ForwardService::stage(const Identity &who, const protocol::MessageForward &request)
{
    Staged staged;
    // Membership of both is authorization; either missing reads as not found, so ids cannot be probed.
    const auto from = m_conversations->access(request.conversationId, who.userId);
    if (!from) {
        staged.failure = notFoundIn(QStringLiteral("conversation"), QStringLiteral("conversation_id"));
        return staged;
    }
    const auto to = m_conversations->access(request.targetId, who.userId);
    if (!to) {
        staged.failure = notFoundIn(QStringLiteral("conversation"), QStringLiteral("target_id"));
        return staged;
    }
    // A retry is answered with the copy stored before, whatever the checks below say now.
    const auto refuse = [&](Failure failure) {
        staged.existing = m_events->messageByClientId(request.targetId, who.userId, request.clientId);
        if (!staged.existing)
            staged.failure = std::move(failure);
        return staged;
    };
    const auto original = m_events->messageById(request.messageId);
    if (!original || original->conversationId != request.conversationId || original->deleted)
        return refuse(notFoundIn(QStringLiteral("message"), QStringLiteral("message_id")));
    if (original->streamState == QLatin1StringView("streaming"))
        return refuse({ErrorCode::Conflict, QStringLiteral("the message is still streaming"), {},
                       QStringLiteral("message_id")});
    const QList<QString> sources = m_attachments->idsOfMessage(original->id);
    for (const QString &id : sources) {
        const auto row = m_attachments->byId(id);
        // The bytes of an unfinished upload belong to its own row only: forward once they are stored.
        if (!row || !row->complete)
            return refuse({ErrorCode::Conflict, QStringLiteral("the message's files are still uploading"), 1000,
                           QStringLiteral("message_id")});
    }
    if (const qint64 wait = m_limiter.take(who.userId))
        return refuse({ErrorCode::RateLimited, QStringLiteral("too many messages, slow down"), wait, {}});

    Message copy;
    copy.id = ids::make('m');
    copy.conversationId = request.targetId;
    copy.senderId = who.userId;
    copy.clientId = request.clientId;
    // The text as it reads; its mentions named members of the origin, who mean nothing here.
    copy.body = original->body;
    copy.createdAt = nowMs();
    copy.forwarded = true;
    copy.seq = m_log.reserveSeq(request.targetId);
    if (!m_events->insertMessageIfNew(copy)) {
        m_log.releaseSeq(request.targetId, copy.seq);
        m_limiter.giveBack(who.userId);
        staged.existing = m_events->messageByClientId(request.targetId, who.userId, request.clientId);
        if (!staged.existing)
            throw StoreError(StoreError::Kind::Conflict, QStringLiteral("the message's client id is taken"));
        return staged;
    }
    for (qsizetype i = 0; i < sources.size(); ++i) {
        const QString id = ids::make('a');
        // A millisecond apart: rows of a message are read back in the order they were made.
        m_attachments->insertForwarded(id, sources[i], request.targetId, who.userId, copy.id, copy.createdAt + i);
        copy.attachments.append(id);
    }
    QJsonObject payload;
    if (!copy.attachments.isEmpty())
        payload.insert(QStringLiteral("attachments"), QJsonArray::fromStringList(copy.attachments));
    StoredEvent event = m_log.appendReserved(copy.seq, request.targetId, EventKind::Message, who.userId, payload,
                                             copy.id, copy.createdAt);
    event.message = copy;
    staged.event = std::move(event);
    return staged;
}

Outcome<protocol::MessageSent> ForwardService::reply(const protocol::MessageForward &request, const Staged &staged)
{
    if (staged.failure)
        return *staged.failure;
    Presenter presenter = m_log.cachedPresenter(request.targetId);
    if (staged.existing) {
        protocol::MessageSent sent{request.targetId, presenter.message(*staged.existing)};
        if (!staged.existing->deleted)
            sent.message.attachments = m_attachments->idsOfMessage(staged.existing->id);
        return sent;
    }
    return protocol::MessageSent{request.targetId, presenter.message(*staged.event->message)};
}

} // namespace confab::server

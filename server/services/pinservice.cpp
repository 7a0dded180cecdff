#include "pinservice.h"

#include "core/config.h"
#include "domain/clock.h"
#include "services/conversationlog.h"
#include "services/steps.h"
#include "storage/attachmentstore.h"
#include "storage/conversationstore.h"
#include "storage/database.h"
#include "storage/eventstore.h"
#include "storage/pinstore.h"

#include <QJsonArray>

namespace confab::server {

using protocol::ErrorCode;

namespace {
const QString kConversation = QStringLiteral("conversation");
const QString kMessageId = QStringLiteral("message_id");

bool moderator(const Member &me)
{
    return me.role == Role::Owner || me.role == Role::Admin;
}
} // namespace

PinService::PinService(Database &db, const ServerConfig &config, ConversationLog &log)
    : m_db(db)
    , m_config(config)
    , m_log(log)
    , m_conversations(std::make_unique<ConversationStore>(db))
    , m_events(std::make_unique<EventStore>(db))
    , m_store(std::make_unique<PinStore>(db))
    , m_attachments(std::make_unique<AttachmentStore>(db))
{
}

PinService::~PinService() = default;

bool PinService::membersPin(const Conversation &conversation)
{
    if (conversation.kind == ConversationKind::Direct)
        return true;
    return m_store->membersPin(conversation.id).value_or(m_config.membersPin);
}

QList<QString> PinService::attachmentsOf(const QString &messageId)
{
    return m_attachments->idsOfMessage(messageId);
}

Outcome<protocol::Ok> PinService::pin(const Identity &who, const protocol::MessagePin &request)
{
    try {
        const auto access = m_conversations->access(request.conversationId, who.userId);
        if (!access)
            return notFound(kConversation);
        const Conversation &conversation = access->conversation;
        const auto message = m_events->messageById(request.messageId);
        if (!message || message->conversationId != conversation.id)
            return Failure{ErrorCode::NotFound, QStringLiteral("message not found"), {}, kMessageId};
        if (!moderator(access->me) && !membersPin(conversation))
            return forbidden(request.pinned ? QStringLiteral("only owners and admins pin messages here")
                                            : QStringLiteral("only owners and admins unpin messages here"));
        const qint64 now = nowMs();
        StoredEvent event;
        std::optional<Message> pinned;
        {
            Transaction tx(m_db);
            // The seq first: it locks the conversation, so two pins are counted one after the
            // other (the cap holds on every instance) and a delete cannot slip in between.
            const qint64 seq = m_log.reserveSeq(conversation.id);
            if (request.pinned) {
                pinned = m_events->messageById(message->id);
                if (!pinned || pinned->deleted)
                    return invalid(QStringLiteral("a deleted message cannot be pinned"), kMessageId); // rolls back
                if (!m_store->add(conversation.id, message->id, who.userId, now, seq))
                    return protocol::Ok{}; // pinned already: no event (the seq rolls back)
                if (m_store->count(conversation.id) > protocol::field::kMaxPinsPerConversation)
                    return Failure{ErrorCode::Conflict,
                                   QStringLiteral("this conversation has %1 pinned messages, the most it can have: "
                                                  "unpin one first")
                                       .arg(protocol::field::kMaxPinsPerConversation),
                                   {}, kMessageId};
                QJsonObject payload;
                if (const QList<QString> ids = attachmentsOf(message->id); !ids.isEmpty())
                    payload.insert(QStringLiteral("attachments"), QJsonArray::fromStringList(ids));
                event = m_log.appendReserved(seq, conversation.id, EventKind::Pinned, who.userId, payload, message->id, now);
            } else {
                if (!m_store->remove(conversation.id, message->id))
                    return protocol::Ok{}; // not pinned: no event
                event = m_log.appendReserved(seq, conversation.id, EventKind::Unpinned, who.userId, {}, message->id, now);
            }
            tx.commit();
        }
        event.message = pinned;
        m_log.publish(conversation.id, {event});
        return protocol::Ok{};
    } catch (const StoreError &e) {
        return storeFailure(e);
    }
}

Outcome<protocol::Pins> PinService::list(const Identity &who, const protocol::PinsList &request)
{
    try {
        const auto access = m_conversations->access(request.conversationId, who.userId);
        if (!access)
            return notFound(kConversation);
        const Presenter presenter = m_log.presenter(access->conversation);
        protocol::Pins out;
        out.conversationId = access->conversation.id;
        out.membersPin = membersPin(access->conversation);
        for (PinRecord &pin : m_store->pins(access->conversation.id)) {
            protocol::PinInfo info;
            pin.message.attachments = attachmentsOf(pin.messageId);
            info.message = presenter.message(pin.message);
            info.pinnedBy = presenter.memberId(pin.pinnedBy); // the alias id in blind rooms
            info.pinnedAt = pin.pinnedAt;
            info.seq = pin.seq;
            out.pins.append(info);
        }
        return out;
    } catch (const StoreError &e) {
        return storeFailure(e);
    }
}

Outcome<protocol::Ok> PinService::setRights(const Identity &who, const protocol::PinRights &request)
{
    try {
        const auto access = m_conversations->access(request.conversationId, who.userId);
        if (!access)
            return notFound(kConversation);
        const Conversation &conversation = access->conversation;
        if (conversation.kind == ConversationKind::Direct)
            return invalid(QStringLiteral("both members of a direct conversation pin messages"),
                           QStringLiteral("conversation_id"));
        if (access->me.role != Role::Owner)
            return forbidden(QStringLiteral("only the owner decides who pins messages"));
        if (membersPin(conversation) == request.membersPin) {
            // As it was: nothing for the members to learn, no event. Stored still, so that a later
            // change of the server's default leaves this conversation as its owner set it.
            m_store->setMembersPin(conversation.id, request.membersPin);
            return protocol::Ok{};
        }
        commitAndPublish(m_db, m_log, conversation.id, [&] {
            StoredEvent event = m_log.append(conversation.id, EventKind::PinRightsChanged, who.userId,
                                             {{QStringLiteral("allowed"), request.membersPin}});
            m_store->setMembersPin(conversation.id, request.membersPin);
            return event;
        });
        return protocol::Ok{};
    } catch (const StoreError &e) {
        return storeFailure(e);
    }
}

} // namespace confab::server

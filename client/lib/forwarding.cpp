#include "forwarding.h"

#include "connection.h"
#include "conversationlistmodel.h"
#include "conversationstate.h"

#include <QTimer>
#include <QUuid>

namespace confab::client {

using namespace confab::protocol;

namespace {
//! A dropped link answers UNAVAILABLE: the same request (same client id) goes again, a few times.
constexpr int kMaxTries = 5;
constexpr int kRetryMs = 1000;
} // namespace

Forwarding::Forwarding(Connection &connection, ConversationState &state, QObject *parent)
    : QObject(parent), m_connection(connection), m_state(state)
{
}

void Forwarding::setConversations(ConversationListModel *conversations)
{
    m_targets.setSourceModel(conversations);
}

void Forwarding::begin(const QString &conversationId, const QString &messageId)
{
    m_conversationId = conversationId;
    m_messageId = messageId;
    m_targets.reset(conversationId);
    emit messageChanged();
}

bool Forwarding::send(int fallbackRow)
{
    QStringList targets = m_targets.pickedIds();
    if (targets.isEmpty() && !m_targets.idAt(fallbackRow).isEmpty())
        targets.append(m_targets.idAt(fallbackRow));
    if (targets.isEmpty() || m_messageId.isEmpty())
        return false;
    forward(m_conversationId, m_messageId, targets);
    m_messageId.clear();
    emit messageChanged();
    return true;
}

void Forwarding::forward(const QString &conversationId, const QString &messageId, const QStringList &targetIds)
{
    for (const QString &target : targetIds) {
        if (target == conversationId)
            continue;
        request({conversationId, messageId, target, QUuid::createUuid().toString(QUuid::WithoutBraces), 0});
    }
}

void Forwarding::request(Pending pending)
{
    ++pending.tries;
    m_connection.request(MessageForward{pending.conversationId, pending.messageId, pending.targetId, pending.clientId},
                         [this, pending](const Reply<MessageSent> &reply) {
        if (reply) {
            m_state.applySent(reply->conversationId, *reply);
            emit forwarded(reply->conversationId, reply->message.id);
            return;
        }
        const ErrorCode code = reply.error().code;
        if ((code == ErrorCode::Unavailable || code == ErrorCode::RateLimited) && pending.tries < kMaxTries) {
            const int wait = int(reply.error().retryAfterMs.value_or(kRetryMs));
            QTimer::singleShot(std::max(wait, kRetryMs), this, [this, pending] { request(pending); });
            return;
        }
        emit failed(tr("The message could not be forwarded: %1").arg(reply.error().message));
    });
}

void Forwarding::markUnread(const QString &conversationId, bool unread)
{
    // Shown at once; the server's `conversation.marked` confirms it here and tells my other devices.
    m_state.setMarkedUnread(conversationId, unread);
    m_connection.request(ConversationMark{conversationId, unread}, [this](const Reply<Ok> &reply) {
        if (!reply)
            emit failed(tr("The conversation could not be marked: %1").arg(reply.error().message));
    });
}

} // namespace confab::client

#include "accountdeletion.h"

#include "core/config.h"
#include "core/logging.h"
#include "domain/clock.h"
#include "services/accountservice.h"
#include "services/conversationservice.h"
#include "services/fanout.h"
#include "services/steps.h"
#include "storage/accountstore.h"
#include "storage/avatarstore.h"
#include "storage/deletionstore.h"
#include "storage/eventstore.h"
#include "storage/mentionstore.h"
#include "storage/peoplestore.h"

namespace confab::server {

AccountDeletion::AccountDeletion(Database &db, const ServerConfig &config, ConversationLog &log,
                                 ConversationService &conversations, Fanout &fanout)
    : m_db(db)
    , m_config(config)
    , m_log(log)
    , m_conversations(conversations)
    , m_fanout(fanout)
    , m_accounts(std::make_unique<AccountStore>(db))
    , m_deletions(std::make_unique<DeletionStore>(db))
    , m_people(std::make_unique<PeopleStore>(db))
    , m_events(std::make_unique<EventStore>(db))
    , m_mentions(std::make_unique<MentionStore>(db))
{
}

AccountDeletion::~AccountDeletion() = default;

Outcome<AccountDeletion::Summary> AccountDeletion::run(const QString &userId, bool eraseMessages,
                                                      const std::function<void()> &committed)
{
    Summary summary;
    QList<QString> audience;
    try {
        const auto user = m_accounts->userById(userId);
        if (!user)
            return notFound(QStringLiteral("user"));
        summary.username = user->username;
        audience = m_people->contactIds(userId);
        if (!m_deletions->isDeleted(userId)) {
            const qint64 now = nowMs();
            Transaction tx(m_db);
            m_deletions->eraseAccount(userId, now);
            // The picture is part of the profile: it goes too (and its bytes, unless another user shows it).
            AvatarStore avatars(m_db);
            const QString picture = avatars.setUserAvatar(userId, {}, now);
            if (!picture.isEmpty())
                avatars.removeIfUnused(picture);
            if (m_config.usernameHoldDays > 0)
                m_deletions->holdUsername(user->username, now + m_config.usernameHoldDays * 86'400'000LL);
            tx.commit();
        }
    } catch (const StoreError &e) {
        return storeFailure(e);
    }
    qCInfo(lcAuth).noquote() << "account deleted, user" << userId;
    if (committed)
        committed();
    // Signed out everywhere, with the code of a disabled account: the devices show "signed out".
    m_fanout.endUser(userId);
    try {
        if (const auto profile = m_people->profile(userId)) {
            audience.removeAll(userId);
            m_fanout.toUsers(audience, protocol::encodeFrame(protocol::UserUpdated{AccountService::profileInfo(*profile)}));
        }
        if (eraseMessages)
            summary.messagesErased = this->eraseMessages(userId);
        const Identity as{userId, QString()};
        for (const QString &conversationId : m_deletions->leavableConversationsOf(userId)) {
            const auto left = m_conversations.leave(as, protocol::ConversationLeave{conversationId});
            if (!left.ok()) {
                qCWarning(lcAuth).noquote() << "deleted account" << userId << "could not leave" << conversationId << ":"
                                            << left.failure().message;
                return left.failure();
            }
            ++summary.conversationsLeft;
        }
    } catch (const StoreError &e) {
        return storeFailure(e);
    }
    qCInfo(lcAuth).noquote() << "deleted account" << userId << "left" << summary.conversationsLeft
                             << "conversations; messages erased:" << summary.messagesErased;
    return summary;
}

int AccountDeletion::eraseMessages(const QString &userId)
{
    const QList<DeletionStore::MessageRef> messages = m_deletions->messagesOf(userId);
    int erased = 0;
    // One transaction per conversation: its delete events are published together, in seq order.
    for (qsizetype i = 0; i < messages.size();) {
        const QString conversationId = messages[i].conversationId;
        qsizetype end = i;
        while (end < messages.size() && messages[end].conversationId == conversationId)
            ++end;
        commitAndPublish(m_db, m_log, conversationId, [&] {
            QList<StoredEvent> events;
            for (qsizetype k = i; k < end; ++k) {
                const QString &messageId = messages[k].messageId;
                m_events->eraseMessage(conversationId, messageId);
                m_mentions->erase(messageId);
                m_events->finishStream(messageId, QStringLiteral("interrupted"), std::nullopt, std::nullopt);
                events.append(m_log.append(conversationId, EventKind::Delete, userId, {}, messageId));
            }
            return events;
        });
        erased += int(end - i);
        i = end;
    }
    return erased;
}

} // namespace confab::server

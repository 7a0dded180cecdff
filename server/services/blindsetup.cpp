#include "blindsetup.h"

#include "services/conversationlog.h"
#include "storage/blindstore.h"

#include <QSet>

namespace confab::server::blindsetup {

using protocol::ErrorCode;
using protocol::RevealPolicy;

namespace {
constexpr qint64 kMaxRevealAheadMs = 366LL * 24 * 60 * 60 * 1000;
const QString kGroups = QStringLiteral("blind.groups");
} // namespace

std::optional<Failure> check(const protocol::ConversationCreate &request, const QString &creatorId,
                             const QList<QString> &otherIds, qint64 now)
{
    if (!request.blind)
        return std::nullopt;
    const protocol::BlindSetup &setup = *request.blind;
    QSet<QString> placed;
    for (const protocol::GroupAssignment &g : setup.groups) {
        // Only the room's own members have a group; naming anyone else is a mistake worth telling.
        if (g.userId != creatorId && !otherIds.contains(g.userId))
            return Failure{ErrorCode::Invalid, QStringLiteral("%1 is not a member of the new room").arg(g.userId), {}, kGroups};
        if (placed.contains(g.userId))
            return Failure{ErrorCode::Invalid, QStringLiteral("%1 is given a group twice").arg(g.userId), {}, kGroups};
        placed.insert(g.userId);
    }
    if (setup.reveal == RevealPolicy::Scheduled) {
        if (*setup.revealAt <= now)
            return Failure{ErrorCode::Invalid, QStringLiteral("the time of the reveal must be in the future"), {},
                           QStringLiteral("blind.reveal_at")};
        if (*setup.revealAt > now + kMaxRevealAheadMs)
            return Failure{ErrorCode::Invalid, QStringLiteral("the reveal can be at most a year ahead"), {},
                           QStringLiteral("blind.reveal_at")};
    }
    return std::nullopt;
}

QString groupOf(const protocol::ConversationCreate &request, const QString &userId)
{
    if (!request.blind)
        return {};
    for (const protocol::GroupAssignment &g : request.blind->groups) {
        if (g.userId == userId)
            return g.group;
    }
    return {};
}

QList<StoredEvent> write(BlindStore &store, ConversationLog &log, const Conversation &conversation,
                         const protocol::ConversationCreate &request, qint64 now)
{
    QList<StoredEvent> events;
    if (!request.blind)
        return events;
    const protocol::BlindSetup &setup = *request.blind;
    if (setup.reveal == RevealPolicy::Off)
        store.setRevealsAllowed(conversation.id, false);
    if (setup.membersInvite)
        store.setMembersInvite(conversation.id, true);
    if (setup.reveal == RevealPolicy::Scheduled) {
        store.setSchedule(conversation.id, setup.revealAt);
        events.append(log.append(conversation.id, EventKind::RevealScheduled, conversation.createdBy,
                                 {{QStringLiteral("reveal_at"), double(*setup.revealAt)}}, {}, now));
    }
    return events;
}

} // namespace confab::server::blindsetup

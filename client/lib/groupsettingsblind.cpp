// GroupSettings for blind rooms: groups, the reveal policy and the invite switch.
#include "groupsettings.h"

#include "connection.h"
#include "conversationstate.h"

namespace confab::client {

using namespace confab::protocol;

bool GroupSettings::isBlind() const
{
    const auto c = m_state.conversation(conversationId());
    return c && c->kind == ConversationKind::Blind;
}

QString GroupSettings::revealPolicy() const
{
    const auto c = m_state.conversation(conversationId());
    if (!c || c->kind != ConversationKind::Blind)
        return {};
    if (!c->reveals.value_or(true))
        return enumName(RevealPolicy::Off);
    return enumName(c->revealAt ? RevealPolicy::Scheduled : RevealPolicy::Mutual);
}

QDateTime GroupSettings::revealAt() const
{
    const auto c = m_state.conversation(conversationId());
    return c && c->revealAt ? QDateTime::fromMSecsSinceEpoch(*c->revealAt) : QDateTime();
}

QDateTime GroupSettings::revealedAt() const
{
    const auto c = m_state.conversation(conversationId());
    return c && c->revealedAt ? QDateTime::fromMSecsSinceEpoch(*c->revealedAt) : QDateTime();
}

bool GroupSettings::membersInvite() const
{
    const auto c = m_state.conversation(conversationId());
    return c && c->membersInvite.value_or(false);
}

void GroupSettings::setMemberGroup(const QString &memberId, const QString &group)
{
    if (!isBlind() || memberId.isEmpty())
        return;
    MembersGroup move{conversationId(), memberId, std::nullopt};
    if (group == QLatin1StringView("A") || group == QLatin1StringView("B"))
        move.group = group;
    request(tr("The member could not be moved"), move);
}

void GroupSettings::setRevealPolicy(const QString &policy, const QDateTime &revealAt, bool membersInvite)
{
    const auto wanted = enumFromName<RevealPolicy>(policy);
    if (!isBlind() || !wanted)
        return;
    RevealPolicySet set{conversationId(), *wanted, std::nullopt, membersInvite};
    if (*wanted == RevealPolicy::Scheduled) {
        if (!revealAt.isValid()) {
            fail(tr("The reveal could not be scheduled"), tr("pick a date and time"));
            return;
        }
        set.revealAt = revealAt.toMSecsSinceEpoch();
    }
    request(tr("Who sees whom could not be changed"), set);
}

} // namespace confab::client

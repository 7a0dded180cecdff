#include "profilecardstate.h"

#include "blindnames.h"
#include "blocks.h"
#include "conversationstate.h"
#include "messagelistmodel.h"
#include "presence.h"

namespace confab::client {

using namespace confab::protocol;

ProfileCardState::ProfileCardState(const ConversationState &state, const Presence &presence, const Blocks &blocks, QObject *parent)
    : QObject(parent), m_state(state), m_presence(presence), m_blocks(blocks)
{
    // An open card follows what it shows: a new name or status, presence, my blocks.
    connect(&state, &ConversationState::membersChanged, this, [this](const QString &conversationId) {
        if (conversationId == m_conversationId)
            refresh();
    });
    connect(&presence, &Presence::presenceChanged, this, [this](const QString &userId) {
        if (!m_alias && userId == m_memberId)
            emit changed();
    });
    connect(&blocks, &Blocks::changed, this, &ProfileCardState::changed);
}

void ProfileCardState::open(const QString &conversationId, const QString &memberId)
{
    m_conversationId = conversationId;
    m_memberId = memberId;
    refresh();
}

void ProfileCardState::close()
{
    open({}, {});
}

void ProfileCardState::setLanguage(const QString &language)
{
    m_language = language;
    refresh();
}

QString ProfileCardState::presence() const
{
    return m_alias || m_memberId.isEmpty() ? QString() : m_presence.of(m_memberId);
}

QString ProfileCardState::avatarColor() const
{
    return MessageListModel::avatarColor(m_memberId);
}

QString ProfileCardState::initials() const
{
    return MessageListModel::initials(m_name);
}

bool ProfileCardState::blocked() const
{
    return !m_alias && m_blocks.isBlocked(m_memberId);
}

void ProfileCardState::refresh()
{
    std::optional<MemberInfo> found;
    if (!m_conversationId.isEmpty()) {
        for (const MemberInfo &m : m_state.members(m_conversationId)) {
            if (m.id == m_memberId)
                found = m;
        }
    }
    const auto conversation = found ? m_state.conversation(m_conversationId) : std::nullopt;
    m_alias = found && (found->alias || (conversation && conversation->kind == ConversationKind::Blind));
    // In a blind room the card shows the alias only, even of someone who revealed their name to me:
    // the card is a person's public face, and there they have none but the alias.
    m_name = !found ? QString() : m_alias ? blind::aliasName(*found, m_language) : found->name;
    m_username = found && !m_alias ? found->username.value_or(QString()) : QString();
    m_status = found && !m_alias ? found->status.value_or(QString()) : QString();
    m_bot = found && !m_alias && found->bot.value_or(false);
    m_isMe = found && m_memberId == m_state.myMemberId(m_conversationId);
    emit changed();
}

} // namespace confab::client

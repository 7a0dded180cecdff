#include "groupsettings.h"

#include "connection.h"
#include "conversationstate.h"

namespace confab::client {

using namespace confab::protocol;

GroupSettings::GroupSettings(Connection &connection, ConversationState &state, QObject *parent)
    : QObject(parent), m_connection(connection), m_state(state)
{
    const auto reopened = [this] {
        clearError();
        emit changed();
    };
    connect(&state, &ConversationState::opened, this, reopened);
    connect(&state, &ConversationState::detailsChanged, this, [this, reopened](const QString &id) {
        if (id == conversationId())
            reopened();
    });
    // Renames, descriptions and mutes of the open conversation.
    connect(&state, &ConversationState::conversationChanged, this, [this](const QString &id) {
        if (id == conversationId())
            emit changed();
    });
    connect(&state, &ConversationState::conversationsReset, this, &GroupSettings::changed);
}

QString GroupSettings::conversationId() const
{
    return m_state.openConversation();
}

QString GroupSettings::title() const
{
    const auto c = m_state.conversation(conversationId());
    return c ? c->title : QString();
}

QString GroupSettings::description() const
{
    const auto c = m_state.conversation(conversationId());
    return c ? c->description.value_or(QString()) : QString();
}

bool GroupSettings::muted() const
{
    const auto c = m_state.conversation(conversationId());
    return c && c->muted;
}

QString GroupSettings::myRole() const
{
    const auto c = m_state.conversation(conversationId());
    return c ? enumName(c->role) : QString();
}

bool GroupSettings::isGroup() const
{
    const auto c = m_state.conversation(conversationId());
    return c && c->kind != ConversationKind::Direct;
}

bool GroupSettings::canManage() const
{
    const auto c = m_state.conversation(conversationId());
    return c && c->kind != ConversationKind::Direct && (c->role == Role::Owner || c->role == Role::Admin);
}

bool GroupSettings::canChangeRoles() const
{
    const auto c = m_state.conversation(conversationId());
    return c && c->kind != ConversationKind::Direct && c->role == Role::Owner;
}

void GroupSettings::fail(const QString &what, const QString &why)
{
    m_error = tr("%1: %2").arg(what, why);
    emit errorChanged();
    emit failed(m_error);
}

void GroupSettings::clearError()
{
    if (m_error.isEmpty())
        return;
    m_error.clear();
    emit errorChanged();
}

void GroupSettings::request(const QString &what, const auto &frame)
{
    clearError();
    m_connection.request(frame, [this, what](const Reply<Ok> &reply) {
        if (!reply)
            fail(what, reply.error().message);
    });
}

// groupsettingsblind.cpp sends these through the same helper.
template void GroupSettings::request(const QString &, const MembersGroup &);
template void GroupSettings::request(const QString &, const RevealPolicySet &);

void GroupSettings::save(const QString &title, const QString &description)
{
    if (!isGroup())
        return;
    ConversationUpdate update{conversationId(), std::nullopt, std::nullopt};
    const QString name = title.trimmed();
    if (!name.isEmpty() && name != this->title())
        update.title = name;
    if (description.trimmed() != this->description().trimmed())
        update.description = description.trimmed();
    if (!update.title && !update.description)
        return; // nothing changed
    request(tr("The group could not be changed"), update);
}

void GroupSettings::setMuted(bool muted)
{
    setNotifyLevel(muted ? QStringLiteral("nothing") : QStringLiteral("all"));
}

QString GroupSettings::notifyLevel() const
{
    const auto c = m_state.conversation(conversationId());
    if (!c)
        return QStringLiteral("all");
    return enumName(c->notify.value_or(c->muted ? NotifyLevel::Nothing : NotifyLevel::All));
}

void GroupSettings::setNotifyLevel(const QString &level)
{
    const auto parsed = enumFromName<NotifyLevel>(level);
    if (conversationId().isEmpty() || !parsed || level == notifyLevel())
        return;
    // The server answers every device of mine with conversation.notify.level; the menu follows that.
    request(tr("The notification setting could not be changed"), ConversationNotify{conversationId(), *parsed});
}

void GroupSettings::addMember(const QString &username)
{
    const QString name = username.trimmed().toLower();
    const QString id = conversationId();
    if (name.isEmpty() || !isGroup())
        return;
    clearError();
    const QString what = tr("%1 could not be added").arg(name);
    m_connection.request(UserLookup{{name}}, [this, id, name, what](const Reply<Users> &users) {
        if (!users || users->users.isEmpty()) {
            fail(what, tr("there is no user named %1").arg(name));
            return;
        }
        MembersAdd add;
        add.conversationId = id;
        add.userIds = {users->users.first().id};
        m_connection.request(add, [this, name, what](const Reply<Ok> &added) {
            if (!added)
                fail(what, added.error().message);
            else
                emit memberAdded(name);
        });
    });
}

void GroupSettings::removeMember(const QString &memberId)
{
    if (!isGroup() || memberId.isEmpty())
        return;
    request(tr("The member could not be removed"), MembersRemove{conversationId(), memberId});
}

void GroupSettings::setRole(const QString &memberId, const QString &role)
{
    const auto wanted = enumFromName<Role>(role);
    if (!isGroup() || memberId.isEmpty() || !wanted)
        return;
    request(tr("The role could not be changed"), MembersRole{conversationId(), memberId, *wanted});
}

void GroupSettings::leave()
{
    const QString id = conversationId();
    if (!isGroup())
        return;
    clearError();
    m_connection.request(ConversationLeave{id}, [this, id](const Reply<Ok> &reply) {
        if (!reply) {
            fail(tr("You could not leave the group"), reply.error().message);
            return;
        }
        m_state.forget(id);
        emit left(id);
    });
}

} // namespace confab::client

#include "conversationservice.h"

#include "domain/aliases.h"
#include "domain/clock.h"
#include "domain/ids.h"
#include "services/blindsetup.h"
#include "services/conversationlog.h"
#include "services/fanout.h"
#include "services/steps.h"
#include "storage/accountstore.h"
#include "storage/blindstore.h"
#include "storage/conversationstore.h"
#include "storage/database.h"
#include "storage/eventstore.h"
#include "storage/peoplestore.h"

#include <QSet>

#include <algorithm>

namespace confab::server {

using protocol::ErrorCode;

namespace {
const QString kConversation = QStringLiteral("conversation");

//! The refusal of a user who cannot be reached: an unknown or disabled account, or one who blocks
//! the requester. One text for all, so that a blocked person cannot tell (docs/protocol.md, account.block).
Failure unreachable(const QString &userId, const QString &field)
{
    return Failure{ErrorCode::NotFound, QStringLiteral("user %1 not found").arg(userId), {}, field};
}

bool canManage(Role role)
{
    return role == Role::Owner || role == Role::Admin;
}
QJsonObject memberPayload(const QString &userId, Role role)
{
    return QJsonObject{{QStringLiteral("user_id"), userId}, {QStringLiteral("role"), protocol::enumName(role)}};
}
} // namespace

ConversationService::ConversationService(Database &db, ConversationLog &log, Fanout &fanout)
    : m_db(db)
    , m_log(log)
    , m_fanout(fanout)
    , m_accounts(std::make_unique<AccountStore>(db))
    , m_conversations(std::make_unique<ConversationStore>(db))
    , m_events(std::make_unique<EventStore>(db))
    , m_blind(std::make_unique<BlindStore>(db))
    , m_people(std::make_unique<PeopleStore>(db))
{
}

ConversationService::~ConversationService() = default;

Member ConversationService::newMember(const Conversation &conversation, const User &user, Role role, qint64 seq,
                                      qint64 now)
{
    Member m;
    m.conversationId = conversation.id;
    m.userId = user.id;
    m.role = role;
    m.joinedAt = now;
    m.joinedSeq = seq;
    m.username = user.username;
    m.displayName = user.displayName;
    if (conversation.kind == ConversationKind::Blind) {
        m.aliasId = aliases::aliasId(conversation.aliasSecret, user.id);
        QSet<QString> taken; // former members' aliases too: theirs stay reserved for their return
        for (const Member &other : m_conversations->members(conversation.id, true)) {
            if (other.userId == user.id) {
                // A returning member keeps alias and group: the others knew them by it, and the
                // stored row is re-activated, not replaced.
                m.aliasId = other.aliasId;
                m.alias = other.alias;
                m.group = other.group;
                return m;
            }
            taken.insert(other.alias);
        }
        m.alias = aliases::aliasName(m.aliasId, taken);
    }
    return m;
}

std::optional<Member> ConversationService::resolveMember(const Conversation &conversation, const QString &memberId)
{
    if (conversation.kind != ConversationKind::Blind) {
        auto m = m_conversations->member(conversation.id, memberId);
        return m && m->active ? m : std::nullopt;
    }
    for (const Member &m : m_conversations->members(conversation.id)) {
        if (m.aliasId == memberId)
            return m;
    }
    return std::nullopt;
}

Outcome<Access> ConversationService::enter(const Identity &who, const QString &conversationId, const Demand &demand)
{
    auto access = m_conversations->access(conversationId, who.userId);
    if (!access)
        return notFound(kConversation);
    const bool direct = access->conversation.kind == ConversationKind::Direct;
    if (direct && !demand.notInDirect.isEmpty())
        return forbidden(demand.notInDirect);
    // Roles order from Owner down to Member. Both members of a direct conversation are plain members:
    // roles do not apply there.
    if (!direct && int(access->me.role) > int(demand.atLeast))
        return forbidden(demand.roleRefusal);
    return std::move(*access);
}

std::optional<protocol::ConversationDetail> ConversationService::detailFor(const QString &userId,
                                                                           const QString &conversationId)
{
    const auto row = m_conversations->membershipOf(userId, conversationId);
    if (!row)
        return std::nullopt;
    const QList<Member> all = m_conversations->members(conversationId, true);
    const Presenter presenter = m_log.presenter(row->conversation, all); // with blind rooms' reveals
    protocol::ConversationDetail detail;
    detail.conversation = presenter.conversation(row->me, row->unread, row->memberCount,
                                                 m_events->lastMessage(conversationId));
    detail.conversation.unreadMentions = row->unreadMentions;
    for (const Member &m : all) {
        if (!m.active)
            continue;
        detail.members.append(presenter.member(m, userId));
        detail.markers.append(presenter.marker(m, userId));
    }
    return detail;
}

void ConversationService::pushDetail(const QList<QString> &userIds, const QString &conversationId)
{
    for (const QString &userId : userIds) {
        if (const auto detail = detailFor(userId, conversationId))
            m_fanout.toUsers({userId}, protocol::encodeFrame(*detail));
    }
}

ConversationService::NewConversation ConversationService::writeNew(const User &creator, const QList<User> &others,
                                                                   const protocol::ConversationCreate &request,
                                                                   const QString &directKey, qint64 now)
{
    NewConversation made;
    Conversation &conversation = made.conversation;
    QList<StoredEvent> &events = made.events;
    conversation.id = ids::make('c');
    conversation.kind = request.kind;
    conversation.title = request.kind == ConversationKind::Direct ? QString() : request.title.trimmed();
    conversation.createdBy = creator.id;
    conversation.createdAt = now;
    conversation.directKey = directKey;
    if (request.kind == ConversationKind::Blind)
        conversation.aliasSecret = aliases::newRoomSecret();

    m_conversations->create(conversation);
    events.append(m_log.append(conversation.id, EventKind::Created, creator.id,
                               {{QStringLiteral("title"), conversation.title}}, {}, now));
    const Role creatorRole = request.kind == ConversationKind::Direct ? Role::Member : Role::Owner;
    QList<std::pair<User, Role>> joining{{creator, creatorRole}};
    for (const User &other : others)
        joining.append({other, Role::Member});
    for (const auto &[user, role] : joining) {
        events.append(m_log.append(conversation.id, EventKind::MemberAdded, creator.id, memberPayload(user.id, role), {}, now));
        Member member = newMember(conversation, user, role, events.last().seq, now);
        member.group = blindsetup::groupOf(request, user.id);
        m_conversations->upsertMember(member);
    }
    if (request.description && !request.description->trimmed().isEmpty()) {
        m_conversations->setDescription(conversation.id, *request.description);
        events.append(m_log.append(conversation.id, EventKind::Described, creator.id,
                                   {{QStringLiteral("description"), *request.description}}, {}, now));
    }
    events += blindsetup::write(*m_blind, m_log, conversation, request, now);
    return made;
}

Outcome<protocol::ConversationDetail> ConversationService::create(const Identity &who,
                                                                  const protocol::ConversationCreate &request)
{
    try {
        QList<QString> otherIds;
        for (const QString &id : request.members) {
            if (id != who.userId && !otherIds.contains(id))
                otherIds.append(id);
        }
        const QList<User> others = m_accounts->usersByIds(otherIds);
        for (const QString &id : otherIds) {
            const bool found = std::any_of(others.begin(), others.end(),
                                           [&id](const User &u) { return u.id == id && !u.disabled; });
            if (!found)
                return unreachable(id, QStringLiteral("members"));
        }
        const QSet<QString> blockers = m_people->blockersOf(who.userId, otherIds);
        if (request.kind != ConversationKind::Direct) {
            for (const QString &id : std::as_const(otherIds)) {
                if (blockers.contains(id))
                    return unreachable(id, QStringLiteral("members"));
            }
        }
        const auto me = m_accounts->userById(who.userId);
        if (!me)
            return Failure{ErrorCode::Unauthorized, QStringLiteral("the account is gone"), {}, {}};
        if (const auto wrong = blindsetup::check(request, who.userId, otherIds, nowMs()))
            return *wrong;

        QString directKey;
        if (request.kind == ConversationKind::Direct) {
            if (otherIds.size() != 1)
                return invalid(QStringLiteral("a direct conversation is with one other person"), QStringLiteral("members"));
            QStringList pair{who.userId, otherIds.first()};
            pair.sort();
            directKey = pair.join(u':');
            // One direct conversation per pair: asking again returns the existing one.
            if (const auto existing = m_conversations->directByKey(directKey)) {
                if (const auto detail = detailFor(who.userId, existing->id))
                    return *detail;
            }
            // A new one needs neither to block the other; one made before a block stays (above).
            if (blockers.contains(otherIds.first()))
                return unreachable(otherIds.first(), QStringLiteral("members"));
            if (m_people->isBlocked(who.userId, otherIds.first()))
                return Failure{ErrorCode::Forbidden, QStringLiteral("you block this user; unblock them first"), {},
                               QStringLiteral("members")};
        }

        const qint64 now = nowMs();
        NewConversation made;
        try {
            Transaction tx(m_db);
            made = writeNew(*me, others, request, directKey, now);
            tx.commit();
        } catch (const StoreError &e) {
            // Another request created the same direct conversation first: that one is the answer.
            if (e.kind() != StoreError::Kind::Conflict || directKey.isEmpty())
                throw;
            const auto existing = m_conversations->directByKey(directKey);
            const auto detail = existing ? detailFor(who.userId, existing->id) : std::nullopt;
            if (!detail)
                throw;
            return *detail;
        }
        m_log.publish(made.conversation.id, made.events);
        pushDetail(otherIds, made.conversation.id);
        const auto detail = detailFor(who.userId, made.conversation.id);
        if (!detail)
            return Failure{ErrorCode::Internal, QStringLiteral("the new conversation vanished"), {}, {}};
        return *detail;
    } catch (const StoreError &e) {
        return storeFailure(e);
    }
}

Outcome<protocol::Conversations> ConversationService::list(const Identity &who, const protocol::ConversationList &request)
{
    try {
        protocol::Conversations reply;
        for (const MembershipRow &row : m_conversations->membershipsOf(who.userId, request.includeArchived)) {
            const Presenter presenter = m_log.presenter(row.conversation);
            reply.conversations.append(presenter.conversation(row.me, row.unread, row.memberCount,
                                                              m_events->lastMessage(row.conversation.id)));
            reply.conversations.last().unreadMentions = row.unreadMentions;
        }
        return reply;
    } catch (const StoreError &e) {
        return storeFailure(e);
    }
}

Outcome<protocol::ConversationDetail> ConversationService::get(const Identity &who,
                                                               const protocol::ConversationGet &request)
{
    try {
        if (auto detail = detailFor(who.userId, request.conversationId))
            return *detail;
        return notFound(kConversation);
    } catch (const StoreError &e) {
        return storeFailure(e);
    }
}

Outcome<protocol::Users> ConversationService::lookup(const Identity &, const protocol::UserLookup &request)
{
    try {
        protocol::Users reply;
        for (const User &user : m_accounts->usersByUsernames(request.usernames)) {
            if (user.disabled)
                continue;
            protocol::MemberInfo info;
            info.id = user.id;
            info.name = user.displayName;
            info.username = user.username;
            reply.users.append(std::move(info));
        }
        return reply;
    } catch (const StoreError &e) {
        return storeFailure(e);
    }
}

Outcome<protocol::Ok> ConversationService::addMembers(const Identity &who, const protocol::MembersAdd &request)
{
    try {
        const auto entry = enter(who, request.conversationId, {.notInDirect = QStringLiteral("direct conversations have exactly two members")});
        if (!entry.ok())
            return entry.failure();
        const Access &access = entry.value();
        const bool blind = access.conversation.kind == ConversationKind::Blind;
        // Members add others where the owner of a blind room allows it; they do not pick groups.
        const bool invites = blind && m_blind->state(access.conversation.id).membersInvite;
        if (!canManage(access.me.role) && (!invites || request.group))
            return forbidden(invites ? QStringLiteral("only owners and admins choose a group")
                                     : QStringLiteral("only owners and admins add members"));
        if (request.group && !blind)
            return invalid(QStringLiteral("only members of blind rooms have a group"), QStringLiteral("group"));
        const QList<User> users = m_accounts->usersByIds(request.userIds);
        for (const QString &id : request.userIds) {
            // Echoes only what the requester sent: never an id they did not already know.
            if (!std::any_of(users.begin(), users.end(), [&id](const User &u) { return u.id == id && !u.disabled; }))
                return unreachable(id, QStringLiteral("user_ids"));
        }
        const QSet<QString> blockers = m_people->blockersOf(who.userId, request.userIds);
        for (const QString &id : request.userIds) {
            if (blockers.contains(id))
                return unreachable(id, QStringLiteral("user_ids"));
        }
        QList<QString> added;
        const qint64 now = nowMs();
        commitAndPublish(m_db, m_log, access.conversation.id, [&] {
            QList<StoredEvent> events;
            for (const User &user : users) {
                const auto existing = m_conversations->member(access.conversation.id, user.id);
                if (existing && existing->active)
                    continue; // already a member: adding is idempotent
                // The seq first: taking it locks the conversation's row, so concurrent adds on other
                // connections or instances choose their aliases one after the other, never the same one.
                events.append(m_log.append(access.conversation.id, EventKind::MemberAdded, who.userId,
                                           memberPayload(user.id, Role::Member), {}, now));
                Member m = newMember(access.conversation, user, Role::Member, events.last().seq, now);
                if (!existing && request.group)
                    m.group = *request.group; // a returning member keeps the group they had
                m_conversations->upsertMember(m);
                added.append(user.id);
            }
            return events;
        });
        pushDetail(added, access.conversation.id);
        return protocol::Ok{};
    } catch (const StoreError &e) {
        return storeFailure(e);
    }
}

Outcome<protocol::Ok> ConversationService::removeMember(const Identity &who, const protocol::MembersRemove &request)
{
    try {
        const auto entry = enter(who, request.conversationId, {.notInDirect = QStringLiteral("direct conversations have exactly two members")});
        if (!entry.ok())
            return entry.failure();
        const Access &access = entry.value();
        const auto target = resolveMember(access.conversation, request.memberId);
        if (!target)
            return Failure{ErrorCode::NotFound, QStringLiteral("member not found"), {}, QStringLiteral("member_id")};
        if (target->userId == who.userId)
            return invalid(QStringLiteral("use conversation.leave to leave"), QStringLiteral("member_id"));
        if (!canManage(access.me.role) || target->role == Role::Owner || (access.me.role == Role::Admin && target->role == Role::Admin))
            return forbidden(QStringLiteral("you cannot remove this member"));
        commitAndPublish(
            m_db, m_log, access.conversation.id,
            [&] {
                m_conversations->deactivateMember(access.conversation.id, target->userId);
                return m_log.append(access.conversation.id, EventKind::MemberRemoved, who.userId,
                                    memberPayload(target->userId, target->role));
            },
            {target->userId});
        return protocol::Ok{};
    } catch (const StoreError &e) {
        return storeFailure(e);
    }
}

Outcome<protocol::Ok> ConversationService::setRole(const Identity &who, const protocol::MembersRole &request)
{
    try {
        const auto entry = enter(who, request.conversationId, {.notInDirect = QStringLiteral("direct conversations have no roles"),
                                  .atLeast = Role::Owner,
                                  .roleRefusal = QStringLiteral("only the owner changes roles")});
        if (!entry.ok())
            return entry.failure();
        const Access &access = entry.value();
        const auto target = resolveMember(access.conversation, request.memberId);
        if (!target)
            return Failure{ErrorCode::NotFound, QStringLiteral("member not found"), {}, QStringLiteral("member_id")};
        if (target->userId == who.userId)
            return invalid(QStringLiteral("make another member owner to step down"), QStringLiteral("member_id"));
        if (target->role == request.role)
            return protocol::Ok{};
        commitAndPublish(m_db, m_log, access.conversation.id, [&] {
            QList<StoredEvent> events;
            m_conversations->setRole(access.conversation.id, target->userId, request.role);
            events.append(m_log.append(access.conversation.id, EventKind::RoleChanged, who.userId,
                                       memberPayload(target->userId, request.role)));
            if (request.role == Role::Owner) { // ownership moves: one owner per conversation
                m_conversations->setRole(access.conversation.id, who.userId, Role::Admin);
                events.append(m_log.append(access.conversation.id, EventKind::RoleChanged, who.userId,
                                           memberPayload(who.userId, Role::Admin)));
            }
            return events;
        });
        return protocol::Ok{};
    } catch (const StoreError &e) {
        return storeFailure(e);
    }
}

Outcome<protocol::Ok> ConversationService::leave(const Identity &who, const protocol::ConversationLeave &request)
{
    try {
        const auto entry = enter(who, request.conversationId, {.notInDirect = QStringLiteral("a direct conversation cannot be left; archive it instead")});
        if (!entry.ok())
            return entry.failure();
        const Access &access = entry.value();
        const auto write = [&] {
            QList<StoredEvent> events;
            m_conversations->deactivateMember(access.conversation.id, who.userId);
            events.append(m_log.append(access.conversation.id, EventKind::MemberLeft, who.userId,
                                       memberPayload(who.userId, access.me.role)));
            if (access.me.role == Role::Owner) {
                // The conversation keeps an owner: the longest-standing admin, else the longest-standing member.
                QList<Member> rest = m_conversations->members(access.conversation.id);
                std::stable_sort(rest.begin(), rest.end(), [](const Member &a, const Member &b) {
                    return (a.role == Role::Admin) > (b.role == Role::Admin);
                });
                if (!rest.isEmpty()) {
                    m_conversations->setRole(access.conversation.id, rest.first().userId, Role::Owner);
                    events.append(m_log.append(access.conversation.id, EventKind::RoleChanged, QString(),
                                               memberPayload(rest.first().userId, Role::Owner)));
                }
            }
            return events;
        };
        commitAndPublish(m_db, m_log, access.conversation.id, write, {who.userId});
        return protocol::Ok{};
    } catch (const StoreError &e) {
        return storeFailure(e);
    }
}

Outcome<protocol::Ok> ConversationService::archive(const Identity &who, const protocol::ConversationArchive &request)
{
    try {
        const auto entry = enter(who, request.conversationId, {.atLeast = Role::Admin, .roleRefusal = QStringLiteral("only owners and admins archive a group")});
        if (!entry.ok())
            return entry.failure();
        const Access &access = entry.value();
        if (access.conversation.archived == request.archived)
            return protocol::Ok{};
        commitAndPublish(m_db, m_log, access.conversation.id, [&] {
            m_conversations->setArchived(access.conversation.id, request.archived);
            return m_log.append(access.conversation.id, EventKind::Archived, who.userId,
                                {{QStringLiteral("archived"), request.archived}});
        });
        return protocol::Ok{};
    } catch (const StoreError &e) {
        return storeFailure(e);
    }
}

Outcome<protocol::Ok> ConversationService::update(const Identity &who, const protocol::ConversationUpdate &request)
{
    try {
        const auto entry = enter(who, request.conversationId, {.notInDirect = QStringLiteral("a direct conversation has no title or description of its own"),
                                  .atLeast = Role::Admin,
                                  .roleRefusal = QStringLiteral("only owners and admins rename or describe a group")});
        if (!entry.ok())
            return entry.failure();
        const Access &access = entry.value();
        const QString &id = access.conversation.id;
        const bool rename = request.title && request.title->trimmed() != access.conversation.title;
        const bool describe = request.description && *request.description != access.conversation.description;
        commitAndPublish(m_db, m_log, id, [&] {
            QList<StoredEvent> events;
            if (rename) {
                const QString title = request.title->trimmed();
                m_conversations->setTitle(id, title);
                events.append(m_log.append(id, EventKind::Renamed, who.userId, {{QStringLiteral("title"), title}}));
            }
            if (describe) {
                m_conversations->setDescription(id, *request.description);
                events.append(m_log.append(id, EventKind::Described, who.userId,
                                           {{QStringLiteral("description"), *request.description}}));
            }
            return events;
        });
        return protocol::Ok{};
    } catch (const StoreError &e) {
        return storeFailure(e);
    }
}

Outcome<protocol::Ok> ConversationService::mute(const Identity &who, const protocol::ConversationMute &request)
{
    // The mute of older clients is the level "nothing"; unmuting notifies of everything again.
    return notify(who, protocol::ConversationNotify{request.conversationId,
                                                    request.muted ? protocol::NotifyLevel::Nothing : protocol::NotifyLevel::All});
}

Outcome<protocol::Ok> ConversationService::notify(const Identity &who, const protocol::ConversationNotify &request)
{
    try {
        const auto entry = enter(who, request.conversationId, {});
        if (!entry.ok())
            return entry.failure();
        const Access &access = entry.value();
        if (access.me.notify != request.level)
            m_conversations->setNotifyLevel(access.conversation.id, who.userId, request.level);
        // Every session of mine learns it, also when nothing changed: a device that missed it catches
        // up. Both frames, so that a client that knows only conversation.muted follows too.
        const QString &id = access.conversation.id;
        m_fanout.toUsers({who.userId}, protocol::encodeFrame(protocol::NotifyUpdate{id, request.level}));
        m_fanout.toUsers({who.userId},
                         protocol::encodeFrame(protocol::MuteUpdate{id, request.level == protocol::NotifyLevel::Nothing}));
        return protocol::Ok{};
    } catch (const StoreError &e) {
        return storeFailure(e);
    }
}

} // namespace confab::server

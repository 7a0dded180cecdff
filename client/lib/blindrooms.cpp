#include "blindrooms.h"

#include "blindnames.h"

#include <QFileInfo>
#include <QHash>
#include <QUrl>

namespace confab::client {

using namespace confab::protocol;

BlindRooms::BlindRooms(Connection &connection, ConversationState &state, QObject *parent)
    : QObject(parent), m_connection(connection), m_state(state)
{
}

void BlindRooms::offerReveal(const QString &conversationId, const QString &memberId, bool offer)
{
    ConversationReveal request{conversationId, memberId.isEmpty() ? std::nullopt : std::optional(memberId), offer};
    // Refusals are told to the user; success shows in the events that follow.
    m_connection.request(request, [this](const Reply<Ok> &reply) {
        if (!reply)
            emit failed(reply.error().message);
    });
}

void BlindRooms::setRevealsAllowed(const QString &conversationId, bool allowed)
{
    m_connection.request(ConversationReveals{conversationId, allowed}, [this](const Reply<Ok> &reply) {
        if (!reply)
            emit failed(reply.error().message);
    });
}

void BlindRooms::reportMember(const QString &conversationId, const QString &memberId, const QString &reason)
{
    const QString why = reason.trimmed().left(field::kReportReasonMaxChars);
    if (why.isEmpty())
        return;
    m_connection.request(MembersReport{conversationId, memberId, why},
                         [this, conversationId, memberId](const Reply<Ok> &reply) {
                             if (reply)
                                 emit memberReported(conversationId, memberId);
                             else
                                 emit failed(reply.error().message);
                         });
}

void BlindRooms::createRoom(const QVariantMap &setup,
                            std::function<void(const Reply<ConversationDetail> &)> done)
{
    // Who goes where, by username as typed (without "@", lower case).
    QList<QString> names;
    QHash<QString, QString> groups;
    for (const QVariant &entry : setup.value(QStringLiteral("members")).toList()) {
        const QVariantMap m = entry.toMap();
        const QString name = m.value(QStringLiteral("username")).toString().trimmed().remove(u'@').toLower();
        if (name.isEmpty() || names.contains(name))
            continue;
        names.append(name);
        groups.insert(name, m.value(QStringLiteral("group")).toString());
    }
    ConversationCreate create{ConversationKind::Blind, setup.value(QStringLiteral("title")).toString().trimmed(), {}};
    const QString description = setup.value(QStringLiteral("description")).toString().trimmed();
    if (!description.isEmpty())
        create.description = description;
    BlindSetup blind;
    blind.reveal = enumFromName<RevealPolicy>(setup.value(QStringLiteral("reveal")).toString()).value_or(RevealPolicy::Mutual);
    if (blind.reveal == RevealPolicy::Scheduled)
        blind.revealAt = setup.value(QStringLiteral("revealAt")).toLongLong();
    blind.membersInvite = setup.value(QStringLiteral("membersInvite")).toBool();
    const QString myGroup = setup.value(QStringLiteral("myGroup")).toString();
    const QString me = m_state.myUserId();
    if (!myGroup.isEmpty() && !me.isEmpty())
        blind.groups.append({me, myGroup});
    create.blind = blind;

    const auto send = [this, done](const ConversationCreate &request) {
        m_connection.request(request, [done](const Reply<ConversationDetail> &reply) { done(reply); });
    };
    if (names.isEmpty())
        return send(create);
    m_connection.request(UserLookup{names}, [this, names, groups, create, send](const Reply<Users> &users) mutable {
        if (!users) {
            emit failedToCreate(users.error().message);
            return;
        }
        QStringList missing = names;
        for (const MemberInfo &u : users->users) {
            const QString name = u.username.value_or(QString());
            missing.removeAll(name);
            create.members.append(u.id);
            if (const QString group = groups.value(name); !group.isEmpty())
                create.blind->groups.append({u.id, group});
        }
        if (!missing.isEmpty()) {
            emit failedToCreate(tr("No user named %1").arg(missing.join(QStringLiteral(", "))));
            return;
        }
        send(create);
    });
}

bool BlindRooms::revealsAllowed(const QString &conversationId) const
{
    const auto c = m_state.conversation(conversationId);
    return c && c->kind == ConversationKind::Blind && c->reveals.value_or(true);
}

bool BlindRooms::revealOffered(const QString &conversationId) const
{
    const auto c = m_state.conversation(conversationId);
    if (!c || !c->me)
        return false;
    return std::any_of(c->revealOffers.begin(), c->revealOffers.end(),
                       [&](const RevealOffer &o) { return o.from == c->me->id && !o.to; });
}

QVariantMap BlindRooms::revealPreview(const QString &conversationId, const QString &memberId) const
{
    const auto c = m_state.conversation(conversationId);
    if (!c || c->kind != ConversationKind::Blind || !c->me)
        return {};
    QVariantMap preview{{QStringLiteral("toRoom"), memberId.isEmpty()},
                        {QStringLiteral("memberId"), memberId},
                        {QStringLiteral("alias"), blind::aliasName(*c->me, m_language)},
                        {QStringLiteral("displayName"), m_displayName},
                        {QStringLiteral("username"), m_username},
                        {QStringLiteral("others"), std::max<qint64>(0, c->memberCount - 1)}};
    const QString me = c->me->id;
    preview.insert(QStringLiteral("offered"), std::any_of(c->revealOffers.begin(), c->revealOffers.end(), [&](const RevealOffer &o) {
                       return o.from == me && o.to.value_or(QString()) == memberId;
                   }));
    if (!memberId.isEmpty()) {
        for (const MemberInfo &m : blind::forDisplay(m_state.members(conversationId), m_language)) {
            if (m.id == memberId)
                preview.insert(QStringLiteral("target"), m.name);
        }
        // They already offered to me or to the room: my offer reveals us to each other at once.
        preview.insert(QStringLiteral("theyOffered"), std::any_of(c->revealOffers.begin(), c->revealOffers.end(),
                                                                  [&](const RevealOffer &o) {
                                                                      return o.from == memberId && (!o.to || *o.to == me);
                                                                  }));
    }
    return preview;
}

QStringList BlindRooms::identifyingFileNames(const QString &conversationId, const QStringList &files) const
{
    const auto c = m_state.conversation(conversationId);
    if (!c || c->kind != ConversationKind::Blind)
        return {};
    QStringList names;
    for (const QString &file : files) {
        const QUrl url(file);
        const QString path = url.isLocalFile() ? url.toLocalFile() : file;
        const QString name = QFileInfo(path).fileName();
        if (blind::fileNameNamesUser(name, m_username, m_displayName) && !names.contains(name))
            names.append(name);
    }
    return names;
}

} // namespace confab::client

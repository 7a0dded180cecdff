#include "systemlines.h"

#include "blindnames.h"

#include <QDateTime>

namespace confab::client {

using namespace confab::protocol;

namespace {
//! Kinds whose events join into one line when they follow each other.
bool groupable(EventKind kind)
{
    return kind == EventKind::MemberAdded || kind == EventKind::MemberRemoved || kind == EventKind::MemberLeft
           || kind == EventKind::RoleChanged || kind == EventKind::Pinned || kind == EventKind::Unpinned;
}

QDate dayOf(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).date();
}
} // namespace

bool SystemLines::shown(const Event &e, ConversationKind kind)
{
    if (e.kind == EventKind::Pinned || e.kind == EventKind::Unpinned)
        return true; // in every kind of conversation: the pinned bar changed
    if (kind == ConversationKind::Direct)
        return false; // two people from the start: nothing happens to its membership
    switch (e.kind) {
    case EventKind::Created:
    case EventKind::MemberRemoved:
    case EventKind::MemberLeft:
    case EventKind::RoleChanged:
    case EventKind::Renamed:
    case EventKind::Described:
    case EventKind::RevealsAllowed:
    case EventKind::PinRightsChanged:
        return true;
    case EventKind::MemberAdded:
        // The creator joining their own conversation is part of "created".
        return !(e.actorId && e.member && *e.actorId == e.member->id);
    case EventKind::RevealOffered:
    case EventKind::RevealWithdrawn:
    case EventKind::Revealed:
        // Between two other members the server leaves out who: nothing to say then.
        return e.actorId.has_value();
    default:
        return false;
    }
}

bool SystemLines::joins(const Event &previous, const Event &next)
{
    // Leaving is each one's own doing: who left together makes one line whoever they are.
    const bool sameActor = next.kind == EventKind::MemberLeft || previous.actorId == next.actorId;
    if (previous.kind != next.kind || !groupable(next.kind) || !sameActor || dayOf(previous.at) != dayOf(next.at))
        return false;
    if (next.kind == EventKind::RoleChanged)
        return previous.member && next.member && previous.member->role == next.member->role;
    return true;
}

QString SystemLines::nameList(const QStringList &names)
{
    switch (names.size()) {
    case 0:
        return {};
    case 1:
        return names[0];
    case 2:
        return tr("%1 and %2").arg(names[0], names[1]);
    case 3:
        return tr("%1, %2 and %3").arg(names[0], names[1], names[2]);
    default:
        return tr("%1, %2 and %n others", nullptr, int(names.size() - 2)).arg(names[0], names[1]);
    }
}

QString SystemLines::text(const QList<Event> &run, ConversationKind kind, const NameOf &nameOf, const QString &language)
{
    if (run.isEmpty())
        return {};
    const Event &e = run.first();
    const auto nameOfId = [&nameOf](const std::optional<QString> &id) {
        const QString name = id && nameOf ? nameOf(*id) : QString();
        return name.isEmpty() ? tr("Someone") : name;
    };
    // Who the events are about, each once, in order; the name the event carries (an alias in
    // blind rooms, never the revealed name), else the one known now.
    QStringList members;
    for (const Event &each : run) {
        if (!each.member)
            continue;
        QString name = blind::aliasName(*each.member, language);
        if (name.isEmpty())
            name = nameOfId(each.member->id);
        if (!members.contains(name))
            members.append(name);
    }
    const QString who = nameList(members.isEmpty() ? QStringList{tr("someone")} : members);
    const QString actor = nameOfId(e.actorId);
    const bool blindRoom = kind == ConversationKind::Blind;
    switch (e.kind) {
    case EventKind::Created:
        return blindRoom ? tr("%1 created the room").arg(actor) : tr("%1 created the group").arg(actor);
    case EventKind::MemberAdded:
        return e.actorId ? tr("%1 added %2").arg(actor, who) : tr("%1 joined").arg(who);
    case EventKind::MemberRemoved:
        return tr("%1 removed %2").arg(actor, who);
    case EventKind::MemberLeft:
        return tr("%1 left").arg(who);
    case EventKind::RoleChanged:
        switch (e.member ? e.member->role : Role::Member) {
        case Role::Owner:
            return tr("%1 made %2 owner").arg(actor, who);
        case Role::Admin:
            return tr("%1 made %2 admin").arg(actor, who);
        case Role::Member:
            break;
        }
        return tr("%1 made %2 a member").arg(actor, who);
    case EventKind::Renamed:
        return tr("%1 renamed the conversation to “%2”").arg(actor, e.title.value_or(QString()));
    case EventKind::Described:
        return e.description.value_or(QString()).isEmpty() ? tr("%1 removed the description").arg(actor)
                                                           : tr("%1 changed the description").arg(actor);
    case EventKind::RevealOffered:
        return e.targetId ? tr("%1 offered to reveal their name to %2").arg(actor, nameOfId(e.targetId))
                          : tr("%1 offered to reveal their name to everyone").arg(actor);
    case EventKind::RevealWithdrawn:
        return tr("%1 withdrew an offer to reveal their name").arg(actor);
    case EventKind::Revealed:
        return tr("%1 and %2 revealed their names to each other").arg(actor, nameOfId(e.targetId));
    case EventKind::RevealsAllowed:
        return e.allowed.value_or(false) ? tr("%1 allowed members to reveal their names").arg(actor)
                                         : tr("%1 turned reveals off").arg(actor);
    case EventKind::Pinned:
        return run.size() == 1 ? tr("%1 pinned a message").arg(actor)
                               : tr("%1 pinned %n messages", nullptr, int(run.size())).arg(actor);
    case EventKind::Unpinned:
        return run.size() == 1 ? tr("%1 unpinned a message").arg(actor)
                               : tr("%1 unpinned %n messages", nullptr, int(run.size())).arg(actor);
    case EventKind::PinRightsChanged:
        return e.allowed.value_or(false) ? tr("%1 let every member pin messages").arg(actor)
                                         : tr("%1 let only owners and admins pin messages").arg(actor);
    default:
        return {};
    }
}

} // namespace confab::client

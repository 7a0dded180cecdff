#include "matching.h"

#include "connection.h"

#include <QHash>

namespace confab::client {

using namespace confab::protocol;

namespace {

QStringList usernamesOf(const QVariant &list)
{
    QStringList names;
    for (const QVariant &v : list.toList()) {
        const QString name = v.toString().trimmed().remove(u'@').toLower();
        if (!name.isEmpty())
            names.append(name); // twice stays twice: the server says where
    }
    return names;
}

} // namespace

Matching::Matching(Connection &connection, QObject *parent) : QObject(parent), m_connection(connection) {}

void Matching::setBusy(bool busy)
{
    if (m_busy == busy)
        return;
    m_busy = busy;
    emit busyChanged();
}

QVariantMap MatchPreview::of(int people, int poolA, int poolB, int roomSize)
{
    const bool split = poolA > 0 || poolB > 0;
    const int total = split ? poolA + poolB : people;
    const QList<int> sizes = matchRoomSizes(total, roomSize);
    QVariantList list;
    for (int size : sizes)
        list.append(size);
    QString problem;
    if (roomSize < 2)
        problem = QStringLiteral("size");
    else if (sizes.isEmpty())
        problem = QStringLiteral("small");
    else if (split && poolA < sizes.size())
        problem = QStringLiteral("shortA");
    else if (split && poolB < sizes.size())
        problem = QStringLiteral("shortB");
    return {{QStringLiteral("rooms"), int(sizes.size())},
            {QStringLiteral("sizes"), list},
            {QStringLiteral("smallest"), sizes.isEmpty() ? 0 : sizes.last()},
            {QStringLiteral("largest"), sizes.isEmpty() ? 0 : sizes.first()},
            {QStringLiteral("problem"), problem}};
}

void Matching::create(const QVariantMap &setup)
{
    create(setup, [this](const Reply<Matched> &reply) {
        if (reply)
            emit matched(int(reply->rooms.size()), int(reply->round), int(reply->repeatedPairs));
    });
}

void Matching::create(const QVariantMap &setup, std::function<void(const Reply<Matched> &)> done)
{
    const QStringList members = usernamesOf(setup.value(QStringLiteral("members")));
    const QStringList poolA = usernamesOf(setup.value(QStringLiteral("poolA")));
    const QStringList poolB = usernamesOf(setup.value(QStringLiteral("poolB")));
    MatchCreate match;
    match.title = setup.value(QStringLiteral("title")).toString().trimmed();
    const QString description = setup.value(QStringLiteral("description")).toString().trimmed();
    if (!description.isEmpty())
        match.description = description;
    match.roomSize = setup.value(QStringLiteral("roomSize")).toInt();
    const QString series = setup.value(QStringLiteral("series")).toString().trimmed();
    if (!series.isEmpty())
        match.series = series;
    match.reveal = enumFromName<RevealPolicy>(setup.value(QStringLiteral("reveal")).toString()).value_or(RevealPolicy::Mutual);
    if (match.reveal == RevealPolicy::Scheduled)
        match.revealAt = setup.value(QStringLiteral("revealAt")).toLongLong();
    match.membersInvite = setup.value(QStringLiteral("membersInvite")).toBool();

    // Paths of the request ("pool_a[2]") → the username typed there, for the refusals.
    QHash<QString, QString> paths;
    const auto note = [&paths](const QStringList &names, const QString &list) {
        for (qsizetype i = 0; i < names.size(); ++i)
            paths.insert(QStringLiteral("%1[%2]").arg(list).arg(i), names[i]);
    };
    note(members, QStringLiteral("members"));
    note(poolA, QStringLiteral("pool_a"));
    note(poolB, QStringLiteral("pool_b"));

    QStringList lookup = members + poolA + poolB;
    lookup.removeDuplicates();
    const auto fail = [this, done](const Error &error, const QHash<QString, QString> &where) {
        setBusy(false);
        emit failed(explain(error, where));
        done(Reply<Matched>(error));
    };
    if (lookup.isEmpty())
        return fail(Error{ErrorCode::Invalid, QString(), QStringLiteral("members"), std::nullopt}, paths);
    if (lookup.size() > field::kMaxMembersPerRequest)
        return fail(Error{ErrorCode::TooLarge, QString(), QStringLiteral("members"), std::nullopt}, paths);
    setBusy(true);
    m_connection.request(UserLookup{lookup}, [=, this](const Reply<Users> &users) mutable {
        if (!users)
            return fail(users.error(), paths);
        QHash<QString, QString> idOf;
        for (const MemberInfo &u : users->users)
            idOf.insert(u.username.value_or(QString()), u.id);
        for (const QString &name : std::as_const(lookup)) {
            if (!idOf.contains(name)) {
                const QString path = paths.key(name);
                return fail(Error{ErrorCode::NotFound, QString(), path, std::nullopt}, paths);
            }
        }
        for (const QString &name : members)
            match.members.append(idOf.value(name));
        for (const QString &name : poolA)
            match.poolA.append(idOf.value(name));
        for (const QString &name : poolB)
            match.poolB.append(idOf.value(name));
        m_connection.request(match, [=, this](const Reply<Matched> &reply) {
            if (!reply)
                return fail(reply.error(), paths);
            setBusy(false);
            done(reply);
        });
    });
}

QString Matching::explain(const Error &error, const QHash<QString, QString> &usernames) const
{
    const QString field = error.field.value_or(QString());
    const QString who = usernames.value(field);
    switch (error.code) {
    case ErrorCode::NotFound:
        return who.isEmpty() ? tr("Someone in the pool has no account here.") : tr("No user named %1").arg(who);
    case ErrorCode::Conflict:
        if (!who.isEmpty())
            return tr("No arrangement keeps @%1 (and maybe others) out of a room with someone they blocked or who "
                      "blocked them. Take them out of the pool, or make rooms of another size.")
                .arg(who);
        break;
    case ErrorCode::Invalid:
        if (field == QLatin1StringView("room_size"))
            return tr("There are fewer people than one room holds.");
        if (field == QLatin1StringView("pool_a"))
            return tr("Group A needs at least one person for every room.");
        if (field == QLatin1StringView("pool_b"))
            return tr("Group B needs at least one person for every room.");
        if (field == QLatin1StringView("members"))
            return tr("Add the people to match first.");
        if (field == QLatin1StringView("reveal_at"))
            return tr("The time of the reveal must be in the future, and at most a year ahead.");
        if (field == QLatin1StringView("title"))
            return tr("The title is too long for numbered rooms.");
        if (!who.isEmpty())
            return tr("@%1 is in the pool twice.").arg(who);
        break;
    case ErrorCode::TooLarge:
        return tr("At most %1 people can be matched at once.").arg(field::kMaxMembersPerRequest);
    default:
        break;
    }
    return error.message.isEmpty() ? tr("The rooms could not be made.") : error.message;
}

} // namespace confab::client

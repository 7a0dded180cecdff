#include "matchservice.h"

#include "domain/clock.h"
#include "domain/ids.h"
#include "domain/matching.h"
#include "services/blindsetup.h"
#include "services/conversationlog.h"
#include "services/conversationservice.h"
#include "services/fanout.h"
#include "services/steps.h"
#include "storage/accountstore.h"
#include "storage/database.h"
#include "storage/matchstore.h"

#include <QHash>
#include <QRandomGenerator>

namespace confab::server {

using protocol::ErrorCode;

namespace {

//! Where a person was given in the request, as a JSON path ("pool_b[2]"), for errors about them.
class Places {
public:
    explicit Places(const protocol::MatchCreate &request)
    {
        add(request.members, QStringLiteral("members"));
        add(request.poolA, QStringLiteral("pool_a"));
        add(request.poolB, QStringLiteral("pool_b"));
    }
    QString of(const QString &userId) const { return m_paths.value(userId); }
    //! The path of someone given twice, or empty.
    QString twice() const { return m_twice; }

private:
    void add(const QList<QString> &ids, const QString &name)
    {
        for (qsizetype i = 0; i < ids.size(); ++i) {
            const QString path = QStringLiteral("%1[%2]").arg(name).arg(i);
            if (m_paths.contains(ids[i]) && m_twice.isEmpty())
                m_twice = path;
            m_paths.insert(ids[i], path);
        }
    }
    QHash<QString, QString> m_paths;
    QString m_twice;
};

//! The room's title: `{n}` becomes its number; without it, several rooms are told apart by " 2".
QString titleOf(const QString &pattern, int number, int rooms)
{
    const QString n = QString::number(number);
    if (pattern.contains(QLatin1StringView("{n}")))
        return QString(pattern).replace(QLatin1StringView("{n}"), n);
    return rooms > 1 ? pattern + u' ' + n : pattern;
}

std::optional<Failure> refusal(const matching::Refusal &refusal, const protocol::MatchCreate &request,
                               const Places &places, int people)
{
    using Kind = matching::Refusal::Kind;
    switch (refusal.kind) {
    case Kind::TooSmall:
        return invalid(QStringLiteral("%1 people cannot fill a room of %2").arg(people).arg(request.roomSize),
                       QStringLiteral("room_size"));
    case Kind::ShortPool: {
        const bool a = refusal.pool == QLatin1StringView("a");
        const int rooms = int(protocol::matchRoomSizes(people, int(request.roomSize)).size());
        return invalid(QStringLiteral("%1 rooms need at least %1 people in group %2").arg(rooms).arg(QChar(a ? u'A' : u'B')),
                       a ? QStringLiteral("pool_a") : QStringLiteral("pool_b"));
    }
    case Kind::Blocked:
        // Who cannot be placed, never who blocked whom: that stays between the two.
        return Failure{ErrorCode::Conflict,
                       QStringLiteral("no arrangement keeps these people apart from someone they are kept from "
                                      "(a block): %1")
                           .arg(refusal.people.join(QStringLiteral(", "))),
                       {},
                       refusal.people.isEmpty() ? std::nullopt : std::optional(places.of(refusal.people.first()))};
    }
    return std::nullopt;
}

} // namespace

MatchService::MatchService(Database &db, ConversationLog &log, Fanout &fanout, ConversationService &conversations)
    : m_db(db)
    , m_log(log)
    , m_fanout(fanout)
    , m_conversations(conversations)
    , m_accounts(std::make_unique<AccountStore>(db))
    , m_store(std::make_unique<MatchStore>(db))
{
}

MatchService::~MatchService() = default;

Outcome<protocol::Matched> MatchService::match(const Identity &who, const protocol::MatchCreate &request)
{
    try {
        const Places places(request);
        if (!places.twice().isEmpty())
            return invalid(QStringLiteral("someone is in the pool twice"), places.twice());
        const QList<QString> everyone = request.members + request.poolA + request.poolB;
        const QList<User> users = m_accounts->usersByIds(everyone);
        QHash<QString, User> byId;
        for (const User &u : users) {
            if (!u.disabled)
                byId.insert(u.id, u);
        }
        for (const QString &id : everyone) {
            if (!byId.contains(id))
                return Failure{ErrorCode::NotFound, QStringLiteral("user %1 not found").arg(id), {}, places.of(id)};
        }
        const auto me = m_accounts->userById(who.userId);
        if (!me)
            return Failure{ErrorCode::Unauthorized, QStringLiteral("the account is gone"), {}, {}};

        // Each room is a blind room made as conversation.create makes one: the same checks.
        protocol::ConversationCreate shape{protocol::ConversationKind::Blind, request.title, {}};
        shape.description = request.description;
        shape.blind = protocol::BlindSetup{{}, request.reveal, request.revealAt, request.membersInvite};
        if (auto wrong = blindsetup::check(shape, who.userId, {}, nowMs())) {
            wrong->field = QStringLiteral("reveal_at");
            return *wrong;
        }
        const int people = int(everyone.size());
        const int rooms = int(protocol::matchRoomSizes(people, int(request.roomSize)).size());
        for (int n = 1; n <= rooms; ++n) {
            if (titleOf(request.title.trimmed(), n, rooms).size() > protocol::field::kTitleMaxChars)
                return invalid(QStringLiteral("the rooms' titles would be too long"), QStringLiteral("title"));
        }

        const QString series = request.series.value_or(QString()).trimmed();
        matching::Input input;
        input.poolA = request.poolA;
        input.poolB = request.poolB;
        input.unsplit = request.members;
        input.roomSize = int(request.roomSize);
        input.blocked = m_store->blockedPairs(everyone);
        input.met = m_store->metPairs(who.userId, series);
        input.seed = QRandomGenerator::system()->generate64();
        const auto planned = matching::plan(input);
        if (const auto *refused = std::get_if<matching::Refusal>(&planned))
            return *refusal(*refused, request, places, people);
        const matching::Plan &plan = std::get<matching::Plan>(planned);

        const qint64 now = nowMs();
        QList<ConversationService::NewConversation> made;
        QList<QList<QString>> memberIds;
        {
            Transaction tx(m_db);
            MatchRound round;
            round.id = ids::make('r');
            round.ownerId = who.userId;
            round.series = series;
            round.round = m_store->rounds(who.userId, series) + 1;
            round.createdAt = now;
            for (qsizetype i = 0; i < plan.rooms.size(); ++i) {
                const matching::Room &room = plan.rooms[i];
                protocol::ConversationCreate create = shape;
                create.title = titleOf(request.title.trimmed(), int(i + 1), int(plan.rooms.size()));
                QList<User> others;
                QList<QString> ids{who.userId};
                for (const auto &[group, list] : {std::pair{QStringLiteral("A"), room.a}, std::pair{QStringLiteral("B"), room.b}}) {
                    for (const QString &id : list) {
                        create.blind->groups.append({id, group});
                        if (id == who.userId)
                            continue; // the owner is in the pool: their group in this room, no second seat
                        create.members.append(id);
                        others.append(byId.value(id));
                        ids.append(id);
                    }
                }
                made.append(m_conversations.writeNew(*me, others, create, {}, now));
                memberIds.append(ids);
                for (const QString &pair : matching::pairsOf(room)) {
                    const QStringList two = pair.split(u'\n');
                    round.pairs.append({two[0], two[1], made.last().conversation.id});
                }
            }
            m_store->addRound(round);
            tx.commit();
            protocol::Matched reply;
            reply.series = series;
            reply.round = round.round;
            reply.repeatedPairs = plan.repeatedPairs;
            // Delivered only now: nobody hears of a room that could still roll back.
            for (qsizetype i = 0; i < made.size(); ++i) {
                const QString &id = made[i].conversation.id;
                m_log.publish(id, made[i].events);
                for (const QString &userId : std::as_const(memberIds[i])) {
                    if (const auto detail = m_conversations.detailFor(userId, id))
                        m_fanout.toUsers({userId}, protocol::encodeFrame(*detail));
                }
                if (const auto mine = m_conversations.detailFor(who.userId, id))
                    reply.rooms.append(mine->conversation);
            }
            return reply;
        }
    } catch (const StoreError &e) {
        return storeFailure(e);
    }
}

} // namespace confab::server

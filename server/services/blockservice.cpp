#include "blockservice.h"

#include "core/logging.h"
#include "domain/clock.h"
#include "services/accountservice.h"
#include "services/fanout.h"
#include "services/steps.h"
#include "storage/database.h"
#include "storage/peoplestore.h"

namespace confab::server {

using protocol::ErrorCode;

BlockService::BlockService(Database &db, Fanout &fanout)
    : m_db(db), m_fanout(fanout), m_people(std::make_unique<PeopleStore>(db))
{
}

BlockService::~BlockService() = default;

Outcome<protocol::Ok> BlockService::setBlocked(const Identity &identity, const protocol::AccountBlock &request)
{
    if (request.userId == identity.userId)
        return invalid(QStringLiteral("you cannot block yourself"), QStringLiteral("user_id"));
    QList<Profile> list;
    bool changed = false;
    try {
        Transaction tx(m_db);
        // An alias id of a blind room is no user id: it ends here like any unknown id.
        if (!m_people->profile(request.userId))
            return Failure{ErrorCode::NotFound, QStringLiteral("user not found"), {}, QStringLiteral("user_id")};
        if (request.blocked && m_people->blockedCount(identity.userId) >= protocol::field::kMaxBlocks &&
            !m_people->isBlocked(identity.userId, request.userId))
            return Failure{ErrorCode::Conflict,
                           QStringLiteral("you block %1 people already; unblock someone first").arg(protocol::field::kMaxBlocks),
                           {}, {}};
        changed = m_people->setBlocked(identity.userId, request.userId, request.blocked, nowMs());
        if (changed)
            list = m_people->blockedBy(identity.userId);
        tx.commit();
    } catch (const StoreError &e) {
        return storeFailure(e);
    }
    if (changed) {
        qCInfo(lcAuth).noquote() << "block list changed, user" << identity.userId << "now blocks" << list.size();
        protocol::Blocks blocks;
        for (const Profile &p : std::as_const(list))
            blocks.users.append(AccountService::profileInfo(p));
        // Only to me: the person blocked is told nothing.
        m_fanout.toUsers({identity.userId}, protocol::encodeFrame(blocks));
    }
    return protocol::Ok{};
}

Outcome<protocol::Blocks> BlockService::list(const Identity &identity)
{
    try {
        protocol::Blocks blocks;
        for (const Profile &p : m_people->blockedBy(identity.userId))
            blocks.users.append(AccountService::profileInfo(p));
        return blocks;
    } catch (const StoreError &e) {
        return storeFailure(e);
    }
}

} // namespace confab::server

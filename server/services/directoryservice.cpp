#include "directoryservice.h"

#include "core/config.h"
#include "services/accountservice.h"
#include "services/steps.h"
#include "storage/peoplestore.h"

#include <algorithm>

namespace confab::server {

namespace {
double burstOf(qint64 perMinute)
{
    return double(std::max<qint64>(5, perMinute / 4));
}
} // namespace

DirectoryService::DirectoryService(Database &db, const ServerConfig &config)
    : m_config(config)
    , m_people(std::make_unique<PeopleStore>(db))
    , m_limiter(burstOf(config.directorySearchesPerMinute), double(config.directorySearchesPerMinute) / 60.0)
{
}

DirectoryService::~DirectoryService() = default;

Outcome<protocol::Directory> DirectoryService::search(const Identity &who, const protocol::UserSearch &request)
{
    if (const qint64 wait = m_limiter.take(who.userId))
        return Failure{protocol::ErrorCode::RateLimited, QStringLiteral("too many searches; wait a moment"), wait, {}};
    const QString prefix = request.prefix.trimmed().toLower();
    if (prefix.isEmpty())
        return invalid(QStringLiteral("must not be blank"), QStringLiteral("prefix"));
    PeopleStore::Search search;
    search.prefix = prefix;
    search.viewerId = who.userId;
    search.contactsOnly = m_config.directoryVisibility == ServerConfig::DirectoryVisibility::Contacts;
    search.afterUsername = request.after.value_or(QString());
    search.limit = int(request.limit) + 1; // one more tells whether another page follows
    try {
        QList<Profile> found = m_people->search(search);
        protocol::Directory page;
        if (found.size() > request.limit) {
            found.resize(request.limit);
            page.next = found.last().username;
        }
        for (const Profile &p : std::as_const(found))
            page.users.append(AccountService::profileInfo(p));
        return page;
    } catch (const StoreError &e) {
        return storeFailure(e);
    }
}

} // namespace confab::server

#pragma once

#include "protocol/frames.h"
#include "services/authservice.h"
#include "services/outcome.h"

#include <QObject>
#include <QThreadPool>

#include <functional>
#include <memory>

namespace confab::server {

class AvatarStore;
class Database;
class Fanout;
class PeopleStore;
namespace avatars {
struct Made;
}

/*!
 * The avatar a user shows the people they share a conversation that is not blind with: made from an
 * upload on a worker thread (domain/avatars.h), stored by hash (storage/avatarstore.h), told as
 * `user.updated` like the rest of the profile, and served to whoever may see it. Blind rooms never:
 * the presenter leaves it out there, and a fetch is allowed only through a conversation that is not blind.
 */
class AvatarService : public QObject {
    Q_OBJECT
public:
    using SetDone = std::function<void(Outcome<protocol::AvatarSet>)>;

    AvatarService(Database &db, Fanout &fanout, QObject *parent = nullptr);
    ~AvatarService() override;

    //! Makes and stores the pictures (or removes the avatar), then tells me and my contacts.
    //! `context` guards `done`.
    void set(const Identity &identity, const protocol::AccountAvatar &request, QObject *context, SetDone done);
    //! A picture of an avatar the caller may see: theirs or a contact's; NOT_FOUND otherwise.
    Outcome<protocol::AvatarData> fetch(const Identity &identity, const protocol::AvatarFetch &request);

private:
    //! Stores the made pictures (none: removes the avatar) as the user's and tells the people around them.
    Outcome<protocol::AvatarSet> store(const Identity &identity, const avatars::Made *made);

    Database &m_db;
    Fanout &m_fanout;
    std::unique_ptr<AvatarStore> m_avatars;
    std::unique_ptr<PeopleStore> m_people;
    QThreadPool m_pool; //!< picture work; waited for on destruction, so no result arrives at a dead service
};

} // namespace confab::server

#include "avatarservice.h"

#include "core/logging.h"
#include "domain/avatars.h"
#include "domain/clock.h"
#include "services/accountservice.h"
#include "services/fanout.h"
#include "services/steps.h"
#include "storage/avatarstore.h"
#include "storage/database.h"
#include "storage/peoplestore.h"

#include <QPointer>

namespace confab::server {

using protocol::ErrorCode;

namespace {
const QString kImage = QStringLiteral("image");
const QList<int> kSides = {protocol::field::kAvatarSmallSide, protocol::field::kAvatarLargeSide};
} // namespace

AvatarService::AvatarService(Database &db, Fanout &fanout, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_fanout(fanout)
    , m_avatars(std::make_unique<AvatarStore>(db))
    , m_people(std::make_unique<PeopleStore>(db))
{
    m_pool.setMaxThreadCount(1); // one picture at a time: avatars are rare, decoding one may be large
}

AvatarService::~AvatarService()
{
    m_pool.waitForDone();
}

void AvatarService::set(const Identity &identity, const protocol::AccountAvatar &request, QObject *context, SetDone done)
{
    if (!request.image)
        return done(store(identity, nullptr));
    const auto decoded = QByteArray::fromBase64Encoding(request.image->toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.isEmpty())
        return done(invalid(QStringLiteral("the image is not base64"), kImage));
    const QByteArray bytes = decoded.decoded;
    QPointer<QObject> caller(context);
    m_pool.start([this, identity, bytes, caller, done = std::move(done)] {
        avatars::Made made = avatars::make(bytes, kSides);
        // Back to the service's thread; the destructor waits for the pool, so `this` is alive here.
        QMetaObject::invokeMethod(
            this,
            [this, identity, made = std::move(made), caller, done] {
                if (!caller)
                    return;
                if (!made.ok)
                    return done(Failure{made.tooLarge ? ErrorCode::TooLarge : ErrorCode::Invalid, made.error, {}, kImage});
                done(store(identity, &made));
            },
            Qt::QueuedConnection);
    });
}

Outcome<protocol::AvatarSet> AvatarService::store(const Identity &identity, const avatars::Made *made)
{
    const QString hash = made ? made->hash : QString();
    std::optional<Profile> profile;
    QList<QString> audience;
    try {
        const qint64 now = nowMs();
        Transaction tx(m_db);
        if (made) {
            QList<AvatarPicture> pictures;
            for (const avatars::Picture &p : made->pictures)
                pictures.append(AvatarPicture{p.side, p.mime, p.bytes});
            m_avatars->put(hash, pictures, now);
        }
        const QString old = m_avatars->setUserAvatar(identity.userId, hash, now);
        if (old != hash)
            m_avatars->removeIfUnused(old);
        profile = m_people->profile(identity.userId);
        audience = m_people->contactIds(identity.userId);
        tx.commit();
    } catch (const StoreError &e) {
        return storeFailure(e);
    }
    if (!profile)
        return notFound(QStringLiteral("user"));
    if (!audience.contains(identity.userId))
        audience.append(identity.userId); // my other devices
    qCInfo(lcAuth).noquote() << "avatar" << (made ? "set" : "removed") << ", user" << identity.userId << "told to"
                             << audience.size() << "users";
    m_fanout.toUsers(audience, protocol::encodeFrame(protocol::UserUpdated{AccountService::profileInfo(*profile)}));
    protocol::AvatarSet reply;
    if (!hash.isEmpty())
        reply.avatar = hash;
    return reply;
}

Outcome<protocol::AvatarData> AvatarService::fetch(const Identity &identity, const protocol::AvatarFetch &request)
{
    try {
        const QString hash = request.avatar.toLower();
        // Unknown and not yours to see read the same: hashes are not to be probed.
        if (!m_avatars->visibleTo(hash, identity.userId))
            return notFound(QStringLiteral("avatar"));
        const auto picture = m_avatars->picture(hash, request.side);
        if (!picture)
            return notFound(QStringLiteral("avatar"));
        return protocol::AvatarData{hash, picture->side, picture->mime, QString::fromLatin1(picture->bytes.toBase64())};
    } catch (const StoreError &e) {
        return storeFailure(e);
    }
}

} // namespace confab::server

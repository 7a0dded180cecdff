#include "aliases.h"

#include "domain/ids.h"

#include <QMessageAuthenticationCode>

#include <array>

namespace confab::server::aliases {

namespace {
constexpr std::array kAdjectives{"Quiet",  "Brave",  "Clever", "Gentle", "Lucky",  "Merry",  "Swift",  "Calm",
                                 "Bright", "Bold",   "Kind",   "Witty",  "Sunny",  "Misty",  "Rosy",   "Amber",
                                 "Silver", "Golden", "Velvet", "Cosmic", "Nimble", "Jolly",  "Humble", "Curious",
                                 "Mellow", "Plucky", "Breezy", "Dapper", "Eager",  "Fuzzy",  "Hidden", "Patient"};
constexpr std::array kAnimals{"Otter", "Fox",     "Heron",  "Panda",  "Koala",  "Lynx",    "Badger",  "Finch",
                              "Owl",   "Seal",    "Hare",   "Wren",   "Robin",  "Moose",   "Bison",   "Crane",
                              "Gecko", "Marten",  "Ibex",   "Dove",   "Puffin", "Beaver",  "Falcon",  "Walrus",
                              "Lemur", "Raccoon", "Turtle", "Dolphin", "Sparrow", "Magpie", "Hedgehog", "Squirrel"};
} // namespace

QString aliasId(const QString &roomSecret, const QString &userId)
{
    const QByteArray mac = QMessageAuthenticationCode::hash(userId.toUtf8(), QByteArray::fromHex(roomSecret.toLatin1()),
                                                            QCryptographicHash::Sha256);
    return QStringLiteral("a_") +
           QString::fromLatin1(mac.left(15).toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QString newRoomSecret()
{
    return QString::fromLatin1(ids::randomBytes(32).toHex());
}

QString aliasName(const QString &aliasId, const QSet<QString> &taken)
{
    const QByteArray seed = QCryptographicHash::hash(aliasId.toUtf8(), QCryptographicHash::Sha256);
    const size_t start = (quint8(seed[0]) << 8 | quint8(seed[1])) % (kAdjectives.size() * kAnimals.size());
    for (size_t i = 0; i < kAdjectives.size() * kAnimals.size(); ++i) {
        const size_t n = (start + i * 33) % (kAdjectives.size() * kAnimals.size());
        const QString name = QString::fromLatin1(kAdjectives[n / kAnimals.size()]) + u' ' +
                             QString::fromLatin1(kAnimals[n % kAnimals.size()]);
        if (!taken.contains(name))
            return name;
    }
    // More than 1024 members: numbered names stay unique.
    return QStringLiteral("Member %1").arg(taken.size() + 1);
}

} // namespace confab::server::aliases

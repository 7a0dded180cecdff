#include "aliases.h"

#include "domain/ids.h"

#include <QMessageAuthenticationCode>
#include <QStringList>

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
// Index for index the same words in Korean (adjectives in their attributive form). All distinct,
// so the Korean forms of a room's aliases are as unique as the English ones.
constexpr std::array kAdjectivesKo{"조용한",   "용감한", "영리한", "다정한", "행운의", "명랑한", "날쌘",     "차분한",
                                   "밝은",     "대담한", "친절한", "재치있는", "화창한", "몽롱한", "장밋빛", "호박빛",
                                   "은빛",     "금빛",   "보드라운", "우주의", "민첩한", "유쾌한", "겸손한", "궁금한",
                                   "느긋한",   "씩씩한", "상쾌한", "말쑥한", "열정적인", "복슬복슬한", "숨은", "끈기있는"};
constexpr std::array kAnimalsKo{"수달", "여우",   "왜가리", "판다",   "코알라", "스라소니",   "오소리", "되새",
                                "부엉이", "물범",  "산토끼", "굴뚝새", "울새",   "큰사슴",     "들소",   "두루미",
                                "게코", "담비",   "산양",   "비둘기", "퍼핀",   "비버",       "매",     "바다코끼리",
                                "여우원숭이", "라쿤", "거북", "돌고래", "참새", "까치", "고슴도치", "다람쥐"};
static_assert(kAdjectivesKo.size() == kAdjectives.size() && kAnimalsKo.size() == kAnimals.size());

template <class List> int indexOf(const List &list, QStringView word)
{
    for (size_t i = 0; i < list.size(); ++i) {
        if (word == QLatin1StringView(list[i]))
            return int(i);
    }
    return -1;
}
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

QString aliasNameKo(const QString &aliasName)
{
    const QStringList words = aliasName.split(u' ');
    if (words.size() != 2)
        return {};
    if (words[0] == QLatin1StringView("Member"))
        return QStringLiteral("멤버 ") + words[1];
    const int adjective = indexOf(kAdjectives, words[0]);
    const int animal = indexOf(kAnimals, words[1]);
    if (adjective < 0 || animal < 0)
        return {};
    return QString::fromUtf8(kAdjectivesKo[size_t(adjective)]) + u' ' + QString::fromUtf8(kAnimalsKo[size_t(animal)]);
}

} // namespace confab::server::aliases

#include "mentions.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace confab::server::mentions {

namespace {
const QLatin1StringView kUser("user_id");
const QLatin1StringView kStart("start");
const QLatin1StringView kLength("length");
} // namespace

std::variant<QList<MentionRecord>, Refusal> resolve(const QString &body, const QList<protocol::Mention> &given,
                                                    const QHash<QString, QString> &userIdByMemberId,
                                                    const RoomRule &room)
{
    QList<MentionRecord> records;
    records.reserve(given.size());
    for (qsizetype i = 0; i < given.size(); ++i) {
        const protocol::Mention &m = given.at(i);
        const QString which = QStringLiteral("mentions[%1]").arg(i);
        // Offsets are UTF-16 code units, what QString and QML count in.
        if (m.start + m.length > body.size())
            return Refusal{protocol::ErrorCode::Invalid,
                           QStringLiteral("%1 (start %2, length %3) lies outside the body, which is %4 UTF-16 units long")
                               .arg(which)
                               .arg(m.start)
                               .arg(m.length)
                               .arg(body.size())};
        if (body.at(m.start).isLowSurrogate() ||
            (m.start + m.length < body.size() && body.at(m.start + m.length).isLowSurrogate()))
            return Refusal{protocol::ErrorCode::Invalid,
                           QStringLiteral("%1 cuts a character in half").arg(which)};
        MentionRecord record{{}, m.start, m.length};
        if (m.room.value_or(false)) {
            if (room.memberCount > room.minMembers && room.senderRole == Role::Member)
                return Refusal{protocol::ErrorCode::Forbidden,
                               QStringLiteral("only owners and admins mention @room in conversations of more than %1 members")
                                   .arg(room.minMembers)};
        } else {
            const auto it = userIdByMemberId.constFind(m.memberId.value_or(QString()));
            // The same words whether the id is a stranger's, a former member's or a real user id in
            // a blind room: the reply must not tell which ids exist.
            if (it == userIdByMemberId.constEnd())
                return Refusal{protocol::ErrorCode::Invalid,
                               QStringLiteral("%1 is not a member of this conversation").arg(which)};
            record.userId = *it;
        }
        records.append(record);
    }
    QList<MentionRecord> sorted = records;
    std::sort(sorted.begin(), sorted.end(), [](const auto &a, const auto &b) { return a.start < b.start; });
    for (qsizetype i = 1; i < sorted.size(); ++i) {
        if (sorted.at(i).start < sorted.at(i - 1).start + sorted.at(i - 1).length)
            return Refusal{protocol::ErrorCode::Invalid, QStringLiteral("two mentions overlap in the body")};
    }
    return records;
}

QJsonArray toJson(const QList<MentionRecord> &records)
{
    QJsonArray array;
    for (const MentionRecord &r : records)
        array.append(QJsonObject{{kUser, r.userId}, {kStart, double(r.start)}, {kLength, double(r.length)}});
    return array;
}

QList<MentionRecord> fromJson(const QJsonArray &array)
{
    QList<MentionRecord> records;
    for (const QJsonValue &v : array) {
        const QJsonObject o = v.toObject();
        records.append({o.value(kUser).toString(), qint64(o.value(kStart).toDouble()), qint64(o.value(kLength).toDouble())});
    }
    return records;
}

QString toText(const QList<MentionRecord> &records)
{
    if (records.isEmpty())
        return {};
    return QString::fromUtf8(QJsonDocument(toJson(records)).toJson(QJsonDocument::Compact));
}

QList<MentionRecord> fromText(const QString &text)
{
    if (text.isEmpty())
        return {};
    return fromJson(QJsonDocument::fromJson(text.toUtf8()).array());
}

bool concerns(const QList<MentionRecord> &records, const QString &userId, const QString &senderId)
{
    if (userId == senderId)
        return false;
    return std::any_of(records.begin(), records.end(),
                       [&userId](const MentionRecord &r) { return r.room() || r.userId == userId; });
}

} // namespace confab::server::mentions

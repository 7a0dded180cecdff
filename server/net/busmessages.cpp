#include "busmessages.h"

#include <QJsonDocument>

namespace confab::server::bus {

namespace {

constexpr const char *kNames[] = {
#define CONFAB_X(T, name) name,
    CONFAB_BUS_MESSAGES(CONFAB_X)
#undef CONFAB_X
};
static_assert(std::size(kNames) == size_t(kKindCount));

template <class T> protocol::Result<Message> readMessage(const QJsonObject &object)
{
    auto read = T::fromJson(object);
    if (!read)
        return read.error();
    return Message(std::move(read).value());
}

using Reader = protocol::Result<Message> (*)(const QJsonObject &);
constexpr Reader kReaders[] = {
#define CONFAB_X(T, name) &readMessage<T>,
    CONFAB_BUS_MESSAGES(CONFAB_X)
#undef CONFAB_X
};

protocol::DecodeError invalid(QString field, QString message)
{
    return protocol::DecodeError{protocol::ErrorCode::Invalid, std::move(field), std::move(message), {}};
}

//! "t" may name a kind of a later version: any short text, shown as it is in the log.
constexpr TextRule kKind{.minChars = 1, .maxChars = 64};

QJsonObject withEnvelope(QJsonObject object, const Envelope &envelope)
{
    const QJsonObject head = protocol::JsonWriter::write(envelope);
    for (auto it = head.constBegin(); it != head.constEnd(); ++it)
        object.insert(it.key(), it.value());
    return object;
}

} // namespace

QString kindName(const Message &message)
{
    return QString::fromLatin1(kNames[message.index()]);
}

protocol::Result<Decoded> decode(QByteArrayView payload)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(payload.toByteArray(), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return invalid({}, QStringLiteral("not JSON: %1 at offset %2").arg(parseError.errorString()).arg(parseError.offset));
    if (!doc.isObject())
        return invalid({}, QStringLiteral("not a JSON object"));
    const QJsonObject object = doc.object();

    protocol::JsonReader head(object);
    Decoded decoded;
    Envelope::fields(decoded.envelope, head);
    if (object.contains(QLatin1StringView("ref"))) {
        QString id;
        head("ref", id, rule::Id);
        decoded.parkedId = id;
    } else {
        head("t", decoded.kind, kKind);
    }
    if (!head.ok())
        return head.error();
    if (decoded.parkedId)
        return decoded;

    for (int i = 0; i < kKindCount; ++i) {
        if (decoded.kind != QLatin1StringView(kNames[i]))
            continue;
        auto message = kReaders[i](object);
        if (!message)
            return message.error();
        decoded.message = std::move(message).value();
        break;
    }
    return decoded;
}

QByteArray encode(const Envelope &envelope, const Message &message)
{
    QJsonObject object = std::visit([](const auto &m) { return m.toJson(); }, message);
    object.insert(QLatin1StringView("t"), kindName(message));
    return QJsonDocument(withEnvelope(std::move(object), envelope)).toJson(QJsonDocument::Compact);
}

QByteArray encodeParked(const Envelope &envelope, const QString &parkedId)
{
    const QJsonObject object{{QLatin1StringView("ref"), parkedId}};
    return QJsonDocument(withEnvelope(object, envelope)).toJson(QJsonDocument::Compact);
}

} // namespace confab::server::bus

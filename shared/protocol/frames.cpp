#include "frames.h"

#include <QJsonDocument>
#include <QStringDecoder>

namespace confab::protocol {

namespace {

struct FrameMeta {
    const char *name;
    Direction direction;
};

constexpr FrameMeta kFrames[] = {
#define CONFAB_X(T, name, dir) {name, Direction::dir},
    CONFAB_FRAMES(CONFAB_X)
#undef CONFAB_X
};
static_assert(std::size(kFrames) == kFrameTypeCount);

const QLatin1StringView kV("v");
const QLatin1StringView kType("type");
const QLatin1StringView kId("id");
const QLatin1StringView kRe("re");

DecodeError invalid(QString field, QString message, QString requestId = {})
{
    return DecodeError{ErrorCode::Invalid, std::move(field), std::move(message), std::move(requestId)};
}

//! Deepest nesting of objects and arrays, read without building anything; strings are skipped.
int nestingDepth(QByteArrayView text, int stopAbove)
{
    int depth = 0, deepest = 0;
    bool inString = false, escaped = false;
    for (const char c : text) {
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
            continue;
        }
        switch (c) {
        case '"':
            inString = true;
            break;
        case '{':
        case '[':
            deepest = std::max(deepest, ++depth);
            if (deepest > stopAbove)
                return deepest;
            break;
        case '}':
        case ']':
            --depth;
            break;
        default:
            break;
        }
    }
    return deepest;
}

template <class T> Result<Frame> readFrame(const QJsonObject &object)
{
    auto result = JsonReader::readObject<T>(object);
    if (!result)
        return result.error();
    return Frame(std::in_place_type<T>, std::move(result).value());
}

using FrameReader = Result<Frame> (*)(const QJsonObject &);
constexpr FrameReader kReaders[] = {
#define CONFAB_X(T, name, dir) &readFrame<T>,
    CONFAB_FRAMES(CONFAB_X)
#undef CONFAB_X
};

} // namespace

QString frameTypeName(FrameType type)
{
    return QString::fromLatin1(kFrames[static_cast<size_t>(type)].name);
}

std::optional<FrameType> frameTypeFromName(QStringView name)
{
    for (size_t i = 0; i < std::size(kFrames); ++i) {
        if (name == QLatin1StringView(kFrames[i].name))
            return static_cast<FrameType>(i);
    }
    return std::nullopt;
}

Direction frameDirection(FrameType type)
{
    return kFrames[static_cast<size_t>(type)].direction;
}

FrameType frameTypeOf(const Frame &frame)
{
    Q_ASSERT(frame.index() > 0);
    return static_cast<FrameType>(frame.index() - 1);
}

Result<Decoded> decodeFrame(QByteArrayView text, qint64 maxFrameBytes)
{
    if (text.size() > maxFrameBytes) {
        return DecodeError{ErrorCode::TooLarge, {},
                           QStringLiteral("frame is larger than %1 bytes").arg(maxFrameBytes), {}};
    }
    // QJsonDocument would replace broken UTF-8 silently; a frame must say what it means.
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    (void)QString(utf8.decode(text));
    if (utf8.hasError())
        return invalid({}, QStringLiteral("frame is not valid UTF-8"));
    if (nestingDepth(text, field::kMaxJsonDepth) > field::kMaxJsonDepth)
        return invalid({}, QStringLiteral("frame is nested deeper than %1 levels").arg(field::kMaxJsonDepth));

    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(text.toByteArray(), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return invalid({}, QStringLiteral("frame is not JSON: %1 at offset %2")
                               .arg(parseError.errorString())
                               .arg(parseError.offset));
    if (!doc.isObject())
        return invalid({}, QStringLiteral("frame must be a JSON object"));
    return decodeObject(doc.object());
}

Result<Decoded> decodeObject(const QJsonObject &object)
{
    // Read the request id first, so that every later error can still be answered with `re`.
    QString requestId;
    const QJsonValue idValue = object.value(kId);
    if (!idValue.isUndefined()) {
        JsonReader envelopeReader(object);
        envelopeReader("id", requestId, rule::Id);
        if (!envelopeReader.ok())
            return envelopeReader.error();
    }

    const QJsonValue v = object.value(kV);
    if (v.isUndefined())
        return invalid(QStringLiteral("v"), QStringLiteral("is required (the protocol version)"), requestId);
    if (!v.isDouble() || v.toDouble() != kProtocolVersion)
        return invalid(QStringLiteral("v"),
                       QStringLiteral("unsupported protocol version; this server speaks %1").arg(kProtocolVersion),
                       requestId);

    const QJsonValue typeValue = object.value(kType);
    if (!typeValue.isString())
        return invalid(QStringLiteral("type"), QStringLiteral("is required and must be a string"), requestId);
    const auto type = frameTypeFromName(typeValue.toString());
    if (!type) {
        QString shown = typeValue.toString().left(64);
        return invalid(QStringLiteral("type"), QStringLiteral("unknown frame type \"%1\"").arg(shown), requestId);
    }

    Envelope envelope;
    envelope.id = requestId;
    if (frameDirection(*type) == Direction::ClientToServer && requestId.isEmpty())
        return invalid(QStringLiteral("id"), QStringLiteral("is required on requests"));
    if (object.contains(kRe)) {
        JsonReader reReader(object);
        reReader("re", envelope.re, rule::Id);
        if (!reReader.ok()) {
            DecodeError e = reReader.error();
            e.requestId = requestId;
            return e;
        }
    }

    auto frame = kReaders[static_cast<size_t>(*type)](object);
    if (!frame) {
        DecodeError e = frame.error();
        e.requestId = requestId;
        return e;
    }
    return Decoded{std::move(envelope), std::move(frame).value()};
}

QJsonObject encodeObject(const Frame &frame, const Envelope &envelope)
{
    QJsonObject object = std::visit(
        [](const auto &f) -> QJsonObject {
            if constexpr (std::is_same_v<std::decay_t<decltype(f)>, std::monostate>)
                return {};
            else
                return f.toJson();
        },
        frame);
    object.insert(kV, kProtocolVersion);
    object.insert(kType, frameTypeName(frameTypeOf(frame)));
    if (!envelope.id.isEmpty())
        object.insert(kId, envelope.id);
    if (!envelope.re.isEmpty())
        object.insert(kRe, envelope.re);
    return object;
}

QByteArray encodeFrame(const Frame &frame, const Envelope &envelope)
{
    return QJsonDocument(encodeObject(frame, envelope)).toJson(QJsonDocument::Compact);
}

// ---- checks across fields -----------------------------------------------------------------------

void Event::check(JsonReader &r) const
{
    const auto need = [&r](bool present, const char *key) {
        if (!present)
            r.fail(r.pathOf(key), QStringLiteral("is required for this kind of event"));
    };
    switch (kind) {
    case EventKind::Message:
        need(message.has_value(), "message");
        break;
    case EventKind::Edit:
        need(messageId.has_value(), "message_id");
        need(body.has_value(), "body");
        break;
    case EventKind::Delete:
        need(messageId.has_value(), "message_id");
        break;
    case EventKind::Reaction:
        need(messageId.has_value(), "message_id");
        need(emoji.has_value(), "emoji");
        need(add.has_value(), "add");
        break;
    case EventKind::Created:
    case EventKind::Renamed:
        need(title.has_value(), "title");
        break;
    case EventKind::MemberAdded:
    case EventKind::MemberRemoved:
    case EventKind::MemberLeft:
    case EventKind::RoleChanged:
        need(member.has_value(), "member");
        break;
    case EventKind::Archived:
        need(archived.has_value(), "archived");
        break;
    }
}

} // namespace confab::protocol

#include "frames.h"

#include <QJsonDocument>
#include <QStringDecoder>

#include <cctype>
#include <cstring>

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

/*!
 * A strict check of JSON syntax (RFC 8259) and nesting depth, before QJsonDocument sees the text:
 * Qt's parser tolerates things that are not JSON (`1.`, `.5`, unknown escapes such as `\q`, raw
 * control characters in strings), and a frame must mean exactly what it says.
 */
class JsonSyntax {
public:
    JsonSyntax(QByteArrayView text, int maxDepth) : m_text(text), m_maxDepth(maxDepth) {}

    //! An empty string when the text is one well-formed JSON value, else what is wrong.
    QString check()
    {
        skipSpace();
        if (!value(0))
            return m_error;
        skipSpace();
        if (m_pos != m_text.size())
            return failAt(QStringLiteral("unexpected text after the JSON value"));
        return {};
    }

private:
    bool fail(QString message)
    {
        if (m_error.isEmpty())
            m_error = std::move(message);
        return false;
    }
    QString failAt(const QString &message)
    {
        fail(QStringLiteral("frame is not JSON: %1 at offset %2").arg(message).arg(m_pos));
        return m_error;
    }
    bool syntax(const char *what)
    {
        failAt(QString::fromLatin1(what));
        return false;
    }
    char peek() const { return m_pos < m_text.size() ? m_text[m_pos] : '\0'; }
    bool atEnd() const { return m_pos >= m_text.size(); }
    void skipSpace()
    {
        while (!atEnd() && (peek() == ' ' || peek() == '\t' || peek() == '\n' || peek() == '\r'))
            ++m_pos;
    }
    bool literal(const char *word)
    {
        const qsizetype n = qsizetype(std::strlen(word));
        if (m_text.sliced(m_pos).size() < n || m_text.sliced(m_pos, n) != QByteArrayView(word, n))
            return syntax("invalid literal");
        m_pos += n;
        return true;
    }
    bool digits()
    {
        if (atEnd() || peek() < '0' || peek() > '9')
            return syntax("a number needs digits");
        while (!atEnd() && peek() >= '0' && peek() <= '9')
            ++m_pos;
        return true;
    }
    bool number()
    {
        if (peek() == '-')
            ++m_pos;
        if (peek() == '0')
            ++m_pos;
        else if (!digits())
            return false;
        if (peek() == '.') {
            ++m_pos;
            if (!digits())
                return false;
        }
        if (peek() == 'e' || peek() == 'E') {
            ++m_pos;
            if (peek() == '+' || peek() == '-')
                ++m_pos;
            if (!digits())
                return false;
        }
        return true;
    }
    bool string()
    {
        ++m_pos; // opening quote
        while (!atEnd()) {
            const char c = m_text[m_pos++];
            if (c == '"')
                return true;
            if (uchar(c) < 0x20)
                return syntax("raw control character in a string");
            if (c != '\\')
                continue;
            if (atEnd())
                break;
            const char e = m_text[m_pos++];
            if (e == 'u') {
                for (int i = 0; i < 4; ++i, ++m_pos) {
                    if (atEnd() || !std::isxdigit(uchar(peek())))
                        return syntax("\\u needs four hex digits");
                }
            } else if (!std::strchr("\"\\/bfnrt", e) || e == '\0') {
                return syntax("unknown escape in a string");
            }
        }
        return syntax("unterminated string");
    }
    bool value(int depth)
    {
        if (atEnd())
            return syntax("unexpected end");
        const char c = peek();
        if (c == '{' || c == '[') {
            if (depth + 1 > m_maxDepth)
                return fail(QStringLiteral("frame is nested deeper than %1 levels").arg(m_maxDepth));
            return c == '{' ? object(depth + 1) : array(depth + 1);
        }
        if (c == '"')
            return string();
        if (c == '-' || (c >= '0' && c <= '9'))
            return number();
        if (c == 't')
            return literal("true");
        if (c == 'f')
            return literal("false");
        if (c == 'n')
            return literal("null");
        return syntax("unexpected character");
    }
    bool object(int depth)
    {
        ++m_pos;
        skipSpace();
        if (peek() == '}') {
            ++m_pos;
            return true;
        }
        while (true) {
            skipSpace();
            if (peek() != '"')
                return syntax("an object key must be a string");
            if (!string())
                return false;
            skipSpace();
            if (peek() != ':')
                return syntax("expected ':'");
            ++m_pos;
            skipSpace();
            if (!value(depth))
                return false;
            skipSpace();
            if (peek() == ',') {
                ++m_pos;
                continue;
            }
            if (peek() == '}') {
                ++m_pos;
                return true;
            }
            return syntax("expected ',' or '}'");
        }
    }
    bool array(int depth)
    {
        ++m_pos;
        skipSpace();
        if (peek() == ']') {
            ++m_pos;
            return true;
        }
        while (true) {
            skipSpace();
            if (!value(depth))
                return false;
            skipSpace();
            if (peek() == ',') {
                ++m_pos;
                continue;
            }
            if (peek() == ']') {
                ++m_pos;
                return true;
            }
            return syntax("expected ',' or ']'");
        }
    }

    QByteArrayView m_text;
    int m_maxDepth;
    qsizetype m_pos = 0;
    QString m_error;
};

//! A frame type as it may be quoted back in an error: only when it looks like a type name.
QString quotable(const QString &type)
{
    if (type.size() > 64)
        return {};
    for (const QChar c : type) {
        const char16_t u = c.unicode();
        if (!((u >= u'a' && u <= u'z') || (u >= u'0' && u <= u'9') || u == u'.' || u == u'_'))
            return {};
    }
    return type;
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
    if (const QString problem = JsonSyntax(text, field::kMaxJsonDepth).check(); !problem.isEmpty())
        return invalid({}, problem);

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
        const QString shown = quotable(typeValue.toString());
        return invalid(QStringLiteral("type"),
                       shown.isEmpty() ? QStringLiteral("unknown frame type")
                                       : QStringLiteral("unknown frame type \"%1\"").arg(shown),
                       requestId);
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
    case EventKind::Described:
        need(description.has_value(), "description");
        break;
    case EventKind::StreamEnded:
        need(message.has_value(), "message");
        break;
    case EventKind::RevealOffered:
    case EventKind::RevealWithdrawn:
    case EventKind::Revealed:
        // Who offered, to whom and who agreed is for the members concerned only: the others get
        // the event (its seq) without any of it.
        if (member && !targetId)
            r.fail(r.pathOf("target_id"), QStringLiteral("is required with member"));
        break;
    case EventKind::RevealsAllowed:
    case EventKind::InvitesAllowed:
        need(allowed.has_value(), "allowed");
        break;
    case EventKind::GroupChanged:
    case EventKind::RevealedToAll:
        need(member.has_value(), "member");
        break;
    case EventKind::RevealScheduled:
        break; // without reveal_at: cancelled
    case EventKind::Pinned:
    case EventKind::Unpinned:
        need(messageId.has_value(), "message_id");
        break;
    case EventKind::PinRightsChanged:
        need(allowed.has_value(), "allowed");
        break;
    }
}

} // namespace confab::protocol

#include "json.h"

#include "text.h"

#include <cmath>

namespace confab::protocol {

namespace {
bool isIdChar(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9') || u == u'_' ||
           u == u'-' || u == u'.';
}
bool isLowerAsciiChar(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= u'a' && u <= u'z') || (u >= u'0' && u <= u'9') || u == u'_' || u == u'-' || u == u'.';
}
} // namespace

bool JsonReader::read(const QJsonValue &value, const QString &path, QString &out, const TextRule &r)
{
    if (!value.isString()) {
        fail(path, QStringLiteral("must be a string"));
        return false;
    }
    QString s = value.toString();
    // Lone surrogates cannot be stored or encoded as UTF-8 without silently changing the text.
    if (!s.isValidUtf16()) {
        fail(path, QStringLiteral("is not valid Unicode"));
        return false;
    }
    for (const QChar c : std::as_const(s)) {
        const char16_t u = c.unicode();
        const bool control = u < 0x20 || (u >= 0x7f && u <= 0x9f); // C0, DEL and C1
        if (u == 0) {
            fail(path, QStringLiteral("must not contain NUL characters"));
            return false;
        }
        if (control && !r.controls && !(r.multiLine && (u == u'\n' || u == u'\r' || u == u'\t'))) {
            fail(path, QStringLiteral("must not contain control characters"));
            return false;
        }
        if (r.idChars && !isIdChar(c)) {
            fail(path, QStringLiteral("may only contain letters, digits, '_', '-' and '.'"));
            return false;
        }
        if (r.hex && !((u >= u'0' && u <= u'9') || (u >= u'a' && u <= u'f'))) {
            fail(path, QStringLiteral("may only contain lowercase hexadecimal digits"));
            return false;
        }
        if (r.lowerAscii && !isLowerAsciiChar(c)) {
            fail(path, QStringLiteral("may only contain a-z, 0-9, '_', '-' and '.'"));
            return false;
        }
    }
    if (r.name) {
        if (const auto problem = text::nameProblem(s)) {
            fail(path, *problem);
            return false;
        }
    }
    if (r.maxChars > 0 && s.size() > r.maxChars) {
        fail(path, QStringLiteral("is longer than %1 characters").arg(r.maxChars), ErrorCode::TooLarge);
        return false;
    }
    if (r.maxBytes > 0 && s.toUtf8().size() > r.maxBytes) {
        fail(path, QStringLiteral("is longer than %1 bytes").arg(r.maxBytes), ErrorCode::TooLarge);
        return false;
    }
    if (s.size() < r.minChars) {
        fail(path, r.minChars == 1 ? QStringLiteral("must not be empty")
                                   : QStringLiteral("is shorter than %1 characters").arg(r.minChars));
        return false;
    }
    out = std::move(s);
    return true;
}

bool JsonReader::read(const QJsonValue &value, const QString &path, qint64 &out, const IntRule &r)
{
    if (!value.isDouble()) {
        fail(path, QStringLiteral("must be a number"));
        return false;
    }
    const double d = value.toDouble();
    if (!std::isfinite(d) || std::trunc(d) != d) {
        fail(path, QStringLiteral("must be a whole number"));
        return false;
    }
    if (d < double(r.min) || d > double(r.max)) {
        fail(path, QStringLiteral("must be between %1 and %2").arg(r.min).arg(r.max));
        return false;
    }
    out = static_cast<qint64>(d);
    return true;
}

bool JsonReader::read(const QJsonValue &value, const QString &path, bool &out)
{
    if (!value.isBool()) {
        fail(path, QStringLiteral("must be true or false"));
        return false;
    }
    out = value.toBool();
    return true;
}

} // namespace confab::protocol

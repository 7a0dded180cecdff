#include "text.h"

#include <QChar>
#include <QList>

namespace confab::protocol::text {

namespace {

constexpr char32_t kZeroWidthNonJoiner = 0x200C;
constexpr char32_t kZeroWidthJoiner = 0x200D;
constexpr char32_t kBlackFlag = 0x1F3F4;
constexpr char32_t kTagFirst = 0xE0020;
constexpr char32_t kCancelTag = 0xE007F;

//! Characters that draw nothing although Unicode calls them letters or symbols: the Hangul fillers
//! (a "blank" Korean nickname is U+3164), the braille blank and the Mongolian vowel separator.
bool isBlankFiller(char32_t c)
{
    return c == 0x115F || c == 0x1160 || c == 0x3164 || c == 0xFFA0 || c == 0x2800 || c == 0x180E;
}

bool isFormat(char32_t c)
{
    const auto category = QChar::category(c);
    return category == QChar::Other_Format || category == QChar::Separator_Line ||
           category == QChar::Separator_Paragraph;
}

//! Draws something: not a format character, not white space, not a filler.
bool isVisible(char32_t c)
{
    return !isFormat(c) && !QChar::isSpace(c) && !isBlankFiller(c) && c >= 0x20 && !(c >= 0x7F && c <= 0x9F);
}

//! A joiner is part of the text when it joins two visible characters outside ASCII: 👩‍💻, क्‍ष,
//! می‌خواهم. Between ASCII letters it only hides a difference ("ad\u200Dmin").
bool joinsVisible(const QList<uint> &cps, qsizetype i)
{
    if (i == 0 || i + 1 >= cps.size())
        return false;
    const char32_t before = cps[i - 1], after = cps[i + 1];
    return before >= 0x80 && after >= 0x80 && isVisible(before) && isVisible(after);
}

} // namespace

QString Hidden::describe() const
{
    return QStringLiteral("U+") + QString::number(qulonglong(codePoint), 16).toUpper().rightJustified(4, u'0');
}

std::optional<Hidden> findHidden(QStringView input)
{
    const QList<uint> cps = input.toUcs4(); // Qt 6.4: uint, not char32_t
    qsizetype utf16At = 0;
    for (qsizetype i = 0; i < cps.size(); ++i) {
        const char32_t c = cps[i];
        const qsizetype at = utf16At;
        utf16At += QChar::requiresSurrogates(c) ? 2 : 1;
        if (c == kBlackFlag) {
            // 🏴 + tag letters + cancel tag is a subdivision flag (🏴󠁧󠁢󠁳󠁣󠁴󠁿); tags without the cancel hide text.
            qsizetype end = i + 1;
            while (end < cps.size() && cps[end] >= kTagFirst && cps[end] < kCancelTag)
                ++end;
            if (end > i + 1 && end < cps.size() && cps[end] == kCancelTag) {
                utf16At += 2 * (end - i);
                i = end;
            }
            continue;
        }
        if ((c == kZeroWidthJoiner || c == kZeroWidthNonJoiner) && joinsVisible(cps, i))
            continue;
        if (isFormat(c) || isBlankFiller(c))
            return Hidden{at, c};
    }
    return std::nullopt;
}

QString withoutHidden(QStringView input)
{
    QString out = input.toString();
    while (const auto hidden = findHidden(out))
        out.remove(hidden->at, QChar::requiresSurrogates(hidden->codePoint) ? 2 : 1);
    return out.trimmed();
}

std::optional<QString> nameProblem(QStringView input)
{
    if (const auto hidden = findHidden(input))
        return QStringLiteral("must not contain the invisible character %1").arg(hidden->describe());
    if (!input.isEmpty() && input.trimmed().isEmpty())
        return QStringLiteral("must not be blank");
    return std::nullopt;
}

} // namespace confab::protocol::text

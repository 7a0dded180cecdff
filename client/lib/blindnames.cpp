#include "blindnames.h"

#include <QFileInfo>
#include <QRegularExpression>

namespace confab::client::blind {

QString aliasName(const protocol::MemberInfo &m, const QString &language)
{
    if (m.alias && language == QLatin1StringView("ko") && m.nameKo && !m.nameKo->isEmpty())
        return *m.nameKo;
    return m.name;
}

QString displayName(const protocol::MemberInfo &m, const QString &language)
{
    if (m.revealed && !m.revealed->displayName.isEmpty())
        return m.revealed->displayName;
    return aliasName(m, language);
}

QList<protocol::MemberInfo> forDisplay(QList<protocol::MemberInfo> members, const QString &language)
{
    for (protocol::MemberInfo &m : members)
        m.name = displayName(m, language);
    return members;
}

namespace {
//! Lower case, and every run of separators as one space: "Mina_Park-CV" → "mina park cv".
QString normalized(const QString &text)
{
    static const QRegularExpression separators(QStringLiteral("[\\s_.\\-]+"));
    return text.toLower().replace(separators, QStringLiteral(" ")).trimmed();
}

bool isLatin(const QString &word)
{
    for (const QChar c : word) {
        if (c.isLetter() && c.script() != QChar::Script_Latin)
            return false;
    }
    return true;
}

//! `word` in `text`, not inside a longer Latin word ("park" is not in "parking", "mina" is in "mina2024").
bool containsWord(const QString &text, const QString &word)
{
    if (!isLatin(word))
        return text.contains(word); // Korean names are written without spaces around them
    const QRegularExpression whole(QStringLiteral("(?<!\\p{L})%1(?!\\p{L})").arg(QRegularExpression::escape(word)),
                                   QRegularExpression::UseUnicodePropertiesOption);
    return whole.match(text).hasMatch();
}
} // namespace

bool fileNameNamesUser(const QString &fileName, const QString &username, const QString &displayName)
{
    const QFileInfo file(fileName);
    const QString name = normalized(file.completeBaseName().isEmpty() ? file.fileName() : file.completeBaseName());
    if (name.isEmpty())
        return false;
    const QString user = normalized(username);
    if (user.size() >= 3) {
        // "joon.lee" matches "Joon_Lee CV" and "joonlee-cv" alike.
        if (containsWord(name, user) || containsWord(QString(name).remove(u' '), QString(user).remove(u' ')))
            return true;
    }
    const QString full = normalized(displayName);
    if (full.isEmpty())
        return false;
    if (containsWord(name, full))
        return true;
    for (const QString &word : full.split(u' ', Qt::SkipEmptyParts)) {
        if (word.size() >= (isLatin(word) ? 3 : 2) && containsWord(name, word))
            return true;
    }
    return false;
}

} // namespace confab::client::blind

#include "linkify.h"

#include <QRegularExpression>

#include <algorithm>

namespace confab::client {

namespace {

QString escaped(QStringView text)
{
    QString out = text.toString().toHtmlEscaped(); // & < > "
    out.replace(u'\n', QStringLiteral("<br>"));
    return out;
}

//! How much of a matched address is the address: sentence punctuation and unbalanced closing
//! brackets at its end belong to the text around it.
qsizetype addressLength(QStringView match)
{
    qsizetype end = match.size();
    while (end > 0) {
        const QChar last = match[end - 1];
        const QStringView part = match.first(end);
        if (QStringView(u".,;:!?'*").contains(last)) {
            --end;
        } else if (last == u')' && part.count(u'(') < part.count(u')')) {
            --end;
        } else if (last == u']' && part.count(u'[') < part.count(u']')) {
            --end;
        } else {
            break;
        }
    }
    return end;
}

bool isAddress(QStringView address)
{
    static const QRegularExpression web(QStringLiteral("^(?:https?://[^/?#]+|www\\.[^./?#]+\\.[^./?#])"),
                                        QRegularExpression::CaseInsensitiveOption);
    return web.match(address.toString()).hasMatch();
}

} // namespace

QString Linkify::html(const QString &text, const QString &linkColor)
{
    // Not inside a word or another address ("foo.www.x", "user@www.x"); up to a space, "<", ">" or a quote.
    static const QRegularExpression candidate(QStringLiteral("(?<![\\w@./-])(?:https?://|www\\.)[^\\s<>\"]+"),
                                              QRegularExpression::CaseInsensitiveOption
                                                  | QRegularExpression::UseUnicodePropertiesOption);
    const QString style = linkColor.isEmpty() ? QString() : QStringLiteral(" style=\"color:%1\"").arg(linkColor.toHtmlEscaped());
    QString out;
    qsizetype done = 0;
    for (auto it = candidate.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        const QStringView address = m.capturedView().first(addressLength(m.capturedView()));
        if (!isAddress(address))
            continue;
        const bool bare = address.startsWith(u"www.", Qt::CaseInsensitive);
        const QString href = (bare ? QStringLiteral("https://") : QString()) + address.toString();
        out += escaped(QStringView(text).sliced(done, m.capturedStart() - done));
        out += QStringLiteral("<a href=\"%1\"%2>%3</a>").arg(href.toHtmlEscaped(), style, address.toString().toHtmlEscaped());
        done = m.capturedStart() + address.size();
    }
    out += escaped(QStringView(text).sliced(done));
    return out;
}

} // namespace confab::client

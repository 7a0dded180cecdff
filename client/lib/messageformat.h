#pragma once

#include <QList>
#include <QObject>
#include <QQmlEngine>
#include <QVariantList>

namespace confab::client {

/*!
 * Messages are written in a Markdown subset: **bold**, *italic*, ~~strikethrough~~, `code`,
 * fenced code blocks, > quotes, lists and [links](https://…); bare addresses become links as
 * Linkify finds them. md4c parses (Debian's libmd4c, the parser Qt's own Markdown uses), and the
 * renderer here writes only the few tags it knows, so the result is safe by construction: raw HTML
 * is text, images are never loaded (their description is shown, linked when the image is on the
 * web), and only http(s) and mailto links are links (others show their text only).
 *
 * Rich text is for the bubble; everything that shows one line or a summary (the conversation
 * list, notifications, reply quotes, search) uses plainText().
 */
class MessageFormat : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
public:
    using QObject::QObject;

    //! One part of a message as the bubble lays it out.
    struct Segment {
        enum class Kind { Text, Code, Quote };
        Kind kind = Kind::Text;
        QString html;     //!< Text and Quote: rich text for a Text or TextEdit
        QString code;     //!< Code: the code as written, without the fences
        QString language; //!< Code: the word after the opening fence, or empty
        bool operator==(const Segment &) const = default;
    };

    /*!
     * Running text, code blocks and quotes at the top level, in order (a code block inside a quote
     * or a list stays in its text as <pre>). `linkColor`: the theme's link colour (CSS), or empty.
     */
    static QList<Segment> parse(const QString &markdown, const QString &linkColor = {});

    //! Where the text mentions someone (UTF-16 offsets into the Markdown, as the protocol counts),
    //! and how to set it apart: `me` marks mentions of the reader.
    struct Highlight {
        qsizetype start = 0;
        qsizetype length = 0;
        bool me = false;
    };
    struct HighlightStyle {
        QString color;          //!< CSS colour of every mention
        QString mineBackground; //!< CSS background of mentions of the reader
    };
    //! parse() with the mentions set apart wherever they stand in running text (not in code).
    static QList<Segment> parse(const QString &markdown, const QString &linkColor, const QList<Highlight> &mentions,
                                const HighlightStyle &style);
    /*!
     * The text without its markup: paragraphs and list items on lines of their own, list marks
     * ("• ", "1. ") kept, code as written, links and images as their text. With `sources`, the
     * position in `markdown` each character comes from (-1 for line breaks and marks added here).
     */
    static QString plainText(const QString &markdown, QList<qsizetype> *sources = nullptr);

    //! parse() for QML: [{type: "text" | "code" | "quote", html, code, language}]. `mentions`:
    //! [{start, length, me}] as the message model's role gives them.
    Q_INVOKABLE static QVariantList segments(const QString &markdown, const QString &linkColor = {},
                                             const QVariantList &mentions = {}, const QString &mentionColor = {},
                                             const QString &mineBackground = {});
    Q_INVOKABLE static QString plain(const QString &markdown) { return plainText(markdown); }
    //! Puts `text` on the clipboard (a code block's copy button).
    Q_INVOKABLE static void copy(const QString &text);
};

} // namespace confab::client

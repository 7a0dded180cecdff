#include "messageformat.h"

#include "linkify.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QHash>
#include <QUrl>

#include <md4c.h>

namespace confab::client {

namespace {

// Raw HTML is text; indented lines stay text (chat messages are indented by hand, code is fenced);
// no tables, task lists or underline (with it, _x_ would not be italic). Bare addresses are
// Linkify's, so that they end where they always did.
constexpr unsigned kFlags = MD_FLAG_NOHTML | MD_FLAG_STRIKETHROUGH | MD_FLAG_NOINDENTEDCODEBLOCKS;

constexpr int kIndentPx = 18;  //!< per list or quote level inside a part
constexpr int kGapPx = 6;      //!< between paragraphs
constexpr int kItemGapPx = 2;  //!< between the items of a list

//! `&name;` and `&#…;` as md4c reports them, as text; unknown names stay as written.
QString decodeEntity(QStringView entity)
{
    const QStringView inner = entity.sliced(1, entity.size() - 2);
    if (inner.startsWith(u'#')) {
        bool ok = false;
        const bool hex = inner.size() > 1 && (inner[1] == u'x' || inner[1] == u'X');
        const uint code = inner.sliced(hex ? 2 : 1).toUInt(&ok, hex ? 16 : 10);
        if (!ok || code == 0 || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
            return QString(QChar(0xFFFD));
        const char32_t c = code;
        return QString::fromUcs4(&c, 1);
    }
    static const QHash<QString, QString> named{
        {QStringLiteral("amp"), QStringLiteral("&")},     {QStringLiteral("lt"), QStringLiteral("<")},
        {QStringLiteral("gt"), QStringLiteral(">")},      {QStringLiteral("quot"), QStringLiteral("\"")},
        {QStringLiteral("apos"), QStringLiteral("'")},    {QStringLiteral("nbsp"), QString(QChar(0xA0))},
        {QStringLiteral("copy"), QString(QChar(0xA9))},   {QStringLiteral("reg"), QString(QChar(0xAE))},
        {QStringLiteral("hellip"), QString(QChar(0x2026))}, {QStringLiteral("mdash"), QString(QChar(0x2014))},
        {QStringLiteral("ndash"), QString(QChar(0x2013))}};
    return named.value(inner.toString(), entity.toString());
}

//! An attribute (a link's target, an image's source) as text.
QString attributeText(const MD_ATTRIBUTE &a)
{
    QString out;
    if (!a.substr_offsets)
        return QString::fromUtf8(a.text, qsizetype(a.size));
    for (int i = 0; a.substr_offsets[i] < a.size; ++i) {
        const MD_OFFSET from = a.substr_offsets[i], to = a.substr_offsets[i + 1];
        const QString part = QString::fromUtf8(a.text + from, qsizetype(to - from));
        switch (a.substr_types[i]) {
        case MD_TEXT_ENTITY:
            out += decodeEntity(part);
            break;
        case MD_TEXT_NULLCHAR:
            out += QChar(0xFFFD);
            break;
        default:
            out += part;
            break;
        }
    }
    return out;
}

//! The target of a link when it may be one: http(s) with a host, mailto with an address, or a
//! bare "www." host (as https, like Linkify). Empty otherwise: the link shows as its text.
QString safeHref(const QString &target)
{
    const QString href = target.trimmed();
    if (href.startsWith(QLatin1StringView("www."), Qt::CaseInsensitive) && !href.contains(u' '))
        return safeHref(QStringLiteral("https://") + href);
    const QUrl url(href, QUrl::StrictMode);
    if (!url.isValid())
        return {};
    const QString scheme = url.scheme().toLower();
    if ((scheme == QLatin1StringView("http") || scheme == QLatin1StringView("https")) && !url.host().isEmpty())
        return href;
    if (scheme == QLatin1StringView("mailto") && url.path().contains(u'@'))
        return href;
    return {};
}

/*!
 * md4c's callbacks, writing rich text segment by segment and the plain text beside it. Text is
 * escaped on its way in; the only tags are the ones written here.
 */
class Renderer {
public:
    Renderer(const QByteArray &source, QString linkColor, bool trackSources,
             QList<MessageFormat::Highlight> mentions = {}, MessageFormat::HighlightStyle style = {})
        : m_source(source), m_linkStyle(linkColor.isEmpty() ? QString()
                                                             : QStringLiteral(" style=\"color:%1\"").arg(linkColor.toHtmlEscaped()))
        , m_linkColor(std::move(linkColor)), m_mentions(std::move(mentions)), m_mentionStyle(std::move(style))
    {
        // Mentions are found by where md4c's text comes from, so they need the sources too.
        if (trackSources || !m_mentions.isEmpty()) {
            // UTF-8 byte → UTF-16 position, for the sources of plain characters.
            m_utf16At.resize(source.size() + 1);
            qsizetype u16 = 0;
            for (qsizetype i = 0; i < source.size(); ++i) {
                m_utf16At[i] = u16;
                const uchar c = uchar(source[i]);
                if ((c & 0xC0) != 0x80)
                    u16 += c >= 0xF0 ? 2 : 1;
            }
            m_utf16At[source.size()] = u16;
        }
    }

    void run()
    {
        MD_PARSER parser{};
        parser.flags = kFlags;
        parser.enter_block = [](MD_BLOCKTYPE type, void *detail, void *self) {
            return static_cast<Renderer *>(self)->enterBlock(type, detail);
        };
        parser.leave_block = [](MD_BLOCKTYPE type, void *detail, void *self) {
            return static_cast<Renderer *>(self)->leaveBlock(type, detail);
        };
        parser.enter_span = [](MD_SPANTYPE type, void *detail, void *self) {
            return static_cast<Renderer *>(self)->enterSpan(type, detail);
        };
        parser.leave_span = [](MD_SPANTYPE type, void *detail, void *self) {
            return static_cast<Renderer *>(self)->leaveSpan(type, detail);
        };
        parser.text = [](MD_TEXTTYPE type, const MD_CHAR *text, MD_SIZE size, void *self) {
            return static_cast<Renderer *>(self)->onText(type, text, size);
        };
        md_parse(m_source.constData(), MD_SIZE(m_source.size()), &parser, this);
        closeParagraph();
        flushPart();
        while (plain.endsWith(u'\n')) {
            plain.chop(1);
            if (!sources.isEmpty())
                sources.removeLast();
        }
    }

    QList<MessageFormat::Segment> segments;
    QString plain;
    QList<qsizetype> sources;

private:
    struct Block {
        QString html;
        int indent = 0;
        int gap = 0;
        bool raw = false; //!< a rule or a preformatted block: not wrapped in a paragraph
    };
    struct List {
        bool ordered = false;
        unsigned next = 1;
        bool tight = true;
    };

    // ---- blocks ----
    int enterBlock(MD_BLOCKTYPE type, void *detail)
    {
        switch (type) {
        case MD_BLOCK_QUOTE:
            closeParagraph();
            if (m_quoteDepth == 0 && m_lists.isEmpty()) {
                flushPart();
                m_kind = MessageFormat::Segment::Kind::Quote;
            }
            ++m_quoteDepth;
            break;
        case MD_BLOCK_UL:
        case MD_BLOCK_OL: {
            closeParagraph();
            List list;
            list.ordered = type == MD_BLOCK_OL;
            if (list.ordered) {
                const auto *ol = static_cast<MD_BLOCK_OL_DETAIL *>(detail);
                list.next = ol->start;
                list.tight = ol->is_tight != 0;
            } else {
                list.tight = static_cast<MD_BLOCK_UL_DETAIL *>(detail)->is_tight != 0;
            }
            m_lists.append(list);
            break;
        }
        case MD_BLOCK_LI: {
            closeParagraph();
            List &list = m_lists.last();
            m_marker = list.ordered ? QStringLiteral("%1. ").arg(list.next++) : QStringLiteral("• ");
            m_itemStart = true;
            break;
        }
        case MD_BLOCK_P:
        case MD_BLOCK_H:
            closeParagraph();
            m_heading = type == MD_BLOCK_H;
            break;
        case MD_BLOCK_HR:
            closeParagraph();
            addBlock(Block{QStringLiteral("<hr>"), indent(), kGapPx, true});
            break;
        case MD_BLOCK_CODE: {
            closeParagraph();
            startPlainLine();
            const auto *code = static_cast<MD_BLOCK_CODE_DETAIL *>(detail);
            m_codeLanguage = attributeText(code->lang);
            m_code.clear();
            m_inCodeBlock = true;
            break;
        }
        default:
            break;
        }
        return 0;
    }

    int leaveBlock(MD_BLOCKTYPE type, void *)
    {
        switch (type) {
        case MD_BLOCK_QUOTE:
            closeParagraph();
            if (--m_quoteDepth == 0 && m_lists.isEmpty() && m_kind == MessageFormat::Segment::Kind::Quote)
                flushPart();
            break;
        case MD_BLOCK_UL:
        case MD_BLOCK_OL:
            closeParagraph();
            m_lists.removeLast();
            break;
        case MD_BLOCK_LI:
        case MD_BLOCK_P:
            closeParagraph();
            break;
        case MD_BLOCK_H:
            closeParagraph();
            m_heading = false;
            break;
        case MD_BLOCK_CODE: {
            m_inCodeBlock = false;
            QString code = m_code;
            if (code.endsWith(u'\n'))
                code.chop(1);
            startPlainLine();
            if (m_quoteDepth == 0 && m_lists.isEmpty()) {
                flushPart();
                segments.append({MessageFormat::Segment::Kind::Code, {}, code, m_codeLanguage});
            } else {
                addBlock(Block{QStringLiteral("<pre>") + code.toHtmlEscaped() + QStringLiteral("</pre>"), indent(), kGapPx, true});
            }
            break;
        }
        default:
            break;
        }
        return 0;
    }

    // ---- spans ----
    int enterSpan(MD_SPANTYPE type, void *detail)
    {
        switch (type) {
        case MD_SPAN_EM:
            emitTag(QStringLiteral("<i>"));
            break;
        case MD_SPAN_STRONG:
            emitTag(QStringLiteral("<b>"));
            break;
        case MD_SPAN_DEL:
            emitTag(QStringLiteral("<s>"));
            break;
        case MD_SPAN_CODE:
            emitTag(QStringLiteral("<code>"));
            ++m_inCodeSpan;
            break;
        case MD_SPAN_A: {
            const QString href = safeHref(attributeText(static_cast<MD_SPAN_A_DETAIL *>(detail)->href));
            m_links.append(!href.isEmpty());
            if (!href.isEmpty())
                emitTag(QStringLiteral("<a href=\"%1\"%2>").arg(href.toHtmlEscaped(), m_linkStyle));
            break;
        }
        case MD_SPAN_IMG: {
            // Never loaded: its description stands in, linked when the image is on the web.
            const QString src = safeHref(attributeText(static_cast<MD_SPAN_IMG_DETAIL *>(detail)->src));
            const bool web = !src.isEmpty() && !src.startsWith(QLatin1StringView("mailto:"), Qt::CaseInsensitive);
            m_links.append(web);
            m_images.append({web ? src : QString(), plainLength()});
            if (web)
                emitTag(QStringLiteral("<a href=\"%1\"%2>").arg(src.toHtmlEscaped(), m_linkStyle));
            break;
        }
        default:
            break;
        }
        return 0;
    }

    int leaveSpan(MD_SPANTYPE type, void *)
    {
        switch (type) {
        case MD_SPAN_EM:
            emitTag(QStringLiteral("</i>"));
            break;
        case MD_SPAN_STRONG:
            emitTag(QStringLiteral("</b>"));
            break;
        case MD_SPAN_DEL:
            emitTag(QStringLiteral("</s>"));
            break;
        case MD_SPAN_CODE:
            --m_inCodeSpan;
            emitTag(QStringLiteral("</code>"));
            break;
        case MD_SPAN_IMG: {
            const auto image = m_images.takeLast();
            if (plainLength() == image.second) // no description: say what it is
                addText(image.first.isEmpty() ? MessageFormat::tr("image") : image.first, -1, true);
            if (m_links.takeLast())
                emitTag(QStringLiteral("</a>"));
            break;
        }
        case MD_SPAN_A:
            if (m_links.takeLast())
                emitTag(QStringLiteral("</a>"));
            break;
        default:
            break;
        }
        return 0;
    }

    // ---- text ----
    int onText(MD_TEXTTYPE type, const MD_CHAR *text, MD_SIZE size)
    {
        const QString s = QString::fromUtf8(text, qsizetype(size));
        const qsizetype source = sourceOf(text);
        switch (type) {
        case MD_TEXT_CODE:
            if (m_inCodeBlock) {
                m_code += s;
                addPlain(s, source, true);
            } else {
                addText(s, source, true);
            }
            break;
        case MD_TEXT_BR:
        case MD_TEXT_SOFTBR: // a chat message keeps its line breaks
            openParagraph();
            flushPending();
            m_paragraph += QStringLiteral("<br>");
            addPlain(QStringLiteral("\n"), -1, false);
            break;
        case MD_TEXT_ENTITY:
            addText(decodeEntity(s), source, false, false);
            break;
        case MD_TEXT_NULLCHAR:
            addText(QString(QChar(0xFFFD)), source, false);
            break;
        default: // normal text, and raw HTML that NOHTML leaves as text anyway
            addRunningText(s, source);
            break;
        }
        return 0;
    }

    //! Running text, with the parts that lie inside a mention set apart. md4c may cut a mention
    //! into several texts (an entity, emphasis inside a name): each piece is set apart on its own.
    void addRunningText(const QString &s, qsizetype source)
    {
        if (m_mentions.isEmpty() || source < 0 || m_inCodeSpan > 0) {
            addText(s, source, false);
            return;
        }
        qsizetype at = 0;
        while (at < s.size()) {
            const qsizetype pos = source + at;
            const MessageFormat::Highlight *inside = nullptr;
            qsizetype nextStart = source + s.size();
            for (const auto &m : std::as_const(m_mentions)) {
                if (pos >= m.start && pos < m.start + m.length) {
                    inside = &m;
                    break;
                }
                if (m.start > pos)
                    nextStart = std::min(nextStart, m.start);
            }
            if (!inside) {
                addText(s.sliced(at, nextStart - pos), pos, false);
                at += nextStart - pos;
                continue;
            }
            const qsizetype length = std::min(inside->start + inside->length - pos, s.size() - at);
            QString style = QStringLiteral("color:%1;font-weight:600").arg(m_mentionStyle.color.toHtmlEscaped());
            if (inside->me)
                style += QStringLiteral(";background-color:%1").arg(m_mentionStyle.mineBackground.toHtmlEscaped());
            emitTag(QStringLiteral("<span style=\"%1\">").arg(style));
            addText(s.sliced(at, length), pos, true);
            emitTag(QStringLiteral("</span>"));
            at += length;
        }
    }

    //! Where md4c's text starts in the source (UTF-16), or -1 when it is not from there.
    qsizetype sourceOf(const MD_CHAR *text) const
    {
        const auto at = quintptr(text), begin = quintptr(m_source.constData());
        if (m_utf16At.isEmpty() || at < begin || at >= begin + quintptr(m_source.size()))
            return -1;
        return m_utf16At[qsizetype(at - begin)];
    }

    //! Text of a paragraph: links are looked for in it unless it is code or a link's own text.
    void addText(const QString &s, qsizetype source, bool literal, bool exact = true)
    {
        openParagraph();
        if (literal || m_inCodeSpan > 0 || m_links.contains(true) || !m_images.isEmpty()) {
            flushPending();
            m_paragraph += s.toHtmlEscaped();
        } else {
            m_pending += s;
        }
        addPlain(s, source, exact);
    }

    //! `exact`: `s` stands in the source as it is, character for character (not an entity decoded
    //! into it, whose characters all come from where it starts).
    void addPlain(const QString &s, qsizetype source, bool exact)
    {
        plain += s;
        if (m_utf16At.isEmpty())
            return;
        for (qsizetype i = 0; i < s.size(); ++i)
            sources.append(source < 0 ? -1 : source + (exact ? i : 0));
    }

    void flushPending()
    {
        if (m_pending.isEmpty())
            return;
        m_paragraph += Linkify::html(m_pending, m_linkColor);
        m_pending.clear();
    }

    void emitTag(const QString &tag)
    {
        openParagraph();
        flushPending();
        m_paragraph += tag;
    }

    int indent() const { return int(m_lists.size() + (m_kind == MessageFormat::Segment::Kind::Quote ? m_quoteDepth - 1 : m_quoteDepth)) * kIndentPx; }
    qsizetype plainLength() const { return plain.size(); }

    void startPlainLine()
    {
        if (!plain.isEmpty() && !plain.endsWith(u'\n'))
            addPlain(QStringLiteral("\n"), -1, false);
    }

    void openParagraph()
    {
        if (m_open)
            return;
        m_open = true;
        m_paragraph.clear();
        startPlainLine();
        if (m_heading)
            m_paragraph += QStringLiteral("<b>");
        if (!m_marker.isEmpty()) {
            m_paragraph += m_marker.toHtmlEscaped();
            addPlain(m_marker, -1, false);
            m_marker.clear();
        }
    }

    void closeParagraph()
    {
        if (!m_open)
            return;
        flushPending();
        if (m_heading)
            m_paragraph += QStringLiteral("</b>");
        const bool item = !m_lists.isEmpty();
        const int gap = item && m_itemStart && m_lists.last().tight ? kItemGapPx : kGapPx;
        m_itemStart = false;
        addBlock(Block{m_paragraph, indent(), gap, false});
        m_open = false;
        m_paragraph.clear();
    }

    void addBlock(const Block &block) { m_blocks.append(block); }

    //! The blocks gathered so far become one segment: a single plain paragraph as it is, else
    //! each in a paragraph of its own with its indent and the gap above it.
    void flushPart()
    {
        if (m_blocks.isEmpty()) {
            m_kind = MessageFormat::Segment::Kind::Text;
            return;
        }
        QString html;
        if (m_blocks.size() == 1 && m_blocks[0].indent == 0 && !m_blocks[0].raw) {
            html = m_blocks[0].html;
        } else {
            for (qsizetype i = 0; i < m_blocks.size(); ++i) {
                const Block &b = m_blocks[i];
                const QString style = QStringLiteral("margin-top:%1px; margin-bottom:0px; margin-left:%2px")
                                          .arg(i == 0 ? 0 : b.gap)
                                          .arg(b.indent);
                html += b.raw ? QStringLiteral("<div style=\"%1\">%2</div>").arg(style, b.html)
                              : QStringLiteral("<p style=\"%1\">%2</p>").arg(style, b.html);
            }
        }
        segments.append({m_kind, html, {}, {}});
        m_blocks.clear();
        m_kind = MessageFormat::Segment::Kind::Text;
    }

    const QByteArray &m_source;
    QList<qsizetype> m_utf16At;
    const QString m_linkStyle;
    const QString m_linkColor;
    const QList<MessageFormat::Highlight> m_mentions;
    const MessageFormat::HighlightStyle m_mentionStyle;
    MessageFormat::Segment::Kind m_kind = MessageFormat::Segment::Kind::Text;
    QList<Block> m_blocks;
    QList<List> m_lists;
    QList<bool> m_links;                      //!< open links and images: whether each is a link
    QList<std::pair<QString, qsizetype>> m_images; //!< open images: their web address, plain length at start
    QString m_paragraph;
    QString m_pending; //!< text not yet looked through for addresses
    QString m_marker;  //!< the list mark the next paragraph starts with
    QString m_code;
    QString m_codeLanguage;
    int m_quoteDepth = 0;
    int m_inCodeSpan = 0;
    bool m_inCodeBlock = false;
    bool m_heading = false;
    bool m_open = false;
    bool m_itemStart = false;
};

} // namespace

QList<MessageFormat::Segment> MessageFormat::parse(const QString &markdown, const QString &linkColor)
{
    const QByteArray source = markdown.toUtf8();
    Renderer renderer(source, linkColor, false);
    renderer.run();
    return renderer.segments;
}

QList<MessageFormat::Segment> MessageFormat::parse(const QString &markdown, const QString &linkColor,
                                                  const QList<Highlight> &mentions, const HighlightStyle &style)
{
    QList<Highlight> valid;
    for (const Highlight &m : mentions) {
        if (m.start >= 0 && m.length > 0 && m.start + m.length <= markdown.size())
            valid.append(m);
    }
    const QByteArray source = markdown.toUtf8();
    Renderer renderer(source, linkColor, false, valid, style);
    renderer.run();
    return renderer.segments;
}

QString MessageFormat::plainText(const QString &markdown, QList<qsizetype> *sources)
{
    const QByteArray source = markdown.toUtf8();
    Renderer renderer(source, {}, sources != nullptr);
    renderer.run();
    if (sources)
        *sources = renderer.sources;
    return renderer.plain;
}

QVariantList MessageFormat::segments(const QString &markdown, const QString &linkColor, const QVariantList &mentions,
                                     const QString &mentionColor, const QString &mineBackground)
{
    static const char *const kKinds[] = {"text", "code", "quote"};
    QList<Highlight> highlights;
    for (const QVariant &v : mentions) {
        const QVariantMap m = v.toMap();
        highlights.append({m.value(QStringLiteral("start")).toLongLong(), m.value(QStringLiteral("length")).toLongLong(),
                           m.value(QStringLiteral("me")).toBool()});
    }
    QVariantList out;
    for (const Segment &s : parse(markdown, linkColor, highlights, {mentionColor, mineBackground})) {
        out.append(QVariantMap{{QStringLiteral("type"), QString::fromLatin1(kKinds[int(s.kind)])},
                               {QStringLiteral("html"), s.html},
                               {QStringLiteral("code"), s.code},
                               {QStringLiteral("language"), s.language}});
    }
    return out;
}

void MessageFormat::copy(const QString &text)
{
    if (auto *clipboard = QGuiApplication::clipboard())
        clipboard->setText(text);
}

} // namespace confab::client

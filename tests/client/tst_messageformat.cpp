// Formatted messages without a server: every construct of the Markdown subset, what is refused
// (raw HTML, images, links that are not http(s) or mailto), the plain text and where it came from.
#include "messageformat.h"

#include <QTest>

using confab::client::MessageFormat;
using Kind = MessageFormat::Segment::Kind;

namespace {
//! The rich text of a message that is one part of running text.
QString html(const QString &markdown)
{
    const auto parts = MessageFormat::parse(markdown);
    if (parts.size() != 1 || parts[0].kind != Kind::Text) {
        qWarning("%lld parts", qlonglong(parts.size()));
        return {};
    }
    return parts[0].html;
}
QString a(const QString &href, const QString &text)
{
    return QStringLiteral("<a href=\"%1\">%2</a>").arg(href, text);
}
} // namespace

class TestMessageFormat : public QObject {
    Q_OBJECT
private slots:
    void inlineText_data()
    {
        QTest::addColumn<QString>("markdown");
        QTest::addColumn<QString>("html");
        QTest::newRow("plain") << u"hello"_qs << u"hello"_qs;
        QTest::newRow("bold") << u"a **b** c"_qs << u"a <b>b</b> c"_qs;
        QTest::newRow("bold underscores") << u"__b__"_qs << u"<b>b</b>"_qs;
        QTest::newRow("italic") << u"*i* and _j_"_qs << u"<i>i</i> and <i>j</i>"_qs;
        QTest::newRow("strikethrough") << u"~~gone~~"_qs << u"<s>gone</s>"_qs;
        QTest::newRow("inline code") << u"run `make <all>`"_qs << u"run <code>make &lt;all&gt;</code>"_qs;
        QTest::newRow("nested") << u"***both***"_qs << u"<i><b>both</b></i>"_qs;
        QTest::newRow("line breaks kept") << u"one\ntwo"_qs << u"one<br>two"_qs;
        QTest::newRow("escaped marks") << u"\\*not italic\\*"_qs << u"*not italic*"_qs;
        QTest::newRow("underscores inside words") << u"snake_case_name"_qs << u"snake_case_name"_qs;
        QTest::newRow("heading is bold") << u"# Title"_qs << u"<b>Title</b>"_qs;
        QTest::newRow("korean") << u"**안녕하세요** 여러분"_qs << u"<b>안녕하세요</b> 여러분"_qs;
        // Raw HTML is text, whatever it is.
        QTest::newRow("raw b") << u"<b>not bold</b>"_qs << u"&lt;b&gt;not bold&lt;/b&gt;"_qs;
        QTest::newRow("raw img") << u"<img src=\"https://evil.example/x.png\" onerror=alert(1)>"_qs
                                 << u"&lt;img src=&quot;"_qs + a(u"https://evil.example/x.png"_qs, u"https://evil.example/x.png"_qs)
                                        + u"&quot; onerror=alert(1)&gt;"_qs;
        QTest::newRow("raw script") << u"<script>alert(1)</script>"_qs << u"&lt;script&gt;alert(1)&lt;/script&gt;"_qs;
        QTest::newRow("entities stay text") << u"&lt;b&gt; &amp; &#60;i&#62;"_qs << u"&lt;b&gt; &amp; &lt;i&gt;"_qs;
        QTest::newRow("indented is not code") << u"    four spaces"_qs << u"four spaces"_qs;
        QTest::newRow("no tables") << u"| a | b |\n|---|---|"_qs << u"| a | b |<br>|---|---|"_qs;
        // Links: http(s) and mailto only; bare addresses as Linkify finds them.
        QTest::newRow("link") << u"[site](https://example.org/a?b=1&c=2)"_qs
                              << a(u"https://example.org/a?b=1&amp;c=2"_qs, u"site"_qs);
        QTest::newRow("mailto") << u"[mail me](mailto:mina@example.org)"_qs << a(u"mailto:mina@example.org"_qs, u"mail me"_qs);
        QTest::newRow("javascript refused") << u"[click](javascript:alert(1))"_qs << u"click"_qs;
        QTest::newRow("javascript upper case") << u"[click](JaVaScRiPt:alert(1))"_qs << u"click"_qs;
        QTest::newRow("data refused") << u"[x](data:text/html;base64,PHNjcmlwdD4=)"_qs << u"x"_qs;
        QTest::newRow("file refused") << u"[x](file:///etc/passwd)"_qs << u"x"_qs;
        QTest::newRow("relative refused") << u"[x](/admin)"_qs << u"x"_qs;
        QTest::newRow("angle autolink") << u"<https://example.org>"_qs << a(u"https://example.org"_qs, u"https://example.org"_qs);
        QTest::newRow("bare address") << u"see https://example.org, now"_qs
                                      << u"see "_qs + a(u"https://example.org"_qs, u"https://example.org"_qs) + u", now"_qs;
        QTest::newRow("bare www") << u"www.example.org/menu."_qs
                                  << a(u"https://www.example.org/menu"_qs, u"www.example.org/menu"_qs) + u"."_qs;
        QTest::newRow("no link in code") << u"`https://example.org`"_qs << u"<code>https://example.org</code>"_qs;
        QTest::newRow("bold address") << u"**https://example.org**"_qs
                                      << u"<b>"_qs + a(u"https://example.org"_qs, u"https://example.org"_qs) + u"</b>"_qs;
        // Images are never loaded: their description, linked when they are on the web.
        QTest::newRow("remote image") << u"![a cat](https://example.org/cat.png)"_qs
                                      << a(u"https://example.org/cat.png"_qs, u"a cat"_qs);
        QTest::newRow("image without description") << u"![](https://example.org/cat.png)"_qs
                                                   << a(u"https://example.org/cat.png"_qs, u"https://example.org/cat.png"_qs);
        QTest::newRow("local image") << u"![secret](file:///home/mina/x.png)"_qs << u"secret"_qs;
    }
    void inlineText()
    {
        QFETCH(QString, markdown);
        QFETCH(QString, html);
        QCOMPARE(::html(markdown), html);
    }

    void nothingLoadsOrRuns_data()
    {
        QTest::addColumn<QString>("markdown");
        QTest::newRow("image") << u"![x](https://example.org/x.png) ![y](http://example.org/y.gif \"title\")"_qs;
        QTest::newRow("raw img") << u"<img src=https://example.org/x.png>"_qs;
        QTest::newRow("html block") << u"<div>\n<img src=\"https://example.org/x.png\">\n</div>"_qs;
        QTest::newRow("javascript") << u"[a](javascript:alert(1)) <a href=\"javascript:alert(1)\">b</a>"_qs;
        QTest::newRow("quote in href") << u"[x](https://example.org/\"onmouseover=\"alert(1))"_qs;
        QTest::newRow("in a quote and a list") << u"> ![x](https://example.org/x.png)\n\n- [y](vbscript:msgbox)"_qs;
    }
    void nothingLoadsOrRuns()
    {
        QFETCH(QString, markdown);
        for (const auto &part : MessageFormat::parse(markdown)) {
            QVERIFY2(!part.html.contains(u"<img", Qt::CaseInsensitive), qPrintable(part.html));
            QVERIFY2(!part.html.contains(u"href=\"javascript", Qt::CaseInsensitive), qPrintable(part.html));
            QVERIFY2(!part.html.contains(u"href=\"vbscript", Qt::CaseInsensitive), qPrintable(part.html));
            QVERIFY2(!part.html.contains(u"<div>"), qPrintable(part.html));
            QVERIFY2(!part.html.contains(u"\"onmouseover"), qPrintable(part.html));
        }
    }

    void codeBlocks()
    {
        const auto parts = MessageFormat::parse(u"Try this:\n\n```cpp\nint main() {\n    return 0; // <ok>\n}\n```\nThen **run** it."_qs);
        QCOMPARE(parts.size(), 3);
        QCOMPARE(parts[0].kind, Kind::Text);
        QCOMPARE(parts[0].html, u"Try this:"_qs);
        QCOMPARE(parts[1].kind, Kind::Code);
        QCOMPARE(parts[1].code, u"int main() {\n    return 0; // <ok>\n}"_qs);
        QCOMPARE(parts[1].language, u"cpp"_qs);
        QCOMPARE(parts[2].html, u"Then <b>run</b> it."_qs);
        // Unclosed (a message still streaming): code to the end.
        const auto open = MessageFormat::parse(u"```\nline one\nline two"_qs);
        QCOMPARE(open.size(), 1);
        QCOMPARE(open[0].code, u"line one\nline two"_qs);
        // Tildes fence too; the language is optional.
        const auto tilde = MessageFormat::parse(u"~~~\n**not bold**\n~~~"_qs);
        QCOMPARE(tilde.size(), 1);
        QCOMPARE(tilde[0].code, u"**not bold**"_qs);
        QCOMPARE(tilde[0].language, QString());
    }

    void quotes()
    {
        const auto parts = MessageFormat::parse(u"> first line\n> second *line*\n\nmy answer"_qs);
        QCOMPARE(parts.size(), 2);
        QCOMPARE(parts[0].kind, Kind::Quote);
        QCOMPARE(parts[0].html, u"first line<br>second <i>line</i>"_qs);
        QCOMPARE(parts[1].kind, Kind::Text);
        QCOMPARE(parts[1].html, u"my answer"_qs);
    }

    void lists()
    {
        const QString bullets = html(u"- one\n- **two**"_qs);
        QVERIFY2(bullets.contains(u"• one"), qPrintable(bullets));
        QVERIFY2(bullets.contains(u"• <b>two</b>"), qPrintable(bullets));
        QVERIFY(bullets.contains(u"margin-left:18px"));
        const QString numbered = html(u"3. three\n4. four"_qs);
        QVERIFY2(numbered.contains(u"3. three") && numbered.contains(u"4. four"), qPrintable(numbered));
        const QString nested = html(u"- a\n  - b"_qs);
        QVERIFY2(nested.contains(u"margin-left:36px\">• b"), qPrintable(nested));
    }

    void plainText_data()
    {
        QTest::addColumn<QString>("markdown");
        QTest::addColumn<QString>("plain");
        QTest::newRow("marks gone") << u"**bold**, *it*, ~~no~~ and `code`"_qs << u"bold, it, no and code"_qs;
        QTest::newRow("link text") << u"[the doc](https://example.org) and https://x.org"_qs << u"the doc and https://x.org"_qs;
        QTest::newRow("image description") << u"![a cat](https://example.org/cat.png)"_qs << u"a cat"_qs;
        QTest::newRow("raw html stays") << u"<b>hi</b>"_qs << u"<b>hi</b>"_qs;
        QTest::newRow("lines") << u"one\ntwo\n\nthree"_qs << u"one\ntwo\nthree"_qs;
        QTest::newRow("list") << u"- one\n- two"_qs << u"• one\n• two"_qs;
        QTest::newRow("quote") << u"> said"_qs << u"said"_qs;
        QTest::newRow("code block") << u"```js\nlet x = 1\n```"_qs << u"let x = 1"_qs;
        QTest::newRow("entities") << u"&lt;3 &amp; more"_qs << u"<3 & more"_qs;
        QTest::newRow("empty") << QString() << QString();
    }
    void plainText()
    {
        QFETCH(QString, markdown);
        QFETCH(QString, plain);
        QCOMPARE(MessageFormat::plainText(markdown), plain);
    }

    //! Where each plain character came from: search highlights move onto the plain text with it.
    void sources()
    {
        QList<qsizetype> sources;
        QCOMPARE(MessageFormat::plainText(u"a **b** c"_qs, &sources), u"a b c"_qs);
        QCOMPARE(sources, (QList<qsizetype>{0, 1, 4, 7, 8}));
        QCOMPARE(MessageFormat::plainText(u"가 **나다**"_qs, &sources), u"가 나다"_qs);
        QCOMPARE(sources, (QList<qsizetype>{0, 1, 4, 5}));
        QCOMPARE(MessageFormat::plainText(u"- x"_qs, &sources), u"• x"_qs);
        QCOMPARE(sources, (QList<qsizetype>{-1, -1, 2}));
    }

    void segmentsForQml()
    {
        const QVariantList parts = MessageFormat::segments(u"[a](https://example.org)\n\n```\nx\n```"_qs, u"#2F6FED"_qs);
        QCOMPARE(parts.size(), 2);
        const QVariantMap text = parts[0].toMap();
        QCOMPARE(text.value(u"type"_qs).toString(), u"text"_qs);
        QCOMPARE(text.value(u"html"_qs).toString(), u"<a href=\"https://example.org\" style=\"color:#2F6FED\">a</a>"_qs);
        const QVariantMap code = parts[1].toMap();
        QCOMPARE(code.value(u"type"_qs).toString(), u"code"_qs);
        QCOMPARE(code.value(u"code"_qs).toString(), u"x"_qs);
    }

    void mentionsAreSetApartInsideTheMarkdown()
    {
        const MessageFormat::HighlightStyle style{u"#2F6FED"_qs, u"#FFF4D6"_qs};
        const QString mine = u"<span style=\"color:#2F6FED;font-weight:600;background-color:#FFF4D6\">"_qs;
        const QString other = u"<span style=\"color:#2F6FED;font-weight:600\">"_qs;
        // The Markdown around the mentions still renders; raw HTML stays text.
        auto parts = MessageFormat::parse(u"**@Mina** and @Jo <b>"_qs, {}, {{2, 5, true}, {14, 3, false}}, style);
        QCOMPARE(parts.size(), 1);
        QCOMPARE(parts[0].html, u"<b>"_qs + mine + u"@Mina</span></b> and "_qs + other + u"@Jo</span> &lt;b&gt;"_qs);
        // A mention that emphasis cuts in two is set apart piece by piece.
        parts = MessageFormat::parse(u"@Mina *Park* hi"_qs, {}, {{0, 12, false}}, style);
        QCOMPARE(parts[0].html, other + u"@Mina </span><i>"_qs + other + u"Park</span></i> hi"_qs);
        // In code, a mention is code as written.
        parts = MessageFormat::parse(u"`@Mina`"_qs, {}, {{1, 5, true}}, style);
        QCOMPARE(parts[0].html, u"<code>@Mina</code>"_qs);
        // Ranges outside the text (a stale cache) are ignored, never cut.
        parts = MessageFormat::parse(u"abc"_qs, {}, {{3, 50, false}, {-1, 2, false}}, style);
        QCOMPARE(parts[0].html, u"abc"_qs);
        // A mention next to a bare address: the address stays a link, the mention does not join it.
        parts = MessageFormat::parse(u"@Jo https://example.org"_qs, {}, {{0, 3, false}}, style);
        QCOMPARE(parts[0].html, other + u"@Jo</span> <a href=\"https://example.org\">https://example.org</a>"_qs);
    }

    void mentionsFromQml()
    {
        const QVariantList mentions{QVariantMap{{u"start"_qs, 0}, {u"length"_qs, 3}, {u"me"_qs, true}}};
        const QVariantList parts = MessageFormat::segments(u"@Jo *hi*"_qs, {}, mentions, u"red"_qs, u"blue"_qs);
        QCOMPARE(parts.size(), 1);
        QCOMPARE(parts[0].toMap().value(u"html"_qs).toString(),
                 u"<span style=\"color:red;font-weight:600;background-color:blue\">@Jo</span> <i>hi</i>"_qs);
    }
};

QTEST_GUILESS_MAIN(TestMessageFormat)
#include "tst_messageformat.moc"

// Message text to rich text without a server: escaping, which addresses become links and where
// they end.
#include "linkify.h"

#include <QTest>

using confab::client::Linkify;

class TestLinkify : public QObject {
    Q_OBJECT
private slots:
    void html_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("html");
        const auto a = [](const QString &href, const QString &shown) {
            return QStringLiteral("<a href=\"%1\">%2</a>").arg(href, shown);
        };
        QTest::newRow("plain") << u"hello"_qs << u"hello"_qs;
        QTest::newRow("escaped") << u"a < b && c > \"d\""_qs << u"a &lt; b &amp;&amp; c &gt; &quot;d&quot;"_qs;
        QTest::newRow("markup is text") << u"<b>bold</b> <a href=x>y</a>"_qs
                                        << u"&lt;b&gt;bold&lt;/b&gt; &lt;a href=x&gt;y&lt;/a&gt;"_qs;
        QTest::newRow("line breaks") << u"one\ntwo"_qs << u"one<br>two"_qs;
        QTest::newRow("https") << u"see https://example.org/a?b=1&c=2 now"_qs
                               << u"see "_qs + a(u"https://example.org/a?b=1&amp;c=2"_qs, u"https://example.org/a?b=1&amp;c=2"_qs) + u" now"_qs;
        QTest::newRow("http upper case") << u"HTTP://Example.org"_qs << a(u"HTTP://Example.org"_qs, u"HTTP://Example.org"_qs);
        QTest::newRow("bare www") << u"www.example.org"_qs << a(u"https://www.example.org"_qs, u"www.example.org"_qs);
        QTest::newRow("bare www with path") << u"menu: www.example.org/lunch/today."_qs
                                            << u"menu: "_qs + a(u"https://www.example.org/lunch/today"_qs, u"www.example.org/lunch/today"_qs) + u"."_qs;
        QTest::newRow("sentence punctuation") << u"Look at https://example.org, or https://example.org!"_qs
                                              << u"Look at "_qs + a(u"https://example.org"_qs, u"https://example.org"_qs) + u", or "_qs
                                                     + a(u"https://example.org"_qs, u"https://example.org"_qs) + u"!"_qs;
        QTest::newRow("in brackets") << u"(www.example.org)"_qs << u"("_qs + a(u"https://www.example.org"_qs, u"www.example.org"_qs) + u")"_qs;
        QTest::newRow("balanced brackets kept") << u"https://en.wikipedia.org/wiki/Otter_(disambiguation)"_qs
                                                << a(u"https://en.wikipedia.org/wiki/Otter_(disambiguation)"_qs,
                                                     u"https://en.wikipedia.org/wiki/Otter_(disambiguation)"_qs);
        QTest::newRow("quotes end it") << u"\"https://example.org\""_qs
                                       << u"&quot;"_qs + a(u"https://example.org"_qs, u"https://example.org"_qs) + u"&quot;"_qs;
        QTest::newRow("korean around") << u"여기 www.example.org 봐"_qs << u"여기 "_qs + a(u"https://www.example.org"_qs, u"www.example.org"_qs) + u" 봐"_qs;
        QTest::newRow("link and breaks") << u"a\nwww.example.org\nb"_qs << u"a<br>"_qs + a(u"https://www.example.org"_qs, u"www.example.org"_qs) + u"<br>b"_qs;
        QTest::newRow("not a host") << u"www. and www.example and wwwexample.org"_qs << u"www. and www.example and wwwexample.org"_qs;
        QTest::newRow("scheme alone") << u"http:// nothing"_qs << u"http:// nothing"_qs;
        QTest::newRow("inside a word or mail") << u"mina@www.example.org foo.www.example.org"_qs
                                               << u"mina@www.example.org foo.www.example.org"_qs;
        QTest::newRow("no javascript") << u"javascript:alert(1) www.example.org\"onmouseover=x"_qs
                                       << u"javascript:alert(1) "_qs + a(u"https://www.example.org"_qs, u"www.example.org"_qs)
                                              + u"&quot;onmouseover=x"_qs;
    }
    void html()
    {
        QFETCH(QString, text);
        QFETCH(QString, html);
        QCOMPARE(Linkify::html(text), html);
    }

    void linkColour()
    {
        QCOMPARE(Linkify::html(QStringLiteral("www.example.org"), QStringLiteral("#2F6FED")),
                 QStringLiteral("<a href=\"https://www.example.org\" style=\"color:#2F6FED\">www.example.org</a>"));
    }
};

QTEST_GUILESS_MAIN(TestLinkify)
#include "tst_linkify.moc"

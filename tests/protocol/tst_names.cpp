// Names that cannot lie (protocol/text.h): the rule that server and client share for display names,
// titles, descriptions and file names.
#include "protocol/frames.h"
#include "protocol/text.h"

#include <QJsonDocument>
#include <QtTest>

using namespace confab::protocol;

namespace {
QString decodeDisplayName(const QString &name, QString *error)
{
    AuthRegister reg;
    reg.username = QStringLiteral("mallory");
    reg.password = QStringLiteral("long enough password");
    reg.displayName = name;
    reg.device = QStringLiteral("test");
    const auto decoded = decodeFrame(encodeFrame(reg, {QStringLiteral("r1"), {}}));
    if (!decoded.ok()) {
        *error = decoded.errorString();
        return {};
    }
    return std::get<AuthRegister>(decoded->frame).displayName;
}
} // namespace

class TestNames : public QObject {
    Q_OBJECT
private slots:
    void hiddenCharactersAreRefused_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("codePoint");
        QTest::newRow("right-to-left override") << QStringLiteral("\u202Egnp.exe Admin") << QStringLiteral("U+202E");
        QTest::newRow("left-to-right embedding") << QStringLiteral("a\u202Ab") << QStringLiteral("U+202A");
        QTest::newRow("pop directional formatting") << QStringLiteral("ab\u202C") << QStringLiteral("U+202C");
        QTest::newRow("right-to-left isolate") << QStringLiteral("\u2067Bob") << QStringLiteral("U+2067");
        QTest::newRow("pop directional isolate") << QStringLiteral("Bob\u2069") << QStringLiteral("U+2069");
        QTest::newRow("right-to-left mark") << QStringLiteral("Bob\u200F") << QStringLiteral("U+200F");
        QTest::newRow("arabic letter mark") << QStringLiteral("\u061CBob") << QStringLiteral("U+061C");
        QTest::newRow("zero-width space") << QStringLiteral("Al\u200Bice") << QStringLiteral("U+200B");
        QTest::newRow("joiner between ASCII") << QStringLiteral("ad\u200Dmin") << QStringLiteral("U+200D");
        QTest::newRow("joiner at the end") << QStringLiteral("\U0001F469\u200D") << QStringLiteral("U+200D");
        QTest::newRow("word joiner") << QStringLiteral("Al\u2060ice") << QStringLiteral("U+2060");
        QTest::newRow("byte order mark") << QStringLiteral("Al\uFEFFice") << QStringLiteral("U+FEFF");
        QTest::newRow("soft hyphen") << QStringLiteral("Al\u00ADice") << QStringLiteral("U+00AD");
        QTest::newRow("hangul filler") << QStringLiteral("\u3164") << QStringLiteral("U+3164");
        QTest::newRow("braille blank") << QStringLiteral("x\u2800") << QStringLiteral("U+2800");
        QTest::newRow("line separator") << QStringLiteral("Al\u2028ice") << QStringLiteral("U+2028");
        QTest::newRow("tags without a flag")
            << (QStringLiteral("Alice") + QString::fromUcs4(U"\U000E0061\U000E007F")) << QStringLiteral("U+E0061");
    }
    void hiddenCharactersAreRefused()
    {
        QFETCH(QString, name);
        QFETCH(QString, codePoint);
        const auto hidden = text::findHidden(name);
        QVERIFY(hidden);
        QCOMPARE(hidden->describe(), codePoint);
        QString error;
        QCOMPARE(decodeDisplayName(name, &error), QString());
        QVERIFY2(error.contains(QStringLiteral("display_name")) && error.contains(codePoint), qPrintable(error));
    }

    void realNamesStillWork_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("korean") << QStringLiteral("김민지");
        QTest::newRow("arabic") << QStringLiteral("ليلى حداد");
        QTest::newRow("hebrew") << QStringLiteral("נועה לוי");
        QTest::newRow("persian with a non-joiner") << QStringLiteral("می\u200Cخواهم");
        QTest::newRow("devanagari with a joiner") << QStringLiteral("क्\u200Dष");
        QTest::newRow("emoji zwj sequence") << QStringLiteral("Mina \U0001F469\u200D\U0001F4BB");
        QTest::newRow("rainbow flag") << QStringLiteral("Joon \U0001F3F3\uFE0F\u200D\U0001F308");
        QTest::newRow("skin tone") << QStringLiteral("\U0001F44B\U0001F3FD hi");
        QTest::newRow("subdivision flag")
            << QString::fromUcs4(U"Ewan \U0001F3F4\U000E0067\U000E0062\U000E0073\U000E0063\U000E0074\U000E007F");
        QTest::newRow("accents") << QStringLiteral("Zoë Ångström");
    }
    void realNamesStillWork()
    {
        QFETCH(QString, name);
        QCOMPARE(text::findHidden(name), std::nullopt);
        QString error;
        QCOMPARE(decodeDisplayName(name, &error), name);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void blankNamesAreRefused()
    {
        QString error;
        QCOMPARE(decodeDisplayName(QStringLiteral("   "), &error), QString());
        QVERIFY2(error.contains(QStringLiteral("blank")), qPrintable(error));
    }

    void everyNameFieldUsesTheRule()
    {
        // A title, a description and a file name go through the same check as a display name.
        QCOMPARE(rule::DisplayName.name, true);
        QCOMPARE(rule::Title.name, true);
        QCOMPARE(rule::Description.name, true);
        QCOMPARE(rule::FileName.name, true);
        ConversationCreate create;
        create.title = QStringLiteral("Books\u202E");
        create.members = {QStringLiteral("u1")};
        const auto decoded = decodeFrame(encodeFrame(create, {QStringLiteral("r2"), {}}));
        QVERIFY(!decoded.ok());
        QVERIFY2(decoded.errorString().contains(QStringLiteral("title")), qPrintable(decoded.errorString()));
        // Message bodies are text, not names: a right-to-left mark inside Arabic prose stays.
        MessageSend send;
        send.conversationId = QStringLiteral("c1");
        send.clientId = QStringLiteral("k1");
        send.body = QStringLiteral("\u200Fمرحبا 123");
        QVERIFY(decodeFrame(encodeFrame(send, {QStringLiteral("r3"), {}})).ok());
    }

    void storedNamesCanBeCleaned()
    {
        QCOMPARE(text::withoutHidden(QStringLiteral("\u202Egnp.exe Admin")), QStringLiteral("gnp.exe Admin"));
        QCOMPARE(text::withoutHidden(QStringLiteral(" \u200BAl\u200Dice\u3164 ")), QStringLiteral("Alice"));
        QCOMPARE(text::withoutHidden(QStringLiteral("Mina \U0001F469\u200D\U0001F4BB")),
                 QStringLiteral("Mina \U0001F469\u200D\U0001F4BB"));
    }
};

QTEST_GUILESS_MAIN(TestNames)
#include "tst_names.moc"

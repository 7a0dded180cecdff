// Where mentions sit in a text, without a server: the composer's picks found in the final text
// (mentiontext.h), an edit carrying mentions over, and mentions set apart in the rich text.
#include "linkify.h"
#include "mentiontext.h"

#include <QTest>

using namespace confab::client;
using confab::protocol::Mention;

class TestMentionText : public QObject {
    Q_OBJECT
private slots:
    void picksAreFoundWhereTheyStand()
    {
        const QList<mentiontext::Pick> picks{{QStringLiteral("u1"), QStringLiteral("@Mina")},
                                             {QStringLiteral("u2"), QStringLiteral("@Mina Park")},
                                             {std::nullopt, QStringLiteral("@room")}};
        // The longer name wins where both fit; "@Minato" and "x@Mina" are not mentions; every
        // occurrence counts; UTF-16 offsets ("준" is one unit, "😀" two).
        const QString text = QStringLiteral("😀 @Mina Park, @Minato x@Mina @room and @Mina.");
        const QList<Mention> found = mentiontext::locate(text, picks);
        QCOMPARE(found.size(), 3);
        QCOMPARE(found[0].memberId, std::optional(QStringLiteral("u2")));
        QCOMPARE(found[0].start, 3);
        QCOMPARE(found[0].length, 10);
        QVERIFY(found[1].room.value_or(false));
        QCOMPARE(text.mid(found[1].start, found[1].length), QStringLiteral("@room"));
        QCOMPARE(found[2].memberId, std::optional(QStringLiteral("u1")));
        QCOMPARE(text.mid(found[2].start, found[2].length), QStringLiteral("@Mina"));
    }

    void anEditKeepsWhatIsStillThere()
    {
        const QString before = QStringLiteral("@Joon and @Sora, look");
        const QList<Mention> mentions{{QStringLiteral("u2"), std::nullopt, 0, 5}, {QStringLiteral("u4"), std::nullopt, 10, 5}};
        const QList<Mention> after = mentiontext::carryOver(before, mentions, QStringLiteral("Hi @Sora, look"));
        QCOMPARE(after.size(), 1);
        QCOMPARE(after[0].memberId, std::optional(QStringLiteral("u4")));
        QCOMPARE(after[0].start, 3);
        QVERIFY(mentiontext::carryOver(before, mentions, QStringLiteral("nobody")).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestMentionText)
#include "tst_mentiontext.moc"

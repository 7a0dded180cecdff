// Keeps docs/protocol.md true: every ```json block in it is a frame that decodes strictly and
// encodes back to exactly the same JSON, and every frame type of the library has an example.
#include "protocol/frames.h"

#include <QFile>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QtTest>

using namespace confab::protocol;

class TestProtocolDoc : public QObject {
    Q_OBJECT
private slots:
    void examplesRoundTrip()
    {
        QFile file(qEnvironmentVariable("CONFAB_PROTOCOL_DOC"));
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
        const QString text = QString::fromUtf8(file.readAll());

        static const QRegularExpression block(QStringLiteral("```json\\n(.*?)```"),
                                              QRegularExpression::DotMatchesEverythingOption);
        QSet<FrameType> seen;
        int examples = 0;
        for (auto it = block.globalMatch(text); it.hasNext();) {
            const auto match = it.next();
            const QByteArray json = match.captured(1).toUtf8();
            const int line = int(text.left(match.capturedStart()).count(u'\n')) + 1;
            const QString where = QStringLiteral("docs/protocol.md line %1").arg(line);

            QJsonParseError parseError;
            const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
            QVERIFY2(parseError.error == QJsonParseError::NoError,
                     qPrintable(where + QStringLiteral(": ") + parseError.errorString()));
            QVERIFY2(doc.isObject(), qPrintable(where));

            const auto decoded = decodeFrame(json);
            QVERIFY2(decoded.ok(), qPrintable(where + QStringLiteral(": ") + decoded.errorString()));
            const QJsonObject again = encodeObject(decoded->frame, decoded->envelope);
            if (again != doc.object()) {
                qWarning().noquote() << where << "\n  doc:    " << QJsonDocument(doc.object()).toJson(QJsonDocument::Compact)
                                     << "\n  encoded:" << QJsonDocument(again).toJson(QJsonDocument::Compact);
                QFAIL("an example does not round-trip exactly (fields missing, extra or renamed)");
            }
            seen.insert(decoded->type());
            ++examples;
        }
        QVERIFY(examples > 0);
        QStringList missing;
        for (int i = 0; i < kFrameTypeCount; ++i) {
            if (!seen.contains(FrameType(i)))
                missing << frameTypeName(FrameType(i));
        }
        QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("no example for: ") + missing.join(u", ")));
    }

    //! Every close code of the library has its row in the close-code table ("| 4006 | TooManyConnections |").
    void closeCodesAreDocumented()
    {
        QFile file(qEnvironmentVariable("CONFAB_PROTOCOL_DOC"));
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
        const QString text = QString::fromUtf8(file.readAll());
        const QList<std::pair<CloseCode, const char *>> codes = {
            {CloseCode::Normal, "Normal"},
            {CloseCode::GoingAway, "GoingAway"},
            {CloseCode::ProtocolError, "ProtocolError"},
            {CloseCode::UnsupportedData, "UnsupportedData"},
            {CloseCode::PolicyViolation, "PolicyViolation"},
            {CloseCode::TooBig, "TooBig"},
            {CloseCode::InternalError, "InternalError"},
            {CloseCode::AuthTimeout, "AuthTimeout"},
            {CloseCode::TooManyErrors, "TooManyErrors"},
            {CloseCode::SessionRevoked, "SessionRevoked"},
            {CloseCode::SlowConsumer, "SlowConsumer"},
            {CloseCode::ServerShutdown, "ServerShutdown"},
            {CloseCode::TooManyConnections, "TooManyConnections"},
        };
        for (const auto &[code, name] : codes) {
            const QString row = QStringLiteral("| %1 | %2 |").arg(int(code)).arg(QLatin1StringView(name));
            QVERIFY2(text.contains(row), qPrintable(QStringLiteral("docs/protocol.md has no row ") + row));
        }
    }

    //! What the prose says about a field holds for the examples in the same section: a field
    //! described as "`after` (default 0)" may be left out and then reads as 0; one described as
    //! "`reply_to` (optional…)" may be left out.
    void documentedDefaultsAndOptionalFieldsHold()
    {
        QFile file(qEnvironmentVariable("CONFAB_PROTOCOL_DOC"));
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
        const QString text = QString::fromUtf8(file.readAll());
        static const QRegularExpression heading(QStringLiteral("^#+ "), QRegularExpression::MultilineOption);
        static const QRegularExpression block(QStringLiteral("```json\\n(.*?)```"),
                                              QRegularExpression::DotMatchesEverythingOption);
        static const QRegularExpression described(QStringLiteral("`([a-z_]+)`\\s+\\(([^()]*)\\)"));
        static const QRegularExpression byDefault(QStringLiteral("\\bdefault (-?\\d+|true|false)\\b"));
        static const QRegularExpression optional(QStringLiteral("(^|[ ,;*])optional\\b"));

        int checked = 0;
        qsizetype start = 0;
        while (start < text.size()) {
            const auto next = heading.match(text, start + 1);
            const qsizetype end = next.hasMatch() ? next.capturedStart() : text.size();
            const QString section = text.mid(start, end - start);
            const int line = int(text.left(start).count(u'\n')) + 1;
            start = end;

            QList<QJsonObject> examples;
            for (auto it = block.globalMatch(section); it.hasNext();)
                examples << QJsonDocument::fromJson(it.next().captured(1).toUtf8()).object();
            if (examples.isEmpty())
                continue;
            QString prose = section;
            prose.remove(block);
            for (auto it = described.globalMatch(prose); it.hasNext();) {
                const auto m = it.next();
                const QString field = m.captured(1);
                const auto def = byDefault.match(m.captured(2));
                const bool isOptional = optional.match(m.captured(2)).hasMatch();
                if (!def.hasMatch() && !isOptional)
                    continue;
                for (const QJsonObject &example : std::as_const(examples)) {
                    if (!example.contains(field))
                        continue;
                    const QString where = QStringLiteral("docs/protocol.md section at line %1, field %2 of %3")
                                              .arg(line)
                                              .arg(field, example.value(QLatin1StringView("type")).toString());
                    QJsonObject without = example;
                    without.remove(field);
                    const auto decoded = decodeFrame(QJsonDocument(without).toJson(QJsonDocument::Compact));
                    QVERIFY2(decoded.ok(), qPrintable(where + QStringLiteral(": documented as optional or with a "
                                                                             "default, but required: ") +
                                                      decoded.errorString()));
                    if (def.hasMatch()) {
                        const QJsonValue value = encodeObject(decoded->frame, decoded->envelope).value(field);
                        const QString got = value.isBool() ? (value.toBool() ? QStringLiteral("true")
                                                                             : QStringLiteral("false"))
                                                           : QString::number(value.toInteger());
                        QVERIFY2(got == def.captured(1),
                                 qPrintable(where + QStringLiteral(": documented default ") + def.captured(1) +
                                            QStringLiteral(", read as ") + got));
                    }
                    ++checked;
                }
            }
        }
        QVERIFY(checked > 0);
    }
};

QTEST_GUILESS_MAIN(TestProtocolDoc)
#include "tst_protocoldoc.moc"

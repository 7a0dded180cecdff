#include "scrape.h"

#include <QDeadlineTimer>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTest>

namespace confab::test {

quint16 freePort()
{
    QTcpServer probe;
    return probe.listen(QHostAddress::LocalHost, 0) ? probe.serverPort() : 0;
}

HttpResult httpGet(quint16 port, const QString &path)
{
    QNetworkAccessManager manager;
    QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(port).arg(path)));
    request.setTransferTimeout(10000);
    QNetworkReply *reply = manager.get(request);
    QDeadlineTimer deadline(15000);
    while (!reply->isFinished() && !deadline.hasExpired())
        QTest::qWait(10);
    HttpResult result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
    result.body = reply->readAll();
    reply->deleteLater();
    return result;
}

QHash<QString, double> parseMetrics(const QByteArray &text, QString *bad)
{
    static const QRegularExpression sample(
        QStringLiteral(R"(^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{[a-zA-Z_][a-zA-Z0-9_]*="[^"\\]*"(,[a-zA-Z_][a-zA-Z0-9_]*="[^"\\]*")*\})? ([-+]?(?:[0-9]+(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?|\+Inf|-Inf|NaN))$)"));
    static const QRegularExpression comment(QStringLiteral(R"(^# (HELP [a-zA-Z_:][a-zA-Z0-9_:]* .*|TYPE [a-zA-Z_:][a-zA-Z0-9_:]* (counter|gauge|histogram|summary|untyped))$)"));
    QHash<QString, double> values;
    const QStringList lines = QString::fromUtf8(text).split(u'\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString &line = lines.at(i);
        if (line.isEmpty() && i == lines.size() - 1)
            break; // the final newline
        if (comment.match(line).hasMatch())
            continue;
        const auto m = sample.match(line);
        if (!m.hasMatch()) {
            *bad = QStringLiteral("line %1: '%2'").arg(i + 1).arg(line);
            return {};
        }
        values.insert(m.captured(1) + m.captured(2), m.captured(4).toDouble());
    }
    return values;
}

QHash<QString, double> scrapeMetrics(quint16 port, QString *bad)
{
    const HttpResult scraped = httpGet(port, QStringLiteral("/metrics"));
    if (scraped.status != 200) {
        *bad = QStringLiteral("GET /metrics answered %1").arg(scraped.status);
        return {};
    }
    return parseMetrics(scraped.body, bad);
}

} // namespace confab::test

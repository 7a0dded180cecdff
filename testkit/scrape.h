#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>

namespace confab::test {

//! A port free right now on loopback, e.g. for metrics/port (the server must be told one up front).
quint16 freePort();

struct HttpResult {
    int status = 0;
    QByteArray contentType;
    QByteArray body;
};

//! GET http://127.0.0.1:port/path, waiting up to 15 s.
HttpResult httpGet(quint16 port, const QString &path);

/*!
 * Parses the Prometheus text format strictly: every line is a `# HELP`/`# TYPE` comment or
 * `name{labels} value`. Returns "name{labels}" → value; on a bad line, `bad` names it.
 */
QHash<QString, double> parseMetrics(const QByteArray &text, QString *bad);

//! Scrapes a server's /metrics; empty (and `bad` set) when that fails.
QHash<QString, double> scrapeMetrics(quint16 port, QString *bad);

} // namespace confab::test

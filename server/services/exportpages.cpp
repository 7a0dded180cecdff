#include "exportpages.h"

#include <QDateTime>
#include <QJsonArray>

namespace confab::server::exportpages {

namespace {
QString esc(const QString &text) {
    return text.toHtmlEscaped();
}

QString esc(const QJsonValue &value) {
    return esc(value.toString());
}

QString when(qint64 ms) {
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm")) +
           QStringLiteral(" UTC");
}

QString page(const QString &title, const QString &body) {
    return QStringLiteral(
               "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">\n"
               "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
               "style-src 'unsafe-inline'; img-src 'self'\">\n"
               "<title>%1</title>\n<style>body{font-family:sans-serif;max-width:50em;margin:2em auto;"
               "padding:0 1em;line-height:1.4}.meta{color:#666;font-size:.85em}.msg{margin:.6em 0}"
               ".body{white-space:pre-wrap}.mine "
               ".who{font-weight:bold}</style>\n</head><body>\n%2</body></html>\n")
        .arg(esc(title), body);
}
} // namespace

QByteArray index(const QJsonObject &profile, const QList<QJsonObject> &conversations,
                 const QList<QJsonObject> &files) {
    const QJsonObject user = profile.value(QLatin1StringView("user")).toObject();
    QString body = QStringLiteral("<h1>%1</h1>\n<p>@%2 · exported %3</p>\n")
                       .arg(esc(user.value(QLatin1StringView("display_name"))),
                            esc(user.value(QLatin1StringView("username"))),
                            when(profile.value(QLatin1StringView("exported_at")).toInteger()));
    if (const QString status = user.value(QLatin1StringView("status")).toString(); !status.isEmpty())
        body += QStringLiteral("<p>%1</p>\n").arg(esc(status));
    body += QStringLiteral("<h2>Conversations</h2>\n<ul>\n");
    for (const QJsonObject &c : conversations) {
        const QString id = c.value(QLatin1StringView("id")).toString();
        body += QStringLiteral("<li><a href=\"conversations/%1.html\">%2</a> <span class=\"meta\">%3 · %4 "
                               "messages</span></li>\n")
                    .arg(esc(id), esc(c.value(QLatin1StringView("title"))),
                         esc(c.value(QLatin1StringView("kind"))),
                         QString::number(c.value(QLatin1StringView("messages")).toArray().size()));
    }
    body += QStringLiteral("</ul>\n<h2>My files</h2>\n<ul>\n");
    for (const QJsonObject &f : files) {
        const QString path = f.value(QLatin1StringView("path")).toString();
        const QString name = esc(f.value(QLatin1StringView("name")));
        if (path.isEmpty())
            body += QStringLiteral("<li>%1 <span class=\"meta\">left out: %2</span></li>\n")
                        .arg(name, esc(f.value(QLatin1StringView("left_out"))));
        else
            body +=
                QStringLiteral("<li><a href=\"%1\">%2</a> <span class=\"meta\">%3 bytes</span></li>\n")
                    .arg(esc(path), name, QString::number(f.value(QLatin1StringView("size")).toInteger()));
    }
    body += QStringLiteral("</ul>\n<p class=\"meta\">The same data as JSON: profile.json, files.json and "
                           "conversations/*.json.</p>\n");
    return page(QStringLiteral("Confab export"), body).toUtf8();
}

QByteArray conversation(const QJsonObject &conversation) {
    const QString title = conversation.value(QLatin1StringView("title")).toString();
    QString body = QStringLiteral("<p><a href=\"../index.html\">← All conversations</a></p>\n<h1>%1</h1>\n")
                       .arg(esc(title));
    const QJsonObject me = conversation.value(QLatin1StringView("me")).toObject();
    if (me.value(QLatin1StringView("alias")).toBool())
        body += QStringLiteral(
                    "<p class=\"meta\">A blind room: I appeared as %1; others appear as I saw them.</p>\n")
                    .arg(esc(me.value(QLatin1StringView("name"))));
    for (const QJsonValue v : conversation.value(QLatin1StringView("messages")).toArray()) {
        const QJsonObject m = v.toObject();
        const bool mine = m.value(QLatin1StringView("mine")).toBool();
        body += QStringLiteral(
                    "<div class=\"msg%1\"><span class=\"who\">%2</span> <span class=\"meta\">%3</span>\n"
                    "<div class=\"body\">%4</div>\n")
                    .arg(mine ? QStringLiteral(" mine") : QString(),
                         esc(m.value(QLatin1StringView("sender_name"))),
                         when(m.value(QLatin1StringView("sent_at")).toInteger()),
                         esc(m.value(QLatin1StringView("body"))));
        for (const QJsonValue a : m.value(QLatin1StringView("attachments")).toArray()) {
            const QJsonObject file = a.toObject();
            const QString path = file.value(QLatin1StringView("path")).toString();
            if (path.isEmpty())
                body += QStringLiteral("<div class=\"meta\">📎 %1</div>\n")
                            .arg(esc(file.value(QLatin1StringView("name"))));
            else
                body += QStringLiteral("<div class=\"meta\">📎 <a href=\"../%1\">%2</a></div>\n")
                            .arg(esc(path), esc(file.value(QLatin1StringView("name"))));
        }
        body += QStringLiteral("</div>\n");
    }
    return page(title, body).toUtf8();
}

} // namespace confab::server::exportpages

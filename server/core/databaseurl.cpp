#include "databaseurl.h"

#include <QUrl>
#include <QUrlQuery>

namespace confab::server {

std::optional<DatabaseUrl> DatabaseUrl::parse(const QString &text, QString *error)
{
    DatabaseUrl url;
    if (text.startsWith(QLatin1StringView("sqlite:"))) {
        url.driver = Driver::SQLite;
        url.database = text.mid(7);
        if (url.database.startsWith(QLatin1StringView("//")))
            url.database = url.database.mid(2);
        if (url.database.isEmpty()) {
            *error = QStringLiteral("sqlite: URL needs a file path, e.g. sqlite:/var/lib/confab/confab.sqlite");
            return std::nullopt;
        }
        return url;
    }
    if (!text.startsWith(QLatin1StringView("postgresql://")) && !text.startsWith(QLatin1StringView("postgres://"))) {
        *error = QStringLiteral("database URL must start with postgresql:// or sqlite:");
        return std::nullopt;
    }
    const QUrl parsed(text, QUrl::StrictMode);
    if (!parsed.isValid()) {
        *error = QStringLiteral("database URL is not valid: %1").arg(parsed.errorString());
        return std::nullopt;
    }
    url.driver = Driver::PostgreSQL;
    url.host = parsed.host();
    url.port = parsed.port(5432);
    url.user = parsed.userName();
    url.password = parsed.password();
    url.database = parsed.path().mid(1);
    const QUrlQuery query(parsed);
    if (query.hasQueryItem(QStringLiteral("host")))
        url.host = query.queryItemValue(QStringLiteral("host"), QUrl::FullyDecoded);
    if (url.database.isEmpty())
        url.database = QStringLiteral("confab");
    if (url.user.isEmpty())
        url.user = qEnvironmentVariable("USER", QStringLiteral("confab"));
    return url;
}

QString DatabaseUrl::redacted() const
{
    if (driver == Driver::SQLite)
        return QStringLiteral("sqlite:") + database;
    return QStringLiteral("postgresql://%1@%2:%3/%4").arg(user, host.isEmpty() ? QStringLiteral("localhost") : host).arg(port).arg(database);
}

} // namespace confab::server

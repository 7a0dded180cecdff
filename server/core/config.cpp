#include "config.h"

#include <QDir>
#include <QFileInfo>

namespace confab::server {

QStringList ServerConfig::defaultAttachmentTypes()
{
    // Common images, documents, text and archives. Executables and scripts are not on it; types
    // are matched against what the bytes are, never against the name or the declared type.
    return {QStringLiteral("image/png"), QStringLiteral("image/jpeg"), QStringLiteral("image/gif"),
            QStringLiteral("image/webp"), QStringLiteral("application/pdf"), QStringLiteral("text/plain"),
            QStringLiteral("text/markdown"), QStringLiteral("text/csv"), QStringLiteral("application/json"),
            QStringLiteral("application/rtf"), QStringLiteral("application/msword"),
            QStringLiteral("application/vnd.ms-excel"), QStringLiteral("application/vnd.ms-powerpoint"),
            QStringLiteral("application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            QStringLiteral("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            QStringLiteral("application/vnd.openxmlformats-officedocument.presentationml.presentation"),
            QStringLiteral("application/vnd.oasis.opendocument.text"),
            QStringLiteral("application/vnd.oasis.opendocument.spreadsheet"),
            QStringLiteral("application/vnd.oasis.opendocument.presentation"),
            QStringLiteral("application/zip"),
            QStringLiteral("application/gzip"), QStringLiteral("application/x-tar"),
            QStringLiteral("application/x-compressed-tar"), QStringLiteral("application/x-7z-compressed")};
}

void ServerConfig::resolveSelfSignedPaths()
{
    if (!tlsSelfSigned)
        return;
    const QDir tlsDir(QDir(dataDir).absoluteFilePath(QStringLiteral("tls")));
    if (tlsCert.isEmpty())
        tlsCert = tlsDir.absoluteFilePath(QStringLiteral("certificate.pem"));
    if (tlsKey.isEmpty())
        tlsKey = tlsDir.absoluteFilePath(QStringLiteral("key.pem"));
}

std::optional<DatabaseUrl> ServerConfig::resolvedDatabase(QString *error) const
{
    const QString url = databaseUrl.isEmpty() ? QStringLiteral("sqlite:") + QDir(dataDir).absoluteFilePath(QStringLiteral("confab.sqlite"))
                                              : databaseUrl;
    return DatabaseUrl::parse(url, error);
}

} // namespace confab::server

#include "config.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>

namespace confab::server {

QString ServerConfig::defaultDataDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + QStringLiteral("/confab-server");
}

bool ServerConfig::setListen(const QString &hostPort, QString *error)
{
    const qsizetype colon = hostPort.lastIndexOf(u':');
    if (colon <= 0) {
        *error = QStringLiteral("listen address must be HOST:PORT, e.g. 127.0.0.1:7480");
        return false;
    }
    QString host = hostPort.left(colon);
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.mid(1, host.size() - 2);
    bool ok = false;
    const uint port = hostPort.mid(colon + 1).toUInt(&ok);
    if (!ok || port > 65535) {
        *error = QStringLiteral("listen port must be 0..65535");
        return false;
    }
    QHostAddress address;
    if (host == QLatin1StringView("localhost"))
        address = QHostAddress::LocalHost;
    else if (host == QLatin1StringView("*"))
        address = QHostAddress::Any;
    else if (!address.setAddress(host)) {
        *error = QStringLiteral("listen host must be an IP address, localhost or *");
        return false;
    }
    listenAddress = address;
    listenPort = quint16(port);
    return true;
}

bool ServerConfig::loadIni(const QString &path, QString *error)
{
    if (!QFileInfo::exists(path)) {
        *error = QStringLiteral("config file %1 does not exist").arg(path);
        return false;
    }
    QSettings ini(path, QSettings::IniFormat);
    if (ini.status() != QSettings::NoError) {
        *error = QStringLiteral("config file %1 cannot be read").arg(path);
        return false;
    }
    const QString base = QFileInfo(path).absolutePath();
    const auto pathValue = [&base](const QString &value) {
        return value.isEmpty() || QDir::isAbsolutePath(value) ? value : QDir(base).absoluteFilePath(value);
    };
    bool ok = true;
    qint64 metricsPortValue = metricsPort;
    const auto integer = [&](const QString &key, qint64 &target, qint64 min, qint64 max) {
        if (!ok || !ini.contains(key))
            return;
        bool parsed = false;
        const qint64 v = ini.value(key).toString().toLongLong(&parsed);
        if (!parsed || v < min || v > max) {
            *error = QStringLiteral("config key %1 must be a whole number in %2..%3").arg(key).arg(min).arg(max);
            ok = false;
            return;
        }
        target = v;
    };
    const auto boolean = [&](const QString &key, bool &target) {
        if (!ok || !ini.contains(key))
            return;
        const QString v = ini.value(key).toString().toLower();
        if (v != QLatin1StringView("true") && v != QLatin1StringView("false")) {
            *error = QStringLiteral("config key %1 must be true or false").arg(key);
            ok = false;
            return;
        }
        target = v == QLatin1StringView("true");
    };

    if (ini.contains(QStringLiteral("server/listen")) &&
        !setListen(ini.value(QStringLiteral("server/listen")).toString(), error)) {
        *error = QStringLiteral("config key server/listen: ") + *error;
        return false;
    }
    if (ini.contains(QStringLiteral("server/data")))
        dataDir = pathValue(ini.value(QStringLiteral("server/data")).toString());
    if (ini.contains(QStringLiteral("database/url")))
        databaseUrl = ini.value(QStringLiteral("database/url")).toString();
    if (ini.contains(QStringLiteral("tls/certificate")))
        tlsCert = pathValue(ini.value(QStringLiteral("tls/certificate")).toString());
    if (ini.contains(QStringLiteral("tls/key")))
        tlsKey = pathValue(ini.value(QStringLiteral("tls/key")).toString());
    if (ini.contains(QStringLiteral("auth/registration"))) {
        const QString mode = ini.value(QStringLiteral("auth/registration")).toString();
        if (mode == QLatin1StringView("open"))
            registration = Registration::Open;
        else if (mode == QLatin1StringView("invite"))
            registration = Registration::Invite;
        else if (mode == QLatin1StringView("closed"))
            registration = Registration::Closed;
        else {
            *error = QStringLiteral("config key auth/registration must be open, invite or closed");
            return false;
        }
    }
    integer(QStringLiteral("auth/session_ttl_days"), sessionTtlDays, 1, 3650);
    integer(QStringLiteral("auth/timeout_ms"), authTimeoutMs, 100, 600'000);
    integer(QStringLiteral("server/heartbeat_ms"), heartbeatIntervalMs, 100, 3'600'000);
    integer(QStringLiteral("server/requests_per_second"), requestsPerSecond, 1, 100'000);
    integer(QStringLiteral("server/max_invalid_frames"), maxInvalidFrames, 1, 100'000);
    integer(QStringLiteral("server/frames_per_turn"), framesPerTurn, 1, 1'000'000);
    integer(QStringLiteral("server/session_check_ms"), sessionCheckMs, 100, 3'600'000);
    integer(QStringLiteral("server/max_queued_bytes"), maxQueuedBytes, 64 * 1024, 1024LL * 1024 * 1024);
    integer(QStringLiteral("server/connections_per_address"), connectionsPerAddress, 1, 1'000'000);
    integer(QStringLiteral("server/connections_per_user"), connectionsPerUser, 1, 1'000'000);
    integer(QStringLiteral("server/group_commit_max"), groupCommitMax, 1, 100'000);
    integer(QStringLiteral("auth/lockout_failures"), lockoutFailures, 1, 1'000'000);
    integer(QStringLiteral("auth/lockout_address_failures"), lockoutAddressFailures, 1, 1'000'000);
    integer(QStringLiteral("auth/lockout_base_ms"), lockoutBaseMs, 1, 3'600'000);
    integer(QStringLiteral("auth/lockout_max_ms"), lockoutMaxMs, 1, 24 * 3'600'000LL);
    integer(QStringLiteral("limits/max_frame_bytes"), limits.maxFrameBytes, 1024, 16 * 1024 * 1024);
    integer(QStringLiteral("limits/max_body_bytes"), limits.maxBodyBytes, 1, 32 * 1024);
    integer(QStringLiteral("limits/max_attachment_bytes"), limits.maxAttachmentBytes, 1,
            protocol::Limits::kAttachmentBytesCeiling);
    integer(QStringLiteral("limits/send_burst"), limits.sendBurst, 1, 1'000'000);
    integer(QStringLiteral("limits/send_per_minute"), limits.sendPerMinute, 1, 10'000'000);
    integer(QStringLiteral("limits/history_page_max"), limits.historyPageMax, 1, 100);
    integer(QStringLiteral("limits/typing_refresh_ms"), limits.typingRefreshMs, 500, 60'000);
    integer(QStringLiteral("limits/typing_stop_ms"), limits.typingStopMs, 500, 60'000);
    integer(QStringLiteral("limits/typing_expire_ms"), limits.typingExpireMs, 1000, 120'000);
    integer(QStringLiteral("limits/sync_gap_max"), limits.syncGapMax, 1, 100'000);
    integer(QStringLiteral("attachments/upload_timeout_ms"), uploadTimeoutMs, 1000, 7 * 24 * 3'600'000LL);
    integer(QStringLiteral("attachments/quota_bytes"), attachmentQuotaBytes, 0, qint64(1) << 50);
    integer(QStringLiteral("messages/edit_window_s"), editWindowS, 0, 10LL * 365 * 86'400);
    integer(QStringLiteral("messages/delete_window_s"), deleteWindowS, 0, 10LL * 365 * 86'400);
    integer(QStringLiteral("messages/stream_timeout_s"), streamTimeoutS, 1, 86'400);
    if (ok && ini.contains(QStringLiteral("attachments/allowed_types"))) {
        // QSettings reads "a, b" as a list; a single entry comes back as a string.
        QStringList types;
        for (const QString &entry : ini.value(QStringLiteral("attachments/allowed_types")).toStringList())
            types += entry.split(u',', Qt::SkipEmptyParts);
        attachmentTypes.clear();
        for (const QString &t : std::as_const(types))
            if (!t.trimmed().isEmpty())
                attachmentTypes.append(t.trimmed().toLower());
    }
    integer(QStringLiteral("metrics/port"), metricsPortValue, 0, 65535);
    if (ok)
        metricsPort = quint16(metricsPortValue);
    if (ok && ini.contains(QStringLiteral("metrics/address"))) {
        const QString host = ini.value(QStringLiteral("metrics/address")).toString();
        QHostAddress address;
        if (host == QLatin1StringView("localhost"))
            address = QHostAddress::LocalHost;
        else
            address.setAddress(host);
        // Metrics tell how busy the server is and who is connected: never on a reachable address.
        if (address.isNull() || !address.isLoopback()) {
            *error = QStringLiteral("config key metrics/address must be a loopback address (127.0.0.1, ::1 or "
                                    "localhost), not %1; put a proxy in front to expose metrics elsewhere")
                         .arg(host);
            return false;
        }
        metricsAddress = address;
    }
    boolean(QStringLiteral("tls/self_signed"), tlsSelfSigned);
    boolean(QStringLiteral("attachments/strip_metadata"), stripImageMetadata);
    boolean(QStringLiteral("server/group_commit"), groupCommit);
    return ok;
}

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

void ServerConfig::applyEnvironment()
{
    if (qEnvironmentVariableIsSet("CONFAB_DATABASE_URL"))
        databaseUrl = qEnvironmentVariable("CONFAB_DATABASE_URL");
    if (qEnvironmentVariableIsSet("CONFAB_TLS_KEY_PASSWORD"))
        tlsKeyPassword = qEnvironmentVariable("CONFAB_TLS_KEY_PASSWORD");
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

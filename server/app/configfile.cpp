#include "configfile.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>

namespace confab::server {

QString defaultDataDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + QStringLiteral("/confab-server");
}

bool setListen(ServerConfig &config, const QString &hostPort, QString *error)
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
    config.listenAddress = address;
    config.listenPort = quint16(port);
    return true;
}

bool loadIni(ServerConfig &config, const QString &path, QString *error)
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
    qint64 metricsPortValue = config.metricsPort;
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
        !setListen(config, ini.value(QStringLiteral("server/listen")).toString(), error)) {
        *error = QStringLiteral("config key server/listen: ") + *error;
        return false;
    }
    if (ini.contains(QStringLiteral("server/data")))
        config.dataDir = pathValue(ini.value(QStringLiteral("server/data")).toString());
    if (ini.contains(QStringLiteral("database/url")))
        config.databaseUrl = ini.value(QStringLiteral("database/url")).toString();
    if (ini.contains(QStringLiteral("tls/certificate")))
        config.tlsCert = pathValue(ini.value(QStringLiteral("tls/certificate")).toString());
    if (ini.contains(QStringLiteral("tls/key")))
        config.tlsKey = pathValue(ini.value(QStringLiteral("tls/key")).toString());
    if (ini.contains(QStringLiteral("auth/registration"))) {
        const QString mode = ini.value(QStringLiteral("auth/registration")).toString();
        if (mode == QLatin1StringView("open"))
            config.registration = ServerConfig::Registration::Open;
        else if (mode == QLatin1StringView("invite"))
            config.registration = ServerConfig::Registration::Invite;
        else if (mode == QLatin1StringView("closed"))
            config.registration = ServerConfig::Registration::Closed;
        else {
            *error = QStringLiteral("config key auth/registration must be open, invite or closed");
            return false;
        }
    }
    integer(QStringLiteral("auth/session_ttl_days"), config.sessionTtlDays, 1, 3650);
    integer(QStringLiteral("auth/timeout_ms"), config.authTimeoutMs, 100, 600'000);
    integer(QStringLiteral("server/heartbeat_ms"), config.heartbeatIntervalMs, 100, 3'600'000);
    integer(QStringLiteral("server/requests_per_second"), config.requestsPerSecond, 1, 100'000);
    integer(QStringLiteral("server/max_invalid_frames"), config.maxInvalidFrames, 1, 100'000);
    integer(QStringLiteral("server/frames_per_turn"), config.framesPerTurn, 1, 1'000'000);
    integer(QStringLiteral("server/session_check_ms"), config.sessionCheckMs, 100, 3'600'000);
    integer(QStringLiteral("server/max_queued_bytes"), config.maxQueuedBytes, 64 * 1024, 1024LL * 1024 * 1024);
    integer(QStringLiteral("server/connections_per_address"), config.connectionsPerAddress, 1, 1'000'000);
    integer(QStringLiteral("server/connections_per_user"), config.connectionsPerUser, 1, 1'000'000);
    integer(QStringLiteral("server/group_commit_max"), config.groupCommitMax, 1, 100'000);
    integer(QStringLiteral("auth/lockout_failures"), config.lockoutFailures, 1, 1'000'000);
    integer(QStringLiteral("auth/lockout_address_failures"), config.lockoutAddressFailures, 1, 1'000'000);
    integer(QStringLiteral("auth/lockout_base_ms"), config.lockoutBaseMs, 1, 3'600'000);
    integer(QStringLiteral("auth/lockout_max_ms"), config.lockoutMaxMs, 1, 24 * 3'600'000LL);
    integer(QStringLiteral("auth/password_min_chars"), config.limits.passwordMinChars, protocol::field::kPasswordMinChars,
            protocol::field::kPasswordMaxBytes);
    integer(QStringLiteral("limits/max_frame_bytes"), config.limits.maxFrameBytes, 1024, 16 * 1024 * 1024);
    integer(QStringLiteral("limits/max_body_bytes"), config.limits.maxBodyBytes, 1, 32 * 1024);
    integer(QStringLiteral("limits/max_attachment_bytes"), config.limits.maxAttachmentBytes, 1,
            protocol::Limits::kAttachmentBytesCeiling);
    integer(QStringLiteral("limits/send_burst"), config.limits.sendBurst, 1, 1'000'000);
    integer(QStringLiteral("limits/send_per_minute"), config.limits.sendPerMinute, 1, 10'000'000);
    integer(QStringLiteral("limits/history_page_max"), config.limits.historyPageMax, 1, 100);
    integer(QStringLiteral("limits/typing_refresh_ms"), config.limits.typingRefreshMs, 500, 60'000);
    integer(QStringLiteral("limits/typing_stop_ms"), config.limits.typingStopMs, 500, 60'000);
    integer(QStringLiteral("limits/typing_expire_ms"), config.limits.typingExpireMs, 1000, 120'000);
    integer(QStringLiteral("limits/sync_gap_max"), config.limits.syncGapMax, 1, 100'000);
    integer(QStringLiteral("attachments/upload_timeout_ms"), config.uploadTimeoutMs, 1000, 7 * 24 * 3'600'000LL);
    integer(QStringLiteral("attachments/unsent_ttl_ms"), config.unsentTtlMs, 1000, 365 * 86'400'000LL);
    integer(QStringLiteral("attachments/gc_grace_ms"), config.gcGraceMs, 1000, 365 * 86'400'000LL);
    integer(QStringLiteral("attachments/gc_interval_ms"), config.gcIntervalMs, 100, 86'400'000LL);
    integer(QStringLiteral("attachments/quota_bytes"), config.attachmentQuotaBytes, 0, qint64(1) << 50);
    integer(QStringLiteral("exports/keep_hours"), config.exportKeepHours, 1, 24 * 365);
    integer(QStringLiteral("exports/max_bytes"), config.exportMaxBytes, 1024, qint64(1) << 40);
    integer(QStringLiteral("exports/sweep_interval_ms"), config.exportSweepIntervalMs, 100, 86'400'000LL);
    integer(QStringLiteral("messages/edit_window_s"), config.editWindowS, 0, 10LL * 365 * 86'400);
    integer(QStringLiteral("messages/delete_window_s"), config.deleteWindowS, 0, 10LL * 365 * 86'400);
    integer(QStringLiteral("messages/stream_timeout_s"), config.streamTimeoutS, 1, 86'400);
    if (ok && ini.contains(QStringLiteral("attachments/store"))) {
        const QString store = ini.value(QStringLiteral("attachments/store")).toString().trimmed();
        if (store != QLatin1StringView("database") && store != QLatin1StringView("disk")) {
            *error = QStringLiteral("config key attachments/store must be database or disk, not %1").arg(store);
            return false;
        }
        config.attachmentStore = store;
    }
    integer(QStringLiteral("messages/room_mention_min_members"), config.roomMentionMinMembers, 0, 1'000'000);
    if (ok && ini.contains(QStringLiteral("attachments/allowed_types"))) {
        // QSettings reads "a, b" as a list; a single entry comes back as a string.
        QStringList types;
        for (const QString &entry : ini.value(QStringLiteral("attachments/allowed_types")).toStringList())
            types += entry.split(u',', Qt::SkipEmptyParts);
        config.attachmentTypes.clear();
        for (const QString &t : std::as_const(types))
            if (!t.trimmed().isEmpty())
                config.attachmentTypes.append(t.trimmed().toLower());
    }
    integer(QStringLiteral("metrics/port"), metricsPortValue, 0, 65535);
    if (ok)
        config.metricsPort = quint16(metricsPortValue);
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
        config.metricsAddress = address;
    }
    boolean(QStringLiteral("tls/self_signed"), config.tlsSelfSigned);
    boolean(QStringLiteral("attachments/strip_metadata"), config.stripImageMetadata);
    boolean(QStringLiteral("server/group_commit"), config.groupCommit);
    boolean(QStringLiteral("messages/members_pin"), config.membersPin);
    if (ok && ini.contains(QStringLiteral("directory/visibility"))) {
        const QString who = ini.value(QStringLiteral("directory/visibility")).toString().trimmed();
        if (who == QLatin1StringView("everyone"))
            config.directoryVisibility = ServerConfig::DirectoryVisibility::Everyone;
        else if (who == QLatin1StringView("contacts"))
            config.directoryVisibility = ServerConfig::DirectoryVisibility::Contacts;
        else {
            *error = QStringLiteral("config key directory/visibility must be everyone or contacts, not %1").arg(who);
            return false;
        }
    }
    integer(QStringLiteral("directory/searches_per_minute"), config.directorySearchesPerMinute, 1, 100'000);
    boolean(QStringLiteral("accounts/delete_erases_messages"), config.deleteErasesMessages);
    integer(QStringLiteral("accounts/username_hold_days"), config.usernameHoldDays, 0, 36'500);
    return ok;
}

void applyEnvironment(ServerConfig &config)
{
    if (qEnvironmentVariableIsSet("CONFAB_DATABASE_URL"))
        config.databaseUrl = qEnvironmentVariable("CONFAB_DATABASE_URL");
    if (qEnvironmentVariableIsSet("CONFAB_TLS_KEY_PASSWORD"))
        config.tlsKeyPassword = qEnvironmentVariable("CONFAB_TLS_KEY_PASSWORD");
}

} // namespace confab::server

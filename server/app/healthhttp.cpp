#include "healthhttp.h"

#include "core/metrics.h"
#include "domain/clock.h"
#include "storage/database.h"

#include <QHttpServer>
#include <QHttpServerResponse>
#include <QJsonObject>

namespace confab::server {

HealthHttp::HealthHttp(const ServerConfig &config, Metrics &metrics, Database &db, QObject *parent)
    : QObject(parent), m_config(config), m_metrics(metrics), m_db(db), m_http(std::make_unique<QHttpServer>())
{
    m_http->route(QStringLiteral("/healthz"), [this] {
        const qint64 startedNs = Metrics::nowNs();
        try {
            m_db.ping();
        } catch (const StoreError &e) {
            return QHttpServerResponse(QJsonObject{{QStringLiteral("status"), QStringLiteral("unavailable")},
                                                   {QStringLiteral("database"), QString::fromStdString(e.what())}},
                                       QHttpServerResponse::StatusCode::ServiceUnavailable);
        }
        return QHttpServerResponse(QJsonObject{{QStringLiteral("status"), QStringLiteral("ok")},
                                               {QStringLiteral("database"), QStringLiteral("ok")},
                                               {QStringLiteral("database_ms"), double(Metrics::nowNs() - startedNs) / 1e6},
                                               {QStringLiteral("time"), nowMs()}});
    });
    m_http->route(QStringLiteral("/metrics"), [this] {
        return QHttpServerResponse(QByteArrayLiteral("text/plain; version=0.0.4; charset=utf-8"), m_metrics.render());
    });
}

HealthHttp::~HealthHttp() = default;

bool HealthHttp::listen(QString *error)
{
    if (!m_config.metricsAddress.isLoopback()) {
        *error = QStringLiteral("metrics/address must be a loopback address, not %1").arg(m_config.metricsAddress.toString());
        return false;
    }
    m_port = m_http->listen(m_config.metricsAddress, m_config.metricsPort);
    if (m_port == 0) {
        *error = QStringLiteral("cannot listen for metrics on %1:%2 (in use?)")
                     .arg(m_config.metricsAddress.toString())
                     .arg(m_config.metricsPort);
        return false;
    }
    return true;
}

QString HealthHttp::url() const
{
    QString host = m_config.metricsAddress.toString();
    if (m_config.metricsAddress.protocol() == QAbstractSocket::IPv6Protocol)
        host = u'[' + host + u']';
    return QStringLiteral("http://%1:%2").arg(host).arg(m_port);
}

} // namespace confab::server

#pragma once

#include "core/config.h"

#include <QObject>

#include <memory>

class QHttpServer;

namespace confab::server {

class Database;
class Metrics;

/*!
 * The operator's HTTP endpoint, on its own loopback port (metrics/port, metrics/address):
 * `/healthz` answers 200 while the database does and 503 when it does not; `/metrics` is the
 * Prometheus text of Metrics. Nothing else is served.
 */
class HealthHttp : public QObject {
    Q_OBJECT
public:
    HealthHttp(const ServerConfig &config, Metrics &metrics, Database &db, QObject *parent = nullptr);
    ~HealthHttp() override;

    //! Refuses an address that is not loopback, whatever the config says.
    bool listen(QString *error);
    QString url() const;

private:
    const ServerConfig &m_config;
    Metrics &m_metrics;
    Database &m_db;
    std::unique_ptr<QHttpServer> m_http;
    quint16 m_port = 0;
};

} // namespace confab::server

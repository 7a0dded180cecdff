#include "metrics.h"

#include <chrono>

namespace confab::server {

namespace {
void header(QByteArray &out, const char *name, const char *help, const char *type)
{
    out += "# HELP ";
    out += name;
    out += ' ';
    out += help;
    out += "\n# TYPE ";
    out += name;
    out += ' ';
    out += type;
    out += '\n';
}

void sample(QByteArray &out, const char *name, quint64 value, const QByteArray &labels = {})
{
    out += name;
    if (!labels.isEmpty())
        out += '{' + labels + '}';
    out += ' ';
    out += QByteArray::number(value);
    out += '\n';
}

void gauge(QByteArray &out, const char *name, const char *help, qint64 value)
{
    header(out, name, help, "gauge");
    out += name;
    out += ' ';
    out += QByteArray::number(value);
    out += '\n';
}
} // namespace

qint64 Metrics::nowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

void Metrics::Histogram::observeNs(qint64 ns)
{
    const double seconds = double(std::max<qint64>(ns, 0)) / 1e9;
    std::size_t bucket = 0;
    while (bucket < kBounds.size() && seconds > kBounds[bucket])
        ++bucket;
    m_buckets[bucket].fetch_add(1, std::memory_order_relaxed);
    m_count.fetch_add(1, std::memory_order_relaxed);
    m_sumNs.fetch_add(quint64(std::max<qint64>(ns, 0)), std::memory_order_relaxed);
}

void Metrics::Histogram::render(QByteArray &out, const char *name, const char *help) const
{
    header(out, name, help, "histogram");
    // Prometheus buckets are cumulative: each counts everything at or below its bound.
    quint64 cumulative = 0;
    const QByteArray bucketName = QByteArray(name) + "_bucket";
    for (std::size_t i = 0; i <= kBounds.size(); ++i) {
        cumulative += m_buckets[i].load(std::memory_order_relaxed);
        const QByteArray le = i < kBounds.size() ? QByteArray::number(kBounds[i], 'g', 6) : QByteArray("+Inf");
        sample(out, bucketName.constData(), cumulative, "le=\"" + le + '"');
    }
    out += name;
    out += "_sum ";
    out += QByteArray::number(double(m_sumNs.load(std::memory_order_relaxed)) / 1e9, 'g', 12);
    out += '\n';
    const QByteArray countName = QByteArray(name) + "_count";
    sample(out, countName.constData(), cumulative);
}

void Metrics::error(protocol::ErrorCode code)
{
    const auto index = std::size_t(code);
    if (index < m_errors.size())
        m_errors[index].fetch_add(1, std::memory_order_relaxed);
}

QByteArray Metrics::render() const
{
    QByteArray out;
    out.reserve(4096);
    const Gauges g = m_gauges ? m_gauges() : Gauges{};
    gauge(out, "confab_connections", "Open WebSocket connections.", g.connections);
    gauge(out, "confab_authenticated_sessions", "Connections signed in to an account.", g.authenticatedSessions);
    gauge(out, "confab_outbound_queue_bytes", "Bytes waiting to be sent, all connections together.", g.queuedBytesSum);
    gauge(out, "confab_outbound_queue_max_bytes", "Bytes waiting to be sent on the fullest connection.", g.queuedBytesMax);

    header(out, "confab_messages_stored_total", "Messages committed by this instance.", "counter");
    sample(out, "confab_messages_stored_total", m_messages.load(std::memory_order_relaxed));
    header(out, "confab_deliveries_total", "Frames pushed to this instance's connections.", "counter");
    sample(out, "confab_deliveries_total", m_deliveries.load(std::memory_order_relaxed));
    header(out, "confab_logins_total", "Password sign-ins (auth.login) by result.", "counter");
    sample(out, "confab_logins_total", m_loginsOk.load(std::memory_order_relaxed), "result=\"ok\"");
    sample(out, "confab_logins_total", m_loginsFailed.load(std::memory_order_relaxed), "result=\"failed\"");
    header(out, "confab_errors_total", "Error replies sent, by protocol error code.", "counter");
    for (std::size_t i = 0; i < m_errors.size(); ++i) {
        const QByteArray code = protocol::errorCodeName(protocol::ErrorCode(i)).toLatin1();
        sample(out, "confab_errors_total", m_errors[i].load(std::memory_order_relaxed), "code=\"" + code + '"');
    }

    m_fanout.render(out, "confab_fanout_latency_seconds",
                    "From a transaction's commit until its events were handed to every local connection.");
    m_query.render(out, "confab_db_query_duration_seconds", "Database statements, prepare and execute.");
    m_commit.render(out, "confab_db_commit_duration_seconds",
                    "COMMITs, each a flush to disk; messages stored per commit tell how well group commit works.");
    m_notifyLag.render(out, "confab_cluster_notify_lag_seconds",
                       "From NOTIFY on one instance to its arrival on this one (wall clocks).");
    return out;
}

} // namespace confab::server

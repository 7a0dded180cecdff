#pragma once

#include "protocol/errors.h"

#include <QByteArray>

#include <array>
#include <atomic>
#include <functional>

namespace confab::server {

/*!
 * The server's figures for Prometheus: counters and histograms that the parts of the server record
 * into (each gets the instance through its constructor), and gauges read when scraped. Recording
 * is a relaxed atomic add, so hooks in hot paths stay cheap and any thread may record.
 * The metric names and their meaning are in docs/self-hosting.md (Metrics).
 */
class Metrics {
public:
    //! A latency histogram with fixed buckets (seconds: 0.5 ms … 10 s), recorded in nanoseconds.
    class Histogram {
    public:
        static constexpr std::array<double, 14> kBounds{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                                        0.1,    0.25,  0.5,    1.0,   2.5,  5.0,   10.0};
        void observeNs(qint64 ns);
        void render(QByteArray &out, const char *name, const char *help) const;

    private:
        std::array<std::atomic<quint64>, kBounds.size() + 1> m_buckets{}; //!< the last one is +Inf
        std::atomic<quint64> m_count{0};
        std::atomic<quint64> m_sumNs{0};
    };

    //! What is read at scrape time rather than counted: the state of the open connections.
    struct Gauges {
        qint64 connections = 0;
        qint64 authenticatedSessions = 0;
        qint64 queuedBytesSum = 0;
        qint64 queuedBytesMax = 0;
    };
    void setGaugeSource(std::function<Gauges()> source) { m_gauges = std::move(source); }

    void messageStored() { m_messages.fetch_add(1, std::memory_order_relaxed); }
    void delivered(quint64 frames = 1) { m_deliveries.fetch_add(frames, std::memory_order_relaxed); }
    void login(bool ok) { (ok ? m_loginsOk : m_loginsFailed).fetch_add(1, std::memory_order_relaxed); }
    void error(protocol::ErrorCode code);

    //! Monotonic nanoseconds, the clock every duration here is measured with.
    static qint64 nowNs();
    void queryDone(qint64 startedNs) { m_query.observeNs(nowNs() - startedNs); }
    //! A transaction committed (its COMMIT started at `startedNs`); the fan-out latency of what it
    //! wrote is measured from here.
    void committed(qint64 startedNs)
    {
        const qint64 now = nowNs();
        m_commit.observeNs(now - startedNs);
        m_lastCommitNs.store(now, std::memory_order_relaxed);
    }
    qint64 lastCommitNs() const { return m_lastCommitNs.load(std::memory_order_relaxed); }
    void fannedOut(qint64 committedNs) { m_fanout.observeNs(nowNs() - committedNs); }
    //! NOTIFY between instances: wall-clock milliseconds between sending and receiving (clocks of
    //! different machines must be in sync for this to mean anything; negative lags count as 0).
    void notifyLag(qint64 lagMs) { m_notifyLag.observeNs(std::max<qint64>(lagMs, 0) * 1'000'000); }

    //! The Prometheus text exposition format (version 0.0.4).
    QByteArray render() const;

private:
    std::function<Gauges()> m_gauges;
    std::atomic<quint64> m_messages{0};
    std::atomic<quint64> m_deliveries{0};
    std::atomic<quint64> m_loginsOk{0};
    std::atomic<quint64> m_loginsFailed{0};
    std::array<std::atomic<quint64>, int(protocol::ErrorCode::Internal) + 1> m_errors{};
    std::atomic<qint64> m_lastCommitNs{0};
    Histogram m_query;
    Histogram m_commit;
    Histogram m_fanout;
    Histogram m_notifyLag;
};

} // namespace confab::server

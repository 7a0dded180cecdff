#pragma once

// Figures read from /proc (CPU ticks, resident memory) and latency summaries.

#include <QJsonObject>
#include <QString>

#include <vector>

namespace confab::bench {

//! Monotonic nanoseconds (steady clock), comparable across the bench's threads.
qint64 nowNs();

struct ProcSample {
    qint64 ticks = 0; //!< utime + stime, in clock ticks
    qint64 rssKb = 0; //!< VmRSS
    qint64 hwmKb = 0; //!< VmHWM: peak resident set since the process started
    qint64 wallNs = 0;
    bool valid = false;
};

//! One process (pid 0: this process). With `withChildren`, adds the ticks of the direct children
//! (a PostgreSQL postmaster and its backends).
ProcSample sampleProc(int pid, bool withChildren = false);
//! CPU use between two samples, in percent of one core (200 % = two cores busy).
double cpuPercent(const ProcSample &from, const ProcSample &to);

struct LatencySummary {
    qint64 count = 0;
    double p50 = 0, p95 = 0, p99 = 0, max = 0, mean = 0; //!< milliseconds
    QJsonObject toJson() const;
    QString line() const; //!< "p50 1.23  p95 …" for the human table
};

//! Summarises samples in microseconds (sorts them in place).
LatencySummary summarize(std::vector<quint32> &micros);

} // namespace confab::bench

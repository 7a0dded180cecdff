#include "procstats.h"

#include <QDir>
#include <QFile>

#include <algorithm>
#include <chrono>
#include <numeric>

#include <unistd.h>

namespace confab::bench {

qint64 nowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

namespace {
QByteArray readProcFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

//! Fields of /proc/PID/stat after the command name (which may hold spaces): index 0 is `state`.
QList<QByteArray> statFields(const QByteArray &stat)
{
    const qsizetype close = stat.lastIndexOf(')');
    if (close < 0)
        return {};
    return stat.mid(close + 2).split(' ');
}

qint64 ticksOf(const QList<QByteArray> &fields)
{
    // utime and stime are fields 14 and 15 of stat(5); 3 is `state`, so they are at 11 and 12 here.
    if (fields.size() < 13)
        return 0;
    return fields.at(11).toLongLong() + fields.at(12).toLongLong();
}

qint64 statusKb(const QByteArray &status, const char *key)
{
    const qsizetype at = status.indexOf(key);
    if (at < 0)
        return 0;
    const qsizetype end = status.indexOf('\n', at);
    QByteArray value = status.mid(at + qsizetype(qstrlen(key)), end - at - qsizetype(qstrlen(key))).trimmed();
    if (value.endsWith(" kB"))
        value.chop(3);
    return value.trimmed().toLongLong();
}
} // namespace

ProcSample sampleProc(int pid, bool withChildren)
{
    ProcSample s;
    s.wallNs = nowNs();
    const QString base = pid > 0 ? QStringLiteral("/proc/%1").arg(pid) : QStringLiteral("/proc/self");
    const QByteArray stat = readProcFile(base + QStringLiteral("/stat"));
    if (stat.isEmpty())
        return s;
    s.ticks = ticksOf(statFields(stat));
    const QByteArray status = readProcFile(base + QStringLiteral("/status"));
    s.rssKb = statusKb(status, "VmRSS:");
    s.hwmKb = statusKb(status, "VmHWM:");
    s.valid = true;
    if (withChildren && pid > 0) {
        const QByteArray parent = QByteArray::number(pid);
        const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        for (const QString &entry : entries) {
            bool numeric = false;
            entry.toInt(&numeric);
            if (!numeric)
                continue;
            const QList<QByteArray> fields = statFields(readProcFile(QStringLiteral("/proc/%1/stat").arg(entry)));
            if (fields.size() > 1 && fields.at(1) == parent) // field 4 of stat(5): ppid
                s.ticks += ticksOf(fields);
        }
    }
    return s;
}

double cpuPercent(const ProcSample &from, const ProcSample &to)
{
    if (!from.valid || !to.valid || to.wallNs <= from.wallNs)
        return 0;
    const double seconds = double(to.ticks - from.ticks) / double(sysconf(_SC_CLK_TCK));
    return 100.0 * seconds / (double(to.wallNs - from.wallNs) / 1e9);
}

QJsonObject LatencySummary::toJson() const
{
    return {{QStringLiteral("count"), double(count)}, {QStringLiteral("p50_ms"), p50},
            {QStringLiteral("p95_ms"), p95},          {QStringLiteral("p99_ms"), p99},
            {QStringLiteral("max_ms"), max},          {QStringLiteral("mean_ms"), mean}};
}

QString LatencySummary::line() const
{
    if (count == 0)
        return QStringLiteral("(no samples)");
    return QStringLiteral("p50 %1  p95 %2  p99 %3  max %4 ms  (n=%5)")
        .arg(p50, 0, 'f', 2)
        .arg(p95, 0, 'f', 2)
        .arg(p99, 0, 'f', 2)
        .arg(max, 0, 'f', 2)
        .arg(count);
}

LatencySummary summarize(std::vector<quint32> &micros)
{
    LatencySummary s;
    s.count = qint64(micros.size());
    if (micros.empty())
        return s;
    std::sort(micros.begin(), micros.end());
    const auto at = [&micros](double q) {
        const size_t i = std::min(micros.size() - 1, size_t(q * double(micros.size())));
        return double(micros[i]) / 1000.0;
    };
    s.p50 = at(0.50);
    s.p95 = at(0.95);
    s.p99 = at(0.99);
    s.max = double(micros.back()) / 1000.0;
    s.mean = std::accumulate(micros.begin(), micros.end(), 0.0) / double(micros.size()) / 1000.0;
    return s;
}

} // namespace confab::bench

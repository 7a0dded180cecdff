#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QString>

#include <algorithm>

namespace confab::server {

//! A token bucket per key: `burst` tokens, refilled at `perSecond`.
class RateLimiter {
public:
    RateLimiter(double burst, double perSecond) : m_burst(burst), m_perSecond(perSecond) { m_clock.start(); }

    //! Takes a token; returns 0 on success, else how many milliseconds until one is available.
    qint64 take(const QString &key)
    {
        const qint64 now = m_clock.elapsed();
        Bucket &b = m_buckets[key];
        if (b.at == 0 && b.tokens == 0 && !b.seen) {
            b.tokens = m_burst;
            b.seen = true;
        } else {
            b.tokens = std::min(m_burst, b.tokens + double(now - b.at) * m_perSecond / 1000.0);
        }
        b.at = now;
        if (b.tokens >= 1.0) {
            b.tokens -= 1.0;
            return 0;
        }
        return std::max<qint64>(1, qint64((1.0 - b.tokens) * 1000.0 / m_perSecond));
    }
    //! Returns a token taken for something that turned out not to count (e.g. a retry).
    void giveBack(const QString &key)
    {
        const auto it = m_buckets.find(key);
        if (it != m_buckets.end())
            it->tokens = std::min(m_burst, it->tokens + 1.0);
    }
    //! Forgets buckets that are full again, so idle keys cost no memory.
    void prune()
    {
        const qint64 now = m_clock.elapsed();
        for (auto it = m_buckets.begin(); it != m_buckets.end();) {
            if (it->tokens + double(now - it->at) * m_perSecond / 1000.0 >= m_burst)
                it = m_buckets.erase(it);
            else
                ++it;
        }
    }

private:
    struct Bucket {
        double tokens = 0;
        qint64 at = 0;
        bool seen = false;
    };
    double m_burst;
    double m_perSecond;
    QElapsedTimer m_clock;
    QHash<QString, Bucket> m_buckets;
};

} // namespace confab::server

#include "loginthrottle.h"

#include <algorithm>

namespace confab::server {

namespace {
//! Entries past this many are pruned early, so that a spray of random names cannot grow memory.
constexpr qsizetype kMaxEntries = 100'000;
} // namespace

LoginThrottle::LoginThrottle(Policy policy)
    : m_policy(policy) {
    m_clock.start();
}

qint64 LoginThrottle::waitFor(const QString &key, qint64 threshold, qint64 now) const {
    const auto it = m_entries.constFind(key);
    if (it == m_entries.constEnd())
        return 0;
    const qint64 counted = it->failures + it->inFlight;
    if (counted < threshold)
        return 0;
    if (it->failures < threshold) // only in-flight attempts are over it: wait for them
        return std::min<qint64>(m_policy.baseMs, 1000);
    const qint64 doublings = std::min<qint64>(it->failures - threshold, 40);
    const qint64 delay = std::min<qint64>(m_policy.maxMs, m_policy.baseMs << std::min<qint64>(doublings, 30));
    const qint64 until = it->lastFailureAt + delay;
    if (until > now)
        return until - now;
    // The delay is over, but one attempt at a time: others wait while it is being verified.
    return it->inFlight > 0 ? std::min<qint64>(delay, 1000) : 0;
}

qint64 LoginThrottle::begin(const QString &username, const QString &address) {
    const qint64 now = m_clock.elapsed();
    if (now - m_prunedAt > 60'000) {
        m_prunedAt = now;
        prune();
    }
    const QString user = userKey(username), addr = addressKey(address);
    const qint64 wait =
        std::max(waitFor(user, m_policy.userFailures, now), waitFor(addr, m_policy.addressFailures, now));
    if (wait > 0)
        return wait;
    if (m_entries.size() >= kMaxEntries)
        prune();
    ++m_entries[user].inFlight;
    ++m_entries[addr].inFlight;
    return 0;
}

void LoginThrottle::finish(const QString &username, const QString &address, Result result) {
    const qint64 now = m_clock.elapsed();
    for (const QString &key : {userKey(username), addressKey(address)}) {
        Entry &e = m_entries[key];
        e.inFlight = std::max<qint64>(0, e.inFlight - 1);
        if (result == Result::Failed) {
            ++e.failures;
            e.lastFailureAt = now;
        }
    }
    if (result == Result::Succeeded)
        m_entries[userKey(username)].failures = 0;
}

void LoginThrottle::prune() {
    // A key is forgotten once the longest delay has passed since its last failure.
    const qint64 now = m_clock.elapsed();
    const qint64 forgetAfter = std::max<qint64>(m_policy.maxMs, 60'000);
    for (auto it = m_entries.begin(); it != m_entries.end();) {
        if (it->inFlight == 0 && (it->failures == 0 || now - it->lastFailureAt > forgetAfter))
            it = m_entries.erase(it);
        else
            ++it;
    }
}

} // namespace confab::server

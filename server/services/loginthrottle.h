#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QString>

namespace confab::server {

/*!
 * Failed password sign-ins, counted per username and per peer address. Below the threshold
 * attempts pass; from it on, each further attempt has to wait a delay that doubles with every
 * failure (base … max). A locked attempt is refused before any argon2 work is done.
 *
 * Usernames are counted whether or not they exist, so the answers reveal nothing about which do.
 * Attempts still being verified count as failures until they finish, so that a burst of parallel
 * attempts cannot slip past the threshold. State is in memory, per server instance.
 */
class LoginThrottle {
public:
    struct Policy {
        qint64 userFailures = 5;     //!< failures per username before the backoff starts
        qint64 addressFailures = 20; //!< the same per peer address (a NAT'd office shares one)
        qint64 baseMs = 1000;
        qint64 maxMs = 15 * 60 * 1000;
    };
    explicit LoginThrottle(Policy policy);

    //! 0: go ahead (and call finish() later); else how many ms until an attempt may be made.
    qint64 begin(const QString &username, const QString &address);
    enum class Result {
        Succeeded, //!< clears the username's count; the address keeps its count, so that one's own
                   //!< account cannot launder a password spray
        Failed,    //!< wrong password or unknown user (also when the connection left meanwhile)
        NotTried,  //!< the server could not check (database down): not counted
    };
    //! The outcome of an attempt that begin() let through.
    void finish(const QString &username, const QString &address, Result result);
    //! Forgets keys without a failure for a while (a lockout ends, memory stays bounded).
    void prune();
    qsizetype size() const { return m_entries.size(); }

private:
    struct Entry {
        qint64 failures = 0;
        qint64 inFlight = 0;
        qint64 lastFailureAt = 0;
    };
    qint64 waitFor(const QString &key, qint64 threshold, qint64 now) const;
    static QString userKey(const QString &username) { return u'u' + username.toCaseFolded(); }
    static QString addressKey(const QString &address) { return u'a' + address; }

    Policy m_policy;
    QElapsedTimer m_clock;
    qint64 m_prunedAt = 0;
    QHash<QString, Entry> m_entries;
};

} // namespace confab::server

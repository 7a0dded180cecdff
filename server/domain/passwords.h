#pragma once

#include <QObject>
#include <QString>
#include <QThreadPool>

#include <functional>

namespace confab::server {

/*!
 * Argon2id password hashes (libsodium), computed on a thread pool: a hash takes tens of
 * milliseconds and a lot of memory, and must never stall the sockets. Results come back on the
 * thread of `context`, and not at all if `context` is gone by then.
 */
class PasswordHasher {
public:
    enum class Strength { Interactive, Moderate };
    explicit PasswordHasher(Strength strength = Strength::Interactive, int threads = 2);
    ~PasswordHasher();

    void hash(const QString &password, QObject *context, std::function<void(QString hash)> done);
    void verify(const QString &hash, const QString &password, QObject *context, std::function<void(bool ok)> done);

    //! Blocking variants, for the admin CLI.
    QString hashNow(const QString &password) const;
    bool verifyNow(const QString &hash, const QString &password) const;
    //! A valid hash of a random password, so that logins of unknown users cost as much as real ones.
    const QString &decoyHash() const { return m_decoy; }

private:
    unsigned long long m_opsLimit;
    size_t m_memLimit;
    QThreadPool m_pool;
    QString m_decoy;
};

} // namespace confab::server

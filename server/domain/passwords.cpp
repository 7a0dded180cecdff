#include "passwords.h"

#include "domain/ids.h"

#include <QCoreApplication>
#include <QPointer>
#include <QThread>

#include <sodium.h>

namespace confab::server {

namespace {
// Posts to the application's thread (the socket thread) and checks there that the receiver still
// lives: checking on the worker would race with its deletion.
void deliver(const QPointer<QObject> &guard, std::function<void()> call)
{
    QMetaObject::invokeMethod(
        QCoreApplication::instance(), [guard, call = std::move(call)] {
            if (guard)
                call();
        },
        Qt::QueuedConnection);
}
} // namespace

PasswordHasher::PasswordHasher(Strength strength, int threads)
{
    if (strength == Strength::Moderate) {
        m_opsLimit = crypto_pwhash_OPSLIMIT_MODERATE;
        m_memLimit = crypto_pwhash_MEMLIMIT_MODERATE;
    } else {
        m_opsLimit = crypto_pwhash_OPSLIMIT_INTERACTIVE;
        m_memLimit = crypto_pwhash_MEMLIMIT_INTERACTIVE;
    }
    // Hashing is deliberately expensive: it must never starve the socket thread. Below normal
    // priority, and leaving one core free (measured: two normal-priority hashers took both cores).
    m_pool.setMaxThreadCount(std::max(1, std::min(threads, QThread::idealThreadCount() - 1)));
    m_pool.setThreadPriority(QThread::LowPriority);
    m_decoy = hashNow(QString::fromLatin1(ids::randomBytes(16).toHex()));
}

PasswordHasher::~PasswordHasher()
{
    m_pool.waitForDone();
}

QString PasswordHasher::hashNow(const QString &password) const
{
    const QByteArray utf8 = password.toUtf8();
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(out, utf8.constData(), size_t(utf8.size()), m_opsLimit, m_memLimit,
                              crypto_pwhash_ALG_ARGON2ID13) != 0)
        return {}; // out of memory: the caller reports INTERNAL
    return QString::fromLatin1(out);
}

bool PasswordHasher::verifyNow(const QString &hash, const QString &password) const
{
    const QByteArray h = hash.toLatin1();
    const QByteArray utf8 = password.toUtf8();
    return crypto_pwhash_str_verify(h.constData(), utf8.constData(), size_t(utf8.size())) == 0;
}

void PasswordHasher::hash(const QString &password, QObject *context, std::function<void(QString)> done)
{
    QPointer<QObject> guard(context);
    m_pool.start([this, password, guard, done = std::move(done)] {
        QString result = hashNow(password);
        deliver(guard, [done, result] { done(result); });
    });
}

void PasswordHasher::verify(const QString &hash, const QString &password, QObject *context,
                            std::function<void(bool)> done)
{
    QPointer<QObject> guard(context);
    m_pool.start([this, hash, password, guard, done = std::move(done)] {
        const bool ok = verifyNow(hash, password);
        deliver(guard, [done, ok] { done(ok); });
    });
}

} // namespace confab::server

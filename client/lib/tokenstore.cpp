#include "tokenstore.h"

#include <QPointer>

#include <qt6keychain/keychain.h>

namespace confab::client {

namespace {
QString errorOf(const QKeychain::Job *job)
{
    return job->error() == QKeychain::NoError ? QString() : job->errorString();
}
} // namespace

void KeychainTokenStore::read(const QString &account, QObject *context, std::function<void(QString, QString)> done)
{
    auto *job = new QKeychain::ReadPasswordJob(m_service);
    job->setAutoDelete(true);
    job->setKey(account);
    QObject::connect(job, &QKeychain::Job::finished, context, [done = std::move(done)](QKeychain::Job *j) {
        auto *read = static_cast<QKeychain::ReadPasswordJob *>(j);
        if (read->error() == QKeychain::EntryNotFound)
            return done(QString(), QString());
        done(read->error() == QKeychain::NoError ? read->textData() : QString(), errorOf(read));
    });
    job->start();
}

void KeychainTokenStore::write(const QString &account, const QString &token, QObject *context,
                               std::function<void(QString)> done)
{
    auto *job = new QKeychain::WritePasswordJob(m_service);
    job->setAutoDelete(true);
    job->setKey(account);
    job->setTextData(token);
    QObject::connect(job, &QKeychain::Job::finished, context,
                     [done = std::move(done)](QKeychain::Job *j) { done(errorOf(j)); });
    job->start();
}

void KeychainTokenStore::remove(const QString &account, QObject *context, std::function<void(QString)> done)
{
    auto *job = new QKeychain::DeletePasswordJob(m_service);
    job->setAutoDelete(true);
    job->setKey(account);
    QObject::connect(job, &QKeychain::Job::finished, context, [done = std::move(done)](QKeychain::Job *j) {
        auto *del = static_cast<QKeychain::DeletePasswordJob *>(j);
        done(del->error() == QKeychain::EntryNotFound ? QString() : errorOf(del));
    });
    job->start();
}

} // namespace confab::client

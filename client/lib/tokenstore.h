#pragma once

#include <QObject>
#include <QString>

#include <functional>

namespace confab::client {

//! Where session tokens live between runs. Never a plain file: the OS keychain (KeychainTokenStore).
class TokenStore {
public:
    virtual ~TokenStore() = default;
    //! `done` gets the token, or an empty string when there is none (or the keychain refused).
    virtual void read(const QString &account, QObject *context, std::function<void(QString token, QString error)> done) = 0;
    virtual void write(const QString &account, const QString &token, QObject *context,
                       std::function<void(QString error)> done) = 0;
    virtual void remove(const QString &account, QObject *context, std::function<void(QString error)> done) = 0;
};

//! Tokens in the OS keychain through QtKeychain (Secret Service, macOS Keychain, Windows Credential Store).
class KeychainTokenStore : public TokenStore {
public:
    explicit KeychainTokenStore(QString service = QStringLiteral("Confab")) : m_service(std::move(service)) {}
    void read(const QString &account, QObject *context, std::function<void(QString, QString)> done) override;
    void write(const QString &account, const QString &token, QObject *context,
               std::function<void(QString)> done) override;
    void remove(const QString &account, QObject *context, std::function<void(QString)> done) override;

private:
    QString m_service;
};

} // namespace confab::client

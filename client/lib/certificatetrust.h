#pragma once

#include <QString>

namespace confab::client {

/*!
 * Certificates the user accepted for servers whose certificate no authority vouches for (a team's
 * self-signed one): the SHA-256 fingerprint per host and port, kept in a small INI file of the
 * app's data folder. A server is trusted by its exact certificate, never by its name alone, so a
 * certificate that changes is asked about again.
 */
class CertificateTrust {
public:
    explicit CertificateTrust(QString file) : m_file(std::move(file)) {}

    //! The fingerprint accepted for `hostPort` ("chat.example:7400"), or empty.
    QString accepted(const QString &hostPort) const;
    void accept(const QString &hostPort, const QString &fingerprint);
    void forget(const QString &hostPort);

private:
    QString m_file;
};

} // namespace confab::client

#pragma once

#include <QString>

#include <optional>

namespace confab::server {

/*!
 * A self-signed TLS certificate for servers without one from a CA (as Mumble makes on first
 * start): users compare its SHA-256 fingerprint with the one the operator tells them. Qt cannot
 * make certificates, so this is the one place that uses OpenSSL's libcrypto directly.
 */
namespace selfsigned {

//! Makes both files when neither exists (`*created` = true); uses them when both do; refuses when
//! only one of them exists, since a new key would not match the old certificate or vice versa.
bool ensure(const QString &certPath, const QString &keyPath, bool *created, QString *error);

//! Writes a new EC P-256 key (mode 0600) and a certificate for it, valid for 10 years, naming
//! `hostName`, localhost, 127.0.0.1 and ::1.
bool generate(const QString &certPath, const QString &keyPath, const QString &hostName, QString *error);

//! SHA-256 of the certificate's DER bytes as colon-separated upper-case hex (as `openssl x509
//! -fingerprint -sha256` prints it); the first certificate of a PEM chain.
std::optional<QString> fingerprint(const QString &certPath, QString *error);

} // namespace selfsigned
} // namespace confab::server

#pragma once

#include <QByteArray>
#include <QString>

namespace confab::server {

//! Random identifiers and secrets from libsodium's CSPRNG.
namespace ids {
//! An opaque id such as "c_5GfQk2…": a one-letter kind, '_', and 20 characters of [A-Za-z0-9] (~119 bits).
QString make(char kind);
//! A session token: 32 random bytes, base64url without padding (43 characters).
QString token();
//! How tokens are kept server-side: SHA-256, hex. Tokens are random, so a fast hash is enough.
QString tokenHash(const QString &token);
QByteArray randomBytes(int count);
} // namespace ids

} // namespace confab::server

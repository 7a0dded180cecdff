#pragma once

#include "core/config.h"

#include <QTextStream>

namespace confab::server {

/*!
 * The operator's maintenance commands, run without a running server like the admin commands
 * (app/admin.h): `backup FOLDER`, `check` and `fingerprint`. Each returns a process exit code:
 * 0 done, 1 failed (with a message saying what to do), 2 bad usage.
 */
class Operations {
public:
    Operations(const ServerConfig &config, QTextStream &out, QTextStream &err) : m_config(config), m_out(out), m_err(err) {}

    //! A consistent copy of an SQLite database (VACUUM INTO), or pg_dump guidance for PostgreSQL,
    //! plus the attachment store, and `manifest.json` describing both. `folder` must be new or empty.
    int backup(const QString &folder);
    //! Config, database, schema version, storage (writable, referenced files present, a sample hashed), TLS.
    int check();
    //! The SHA-256 fingerprint of the TLS certificate the server uses.
    int fingerprint();

private:
    const ServerConfig &m_config;
    QTextStream &m_out;
    QTextStream &m_err;
};

} // namespace confab::server

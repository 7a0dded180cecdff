#pragma once

#include "core/config.h"

namespace confab::server {

// Filling a ServerConfig from the outside world at start-up: the INI file, the environment and the
// --listen flag (main.cpp parses the command line). This is the application's job, so it lives in
// app/; everything else only reads the values (core/config.h).

//! <standard data location>/confab-server: where the server keeps its data when not told.
QString defaultDataDir();
//! Reads an INI file over the current values. False (with a message naming the key) on a bad value.
bool loadIni(ServerConfig &config, const QString &path, QString *error);
//! CONFAB_DATABASE_URL and CONFAB_TLS_KEY_PASSWORD, when set.
void applyEnvironment(ServerConfig &config);
//! HOST:PORT (HOST may be an IP address, [IPv6], localhost or *).
bool setListen(ServerConfig &config, const QString &hostPort, QString *error);

} // namespace confab::server

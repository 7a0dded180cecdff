#pragma once

#include <QString>

#include <optional>

namespace confab::server {

//! Where the data lives: `postgresql://user:password@host:port/dbname?host=/socket/folder` or `sqlite:/path/file`.
//! Plain text to value: the config names it, storage/ opens it.
struct DatabaseUrl {
    enum class Driver { PostgreSQL, SQLite };
    Driver driver = Driver::SQLite;
    QString host; //!< a host name, or a socket folder (starts with '/')
    int port = 5432;
    QString user;
    QString password;
    QString database; //!< the PostgreSQL database name, or the SQLite file path

    static std::optional<DatabaseUrl> parse(const QString &text, QString *error);
    QString redacted() const; //!< for logs: no password
};

} // namespace confab::server

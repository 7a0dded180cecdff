#pragma once

#include <memory>

#include "core/config.h"

#include <QStringList>
#include <QTextStream>

namespace confab::server {

/*!
 * The operator's commands (`confab-server user …`, `invite …`, `migrate`), run against the
 * database directly, without a running server. Each returns a process exit code.
 */
class Admin {
public:
    Admin(const ServerConfig &config, QTextStream &out, QTextStream &err, QTextStream &in)
        : m_config(config), m_out(out), m_err(err), m_in(in)
    {
    }

    int migrate();
    //! `args`: the action and username; `displayName` for add (the username when empty).
    int user(const QStringList &args, const QString &displayName, bool passwordStdin);
    int invite(const QStringList &args);
    //! `user delete USERNAME [--erase-messages]` (app/admindelete.cpp): the account deletion of
    //! account.delete; messages are erased with the flag or with accounts/delete_erases_messages.
    int deleteUser(const QString &username, bool eraseMessages);
    //! `user add --bot NAME`: a bot account and its long-lived token, printed once.
    int addBot(const QStringList &args, const QString &displayName);
    //! `report list`: members reported from conversations, with the real identities (blind rooms
    //! too). Every listing is logged (`operator_access`, and the admin log category).
    int report(const QStringList &args);
    //! `demo backdate`: moves the demo's history to yesterday morning, for screenshots with a
    //! "Yesterday" and a "Today" (scripts/screenshots.sh). The server must be stopped.
    int demo(const QStringList &args);

private:
    //! Resolves, opens and migrates the configured database; on failure says why and sets
    //! `status` to the exit code (2: configuration, 1: database).
    std::unique_ptr<class Database> openDatabase(int *status);
    QString readPassword(bool fromStdin);

    const ServerConfig &m_config;
    QTextStream &m_out;
    QTextStream &m_err;
    QTextStream &m_in;
};

} // namespace confab::server

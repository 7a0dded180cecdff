// confab-server: the Confab chat server and its admin commands.
#include "app/admin.h"
#include "app/attachmentops.h"
#include "app/configfile.h"
#include "app/operations.h"
#include "app/serverapp.h"
#include "app/unixsignals.h"
#include "core/logging.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTimer>

#include <cstdio>

using namespace confab::server;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("confab-server"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CONFAB_VERSION));
    qSetMessagePattern(QStringLiteral("%{time yyyy-MM-ddTHH:mm:ss.zzz} %{if-warning}W %{endif}%{if-critical}E %{endif}"
                                      "%{category}: %{message}"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Confab chat server.\n\n"
        "Commands:\n"
        "  serve                      run the server (the default)\n"
        "  migrate                    bring the database schema up to date and exit\n"
        "  user add|disable|enable|reset-password USERNAME [--display-name N] [--password-stdin]\n"
        "  user add --bot USERNAME    a bot account; prints its token (sign in with auth.resume)\n"
        "  user list\n"
        "  user delete USERNAME [--erase-messages]\n"
        "                             delete an account (signed out, profile erased, username held)\n"
        "  invite create              print a one-time invite code (auth/registration = invite)\n"
        "  report list [LIMIT]        reported members with their real identities (newest first; logged)\n"
        "  backup FOLDER              copy the SQLite database and the attachments into a new folder\n"
        "  attachments migrate --to database|disk [--remove-source]\n"
        "                             move attachment bytes into the other store (servers may run)\n"
        "  check                      check config, database, schema, storage and TLS; exit 1 on a problem\n"
        "  fingerprint                print the SHA-256 fingerprint of the TLS certificate\n"
        "  demo backdate              demo data only: move all history to yesterday morning (server stopped)"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption configOption(QStringLiteral("config"), QStringLiteral("INI config file."), QStringLiteral("file"));
    const QCommandLineOption listenOption(QStringLiteral("listen"),
                                          QStringLiteral("Address to listen on (default 127.0.0.1:7480; port 0 picks a free one)."),
                                          QStringLiteral("host:port"));
    const QCommandLineOption dataOption(QStringLiteral("data"), QStringLiteral("Data folder (SQLite database, attachments)."),
                                        QStringLiteral("dir"));
    const QCommandLineOption databaseOption(
        QStringLiteral("database"), QStringLiteral("postgresql://user@host:port/db[?host=/socket/folder] or sqlite:FILE."),
        QStringLiteral("url"));
    const QCommandLineOption displayNameOption(QStringLiteral("display-name"),
                                               QStringLiteral("user add: the display name (default: the username)."),
                                               QStringLiteral("name"));
    const QCommandLineOption passwordStdinOption(QStringLiteral("password-stdin"),
                                                 QStringLiteral("user add/reset-password: read the password from stdin."));
    const QCommandLineOption botOption(QStringLiteral("bot"),
                                       QStringLiteral("user add: a bot account; prints its sign-in token once."));
    const QCommandLineOption toOption(QStringLiteral("to"), QStringLiteral("attachments migrate: database or disk."),
                                      QStringLiteral("store"));
    const QCommandLineOption removeSourceOption(QStringLiteral("remove-source"),
                                                QStringLiteral("attachments migrate: remove each blob from the old store once copied."));
    const QCommandLineOption eraseMessagesOption(QStringLiteral("erase-messages"),
                                                 QStringLiteral("user delete: erase the user's messages too."));
    parser.addOptions({configOption, listenOption, dataOption, databaseOption, displayNameOption, passwordStdinOption,
                       botOption, toOption, removeSourceOption, eraseMessagesOption});
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("serve | migrate | user | invite | report | attachments | backup | check | fingerprint | demo"));
    parser.process(app);

    QTextStream out(stdout), err(stderr), in(stdin);
    ServerConfig config;
    config.dataDir = defaultDataDir();
    QString error;
    if (parser.isSet(configOption) && !loadIni(config, parser.value(configOption), &error)) {
        err << error << Qt::endl;
        return 2;
    }
    applyEnvironment(config);
    if (parser.isSet(listenOption) && !setListen(config, parser.value(listenOption), &error)) {
        err << error << Qt::endl;
        return 2;
    }
    if (parser.isSet(dataOption))
        config.dataDir = parser.value(dataOption);
    if (parser.isSet(databaseOption))
        config.databaseUrl = parser.value(databaseOption);

    const QStringList positional = parser.positionalArguments();
    const QString command = positional.value(0, QStringLiteral("serve"));
    Admin admin(config, out, err, in);
    if (command == QLatin1StringView("migrate"))
        return admin.migrate();
    if (command == QLatin1StringView("user") && parser.isSet(botOption))
        return admin.addBot(positional.mid(1), parser.value(displayNameOption));
    if (command == QLatin1StringView("user") && positional.value(1) == QLatin1StringView("delete"))
        return admin.deleteUser(positional.value(2), parser.isSet(eraseMessagesOption));
    if (command == QLatin1StringView("user"))
        return admin.user(positional.mid(1), parser.value(displayNameOption), parser.isSet(passwordStdinOption));
    if (command == QLatin1StringView("invite"))
        return admin.invite(positional);
    if (command == QLatin1StringView("report"))
        return admin.report(positional);
    if (command == QLatin1StringView("demo"))
        return admin.demo(positional);
    if (command == QLatin1StringView("attachments")) {
        if (positional.value(1) != QLatin1StringView("migrate")) {
            err << "usage: confab-server attachments migrate --to database|disk [--remove-source]" << Qt::endl;
            return 2;
        }
        // Running servers read the setting every 2 s: 5 s give each of them time to see the switch.
        constexpr qint64 kSettleMs = 5000;
        return AttachmentOps(config, out, err).migrate(parser.value(toOption), parser.isSet(removeSourceOption), kSettleMs);
    }
    Operations operations(config, out, err);
    if (command == QLatin1StringView("backup"))
        return operations.backup(positional.value(1));
    if (command == QLatin1StringView("check"))
        return operations.check();
    if (command == QLatin1StringView("fingerprint"))
        return operations.fingerprint();
    if (command != QLatin1StringView("serve")) {
        err << "unknown command " << command << " (see --help)" << Qt::endl;
        return 2;
    }

    ServerApp server(config);
    if (!server.start(&error)) {
        qCCritical(lcServer).noquote() << error;
        return 1;
    }
    // One machine-readable line on stdout: scripts and tests read the address from it.
    out << "confab-server listening on " << server.url() << Qt::endl;
    qCInfo(lcServer).noquote() << "listening on" << server.url() << "data in" << config.dataDir;

    UnixSignals unixSignals;
    QObject::connect(&unixSignals, &UnixSignals::terminate, &app, [&server](int signal) {
        qCInfo(lcServer) << "signal" << signal << "- shutting down";
        server.stop();
        // Give close frames a moment to leave, then exit.
        QTimer::singleShot(300, qApp, [] { QCoreApplication::quit(); });
    });
    return app.exec();
}

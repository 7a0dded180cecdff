// confab-smoke: checks a running Confab installation from outside (docs/testing.md).
//   confab-smoke wss://chat.example.org --user a --user b
// Passwords come from CONFAB_SMOKE_PASSWORD_1 and CONFAB_SMOKE_PASSWORD_2, else from two lines
// on standard input. Exit code: 0 passed, 1 a check failed, 2 refused (usage, accounts missing).
#include "smoke.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QSslCertificate>

#include <cstdio>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("confab-smoke"));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Signs two existing accounts in, exchanges a message, checks delivery, the read receipt and a file's\n"
        "round trip, deletes what it sent, and prints what it measured. Passwords: CONFAB_SMOKE_PASSWORD_1\n"
        "and CONFAB_SMOKE_PASSWORD_2, or two lines on standard input."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("url"), QStringLiteral("ws:// or wss:// address of the server"));
    const QCommandLineOption user(QStringLiteral("user"), QStringLiteral("an existing account (give it twice)"),
                                  QStringLiteral("username"));
    const QCommandLineOption ca(QStringLiteral("ca"), QStringLiteral("trust the certificates in this PEM file (wss://)"),
                                QStringLiteral("file"));
    const QCommandLineOption timeout(QStringLiteral("timeout"), QStringLiteral("seconds per step (default 15)"),
                                     QStringLiteral("seconds"), QStringLiteral("15"));
    parser.addOptions({user, ca, timeout});
    parser.process(app);

    QTextStream out(stdout);
    QTextStream err(stderr);
    const QStringList users = parser.values(user);
    if (parser.positionalArguments().size() != 1 || users.size() != 2 || users[0] == users[1]) {
        err << "usage: confab-smoke URL --user A --user B (two different existing accounts)" << Qt::endl;
        return confab::test::Smoke::Refused;
    }
    confab::test::Smoke::Options options;
    options.url = parser.positionalArguments().first();
    if (!options.url.startsWith(QStringLiteral("ws://")) && !options.url.startsWith(QStringLiteral("wss://"))) {
        err << "confab-smoke: the address must start with ws:// or wss://" << Qt::endl;
        return confab::test::Smoke::Refused;
    }
    QTextStream in(stdin);
    for (int i = 0; i < 2; ++i) {
        options.users[i] = users[i];
        options.passwords[i] = qEnvironmentVariable(i == 0 ? "CONFAB_SMOKE_PASSWORD_1" : "CONFAB_SMOKE_PASSWORD_2");
        if (options.passwords[i].isEmpty())
            options.passwords[i] = in.readLine();
        if (options.passwords[i].isEmpty()) {
            err << "confab-smoke: no password for " << users[i] << Qt::endl;
            return confab::test::Smoke::Refused;
        }
    }
    options.timeoutMs = qBound(1, parser.value(timeout).toInt(), 600) * 1000;
    options.tls = QSslConfiguration::defaultConfiguration();
    if (parser.isSet(ca)) {
        const QList<QSslCertificate> trusted = QSslCertificate::fromPath(parser.value(ca));
        if (trusted.isEmpty()) {
            err << "confab-smoke: no certificate in " << parser.value(ca) << Qt::endl;
            return confab::test::Smoke::Refused;
        }
        options.tls.setCaCertificates(options.tls.caCertificates() + trusted);
    }
    confab::test::Smoke smoke(options, out);
    return smoke.run();
}

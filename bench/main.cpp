// confab-bench: load generator for confab-server. See docs/performance.md; bench/run.sh starts the
// server and the database and passes the right flags.

#include "bench.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QLoggingCategory>

#include <cstdio>

using confab::bench::Options;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("confab-bench"));
    QLoggingCategory::setFilterRules(QStringLiteral("qt.websockets*=false"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Load generator for confab-server. Scenarios: fanout, sweep, idle, history, login, flood, transfer.\n"
        "Every load loop is bounded in time and count; loopback only."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("scenario"), QStringLiteral("fanout | sweep | idle | history | login | flood | transfer"));
    struct Flag {
        QString name;
        QString help;
        QString value;
    };
    const Options defaults;
    const QList<Flag> flags = {
        {QStringLiteral("url"), QStringLiteral("server address"), defaults.url},
        {QStringLiteral("threads"), QStringLiteral("worker threads, each with its own event loop"), QString::number(defaults.threads)},
        {QStringLiteral("clients"), QStringLiteral("fanout/sweep/login: connections (one user each)"), QString::number(defaults.clients)},
        {QStringLiteral("rooms"), QStringLiteral("fanout/sweep: rooms"), QString::number(defaults.rooms)},
        {QStringLiteral("members"), QStringLiteral("fanout/sweep: members per room (0: clients/rooms)"), QStringLiteral("0")},
        {QStringLiteral("senders"), QStringLiteral("senders (0: 5 for one room, else one per room)"), QStringLiteral("0")},
        {QStringLiteral("rate"), QStringLiteral("messages per second, all senders together"), QString::number(defaults.rate)},
        {QStringLiteral("seconds"), QStringLiteral("sending time of a phase (idle: holding time)"), QString::number(defaults.seconds)},
        {QStringLiteral("warmup"), QStringLiteral("seconds at the start of a phase left out of the figures"), QString::number(defaults.warmup)},
        {QStringLiteral("body-bytes"), QStringLiteral("message body size"), QString::number(defaults.bodyBytes)},
        {QStringLiteral("bound-ms"), QStringLiteral("p99 bound (sweep stops beyond it)"), QString::number(defaults.boundMs)},
        {QStringLiteral("start-rate"), QStringLiteral("sweep: first rate"), QString::number(defaults.sweepStart)},
        {QStringLiteral("factor"), QStringLiteral("sweep: rate multiplier per step"), QString::number(defaults.sweepFactor)},
        {QStringLiteral("max-rate"), QStringLiteral("sweep: highest rate tried"), QString::number(defaults.sweepMax)},
        {QStringLiteral("steps"), QStringLiteral("sweep: most steps"), QString::number(defaults.sweepSteps)},
        {QStringLiteral("connections"), QStringLiteral("idle: connections"), QString::number(defaults.connections)},
        {QStringLiteral("users"), QStringLiteral("idle: distinct users (0: min(connections, 100))"), QStringLiteral("0")},
        {QStringLiteral("messages"), QStringLiteral("history: messages in the long conversation"), QString::number(defaults.messages)},
        {QStringLiteral("page-requests"), QStringLiteral("history: requests per position"), QString::number(defaults.pageRequests)},
        {QStringLiteral("sync-conversations"), QStringLiteral("history: conversations in the sync"), QString::number(defaults.syncConversations)},
        {QStringLiteral("sync-gap"), QStringLiteral("history: missed events per sync conversation"), QString::number(defaults.syncGap)},
        {QStringLiteral("sync-requests"), QStringLiteral("history: sync requests"), QString::number(defaults.syncRequests)},
        {QStringLiteral("sql"), QStringLiteral("history: shell command running an SQL script from stdin on the server's database"), {}},
        {QStringLiteral("stormers"), QStringLiteral("login: connections logging in and out"), QString::number(defaults.stormers)},
        {QStringLiteral("calm"), QStringLiteral("flood: calm connections"), QString::number(defaults.calm)},
        {QStringLiteral("calm-rate"), QStringLiteral("flood: message.send per second and calm connection"), QString::number(defaults.calmRate)},
        {QStringLiteral("flooders"), QStringLiteral("flood: flooding connections of the phases after the calm one"), defaults.flooders},
        {QStringLiteral("flood-batch"), QStringLiteral("flood: requests a flooding connection sends at once"), QString::number(defaults.floodBatch)},
        {QStringLiteral("file-mb"), QStringLiteral("transfer: MiB uploaded and downloaded (at most 50)"), QString::number(defaults.fileMb)},
        {QStringLiteral("users-file"), QStringLiteral("JSON file caching bench users and tokens between runs"), {}},
        {QStringLiteral("user-prefix"), QStringLiteral("username prefix"), defaults.userPrefix},
        {QStringLiteral("server-pid"), QStringLiteral("pid of confab-server, for CPU and RSS from /proc"), QStringLiteral("0")},
        {QStringLiteral("db-pid"), QStringLiteral("pid of the PostgreSQL postmaster (CPU of it and its backends)"), QStringLiteral("0")},
        {QStringLiteral("db"), QStringLiteral("database label for the report"), defaults.database},
        {QStringLiteral("commit"), QStringLiteral("git commit for the report (default: git rev-parse --short HEAD)"), {}},
        {QStringLiteral("out"), QStringLiteral("JSON file of figures"), {}},
        {QStringLiteral("notes"), QStringLiteral("free text for the report"), {}},
    };
    for (const Flag &f : flags)
        parser.addOption(QCommandLineOption(f.name, f.help + (f.value.isEmpty() ? QString() : QStringLiteral(" [%1]").arg(f.value)),
                                            QStringLiteral("value"), f.value));
    parser.process(app);
    if (parser.positionalArguments().size() != 1)
        parser.showHelp(2);

    bool allGood = true;
    const auto integer = [&](const QString &name) {
        bool ok = false;
        const qint64 v = parser.value(name).toLongLong(&ok);
        if (!ok || v < 0) {
            std::fprintf(stderr, "--%s: not a whole number >= 0\n", qPrintable(name));
            allGood = false;
        }
        return v;
    };
    const auto real = [&](const QString &name) {
        bool ok = false;
        const double v = parser.value(name).toDouble(&ok);
        if (!ok || v <= 0) {
            std::fprintf(stderr, "--%s: not a number > 0\n", qPrintable(name));
            allGood = false;
        }
        return v;
    };
    Options o;
    o.scenario = parser.positionalArguments().first();
    o.url = parser.value(QStringLiteral("url"));
    o.threads = int(integer(QStringLiteral("threads")));
    o.clients = int(integer(QStringLiteral("clients")));
    o.rooms = int(integer(QStringLiteral("rooms")));
    o.members = int(integer(QStringLiteral("members")));
    o.senders = int(integer(QStringLiteral("senders")));
    o.rate = real(QStringLiteral("rate"));
    o.seconds = real(QStringLiteral("seconds"));
    o.warmup = parser.value(QStringLiteral("warmup")).toDouble();
    o.bodyBytes = int(integer(QStringLiteral("body-bytes")));
    o.boundMs = real(QStringLiteral("bound-ms"));
    o.sweepStart = real(QStringLiteral("start-rate"));
    o.sweepFactor = real(QStringLiteral("factor"));
    o.sweepMax = real(QStringLiteral("max-rate"));
    o.sweepSteps = int(integer(QStringLiteral("steps")));
    o.connections = int(integer(QStringLiteral("connections")));
    o.users = int(integer(QStringLiteral("users")));
    o.messages = integer(QStringLiteral("messages"));
    o.pageRequests = int(integer(QStringLiteral("page-requests")));
    o.syncConversations = int(integer(QStringLiteral("sync-conversations")));
    o.syncGap = int(integer(QStringLiteral("sync-gap")));
    o.syncRequests = int(integer(QStringLiteral("sync-requests")));
    o.sqlCommand = parser.value(QStringLiteral("sql"));
    o.stormers = int(integer(QStringLiteral("stormers")));
    o.calm = int(integer(QStringLiteral("calm")));
    o.calmRate = real(QStringLiteral("calm-rate"));
    o.flooders = parser.value(QStringLiteral("flooders"));
    o.floodBatch = int(integer(QStringLiteral("flood-batch")));
    o.fileMb = int(integer(QStringLiteral("file-mb")));
    o.usersFile = parser.value(QStringLiteral("users-file"));
    o.userPrefix = parser.value(QStringLiteral("user-prefix"));
    o.serverPid = int(integer(QStringLiteral("server-pid")));
    o.dbPid = int(integer(QStringLiteral("db-pid")));
    o.database = parser.value(QStringLiteral("db"));
    o.commit = parser.value(QStringLiteral("commit"));
    o.out = parser.value(QStringLiteral("out"));
    o.notes = parser.value(QStringLiteral("notes"));
    if (o.sweepFactor <= 1.0 || o.messages < 200 || o.sweepFactor > 10) {
        std::fprintf(stderr, "--factor must be in (1, 10], --messages at least 200\n");
        allGood = false;
    }
    // Bounds: every loop is finite in time and in traffic.
    if (o.seconds > 3600 || o.rate > 200000 || o.connections > 60000 || o.clients > 60000 || o.messages > 50'000'000 ||
        o.calm > 1000 || o.calmRate > 1000 || o.floodBatch > 100000 || o.fileMb < 1 || o.fileMb > 50) {
        std::fprintf(stderr, "refusing: --seconds <= 3600, --rate <= 200000, --clients/--connections <= 60000, "
                             "--messages <= 50000000, --calm <= 1000, --calm-rate <= 1000, --flood-batch <= 100000, --file-mb 1..50\n");
        allGood = false;
    }
    if (!allGood)
        return 2;
    confab::bench::Bench bench(o);
    return bench.run();
}

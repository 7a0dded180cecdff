// A small app built on the client library, for the client-crash fault test. It keeps its outbox
// in the data folder given, signs in through the real keychain, and can abort itself mid-way.
//   crashclient signin <data> <url> <user> <password>   sign in, wait until the token is in the keychain
//   crashclient write <data> <url> <user> <conv> <n>      write n messages (server down), abort
//   crashclient online-abort <data> <url> <user> <conv> <n>  write n messages online, abort half-way
//   crashclient flush <data> <url> <user>                 start again, exit 0 once the outbox is empty
// The client ids written are printed on stdout, one per line, before any abort.
#include "chatclient.h"
#include "tokenstore.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QTextStream>
#include <QTimer>

#include <sys/resource.h>

#include <cstdio>
#include <cstdlib>

using namespace confab::client;

namespace {

//! The keychain, plus a flag once a token write finished (so that `signin` exits after it).
class WatchedTokenStore : public KeychainTokenStore {
public:
    WatchedTokenStore() : KeychainTokenStore(QStringLiteral("Confab-faults")) {}
    void write(const QString &account, const QString &token, QObject *context,
               std::function<void(QString error)> done) override
    {
        KeychainTokenStore::write(account, token, context, [this, done](QString error) {
            written = error.isEmpty();
            if (!error.isEmpty())
                std::fprintf(stderr, "crashclient: keychain write failed: %s\n", qPrintable(error));
            done(error);
        });
    }
    bool written = false;
};

bool waitFor(const std::function<bool()> &condition, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (!condition()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    }
    return true;
}

[[noreturn]] void crash()
{
    // A crash as the user would have it, without a core file left behind.
    const rlimit none{0, 0};
    setrlimit(RLIMIT_CORE, &none);
    std::fflush(stdout);
    std::abort();
}

QStringList writeMessages(ChatClient &client, const QString &conversationId, int count)
{
    QStringList ids;
    for (int i = 1; i <= count; ++i) {
        const QString id = client.sendMessage(conversationId, QStringLiteral("crash #%1").arg(i));
        if (id.isEmpty())
            break;
        ids.append(id);
        std::printf("%s\n", qPrintable(id));
    }
    std::fflush(stdout);
    return ids;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 5) {
        std::fprintf(stderr, "usage: crashclient signin|write|online-abort|flush <data> <url> <user> …\n");
        return 64;
    }
    const QString mode = args[1], dataDir = args[2], url = args[3], user = args[4];
    WatchedTokenStore tokens;
    ChatClient client(dataDir, &tokens);
    client.setReconnectBackoff(100, 500);
    const auto online = [&] { return client.connectionState() == ChatClient::ConnectionState::Online; };

    if (mode == QLatin1String("signin") && args.size() == 6) {
        client.signIn(url, user, args[5]);
        if (!waitFor([&] { return online() && tokens.written; }, 30000)) {
            std::fprintf(stderr, "crashclient: not signed in\n");
            return 2;
        }
        return 0;
    }
    if ((mode == QLatin1String("write") || mode == QLatin1String("online-abort")) && args.size() == 7) {
        const QString conversationId = args[5];
        const int count = args[6].toInt();
        client.resume(url, user);
        if (mode == QLatin1String("write")) {
            // The server is down: everything lands in the outbox only, then the app dies.
            const QStringList ids = writeMessages(client, conversationId, count);
            if (ids.size() != count || client.pendingCount() != count)
                return 3;
            crash();
        }
        if (!waitFor(online, 30000))
            return 2;
        const QStringList ids = writeMessages(client, conversationId, count);
        if (ids.size() != count)
            return 3;
        // Dies with the outbox half sent and a send (or its ack) most likely on the wire.
        if (!waitFor([&] { return client.pendingCount() <= count / 2; }, 30000))
            return 4;
        crash();
    }
    if (mode == QLatin1String("flush")) {
        client.resume(url, user);
        if (!waitFor([&] { return online() && client.pendingCount() == 0; }, 40000)) {
            std::fprintf(stderr, "crashclient: %d messages still pending\n", client.pendingCount());
            return 5;
        }
        // Settle: nothing comes back into the outbox.
        waitFor([] { return false; }, 300);
        return client.pendingCount() == 0 ? 0 : 5;
    }
    std::fprintf(stderr, "crashclient: bad arguments\n");
    return 64;
}

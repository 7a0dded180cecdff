// Fuzz target (b): the server's handling of decoded frames, in process. The real stack of
// confab-server-core (Database on SQLite in a temporary folder, stores, services, Hub, Dispatcher)
// and a real ClientSession around a QWebSocket that is not connected (replies go nowhere).
// Each input is decoded as a text frame; what decodes is dispatched as the signed-in user "fuzz".
// auth.* frames are skipped (they would sign the session out or start argon2 work; tst_server_auth
// and tst_server_badinput cover them against a real server). The invariant checked: nothing
// crashes, hangs or trips a sanitizer, and every request is dispatched without throwing.
#include "core/config.h"
#include "domain/passwords.h"
#include "net/clientsession.h"
#include "net/dispatcher.h"
#include "net/fairscheduler.h"
#include "net/hub.h"
#include "services/authservice.h"
#include "services/blindservice.h"
#include "services/conversationlog.h"
#include "services/conversationservice.h"
#include "services/liveservice.h"
#include "services/messageservice.h"
#include "services/searchservice.h"
#include "storage/conversationstore.h"
#include "storage/database.h"
#include "storage/eventstore.h"
#include "storage/migrations.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QTemporaryDir>
#include <QWebSocket>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>

using namespace confab::protocol;
using namespace confab::server;

namespace {

void quiet(QtMsgType type, const QMessageLogContext &, const QString &message)
{
    if (type == QtFatalMsg) {
        std::fprintf(stderr, "fatal: %s\n", qPrintable(message));
        std::abort();
    }
}

struct Stack {
    QTemporaryDir dir;
    ServerConfig config;
    std::unique_ptr<Database> db;
    std::unique_ptr<PasswordHasher> hasher;
    std::unique_ptr<Hub> hub;
    std::unique_ptr<ConversationStore> conversationStore;
    std::unique_ptr<EventStore> eventStore;
    std::unique_ptr<ConversationLog> log;
    std::unique_ptr<AuthService> auth;
    std::unique_ptr<ConversationService> conversations;
    std::unique_ptr<MessageService> messages;
    std::unique_ptr<LiveService> live;
    std::unique_ptr<SearchService> search;
    std::unique_ptr<BlindService> blind;
    std::unique_ptr<Dispatcher> dispatcher;
    std::unique_ptr<FairScheduler> scheduler;
    ClientSession *session = nullptr;
    Identity me;

    bool setUp()
    {
        config.dataDir = dir.path();
        config.limits.sendBurst = 1'000'000'000;
        config.limits.sendPerMinute = 1'000'000'000;
        QString error;
        const auto url = DatabaseUrl::parse(QStringLiteral("sqlite:") + dir.filePath(QStringLiteral("fuzz.sqlite")), &error);
        if (!url)
            return fail(error);
        db = std::make_unique<Database>(*url, QStringLiteral("confab-fuzz"));
        if (!db->open(&error))
            return fail(error);
        Migrations migrations(*db);
        if (!migrations.migrate(&error))
            return fail(error);
        hasher = std::make_unique<PasswordHasher>();
        hub = std::make_unique<Hub>();
        conversationStore = std::make_unique<ConversationStore>(*db);
        eventStore = std::make_unique<EventStore>(*db);
        log = std::make_unique<ConversationLog>(*conversationStore, *eventStore, *hub);
        auth = std::make_unique<AuthService>(*db, config, *hasher, *hub);
        conversations = std::make_unique<ConversationService>(*db, *log, *hub);
        messages = std::make_unique<MessageService>(*db, config, *log, *conversations, *hub);
        live = std::make_unique<LiveService>(*db, config, *hub);
        search = std::make_unique<SearchService>(*db, *log);
        // Attachments stay unset: the dispatcher answers them as unsupported (no files on disk here).
        blind = std::make_unique<BlindService>(*db, *log);
        log->setBlindStore(&blind->store());
        dispatcher = std::make_unique<Dispatcher>(*auth, *conversations, *messages, *live, *search);
        dispatcher->setBlind(blind.get());
        scheduler = std::make_unique<FairScheduler>(1);
        session = new ClientSession(new QWebSocket(), config, *dispatcher, *hub, *scheduler);
        // Sign up through the dispatcher itself, as a client would (argon2 runs off this thread).
        AuthRegister reg;
        reg.username = QStringLiteral("fuzz");
        reg.password = QStringLiteral("correct horse 1");
        reg.displayName = QStringLiteral("Fuzz");
        dispatcher->dispatch(*session, Decoded{Envelope{QStringLiteral("setup"), {}}, reg});
        const QDeadlineTimer deadline(30000);
        while (!session->identity().isValid() && !deadline.hasExpired())
            QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        if (!session->identity().isValid())
            return fail(QStringLiteral("sign-up did not finish"));
        me = session->identity();
        return true;
    }
    static bool fail(const QString &why)
    {
        std::fprintf(stderr, "fuzz_dispatch: setup failed: %s\n", qPrintable(why));
        return false;
    }
};

Stack &stack()
{
    static int argc = 1;
    static char name[] = "fuzz_dispatch";
    static char *argv[] = {name, nullptr};
    static QCoreApplication *app = [] {
        if (!qEnvironmentVariableIsSet("CONFAB_FUZZ_VERBOSE"))
            qInstallMessageHandler(quiet);
        return new QCoreApplication(argc, argv);
    }();
    Q_UNUSED(app);
    static Stack *s = [] {
        auto *created = new Stack;
        if (!created->setUp())
            std::abort();
        return created;
    }();
    return *s;
}

bool isAuth(FrameType type)
{
    return type == FrameType::AuthRegister || type == FrameType::AuthLogin || type == FrameType::AuthResume
        || type == FrameType::AuthLogout || type == FrameType::AuthRevoke;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    Stack &s = stack();
    auto decoded = decodeFrame(QByteArrayView(reinterpret_cast<const char *>(data), qsizetype(size)),
                               s.config.limits.maxFrameBytes);
    if (!decoded.ok() || isAuth(decoded->type()))
        return 0;
    if (!s.session->identity().isValid())
        s.session->setIdentity(s.me);
    try {
        s.dispatcher->dispatch(*s.session, decoded.value());
    } catch (const std::exception &e) {
        // The dispatcher turns every failure into an error reply: an escaping exception is a bug.
        std::fprintf(stderr, "fuzz_dispatch: exception escaped dispatch: %s\n", e.what());
        std::abort();
    }
    QCoreApplication::processEvents();
    return 0;
}

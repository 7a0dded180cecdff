#include "bench.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QProcess>
#include <QRandomGenerator>
#include <QSysInfo>
#include <QTextStream>

#include <future>

#include <sys/resource.h>
#include <unistd.h>

namespace confab::bench {

using namespace confab::protocol;

namespace {
QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

void say(const QString &line)
{
    out() << line << Qt::endl;
}

QString describe(const Frame &frame)
{
    if (frame.index() == 0)
        return QStringLiteral("(no reply)");
    return QString::fromUtf8(QJsonDocument(encodeObject(frame)).toJson(QJsonDocument::Compact)).left(300);
}

std::vector<quint32> merged(const std::vector<std::unique_ptr<Worker>> &workers,
                            std::vector<quint32> Sink::*member)
{
    std::vector<quint32> all;
    for (const auto &w : workers)
        all.insert(all.end(), (w->sink.*member).begin(), (w->sink.*member).end());
    return all;
}

qint64 sumOf(const std::vector<std::unique_ptr<Worker>> &workers, std::atomic<qint64> Sink::*member)
{
    qint64 total = 0;
    for (const auto &w : workers)
        total += (w->sink.*member).load();
    return total;
}

constexpr qint64 kSecondNs = 1'000'000'000;
} // namespace

// ---- PhaseResult --------------------------------------------------------------------------------

QJsonObject PhaseResult::toJson() const
{
    return {{QStringLiteral("rate_msgs_per_s"), rate},
            {QStringLiteral("seconds"), seconds},
            {QStringLiteral("sent"), double(sent)},
            {QStringLiteral("acks"), double(acks)},
            {QStringLiteral("send_errors"), double(sendErrors)},
            {QStringLiteral("unacked"), double(unacked)},
            {QStringLiteral("deliveries"), double(deliveries)},
            {QStringLiteral("expected_deliveries"), double(expected)},
            {QStringLiteral("lost"), double(lost)},
            {QStringLiteral("duplicates"), double(duplicates)},
            {QStringLiteral("disconnects"), double(disconnects)},
            {QStringLiteral("drained"), drained},
            {QStringLiteral("deliveries_per_s"), deliveriesPerSecond},
            {QStringLiteral("acks_per_s"), acksPerSecond},
            {QStringLiteral("latency_e2e"), e2e.toJson()},
            {QStringLiteral("latency_ack"), ack.toJson()},
            {QStringLiteral("bench_send_lag"), lag.toJson()},
            {QStringLiteral("logins"), double(logins)},
            {QStringLiteral("login_errors"), double(loginErrors)},
            {QStringLiteral("logins_per_s"), loginsPerSecond},
            {QStringLiteral("latency_login"), login.toJson()},
            {QStringLiteral("server_cpu_percent"), serverCpu},
            {QStringLiteral("server_rss_mb"), double(serverRssKb) / 1024.0},
            {QStringLiteral("db_cpu_percent"), dbCpu},
            {QStringLiteral("bench_cpu_percent"), benchCpu},
            {QStringLiteral("clean"), clean()}};
}

void PhaseResult::print(const QString &title) const
{
    say(QStringLiteral("%1  rate %2 msg/s for %3 s").arg(title).arg(rate, 0, 'f', 0).arg(seconds, 0, 'f', 0));
    say(QStringLiteral("  sent %1  acked %2  refused %3  unacked %4").arg(sent).arg(acks).arg(sendErrors).arg(unacked));
    say(QStringLiteral("  deliveries %1 of %2  lost %3  duplicates %4  disconnects %5%6")
            .arg(deliveries)
            .arg(expected)
            .arg(lost)
            .arg(duplicates)
            .arg(disconnects)
            .arg(drained ? QString() : QStringLiteral("  (NOT DRAINED)")));
    say(QStringLiteral("  deliveries/s %1  acks/s %2").arg(deliveriesPerSecond, 0, 'f', 0).arg(acksPerSecond, 0, 'f', 0));
    say(QStringLiteral("  latency send→receiver  ") + e2e.line());
    say(QStringLiteral("  latency send→ack       ") + ack.line());
    say(QStringLiteral("  bench send lag         ") + lag.line());
    if (logins > 0 || loginErrors > 0)
        say(QStringLiteral("  logins %1 (%2/s, %3 failed)  latency  %4")
                .arg(logins)
                .arg(loginsPerSecond, 0, 'f', 1)
                .arg(loginErrors)
                .arg(login.line()));
    say(QStringLiteral("  CPU %  server %1  database %2  bench %3   server RSS %4 MB")
            .arg(serverCpu, 0, 'f', 0)
            .arg(dbCpu, 0, 'f', 0)
            .arg(benchCpu, 0, 'f', 0)
            .arg(double(serverRssKb) / 1024.0, 0, 'f', 1));
}

// ---- threads and connections --------------------------------------------------------------------

Bench::Bench(Options options) : m_options(std::move(options)) {}

Bench::~Bench()
{
    stopWorkers();
}

void Bench::startWorkers()
{
    for (int i = 0; i < std::max(1, m_options.threads); ++i) {
        auto thread = std::make_unique<QThread>();
        thread->setObjectName(QStringLiteral("bench-%1").arg(i));
        auto worker = std::make_unique<Worker>();
        worker->moveToThread(thread.get());
        thread->start();
        m_threads.push_back(std::move(thread));
        m_workers.push_back(std::move(worker));
    }
}

void Bench::stopWorkers()
{
    for (size_t i = 0; i < m_workers.size(); ++i) {
        Worker *worker = m_workers[i].get();
        onWorker(worker, [worker] {
            // Children (clients, timer) go in their own thread.
            qDeleteAll(worker->children());
        });
        m_threads[i]->quit();
        m_threads[i]->wait();
    }
    m_clients.clear();
    m_workers.clear();
    m_threads.clear();
}

void Bench::onWorker(Worker *worker, const std::function<void()> &fn)
{
    QMetaObject::invokeMethod(worker, fn, Qt::BlockingQueuedConnection);
}

void Bench::onEveryWorker(const std::function<void(Worker *)> &fn)
{
    for (const auto &w : m_workers) {
        Worker *worker = w.get();
        onWorker(worker, [&fn, worker] { fn(worker); });
    }
}

void Bench::post(int client, std::function<void(BenchClient *)> fn)
{
    BenchClient *c = m_clients[size_t(client)];
    QMetaObject::invokeMethod(workerOf(client), [c, fn = std::move(fn)] { fn(c); }, Qt::QueuedConnection);
}

int Bench::createClients(int count)
{
    const int first = int(m_clients.size());
    m_clients.resize(m_clients.size() + size_t(count), nullptr);
    onEveryWorker([this, first, count](Worker *worker) {
        for (int c = first; c < first + count; ++c) {
            if (workerOf(c) == worker)
                m_clients[size_t(c)] = new BenchClient(c, worker->sink, worker);
        }
    });
    return first;
}

bool Bench::waitUntil(const std::function<bool()> &done, qint64 timeoutMs)
{
    const qint64 deadline = nowNs() + timeoutMs * 1'000'000;
    while (!done()) {
        if (nowNs() > deadline)
            return false;
        QThread::msleep(2);
    }
    return true;
}

Frame Bench::call(int client, const Frame &frame, qint64 *latencyNs, int timeoutMs)
{
    struct Answer {
        Frame reply;
        qint64 latency = 0;
    };
    auto promise = std::make_shared<std::promise<Answer>>();
    std::future<Answer> future = promise->get_future();
    post(client, [frame, promise](BenchClient *c) {
        const qint64 sentAt = nowNs();
        c->request(frame, [promise, sentAt](const Frame &reply, qint64 arrived) {
            promise->set_value({reply, arrived - sentAt});
        });
    });
    if (future.wait_for(std::chrono::milliseconds(timeoutMs)) != std::future_status::ready)
        return {};
    Answer answer = future.get();
    if (latencyNs)
        *latencyNs = answer.latency;
    return answer.reply;
}

// ---- users --------------------------------------------------------------------------------------

void Bench::loadUsers()
{
    if (m_options.usersFile.isEmpty())
        return;
    QFile file(m_options.usersFile);
    if (!file.open(QIODevice::ReadOnly))
        return;
    const QJsonArray users = QJsonDocument::fromJson(file.readAll()).object().value(QStringLiteral("users")).toArray();
    for (const QJsonValue &v : users) {
        const QJsonObject o = v.toObject();
        m_users.append({o.value(QStringLiteral("name")).toString(), o.value(QStringLiteral("id")).toString(),
                        o.value(QStringLiteral("token")).toString()});
    }
    say(QStringLiteral("users: %1 cached in %2").arg(m_users.size()).arg(m_options.usersFile));
}

void Bench::saveUsers()
{
    if (m_options.usersFile.isEmpty() || !m_usersChanged)
        return;
    QJsonArray users;
    for (const BenchUser &u : std::as_const(m_users))
        users.append(QJsonObject{{QStringLiteral("name"), u.name}, {QStringLiteral("id"), u.id},
                                 {QStringLiteral("token"), u.token}});
    QFile file(m_options.usersFile);
    if (file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        file.write(QJsonDocument(QJsonObject{{QStringLiteral("users"), users}}).toJson());
}

int Bench::userIndex(int n)
{
    QMutexLocker lock(&m_usersMutex);
    while (m_users.size() <= n)
        m_users.append({m_options.userPrefix + QStringLiteral("%1").arg(m_users.size(), 5, 10, QLatin1Char('0')), {}, {}});
    return n;
}

bool Bench::signIn(const QList<int> &clients, const QList<int> &users)
{
    // Clients whose user has no token yet register (argon2id, ~70 ms each on the server's two hashing
    // threads): a few at a time, so that none waits longer than the server's auth timeout.
    QList<int> slow, fast;
    QSet<int> registering;
    for (qsizetype i = 0; i < clients.size(); ++i) {
        const int u = userIndex(users[i]);
        bool hasToken = false;
        {
            QMutexLocker lock(&m_usersMutex);
            hasToken = !m_users[u].token.isEmpty();
        }
        if (hasToken || registering.contains(u)) {
            fast.append(int(i));
        } else {
            registering.insert(u);
            slow.append(int(i));
        }
    }
    const qint64 started = nowNs();
    for (const auto &[batch, wave] : {std::pair{slow, 24}, std::pair{fast, 400}}) {
        for (qsizetype from = 0; from < batch.size(); from += wave) {
            struct Progress {
                std::atomic<int> done{0}, failed{0};
            };
            auto progress = std::make_shared<Progress>();
            const qsizetype to = std::min(batch.size(), from + wave);
            for (qsizetype k = from; k < to; ++k) {
                const int c = clients[batch[k]];
                const int u = users[batch[k]];
                BenchUser user;
                {
                    QMutexLocker lock(&m_usersMutex);
                    user = m_users[u];
                }
                const QUrl url(m_options.url);
                post(c, [this, url, user, u, progress](BenchClient *client) {
                    client->open(url, [this, client, user, u, progress](bool connected) {
                        if (!connected) {
                            if (progress->failed.fetch_add(1) < 3)
                                qWarning("connection %d could not connect", client->index());
                            progress->done.fetch_add(1);
                            return;
                        }
                        client->authenticate(user, m_options.password,
                                             [this, u, progress](bool ok, const BenchUser &signedIn, const QString &why) {
                                                 if (ok) {
                                                     QMutexLocker lock(&m_usersMutex);
                                                     if (m_users[u].token != signedIn.token ||
                                                         m_users[u].id != signedIn.id) {
                                                         m_users[u] = signedIn;
                                                         m_usersChanged = true;
                                                     }
                                                 } else if (progress->failed.fetch_add(1) < 3) {
                                                     qWarning("sign-in of %s failed: %s", qPrintable(signedIn.name),
                                                              qPrintable(why));
                                                 }
                                                 progress->done.fetch_add(1);
                                             });
                    });
                });
            }
            const int expected = int(to - from);
            if (!waitUntil([&] { return progress->done.load() >= expected; }, 180'000) || progress->failed.load() > 0) {
                say(QStringLiteral("sign-in failed: %1 of %2 connections in a wave")
                        .arg(progress->failed.load() + expected - progress->done.load())
                        .arg(expected));
                return false;
            }
        }
    }
    saveUsers();
    if (const qint64 missing = sumOf(m_workers, &Sink::noDelayMissing))
        say(QStringLiteral("warning: TCP_NODELAY could not be set on %1 bench connections").arg(missing));
    say(QStringLiteral("signed in %1 connections (%2 registered or logged in by password) in %3 s")
            .arg(clients.size())
            .arg(slow.size())
            .arg(double(nowNs() - started) / 1e9, 0, 'f', 1));
    return true;
}

// ---- fan-out ------------------------------------------------------------------------------------

bool Bench::buildFanout(Topology &t, int clients, int rooms, int members, int senders)
{
    if (rooms < 1 || members < 1 || clients < members || members > field::kMaxMembersPerRequest + 1 ||
        senders < 1 || senders > rooms * members) {
        say(QStringLiteral("bad fan-out shape: %1 clients, %2 rooms of %3, %4 senders").arg(clients).arg(rooms).arg(members).arg(senders));
        return false;
    }
    const int first = createClients(clients);
    QList<int> all, users;
    for (int i = 0; i < clients; ++i) {
        all.append(first + i);
        users.append(i); // one user per connection: every delivery is counted once per receiver
    }
    if (!signIn(all, users))
        return false;
    const qint64 started = nowNs();
    for (int r = 0; r < rooms; ++r) {
        Room room;
        for (int j = 0; j < members; ++j)
            room.clients.append(first + (r * members + j) % clients);
        ConversationCreate create;
        create.kind = ConversationKind::Group;
        create.title = QStringLiteral("bench room %1").arg(r);
        {
            QMutexLocker lock(&m_usersMutex);
            for (int j = 1; j < members; ++j)
                create.members.append(m_users[users[room.clients[j] - first]].id);
        }
        const Frame reply = call(room.clients.first(), create);
        const auto *detail = std::get_if<ConversationDetail>(&reply);
        if (!detail) {
            say(QStringLiteral("conversation.create failed: ") + describe(reply));
            return false;
        }
        room.conversationId = detail->conversation.id;
        t.rooms.append(room);
    }
    for (int k = 0; k < senders; ++k) {
        const int r = k % rooms;
        t.senderRooms.append(r);
        t.senderClients.append(t.rooms[r].clients[(k / rooms) % members]);
    }
    say(QStringLiteral("created %1 rooms of %2 members in %3 s; %4 senders")
            .arg(rooms)
            .arg(members)
            .arg(double(nowNs() - started) / 1e9, 0, 'f', 1)
            .arg(senders));
    // Senders learn their room; their worker's timer drives them.
    onEveryWorker([this, &t](Worker *worker) {
        for (qsizetype k = 0; k < t.senderClients.size(); ++k) {
            BenchClient *c = m_clients[size_t(t.senderClients[k])];
            if (c->parent() != worker)
                continue;
            c->senderIndex = int(k);
            c->conversationId = t.rooms[t.senderRooms[k]].conversationId;
            c->bodyBytes = m_options.bodyBytes;
            worker->senders.append(c);
        }
    });
    return true;
}

PhaseResult Bench::fanoutPhase(const Topology &t, double rate, double seconds, const std::function<void()> &onStart)
{
    PhaseResult result;
    result.rate = rate;
    result.seconds = seconds;
    const qsizetype senders = t.senderClients.size();
    const qint64 t0 = nowNs() + 300'000'000;
    const qint64 end = t0 + qint64(seconds * 1e9);
    const qint64 windowFrom = t0 + qint64(std::min(m_options.warmup, seconds / 2) * 1e9);
    const qint64 intervalNs = qint64(double(senders) * 1e9 / rate);
    ++m_phase;
    onEveryWorker([&](Worker *worker) {
        worker->sink.reset();
        worker->sink.windowFromNs = windowFrom;
        worker->sink.windowToNs = end;
        for (QObject *child : worker->children()) {
            if (auto *c = qobject_cast<BenchClient *>(child))
                c->resetCounters();
        }
        for (BenchClient *c : std::as_const(worker->senders)) {
            c->firstNs = t0 + qint64(double(c->senderIndex) * 1e9 / rate);
            c->intervalNs = intervalNs;
            c->endNs = end;
            c->phase = m_phase;
        }
        if (!worker->sendTimer) {
            worker->sendTimer = new QTimer(worker);
            worker->sendTimer->setTimerType(Qt::PreciseTimer);
            worker->sendTimer->setInterval(1);
            QObject::connect(worker->sendTimer, &QTimer::timeout, worker, [worker] {
                const qint64 now = nowNs();
                for (BenchClient *c : std::as_const(worker->senders))
                    c->sendDue(now);
            });
        }
        worker->sendTimer->start();
    });
    if (onStart)
        onStart();
    while (nowNs() < windowFrom)
        QThread::msleep(1);
    const ProcSample server0 = serverSample(), db0 = dbSample(), self0 = sampleProc(0);
    qint64 peakRss = server0.rssKb;
    while (nowNs() < end) {
        QThread::msleep(200);
        peakRss = std::max(peakRss, serverSample().rssKb);
    }
    const ProcSample server1 = serverSample(), db1 = dbSample(), self1 = sampleProc(0);
    result.serverCpu = cpuPercent(server0, server1);
    result.dbCpu = cpuPercent(db0, db1);
    result.benchCpu = cpuPercent(self0, self1);
    result.serverRssKb = peakRss;
    m_serverPeakRssKb = std::max(m_serverPeakRssKb, peakRss);

    // Drain: every send answered, every acked message at every member of its room.
    const auto expectedDeliveries = [this, &t] {
        qint64 expected = 0;
        for (qsizetype k = 0; k < t.senderClients.size(); ++k)
            expected += m_clients[size_t(t.senderClients[k])]->ackedCount.load() *
                        t.rooms[t.senderRooms[k]].clients.size();
        return expected;
    };
    result.drained = waitUntil(
        [&] {
            const qint64 answered = sumOf(m_workers, &Sink::acks) + sumOf(m_workers, &Sink::sendErrors);
            return answered >= sumOf(m_workers, &Sink::sent) &&
                   sumOf(m_workers, &Sink::deliveries) >= expectedDeliveries();
        },
        15'000);
    onEveryWorker([](Worker *worker) {
        if (worker->sendTimer)
            worker->sendTimer->stop();
    });

    result.sent = sumOf(m_workers, &Sink::sent);
    result.acks = sumOf(m_workers, &Sink::acks);
    result.sendErrors = sumOf(m_workers, &Sink::sendErrors);
    result.unacked = result.sent - result.acks - result.sendErrors;
    result.deliveries = sumOf(m_workers, &Sink::deliveries);
    result.duplicates = sumOf(m_workers, &Sink::duplicates);
    result.disconnects = sumOf(m_workers, &Sink::disconnects);
    result.logins = sumOf(m_workers, &Sink::logins);
    result.loginErrors = sumOf(m_workers, &Sink::loginErrors);
    result.expected = expectedDeliveries();
    const double window = double(end - windowFrom) / 1e9;
    result.deliveriesPerSecond = double(sumOf(m_workers, &Sink::windowDeliveries)) / window;
    result.acksPerSecond = double(sumOf(m_workers, &Sink::windowAcks)) / window;
    result.loginsPerSecond = double(result.logins) / (double(end - t0) / 1e9);

    // Losses, exactly: every acked message of every sender of a room, at every member of that room.
    std::vector<std::vector<quint8>> acked(static_cast<size_t>(senders));
    onEveryWorker([&](Worker *) {
        for (qsizetype k = 0; k < senders; ++k) {
            BenchClient *c = m_clients[size_t(t.senderClients[k])];
            if (c->thread() == QThread::currentThread())
                acked[size_t(k)] = c->acked;
        }
    });
    std::atomic<qint64> lost{0};
    onEveryWorker([&](Worker *worker) {
        qint64 missing = 0;
        for (qsizetype k = 0; k < senders; ++k) {
            const std::vector<quint8> &sentBits = acked[size_t(k)];
            for (int receiver : t.rooms[t.senderRooms[k]].clients) {
                BenchClient *c = m_clients[size_t(receiver)];
                if (c->parent() != worker)
                    continue;
                static const std::vector<quint8> kNone;
                const std::vector<quint8> &got = size_t(k) < c->seen.size() ? c->seen[size_t(k)] : kNone;
                for (size_t n = 0; n < sentBits.size(); ++n) {
                    if (sentBits[n] && (n >= got.size() || !got[n]))
                        ++missing;
                }
            }
        }
        lost.fetch_add(missing);
    });
    result.lost = lost.load();

    std::vector<quint32> e2e, ackLatency, lag, login;
    onEveryWorker([](Worker *) {}); // a barrier: the samples below are no longer written
    e2e = merged(m_workers, &Sink::e2eMicros);
    ackLatency = merged(m_workers, &Sink::ackMicros);
    lag = merged(m_workers, &Sink::lagMicros);
    login = merged(m_workers, &Sink::loginMicros);
    result.e2e = summarize(e2e);
    result.ack = summarize(ackLatency);
    result.lag = summarize(lag);
    result.login = summarize(login);
    return result;
}

// ---- scenarios ----------------------------------------------------------------------------------

int Bench::run()
{
    m_benchStart = sampleProc(0);
    m_serverStart = serverSample();
    struct rlimit files {};
    getrlimit(RLIMIT_NOFILE, &files);
    m_params.insert(QStringLiteral("url"), m_options.url);
    m_params.insert(QStringLiteral("threads"), m_options.threads);
    m_params.insert(QStringLiteral("open_files_limit"), double(files.rlim_cur));
    loadUsers();
    startWorkers();
    int code = 2;
    const QString &s = m_options.scenario;
    if (s == QStringLiteral("fanout"))
        code = runFanout();
    else if (s == QStringLiteral("sweep"))
        code = runSweep();
    else if (s == QStringLiteral("idle"))
        code = runIdle();
    else if (s == QStringLiteral("history"))
        code = runHistory();
    else if (s == QStringLiteral("login"))
        code = runLogin();
    else if (s == QStringLiteral("flood"))
        code = runFlood();
    else if (s == QStringLiteral("transfer"))
        code = runTransfer();
    else
        say(QStringLiteral("unknown scenario %1 (fanout, sweep, idle, history, login, flood, transfer)").arg(s));
    saveUsers();
    finishReport(code == 0 ? QStringLiteral("ok") : code == 1 ? QStringLiteral("target missed or errors")
                                                                : QStringLiteral("failed"));
    stopWorkers();
    return code;
}

int Bench::runFanout()
{
    const int rooms = m_options.rooms;
    const int members = m_options.members > 0 ? m_options.members : m_options.clients / std::max(1, rooms);
    const int senders = m_options.senders > 0 ? m_options.senders : (rooms == 1 ? 5 : rooms);
    m_params.insert(QStringLiteral("clients"), m_options.clients);
    m_params.insert(QStringLiteral("rooms"), rooms);
    m_params.insert(QStringLiteral("members"), members);
    m_params.insert(QStringLiteral("senders"), senders);
    m_params.insert(QStringLiteral("rate_msgs_per_s"), m_options.rate);
    m_params.insert(QStringLiteral("seconds"), m_options.seconds);
    m_params.insert(QStringLiteral("warmup_s"), m_options.warmup);
    m_params.insert(QStringLiteral("body_bytes"), m_options.bodyBytes);
    Topology t;
    if (!buildFanout(t, m_options.clients, rooms, members, senders))
        return 2;
    const PhaseResult r = fanoutPhase(t, m_options.rate, m_options.seconds);
    r.print(QStringLiteral("fanout: %1 clients, %2 room(s) of %3, %4 senders").arg(m_options.clients).arg(rooms).arg(members).arg(senders));
    m_results = r.toJson();
    const bool met = r.clean() && r.e2e.p99 <= m_options.boundMs;
    m_results.insert(QStringLiteral("p99_bound_ms"), m_options.boundMs);
    m_results.insert(QStringLiteral("within_bound"), met);
    return r.clean() ? 0 : 1;
}

int Bench::runSweep()
{
    const int rooms = m_options.rooms;
    const int members = m_options.members > 0 ? m_options.members : m_options.clients / std::max(1, rooms);
    const int senders = m_options.senders > 0 ? m_options.senders : (rooms == 1 ? 5 : rooms);
    m_params.insert(QStringLiteral("clients"), m_options.clients);
    m_params.insert(QStringLiteral("rooms"), rooms);
    m_params.insert(QStringLiteral("members"), members);
    m_params.insert(QStringLiteral("senders"), senders);
    m_params.insert(QStringLiteral("start_rate"), m_options.sweepStart);
    m_params.insert(QStringLiteral("factor"), m_options.sweepFactor);
    m_params.insert(QStringLiteral("max_rate"), m_options.sweepMax);
    m_params.insert(QStringLiteral("step_seconds"), m_options.seconds);
    m_params.insert(QStringLiteral("p99_bound_ms"), m_options.boundMs);
    m_params.insert(QStringLiteral("body_bytes"), m_options.bodyBytes);
    Topology t;
    if (!buildFanout(t, m_options.clients, rooms, members, senders))
        return 2;
    QJsonArray steps;
    double held = 0;
    double rate = m_options.sweepStart;
    QString stop = QStringLiteral("reached max_rate or the step limit");
    for (int step = 0; step < m_options.sweepSteps && rate <= m_options.sweepMax; ++step) {
        const PhaseResult r = fanoutPhase(t, rate, m_options.seconds);
        r.print(QStringLiteral("sweep step %1").arg(step + 1));
        steps.append(r.toJson());
        if (!r.clean()) {
            stop = QStringLiteral("losses, duplicates, refusals or disconnects at %1 msg/s").arg(rate);
            break;
        }
        if (r.e2e.p99 > m_options.boundMs) {
            stop = QStringLiteral("p99 %1 ms > %2 ms at %3 msg/s").arg(r.e2e.p99).arg(m_options.boundMs).arg(rate);
            break;
        }
        held = rate;
        rate *= m_options.sweepFactor;
        QThread::msleep(1000); // let queues empty between steps
    }
    say(QStringLiteral("sweep: highest rate held with p99 <= %1 ms: %2 msg/s (%3 deliveries/s); stopped: %4")
            .arg(m_options.boundMs)
            .arg(held, 0, 'f', 0)
            .arg(held * double(members), 0, 'f', 0)
            .arg(stop));
    m_results.insert(QStringLiteral("steps"), steps);
    m_results.insert(QStringLiteral("highest_rate_held"), held);
    m_results.insert(QStringLiteral("stopped_because"), stop);
    return 0;
}

int Bench::runIdle()
{
    const int n = m_options.connections;
    const int users = m_options.users > 0 ? m_options.users : std::min(n, 100);
    m_params.insert(QStringLiteral("connections"), n);
    m_params.insert(QStringLiteral("users"), users);
    m_params.insert(QStringLiteral("hold_seconds"), m_options.seconds);
    const ProcSample before = serverSample();
    const int first = createClients(n);
    QList<int> clients, userOf;
    for (int i = 0; i < n; ++i) {
        clients.append(first + i);
        userOf.append(i % users);
    }
    const qint64 started = nowNs();
    if (!signIn(clients, userOf))
        return 2;
    const double connectSeconds = double(nowNs() - started) / 1e9;
    QThread::msleep(3000); // let allocations settle
    const ProcSample after = serverSample();
    const ProcSample self0 = sampleProc(0), db0 = dbSample();
    QThread::msleep(qint64(m_options.seconds * 1000));
    const ProcSample held = serverSample(), self1 = sampleProc(0), db1 = dbSample();
    const qint64 disconnects = sumOf(m_workers, &Sink::disconnects);
    const double perConnectionKb = double(after.rssKb - before.rssKb) / double(n);
    m_serverPeakRssKb = std::max(m_serverPeakRssKb, std::max(after.hwmKb, held.hwmKb));
    say(QStringLiteral("idle: %1 connections (%2 users) signed in in %3 s").arg(n).arg(users).arg(connectSeconds, 0, 'f', 1));
    say(QStringLiteral("  server RSS before %1 MB, with the connections %2 MB, after %3 s idle %4 MB (peak %5 MB)")
            .arg(double(before.rssKb) / 1024.0, 0, 'f', 1)
            .arg(double(after.rssKb) / 1024.0, 0, 'f', 1)
            .arg(m_options.seconds, 0, 'f', 0)
            .arg(double(held.rssKb) / 1024.0, 0, 'f', 1)
            .arg(double(held.hwmKb) / 1024.0, 0, 'f', 1));
    say(QStringLiteral("  server RSS per connection %1 KB;  idle CPU %  server %2  database %3  bench %4;  "
                       "disconnects %5")
            .arg(perConnectionKb, 0, 'f', 1)
            .arg(cpuPercent(after, held), 0, 'f', 1)
            .arg(cpuPercent(db0, db1), 0, 'f', 1)
            .arg(cpuPercent(self0, self1), 0, 'f', 1)
            .arg(disconnects));
    m_results = {{QStringLiteral("connect_seconds"), connectSeconds},
                 {QStringLiteral("server_rss_before_mb"), double(before.rssKb) / 1024.0},
                 {QStringLiteral("server_rss_connected_mb"), double(after.rssKb) / 1024.0},
                 {QStringLiteral("server_rss_after_hold_mb"), double(held.rssKb) / 1024.0},
                 {QStringLiteral("server_rss_per_connection_kb"), perConnectionKb},
                 {QStringLiteral("server_idle_cpu_percent"), cpuPercent(after, held)},
                 {QStringLiteral("db_idle_cpu_percent"), cpuPercent(db0, db1)},
                 {QStringLiteral("bench_idle_cpu_percent"), cpuPercent(self0, self1)},
                 {QStringLiteral("disconnects"), double(disconnects)}};
    return disconnects == 0 ? 0 : 1;
}

namespace {
//! The seed: `count` messages (and their events) appended to a conversation whose log ends at `base`.
//! Portable between PostgreSQL and SQLite (a recursive CTE instead of generate_series).
QString seedMessages(const QString &conversationId, qint64 base, qint64 count, const QString &senderId,
                     const QString &tag)
{
    const QString series =
        QStringLiteral("WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < %1) ").arg(count);
    const qint64 at = QDateTime::currentMSecsSinceEpoch() - count;
    return series +
           QStringLiteral("INSERT INTO messages (id, conversation_id, seq, sender_id, client_id, body, created_at, "
                          "edited_at, deleted, reply_to) SELECT 'm_%1_' || CAST(n AS TEXT), '%2', %3 + n, '%4', "
                          "'seed%1-' || CAST(n AS TEXT), 'seeded history message number ' || CAST(n AS TEXT) || "
                          "' with some words to make it about a hundred bytes long, like chat', %5 + n, NULL, 0, "
                          "NULL FROM s;\n")
               .arg(tag, conversationId)
               .arg(base)
               .arg(senderId)
               .arg(at) +
           QStringLiteral("INSERT INTO events (conversation_id, seq, kind, at, actor_id, message_id, payload) "
                          "SELECT conversation_id, seq, 'message', created_at, sender_id, id, '{}' FROM messages "
                          "WHERE conversation_id = '%1' AND seq > %2;\n")
               .arg(conversationId)
               .arg(base) +
           QStringLiteral("UPDATE conversations SET last_seq = %1 WHERE id = '%2';\n").arg(base + count).arg(conversationId);
}
} // namespace

int Bench::runHistory()
{
    if (m_options.sqlCommand.isEmpty()) {
        say(QStringLiteral("history needs --sql COMMAND (bench/run.sh passes psql or sqlite3) to seed the log"));
        return 2;
    }
    const qint64 n = m_options.messages;
    m_params.insert(QStringLiteral("messages"), double(n));
    m_params.insert(QStringLiteral("page_requests"), m_options.pageRequests);
    m_params.insert(QStringLiteral("sync_conversations"), m_options.syncConversations);
    m_params.insert(QStringLiteral("sync_gap"), m_options.syncGap);
    m_params.insert(QStringLiteral("sync_requests"), m_options.syncRequests);
    // Three connections: the reader of the long conversation, the one who syncs, and the peer of both.
    const int first = createClients(3);
    const int reader = first, syncer = first + 1, peer = first + 2;
    // Users of their own, so that the syncing user is a member of the sync conversations only.
    const int base = 100000;
    if (!signIn({reader, syncer, peer}, {base, base + 1, base + 2}))
        return 2;
    QString readerId, syncerId, peerId;
    {
        QMutexLocker lock(&m_usersMutex);
        readerId = m_users[base].id;
        syncerId = m_users[base + 1].id;
        peerId = m_users[base + 2].id;
    }
    const QString tag = QString::number(QDateTime::currentMSecsSinceEpoch(), 36);
    const Frame created = call(reader, ConversationCreate{ConversationKind::Group, QStringLiteral("history"), {peerId}});
    const auto *history = std::get_if<ConversationDetail>(&created);
    if (!history) {
        say(QStringLiteral("conversation.create failed: ") + describe(created));
        return 2;
    }
    const QString historyId = history->conversation.id;
    const qint64 historyBase = history->conversation.lastSeq;
    QString script = QStringLiteral("BEGIN;\n") + seedMessages(historyId, historyBase, n, readerId, tag);
    QList<ConversationSeq> known;
    for (int i = 0; i < m_options.syncConversations; ++i) {
        const Frame reply = call(syncer, ConversationCreate{ConversationKind::Group, QStringLiteral("sync %1").arg(i), {peerId}});
        const auto *detail = std::get_if<ConversationDetail>(&reply);
        if (!detail) {
            say(QStringLiteral("conversation.create failed: ") + describe(reply));
            return 2;
        }
        known.append({detail->conversation.id, detail->conversation.lastSeq});
        script += seedMessages(detail->conversation.id, detail->conversation.lastSeq, m_options.syncGap, peerId,
                               tag + QStringLiteral("s%1").arg(i));
    }
    script += QStringLiteral("COMMIT;\nANALYZE;\n");
    say(QStringLiteral("seeding %1 messages (+ %2 × %3 for sync) with: %4")
            .arg(n)
            .arg(m_options.syncConversations)
            .arg(m_options.syncGap)
            .arg(m_options.sqlCommand));
    const qint64 seedStart = nowNs();
    QProcess seeder;
    seeder.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    seeder.start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), m_options.sqlCommand});
    seeder.write(script.toUtf8());
    seeder.closeWriteChannel();
    if (!seeder.waitForFinished(3'600'000) || seeder.exitStatus() != QProcess::NormalExit || seeder.exitCode() != 0) {
        say(QStringLiteral("seeding failed (exit %1)").arg(seeder.exitCode()));
        return 2;
    }
    const double seedSeconds = double(nowNs() - seedStart) / 1e9;
    say(QStringLiteral("seeded in %1 s").arg(seedSeconds, 0, 'f', 1));
    m_results.insert(QStringLiteral("seed_seconds"), seedSeconds);

    const qint64 last = historyBase + n;
    auto *random = QRandomGenerator::global();
    struct Position {
        QString name;
        std::function<std::optional<qint64>()> before;
    };
    const QList<Position> positions = {
        {QStringLiteral("newest"), [] { return std::optional<qint64>(); }},
        {QStringLiteral("middle"),
         [&] { return std::optional<qint64>(historyBase + n / 2 + random->bounded(qint64(-500), qint64(501))); }},
        {QStringLiteral("oldest"), [&] { return std::optional<qint64>(51 + random->bounded(qint64(50))); }},
    };
    bool ok = true;
    QJsonObject pages;
    const ProcSample server0 = serverSample(), db0 = dbSample();
    for (const Position &position : positions) {
        std::vector<quint32> micros;
        qint64 wrong = 0;
        for (int i = 0; i < m_options.pageRequests; ++i) {
            HistoryRequest request;
            request.conversationId = historyId;
            request.before = position.before();
            request.limit = 50;
            qint64 latency = 0;
            const Frame reply = call(reader, request, &latency);
            const auto *page = std::get_if<History>(&reply);
            const qint64 expectLast = request.before ? std::min(*request.before - 1, last) : last;
            if (!page || page->events.size() != 50 || page->events.last().seq != expectLast) {
                if (++wrong < 3)
                    say(QStringLiteral("unexpected page: ") + describe(reply).left(200));
                continue;
            }
            micros.push_back(quint32(latency / 1000));
        }
        const LatencySummary s = summarize(micros);
        say(QStringLiteral("history page of 50 at the %1 end of %2:  %3  wrong %4")
                .arg(position.name, -6)
                .arg(last)
                .arg(s.line())
                .arg(wrong));
        QJsonObject o = s.toJson();
        o.insert(QStringLiteral("wrong_pages"), double(wrong));
        pages.insert(position.name, o);
        ok = ok && wrong == 0;
    }
    m_results.insert(QStringLiteral("history_pages"), pages);

    std::vector<quint32> syncMicros;
    qint64 wrong = 0;
    for (int i = 0; i < m_options.syncRequests; ++i) {
        qint64 latency = 0;
        const Frame reply = call(syncer, SyncRequest{known}, &latency);
        const auto *result = std::get_if<SyncResult>(&reply);
        bool right = result && result->conversations.size() == known.size();
        for (qsizetype k = 0; right && k < result->conversations.size(); ++k)
            right = result->conversations[k].events.size() == std::min<qsizetype>(m_options.syncGap, 100) &&
                    !result->conversations[k].reset;
        if (!right) {
            if (++wrong < 3)
                say(QStringLiteral("unexpected sync result: ") + describe(reply).left(300));
            continue;
        }
        syncMicros.push_back(quint32(latency / 1000));
    }
    const ProcSample server1 = serverSample(), db1 = dbSample();
    const LatencySummary sync = summarize(syncMicros);
    say(QStringLiteral("sync of %1 conversations, %2 missed events each:  %3  wrong %4")
            .arg(known.size())
            .arg(m_options.syncGap)
            .arg(sync.line())
            .arg(wrong));
    QJsonObject syncJson = sync.toJson();
    syncJson.insert(QStringLiteral("wrong"), double(wrong));
    m_results.insert(QStringLiteral("sync"), syncJson);
    m_results.insert(QStringLiteral("server_cpu_percent_reads"), cpuPercent(server0, server1));
    m_results.insert(QStringLiteral("db_cpu_percent_reads"), cpuPercent(db0, db1));
    return ok && wrong == 0 ? 0 : 1;
}

int Bench::runLogin()
{
    const int clients = m_options.clients;
    const int senders = m_options.senders > 0 ? m_options.senders : 5;
    m_params.insert(QStringLiteral("clients"), clients);
    m_params.insert(QStringLiteral("senders"), senders);
    m_params.insert(QStringLiteral("rate_msgs_per_s"), m_options.rate);
    m_params.insert(QStringLiteral("seconds"), m_options.seconds);
    m_params.insert(QStringLiteral("stormers"), m_options.stormers);
    Topology t;
    if (!buildFanout(t, clients, 1, clients, senders))
        return 2;
    // Storm accounts: signed in once (registered when new), then fresh connections log in and out.
    const int stormBase = 200000;
    const int registrars = createClients(m_options.stormers);
    QList<int> regClients, stormUsers;
    for (int i = 0; i < m_options.stormers; ++i) {
        regClients.append(registrars + i);
        stormUsers.append(stormBase + i);
    }
    if (!signIn(regClients, stormUsers))
        return 2;
    for (int c : regClients)
        post(c, [](BenchClient *client) { client->abort(); });
    const int storms = createClients(m_options.stormers);
    auto opened = std::make_shared<std::atomic<int>>(0);
    for (int i = 0; i < m_options.stormers; ++i)
        post(storms + i, [this, opened](BenchClient *c) {
            c->open(QUrl(m_options.url), [opened](bool ok) {
                if (ok)
                    opened->fetch_add(1);
            });
        });
    if (!waitUntil([&] { return opened->load() >= m_options.stormers; }, 30'000)) {
        say(QStringLiteral("storm connections did not open"));
        return 2;
    }

    const PhaseResult calm = fanoutPhase(t, m_options.rate, m_options.seconds);
    calm.print(QStringLiteral("login: fan-out without logins"));
    QThread::msleep(1000);
    std::atomic<bool> storming{true};
    const PhaseResult storm = fanoutPhase(t, m_options.rate, m_options.seconds, [&] {
        for (int i = 0; i < m_options.stormers; ++i) {
            const QString name = m_users[stormBase + i].name;
            post(storms + i, [this, name, &storming](BenchClient *c) { c->storm(name, m_options.password, &storming); });
        }
    });
    storming = false;
    QThread::msleep(2000); // logins in flight finish before `storming` goes out of scope
    onEveryWorker([](Worker *) {});
    storm.print(QStringLiteral("login: fan-out during a storm of %1 logging-in connections").arg(m_options.stormers));
    m_results.insert(QStringLiteral("calm"), calm.toJson());
    m_results.insert(QStringLiteral("storm"), storm.toJson());
    m_results.insert(QStringLiteral("p99_ratio_storm_to_calm"), calm.e2e.p99 > 0 ? storm.e2e.p99 / calm.e2e.p99 : 0);
    return calm.clean() && storm.clean() ? 0 : 1;
}

void Bench::finishReport(const QString &status)
{
    const ProcSample serverEnd = serverSample();
    const ProcSample benchEnd = sampleProc(0);
    m_serverPeakRssKb = std::max(m_serverPeakRssKb, serverEnd.hwmKb);
    QString commit = m_options.commit;
    if (commit.isEmpty()) {
        QProcess git;
        git.setWorkingDirectory(QStringLiteral(CONFAB_SOURCE_DIR));
        git.start(QStringLiteral("git"), {QStringLiteral("rev-parse"), QStringLiteral("--short"), QStringLiteral("HEAD")});
        if (git.waitForFinished(5000))
            commit = QString::fromUtf8(git.readAllStandardOutput()).trimmed();
    }
    QJsonObject report{
        {QStringLiteral("scenario"), m_options.scenario},
        {QStringLiteral("status"), status},
        {QStringLiteral("started_at"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate)},
        {QStringLiteral("parameters"), m_params},
        {QStringLiteral("results"), m_results},
        {QStringLiteral("server"),
         QJsonObject{{QStringLiteral("pid"), m_options.serverPid},
                     {QStringLiteral("cpu_percent_whole_run"), cpuPercent(m_serverStart, serverEnd)},
                     {QStringLiteral("peak_rss_mb"), double(m_serverPeakRssKb) / 1024.0},
                     {QStringLiteral("rss_end_mb"), double(serverEnd.rssKb) / 1024.0}}},
        {QStringLiteral("database"), m_options.database},
        {QStringLiteral("bench"),
         QJsonObject{{QStringLiteral("threads"), m_options.threads},
                     {QStringLiteral("cpu_percent_whole_run"), cpuPercent(m_benchStart, benchEnd)},
                     {QStringLiteral("peak_rss_mb"), double(benchEnd.hwmKb) / 1024.0}}},
        {QStringLiteral("machine"),
         QJsonObject{{QStringLiteral("cores"), QThread::idealThreadCount()},
                     {QStringLiteral("kernel"), QSysInfo::kernelVersion()},
                     {QStringLiteral("host"), QSysInfo::machineHostName()}}},
        {QStringLiteral("git_commit"), commit},
        {QStringLiteral("notes"), m_options.notes},
    };
    say(QStringLiteral("server: peak RSS %1 MB, CPU over the whole run %2 %;  bench: CPU %3 %;  %4 cores, %5, commit %6")
            .arg(double(m_serverPeakRssKb) / 1024.0, 0, 'f', 1)
            .arg(cpuPercent(m_serverStart, serverEnd), 0, 'f', 0)
            .arg(cpuPercent(m_benchStart, benchEnd), 0, 'f', 0)
            .arg(QThread::idealThreadCount())
            .arg(m_options.database, commit));
    if (!m_options.out.isEmpty()) {
        QDir().mkpath(QFileInfo(m_options.out).absolutePath());
        QFile file(m_options.out);
        if (file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            file.write(QJsonDocument(report).toJson());
            say(QStringLiteral("figures written to %1").arg(m_options.out));
        }
    }
}

} // namespace confab::bench

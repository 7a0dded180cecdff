// The flood scenario: calm clients' round trips alone, then beside 1, 10 and 30 (--flooders)
// connections that each send batches of requests as fast as they can. What it shows is how much a
// flooding connection delays everyone else (docs/performance.md, docs/reliability.md).

#include "bench.h"

#include <QTextStream>

#include <algorithm>
#include <cstdint>

namespace confab::bench {

using namespace confab::protocol;

namespace {

void say(const QString &line)
{
    static QTextStream stream(stdout);
    stream << line << Qt::endl;
}

constexpr qint64 kMsNs = 1'000'000;
//! Batches per flooding connection and phase at most: with --seconds, the second bound of the load.
constexpr int kMaxBatches = 2000;

//! Shared by the phase (main thread) and the clients' callbacks (worker threads).
struct FloodPhase {
    std::atomic<bool> flooding{false};
    std::atomic<bool> calmRunning{false};
    std::atomic<qint64> floodReplies{0}, floodErrors{0}, calmSent{0}, calmErrors{0}, floodersIdle{0};
    qint64 windowFromNs = 0, windowToNs = 0;
    QMutex mutex;
    std::vector<quint32> calmMicros; //!< inside the window
};

//! One flooding connection: a batch of `batch` requests at once, and the next one when all are answered.
void floodBatch(BenchClient *client, int batch, int left, const std::shared_ptr<FloodPhase> &phase)
{
    if (!phase->flooding.load() || left <= 0 || !client->isConnected()) {
        phase->floodersIdle.fetch_add(1);
        return;
    }
    auto outstanding = std::make_shared<int>(batch);
    for (int i = 0; i < batch; ++i) {
        client->request(ConversationList{}, [client, batch, left, phase, outstanding](const Frame &reply, qint64) {
            (std::holds_alternative<Conversations>(reply) ? phase->floodReplies : phase->floodErrors).fetch_add(1);
            if (--*outstanding == 0)
                floodBatch(client, batch, left - 1, phase);
        });
    }
}

//! One calm connection: a message.send in its own conversation every `intervalNs`, one round trip each.
void calmTick(BenchClient *client, QString room, qint64 dueNs, qint64 intervalNs, const std::shared_ptr<FloodPhase> &phase)
{
    if (!phase->calmRunning.load())
        return;
    const qint64 sentAt = nowNs();
    MessageSend send;
    send.conversationId = room;
    send.clientId = QStringLiteral("calm-%1-%2").arg(client->index()).arg(sentAt);
    send.body = QStringLiteral("calm");
    phase->calmSent.fetch_add(1);
    client->request(send, [sentAt, phase](const Frame &reply, qint64 arrived) {
        if (!std::holds_alternative<MessageSent>(reply)) {
            phase->calmErrors.fetch_add(1);
            return;
        }
        if (sentAt >= phase->windowFromNs && sentAt < phase->windowToNs) {
            QMutexLocker lock(&phase->mutex);
            phase->calmMicros.push_back(quint32(std::min<qint64>((arrived - sentAt) / 1000, UINT32_MAX)));
        }
    });
    // On schedule, not after the reply: a slow reply does not postpone the next request.
    const qint64 next = std::max(dueNs + intervalNs, nowNs());
    QTimer::singleShot(std::chrono::milliseconds(std::max<qint64>(0, next - nowNs()) / kMsNs), Qt::PreciseTimer, client,
                       [client, room, next, intervalNs, phase] { calmTick(client, room, next, intervalNs, phase); });
}

} // namespace

int Bench::runFlood()
{
    const int calmCount = std::max(1, m_options.calm);
    const int threads = int(m_workers.size());
    QList<int> flooderSteps;
    for (const QString &n : m_options.flooders.split(u',', Qt::SkipEmptyParts))
        flooderSteps.append(std::clamp(n.trimmed().toInt(), 0, 1000));
    const int maxFlooders = flooderSteps.isEmpty() ? 0 : *std::max_element(flooderSteps.cbegin(), flooderSteps.cend());
    m_params.insert(QStringLiteral("calm_clients"), calmCount);
    m_params.insert(QStringLiteral("calm_rate_per_client"), m_options.calmRate);
    m_params.insert(QStringLiteral("flooders"), m_options.flooders);
    m_params.insert(QStringLiteral("flood_batch"), m_options.floodBatch);
    m_params.insert(QStringLiteral("seconds"), m_options.seconds);
    m_params.insert(QStringLiteral("warmup"), m_options.warmup);

    // Calm clients on worker 0 alone, flooders on the others: the bench's own busy threads then do
    // not delay the calm clients' replies (with one thread they share it; say so in the figures).
    const int block = std::max(threads, 1) * (calmCount + maxFlooders);
    const int first = createClients(block);
    QList<int> calm, flooders, calmUsers, flooderUsers;
    for (int c = first; c < first + block; ++c) {
        const bool calmThread = threads < 2 || (c % threads) == 0;
        if (calmThread && calm.size() < calmCount)
            calm.append(c);
        else if ((!calmThread || threads < 2) && flooders.size() < maxFlooders)
            flooders.append(c);
    }
    for (int i = 0; i < calm.size(); ++i)
        calmUsers.append(i);
    for (int i = 0; i < flooders.size(); ++i)
        flooderUsers.append(1000 + i);
    if (!signIn(calm + flooders, calmUsers + flooderUsers))
        return 2;
    // Each calm client writes into a conversation of its own.
    QStringList rooms;
    for (int c : calm) {
        const Frame created = call(c, ConversationCreate{ConversationKind::Group, QStringLiteral("calm"), {}});
        const auto *detail = std::get_if<ConversationDetail>(&created);
        if (!detail) {
            say(QStringLiteral("conversation.create failed"));
            return 2;
        }
        rooms.append(detail->conversation.id);
    }

    struct Row {
        int flooders = 0;
        LatencySummary calm;
        qint64 calmSent = 0, calmErrors = 0, floodReplies = 0, floodErrors = 0;
        double serverCpu = 0;
    };
    QList<Row> rows;
    const qint64 intervalNs = qint64(1e9 / std::max(0.1, m_options.calmRate));
    for (int step : QList<int>{0} + flooderSteps) {
        auto phase = std::make_shared<FloodPhase>();
        const qint64 start = nowNs();
        phase->windowFromNs = start + qint64(m_options.warmup * 1e9);
        phase->windowToNs = start + qint64(m_options.seconds * 1e9);
        phase->calmRunning = true;
        phase->flooding = true;
        const ProcSample serverBefore = serverSample();
        for (int i = 0; i < calm.size(); ++i) {
            const QString room = rooms[i];
            // Spread over the interval, so that the calm requests do not all leave together.
            const qint64 offset = intervalNs * i / calm.size();
            post(calm[i], [room, start, offset, intervalNs, phase](BenchClient *c) {
                QTimer::singleShot(std::chrono::milliseconds(offset / kMsNs), Qt::PreciseTimer, c,
                                   [c, room, start, offset, intervalNs, phase] {
                                       calmTick(c, room, start + offset, intervalNs, phase);
                                   });
            });
        }
        for (int f = 0; f < step; ++f)
            post(flooders[f], [this, phase](BenchClient *c) { floodBatch(c, m_options.floodBatch, kMaxBatches, phase); });
        QThread::msleep(quint64(m_options.seconds * 1000));
        phase->calmRunning = false;
        phase->flooding = false;
        const ProcSample serverAfter = serverSample();
        // The batches in flight are answered before the next phase starts (bounded wait).
        waitUntil([&] { return phase->floodersIdle.load() >= step; }, 60'000);
        QThread::msleep(1000);
        onEveryWorker([](Worker *) {});
        Row row;
        row.flooders = step;
        {
            QMutexLocker lock(&phase->mutex);
            row.calm = summarize(phase->calmMicros);
        }
        row.calmSent = phase->calmSent.load();
        row.calmErrors = phase->calmErrors.load();
        row.floodReplies = phase->floodReplies.load();
        row.floodErrors = phase->floodErrors.load();
        row.serverCpu = cpuPercent(serverBefore, serverAfter);
        rows.append(row);
        say(QStringLiteral("flood: %1 flooding connections: calm %2  (flood replies %3)")
                .arg(step)
                .arg(row.calm.line())
                .arg(row.floodReplies));
    }

    const Row &alone = rows.first();
    say(QString());
    say(QStringLiteral("calm clients: %1 × %2 message.send/s; flooders: batches of %3 conversation.list; %4 s per phase "
                       "(first %5 s left out)")
            .arg(calmCount)
            .arg(m_options.calmRate)
            .arg(m_options.floodBatch)
            .arg(m_options.seconds)
            .arg(m_options.warmup));
    say(QStringLiteral("flooders | calm round trips | p50 ms | p99 ms | p50 × alone | p99 × alone | flood replies/s | server CPU %"));
    QJsonArray table;
    bool clean = true;
    for (const Row &r : std::as_const(rows)) {
        const double p50x = alone.calm.p50 > 0 ? r.calm.p50 / alone.calm.p50 : 0;
        const double p99x = alone.calm.p99 > 0 ? r.calm.p99 / alone.calm.p99 : 0;
        const double floodRate = double(r.floodReplies) / m_options.seconds;
        say(QStringLiteral("%1 | %2 | %3 | %4 | %5 | %6 | %7 | %8")
                .arg(r.flooders, 8)
                .arg(r.calm.count, 16)
                .arg(r.calm.p50, 6, 'f', 2)
                .arg(r.calm.p99, 6, 'f', 2)
                .arg(p50x, 11, 'f', 2)
                .arg(p99x, 11, 'f', 2)
                .arg(floodRate, 15, 'f', 0)
                .arg(r.serverCpu, 12, 'f', 0));
        clean = clean && r.calmErrors == 0 && r.floodErrors == 0;
        table.append(QJsonObject{{QStringLiteral("flooders"), r.flooders},
                                 {QStringLiteral("calm"), r.calm.toJson()},
                                 {QStringLiteral("calm_sent"), double(r.calmSent)},
                                 {QStringLiteral("calm_errors"), double(r.calmErrors)},
                                 {QStringLiteral("flood_replies"), double(r.floodReplies)},
                                 {QStringLiteral("flood_errors"), double(r.floodErrors)},
                                 {QStringLiteral("p50_ratio_to_alone"), p50x},
                                 {QStringLiteral("p99_ratio_to_alone"), p99x},
                                 {QStringLiteral("server_cpu_percent"), r.serverCpu}});
    }
    if (!clean)
        say(QStringLiteral("errors: some requests were refused (see calm_errors / flood_errors in the JSON)"));
    m_results.insert(QStringLiteral("phases"), table);
    return clean ? 0 : 1;
}

} // namespace confab::bench

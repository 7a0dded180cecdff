// The transfer scenario: upload and download throughput of one large file (--file-mb, 50 MiB by
// default), and how other clients' message round trips fare meanwhile (calm clients, each sending
// message.send into a conversation of its own at --calm-rate). Phases: calm alone, during the upload,
// during the download. Run it once per attachment store (docs/performance.md, "Attachments").

#include "bench.h"

#include "protocol/binary.h"

#include <QCryptographicHash>
#include <QTextStream>

namespace confab::bench {

using namespace confab::protocol;

namespace {
constexpr qint64 kMsNs = 1'000'000;
constexpr int kWindowChunks = 4; //!< chunks sent before asking where the upload stands (as the client does)

void say(const QString &line)
{
    static QTextStream stream(stdout);
    stream << line << Qt::endl;
}

struct Calm {
    std::atomic<bool> running{false};
    std::atomic<qint64> errors{0};
    QMutex mutex;
    std::vector<quint32> micros;
};

void calmTick(BenchClient *client, QString room, qint64 dueNs, qint64 intervalNs, const std::shared_ptr<Calm> &calm)
{
    if (!calm->running.load())
        return;
    const qint64 sentAt = nowNs();
    MessageSend send;
    send.conversationId = room;
    send.clientId = QStringLiteral("tc-%1-%2").arg(client->index()).arg(sentAt);
    send.body = QStringLiteral("calm");
    client->request(send, [sentAt, calm](const Frame &reply, qint64 arrived) {
        if (!std::holds_alternative<MessageSent>(reply)) {
            calm->errors.fetch_add(1);
            return;
        }
        QMutexLocker lock(&calm->mutex);
        calm->micros.push_back(quint32(std::min<qint64>((arrived - sentAt) / 1000, UINT32_MAX)));
    });
    const qint64 next = std::max(dueNs + intervalNs, nowNs());
    QTimer::singleShot(std::chrono::milliseconds(std::max<qint64>(0, next - nowNs()) / kMsNs), Qt::PreciseTimer, client,
                       [client, room, next, intervalNs, calm] { calmTick(client, room, next, intervalNs, calm); });
}

//! Deterministic text (the server detects text/plain) of `bytes` bytes.
QByteArray textFile(qint64 bytes)
{
    QByteArray out;
    out.reserve(bytes);
    quint32 x = 2026;
    while (out.size() < bytes) {
        x = x * 1664525u + 1013904223u;
        out.append(char('a' + (x >> 24) % 26));
        if ((x & 0x1F00) == 0)
            out.append('\n');
    }
    out.truncate(bytes);
    return out;
}

struct Upload {
    QByteArray file;
    QString uploadId;
    qint64 chunkBytes = 0;
    std::atomic<bool> done{false};
    std::atomic<bool> failed{false};
    QString attachmentId;
};

//! Sends a window of chunks from `offset`, then asks for the status; finishes at the end.
void uploadFrom(BenchClient *c, qint64 offset, const std::shared_ptr<Upload> &u)
{
    if (offset >= u->file.size()) {
        c->request(AttachmentFinish{u->uploadId}, [u](const Frame &reply, qint64) {
            if (const auto *done = std::get_if<AttachmentDone>(&reply))
                u->attachmentId = done->attachment.id;
            else
                u->failed = true;
            u->done = true;
        });
        return;
    }
    for (int i = 0; i < kWindowChunks && offset < u->file.size(); ++i) {
        const qint64 n = std::min(u->chunkBytes, u->file.size() - offset);
        c->sendBinary(encodeChunk(Chunk{ChunkKind::Upload, u->uploadId, offset, u->file.mid(offset, n)}));
        offset += n;
    }
    c->request(AttachmentStatus{u->uploadId}, [c, u](const Frame &reply, qint64) {
        const auto *up = std::get_if<AttachmentUpload>(&reply);
        if (!up) {
            u->failed = true;
            u->done = true;
            return;
        }
        uploadFrom(c, up->offset, u);
    });
}
} // namespace

int Bench::runTransfer()
{
    const int calmCount = std::max(1, m_options.calm);
    const qint64 bytes = qint64(m_options.fileMb) * 1024 * 1024;
    m_params.insert(QStringLiteral("file_bytes"), double(bytes));
    m_params.insert(QStringLiteral("calm_clients"), calmCount);
    m_params.insert(QStringLiteral("calm_rate_per_client"), m_options.calmRate);
    m_params.insert(QStringLiteral("seconds"), m_options.seconds);

    // The transferring client on a worker of its own when there are two, the calm ones on the other.
    const int threads = int(m_workers.size());
    const int block = std::max(threads, 1) * (calmCount + 1);
    const int first = createClients(block);
    int mover = -1;
    QList<int> calm;
    for (int c = first; c < first + block; ++c) {
        const bool calmThread = threads < 2 || (c % threads) == 0;
        if (calmThread && calm.size() < calmCount)
            calm.append(c);
        else if (mover < 0 && (!calmThread || threads < 2))
            mover = c;
    }
    QList<int> users;
    for (int i = 0; i <= calm.size(); ++i)
        users.append(2000 + i);
    if (mover < 0 || !signIn(QList<int>{mover} + calm, users))
        return 2;
    QStringList rooms;
    for (int c : QList<int>{mover} + calm) {
        const Frame created = call(c, ConversationCreate{ConversationKind::Group, QStringLiteral("transfer"), {}});
        const auto *detail = std::get_if<ConversationDetail>(&created);
        if (!detail)
            return 2;
        rooms.append(detail->conversation.id);
    }

    const qint64 intervalNs = qint64(1e9 / std::max(0.1, m_options.calmRate));
    const auto startCalm = [&] {
        auto state = std::make_shared<Calm>();
        state->running = true;
        for (int i = 0; i < calm.size(); ++i) {
            const QString room = rooms[i + 1];
            const qint64 offset = intervalNs * i / calm.size();
            const qint64 start = nowNs();
            post(calm[i], [room, start, offset, intervalNs, state](BenchClient *c) {
                QTimer::singleShot(std::chrono::milliseconds(offset / kMsNs), Qt::PreciseTimer, c,
                                   [c, room, start, offset, intervalNs, state] { calmTick(c, room, start + offset, intervalNs, state); });
            });
        }
        return state;
    };
    const auto stopCalm = [&](const std::shared_ptr<Calm> &state) {
        state->running = false;
        QThread::msleep(500);
        onEveryWorker([](Worker *) {});
        QMutexLocker lock(&state->mutex);
        return summarize(state->micros);
    };

    // Calm alone.
    auto state = startCalm();
    QThread::msleep(quint64(m_options.seconds * 1000));
    const LatencySummary alone = stopCalm(state);
    say(QStringLiteral("calm alone: %1").arg(alone.line()));

    // The upload.
    auto upload = std::make_shared<Upload>();
    upload->file = textFile(bytes);
    const QString sha = QString::fromLatin1(QCryptographicHash::hash(upload->file, QCryptographicHash::Sha256).toHex());
    const Frame begun = call(mover, AttachmentBegin{rooms[0], QStringLiteral("big.txt"), bytes, QStringLiteral("text/plain"), sha});
    const auto *up = std::get_if<AttachmentUpload>(&begun);
    if (!up) {
        say(QStringLiteral("attachment.begin failed (is limits/max_attachment_bytes at least the file?)"));
        return 2;
    }
    upload->uploadId = up->uploadId;
    upload->chunkBytes = up->chunkBytes;
    state = startCalm();
    const ProcSample serverBefore = serverSample();
    const qint64 uploadStart = nowNs();
    post(mover, [upload](BenchClient *c) { uploadFrom(c, 0, upload); });
    waitUntil([&] { return upload->done.load(); }, 600'000);
    const double uploadSeconds = double(nowNs() - uploadStart) / 1e9;
    const double uploadCpu = cpuPercent(serverBefore, serverSample());
    const LatencySummary duringUpload = stopCalm(state);
    if (upload->failed || upload->attachmentId.isEmpty()) {
        say(QStringLiteral("the upload failed"));
        return 2;
    }
    const double uploadMBs = double(bytes) / 1e6 / uploadSeconds;
    say(QStringLiteral("upload: %1 MB in %2 s = %3 MB/s; calm meanwhile: %4")
            .arg(double(bytes) / 1e6, 0, 'f', 1).arg(uploadSeconds, 0, 'f', 2).arg(uploadMBs, 0, 'f', 1).arg(duringUpload.line()));

    // The download.
    auto received = std::make_shared<std::atomic<qint64>>(0);
    post(mover, [received](BenchClient *c) {
        c->onBinary = [received](const QByteArray &frame) {
            const auto chunk = decodeChunk(frame, 1 << 20);
            if (chunk.ok())
                received->fetch_add(chunk->bytes.size());
        };
    });
    onEveryWorker([](Worker *) {});
    state = startCalm();
    const ProcSample downBefore = serverSample();
    const qint64 downloadStart = nowNs();
    post(mover, [id = upload->attachmentId](BenchClient *c) {
        c->request(AttachmentFetch{id, 0, std::nullopt, false}, [](const Frame &, qint64) {});
    });
    waitUntil([&] { return received->load() >= bytes; }, 600'000);
    const double downloadSeconds = double(nowNs() - downloadStart) / 1e9;
    const double downloadCpu = cpuPercent(downBefore, serverSample());
    const LatencySummary duringDownload = stopCalm(state);
    const double downloadMBs = double(received->load()) / 1e6 / downloadSeconds;
    say(QStringLiteral("download: %1 MB in %2 s = %3 MB/s; calm meanwhile: %4")
            .arg(double(received->load()) / 1e6, 0, 'f', 1).arg(downloadSeconds, 0, 'f', 2).arg(downloadMBs, 0, 'f', 1)
            .arg(duringDownload.line()));

    m_results.insert(QStringLiteral("calm_alone"), alone.toJson());
    m_results.insert(QStringLiteral("upload"), QJsonObject{{QStringLiteral("seconds"), uploadSeconds},
                                                           {QStringLiteral("mb_per_s"), uploadMBs},
                                                           {QStringLiteral("server_cpu_percent"), uploadCpu},
                                                           {QStringLiteral("calm"), duringUpload.toJson()}});
    m_results.insert(QStringLiteral("download"), QJsonObject{{QStringLiteral("seconds"), downloadSeconds},
                                                             {QStringLiteral("mb_per_s"), downloadMBs},
                                                             {QStringLiteral("server_cpu_percent"), downloadCpu},
                                                             {QStringLiteral("calm"), duringDownload.toJson()}});
    const bool clean = received->load() == bytes && state->errors.load() == 0;
    return clean ? 0 : 1;
}

} // namespace confab::bench

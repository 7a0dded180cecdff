#pragma once

// The load generator's scenarios: fanout, sweep, idle, history, login, flood (see docs/performance.md).

#include "benchclient.h"
#include "procstats.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QMutex>
#include <QThread>
#include <QTimer>

#include <memory>
#include <vector>

namespace confab::bench {

struct Options {
    QString scenario;
    QString url = QStringLiteral("ws://127.0.0.1:7480");
    int threads = 2;
    // fan-out
    int clients = 50;
    int rooms = 1;
    int members = 0; //!< 0: clients / rooms
    int senders = 0; //!< 0: 5 for one room, else one per room
    double rate = 1000;   //!< messages per second, all senders together
    double seconds = 20;  //!< sending time of a phase
    double warmup = 2;    //!< seconds at the start of a phase left out of the figures
    int bodyBytes = 100;
    // sweep
    double sweepStart = 250;
    double sweepFactor = 1.25;
    double sweepMax = 20000;
    double boundMs = 50;
    int sweepSteps = 20;
    // idle
    int connections = 1000;
    int users = 0; //!< 0: one per client (fanout), min(connections, 100) (idle)
    // history
    qint64 messages = 1'000'000;
    int pageRequests = 200;
    int syncConversations = 100;
    int syncGap = 20;
    int syncRequests = 50;
    QString sqlCommand; //!< a shell command that runs an SQL script from stdin against the server's database
    // login
    int stormers = 16;
    // flood
    int calm = 10;           //!< calm connections
    double calmRate = 20;    //!< message.send per second and calm connection
    QString flooders = QStringLiteral("1,10,30"); //!< flooding connections in the phases after "alone"
    int floodBatch = 600;    //!< requests a flooding connection sends at once
    // transfer
    int fileMb = 50; //!< size of the file uploaded and downloaded
    // identity of the run
    QString usersFile;
    QString userPrefix = QStringLiteral("bench");
    QString password = QStringLiteral("bench password 1");
    int serverPid = 0;
    int dbPid = 0;
    QString database = QStringLiteral("unknown");
    QString commit;
    QString out;
    QString notes;
};

class Worker : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;
    Sink sink;
    QList<BenchClient *> senders;
    QTimer *sendTimer = nullptr;
};

struct Room {
    QList<int> clients;
    QString conversationId;
};

struct Topology {
    QList<Room> rooms;
    QList<int> senderClients; //!< [sender index] → client
    QList<int> senderRooms;   //!< [sender index] → room
    QList<int> storms;        //!< clients that storm logins during a phase (login scenario)
};

struct PhaseResult {
    double rate = 0;
    double seconds = 0;
    qint64 sent = 0, acks = 0, sendErrors = 0, deliveries = 0, duplicates = 0, lost = 0, disconnects = 0;
    qint64 expected = 0, unacked = 0, logins = 0, loginErrors = 0;
    double deliveriesPerSecond = 0, acksPerSecond = 0, loginsPerSecond = 0;
    LatencySummary e2e, ack, lag, login;
    double serverCpu = 0, dbCpu = 0, benchCpu = 0;
    qint64 serverRssKb = 0;
    bool drained = false;
    bool clean() const { return lost == 0 && duplicates == 0 && sendErrors == 0 && disconnects == 0 && drained; }
    QJsonObject toJson() const;
    void print(const QString &title) const;
};

class Bench {
public:
    explicit Bench(Options options);
    ~Bench();
    int run();

private:
    // threads and connections
    void startWorkers();
    void stopWorkers();
    Worker *workerOf(int client) const { return m_workers[size_t(client) % m_workers.size()].get(); }
    void onWorker(Worker *worker, const std::function<void()> &fn);
    void onEveryWorker(const std::function<void(Worker *)> &fn);
    void post(int client, std::function<void(BenchClient *)> fn);
    int createClients(int count); //!< returns the index of the first new one
    bool waitUntil(const std::function<bool()> &done, qint64 timeoutMs);
    //! Request → reply from the main thread; `latencyNs` measured in the client's thread.
    protocol::Frame call(int client, const protocol::Frame &frame, qint64 *latencyNs = nullptr,
                         int timeoutMs = 60000);

    // users
    void loadUsers();
    void saveUsers();
    int userIndex(int n); //!< makes sure user n exists in m_users
    bool signIn(const QList<int> &clients, const QList<int> &users);

    // fan-out
    bool buildFanout(Topology &t, int clients, int rooms, int members, int senders);
    PhaseResult fanoutPhase(const Topology &t, double rate, double seconds,
                            const std::function<void()> &onStart = {});

    int runFanout();
    int runSweep();
    int runIdle();
    int runHistory();
    int runLogin();
    int runFlood(); //!< flood.cpp
    int runTransfer(); //!< transfer.cpp

    void finishReport(const QString &status);
    ProcSample serverSample() const { return m_options.serverPid > 0 ? sampleProc(m_options.serverPid) : ProcSample{}; }
    ProcSample dbSample() const { return m_options.dbPid > 0 ? sampleProc(m_options.dbPid, true) : ProcSample{}; }

    Options m_options;
    std::vector<std::unique_ptr<QThread>> m_threads;
    std::vector<std::unique_ptr<Worker>> m_workers;
    std::vector<BenchClient *> m_clients;
    QMutex m_usersMutex;
    QList<BenchUser> m_users;
    bool m_usersChanged = false;
    QJsonObject m_params;
    QJsonObject m_results;
    ProcSample m_benchStart;
    ProcSample m_serverStart;
    qint64 m_serverPeakRssKb = 0;
    int m_phase = 0;
};

} // namespace confab::bench

#pragma once

// One connection of the load generator. Lives in a worker thread; every method runs in that thread.

#include "protocol/frames.h"

#include <QObject>
#include <QUrl>
#include <QWebSocket>

#include <atomic>
#include <functional>
#include <vector>

namespace confab::bench {

//! What a worker thread's connections measured in the current phase. Written only by that thread;
//! the counters are atomic so that the main thread may watch progress.
struct Sink {
    std::vector<quint32> e2eMicros;  //!< send → delivery, per receiver, for sends inside the window
    std::vector<quint32> ackMicros;  //!< send → message.sent reply, inside the window
    std::vector<quint32> lagMicros;  //!< how late the bench sent against its schedule
    std::vector<quint32> loginMicros; //!< auth.login → auth.ok (login storm)
    std::atomic<qint64> sent{0}, acks{0}, sendErrors{0}, deliveries{0}, duplicates{0}, windowDeliveries{0},
        windowAcks{0}, logins{0}, loginErrors{0}, disconnects{0}, noDelayMissing{0};
    qint64 windowFromNs = 0;
    qint64 windowToNs = 0;
    void reset();
};

//! An account the bench signs in with; `token` comes from auth.register or auth.login.
struct BenchUser {
    QString name;
    QString id;
    QString token;
};

class BenchClient : public QObject {
    Q_OBJECT
public:
    using ReplyFn = std::function<void(const protocol::Frame &reply, qint64 arrivedNs)>;

    BenchClient(int index, Sink &sink, QObject *parent = nullptr);
    ~BenchClient() override;

    int index() const { return m_index; }
    bool isConnected() const { return m_socket.state() == QAbstractSocket::ConnectedState; }

    //! Opens the WebSocket; `done(true)` once connected, `done(false)` if it closes first.
    void open(const QUrl &url, std::function<void(bool)> done);
    void abort();
    //! Sends a request and calls `onReply` with its reply (a result or an error).
    void request(const protocol::Frame &frame, ReplyFn onReply);
    //! An attachment chunk (transfer scenario); binary frames received go to `onBinary`.
    void sendBinary(const QByteArray &frame) { m_socket.sendBinaryMessage(frame); }
    std::function<void(const QByteArray &frame)> onBinary;
    //! Signs in as `user`: auth.resume with its token, else auth.login, else auth.register.
    void authenticate(const BenchUser &user, const QString &password,
                      std::function<void(bool ok, const BenchUser &user, const QString &why)> done);

    // ---- fan-out: this connection as a sender ------------------------------------------------
    int senderIndex = -1;
    QString conversationId;
    qint64 firstNs = 0;    //!< when message 0 is due
    qint64 intervalNs = 0; //!< between this sender's messages
    qint64 endNs = 0;      //!< no message is due at or after this
    qint64 nextN = 0;
    int phase = 0; //!< part of every client_id
    int bodyBytes = 100;
    std::vector<quint8> acked;            //!< [n]: message.sent came back for message n
    std::atomic<qint64> ackedCount{0};
    //! Sends every message whose time has come.
    void sendDue(qint64 now);

    // ---- fan-out: this connection as a receiver ----------------------------------------------
    std::vector<std::vector<quint8>> seen; //!< [sender][n]
    void resetCounters();

    // ---- login storm ---------------------------------------------------------------------------
    //! Logs in and out again and again while `*running`, as `name` with `password`.
    void storm(const QString &name, const QString &password, const std::atomic<bool> *running);

private:
    void onText(const QString &text);
    bool onMarked(const QString &text, qsizetype at, qint64 now);

    int m_index;
    Sink &m_sink;
    QWebSocket m_socket;
    QHash<QString, ReplyFn> m_pending;
    quint64 m_nextRequest = 0;
    quint64 m_nextSend = 0;
    std::function<void(bool)> m_openDone;
    bool m_wasConnected = false;
};

} // namespace confab::bench

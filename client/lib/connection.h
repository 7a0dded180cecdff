#pragma once

#include "protocol/frames.h"
#include "protocol/requests.h"

#include <QHash>
#include <QObject>
#include <QTimer>
#include <QUrl>
#include <QWebSocket>

#include <concepts>
#include <functional>

namespace confab::client {

class CertificateTrust;

/*!
 * The link to one server: connects, signs in (password once, then the session token), correlates
 * replies with requests, watches the link with pings, and reconnects with capped exponential
 * backoff and jitter when it drops. Knows nothing about conversations.
 *
 * A server may be several instances on one database: given several addresses, the link moves to
 * the next one when the current one drops or cannot be reached, trying each once before backing off.
 */
class Connection : public QObject {
    Q_OBJECT
public:
    enum class State { Offline, Connecting, Authenticating, Online, Waiting };
    Q_ENUM(State)

    //! How to sign in on the next connect.
    struct Credentials {
        QString username;
        QString password;      //!< used once (login/register), then forgotten
        QString displayName;   //!< with `registering`
        QString inviteCode;
        bool registering = false;
        QString token;         //!< resume with this when set
        QString device;
    };

    using ReplyHandler = std::function<void(const protocol::Frame &reply)>;

    explicit Connection(QObject *parent = nullptr);
    ~Connection() override;

    //! Certificates the user accepted (may be null: then only certificates an authority vouches for).
    void setCertificateTrust(CertificateTrust *trust) { m_trust = trust; }
    void setServerUrl(const QUrl &url) { setServerUrls({url}); }
    void setServerUrls(const QList<QUrl> &urls);
    QUrl serverUrl() const { return m_urls.value(m_urlIndex); } //!< the one in use or tried next
    //! "wss://a.example:7400, wss://b.example:7400": addresses separated by commas or white space.
    static QList<QUrl> parseServerUrls(const QString &text);
    void setCredentials(const Credentials &credentials) { m_credentials = credentials; }
    //! Reconnect delays: the first after `initialMs`, doubling up to `maxMs`, each ±20 % jitter.
    void setBackoff(int initialMs, int maxMs);
    void setHeartbeat(int intervalMs);

    void open();  //!< connects and keeps reconnecting until close()
    void close(); //!< stops for good (sign-out, quit)
    void retryNow();

    State state() const { return m_state; }
    bool isOnline() const { return m_state == State::Online; }
    int reconnectInMs() const;
    const protocol::AuthOk &session() const { return m_session; }

    /*!
     * Sends a request; `onReply` gets its reply, or a synthetic UNAVAILABLE error if the link drops
     * first or the reply does not come within `timeoutMs`. Offline, it fails at once (asynchronously).
     */
    void request(const protocol::Frame &frame, ReplyHandler onReply, int timeoutMs = 30000);
    /*!
     * The same, typed: `onReply` gets a protocol::Reply of the request's reply type (see
     * protocol/requests.h) — the success frame or the error, never a frame of another kind.
     */
    template <class Request, class Handler>
        requires std::invocable<Handler &, const protocol::Reply<protocol::ReplyOf<Request>> &>
    void request(const Request &frame, Handler onReply, int timeoutMs = 30000)
    {
        request(protocol::Frame(frame),
                ReplyHandler([handler = std::move(onReply)](const protocol::Frame &reply) mutable {
                    handler(protocol::Reply<protocol::ReplyOf<Request>>::fromFrame(reply));
                }),
                timeoutMs);
    }
    //! A request whose outcome nobody waits for (typing, receipts, presence): failures are dropped.
    template <class Request> void send(const Request &frame)
    {
        request(protocol::Frame(frame), [](const protocol::Frame &) {});
    }
    //! Sends one binary frame (an attachment chunk) when online; false otherwise.
    bool sendBinary(const QByteArray &frame);

signals:
    void stateChanged(confab::client::Connection::State state);
    void authenticated(const confab::protocol::AuthOk &session);
    //! The server refused the credentials for good (wrong password, revoked token): stop and ask the user.
    void authenticationFailed(const confab::protocol::Error &error);
    void pushed(const confab::protocol::Frame &frame);
    //! A binary frame from the server: a download chunk.
    void binaryReceived(const QByteArray &frame);
    void reconnectScheduled(int delayMs);
    /*!
     * The server's certificate is not vouched for and not the one the user accepted for this
     * address (`previous`: the accepted one, if any — then it changed). The link stops until the
     * user decides: accept it through CertificateTrust and open() again, or not.
     */
    void certificateUntrusted(const QString &hostPort, const QString &fingerprint, const QString &previous,
                              const QString &reason);

private:
    struct Pending {
        ReplyHandler handler;
        qint64 deadline;
    };
    void setState(State state);
    void onConnected();
    void onDisconnected();
    void onSslErrors(const QList<QSslError> &errors);
    void onText(const QString &text);
    void authenticate();
    void scheduleReconnect();
    void failPending(const QString &why);
    void checkTimeouts();

    QWebSocket m_socket;
    CertificateTrust *m_trust = nullptr;
    QList<QUrl> m_urls;
    qsizetype m_urlIndex = 0;
    qsizetype m_untriedUrls = 0; //!< other addresses still to try before backing off
    Credentials m_credentials;
    State m_state = State::Offline;
    bool m_wanted = false;
    protocol::AuthOk m_session;
    QHash<QString, Pending> m_pending;
    quint64 m_nextId = 0;
    QTimer m_reconnectTimer;
    QTimer m_heartbeat;
    QTimer m_timeouts;
    qint64 m_lastPong = 0;
    qint64 m_lastBeat = 0; //!< wall clock of the last heartbeat tick: a big jump means the computer slept
    int m_heartbeatMs = 15000;
    int m_backoffInitialMs = 500;
    int m_backoffMaxMs = 30000;
    int m_attempt = 0;
};

} // namespace confab::client

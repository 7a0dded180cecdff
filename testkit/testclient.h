#pragma once

#include "protocol/frames.h"

#include <QList>
#include <QObject>
#include <QWebSocket>

#include <functional>

namespace confab::test {

/*!
 * A raw protocol client for server tests: sends frames, waits for the reply to each request by
 * its id, and keeps every frame the server pushed (and every raw text it received) for later checks.
 */
class TestClient : public QObject {
    Q_OBJECT
public:
    explicit TestClient(QObject *parent = nullptr);
    ~TestClient() override;

    bool open(const QString &url, int timeoutMs = 10000);
    void close();
    bool isConnected() const { return m_socket.state() == QAbstractSocket::ConnectedState; }
    QWebSocket &socket() { return m_socket; }

    //! Sends a request and waits for its reply (the reply, or an `error`); a failed wait gives monostate.
    protocol::Frame request(const protocol::Frame &frame, int timeoutMs = 15000);
    //! Sends without waiting; returns the request id.
    QString send(const protocol::Frame &frame);
    void sendRaw(const QByteArray &text);
    protocol::Frame waitForReply(const QString &requestId, int timeoutMs = 15000);

    //! Registers (or logs in when the name exists) and keeps the identity.
    bool signUp(const QString &username, const QString &password = QStringLiteral("correct horse 1"));
    bool signIn(const QString &username, const QString &password = QStringLiteral("correct horse 1"));
    QString userId() const { return m_user.id; }
    QString token() const { return m_token; }
    //! The last auth.ok of signUp/signIn.
    const protocol::AuthOk &lastAuth() const { return m_auth; }

    //! Pushed frames (no `re`) in arrival order.
    const QList<protocol::Frame> &pushed() const { return m_pushed; }
    const QStringList &rawTexts() const { return m_raw; }
    void clearPushed() { m_pushed.clear(); }
    QList<protocol::Event> events(const QString &conversationId = {}) const;
    bool waitForPushed(const std::function<bool(const protocol::Frame &)> &match, int timeoutMs = 10000);
    bool waitForEvents(const QString &conversationId, int count, int timeoutMs = 20000);

    int closeCode() const { return m_closeCode; }
    bool waitForDisconnect(int timeoutMs = 10000);

    static bool isError(const protocol::Frame &frame, protocol::ErrorCode code);
    static QString describe(const protocol::Frame &frame);

private:
    void onText(const QString &text);

    QWebSocket m_socket;
    QHash<QString, protocol::Frame> m_replies;
    QList<protocol::Frame> m_pushed;
    QStringList m_raw;
    protocol::UserInfo m_user;
    protocol::AuthOk m_auth;
    QString m_token;
    int m_nextId = 0;
    int m_closeCode = -1;
};

} // namespace confab::test

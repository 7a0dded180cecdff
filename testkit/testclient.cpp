#include "testclient.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QTimer>
#include <QUrl>

namespace confab::test {

using namespace confab::protocol;

TestClient::TestClient(QObject *parent) : QObject(parent)
{
    m_socket.setMaxAllowedIncomingMessageSize(quint64(field::kMaxServerFrameBytes));
    connect(&m_socket, &QWebSocket::textMessageReceived, this, &TestClient::onText);
    connect(&m_socket, &QWebSocket::disconnected, this, [this] { m_closeCode = int(m_socket.closeCode()); });
}

TestClient::~TestClient()
{
    m_socket.abort();
}

namespace {
//! Runs the event loop until `done` or the deadline.
bool spin(const std::function<bool()> &done, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QEventLoop loop;
        QTimer::singleShot(5, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return true;
}
} // namespace

bool TestClient::open(const QString &url, int timeoutMs)
{
    m_closeCode = -1;
    m_socket.open(QUrl(url));
    return spin([this] { return m_socket.state() == QAbstractSocket::ConnectedState || m_closeCode != -1; }, timeoutMs) &&
           isConnected();
}

void TestClient::close()
{
    m_socket.close();
    spin([this] { return m_socket.state() == QAbstractSocket::UnconnectedState; }, 5000);
}

void TestClient::onText(const QString &text)
{
    m_raw.append(text);
    auto decoded = decodeFrame(text.toUtf8(), field::kMaxServerFrameBytes);
    if (!decoded.ok()) {
        qWarning("undecodable frame from the server: %s (%s)", qPrintable(decoded.error().describe()),
                 qPrintable(text.left(200)));
        return;
    }
    if (!decoded->envelope.re.isEmpty())
        m_replies.insert(decoded->envelope.re, decoded->frame);
    else if (decoded->type() == FrameType::Error)
        m_replies.insert(QString(), decoded->frame); // an error about a frame without a readable id
    else
        m_pushed.append(decoded->frame);
}

QString TestClient::send(const Frame &frame)
{
    const QString id = QStringLiteral("r%1").arg(++m_nextId);
    m_socket.sendTextMessage(QString::fromUtf8(encodeFrame(frame, {id, {}})));
    return id;
}

void TestClient::sendRaw(const QByteArray &text)
{
    m_socket.sendTextMessage(QString::fromUtf8(text));
}

Frame TestClient::waitForReply(const QString &requestId, int timeoutMs)
{
    if (!spin([&] { return m_replies.contains(requestId) || !isConnected(); }, timeoutMs))
        return {};
    return m_replies.take(requestId);
}

Frame TestClient::request(const Frame &frame, int timeoutMs)
{
    return waitForReply(send(frame), timeoutMs);
}

bool TestClient::signUp(const QString &username, const QString &password)
{
    AuthRegister reg;
    reg.username = username;
    reg.password = password;
    reg.displayName = username.left(1).toUpper() + username.mid(1);
    reg.device = QStringLiteral("test");
    const Frame reply = request(reg);
    if (const auto *ok = std::get_if<AuthOk>(&reply)) {
        m_auth = *ok;
        m_user = ok->user;
        m_token = ok->token.value_or(QString());
        return true;
    }
    qWarning("sign-up of %s failed: %s", qPrintable(username), qPrintable(describe(reply)));
    return false;
}

bool TestClient::signIn(const QString &username, const QString &password)
{
    const Frame reply = request(AuthLogin{username, password, QStringLiteral("test")});
    if (const auto *ok = std::get_if<AuthOk>(&reply)) {
        m_auth = *ok;
        m_user = ok->user;
        m_token = ok->token.value_or(QString());
        return true;
    }
    qWarning("sign-in of %s failed: %s", qPrintable(username), qPrintable(describe(reply)));
    return false;
}

QList<Event> TestClient::events(const QString &conversationId) const
{
    QList<Event> out;
    for (const Frame &f : m_pushed) {
        if (const auto *e = std::get_if<Event>(&f)) {
            if (conversationId.isEmpty() || e->conversationId == conversationId)
                out.append(*e);
        }
    }
    return out;
}

bool TestClient::waitForPushed(const std::function<bool(const Frame &)> &match, int timeoutMs)
{
    return spin([&] { return std::any_of(m_pushed.cbegin(), m_pushed.cend(), match); }, timeoutMs);
}

bool TestClient::waitForEvents(const QString &conversationId, int count, int timeoutMs)
{
    return spin([&] { return events(conversationId).size() >= count; }, timeoutMs);
}

bool TestClient::waitForDisconnect(int timeoutMs)
{
    return spin([this] { return m_socket.state() == QAbstractSocket::UnconnectedState; }, timeoutMs);
}

bool TestClient::isError(const Frame &frame, ErrorCode code)
{
    const auto *e = std::get_if<Error>(&frame);
    return e && e->code == code;
}

QString TestClient::describe(const Frame &frame)
{
    if (frame.index() == 0)
        return QStringLiteral("(no reply)");
    return QString::fromUtf8(QJsonDocument(encodeObject(frame)).toJson(QJsonDocument::Compact)).left(500);
}

} // namespace confab::test

#include "smoke.h"

#include "transfers.h"

#include <QRandomGenerator>
#include <QUuid>

namespace confab::test {

using namespace confab::protocol;

namespace {
QString clientId()
{
    return QStringLiteral("smoke-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
}
} // namespace

Smoke::Smoke(Options options, QTextStream &out) : m_options(std::move(options)), m_out(out) {}

bool Smoke::step(const QString &what, const std::function<QString()> &action)
{
    QElapsedTimer timer;
    timer.start();
    const QString failure = action();
    const double ms = double(timer.nsecsElapsed()) / 1e6;
    m_out << QStringLiteral("  %1 %2").arg(what, -34).arg(failure.isEmpty() ? QStringLiteral("%1 ms").arg(ms, 0, 'f', 1)
                                                                              : QStringLiteral("FAILED: ") + failure)
          << Qt::endl;
    return failure.isEmpty();
}

bool Smoke::signIn(int who)
{
    const QString name = m_options.users[who];
    auto client = std::make_unique<TestClient>();
    client->socket().setSslConfiguration(m_options.tls);
    if (!step(QStringLiteral("connect as %1").arg(name), [&] {
            return client->open(m_options.url, m_options.timeoutMs)
                       ? QString()
                       : QStringLiteral("no WebSocket connection to %1 (%2)").arg(m_options.url, client->socket().errorString());
        }))
        return false;
    const bool ok = step(QStringLiteral("sign in as %1").arg(name), [&] {
        const Frame reply = client->request(AuthLogin{name, m_options.passwords[who], QStringLiteral("confab-smoke")},
                                            m_options.timeoutMs);
        if (const auto *signedIn = std::get_if<AuthOk>(&reply)) {
            m_userIds[who] = signedIn->user.id;
            return QString();
        }
        m_refused = TestClient::isError(reply, ErrorCode::Unauthorized) || TestClient::isError(reply, ErrorCode::Forbidden);
        return QStringLiteral("%1 — the smoke test needs two existing accounts (`confab-server user add %2`)")
            .arg(TestClient::describe(reply), name);
    });
    m_clients[who] = std::move(client);
    return ok;
}

QString Smoke::sendAndReceive()
{
    TestClient &a = *m_clients[0];
    TestClient &b = *m_clients[1];
    const Frame created =
        a.request(ConversationCreate{ConversationKind::Direct, {}, {m_userIds[1]}}, m_options.timeoutMs);
    const auto *detail = std::get_if<ConversationDetail>(&created);
    if (!detail)
        return QStringLiteral("no direct conversation: ") + TestClient::describe(created);
    m_room = detail->conversation.id;
    const QString body = QStringLiteral("confab-smoke %1").arg(QUuid::createUuid().toString(QUuid::WithoutBraces));
    MessageSend send;
    send.conversationId = m_room;
    send.clientId = clientId();
    send.body = body;
    const Frame sent = a.request(send, m_options.timeoutMs);
    const auto *ack = std::get_if<MessageSent>(&sent);
    if (!ack)
        return QStringLiteral("the send was not acknowledged: ") + TestClient::describe(sent);
    m_sent.append(ack->message.id);
    m_lastSeq = ack->message.seq;
    const bool arrived = b.waitForPushed([&](const Frame &f) {
        const auto *e = std::get_if<Event>(&f);
        return e && e->message && e->message->id == ack->message.id && e->message->body == body;
    }, m_options.timeoutMs);
    return arrived ? QString() : QStringLiteral("%1 did not receive the message").arg(m_options.users[1]);
}

QString Smoke::receipt()
{
    TestClient &a = *m_clients[0];
    TestClient &b = *m_clients[1];
    const QString readerId = m_userIds[1];
    const Frame reply = b.request(Receipt{m_room, ReceiptKind::Read, m_lastSeq}, m_options.timeoutMs);
    if (!std::holds_alternative<Ok>(reply))
        return QStringLiteral("the read receipt was refused: ") + TestClient::describe(reply);
    const bool seen = a.waitForPushed([&](const Frame &f) {
        const auto *m = std::get_if<MarkerUpdate>(&f);
        return m && m->conversationId == m_room && m->memberId == readerId && m->readSeq >= m_lastSeq;
    }, m_options.timeoutMs);
    return seen ? QString() : QStringLiteral("%1 never saw the read receipt").arg(m_options.users[0]);
}

QString Smoke::attachment()
{
    TestClient &a = *m_clients[0];
    TestClient &b = *m_clients[1];
    QByteArray bytes(m_options.fileBytes, Qt::Uninitialized);
    for (char &c : bytes)
        c = char('a' + QRandomGenerator::global()->bounded(26)); // text: every server accepts it
    const Frame done = upload(a, m_room, QStringLiteral("confab-smoke.txt"), bytes, QStringLiteral("text/plain"));
    const auto *stored = std::get_if<AttachmentDone>(&done);
    if (!stored)
        return QStringLiteral("the upload failed: ") + TestClient::describe(done);
    MessageSend send;
    send.conversationId = m_room;
    send.clientId = clientId();
    send.attachments = {stored->attachment.id};
    const Frame sent = a.request(send, m_options.timeoutMs);
    const auto *ack = std::get_if<MessageSent>(&sent);
    if (!ack)
        return QStringLiteral("the message with the file was not acknowledged: ") + TestClient::describe(sent);
    m_sent.append(ack->message.id);
    if (!b.waitForPushed([&](const Frame &f) {
            const auto *e = std::get_if<Event>(&f);
            return e && e->message && e->message->id == ack->message.id;
        }, m_options.timeoutMs))
        return QStringLiteral("%1 did not receive the message with the file").arg(m_options.users[1]);
    const Fetched fetched = fetch(b, stored->attachment.id);
    if (!std::holds_alternative<AttachmentData>(fetched.reply))
        return QStringLiteral("the download was refused: ") + TestClient::describe(fetched.reply);
    if (sha256Hex(fetched.bytes) != sha256Hex(bytes))
        return QStringLiteral("the downloaded file differs (%1 of %2 bytes)").arg(fetched.bytes.size()).arg(bytes.size());
    return {};
}

void Smoke::cleanUp()
{
    int deleted = 0;
    for (const QString &id : std::as_const(m_sent)) {
        if (std::holds_alternative<Ok>(m_clients[0]->request(MessageDelete{m_room, id}, m_options.timeoutMs)))
            ++deleted;
    }
    for (const auto &client : m_clients) {
        if (client && client->isConnected())
            client->request(AuthLogout{}, m_options.timeoutMs); // the sessions end with the run
    }
    m_out << QStringLiteral("  cleaned up: %1 of %2 messages deleted, sessions signed out").arg(deleted).arg(m_sent.size())
          << Qt::endl;
}

int Smoke::run()
{
    m_out << QStringLiteral("confab-smoke %1 as %2 and %3").arg(m_options.url, m_options.users[0], m_options.users[1])
          << Qt::endl;
    const bool signedIn = signIn(0) && signIn(1);
    if (!signedIn) {
        cleanUp();
        m_out << (m_refused ? "REFUSED" : "FAILED") << Qt::endl;
        return m_refused ? Refused : Failed;
    }
    const bool passed = step(QStringLiteral("message delivered"), [this] { return sendAndReceive(); }) &&
                        step(QStringLiteral("read receipt back"), [this] { return receipt(); }) &&
                        step(QStringLiteral("file of %1 KiB up and down").arg(m_options.fileBytes / 1024),
                             [this] { return attachment(); });
    cleanUp();
    m_out << (passed ? "ok" : "FAILED") << Qt::endl;
    return passed ? Passed : Failed;
}

} // namespace confab::test

#include "hub.h"

#include "core/metrics.h"
#include "net/clientsession.h"

namespace confab::server {

void Hub::attach(ClientSession *session)
{
    if (!m_all.contains(session)) {
        m_all.insert(session);
        ++m_byAddress[session->address()];
    }
}

void Hub::detach(ClientSession *session)
{
    if (m_all.remove(session)) {
        auto count = m_byAddress.find(session->address());
        if (count != m_byAddress.end() && --*count <= 0)
            m_byAddress.erase(count);
    }
    const QString userId = session->identity().userId;
    if (userId.isEmpty())
        return;
    auto it = m_byUser.find(userId);
    if (it == m_byUser.end())
        return;
    it->removeAll(session);
    if (it->isEmpty())
        m_byUser.erase(it);
}

void Hub::authenticated(ClientSession *session)
{
    QList<ClientSession *> &list = m_byUser[session->identity().userId];
    if (!list.contains(session))
        list.append(session);
}

void Hub::toUsers(const QList<QString> &userIds, const QByteArray &frame, Delivery delivery)
{
    // QWebSocket takes text: convert once for every receiver (a message to a room of 50 used to be
    // converted 50 times).
    QString text;
    for (const QString &userId : userIds) {
        const auto it = m_byUser.constFind(userId);
        if (it == m_byUser.constEnd())
            continue;
        if (text.isNull())
            text = QString::fromUtf8(frame);
        for (ClientSession *session : *it)
            session->sendText(text, delivery == Delivery::Droppable);
        if (m_metrics)
            m_metrics->delivered(quint64(it->size()));
    }
}

void Hub::endSession(const QString &sessionId)
{
    // Collected first: closing may detach sessions while we iterate.
    QList<ClientSession *> ending;
    for (ClientSession *session : std::as_const(m_all)) {
        if (session->identity().sessionId == sessionId)
            ending.append(session);
    }
    for (ClientSession *session : ending)
        session->closeWith(protocol::CloseCode::SessionRevoked, QStringLiteral("session revoked"));
}

void Hub::endUser(const QString &userId)
{
    const QList<ClientSession *> ending = m_byUser.value(userId);
    for (ClientSession *session : ending)
        session->closeWith(protocol::CloseCode::SessionRevoked, QStringLiteral("account disabled"));
}

} // namespace confab::server

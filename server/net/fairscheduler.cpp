#include "fairscheduler.h"

#include "net/clientsession.h"

#include <algorithm>

namespace confab::server {

FairScheduler::FairScheduler(int framesPerTurn, QObject *parent)
    : QObject(parent), m_framesPerTurn(std::max(1, framesPerTurn))
{
}

void FairScheduler::ready(ClientSession *session)
{
    m_ready.emplace_back(session);
    if (m_turnPosted)
        return;
    // Queued, not direct: the frames that arrived with this one in the same read wait for the turn,
    // and the sockets of the other connections are read before it.
    m_turnPosted = true;
    QMetaObject::invokeMethod(this, &FairScheduler::turn, Qt::QueuedConnection);
}

void FairScheduler::turn()
{
    m_turnPosted = false;
    // Only those that were waiting when the turn began: whoever becomes ready meanwhile (or is put
    // back) goes to the end and is served in the next turn.
    for (size_t n = m_ready.size(); n > 0 && !m_ready.empty(); --n) {
        const QPointer<ClientSession> session = m_ready.front();
        m_ready.pop_front();
        if (session && session->serveQueued(m_framesPerTurn))
            m_ready.push_back(session);
    }
    if (!m_ready.empty() && !m_turnPosted) {
        m_turnPosted = true;
        QMetaObject::invokeMethod(this, &FairScheduler::turn, Qt::QueuedConnection);
    }
}

} // namespace confab::server

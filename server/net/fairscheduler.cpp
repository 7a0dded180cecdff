#include "fairscheduler.h"

#include "net/clientsession.h"

#include <algorithm>

namespace confab::server {

namespace {
//! New connections go first, but not forever: when connections that each send a request and wait for
//! the reply keep the server busy on their own, the backlogs still get one turn in this many.
constexpr int kNewTurnsPerOldTurn = 8;
} // namespace

FairScheduler::FairScheduler(int framesPerTurn, QObject *parent)
    : QObject(parent), m_framesPerTurn(std::max(1, framesPerTurn))
{
}

void FairScheduler::ready(ClientSession *session)
{
    m_new.emplace_back(session);
    post();
}

void FairScheduler::post()
{
    if (m_turnPosted || (m_new.empty() && m_old.empty()))
        return;
    // Queued, not direct: the frames that arrived with this one in the same read wait for the turn,
    // and the sockets of the other connections are read before it.
    m_turnPosted = true;
    QMetaObject::invokeMethod(this, &FairScheduler::turn, Qt::QueuedConnection);
}

void FairScheduler::turn()
{
    m_turnPosted = false;
    // One connection per turn of the event loop, not a round over all of them: a request that arrives
    // meanwhile is read at the end of this turn and, its connection being new, served in the next.
    while (!m_new.empty() || !m_old.empty()) {
        const bool fromNew = !m_new.empty() && (m_old.empty() || m_newTurnsInARow < kNewTurnsPerOldTurn);
        std::deque<QPointer<ClientSession>> &list = fromNew ? m_new : m_old;
        const QPointer<ClientSession> session = list.front();
        list.pop_front();
        if (!session)
            continue; // closed while waiting: costs no turn
        m_newTurnsInARow = fromNew ? m_newTurnsInARow + 1 : 0;
        // A connection that still has frames after its turn has a backlog: it goes behind the other
        // backlogs, also when it was new (it used up its turn, so it is not a calm one). One that has
        // none left leaves the rotation, and its next frame makes it new again: it can be new at most
        // once per round trip, since its queue is empty only when everything it sent was served.
        if (session->serveQueued(m_framesPerTurn))
            m_old.push_back(session);
        break;
    }
    post();
}

} // namespace confab::server

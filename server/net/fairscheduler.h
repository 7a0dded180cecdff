#pragma once

#include <QObject>
#include <QPointer>

#include <deque>

namespace confab::server {

class ClientSession;

/*!
 * Serves the connections that have frames waiting, `framesPerTurn` frames of one connection per turn
 * of the event loop; between turns the loop reads the sockets again. The order is that of fq_codel
 * (DRR++): a connection whose queue was empty when its frame arrived (a "new" one) is served before
 * the connections with a standing backlog (the "old" ones), which take turns among themselves. A calm
 * request so waits for at most the turn under way and the other calm requests, not for a turn of
 * every flooding connection (docs/reliability.md, "A flood waits its turn").
 */
class FairScheduler : public QObject {
    Q_OBJECT
public:
    explicit FairScheduler(int framesPerTurn, QObject *parent = nullptr);

    //! `session` had no frames waiting and now has: it is served next, before any backlog.
    void ready(ClientSession *session);
    int framesPerTurn() const { return m_framesPerTurn; }

private:
    void post();
    void turn();

    const int m_framesPerTurn;
    //! Connections with frames waiting, in the order they are served; gone ones are skipped.
    std::deque<QPointer<ClientSession>> m_new, m_old;
    int m_newTurnsInARow = 0; //!< see kNewTurnsPerOldTurn
    bool m_turnPosted = false;
};

} // namespace confab::server

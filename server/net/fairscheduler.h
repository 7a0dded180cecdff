#pragma once

#include <QObject>
#include <QPointer>

#include <deque>

namespace confab::server {

class ClientSession;

/*!
 * Serves the connections that have frames waiting, in turns: each gets at most `framesPerTurn` of
 * its frames per turn of the event loop, and between turns the loop reads the sockets again. One
 * connection's backlog so waits behind everyone else's next frames instead of ahead of them
 * (docs/reliability.md, "A flood waits its turn").
 */
class FairScheduler : public QObject {
    Q_OBJECT
public:
    explicit FairScheduler(int framesPerTurn, QObject *parent = nullptr);

    //! `session` has frames waiting and is not in the rotation yet: it is served in the next turn.
    void ready(ClientSession *session);
    int framesPerTurn() const { return m_framesPerTurn; }

private:
    void turn();

    const int m_framesPerTurn;
    std::deque<QPointer<ClientSession>> m_ready; //!< in the order they are served; gone ones are skipped
    bool m_turnPosted = false;
};

} // namespace confab::server

#pragma once

#include <QObject>
#include <QTimer>

namespace confab::server {

class BlindService;

/*!
 * Fires blind rooms' scheduled reveals when they are due: at start-up (a reveal that fell due
 * while no instance ran fires then), at the earliest scheduled time, and at least every
 * `maxWaitMs` (a schedule set on another instance is seen within that). Which instance fires a
 * reveal is decided in the database (BlindService::fireDueReveals), never here.
 */
class RevealScheduler : public QObject {
    Q_OBJECT
public:
    explicit RevealScheduler(BlindService &blind, int maxWaitMs = 1000, QObject *parent = nullptr);

    //! Fires what is due now and keeps watching.
    void start();
    //! A schedule changed on this instance: look again now rather than at the next tick.
    void poke();

private:
    void look();

    BlindService &m_blind;
    int m_maxWaitMs;
    QTimer m_timer;
};

} // namespace confab::server

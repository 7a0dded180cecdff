#include "revealscheduler.h"

#include "core/logging.h"
#include "domain/clock.h"
#include "services/blindservice.h"
#include "storage/blindstore.h"
#include "storage/database.h"

#include <algorithm>

namespace confab::server {

RevealScheduler::RevealScheduler(BlindService &blind, int maxWaitMs, QObject *parent)
    : QObject(parent), m_blind(blind), m_maxWaitMs(std::max(1, maxWaitMs))
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer); // a reveal is due at a moment people wait for
    connect(&m_timer, &QTimer::timeout, this, &RevealScheduler::look);
}

void RevealScheduler::start()
{
    look();
}

void RevealScheduler::poke()
{
    // Not from inside the request that changed it: the reply goes out first.
    m_timer.start(0);
}

void RevealScheduler::look()
{
    qint64 wait = m_maxWaitMs;
    try {
        m_blind.fireDueReveals(nowMs());
        if (const auto next = m_blind.store().nextReveal())
            wait = std::clamp<qint64>(*next - nowMs(), 0, m_maxWaitMs);
    } catch (const StoreError &e) {
        qCWarning(lcStore) << "scheduled reveals are looked at again shortly:" << e.what();
    }
    m_timer.start(int(wait));
}

} // namespace confab::server

#include "autoaway.h"

#include "chatclient.h"

#include <algorithm>

namespace confab::app {

AutoAway::AutoAway(client::ChatClient *client, QObject *parent)
    : QObject(parent),
      m_client(client)
{
    m_sinceInput.start();
    m_check.setInterval(10 * 1000);
    connect(&m_check, &QTimer::timeout, this, &AutoAway::check);
    m_check.start();
}

void AutoAway::setTimeouts(int inputMs, int hiddenMs)
{
    m_inputMs = inputMs;
    m_hiddenMs = hiddenMs;
    // Checked often enough that away comes within a quarter of the shorter wait.
    m_check.setInterval(std::max(50, std::min(inputMs, hiddenMs) / 4));
}

void AutoAway::userActive()
{
    m_sinceInput.restart();
    m_sinceHidden.invalidate();
    if (m_autoAway) {
        m_autoAway = false;
        m_client->setAway(false);
    }
}

void AutoAway::setOutOfSight(bool outOfSight)
{
    if (outOfSight && !m_sinceHidden.isValid())
        m_sinceHidden.start();
    else if (!outOfSight)
        m_sinceHidden.invalidate();
}

void AutoAway::check()
{
    if (m_autoAway || m_client->away())
        return;
    const bool idle = m_sinceInput.elapsed() >= m_inputMs;
    const bool hidden = m_sinceHidden.isValid() && m_sinceHidden.elapsed() >= m_hiddenMs;
    if (idle || hidden) {
        m_autoAway = true;
        m_client->setAway(true);
    }
}

} // namespace confab::app

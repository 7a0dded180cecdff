#include "typing.h"

namespace confab::client {

TypingTracker::TypingTracker(QObject *parent) : QObject(parent)
{
    m_clock.start();
    m_timer.setInterval(500);
    connect(&m_timer, &QTimer::timeout, this, &TypingTracker::expire);
    m_timer.start();
}

void TypingTracker::update(const QString &conversationId, const QString &memberId, bool active)
{
    auto &members = m_until[conversationId];
    const bool had = members.contains(memberId);
    if (active)
        members.insert(memberId, m_clock.elapsed() + m_expireMs);
    else
        members.remove(memberId);
    if (members.isEmpty())
        m_until.remove(conversationId);
    if (had != active)
        emit changed(conversationId);
}

void TypingTracker::memberOffline(const QString &memberId)
{
    const QList<QString> conversations = m_until.keys();
    for (const QString &c : conversations) {
        if (m_until.value(c).contains(memberId))
            update(c, memberId, false);
    }
}

void TypingTracker::clear()
{
    const QList<QString> conversations = m_until.keys();
    m_until.clear();
    for (const QString &c : conversations)
        emit changed(c);
}

QList<QString> TypingTracker::typers(const QString &conversationId) const
{
    QList<QString> members = m_until.value(conversationId).keys();
    std::sort(members.begin(), members.end());
    return members;
}

void TypingTracker::expire()
{
    const qint64 now = m_clock.elapsed();
    QList<std::pair<QString, QString>> gone;
    for (auto c = m_until.cbegin(); c != m_until.cend(); ++c) {
        for (auto m = c->cbegin(); m != c->cend(); ++m) {
            if (m.value() <= now)
                gone.append({c.key(), m.key()});
        }
    }
    for (const auto &[conversation, member] : gone)
        update(conversation, member, false);
}

TypingNotifier::TypingNotifier(Send send, QObject *parent) : QObject(parent), m_send(std::move(send))
{
    m_clock.start();
    m_idle.setInterval(500);
    connect(&m_idle, &QTimer::timeout, this, &TypingNotifier::checkIdle);
    m_idle.start();
}

void TypingNotifier::setTimings(qint64 refreshMs, qint64 stopMs)
{
    m_refreshMs = refreshMs;
    m_stopMs = stopMs;
}

void TypingNotifier::setEnabled(bool enabled)
{
    if (!enabled) {
        const QList<QString> conversations = m_states.keys();
        for (const QString &c : conversations)
            stop(c);
    }
    m_enabled = enabled;
}

void TypingNotifier::textChanged(const QString &conversationId, bool empty)
{
    if (!m_enabled || conversationId.isEmpty())
        return;
    if (empty)
        return stop(conversationId);
    State &s = m_states[conversationId];
    const qint64 now = m_clock.elapsed();
    s.lastKey = now;
    if (!s.active || now - s.lastSent >= m_refreshMs) {
        s.active = true;
        s.lastSent = now;
        m_send(conversationId, true);
    }
}

void TypingNotifier::stop(const QString &conversationId)
{
    const auto it = m_states.find(conversationId);
    if (it == m_states.end())
        return;
    const bool wasActive = it->active;
    m_states.erase(it);
    if (wasActive && m_enabled)
        m_send(conversationId, false);
}

void TypingNotifier::checkIdle()
{
    const qint64 now = m_clock.elapsed();
    QList<QString> idle;
    for (auto it = m_states.cbegin(); it != m_states.cend(); ++it) {
        if (it->active && now - it->lastKey >= m_stopMs)
            idle.append(it.key());
    }
    for (const QString &c : idle)
        stop(c);
}

} // namespace confab::client

#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QTimer>

#include <functional>

namespace confab::client {

/*!
 * Who is typing where, as the server told us. Each entry expires by itself `expireMs` after its
 * last refresh, and goes at once when that member's message arrives or they go offline, so that a
 * typing line can never stay forever.
 */
class TypingTracker : public QObject {
    Q_OBJECT
public:
    explicit TypingTracker(QObject *parent = nullptr);

    void setExpireMs(qint64 ms) { m_expireMs = ms; }
    void update(const QString &conversationId, const QString &memberId, bool active);
    void memberSpoke(const QString &conversationId, const QString &memberId) { update(conversationId, memberId, false); }
    void memberOffline(const QString &memberId);
    void clear();
    QList<QString> typers(const QString &conversationId) const;

signals:
    void changed(const QString &conversationId);

private:
    void expire();

    QHash<QString, QHash<QString, qint64>> m_until; //!< conversation → member → expiry (elapsed ms)
    qint64 m_expireMs = 8000;
    QElapsedTimer m_clock;
    QTimer m_timer;
};

/*!
 * When to tell the server that I am typing: on a change of the composer's text, at most every
 * `refreshMs`; a stop after `stopMs` without a keystroke, when the text is cleared, and on send.
 */
class TypingNotifier : public QObject {
    Q_OBJECT
public:
    using Send = std::function<void(const QString &conversationId, bool active)>;
    TypingNotifier(Send send, QObject *parent = nullptr);

    void setTimings(qint64 refreshMs, qint64 stopMs);
    void setEnabled(bool enabled);
    void textChanged(const QString &conversationId, bool empty);
    void stop(const QString &conversationId);

private:
    struct State {
        qint64 lastSent = -1;
        qint64 lastKey = 0;
        bool active = false;
    };
    void checkIdle();

    Send m_send;
    qint64 m_refreshMs = 5000;
    qint64 m_stopMs = 5000;
    bool m_enabled = true;
    QHash<QString, State> m_states;
    QElapsedTimer m_clock;
    QTimer m_idle;
};

} // namespace confab::client

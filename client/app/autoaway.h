#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

namespace confab::client {
class ChatClient;
}

namespace confab::app {

/*!
 * Away when nobody is at the computer: after a while without input, or a shorter while after the
 * window went out of sight (hidden in the tray or minimised). The first input brings the user
 * back. An away the user chose stays until they end it: only the away set here is undone here.
 */
class AutoAway : public QObject {
    Q_OBJECT
public:
    explicit AutoAway(client::ChatClient *client, QObject *parent = nullptr);

    void setTimeouts(int inputMs, int hiddenMs);
    //! Input reached the window.
    void userActive();
    //! The window went out of sight, or came back.
    void setOutOfSight(bool outOfSight);
    //! Away was set here (not by the user).
    bool isAutoAway() const { return m_autoAway; }

private:
    void check();

    client::ChatClient *m_client;
    QElapsedTimer m_sinceInput;
    QElapsedTimer m_sinceHidden;
    QTimer m_check;
    int m_inputMs = 5 * 60 * 1000;
    int m_hiddenMs = 2 * 60 * 1000;
    bool m_autoAway = false;
};

} // namespace confab::app

#pragma once

#include <QObject>

namespace confab::client {
class ChatClient;
}

namespace confab::app {

class Settings;

/*!
 * Reopens, after a restart or a new sign-in, the conversation the user last had open in this
 * account. That conversation was the user's own choice, so reopening it keeps invariant 10 (the
 * app never changes the open conversation on its own): it happens only while nothing is open yet,
 * and only until the first catch-up with the server after signing in; a conversation that shows
 * up later (the user was added back, say) is not opened.
 */
class LastConversation : public QObject {
    Q_OBJECT
public:
    LastConversation(client::ChatClient *client, Settings *settings, QObject *parent = nullptr);

private:
    QString account() const;
    void onSignedInChanged();
    void onCurrentChanged();
    void tryRestore();

    client::ChatClient *m_client;
    Settings *m_settings;
    QString m_wanted; //!< the id to reopen while armed, empty otherwise
};

} // namespace confab::app

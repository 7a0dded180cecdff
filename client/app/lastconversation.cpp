#include "lastconversation.h"

#include "chatclient.h"
#include "conversationlistmodel.h"
#include "settings.h"

namespace confab::app {

LastConversation::LastConversation(client::ChatClient *client, Settings *settings, QObject *parent)
    : QObject(parent), m_client(client), m_settings(settings)
{
    connect(client, &client::ChatClient::signedInChanged, this, &LastConversation::onSignedInChanged);
    connect(client, &client::ChatClient::currentConversationChanged, this, &LastConversation::onCurrentChanged);
    auto *list = client->conversations();
    connect(list, &QAbstractItemModel::rowsInserted, this, &LastConversation::tryRestore);
    connect(list, &QAbstractItemModel::modelReset, this, &LastConversation::tryRestore);
    // After the first catch-up the list is complete: what is not in it now is gone for us.
    connect(client, &client::ChatClient::synced, this, [this] {
        tryRestore();
        m_wanted.clear();
    });
    if (client->signedIn())
        onSignedInChanged();
}

QString LastConversation::account() const
{
    return client::ChatClient::accountKey(m_client->serverUrl(), m_client->username());
}

void LastConversation::onSignedInChanged()
{
    m_wanted.clear();
    if (!m_client->signedIn() || !m_client->currentConversationId().isEmpty())
        return;
    m_wanted = m_settings->lastConversation(account());
    tryRestore();
}

void LastConversation::onCurrentChanged()
{
    const QString id = m_client->currentConversationId();
    if (id.isEmpty() || !m_client->signedIn())
        return; // signing out closes the conversation; that is not a choice to remember
    m_wanted.clear(); // the user chose (or it was just reopened): nothing left to do
    m_settings->setLastConversation(account(), id);
}

void LastConversation::tryRestore()
{
    if (m_wanted.isEmpty() || !m_client->currentConversationId().isEmpty()
        || !m_client->conversations()->conversation(m_wanted))
        return;
    const QString id = m_wanted;
    m_wanted.clear();
    m_client->openConversation(id);
}

} // namespace confab::app

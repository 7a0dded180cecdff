#include "catchup.h"

namespace confab::client {

using namespace confab::protocol;

Catchup::Catchup(Connection &connection, ConversationState &state, QObject *parent)
    : QObject(parent), m_connection(connection), m_state(state)
{
    connect(&state, &ConversationState::syncWanted, this, &Catchup::sync);
    connect(&state, &ConversationState::resyncWanted, this, [this] { m_resyncWanted = true; });
    connect(&state, &ConversationState::conversationWanted, this, &Catchup::refreshConversation);
    connect(&state, &ConversationState::historyWanted, this, &Catchup::fetchAfter);
}

void Catchup::setSyncing(bool syncing)
{
    if (syncing == m_syncing)
        return;
    m_syncing = syncing;
    emit syncingChanged(syncing);
}

void Catchup::sync()
{
    if (m_syncing) {
        m_resyncWanted = true;
        return;
    }
    setSyncing(true);
    m_resyncWanted = false;
    SyncRequest request;
    for (const ConversationInfo &c : m_state.conversations())
        request.conversations.append({c.id, m_state.syncedSeq(c.id)});
    request.profilesSince = m_state.profilesSince(); // names and statuses changed while away
    // A cache that knew nothing: everything that arrives is simply the list, not news.
    const bool firstSync = request.conversations.isEmpty();
    m_connection.request(request, [this, firstSync](const Reply<SyncResult> &result) {
        setSyncing(false);
        if (!result)
            return; // offline again: the next connect syncs
        m_state.applySync(*result, firstSync);
        refreshList();
        emit caughtUp();
        if (m_resyncWanted)
            sync();
        else
            emit synced();
    });
}

void Catchup::fetchAfter(const QString &conversationId, qint64 seq, qint64 freshAfter)
{
    m_connection.request(HistoryRequest{conversationId, std::nullopt, seq, 100},
                         [this, conversationId, freshAfter](const Reply<History> &page) {
        if (!page)
            return;
        m_state.applyHistoryAfter(*page, freshAfter);
        if (page->hasMore && !page->events.isEmpty())
            fetchAfter(conversationId, page->events.last().seq, freshAfter);
        else
            refreshConversation(conversationId);
    });
}

void Catchup::refreshConversation(const QString &conversationId)
{
    m_connection.request(ConversationGet{conversationId}, [this, conversationId](const Reply<ConversationDetail> &detail) {
        if (detail)
            m_state.applyDetail(*detail);
        else if (detail.error().code == ErrorCode::NotFound)
            m_state.forget(conversationId); // no longer a member
    });
}

void Catchup::refreshList()
{
    m_connection.request(ConversationList{}, [this](const Reply<Conversations> &list) {
        if (list)
            m_state.applyList(*list);
    });
}

void Catchup::loadOlder(const QString &conversationId, qint64 beforeSeq)
{
    HistoryRequest request{conversationId, beforeSeq > 0 ? std::optional(beforeSeq) : std::nullopt, std::nullopt, 50};
    m_connection.request(request, [this, conversationId](const Reply<History> &page) {
        // Another conversation opened meanwhile: this page is not wanted any more.
        if (page && conversationId == m_state.openConversation())
            m_state.applyOlder(conversationId, *page);
    });
}

} // namespace confab::client

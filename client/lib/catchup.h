#pragma once

#include "connection.h"
#include "conversationstate.h"

#include <QObject>

namespace confab::client {

/*!
 * Brings the ConversationState up to date through the connection: `sync` after each (re)connect
 * and whenever the state saw a gap, the rest of a long catch-up page by page, conversations the
 * state does not know yet, the list, and older pages when the user scrolls back. It only asks;
 * what comes back goes into the state.
 */
class Catchup : public QObject {
    Q_OBJECT
public:
    Catchup(Connection &connection, ConversationState &state, QObject *parent = nullptr);

    //! Asks `sync` for everything after what the cache holds (once more after a running one).
    void sync();
    bool syncing() const { return m_syncing; }
    //! The page of messages before `beforeSeq` (0: the newest) of a conversation, from the server.
    void loadOlder(const QString &conversationId, qint64 beforeSeq);

signals:
    void syncingChanged(bool syncing);
    //! A sync reply was applied: what waited for it (the outbox) may go.
    void caughtUp();
    //! After a (re)connect, once sync has brought everything up to date.
    void synced();

private:
    void setSyncing(bool syncing);
    void fetchAfter(const QString &conversationId, qint64 seq, qint64 freshAfter);
    void refreshConversation(const QString &conversationId);
    void refreshList();

    Connection &m_connection;
    ConversationState &m_state;
    bool m_syncing = false;
    bool m_resyncWanted = false;
};

} // namespace confab::client

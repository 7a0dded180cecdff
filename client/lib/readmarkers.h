#pragma once

#include "connection.h"
#include "conversationstate.h"

#include <QHash>
#include <QObject>
#include <QTimer>

namespace confab::client {

/*!
 * My read and delivered markers: what I read moves my marker (and clears the badge at once),
 * what others wrote and reached me is acknowledged as delivered. Receipts are coalesced on a
 * timer, one frame per conversation per half second at most. Whether others see my read marker
 * move is an account setting the server keeps (private receipts): it changes only through it.
 */
class ReadMarkers : public QObject {
    Q_OBJECT
public:
    ReadMarkers(Connection &connection, ConversationState &state, QObject *parent = nullptr);

    //! The user saw everything up to `seq` in a conversation.
    void markRead(const QString &conversationId, qint64 seq);

    bool shareReadReceipts() const { return !m_settings.receiptsPrivate; }
    //! Asks the server; the switch follows once it answers every device of mine with `settings`.
    void setShareReadReceipts(bool share);
    //! The account's settings as the server said them (at sign-in, or pushed).
    void applySettings(const protocol::AccountSettings &settings);
    //! A pushed frame: `settings` is taken, the rest ignored.
    void apply(const protocol::Frame &pushed);

signals:
    void shareReadReceiptsChanged();
    void failed(const QString &message);

private:
    void scheduleDelivered(const QString &conversationId, qint64 seq);
    void sendReceipts();

    Connection &m_connection;
    ConversationState &m_state;
    QTimer m_timer;
    QHash<QString, qint64> m_deliveredToSend, m_readToSend;
    protocol::AccountSettings m_settings; //!< as the server last said; changed only through it
};

} // namespace confab::client

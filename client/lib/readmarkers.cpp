#include "readmarkers.h"

#include <QCoreApplication>

namespace confab::client {

using namespace confab::protocol;

ReadMarkers::ReadMarkers(Connection &connection, ConversationState &state, QObject *parent)
    : QObject(parent), m_connection(connection), m_state(state)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(500);
    connect(&m_timer, &QTimer::timeout, this, &ReadMarkers::sendReceipts);
    connect(&state, &ConversationState::messageReceived, this,
            [this](const QString &conversationId, const MessageInfo &message, qint64 seq) {
        if (message.senderId != m_state.myMemberId(conversationId))
            scheduleDelivered(conversationId, seq);
    });
}

void ReadMarkers::markRead(const QString &conversationId, qint64 seq)
{
    if (!m_state.markRead(conversationId, seq))
        return;
    m_readToSend[conversationId] = std::max(m_readToSend.value(conversationId), seq);
    if (!m_timer.isActive())
        m_timer.start();
}

void ReadMarkers::scheduleDelivered(const QString &conversationId, qint64 seq)
{
    m_deliveredToSend[conversationId] = std::max(m_deliveredToSend.value(conversationId), seq);
    if (!m_timer.isActive())
        m_timer.start();
}

void ReadMarkers::sendReceipts()
{
    if (!m_connection.isOnline())
        return; // markers are re-sent from the cache state on the next change
    for (auto it = m_deliveredToSend.cbegin(); it != m_deliveredToSend.cend(); ++it) {
        if (m_readToSend.value(it.key()) < it.value())
            m_connection.send(Receipt{it.key(), ReceiptKind::Delivered, it.value()});
    }
    for (auto it = m_readToSend.cbegin(); it != m_readToSend.cend(); ++it)
        m_connection.send(Receipt{it.key(), ReceiptKind::Read, it.value()});
    m_deliveredToSend.clear();
    m_readToSend.clear();
}

void ReadMarkers::setShareReadReceipts(bool share)
{
    if (share == shareReadReceipts())
        return;
    AccountSettings wanted = m_settings;
    wanted.receiptsPrivate = !share;
    // The server answers every device of this account with `settings`; until then the switch
    // shows the old value, so it never claims a privacy that is not in force yet.
    m_connection.request(SettingsSet{wanted}, [this](const Reply<Ok> &reply) {
        if (!reply) {
            emit failed(QCoreApplication::translate("confab::client::ChatClient", "The setting could not be saved: %1")
                            .arg(reply.error().message));
            emit shareReadReceiptsChanged(); // let the switch fall back
        }
    });
}

void ReadMarkers::applySettings(const AccountSettings &settings)
{
    if (settings == m_settings)
        return;
    m_settings = settings;
    emit shareReadReceiptsChanged();
}

void ReadMarkers::apply(const Frame &pushed)
{
    if (const auto *update = std::get_if<SettingsUpdate>(&pushed))
        applySettings(update->settings);
}

} // namespace confab::client

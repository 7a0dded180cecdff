#pragma once

#include "forwardtargets.h"

#include <QObject>
#include <QQmlEngine>

namespace confab::client {

class Connection;
class ConversationListModel;
class ConversationState;

/*!
 * Forwarding messages to other conversations, and marking conversations unread (docs/protocol.md,
 * "Forwarding and unread marks"). A forward is one `message.forward` per target, each with a client
 * id of its own: a retry after a dropped link (same id) never makes a second copy. What a target
 * gets back is applied like my own sent message; the pushed event follows.
 */
class Forwarding : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Provided by ChatClient")
    //! The forward picker's conversations (all but the message's own), filtered and picked.
    Q_PROPERTY(ForwardTargets *targets READ targets CONSTANT)
    //! The message the picker forwards, or empty while it is closed.
    Q_PROPERTY(QString messageId READ messageId NOTIFY messageChanged)
public:
    Forwarding(Connection &connection, ConversationState &state, QObject *parent = nullptr);

    //! The picker's list follows `conversations` (the sidebar's model).
    void setConversations(ConversationListModel *conversations);
    ForwardTargets *targets() { return &m_targets; }
    QString messageId() const { return m_messageId; }

    //! Opens the picker for a message of `conversationId`: nothing picked, no filter.
    Q_INVOKABLE void begin(const QString &conversationId, const QString &messageId);
    //! Forwards the picker's message to the picked conversations (or to `fallbackRow`'s when none is
    //! picked); false when there is nowhere to send it.
    Q_INVOKABLE bool send(int fallbackRow = -1);
    //! Forwards a message to each of `targetIds`; forwarded or failed follows for each.
    Q_INVOKABLE void forward(const QString &conversationId, const QString &messageId, const QStringList &targetIds);
    //! Marks a conversation unread for me on all my devices (or takes the mark away).
    Q_INVOKABLE void markUnread(const QString &conversationId, bool unread = true);

signals:
    void messageChanged();
    //! A copy is stored in `targetId` (the reply came).
    void forwarded(const QString &targetId, const QString &messageId);
    //! A forward or a mark was refused: why, for the user.
    void failed(const QString &message);

private:
    struct Pending {
        QString conversationId;
        QString messageId;
        QString targetId;
        QString clientId;
        int tries = 0;
    };
    void request(Pending pending);

    Connection &m_connection;
    ConversationState &m_state;
    ForwardTargets m_targets;
    QString m_conversationId;
    QString m_messageId;
};

} // namespace confab::client

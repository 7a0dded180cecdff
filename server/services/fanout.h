#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace confab::server {

/*!
 * Delivery of committed changes to connected sessions. Services call it after their transaction
 * committed, so deliveries leave in commit order. Implemented by the network layer (net/hub.h).
 */
class Fanout {
public:
    virtual ~Fanout() = default;
    //! What may be left out for a connection whose peer does not read: typing and presence are
    //! dropped first; everything else is kept until the connection is given up.
    enum class Delivery { Required, Droppable };

    //! Sends an encoded frame to every session of every listed user.
    virtual void toUsers(const QList<QString> &userIds, const QByteArray &frame, Delivery delivery = Delivery::Required) = 0;
    //! Like toUsers, but only to this instance's connections (the others learn of it by other means).
    virtual void toLocalUsers(const QList<QString> &userIds, const QByteArray &frame, Delivery delivery = Delivery::Required)
    {
        toUsers(userIds, frame, delivery);
    }
    //! Inside the writing transaction: a new log event exists (other instances are told at commit).
    virtual void eventAppended(const QString &conversationId, qint64 seq)
    {
        Q_UNUSED(conversationId);
        Q_UNUSED(seq);
    }
    //! Closes every connection authenticated with this session (after a revoke or logout).
    virtual void endSession(const QString &sessionId) = 0;
    //! Closes every connection of a user (account disabled).
    virtual void endUser(const QString &userId) = 0;
};

} // namespace confab::server

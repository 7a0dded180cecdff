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
    //! Sends an encoded frame to every session of every listed user.
    virtual void toUsers(const QList<QString> &userIds, const QByteArray &frame) = 0;
    //! Closes every connection authenticated with this session (after a revoke or logout).
    virtual void endSession(const QString &sessionId) = 0;
    //! Closes every connection of a user (account disabled).
    virtual void endUser(const QString &userId) = 0;
};

} // namespace confab::server

#pragma once

#include "domain/model.h"

#include <QList>

namespace confab::server {

class Database;

//! One pinned message as stored: who pinned it (a real user id), when, the seq of its `pinned`
//! event, and the message as it is now.
struct PinRecord {
    QString messageId;
    QString pinnedBy;
    qint64 pinnedAt = 0;
    qint64 seq = 0;
    Message message;
};

//! The `pins` table (schema version 14) and each conversation's `members_pin` switch.
class PinStore {
public:
    explicit PinStore(Database &db) : m_db(db) {}

    //! False, and nothing written, when the message is pinned already.
    bool add(const QString &conversationId, const QString &messageId, const QString &userId, qint64 at, qint64 seq);
    //! False when the message was not pinned.
    bool remove(const QString &conversationId, const QString &messageId);
    //! The conversation's pins of messages that are not deleted.
    int count(const QString &conversationId);
    //! The same, newest pin first, each with its message.
    QList<PinRecord> pins(const QString &conversationId);
    //! Whether members may pin, as the owner set it; nullopt: never set (the server's default applies).
    std::optional<bool> membersPin(const QString &conversationId);
    void setMembersPin(const QString &conversationId, bool allowed);

private:
    Database &m_db;
};

} // namespace confab::server

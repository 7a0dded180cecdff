#pragma once

#include "domain/model.h"

#include <QList>
#include <QString>

namespace confab::server {

class Database;

/*!
 * What deleting an account writes (services/accountdeletion.h) and the usernames it holds back.
 * The user's row stays, for the history that names it, but nothing of the person is left in it.
 */
class DeletionStore {
public:
    explicit DeletionStore(Database &db) : m_db(db) {}

    //! The name a deleted account shows in every frame (clients translate it: `deleted` is set).
    static QString deletedName() { return QStringLiteral("Deleted user"); }
    //! The username a deleted account's row takes, so that its old one can be held and later freed:
    //! derived from the id (unique), within the username rule.
    static QString placeholderUsername(const QString &userId);

    //! True when the account was deleted before (the first deletion may not have finished).
    bool isDeleted(const QString &userId);
    /*!
     * Erases the profile: the username becomes the placeholder, the display name "Deleted user",
     * the status and the password go, the account is disabled and stamped deleted at `now`. Its
     * blocks (both ways) and its sessions are deleted too.
     */
    void eraseAccount(const QString &userId, qint64 now);
    //! `username` may not be registered again before `until`.
    void holdUsername(const QString &username, qint64 until);
    //! True when `username` is held at `now`.
    bool usernameHeld(const QString &username, qint64 now);

    struct MessageRef {
        QString conversationId;
        QString messageId;
    };
    //! The user's messages that are not deleted yet, by conversation.
    QList<MessageRef> messagesOf(const QString &userId);
    //! The groups and blind rooms the user is an active member of (direct conversations stay).
    QList<QString> leavableConversationsOf(const QString &userId);

    //! Version 18 of the schema (storage/migrations.cpp): see there.
    static void createSchema(Database &db);

private:
    Database &m_db;
};

} // namespace confab::server

#pragma once

#include "domain/model.h"

#include <QList>
#include <QSet>

class QSqlQuery;

namespace confab::server {

class Database;

//! Users, their sessions and invite codes.
class AccountStore {
public:
    explicit AccountStore(Database &db) : m_db(db) {}

    //! Throws StoreError(Conflict) when the username is taken, or held after a deletion.
    void createUser(const User &user);
    void setBot(const QString &userId);
    std::optional<User> userById(const QString &id);
    std::optional<User> userByUsername(const QString &username);
    QList<User> usersByUsernames(const QList<QString> &usernames);
    QList<User> usersByIds(const QList<QString> &ids);
    QList<User> allUsers();
    bool setDisabled(const QString &userId, bool disabled);
    bool setPasswordHash(const QString &userId, const QString &hash);
    void setReceiptsPrivate(const QString &userId, bool receiptsPrivate);
    qint64 userCount();

    void createSession(const SessionRecord &session);
    std::optional<SessionRecord> sessionByTokenHash(const QString &tokenHash);
    std::optional<SessionRecord> sessionById(const QString &id);
    //! Of these sessions, the ones that still stand at `now`: not revoked or expired, their account
    //! not disabled. A few statements for any number of sessions.
    QSet<QString> standingSessions(const QList<QString> &ids, qint64 now);
    QList<SessionRecord> sessionsOf(const QString &userId);
    void touchSession(const QString &id, qint64 now);
    bool deleteSession(const QString &id);
    void deleteSessionsOf(const QString &userId);
    int deleteExpiredSessions(qint64 now);

    void createInvite(const QString &codeHash, qint64 now);
    //! Marks an unused invite as used by `userId`; false when there is no such unused invite.
    bool consumeInvite(const QString &codeHash, const QString &userId, qint64 now);

private:
    QList<User> readUsers(QSqlQuery &q);
    QList<SessionRecord> readSessions(QSqlQuery &q);
    Database &m_db;
};

} // namespace confab::server

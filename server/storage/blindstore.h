#pragma once

#include "domain/reveals.h"

#include <QList>
#include <QString>

namespace confab::server {

class Database;

//! A member reported to the server's operator, with the real identities (for the admin CLI only).
struct ReportRow {
    QString id;
    qint64 createdAt = 0;
    QString conversationId;
    QString conversationTitle;
    QString conversationKind;
    QString reporterId;
    QString reporterUsername;
    QString reporterName;
    QString reportedId;
    QString reportedUsername;
    QString reportedName;
    QString reportedAlias; //!< blind rooms: the alias the reporter knew them by
    QString reason;
};

/*!
 * Blind rooms' own tables: mutual reveal (offers, agreed pairs, the owner's switch) and reports of
 * members to the operator, with the operator's reading of them logged.
 */
class BlindStore {
public:
    explicit BlindStore(Database &db) : m_db(db) {}

    RevealState state(const QString &conversationId);
    void setRevealsAllowed(const QString &conversationId, bool allowed);
    //! False when the same offer was open already.
    bool addOffer(const QString &conversationId, const QString &fromUserId, const QString &toUserId, qint64 at);
    //! False when there was no such offer.
    bool removeOffer(const QString &conversationId, const QString &fromUserId, const QString &toUserId);
    void clearOffers(const QString &conversationId);
    //! False when the two had revealed to each other already.
    bool addReveal(const QString &conversationId, const QString &a, const QString &b, qint64 seq, qint64 at);

    void addReport(const QString &id, const QString &conversationId, const QString &reporterId,
                   const QString &reportedId, const QString &reason, qint64 at);
    //! Newest first.
    QList<ReportRow> reports(int limit);
    //! Notes that the operator read real identities (what and when), in `operator_access`.
    void logOperatorAccess(const QString &action, const QString &detail, qint64 at);

private:
    Database &m_db;
};

} // namespace confab::server

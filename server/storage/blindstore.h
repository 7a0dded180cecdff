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

    void setMembersInvite(const QString &conversationId, bool allowed);
    //! Schedules the room's reveal at `at`, or moves it; std::nullopt cancels it. A reveal that
    //! happened already is left as it is.
    void setSchedule(const QString &conversationId, std::optional<qint64> at);
    //! The earliest scheduled reveal of any room, if there is one.
    std::optional<qint64> nextReveal();
    //! The rooms whose scheduled reveal is due at `now`, earliest first.
    QList<QString> dueReveals(qint64 now, int limit);
    //! Claims a due reveal for this transaction: true for exactly one claimant across instances
    //! (the row moves from 'scheduled' to 'fired'; a second claimant waits for the first's commit
    //! and then finds nothing to claim).
    bool claimReveal(const QString &conversationId, qint64 now);

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

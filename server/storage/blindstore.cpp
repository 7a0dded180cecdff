#include "blindstore.h"

#include "storage/database.h"

namespace confab::server {

RevealState BlindStore::state(const QString &conversationId)
{
    RevealState state;
    QSqlQuery &allowed = m_db.exec(
        QStringLiteral("SELECT reveals_allowed, members_invite FROM blind_settings WHERE conversation_id = ?"), {conversationId});
    if (allowed.next()) {
        state.allowed = allowed.value(0).toInt() != 0;
        state.membersInvite = allowed.value(1).toInt() != 0;
    }
    allowed.finish();
    QSqlQuery &schedule = m_db.exec(
        QStringLiteral("SELECT reveal_at, state, fired_at FROM reveal_schedules WHERE conversation_id = ?"), {conversationId});
    if (schedule.next()) {
        if (schedule.value(1).toString() == QLatin1StringView("fired"))
            state.revealedAt = schedule.value(2).toLongLong();
        else
            state.revealAt = schedule.value(0).toLongLong();
    }
    schedule.finish();
    QSqlQuery &offers = m_db.exec(QStringLiteral("SELECT from_user, to_user, created_at FROM reveal_offers "
                                                 "WHERE conversation_id = ? ORDER BY created_at, from_user, to_user"),
                                  {conversationId});
    while (offers.next())
        state.offers.append({offers.value(0).toString(), offers.value(1).toString(), offers.value(2).toLongLong()});
    offers.finish();
    QSqlQuery &pairs =
        m_db.exec(QStringLiteral("SELECT user_a, user_b FROM reveals WHERE conversation_id = ?"), {conversationId});
    while (pairs.next())
        state.pairs.insert(RevealState::pairKey(pairs.value(0).toString(), pairs.value(1).toString()));
    pairs.finish();
    return state;
}

void BlindStore::setRevealsAllowed(const QString &conversationId, bool allowed)
{
    m_db.exec(QStringLiteral("INSERT INTO blind_settings (conversation_id, reveals_allowed) VALUES (?, ?) "
                             "ON CONFLICT (conversation_id) DO UPDATE SET reveals_allowed = excluded.reveals_allowed"),
              {conversationId, int(allowed)})
        .finish();
}

bool BlindStore::addOffer(const QString &conversationId, const QString &fromUserId, const QString &toUserId, qint64 at)
{
    QSqlQuery &q = m_db.exec(QStringLiteral("INSERT INTO reveal_offers (conversation_id, from_user, to_user, created_at) "
                                            "VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING from_user"),
                             {conversationId, fromUserId, toUserId.isNull() ? QStringLiteral("") : toUserId, at});
    const bool added = q.next();
    q.finish();
    return added;
}

bool BlindStore::removeOffer(const QString &conversationId, const QString &fromUserId, const QString &toUserId)
{
    QSqlQuery &q = m_db.exec(QStringLiteral("DELETE FROM reveal_offers WHERE conversation_id = ? AND from_user = ? "
                                            "AND to_user = ? RETURNING from_user"),
                             {conversationId, fromUserId, toUserId.isNull() ? QStringLiteral("") : toUserId});
    const bool removed = q.next();
    q.finish();
    return removed;
}

void BlindStore::clearOffers(const QString &conversationId)
{
    m_db.exec(QStringLiteral("DELETE FROM reveal_offers WHERE conversation_id = ?"), {conversationId}).finish();
}

bool BlindStore::addReveal(const QString &conversationId, const QString &a, const QString &b, qint64 seq, qint64 at)
{
    const bool ordered = a < b;
    QSqlQuery &q = m_db.exec(QStringLiteral("INSERT INTO reveals (conversation_id, user_a, user_b, seq, created_at) "
                                            "VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING seq"),
                             {conversationId, ordered ? a : b, ordered ? b : a, seq, at});
    const bool added = q.next();
    q.finish();
    return added;
}

void BlindStore::setMembersInvite(const QString &conversationId, bool allowed)
{
    m_db.exec(QStringLiteral("INSERT INTO blind_settings (conversation_id, reveals_allowed, members_invite) VALUES (?, 1, ?) "
                             "ON CONFLICT (conversation_id) DO UPDATE SET members_invite = excluded.members_invite"),
              {conversationId, int(allowed)})
        .finish();
}

void BlindStore::setSchedule(const QString &conversationId, std::optional<qint64> at)
{
    if (!at) {
        m_db.exec(QStringLiteral("DELETE FROM reveal_schedules WHERE conversation_id = ? AND state = 'scheduled'"),
                  {conversationId})
            .finish();
        return;
    }
    m_db.exec(QStringLiteral("INSERT INTO reveal_schedules (conversation_id, reveal_at, state) VALUES (?, ?, 'scheduled') "
                             "ON CONFLICT (conversation_id) DO UPDATE SET reveal_at = excluded.reveal_at "
                             "WHERE reveal_schedules.state = 'scheduled'"),
              {conversationId, *at})
        .finish();
}

std::optional<qint64> BlindStore::nextReveal()
{
    QSqlQuery &q = m_db.exec(QStringLiteral("SELECT MIN(reveal_at) FROM reveal_schedules WHERE state = 'scheduled'"));
    std::optional<qint64> next;
    if (q.next() && !q.value(0).isNull())
        next = q.value(0).toLongLong();
    q.finish();
    return next;
}

QList<QString> BlindStore::dueReveals(qint64 now, int limit)
{
    QSqlQuery &q = m_db.exec(QStringLiteral("SELECT conversation_id FROM reveal_schedules WHERE state = 'scheduled' "
                                            "AND reveal_at <= ? ORDER BY reveal_at, conversation_id LIMIT ?"),
                             {now, limit});
    QList<QString> rooms;
    while (q.next())
        rooms.append(q.value(0).toString());
    q.finish();
    return rooms;
}

bool BlindStore::claimReveal(const QString &conversationId, qint64 now)
{
    QSqlQuery &q = m_db.exec(QStringLiteral("UPDATE reveal_schedules SET state = 'fired', fired_at = ? "
                                            "WHERE conversation_id = ? AND state = 'scheduled' AND reveal_at <= ? "
                                            "RETURNING conversation_id"),
                             {now, conversationId, now});
    const bool claimed = q.next();
    q.finish();
    return claimed;
}

void BlindStore::addReport(const QString &id, const QString &conversationId, const QString &reporterId,
                           const QString &reportedId, const QString &reason, qint64 at)
{
    m_db.exec(QStringLiteral("INSERT INTO reports (id, conversation_id, reporter_id, reported_id, reason, created_at) "
                             "VALUES (?, ?, ?, ?, ?, ?)"),
              {id, conversationId, reporterId, reportedId, reason, at})
        .finish();
}

QList<ReportRow> BlindStore::reports(int limit)
{
    QSqlQuery &q = m_db.exec(
        QStringLiteral("SELECT r.id, r.created_at, r.conversation_id, c.title, c.kind, "
                       "r.reporter_id, ru.username, ru.display_name, r.reported_id, du.username, du.display_name, "
                       "m.alias, r.reason "
                       "FROM reports r JOIN conversations c ON c.id = r.conversation_id "
                       "JOIN users ru ON ru.id = r.reporter_id JOIN users du ON du.id = r.reported_id "
                       "LEFT JOIN members m ON m.conversation_id = r.conversation_id AND m.user_id = r.reported_id "
                       "ORDER BY r.created_at DESC, r.id LIMIT ?"),
        {limit});
    QList<ReportRow> rows;
    while (q.next()) {
        ReportRow row;
        row.id = q.value(0).toString();
        row.createdAt = q.value(1).toLongLong();
        row.conversationId = q.value(2).toString();
        row.conversationTitle = q.value(3).toString();
        row.conversationKind = q.value(4).toString();
        row.reporterId = q.value(5).toString();
        row.reporterUsername = q.value(6).toString();
        row.reporterName = q.value(7).toString();
        row.reportedId = q.value(8).toString();
        row.reportedUsername = q.value(9).toString();
        row.reportedName = q.value(10).toString();
        row.reportedAlias = q.value(11).toString();
        row.reason = q.value(12).toString();
        rows.append(row);
    }
    q.finish();
    return rows;
}

void BlindStore::logOperatorAccess(const QString &action, const QString &detail, qint64 at)
{
    m_db.exec(QStringLiteral("INSERT INTO operator_access (at, action, detail) VALUES (?, ?, ?)"), {at, action, detail})
        .finish();
}

} // namespace confab::server

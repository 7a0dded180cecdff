#pragma once

// Mutual reveal in blind rooms: who offered to show their identity to whom, and who agreed.
// BlindStore reads it, BlindService changes it, Presenter shows names only where it says so.

#include <QList>
#include <QSet>
#include <QString>

#include <algorithm>
#include <optional>

namespace confab::server {

//! An open offer: `fromUserId` would show their identity to `toUserId`, or to the room when empty.
struct RevealOfferRow {
    QString fromUserId;
    QString toUserId;
    qint64 at = 0;
};

//! A blind room's reveal state. Without a row in storage, reveals are allowed and nobody offered.
struct RevealState {
    bool allowed = true;
    bool membersInvite = false;       //!< members (not only owners and admins) add others
    std::optional<qint64> revealAt;   //!< the scheduled reveal, while it is still to come
    std::optional<qint64> revealedAt; //!< when the scheduled reveal happened
    QList<RevealOfferRow> offers;
    QSet<QString> pairs; //!< pairKey() of every two members who revealed to each other

    static QString pairKey(const QString &a, const QString &b)
    {
        return a < b ? a + u'\n' + b : b + u'\n' + a;
    }
    //! Whether `a` and `b` see each other's identity.
    bool mutual(const QString &a, const QString &b) const
    {
        return !a.isEmpty() && !b.isEmpty() && a != b && pairs.contains(pairKey(a, b));
    }
    //! Whether `from` has an open offer that reaches `to`: one to them, or one to the room.
    bool offerReaches(const QString &from, const QString &to) const
    {
        return std::any_of(offers.begin(), offers.end(), [&](const RevealOfferRow &o) {
            return o.fromUserId == from && (o.toUserId.isEmpty() || o.toUserId == to);
        });
    }
};

} // namespace confab::server

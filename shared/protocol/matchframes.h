#pragma once

// Matching: several blind rooms made at once from one pool of people (conversation.match). Apart
// from frames.h so that the feature reads as one block; the list in frames.h names the frames
// like every other frame.

#include "types.h"

namespace confab::protocol {

namespace field {
inline constexpr int kMatchRoomSizeMax = 50;
inline constexpr int kMatchSeriesMaxChars = 64;
} // namespace field

/*!
 * How many people each room of a matching gets: ⌊people / roomSize⌋ rooms, the people left over
 * spread one by one, so that sizes differ by at most one and no room has fewer than `roomSize`.
 * Empty when the pool cannot fill one room. The server splits by it, and the app's preview shows it.
 */
inline QList<int> matchRoomSizes(int people, int roomSize)
{
    QList<int> sizes;
    if (roomSize < 2 || people < roomSize)
        return sizes;
    const int rooms = people / roomSize;
    for (int i = 0; i < rooms; ++i)
        sizes.append(people / rooms + (i < people % rooms ? 1 : 0));
    return sizes;
}

/*!
 * Makes blind rooms of about `room_size` out of a pool of people, in one transaction: all rooms
 * or none. Either the caller splits the pool (`pool_a`, `pool_b`: every room gets an even share
 * of each) or the server does (`members`: each room is split into halves). Nobody shares a room
 * with someone they blocked or who blocked them; pairs who met in an earlier round of the same
 * `series` (by the same owner) meet again only when no arrangement avoids it. `title` is the rooms'
 * title, `{n}` standing for the room's number; the reveal policy and `description` apply to every
 * room. The sender owns every room (outside the groups, not counted in `room_size`) unless they
 * are in the pool themselves.
 */
struct MatchCreate {
    QString title;
    std::optional<QString> description;
    QList<QString> members; //!< user ids: the server splits them into A and B
    QList<QString> poolA;   //!< user ids in group A (with pool_b, instead of members)
    QList<QString> poolB;
    qint64 roomSize = 4;
    std::optional<QString> series;
    RevealPolicy reveal = RevealPolicy::Mutual;
    std::optional<qint64> revealAt;
    bool membersInvite = false;
    static void fields(auto &self, auto &v)
    {
        v("title", self.title, TextRule{.minChars = 1, .maxChars = field::kTitleMaxChars, .name = true});
        v("description", self.description, rule::Description);
        v("members", self.members, ListRule{.maxItems = field::kMaxMembersPerRequest, .required = false}, rule::Id);
        v("pool_a", self.poolA, ListRule{.maxItems = field::kMaxMembersPerRequest, .required = false}, rule::Id);
        v("pool_b", self.poolB, ListRule{.maxItems = field::kMaxMembersPerRequest, .required = false}, rule::Id);
        v("room_size", self.roomSize, IntRule{.min = 2, .max = field::kMatchRoomSizeMax});
        v("series", self.series, TextRule{.minChars = 1, .maxChars = field::kMatchSeriesMaxChars, .name = true});
        v("reveal", self.reveal);
        v("reveal_at", self.revealAt, rule::Positive);
        v("members_invite", self.membersInvite);
    }
    void check(JsonReader &r) const
    {
        const bool split = !poolA.isEmpty() || !poolB.isEmpty();
        if (split && !members.isEmpty())
            r.fail(QStringLiteral("members"), QStringLiteral("give either members or pool_a and pool_b, not both"));
        else if (!split && members.isEmpty())
            r.fail(QStringLiteral("members"), QStringLiteral("give the people to match: members, or pool_a and pool_b"));
        else if (split && (poolA.isEmpty() || poolB.isEmpty()))
            r.fail(poolA.isEmpty() ? QStringLiteral("pool_a") : QStringLiteral("pool_b"),
                   QStringLiteral("both pools need people"));
        else if (poolA.size() + poolB.size() > field::kMaxMembersPerRequest)
            r.fail(QStringLiteral("pool_b"), QStringLiteral("at most %1 people in one matching").arg(field::kMaxMembersPerRequest));
        if (reveal == RevealPolicy::Scheduled && !revealAt)
            r.fail(QStringLiteral("reveal_at"), QStringLiteral("is required when the reveal is scheduled"));
        if (reveal != RevealPolicy::Scheduled && revealAt)
            r.fail(QStringLiteral("reveal_at"), QStringLiteral("is only for a scheduled reveal"));
    }
    CONFAB_WIRE(MatchCreate)
};

//! The reply to conversation.match: the rooms as their owner sees them (aliases only), which
//! round of the series this was, and how many pairs meet again because no arrangement avoided it.
struct Matched {
    QList<ConversationInfo> rooms;
    QString series;
    qint64 round = 1;
    qint64 repeatedPairs = 0;
    static void fields(auto &self, auto &v)
    {
        v("rooms", self.rooms, ListRule{});
        v("series", self.series, TextRule{.minChars = 0, .maxChars = field::kMatchSeriesMaxChars, .name = true});
        v("round", self.round, rule::Positive);
        v("repeated_pairs", self.repeatedPairs, rule::Count);
    }
    CONFAB_WIRE(Matched)
};

} // namespace confab::protocol

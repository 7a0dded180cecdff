#pragma once

#include "protocol/types.h"

#include <algorithm>

namespace confab::client {

//! Whether `message` mentions the member `myMemberId` (my alias id in blind rooms) or @room, and is
//! not my own: what notifies at the level "mentions" and counts into the `@` badge.
inline bool mentionsMe(const protocol::MessageInfo &message, const QString &myMemberId)
{
    if (message.deleted || myMemberId.isEmpty() || message.senderId == myMemberId)
        return false;
    return std::any_of(message.mentions.cbegin(), message.mentions.cend(), [&](const protocol::Mention &m) {
        return m.room.value_or(false) || m.memberId == myMemberId;
    });
}

} // namespace confab::client

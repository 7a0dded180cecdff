#pragma once

#include "protocol/types.h"

namespace confab::client {

/*!
 * Where mentions sit in a text. The composer records what the user picked (whom, and the `@Name`
 * it inserted), not offsets: the user may type, cut and paste afterwards, so the ranges are found
 * in the final text when it is sent. An edit carries a message's mentions over the same way.
 */
namespace mentiontext {

struct Pick {
    std::optional<QString> memberId; //!< absent for @room
    QString label;                   //!< the inserted text, "@Mina Park" or "@room"
    bool operator==(const Pick &) const = default;
};

//! Every occurrence of a pick's label in `text` that stands as a word of its own (not inside a
//! longer name: "@Mina" is not found in "@Minato"), longer labels first, never overlapping; in
//! the order of the text. UTF-16 offsets, as the protocol counts them.
QList<protocol::Mention> locate(const QString &text, const QList<Pick> &picks);

//! The mentions of `oldBody` that are still in `newBody` (an edit), found by their text.
QList<protocol::Mention> carryOver(const QString &oldBody, const QList<protocol::Mention> &mentions,
                                   const QString &newBody);

} // namespace mentiontext
} // namespace confab::client

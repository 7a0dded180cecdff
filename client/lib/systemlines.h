#pragma once

#include "protocol/types.h"

#include <QCoreApplication>
#include <QStringList>

#include <functional>

namespace confab::client {

/*!
 * The timeline's own events as the quiet lines between messages: "Mina added Joon, Sora and
 * 2 others", "Joon left", "Mina renamed the group to “Design”", reveals in blind rooms. Which
 * events show, which follow each other as one line, and the line's words (translated). In blind
 * rooms every name is an alias: the caller's `nameOf` must never give a real name there.
 */
class SystemLines {
    Q_DECLARE_TR_FUNCTIONS(confab::client::SystemLines)
public:
    //! How a member id is called (the alias in blind rooms), or empty when not known.
    using NameOf = std::function<QString(const QString &memberId)>;

    //! The event has a line of its own in a timeline of this kind (none in direct conversations,
    //! none for what happens at a direct conversation's start, none for events about others' reveals).
    static bool shown(const protocol::Event &event, protocol::ConversationKind kind);
    //! `next` joins the line of `previous` (same change by the same member, the same day).
    static bool joins(const protocol::Event &previous, const protocol::Event &next);
    //! The line for a run of events that joined, in the UI's language.
    static QString text(const QList<protocol::Event> &run, protocol::ConversationKind kind, const NameOf &nameOf,
                        const QString &language);
    //! "Joon", "Joon and Sora", "Joon, Sora and Hana", "Joon, Sora and 2 others".
    static QString nameList(const QStringList &names);
};

} // namespace confab::client

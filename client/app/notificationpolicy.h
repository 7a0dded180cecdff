#pragma once

#include "protocol/types.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace confab::app {

//! A message someone else sent, as the notifier sees it: names already resolved (aliases in blind rooms).
struct IncomingMessage {
    QString conversationId;
    QString conversationTitle;
    QString kind;       //!< "direct", "group", "blind"
    QString senderName; //!< the alias in blind rooms: the server never tells the real name
    QString body;
    int attachmentCount = 0;
    bool fromMe = false;
    bool deleted = false;
    //! The conversation's notification level: "nothing" never notifies, "mentions" only mentionsMe.
    protocol::NotifyLevel level = protocol::NotifyLevel::All;
    bool mentionsMe = false; //!< the message mentions me (or @room)
    bool fromBlocked = false; //!< someone I block wrote it: collapsed in the timeline, never notified
};

//! What the user set and what the window shows right now.
struct NotificationContext {
    bool enabled = true;
    bool doNotDisturb = false;
    bool showPreview = true;
    bool windowActive = false;
    QString conversationInView; //!< "" when none is open
};

//! What a desktop notification says; `conversationId` is what clicking it opens.
struct NotificationText {
    QString conversationId;
    QString title;
    QString body;
    QString icon{}; //!< the sender's picture (a local file), "" for the app's icon; never in blind rooms
    friend bool operator==(const NotificationText &, const NotificationText &) = default;
};

/*!
 * Decides whether a new message notifies, and with what words. Pure: no display, no settings
 * store, no clock, so that every rule is unit-tested (tests/client/tst_notifications.cpp).
 */
class NotificationPolicy {
    Q_DECLARE_TR_FUNCTIONS(NotificationPolicy)
public:
    //! Longest preview, in characters; desktop notification servers cut long bodies anyway.
    static constexpr int kPreviewChars = 120;

    static std::optional<NotificationText> decide(const IncomingMessage &message, const NotificationContext &context);
    //! One line of the message: whitespace runs collapsed, cut at kPreviewChars with an ellipsis.
    static QString preview(const QString &body, int attachmentCount);
};

} // namespace confab::app

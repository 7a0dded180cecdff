#include "notificationpolicy.h"

namespace confab::app {

std::optional<NotificationText> NotificationPolicy::decide(const IncomingMessage &message,
                                                           const NotificationContext &context)
{
    // Do Not Disturb wins over every level, a mention included.
    if (!context.enabled || context.doNotDisturb || message.fromMe || message.deleted || message.fromBlocked)
        return std::nullopt;
    if (message.level == protocol::NotifyLevel::Nothing ||
        (message.level == protocol::NotifyLevel::Mentions && !message.mentionsMe))
        return std::nullopt;
    // Someone looking at this very conversation sees the message arrive: no need to tell them twice.
    if (context.windowActive && context.conversationInView == message.conversationId)
        return std::nullopt;

    const QString sender = message.senderName.isEmpty() ? tr("Someone") : message.senderName;
    NotificationText text;
    text.conversationId = message.conversationId;
    const bool direct = message.kind == QLatin1StringView("direct");
    // A direct conversation is the sender; a group or blind room names itself, then who spoke.
    text.title = direct || message.conversationTitle.isEmpty() ? sender : message.conversationTitle;
    if (context.showPreview) {
        const QString line = preview(message.body, message.attachmentCount);
        text.body = direct ? line : tr("%1: %2").arg(sender, line);
    } else {
        text.body = direct ? tr("New message") : tr("New message from %1").arg(sender);
    }
    return text;
}

QString NotificationPolicy::preview(const QString &body, int attachmentCount)
{
    QString line = body.simplified();
    if (line.isEmpty())
        return attachmentCount > 0 ? tr("Sent %n file(s)", nullptr, attachmentCount) : tr("New message");
    if (line.size() > kPreviewChars) {
        int cut = kPreviewChars - 1;
        // Never split a surrogate pair (emoji and rare Hangul-adjacent symbols).
        if (line.at(cut - 1).isHighSurrogate())
            --cut;
        line = line.left(cut).trimmed() + QChar(0x2026);
    }
    return line;
}

} // namespace confab::app

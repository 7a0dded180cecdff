import QtQuick
import QtQuick.Controls.Basic
import Confab.Client

// One message of the timeline, with the day separator and "New messages" line that may go above.
// Bound to MessageListModel's roles; own messages sit on the right in a tinted bubble. The parts
// are components of their own: SenderLine, MessageBubble (QuoteBlock, MessageAttachments,
// MessageMeta), ReactionRow, SendFailure, ReceiptsLine.
Item {
    id: root

    required property int index
    required property string messageId
    required property string clientId
    required property var seq
    required property string senderId
    required property string senderName
    required property string body
    required property string timeText
    required property bool edited
    required property bool deleted
    required property bool own
    required property int status
    required property int readCount
    required property bool firstInGroup
    required property bool lastInGroup
    required property bool dayStart
    required property string dayText
    required property string errorText
    //! The sender's picture (a local file); empty: initials. Never shown in blind rooms.
    property url avatarSource
    required property string avatarColor
    required property string initials
    //! MessageListModel's attachments role: [{id, name, sizeText, mime, image, width, height, preview,
    //! thumbnailUrl, fileUrl, progress, state, error}].
    required property var attachments
    //! MessageListModel's reactions role: [{emoji, count, mine}].
    required property var reactions
    //! MessageListModel's replyTo role: {id, sender, excerpt, deleted, loaded}, or empty.
    required property var replyTo
    //! MessageListModel's streamState role: "streaming", "complete", "interrupted" or "".
    required property string streamState
    //! MessageListModel's replyCount role: a thread root's replies (0 for other messages).
    required property int replyCount
    //! MessageListModel's mentions: where the body names someone, {start, length, me}.
    required property var mentions
    //! Someone else's message that mentions me or @room.
    required property bool mentionsMe
    //! MessageListModel's system role: a line of the conversation's own events, not a message.
    required property bool system
    //! That line's words ("Mina added Joon and Sora").
    required property string systemText
    //! The sender is a bot: a badge beside the name.
    required property bool senderBot
    //! Forwarded from another conversation: "Forwarded" above the bubble (never from where).
    required property bool forwarded
    //! Someone I block wrote it; `collapsed` while it is folded away ("Message from a blocked user").
    required property bool senderBlocked
    required property bool collapsed

    //! Being edited in place: the bubble holds an editor (Enter saves, Esc cancels).
    property bool editing: false
    //! () => void that gives the keyboard back to the composer when an edit in place ends.
    property var keyboardHome: null
    //! The editor had the keyboard when the edit ended (Enter, Esc): it goes home then.
    property alias editorHadKeyboard: bubble.editorHadKeyboard
    //! Jumped to: flashes once.
    property bool highlighted: false

    //! The "New messages" line goes above this message.
    property bool firstUnread: false
    //! Blind rooms: the scheduled reveal happened just before this message (ms; 0: no line here).
    property double revealLineAt: 0
    //! More than two members: show "Read by N" under own messages.
    property bool groupChat: false
    //! Blind room: senders are aliases (square avatars, A/B chip), and my own line names my alias.
    property bool blind: false
    property string senderGroup
    property string myAlias

    signal retryRequested(string clientId)
    signal discardRequested(string clientId)
    //! "Read by N" was clicked: show who read up to `seq` next to `anchor`.
    signal readersRequested(var seq, Item anchor)
    signal openAttachmentRequested(var attachment)
    signal saveAttachmentRequested(string attachmentId)
    //! Right click, long press or the ⋯ button: the message's menu at (x, y) of `anchor`.
    signal menuRequested(Item anchor, real x, real y)
    signal reactionToggled(string emoji)
    //! The quoted message was clicked.
    signal quoteClicked(string messageId)
    signal editSaved(string text)
    //! "N replies" under a thread's root was clicked.
    signal threadRequested(string messageId)
    signal editCancelled()
    //! The sender's name or avatar was clicked: their profile card.
    signal profileRequested(string senderId)
    //! "Show" on a collapsed message from someone I block.
    signal showBlockedRequested(string messageId)

    // The status marks of own messages (UI.md), by MessageListModel.Status.
    readonly property string statusMark: !root.own ? ""
        : root.status === MessageListModel.Sending ? "◷"
        : root.status === MessageListModel.Sent ? "✓"
        : root.status === MessageListModel.Delivered || root.status === MessageListModel.Read ? "✓✓"
        : root.status === MessageListModel.Failed ? "⚠" : ""
    readonly property color statusColor: root.status === MessageListModel.Read ? Theme.accent
        : root.status === MessageListModel.Failed ? Theme.danger : Theme.textMuted
    readonly property string statusName: {
        switch (root.status) {
        case MessageListModel.Sending: return qsTr("Sending")
        case MessageListModel.Sent: return qsTr("Sent")
        case MessageListModel.Delivered: return qsTr("Delivered")
        case MessageListModel.Read: return qsTr("Read")
        case MessageListModel.Failed: return qsTr("Not sent")
        default: return ""
        }
    }
    readonly property bool failed: root.own && root.status === MessageListModel.Failed
    //! A streamed message still growing (its sender is writing it), or one the server had to end.
    readonly property bool streaming: root.streamState === "streaming" && !root.deleted
    readonly property bool interrupted: root.streamState === "interrupted" && !root.deleted
    readonly property bool hasThread: root.replyCount > 0 && !root.deleted && root.messageId.length > 0
    //! The "New messages" line starts a group too: the first unread message always says who wrote it.
    readonly property bool startsGroup: root.firstInGroup || root.firstUnread || root.revealLineAt > 0
    //! A collapsed message says only that: no avatar, name or content until "Show".
    readonly property bool showAvatar: !root.own && root.startsGroup && !root.collapsed
    //! Own messages name me only in blind rooms, where it matters which alias the others see.
    readonly property bool showHeader: root.startsGroup && (!root.own || (root.blind && root.myAlias.length > 0))
                                       && !root.collapsed
    readonly property int sidePadding: Theme.spacingL + 4
    readonly property int avatarColumn: Theme.avatarSmall + Theme.spacingS
    readonly property int maxBubble: Math.min(Theme.bubbleMaxWidth, (root.width - 2 * root.sidePadding
                                              - root.avatarColumn) * 0.8)
    readonly property bool hovered: hover.hovered
    readonly property bool hasFiles: root.attachments !== undefined && root.attachments !== null
                                     && root.attachments.length > 0
    //! A message of files only shows no empty text line.
    readonly property bool showBody: root.deleted || root.body.length > 0 || !root.hasFiles
    readonly property bool hasQuote: root.replyTo !== undefined && root.replyTo !== null
                                     && (root.replyTo.id ?? "").length > 0 && !root.deleted
    readonly property bool hasReactions: root.reactions !== undefined && root.reactions !== null
                                         && root.reactions.length > 0 && !root.deleted
    //! Stored messages have a menu; unsent ones have Retry/Delete instead.
    readonly property bool actionable: root.messageId.length > 0 && !root.deleted && !root.collapsed

    implicitHeight: column.implicitHeight
    height: implicitHeight
    Accessible.role: Accessible.ListItem
    Accessible.name: root.system ? root.systemText
                   : root.collapsed ? qsTr("Message from a blocked user")
                   : (root.own ? qsTr("You") : root.senderName) + ", " + root.timeText + ": "
                     + (root.forwarded ? qsTr("Forwarded") + ": " : "") + root.body
                     + (root.streaming ? " (" + qsTr("still writing") + ")"
                        : root.interrupted ? " (" + qsTr("interrupted") + ")" : "")

    HoverHandler { id: hover }

    onEditingChanged: {
        if (root.editing) {
            bubble.startEditing(root.body)
        } else if (root.editorHadKeyboard) {
            root.editorHadKeyboard = false
            if (root.keyboardHome)
                root.keyboardHome()
        }
    }

    Column {
        id: column
        width: parent.width
        topPadding: root.system ? Theme.spacingXs
                    : root.firstInGroup && !root.dayStart && !root.firstUnread ? Theme.spacingM : 2
        bottomPadding: 2

        DaySeparator {
            objectName: "daySeparator"
            visible: root.dayStart
            width: parent.width
            text: root.dayText
            sidePadding: root.sidePadding
        }
        RevealLine {
            objectName: "revealLine"
            visible: root.revealLineAt > 0
            width: parent.width
            revealedAt: root.revealLineAt
            sidePadding: root.sidePadding
        }
        NewMessagesLine {
            objectName: "newMessagesLine"
            visible: root.firstUnread
            width: parent.width
            sidePadding: root.sidePadding
        }

        SystemLine {
            objectName: "systemLine"
            visible: root.system
            width: parent.width
            text: root.systemText
            sidePadding: root.sidePadding
        }

        // ---- the message --------------------------------------------------------------------
        Item {
            id: row
            visible: !root.system
            width: parent.width
            height: root.system ? 0 : content.implicitHeight

            Avatar {
                objectName: "senderAvatar"
                visible: root.showAvatar
                x: root.sidePadding
                y: 2
                size: Theme.avatarSmall
                color: root.avatarColor
                initials: root.initials
                alias: root.blind
                HoverHandler { cursorShape: Qt.PointingHandCursor }
                TapHandler { onTapped: root.profileRequested(root.senderId) }
                source: root.blind ? "" : root.avatarSource
            }

            // Right click anywhere on the message, or a long press on touch screens, opens its menu.
            TapHandler {
                enabled: root.actionable && !root.editing
                acceptedButtons: Qt.RightButton
                onTapped: eventPoint => root.menuRequested(row, eventPoint.position.x, eventPoint.position.y)
            }
            TapHandler {
                enabled: root.actionable && !root.editing
                acceptedDevices: PointerDevice.TouchScreen
                onLongPressed: root.menuRequested(row, point.position.x, point.position.y)
            }
            IconButton {
                id: moreButton
                objectName: "moreButton"
                visible: root.actionable && !root.editing && (root.hovered || moreButton.activeFocus)
                glyph: "⋯"
                tip: qsTr("Message actions")
                implicitWidth: 28
                implicitHeight: 28
                y: content.y + (header.visible ? header.height + content.spacing : 0)
                x: root.own ? content.x - width - Theme.spacingXs : content.x + content.width + Theme.spacingXs
                onClicked: root.menuRequested(moreButton, 0, moreButton.height)
            }

            Column {
                id: content
                objectName: "messageContent"
                readonly property bool alignedRight: root.own
                x: root.own ? row.width - root.sidePadding - width : root.sidePadding + root.avatarColumn
                width: Math.max(bubble.visible ? bubble.width : 0, header.visible ? header.width : 0,
                                blockedRow.visible ? blockedRow.implicitWidth : 0,
                                reactionRow.visible ? reactionRow.width : 0,
                                failure.visible ? failure.implicitWidth : 0,
                                readBy.visible ? readBy.implicitWidth : 0,
                                threadLink.visible ? threadLink.implicitWidth : 0)
                spacing: 3

                SenderLine {
                    id: header
                    objectName: "senderLine"
                    visible: root.showHeader
                    x: root.own ? content.width - width : 0
                    spacing: Theme.spacingS
                    own: root.own
                    senderName: root.senderName
                    myAlias: root.myAlias
                    blind: root.blind
                    senderGroup: root.senderGroup
                    timeText: root.timeText
                    bot: root.senderBot
                    onNameClicked: root.profileRequested(root.senderId)
                }

                BlockedMessageRow {
                    id: blockedRow
                    objectName: "blockedRow"
                    visible: root.collapsed
                    onShowRequested: root.showBlockedRequested(root.messageId)
                }

                // A forwarded copy says so, and nothing more: not the conversation, not the original sender.
                Text {
                    objectName: "forwardedLabel"
                    visible: root.forwarded && !root.deleted && !root.collapsed
                    x: root.own ? content.width - width : 0
                    text: "↪ " + qsTr("Forwarded")
                    color: Theme.textMuted
                    font.pixelSize: Theme.fontSmall
                    font.italic: true
                }

                MessageBubble {
                    id: bubble
                    visible: !root.collapsed
                    x: root.own ? content.width - width : 0
                    own: root.own
                    body: root.body
                    mentions: root.mentions
                    mentionsMe: root.mentionsMe
                    deleted: root.deleted
                    edited: root.edited
                    sending: root.status === MessageListModel.Sending
                    editing: root.editing
                    highlighted: root.highlighted
                    hovered: root.hovered
                    lastInGroup: root.lastInGroup
                    streaming: root.streaming
                    interrupted: root.interrupted
                    showBody: root.showBody
                    hasFiles: root.hasFiles
                    hasQuote: root.hasQuote
                    replyTo: root.replyTo
                    attachments: root.attachments
                    maxBubble: root.maxBubble
                    timeText: root.timeText
                    statusMark: root.statusMark
                    statusColor: root.statusColor
                    statusName: root.statusName
                    onQuoteClicked: messageId => root.quoteClicked(messageId)
                    onOpenAttachmentRequested: attachment => root.openAttachmentRequested(attachment)
                    onSaveAttachmentRequested: attachmentId => root.saveAttachmentRequested(attachmentId)
                    onEditSaved: text => root.editSaved(text)
                    onEditCancelled: root.editCancelled()
                }

                ReactionRow {
                    id: reactionRow
                    objectName: "reactionRow"
                    visible: root.hasReactions && !root.collapsed
                    x: root.own ? content.width - width : 0
                    spacing: Theme.spacingXs
                    reactions: root.hasReactions ? root.reactions : []
                    onToggled: emoji => root.reactionToggled(emoji)
                }

                // A thread's root: how many replies; a click opens the thread beside the timeline.
                Text {
                    id: threadLink
                    objectName: "threadLink"
                    visible: root.hasThread && !root.collapsed
                    x: root.own ? content.width - width : 0
                    text: qsTr("%n replies", "", root.replyCount)
                    color: Theme.accent
                    font.pixelSize: Theme.fontSmall
                    font.weight: Font.DemiBold
                    font.underline: threadHover.hovered
                    Accessible.role: Accessible.Button
                    Accessible.name: qsTr("%1: open the thread").arg(text)
                    Accessible.onPressAction: root.threadRequested(root.messageId)
                    HoverHandler { id: threadHover; cursorShape: Qt.PointingHandCursor }
                    TapHandler { onTapped: root.threadRequested(root.messageId) }
                }

                SendFailure {
                    id: failure
                    objectName: "failureRow"
                    visible: root.failed
                    x: content.width - width
                    spacing: Theme.spacingS
                    errorText: root.errorText
                    onRetryRequested: root.retryRequested(root.clientId)
                    onDiscardRequested: root.discardRequested(root.clientId)
                }

                // A message waiting for its files to upload can be called off: its uploads stop and
                // it never leaves (the rest of the outbox goes on).
                Button {
                    id: cancelUpload
                    objectName: "cancelUploadButton"
                    visible: root.own && root.status === MessageListModel.Sending && root.hasFiles
                    x: content.width - width
                    text: qsTr("Cancel")
                    flat: true
                    padding: 2
                    font.pixelSize: Theme.fontSmall
                    Accessible.name: qsTr("Cancel sending and uploading")
                    contentItem: Text { text: cancelUpload.text; color: Theme.danger; font: cancelUpload.font }
                    background: Item {}
                    onClicked: root.discardRequested(root.clientId)
                }

                ReceiptsLine {
                    id: readBy
                    objectName: "readBy"
                    visible: root.own && root.groupChat && root.lastInGroup && root.readCount > 0 && !root.failed
                    x: content.width - width
                    readCount: root.readCount
                    readByEveryone: root.status === MessageListModel.Read
                    onReadersRequested: root.readersRequested(root.seq, readBy)
                }
            }
        }
    }
}

import QtQuick
import QtQuick.Controls.Basic
import Confab.Client

// One message of the timeline, with the day separator and "New messages" line that may go above.
// Bound to MessageListModel's roles; own messages sit on the right in a tinted bubble.
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

    //! Being edited in place: the bubble holds an editor (Enter saves, Esc cancels).
    property bool editing: false
    //! () => void that gives the keyboard back to the composer when an edit in place ends.
    property var keyboardHome: null
    //! The editor had the keyboard when the edit ended (Enter, Esc): it goes home then.
    property bool editorHadKeyboard: false
    //! Jumped to: flashes once.
    property bool highlighted: false

    //! The "New messages" line goes above this message.
    property bool firstUnread: false
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
    readonly property bool startsGroup: root.firstInGroup || root.firstUnread
    readonly property bool showAvatar: !root.own && root.startsGroup
    //! Own messages name me only in blind rooms, where it matters which alias the others see.
    readonly property bool showHeader: root.startsGroup && (!root.own || (root.blind && root.myAlias.length > 0))
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
    readonly property bool actionable: root.messageId.length > 0 && !root.deleted

    implicitHeight: column.implicitHeight
    height: implicitHeight
    Accessible.role: Accessible.ListItem
    Accessible.name: (root.own ? qsTr("You") : root.senderName) + ", " + root.timeText + ": " + root.body
                     + (root.streaming ? " (" + qsTr("still writing") + ")"
                        : root.interrupted ? " (" + qsTr("interrupted") + ")" : "")

    HoverHandler { id: hover }

    onEditingChanged: {
        if (root.editing) {
            editor.text = root.body
            editor.cursorPosition = editor.length
            editor.forceActiveFocus()
        } else if (root.editorHadKeyboard) {
            root.editorHadKeyboard = false
            if (root.keyboardHome)
                root.keyboardHome()
        }
    }

    // Plain text to rich text: HTML escaped, links made clickable, line breaks kept (linkify.h).
    function linkify(text) {
        return Linkify.html(text, Theme.link)
    }

    Column {
        id: column
        width: parent.width
        topPadding: root.firstInGroup && !root.dayStart && !root.firstUnread ? Theme.spacingM : 2
        bottomPadding: 2

        // ---- day separator ------------------------------------------------------------------
        Item {
            objectName: "daySeparator"
            visible: root.dayStart
            width: parent.width
            height: visible ? 44 : 0
            Rectangle {
                anchors { left: parent.left; right: parent.right; verticalCenter: parent.verticalCenter
                          leftMargin: root.sidePadding; rightMargin: root.sidePadding }
                height: 1
                color: Theme.divider
            }
            Rectangle {
                anchors.centerIn: parent
                width: dayLabel.implicitWidth + 2 * Theme.spacingM
                height: dayLabel.implicitHeight + Theme.spacingXs * 2
                radius: height / 2
                color: Theme.window
                border.color: Theme.divider
                Text {
                    id: dayLabel
                    anchors.centerIn: parent
                    text: root.dayText
                    color: Theme.textMuted
                    font.pixelSize: Theme.fontSmall
                    font.weight: Font.DemiBold
                }
            }
        }

        // ---- "New messages" line ------------------------------------------------------------
        Item {
            objectName: "newMessagesLine"
            visible: root.firstUnread
            width: parent.width
            height: visible ? 32 : 0
            Rectangle {
                anchors { left: parent.left; right: parent.right; verticalCenter: parent.verticalCenter
                          leftMargin: root.sidePadding; rightMargin: root.sidePadding }
                height: 1
                color: Theme.danger
                opacity: 0.6
            }
            Rectangle {
                anchors.centerIn: parent
                width: newLabel.implicitWidth + 2 * Theme.spacingS
                height: newLabel.implicitHeight + 2
                color: Theme.window
                Text {
                    id: newLabel
                    anchors.centerIn: parent
                    text: qsTr("New messages")
                    color: Theme.danger
                    font.pixelSize: Theme.fontSmall
                    font.weight: Font.DemiBold
                }
            }
        }

        // ---- the message --------------------------------------------------------------------
        Item {
            id: row
            width: parent.width
            height: content.implicitHeight

            Avatar {
                objectName: "senderAvatar"
                visible: root.showAvatar
                x: root.sidePadding
                y: 2
                size: Theme.avatarSmall
                color: root.avatarColor
                initials: root.initials
                alias: root.blind
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
                width: Math.max(bubble.width, header.visible ? header.width : 0,
                                reactionRow.visible ? reactionRow.width : 0,
                                failure.visible ? failure.implicitWidth : 0,
                                readBy.visible ? readBy.implicitWidth : 0,
                                threadLink.visible ? threadLink.implicitWidth : 0)
                spacing: 3

                Row {
                    id: header
                    objectName: "senderLine"
                    visible: root.showHeader
                    x: root.own ? content.width - width : 0
                    spacing: Theme.spacingS
                    Text {
                        id: senderText
                        objectName: "senderText"
                        text: root.own ? qsTr("You (%1)").arg(root.myAlias) : root.senderName
                        color: Theme.text
                        font.pixelSize: Theme.fontBody - 1
                        font.weight: Font.DemiBold
                        textFormat: Text.PlainText
                    }
                    GroupChip {
                        objectName: "senderGroupChip"
                        anchors.verticalCenter: senderText.verticalCenter
                        group: root.blind ? root.senderGroup : ""
                    }
                    Text {
                        anchors.baseline: senderText.baseline
                        visible: !root.own
                        text: root.timeText
                        color: Theme.textMuted
                        font.pixelSize: Theme.fontSmall - 1
                    }
                }

                Rectangle {
                    id: bubble
                    objectName: "bubble"
                    x: root.own ? content.width - width : 0
                    width: root.editing ? root.maxBubble
                           : Math.max(root.showBody ? bodyText.width + 2 * Theme.spacingM : 0,
                                    meta.implicitWidth + 2 * Theme.spacingM,
                                    files.visible ? files.width + 2 * Theme.spacingS : 0,
                                    quote.visible ? Math.min(quote.implicitWidth, root.maxBubble - 2 * Theme.spacingS)
                                                    + 2 * Theme.spacingS : 0)
                    height: (quote.visible ? quote.height + Theme.spacingS : 0)
                            + (files.visible ? files.height + Theme.spacingS : 0)
                            + (root.editing ? editor.height + editHint.height + Theme.spacingXs
                                            : root.showBody ? bodyText.height : 0)
                            + (meta.visible ? meta.implicitHeight : 0) + 2 * Theme.spacingS
                    radius: Theme.radiusBubble
                    color: root.own ? Theme.bubbleOwn : Theme.bubbleOther
                    opacity: root.status === MessageListModel.Sending ? 0.85 : 1
                    border.width: root.highlighted ? 2 : 0
                    border.color: Theme.accent

                    // The message this one answers: its sender and first line; a click jumps there.
                    Rectangle {
                        id: quote
                        objectName: "quote"
                        visible: root.hasQuote
                        x: Theme.spacingS
                        y: Theme.spacingS
                        width: Math.min(implicitWidth, root.maxBubble - 2 * Theme.spacingS,
                                        Math.max(implicitWidth, bubble.width - 2 * Theme.spacingS))
                        implicitWidth: Math.max(quoteSender.implicitWidth, quoteText.implicitWidth) + Theme.spacingM + 4
                        height: quoteColumn.implicitHeight + Theme.spacingXs * 2
                        radius: Theme.radiusControl - 2
                        color: root.own ? Qt.darker(Theme.bubbleOwn, Theme.dark ? 0.8 : 1.06)
                                        : Qt.darker(Theme.bubbleOther, Theme.dark ? 0.8 : 1.05)
                        Accessible.role: Accessible.Button
                        Accessible.name: qsTr("Reply to %1: %2").arg(quoteSender.text).arg(quoteText.text)
                        Accessible.onPressAction: root.quoteClicked(root.replyTo.id)
                        Rectangle {
                            width: 3
                            height: parent.height
                            radius: 1.5
                            color: Theme.accent
                        }
                        Column {
                            id: quoteColumn
                            x: Theme.spacingS + 3
                            y: Theme.spacingXs
                            width: parent.width - Theme.spacingS - 6
                            Text {
                                id: quoteSender
                                objectName: "quoteSender"
                                width: parent.width
                                text: root.hasQuote ? (root.replyTo.sender || qsTr("Earlier message")) : ""
                                color: Theme.accent
                                font.pixelSize: Theme.fontSmall
                                font.weight: Font.DemiBold
                                elide: Text.ElideRight
                                textFormat: Text.PlainText
                            }
                            Text {
                                id: quoteText
                                objectName: "quoteText"
                                width: parent.width
                                text: !root.hasQuote ? ""
                                      : root.replyTo.deleted ? qsTr("This message was deleted")
                                      : root.replyTo.excerpt.length > 0 ? root.replyTo.excerpt
                                      : qsTr("Not loaded")
                                color: Theme.textMuted
                                font.pixelSize: Theme.fontSmall
                                font.italic: root.hasQuote && root.replyTo.deleted
                                elide: Text.ElideRight
                                maximumLineCount: 1
                                textFormat: Text.PlainText
                            }
                        }
                        HoverHandler { cursorShape: Qt.PointingHandCursor }
                        TapHandler { onTapped: root.quoteClicked(root.replyTo.id) }
                    }

                    Text {
                        id: measure
                        visible: false
                        text: bodyText.text
                        textFormat: Text.RichText
                        font: bodyText.font
                    }
                    // Images inline (thumbnails at most 320 px), other files as cards.
                    Column {
                        id: files
                        objectName: "attachmentList"
                        visible: root.hasFiles && !root.deleted
                        x: Theme.spacingS
                        y: quote.visible ? quote.y + quote.height + Theme.spacingS : Theme.spacingS
                        spacing: Theme.spacingXs
                        Repeater {
                            model: files.visible ? root.attachments : []
                            delegate: Loader {
                                id: fileLoader
                                required property var modelData
                                sourceComponent: fileLoader.modelData.image ? imageComponent : cardComponent
                            }
                        }
                    }
                    Component {
                        id: imageComponent
                        ImageAttachment {
                            objectName: "imageAttachment"
                            attachment: parent ? parent.modelData : ({})
                            maxSize: Math.min(320, root.maxBubble - 2 * Theme.spacingS)
                            onOpenRequested: root.openAttachmentRequested(attachment)
                        }
                    }
                    Component {
                        id: cardComponent
                        FileCard {
                            objectName: "fileCard"
                            attachment: parent ? parent.modelData : ({})
                            width: Math.min(implicitWidth, root.maxBubble - 2 * Theme.spacingS)
                            color: root.own ? Qt.lighter(Theme.bubbleOwn, Theme.dark ? 1.15 : 1.03) : Theme.window
                            onSaveRequested: root.saveAttachmentRequested(attachment.id)
                        }
                    }

                    TextEdit {
                        id: bodyText
                        objectName: "bodyText"
                        visible: root.showBody && !root.editing
                        x: Theme.spacingM
                        y: files.visible ? files.y + files.height + Theme.spacingS
                           : quote.visible ? quote.y + quote.height + Theme.spacingS : Theme.spacingS
                        width: Math.min(Math.ceil(measure.implicitWidth) + 1, root.maxBubble - 2 * Theme.spacingM)
                        // While a message streams, a caret at its end shows where the text grows.
                        text: root.deleted ? "<i>" + qsTr("This message was deleted") + "</i>"
                                           : root.linkify(root.body)
                                             + (root.streaming ? "<span style=\"color:" + Theme.accent + "\">▍</span>" : "")
                        textFormat: TextEdit.RichText
                        wrapMode: TextEdit.Wrap
                        readOnly: true
                        selectByMouse: true
                        persistentSelection: false
                        color: root.deleted ? Theme.textMuted : Theme.text
                        selectionColor: Theme.accent
                        selectedTextColor: Theme.textOnAccent
                        font.pixelSize: Theme.fontBody
                        activeFocusOnPress: false
                        onLinkActivated: link => Qt.openUrlExternally(link)
                        Accessible.name: root.body

                        HoverHandler {
                            enabled: bodyText.hoveredLink.length > 0
                            cursorShape: Qt.PointingHandCursor
                        }
                    }

                    // Edit in place: Enter saves, Shift+Enter a new line, Esc cancels.
                    TextArea {
                        id: editor
                        objectName: "editor"
                        visible: root.editing
                        x: Theme.spacingS
                        y: bodyText.y - Theme.spacingXs
                        width: bubble.width - 2 * Theme.spacingS
                        wrapMode: TextEdit.Wrap
                        color: Theme.text
                        selectionColor: Theme.accent
                        selectedTextColor: Theme.textOnAccent
                        font.pixelSize: Theme.fontBody
                        padding: Theme.spacingXs
                        Accessible.name: qsTr("Edit message")
                        // Hidden at the end of the edit, it loses the keyboard: remember it had it.
                        onActiveFocusChanged: {
                            if (editor.activeFocus)
                                root.editorHadKeyboard = true
                            else if (editor.visible)
                                root.editorHadKeyboard = false
                        }
                        background: Rectangle {
                            radius: Theme.radiusControl - 2
                            color: Theme.field
                            border.width: 1
                            border.color: editor.activeFocus ? Theme.accent : Theme.fieldBorder
                        }
                        Keys.onPressed: event => {
                            if ((event.key === Qt.Key_Return || event.key === Qt.Key_Enter)
                                    && !(event.modifiers & Qt.ShiftModifier) && editor.preeditText.length === 0) {
                                root.editSaved(editor.text)
                                event.accepted = true
                            } else if (event.key === Qt.Key_Escape) {
                                root.editCancelled()
                                event.accepted = true
                            }
                        }
                    }
                    Text {
                        id: editHint
                        objectName: "editHint"
                        visible: root.editing
                        x: Theme.spacingM
                        y: editor.y + editor.height + Theme.spacingXs
                        text: qsTr("Enter to save · Esc to cancel")
                        color: Theme.textMuted
                        font.pixelSize: Theme.fontSmall - 1
                    }

                    Row {
                        id: meta
                        visible: root.lastInGroup || root.hovered || root.own || root.edited || root.streaming
                                 || root.interrupted
                        anchors { right: parent.right; bottom: parent.bottom
                                  rightMargin: Theme.spacingM - 2; bottomMargin: Theme.spacingXs + 1 }
                        spacing: Theme.spacingXs
                        Text {
                            id: streamLabel
                            objectName: "streamLabel"
                            visible: root.streaming || root.interrupted
                            text: root.streaming ? qsTr("writing…") : qsTr("⚠ interrupted")
                            color: root.streaming ? Theme.accent : Theme.warning
                            font.pixelSize: Theme.fontSmall - 1
                            font.italic: root.streaming
                            Accessible.name: root.streaming ? qsTr("Still writing") : qsTr("The message was interrupted")
                            SequentialAnimation on opacity {
                                running: root.streaming
                                loops: Animation.Infinite
                                onStopped: streamLabel.opacity = 1
                                NumberAnimation { to: 0.35; duration: 600; easing.type: Easing.InOutQuad }
                                NumberAnimation { to: 1; duration: 600; easing.type: Easing.InOutQuad }
                            }
                        }
                        Text {
                            visible: root.edited
                            text: qsTr("edited")
                            color: Theme.textMuted
                            font.pixelSize: Theme.fontSmall - 1
                        }
                        Text {
                            visible: root.lastInGroup || root.hovered || root.own
                            text: root.timeText
                            color: Theme.textMuted
                            font.pixelSize: Theme.fontSmall - 1
                        }
                        Text {
                            objectName: "statusMark"
                            visible: root.own
                            text: root.statusMark
                            color: root.statusColor
                            font.pixelSize: Theme.fontSmall
                            font.weight: Font.DemiBold
                            Accessible.name: root.statusName
                        }
                    }
                }

                // Reaction chips (one row: a message gathers a handful): emoji and count; mine are
                // tinted; a click toggles mine.
                Row {
                    id: reactionRow
                    objectName: "reactionRow"
                    visible: root.hasReactions
                    x: root.own ? content.width - width : 0
                    spacing: Theme.spacingXs
                    Repeater {
                        model: root.hasReactions ? root.reactions : []
                        delegate: AbstractButton {
                            id: chip
                            required property var modelData
                            objectName: "reactionChip"
                            implicitWidth: chipText.implicitWidth + 2 * Theme.spacingS
                            implicitHeight: chipText.implicitHeight + Theme.spacingXs + 2
                            checkable: false
                            Accessible.role: Accessible.Button
                            Accessible.name: chip.modelData.mine
                                ? qsTr("%1 %2, including you: remove mine").arg(chip.modelData.emoji).arg(chip.modelData.count)
                                : qsTr("%1 %2: react with it too").arg(chip.modelData.emoji).arg(chip.modelData.count)
                            contentItem: Text {
                                id: chipText
                                text: chip.modelData.emoji + " " + chip.modelData.count
                                color: chip.modelData.mine ? Theme.accent : Theme.text
                                font.pixelSize: Theme.fontSmall
                                font.weight: chip.modelData.mine ? Font.DemiBold : Font.Normal
                                horizontalAlignment: Text.AlignHCenter
                                verticalAlignment: Text.AlignVCenter
                            }
                            background: Rectangle {
                                radius: height / 2
                                color: chip.modelData.mine ? Theme.selected : (chip.hovered ? Theme.hover : Theme.window)
                                border.width: chip.visualFocus ? 2 : 1
                                border.color: chip.modelData.mine || chip.visualFocus ? Theme.accent : Theme.divider
                            }
                            onClicked: root.reactionToggled(chip.modelData.emoji)
                        }
                    }
                }

                // A thread's root: how many replies; a click opens the thread beside the timeline.
                Text {
                    id: threadLink
                    objectName: "threadLink"
                    visible: root.hasThread
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

                Row {
                    id: failure
                    objectName: "failureRow"
                    visible: root.failed
                    x: content.width - width
                    spacing: Theme.spacingS
                    Text {
                        anchors.verticalCenter: parent.verticalCenter
                        text: root.errorText.length > 0 ? qsTr("Not sent: %1").arg(root.errorText) : qsTr("Not sent")
                        color: Theme.danger
                        font.pixelSize: Theme.fontSmall
                    }
                    Button {
                        id: retryButton
                        objectName: "retryButton"
                        text: qsTr("Retry")
                        flat: true
                        padding: 2
                        font.pixelSize: Theme.fontSmall
                        Accessible.name: qsTr("Retry sending")
                        contentItem: Text { text: retryButton.text; color: Theme.accent; font: retryButton.font }
                        background: Item {}
                        onClicked: root.retryRequested(root.clientId)
                    }
                    Button {
                        id: discardButton
                        objectName: "discardButton"
                        text: qsTr("Delete")
                        flat: true
                        padding: 2
                        font.pixelSize: Theme.fontSmall
                        Accessible.name: qsTr("Delete unsent message")
                        contentItem: Text { text: discardButton.text; color: Theme.danger; font: discardButton.font }
                        background: Item {}
                        onClicked: root.discardRequested(root.clientId)
                    }
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

                Text {
                    id: readBy
                    objectName: "readBy"
                    visible: root.own && root.groupChat && root.lastInGroup && root.readCount > 0 && !root.failed
                    x: content.width - width
                    text: root.status === MessageListModel.Read ? qsTr("Read by everyone")
                                                                : qsTr("Read by %1").arg(root.readCount)
                    color: readByHover.hovered ? Theme.accent : Theme.textMuted
                    font.pixelSize: Theme.fontSmall - 1
                    font.underline: readByHover.hovered
                    Accessible.role: Accessible.Button
                    Accessible.name: qsTr("%1: show who read it").arg(text)
                    Accessible.onPressAction: root.readersRequested(root.seq, readBy)
                    HoverHandler { id: readByHover; cursorShape: Qt.PointingHandCursor }
                    TapHandler { onTapped: root.readersRequested(root.seq, readBy) }
                }
            }
        }
    }
}

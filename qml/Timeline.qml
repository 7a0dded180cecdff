import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Templates as T

// The open conversation's messages (a MessageListModel), oldest at the top, kept at the bottom
// while the user is there. Opening scrolls to the first unread message; new messages while
// scrolled up show a "↓ N new" pill (Alt+End jumps there too); while the first unread message is
// above the view, a "Jump to first unread" pill at the top (Ctrl+J) goes back to it; scrolling to
// the top loads older messages.
Item {
    id: root

    //! A MessageListModel (count, canLoadOlder, firstUnreadRow, conversationChanged()).
    property var messages: null
    property bool groupChat: false
    //! A MessageActions (edit, delete, react, reply, copy, jumps), or null: messages have no menu.
    property var actions: null
    //! A PinnedMessageModel (canPin, isPinned, pin, unpin), or null: no Pin in the menu.
    property var pins: null
    //! Blind room: aliases, their A/B groups (member id → "A"/"B") and how the others see me.
    property bool blind: false
    property var memberGroups: ({})
    //! Avatars (C++), for the senders' pictures; null: initials only.
    property var avatars: null
    property string myAlias
    //! Whether the user can see the timeline (window active): only then is anything marked read.
    property bool active: true
    property int newCount: 0
    //! A Forwarding (the forward picker's list and send), or null: messages cannot be forwarded.
    property var forwarding: null
    //! The first row (partly) in view: whether the first unread message is above it.
    property int topRow: -1
    readonly property alias view: list

    //! "N replies" under a thread's root: show that thread.
    signal threadRequested(string messageId)
    //! A sender's name or avatar was clicked: their profile card.
    signal profileRequested(string memberId)
    signal readUpTo(var seq)
    signal loadOlderRequested()
    signal retryRequested(string clientId)
    signal discardRequested(string clientId)
    signal readersRequested(var seq, Item anchor)
    //! Files dropped on the timeline: urls to attach.
    signal filesDropped(var urls)
    //! An image was opened in the viewer: its whole file is wanted.
    signal openAttachmentRequested(string attachmentId)
    signal saveAttachmentRequested(string attachmentId)

    //! Whether files may be dropped here (a conversation is open).
    property bool canAttach: true
    //! () => void that gives the keyboard back to the composer: after an edit in place, and when the
    //! message menu or the delete dialog closes.
    property var keyboardHome: null

    //! Shows a loaded message in the middle of the view (a quote or a search result was clicked).
    function jumpToMessage(id) {
        if (!root.messages)
            return
        const row = root.messages.rowOfMessage(id)
        if (row >= 0)
            root.showRow(row)
        else if (root.actions)
            root.actions.jumpTo(root.messages.conversationId, id)
    }
    function showRow(row) {
        list.anchorRow = -1
        list.stickToEnd = false
        list.positionViewAtIndex(row, ListView.Center)
        Qt.callLater(() => list.positionViewAtIndex(row, ListView.Center))
    }

    //! Brings the first unread message (the "New messages" line) to the top of the view.
    function jumpToFirstUnread() {
        const unread = root.messages ? root.messages.firstUnreadRow : -1
        if (unread < 0)
            return
        list.stickToEnd = false
        list.anchorRow = unread
        list.positionViewAtIndex(unread, ListView.Beginning)
        Qt.callLater(() => { list.positionViewAtIndex(unread, ListView.Beginning); root.updateTopRow() })
    }
    function updateTopRow() {
        root.topRow = list.indexAt(list.width / 2, list.contentY + list.topMargin + 1)
    }
    //! The forward picker for a message of the open conversation.
    function forwardMessage(id) {
        if (!root.forwarding || !root.messages)
            return
        const quote = root.messages.quote(id)
        forwardDialog.show(root.messages.conversationId, id, quote ? quote.excerpt : "")
    }

    function scrollToEnd() {
        list.anchorRow = -1
        list.positionViewAtEnd()
        // Delegates of unknown height are laid out as they come into view: settle once more.
        Qt.callLater(() => list.positionViewAtEnd())
        root.newCount = 0
    }

    ListView {
        id: list
        objectName: "timelineList"
        anchors.fill: parent
        model: root.messages
        clip: true
        spacing: 0
        topMargin: Theme.spacingS
        bottomMargin: Theme.spacingM
        boundsBehavior: Flickable.StopAtBounds
        reuseItems: false
        cacheBuffer: 800
        keyNavigationEnabled: false
        // One Tab stop; then Up/Down move the keyboard-current message and keys act on it (keyPressed).
        activeFocusOnTab: true
        currentIndex: -1
        highlightFollowsCurrentItem: true
        highlightMoveDuration: 0
        highlightResizeDuration: 0
        highlight: Item {
            z: 2 // over the message, whose bubble would hide the ring's edges
            FocusRing {
                objectName: "messageFocusRing"
                shown: list.activeFocus
                outset: -4 // clear of the next sender's name line
                radius: Theme.radiusBubble
            }
        }
        Keys.onPressed: event => root.keyPressed(event)
        //! The keyboard is on a message (it came in and did not leave for good).
        property bool keyed: false
        onActiveFocusChanged: {
            if (list.activeFocus) {
                if (!list.keyed || list.currentIndex < 0 || list.currentIndex >= list.count)
                    list.currentIndex = root.lastVisibleRow()
                list.keyed = true
            } else {
                // Left for good (not for the message's menu or a dialog): next time it starts at
                // the newest message in view again.
                Qt.callLater(() => {
                    if (!list.activeFocus && !Keyboard.inPopup(root.Window.activeFocusItem))
                        list.keyed = false
                })
            }
        }
        Accessible.role: Accessible.List
        Accessible.name: qsTr("Messages")
        ScrollBar.vertical: ScrollBar { policy: ScrollBar.AsNeeded }

        property bool stickToEnd: true
        // Blind rooms: the reveal line, when nobody wrote since the names were shown.
        footer: RevealLine {
            objectName: "revealLineEnd"
            width: ListView.view ? ListView.view.width : 0
            visible: root.messages !== null && root.messages.revealRow >= 0 && root.messages.revealRow === root.messages.count
            revealedAt: root.messages !== null ? root.messages.revealedAt : 0
            sidePadding: Theme.spacingXl
        }
        //! The first unread row, kept at the top while delegates settle, until the user scrolls.
        property int anchorRow: -1

        delegate: MessageDelegate {
            id: message
            width: ListView.view.width
            firstUnread: root.messages !== null && message.index === root.messages.firstUnreadRow
            revealLineAt: root.messages !== null && message.index === root.messages.revealRow ? root.messages.revealedAt : 0
            groupChat: root.groupChat
            blind: root.blind
            myAlias: root.myAlias
            senderGroup: root.memberGroups[message.senderId] ?? ""
            avatarSource: root.blind || !root.avatars ? "" : (root.avatars.revision, root.avatars.memberSource(message.senderId, 80))
            onReadersRequested: (seq, anchor) => root.readersRequested(seq, anchor)
            onRetryRequested: id => root.retryRequested(id)
            onDiscardRequested: id => root.discardRequested(id)
            onOpenAttachmentRequested: attachment => {
                viewer.attachment = attachment
                viewer.open()
                root.openAttachmentRequested(attachment.id)
            }
            onSaveAttachmentRequested: id => root.saveAttachmentRequested(id)
            editing: root.actions !== null && message.messageId.length > 0 && root.actions.editingId === message.messageId
            highlighted: root.actions !== null && message.messageId.length > 0 && root.actions.highlightedId === message.messageId
            onMenuRequested: (anchor, x, y) => {
                if (!root.actions)
                    return
                menu.canPin = root.pins !== null && root.pins.canPin
                menu.pinned = root.pins !== null && root.pins.isPinned(message.messageId)
                menu.openFor(anchor, x, y, message.messageId, root.actions.canEdit(message.messageId),
                             root.actions.canDelete(message.messageId), root.myReactions(message.reactions))
            }
            onReactionToggled: emoji => { if (root.actions) root.actions.toggleReaction(message.messageId, emoji) }
            onQuoteClicked: id => root.jumpToMessage(id)
            onEditSaved: text => { if (root.actions) root.actions.saveEdit(message.messageId, text) }
            onEditCancelled: { if (root.actions) root.actions.cancelEdit() }
            onThreadRequested: id => root.threadRequested(id)
            onProfileRequested: id => root.profileRequested(id)
            onShowBlockedRequested: id => { if (root.messages) root.messages.showBlocked(id) }
            keyboardHome: root.keyboardHome
        }

        onAtYEndChanged: if (atYEnd) root.newCount = 0
        // Delegates grow after they are placed (images get their size, files their cards): stay at the end.
        onContentHeightChanged: {
            if (moving || count === 0)
                return
            if (anchorRow >= 0)
                Qt.callLater(() => { if (list.anchorRow >= 0) list.positionViewAtIndex(list.anchorRow, ListView.Beginning) })
            else if (stickToEnd)
                Qt.callLater(() => list.positionViewAtEnd())
        }
        onMovementStarted: anchorRow = -1
        onMovementEnded: stickToEnd = atYEnd
        onContentYChanged: {
            root.updateTopRow()
            if (atYBeginning && root.messages && root.messages.canLoadOlder && count > 0 && moving)
                root.loadOlderRequested()
            readTimer.restart()
        }
        onCountChanged: {
            readTimer.restart()
            Qt.callLater(root.updateTopRow)
        }
    }

    Connections {
        target: root.messages
        function onConversationChanged() {
            root.newCount = 0
            list.stickToEnd = true
            const unread = root.messages.firstUnreadRow
            if (unread >= 0) {
                list.positionViewAtIndex(unread, ListView.Beginning)
                Qt.callLater(() => list.positionViewAtIndex(unread, ListView.Beginning))
                list.stickToEnd = false
                list.anchorRow = unread
            } else {
                list.anchorRow = -1
                root.scrollToEnd()
            }
        }
        // Older pages came in on top: the first unread message moved down a number of rows, or it
        // was above the window until now (more had arrived than one page holds). While the view
        // is still anchored there (the user has not scrolled away), it stays on it.
        function onFirstUnreadRowChanged() {
            const unread = root.messages.firstUnreadRow
            if (unread < 0 || list.anchorRow < 0 || unread === list.anchorRow)
                return
            list.positionViewAtIndex(unread, ListView.Beginning)
            Qt.callLater(() => list.positionViewAtIndex(unread, ListView.Beginning))
            list.stickToEnd = false
            list.anchorRow = unread
        }
        function onAttachmentChanged(id) {
            if (viewer.visible && viewer.attachment.id === id)
                viewer.attachment = root.messages.attachmentById(id)
        }
        function onRowsInserted(parent, first, last) {
            if (first === 0 && last < list.count - 1)
                return // older messages on top: the view keeps its place
            if (list.stickToEnd || list.atYEnd)
                root.scrollToEnd()
            else
                root.newCount += last - first + 1
        }
    }

    // The newest message fully in view is read, once the user has had a moment to see it.
    Timer {
        id: readTimer
        interval: 400
        onTriggered: {
            if (!root.active || list.count === 0)
                return
            let row = list.indexAt(list.width / 2, list.contentY + list.height - list.bottomMargin - 4)
            if (row < 0 && list.atYEnd)
                row = list.count - 1
            for (; row >= 0; --row) {
                const item = list.itemAtIndex(row)
                if (item && item.seq > 0) {
                    root.readUpTo(item.seq)
                    return
                }
            }
        }
    }
    onActiveChanged: readTimer.restart()

    Text {
        objectName: "emptyTimeline"
        anchors.centerIn: parent
        visible: list.count === 0
        text: qsTr("No messages yet. Say hello!")
        color: Theme.textMuted
        font.pixelSize: Theme.fontBody
    }

    // "↓ 3 new": new messages arrived below while the user reads older ones.
    Button {
        id: pill
        objectName: "newPill"
        visible: root.newCount > 0 && !list.atYEnd
        anchors { horizontalCenter: parent.horizontalCenter; bottom: parent.bottom; bottomMargin: Theme.spacingL }
        text: qsTr("↓ %n new", "", root.newCount)
        Accessible.name: qsTr("Jump to the newest messages")
        leftPadding: Theme.spacingL
        rightPadding: Theme.spacingL
        topPadding: Theme.spacingXs + 2
        bottomPadding: Theme.spacingXs + 2
        contentItem: Text {
            text: pill.text
            color: Theme.textOnAccent
            font.pixelSize: Theme.fontSmall + 1
            font.weight: Font.DemiBold
        }
        background: Rectangle { radius: height / 2; color: Theme.accent }
        onClicked: root.scrollToEnd()
    }
    Shortcut {
        sequence: "Alt+End"
        enabled: root.visible && list.count > 0
        onActivated: root.scrollToEnd()
    }

    // "Jump to first unread": the first message I had not read when the conversation opened lies
    // above the view (I scrolled on past it, or it opened elsewhere); one click (or Ctrl+J) goes back.
    Button {
        id: firstUnreadPill
        objectName: "firstUnreadPill"
        readonly property int row: root.messages ? root.messages.firstUnreadRow : -1
        visible: row >= 0 && root.topRow > row
        anchors { horizontalCenter: parent.horizontalCenter; top: parent.top; topMargin: Theme.spacingM }
        text: qsTr("↑ Jump to first unread")
        Accessible.name: qsTr("Jump to the first unread message")
        leftPadding: Theme.spacingL
        rightPadding: Theme.spacingL
        topPadding: Theme.spacingXs + 2
        bottomPadding: Theme.spacingXs + 2
        contentItem: Text {
            text: firstUnreadPill.text
            color: Theme.accent
            font.pixelSize: Theme.fontSmall + 1
            font.weight: Font.DemiBold
        }
        background: Rectangle { radius: height / 2; color: Theme.window; border.color: Theme.accent }
        onClicked: root.jumpToFirstUnread()
    }
    Shortcut {
        sequence: "Ctrl+J"
        enabled: root.visible && firstUnreadPill.row >= 0
        onActivated: root.jumpToFirstUnread()
    }

    ForwardDialog {
        id: forwardDialog
        parent: T.Overlay.overlay
        forwarding: root.forwarding
        keyboardHome: root.keyboardHome
    }

    MessageMenu {
        id: menu
        objectName: "messageMenu"
        keyboardHome: root.keyboardHome
        canForward: root.forwarding !== null
        emoji: root.actions ? root.actions.quickReactions() : []
        onReplyChosen: id => root.actions.startReply(id)
        onForwardChosen: id => root.forwardMessage(id)
        onEditChosen: id => root.actions.startEdit(id)
        // Deleting asks first (Esc keeps the message).
        onDeleteChosen: id => deleteDialog.ask(id, root.messages.quote(id), !root.actions.canEdit(id))
        onCopyChosen: id => root.actions.copyText(id)
        onPinChosen: (id, pin) => pin ? root.pins.pin(id) : root.pins.unpin(id)
        onReactionChosen: (id, emoji) => root.actions.toggleReaction(id, emoji)
        onMoreReactionsChosen: (id, anchor) => {
            emojiPicker.categories = root.actions.emojiCategories() // in the UI language of now
            emojiPicker.openFor(anchor, menu.x, menu.y, id, menu.mine)
        }
    }

    EmojiPicker {
        id: emojiPicker
        keyboardHome: root.keyboardHome
        onPicked: (id, emoji) => root.actions.toggleReaction(id, emoji)
    }

    DeleteMessageDialog {
        id: deleteDialog
        parent: T.Overlay.overlay
        keyboardHome: root.keyboardHome
        onConfirmed: id => root.actions.remove(id)
    }

    // ---- the keyboard in the timeline (ShortcutsSheet lists these keys) ---------------------------
    //! The newest message fully in view: where the keyboard starts.
    function lastVisibleRow() {
        if (list.count === 0)
            return -1
        const row = list.indexAt(list.width / 2, list.contentY + list.height - list.bottomMargin - 4)
        return row >= 0 ? row : list.count - 1
    }
    function moveCurrent(delta) {
        if (list.count === 0)
            return
        const row = Math.max(0, Math.min(list.count - 1, list.currentIndex + delta))
        if (delta < 0 && list.currentIndex === 0 && root.messages && root.messages.canLoadOlder)
            root.loadOlderRequested()
        list.anchorRow = -1
        list.currentIndex = row
        list.positionViewAtIndex(row, ListView.Contain)
        list.stickToEnd = row === list.count - 1
    }
    function inside(item, ancestor) {
        for (let i = item; i; i = i.parent) {
            if (i === ancestor)
                return true
        }
        return false
    }
    //! Tab leaves the timeline for the composer; Shift+Tab for what is before it (the header). The
    //! controls inside messages are skipped: they are reached through the message's keys.
    function leave(forward) {
        if (forward && root.keyboardHome) {
            root.keyboardHome()
            return
        }
        let next = list.nextItemInFocusChain(forward)
        for (let i = 0; next && i < 500 && root.inside(next, list); ++i)
            next = next.nextItemInFocusChain(forward)
        if (next)
            next.forceActiveFocus(forward ? Qt.TabFocusReason : Qt.BacktabFocusReason)
    }
    //! The emoji among a message's reactions (the reactions role) that are mine.
    function myReactions(reactions) {
        return Array.from(reactions ?? []).filter(r => r.mine).map(r => r.emoji)
    }
    function keyPressed(event) {
        const item = list.currentItem
        const stored = item !== null && item.actionable && root.actions !== null
        const id = item ? item.messageId : ""
        const plain = !(event.modifiers & (Qt.ControlModifier | Qt.AltModifier | Qt.MetaModifier))
        switch (event.key) {
        case Qt.Key_Up: root.moveCurrent(-1); break
        case Qt.Key_Down: root.moveCurrent(1); break
        case Qt.Key_PageUp: root.moveCurrent(-10); break
        case Qt.Key_PageDown: root.moveCurrent(10); break
        case Qt.Key_Home: root.moveCurrent(-list.count); break
        case Qt.Key_End: root.moveCurrent(list.count); break
        case Qt.Key_Tab: root.leave(!(event.modifiers & Qt.ShiftModifier)); break
        case Qt.Key_Backtab: root.leave(false); break
        case Qt.Key_Escape:
            if (root.keyboardHome)
                root.keyboardHome()
            break
        case Qt.Key_R: // reply: the composer takes the keyboard with the quote above it
            if (!stored || !plain)
                return
            root.actions.startReply(id)
            if (root.keyboardHome)
                root.keyboardHome()
            break
        case Qt.Key_F: // forward: the picker of conversations
            if (!stored || !plain || !root.forwarding)
                return
            root.forwardMessage(id)
            break
        case Qt.Key_E: // edit in place (own messages)
            if (!stored || !plain || !root.actions.canEdit(id))
                return
            root.actions.startEdit(id)
            break
        case Qt.Key_Delete: // delete (asks first); an unsent message is discarded
            if (item && item.failed)
                root.discardRequested(item.clientId)
            else if (stored && root.actions.canDelete(id))
                deleteDialog.ask(id, root.messages.quote(id), !root.actions.canEdit(id))
            break
        case Qt.Key_C: // C or Ctrl+C: copy the text
            if (!stored || (event.modifiers & (Qt.AltModifier | Qt.ShiftModifier)))
                return
            root.actions.copyText(id)
            break
        case Qt.Key_P: // pin, or unpin a pinned message (where I may)
            if (!stored || !plain || !root.pins || !root.pins.canPin)
                return
            if (root.pins.isPinned(id))
                root.pins.unpin(id)
            else
                root.pins.pin(id)
            break
        case Qt.Key_T: // the thread of a message with replies
            if (!item || !item.hasThread || !plain)
                return
            root.threadRequested(id)
            break
        case Qt.Key_Plus:
        case Qt.Key_Equal: // "+" (Shift+= on most layouts): any emoji as a reaction
            if (!stored)
                return
            emojiPicker.categories = root.actions.emojiCategories()
            emojiPicker.openFor(item, root.menuX(item), item.height, id, root.myReactions(item.reactions))
            break
        case Qt.Key_Return:
        case Qt.Key_Enter:
        case Qt.Key_Menu: // Enter or the menu key: the message's menu (Retry for an unsent one)
            if (item && item.collapsed) // from someone I block: Enter shows it, like "Show"
                root.messages.showBlocked(item.messageId)
            else if (item && item.failed)
                root.retryRequested(item.clientId)
            else if (stored)
                item.menuRequested(item, root.menuX(item), item.height)
            break
        case Qt.Key_F10:
            if (!stored || !(event.modifiers & Qt.ShiftModifier))
                return
            item.menuRequested(item, root.menuX(item), item.height)
            break
        default:
            return
        }
        event.accepted = true
    }
    //! Where a menu opened from the keyboard goes: under the message's own side.
    function menuX(item) {
        return item.own ? Math.max(0, item.width - item.sidePadding - 220) : item.sidePadding + item.avatarColumn
    }
    // A control inside a message took the keyboard (a click on a reaction, Shift+Tab from the
    // composer): the timeline keeps it, on that message, so that Tab moves between the three parts.
    Connections {
        target: root.Window.window
        function onActiveFocusItemChanged() {
            const item = root.Window.activeFocusItem
            if (!item || item === list || !root.inside(item, list.contentItem) || item.cursorPosition !== undefined)
                return
            let row = item
            while (row.parent && row.parent !== list.contentItem)
                row = row.parent
            list.forceActiveFocus()
            if (row.index !== undefined)
                list.currentIndex = row.index
        }
    }

    Connections {
        target: root.actions
        ignoreUnknownSignals: true
        function onJumpRequested(id, row) { root.showRow(row) }
    }

    ImageViewer {
        id: viewer
        objectName: "imageViewer"
        onSaveRequested: id => root.saveAttachmentRequested(id)
    }

    // Dragging files over the timeline shows where they would go.
    DropArea {
        id: drop
        objectName: "dropArea"
        anchors.fill: parent
        enabled: root.canAttach
        onEntered: drag => {
            if (drag.hasUrls)
                drag.accept(Qt.CopyAction)
            else
                drag.accepted = false
        }
        onDropped: drop => {
            if (drop.hasUrls) {
                root.filesDropped(drop.urls)
                drop.accept(Qt.CopyAction)
            }
        }
    }
    Rectangle {
        objectName: "dropZone"
        anchors.fill: parent
        anchors.margins: Theme.spacingS
        visible: drop.containsDrag
        radius: Theme.radiusBubble
        color: Qt.rgba(Theme.accent.r, Theme.accent.g, Theme.accent.b, 0.10)
        border.width: 2
        border.color: Theme.accent
        Text {
            anchors.centerIn: parent
            text: qsTr("Drop files to attach them")
            color: Theme.accent
            font.pixelSize: Theme.fontTitle
            font.weight: Font.DemiBold
        }
    }
}

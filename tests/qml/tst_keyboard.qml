import QtQuick
import QtQuick.Controls.Basic
import QtTest
import Confab.Client
import Confab.UI

// The app without a mouse (UI.md): Tab moves between the conversation list, the timeline and the
// composer (never typing a tab); in the list and the timeline the arrows move a ringed current row
// and keys act on it; every control reached with the keyboard shows a focus ring and Enter or
// Space presses it; the shortcut sheet lists the keys and gives the keyboard back. The page is put
// together as MainPage does it: list on the left, then timeline, then composer.
Item {
    id: root
    width: 1000
    height: 700

    ListModel {
        id: conversations
        Component.onCompleted: {
            const rows = [["c1", "Design team"], ["c2", "Joon Lee"], ["c3", "Launch checklist"]]
            for (const [id, title] of rows) {
                append({ conversationId: id, kind: "group", title: title, lastMessage: "hi", lastSenderIsMe: false,
                         lastSenderName: "Joon", lastDeleted: false, draft: "",
                         unread: 0, muted: false, unreadMentions: 0, notifyLevel: "all", blind: false, myAlias: "", typing: "", avatarColor: "#1D4ED8",
                         initials: "DT", activityText: "10:41", presence: "", myGroup: "", isNew: false, markedUnread: false })
            }
        }
    }

    // What Timeline needs of a MessageListModel, with three messages: Joon's thread root, my own
    // message and Joon's answer.
    ListModel {
        id: messages
        property int firstUnreadRow: -1
        property bool canLoadOlder: false
        property string conversationId: "c1"
        signal conversationChanged()
        signal attachmentChanged(string id)
        function quote(id) { return { id: id, sender: "Mina Park", excerpt: "Mine", deleted: false, loaded: true } }
        Component.onCompleted: {
            const rows = [["m1", "u2", "Joon Lee", "Who takes the release notes?", false, 2],
                          ["m2", "u1", "Mina Park", "I can do it", true, 0],
                          ["m3", "u2", "Joon Lee", "Thanks!", false, 0]]
            for (const [id, sender, name, body, own, replies] of rows) {
                append({ messageId: id, clientId: "c-" + id, seq: 1, senderId: sender, senderName: name, body: body,
                         timeText: "10:41", edited: false, deleted: false, own: own, status: MessageListModel.Sent,
                         readCount: 0, firstInGroup: true, lastInGroup: true, dayStart: false, dayText: "",
                         errorText: "", avatarColor: "#1D4ED8", initials: "JL", attachments: [], reactions: [],
                         replyTo: {}, streamState: "", replyCount: replies, mentions: [], mentionsMe: false, system: false, systemText: "",
                         senderBot: false, forwarded: false, senderBlocked: false, collapsed: false })
            }
        }
    }

    // Stands in for MessageActions (a C++ object of the signed-in client): records what was asked.
    QtObject {
        id: actions
        property string editingId
        property string highlightedId
        property var asked: []
        function note(what, id) { asked = asked.concat([what + " " + id]) }
        function canEdit(id) { return id === "m2" }
        function canDelete(id) { return id === "m2" }
        function startReply(id) { note("reply", id) }
        function startEdit(id) { note("edit", id) }
        function copyText(id) { note("copy", id) }
        function toggleReaction(id, emoji) { note("react " + emoji, id) }
        function remove(id) { note("delete", id) }
        function cancelEdit() {}
        function saveEdit(id, text) {}
        function quickReactions() { return ["👍", "🎉"] }
        function emojiCategories() { return [{ name: "Smileys", icon: "😀", emoji: ["😀", "😂"] }] }
    }

    Rectangle { anchors.fill: parent; color: Theme.window }
    Row {
        anchors.fill: parent
        ConversationList {
            id: list
            width: 300
            height: parent.height
            model: conversations
            openRow: 0
            delegate: ConversationDelegate { width: ListView.view.width }
        }
        Column {
            width: parent.width - list.width
            height: parent.height
            Timeline {
                id: timeline
                width: parent.width
                height: parent.height - composer.height
                messages: messages
                actions: actions
                keyboardHome: () => composer.focusField()
            }
            Composer {
                id: composer
                width: parent.width
                height: 80
            }
        }
    }

    Component {
        id: sheetComponent
        ShortcutsSheet { keyboardHome: () => composer.focusField() }
    }
    Component {
        id: newConversationComponent
        NewConversationDialog { keyboardHome: () => composer.focusField() }
    }
    Component {
        id: spyComponent
        SignalSpy {}
    }

    TestCase {
        id: test
        name: "Keyboard"
        when: windowShown

        function field() { return findChild(composer, "composerField") }
        function timelineList() { return timeline.view }
        function spy(target, signalName) {
            return createTemporaryObject(spyComponent, root, { target: target, signalName: signalName })
        }
        function ringOf(item) {
            return findChild(item, "rowFocusRing")
        }
        function init() {
            actions.asked = []
            composer.load("c1", "", [])
            composer.focusField()
            tryVerify(() => field().activeFocus)
        }

        // Tab in the composer moves on instead of typing a tab; Shift+Tab goes back to the attach
        // button; Shift+Enter still starts a new line.
        function test_tabInComposerMovesFocus() {
            keyClick("h")
            keyClick("i")
            keyClick(Qt.Key_Tab)
            compare(composer.text, "hi")
            const send = findChild(composer, "sendButton")
            verify(send.activeFocus)
            verify(send.visualFocus)
            const sends = spy(composer, "sendRequested")
            keyClick(Qt.Key_Return)
            compare(sends.count, 1)
            compare(sends.signalArguments[0][0], "hi")

            composer.focusField()
            keyClick(Qt.Key_Tab, Qt.ShiftModifier)
            const attach = findChild(composer, "attachButton")
            verify(attach.activeFocus)
            keyClick(Qt.Key_Tab)
            verify(field().activeFocus)
            keyClick("a")
            keyClick(Qt.Key_Return, Qt.ShiftModifier)
            keyClick("b")
            compare(composer.text, "a\nb")
        }

        // Tab and Shift+Tab go round the three parts: composer → list → timeline → composer.
        function test_tabCyclesListTimelineComposer() {
            const seen = []
            for (let i = 0; i < 12 && seen.length < 3; ++i) {
                keyClick(Qt.Key_Tab)
                const at = list.activeFocus ? "list" : timelineList().activeFocus ? "timeline"
                         : field().activeFocus ? "composer" : ""
                if (at.length > 0 && seen[seen.length - 1] !== at)
                    seen.push(at)
            }
            compare(seen, ["list", "timeline", "composer"])
            compare(composer.text, "")
            keyClick(Qt.Key_Tab, Qt.ShiftModifier)
            verify(findChild(composer, "attachButton").activeFocus)
            keyClick(Qt.Key_Tab, Qt.ShiftModifier)
            verify(timelineList().activeFocus)
            keyClick(Qt.Key_Tab, Qt.ShiftModifier)
            verify(list.activeFocus)
        }

        // The list is one Tab stop: the open row is ringed; Up/Down move the ring without opening;
        // Enter opens; Up on the first row goes to the filter; Esc back to the composer.
        function test_conversationListKeys() {
            const opens = spy(list, "openRequested")
            const ups = spy(list, "upFromTop")
            const escapes = spy(list, "escaped")
            list.forceActiveFocus(Qt.TabFocusReason)
            compare(list.currentIndex, 0)
            verify(ringOf(list.itemAtIndex(0)).visible)
            keyClick(Qt.Key_Down)
            compare(list.currentIndex, 1)
            verify(!ringOf(list.itemAtIndex(0)).visible)
            verify(ringOf(list.itemAtIndex(1)).visible)
            compare(opens.count, 0)
            keyClick(Qt.Key_Return)
            compare(opens.count, 1)
            compare(opens.signalArguments[0][0], 1)
            keyClick(Qt.Key_Down)
            compare(list.currentIndex, 2)
            keyClick(Qt.Key_Enter)
            compare(opens.count, 2)
            compare(opens.signalArguments[1][0], 2)
            keyClick(Qt.Key_Home)
            keyClick(Qt.Key_Up)
            compare(ups.count, 1)
            keyClick(Qt.Key_Escape)
            compare(escapes.count, 1)
            // Without the keyboard the ring goes.
            composer.focusField()
            verify(!ringOf(list.itemAtIndex(0)).visible)
        }

        // In the timeline a ringed current message moves with Up/Down, and keys act on it.
        function test_timelineKeysActOnTheCurrentMessage() {
            const view = timelineList()
            const threads = spy(timeline, "threadRequested")
            view.forceActiveFocus(Qt.TabFocusReason)
            compare(view.currentIndex, 2) // the newest message in view
            verify(findChild(view, "messageFocusRing").visible)
            keyClick(Qt.Key_Up)
            compare(view.currentIndex, 1)
            keyClick(Qt.Key_E)
            compare(actions.asked, ["edit m2"])
            keyClick(Qt.Key_C)
            keyClick(Qt.Key_C, Qt.ControlModifier)
            compare(actions.asked, ["edit m2", "copy m2", "copy m2"])
            keyClick(Qt.Key_Up)
            keyClick(Qt.Key_E) // not mine: nothing
            compare(actions.asked.length, 3)
            keyClick(Qt.Key_T)
            compare(threads.count, 1)
            compare(threads.signalArguments[0][0], "m1")
            keyClick(Qt.Key_Down)
            keyClick(Qt.Key_T) // no thread under it: nothing
            compare(threads.count, 1)
            keyClick(Qt.Key_R)
            compare(actions.asked[3], "reply m2")
            verify(field().activeFocus) // write the reply
        }

        // Delete asks first; Enter opens the message's menu; "+" the emoji picker. Each gives the
        // keyboard back to the timeline, on the same message; Esc there goes to the composer.
        function test_timelineKeysOpenMenuPickerAndDelete() {
            const view = timelineList()
            view.forceActiveFocus(Qt.TabFocusReason)
            keyClick(Qt.Key_Up)
            compare(view.currentIndex, 1)

            keyClick(Qt.Key_Delete)
            const dialog = findChild(timeline, "deleteMessageDialog")
            tryCompare(dialog, "opened", true)
            keyClick(Qt.Key_Escape)
            tryCompare(dialog, "visible", false)
            tryVerify(() => view.activeFocus)
            compare(view.currentIndex, 1)
            compare(actions.asked, [])

            keyClick(Qt.Key_Return)
            const menu = findChild(timeline, "messageMenu")
            tryCompare(menu, "opened", true)
            compare(menu.messageId, "m2")
            keyClick(Qt.Key_Escape)
            tryCompare(menu, "visible", false)
            tryVerify(() => view.activeFocus)

            keyClick(Qt.Key_Plus)
            const picker = findChild(timeline, "emojiPicker")
            tryCompare(picker, "opened", true)
            keyClick(Qt.Key_Return) // the first emoji
            tryCompare(picker, "visible", false)
            compare(actions.asked, ["react 😀 m2"])
            tryVerify(() => view.activeFocus)

            keyClick(Qt.Key_Escape)
            verify(field().activeFocus)
            verify(!findChild(view, "messageFocusRing").visible)
        }

        // Every control shows a ring when the keyboard reaches it (not when clicked) and Enter or
        // Space presses it.
        function test_iconButtonRingAndEnter() {
            const attach = findChild(composer, "attachButton")
            const clicks = spy(attach, "clicked")
            keyClick(Qt.Key_Tab, Qt.ShiftModifier)
            verify(attach.visualFocus)
            const ring = attach.background.children[0]
            verify(ring.visible)
            keyClick(Qt.Key_Return)
            keyClick(Qt.Key_Space)
            keyClick(Qt.Key_Enter)
            compare(clicks.count, 3)
            composer.focusField()
            verify(!ring.visible)
        }

        // The Direct/Group tabs of "New conversation" show the ring and switch with Enter.
        function test_newConversationTabs() {
            const dialog = createTemporaryObject(newConversationComponent, root)
            dialog.open()
            tryCompare(dialog, "opened", true)
            const name = findChild(dialog.contentItem, "newDirectUsername")
            tryVerify(() => name.activeFocus)
            let tab = null
            for (let i = 0; i < 4 && !tab; ++i) {
                keyClick(Qt.Key_Tab, Qt.ShiftModifier)
                const item = dialog.contentItem.Window.activeFocusItem
                if (item && item.objectName === "newConversationTab")
                    tab = item
            }
            verify(tab)
            verify(tab.visualFocus)
            verify(findChild(tab, "tabFocusRing").visible)
            // Backwards through the tabs: the one before (Direct message, Group, Blind room, Matching).
            const names = ["Direct message", "Group", "Blind room", "Matching"]
            const other = names[names.indexOf(tab.text) - 1]
            keyClick(Qt.Key_Tab, Qt.ShiftModifier)
            const second = dialog.contentItem.Window.activeFocusItem
            compare(second.objectName, "newConversationTab")
            compare(second.text, other)
            keyClick(Qt.Key_Return)
            compare(dialog.isGroup, second.text === "Group")
            keyClick(Qt.Key_Escape)
            tryCompare(dialog, "visible", false)
            tryVerify(() => field().activeFocus)
        }

        // The focus rings and the sheet as they look, light and dark (saved for review when the
        // environment names a folder: CONFAB_QML_SHOTS, see tst_qml.cpp).
        function test_pictures() {
            const sheet = createTemporaryObject(sheetComponent, root)
            for (const dark of [false, true]) {
                Theme.dark = dark
                const theme = dark ? "dark" : "light"
                list.forceActiveFocus(Qt.TabFocusReason)
                keyClick(Qt.Key_Down)
                picture("keys-list-" + theme)
                timelineList().forceActiveFocus(Qt.TabFocusReason)
                keyClick(Qt.Key_Up)
                picture("keys-message-" + theme)
                composer.focusField()
                keyClick(Qt.Key_Tab, Qt.ShiftModifier)
                picture("keys-button-" + theme)
                sheet.open()
                tryCompare(sheet, "opened", true)
                picture("keys-sheet-" + theme)
                sheet.close()
                tryCompare(sheet, "visible", false)
            }
            Theme.dark = false
        }
        function picture(name) {
            waitForRendering(root)
            const image = grabImage(root)
            compare(image.width, root.width)
            if (picturesDir.length > 0)
                image.save(picturesDir + "/" + name + ".png")
        }

        // The shortcut sheet lists the keys; Esc closes it and the keyboard is back in the composer.
        function test_shortcutsSheet() {
            keyClick("x")
            const sheet = createTemporaryObject(sheetComponent, root)
            sheet.open()
            tryCompare(sheet, "opened", true)
            const keys = sheet.sections.reduce((all, s) => all.concat(s.rows.map(r => r[0])), [])
            for (const key of ["Tab / Shift+Tab", "Ctrl+Q", "Ctrl+/", "R", "E", "Delete", "T", "+", "C / Ctrl+C",
                               "Ctrl+B", "Ctrl+I", "Ctrl+E", "Ctrl+Shift+C"])
                verify(keys.indexOf(key) >= 0, key)
            verify(findChild(sheet.header, "shortcutsClose").activeFocus)
            keyClick(Qt.Key_Escape)
            tryCompare(sheet, "visible", false)
            tryVerify(() => field().activeFocus)
            keyClick("y")
            compare(composer.text, "xy")
        }
    }
}

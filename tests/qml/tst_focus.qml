import QtQuick
import QtTest
import Confab.Client
import Confab.UI

// Where the keyboard goes (UI.md: usable without a mouse; DESIGN.md invariant 10): a modal dialog
// owns it until it closes, Esc closes it, and then it goes back where it was; after an edit in
// place, a deletion or closing the thread pane it goes back to the composer. Each test puts the
// components together the way MainPage and Timeline do, and types as a user would.
Item {
    id: root
    width: 1000
    height: 700

    Composer {
        id: composer
        anchors { left: parent.left; right: parent.right; bottom: parent.bottom }
        height: 80
    }

    // On the composer, which outlives each test: cleared in init().
    SignalSpy { id: textSpy; target: composer; signalName: "textEdited" }
    SignalSpy { id: filesSpy; target: composer; signalName: "filesEdited" }
    SignalSpy { id: sendSpy; target: composer; signalName: "sendRequested" }
    SignalSpy { id: editLastSpy; target: composer; signalName: "editLastRequested" }

    ListModel {
        id: people
        ListElement { memberId: "u1"; name: "Mina Park"; username: "mina"; roleName: "owner"; avatarColor: "#1D4ED8"
                      initials: "MP"; isMe: true; alias: false; removable: false; roleChangeable: false; group: "" }
    }
    ListModel {
        id: threadModel
        ListElement { messageId: "m1"; senderName: "Mina Park"; body: "Who takes the release notes?"; timeText: "10:41"
                      own: true; deleted: false; edited: false; isRoot: true; avatarColor: "#1D4ED8"; initials: "MP"
                      streamState: "" }
    }

    Component {
        id: groupSettingsComponent
        GroupSettingsDialog {
            title: "Books"
            members: people
            canManage: true
            myRole: "owner"
            keyboardHome: () => composer.focusField()
        }
    }
    Component {
        id: delegateComponent
        MessageDelegate {
            width: root.width
            keyboardHome: () => composer.focusField()
        }
    }
    Component {
        id: menuComponent
        MessageMenu {
            emoji: ["👍"]
            keyboardHome: () => composer.focusField()
        }
    }
    Component {
        id: deleteComponent
        DeleteMessageDialog {
            keyboardHome: () => composer.focusField()
        }
    }
    Component {
        id: threadComponent
        ThreadPane {
            width: 400
            height: 500
            thread: threadModel
            keyboardHome: () => composer.focusField()
        }
    }
    Component {
        id: newConversationComponent
        NewConversationDialog {
            keyboardHome: () => composer.focusField()
        }
    }
    Component {
        id: spyComponent
        SignalSpy {}
    }

    TestCase {
        name: "Focus"
        when: windowShown

        function field() { return findChild(composer, "composerField") }
        function type(text) {
            for (const c of text)
                keyClick(c)
        }
        function spy(target, signalName) {
            return createTemporaryObject(spyComponent, root, { target: target, signalName: signalName })
        }
        function message(props) {
            const all = {
                index: 0, messageId: "m1", clientId: "c1", seq: 7, senderId: "u1", senderName: "Mina Park",
                body: "Lunch at noon?", timeText: "10:41", edited: false, deleted: false,
                own: true, status: MessageListModel.Sent, readCount: 0, firstInGroup: true, lastInGroup: true,
                dayStart: false, dayText: "", errorText: "", avatarColor: "#1D4ED8",
                initials: "MP", attachments: [], reactions: [], replyTo: ({}),
                streamState: "", replyCount: 0, mentions: [], mentionsMe: false,
                system: false, systemText: "", senderBot: false, forwarded: false, senderBlocked: false, collapsed: false
            }
            for (const key in props)
                all[key] = props[key]
            return createTemporaryObject(delegateComponent, root, all)
        }
        function init() {
            composer.load("c1", "", [])
            composer.focusField()
            tryVerify(() => field().activeFocus)
            for (const spy of [textSpy, filesSpy, sendSpy, editLastSpy])
                spy.clear()
        }

        // Renaming a group with Enter: the dialog keeps the keyboard even when the page asks the
        // composer to take it (as it did on every conversation update); Esc closes it; the
        // keyboard is back in the composer with the text typed before.
        function test_groupSettingsOwnsTheKeyboard() {
            type("draft")
            const dialog = createTemporaryObject(groupSettingsComponent, root)
            const saves = spy(dialog, "saveRequested")
            dialog.show()
            tryCompare(dialog, "opened", true)
            const name = findChild(dialog.contentItem, "groupName")
            verify(name.activeFocus)
            name.selectAll()
            type("Novels")
            keyClick(Qt.Key_Return)
            compare(saves.count, 1)
            compare(saves.signalArguments[0][0], "Novels")
            // The rename comes back from the server; the page may try to focus the composer.
            dialog.title = "Novels"
            composer.focusField()
            verify(name.activeFocus)
            verify(!field().activeFocus)
            keyClick("!")
            compare(name.text, "Novels!")
            compare(composer.text, "draft")
            keyClick(Qt.Key_Escape)
            tryCompare(dialog, "visible", false)
            tryVerify(() => field().activeFocus)
            type("s")
            compare(composer.text, "drafts")
        }

        // Up in the empty composer edits the last message; Enter saves (Esc cancels) and the
        // keyboard is back in the composer.
        function test_editInPlaceReturnsToComposer() {
            const item = message({})
            const saved = spy(item, "editSaved")
            const cancelled = spy(item, "editCancelled")
            // What MessageActions does: Up asks to edit, the delegate's `editing` follows editingId.
            keyClick(Qt.Key_Up)
            compare(editLastSpy.count, 1)
            item.editing = true
            const editor = findChild(item, "editor")
            tryVerify(() => editor.activeFocus)
            keyClick("!")
            keyClick(Qt.Key_Return)
            compare(saved.count, 1)
            compare(saved.signalArguments[0][0], "Lunch at noon?!")
            item.editing = false // saveEdit ends the editing
            verify(field().activeFocus)
            type("hi")
            compare(composer.text, "hi")

            composer.load("c1", "", [])
            item.editing = true
            tryVerify(() => editor.activeFocus)
            keyClick(Qt.Key_Escape)
            compare(cancelled.count, 1)
            item.editing = false
            verify(field().activeFocus)
        }

        // Delete from the message menu, confirmed with Enter or kept with Esc: the keyboard is
        // back in the composer either way.
        function test_deleteReturnsToComposer() {
            const item = message({})
            const menu = createTemporaryObject(menuComponent, root)
            const dialog = createTemporaryObject(deleteComponent, root)
            const confirmed = spy(dialog, "confirmed")
            menu.deleteChosen.connect(id => dialog.ask(id, { excerpt: "Lunch at noon?" }, false))
            for (const key of [Qt.Key_Return, Qt.Key_Escape]) {
                menu.openFor(item, 0, 0, "m1", true, true, [])
                tryVerify(() => menu.opened)
                waitForItemPolished(menu.contentItem)
                mouseClick(findChild(menu.contentItem, "deleteItem"))
                tryCompare(dialog, "opened", true)
                tryVerify(() => !menu.visible)
                verify(!field().activeFocus)
                keyClick(key)
                tryCompare(dialog, "visible", false)
                tryVerify(() => field().activeFocus)
            }
            compare(confirmed.count, 1)
            type("after")
            compare(composer.text, "after")
        }

        // Esc in the thread pane's field closes the pane; the keyboard is back in the composer.
        function test_threadPaneEscReturnsToComposer() {
            const pane = createTemporaryObject(threadComponent, root)
            // What MainPage does: the pane shows while the thread is open.
            pane.closeRequested.connect(() => pane.visible = false)
            pane.focusComposer()
            const threadField = findChild(pane, "threadField")
            tryVerify(() => threadField.activeFocus)
            keyClick(Qt.Key_Escape)
            verify(!pane.visible)
            verify(field().activeFocus)
            type("back")
            compare(composer.text, "back")
        }

        // The reply being written in a thread belongs to that thread.
        function test_threadDraftBelongsToItsThread() {
            const pane = createTemporaryObject(threadComponent, root)
            const edits = spy(pane, "textEdited")
            pane.load("r1", "")
            pane.focusComposer()
            type("ok")
            compare(edits.signalArguments[edits.count - 1][0], "r1")
            compare(edits.signalArguments[edits.count - 1][1], "ok")
            const before = edits.count
            pane.load("r2", "")
            compare(findChild(pane, "threadField").text, "")
            compare(edits.count, before) // showing another thread's draft is not an edit
        }

        // The composer holds one conversation's draft: load() shows another's without reporting
        // an edit; what is typed and attached is reported with the conversation it belongs to.
        function test_composerDraftBelongsToItsConversation() {
            const texts = textSpy
            const files = filesSpy
            const sends = sendSpy
            type("half-typed")
            compare(composer.conversationId, "c1")
            compare(texts.signalArguments[texts.count - 1][0], "half-typed")
            composer.addFiles(["file:///tmp/notes.txt"])
            compare(files.count, 1)
            compare(files.signalArguments[0][0], ["file:///tmp/notes.txt"])
            const edited = texts.count
            composer.load("c2", "", [])
            compare(composer.text, "")
            compare(composer.attachments.count, 0)
            compare(texts.count, edited)
            compare(files.count, 1)
            composer.load("c1", "half-typed", ["file:///tmp/notes.txt"])
            compare(composer.text, "half-typed")
            compare(composer.attachments.count, 1)
            compare(texts.count, edited)
            keyClick(Qt.Key_Return)
            compare(sends.count, 1)
            compare(sends.signalArguments[0][0], "half-typed")
        }

        // A failed "New conversation" keeps the dialog open with the reason under the field and
        // the name still there to correct; success closes it and the keyboard goes back.
        function test_newConversationFailureKeepsTheInput() {
            const dialog = createTemporaryObject(newConversationComponent, root)
            const asks = spy(dialog, "directRequested")
            dialog.open()
            tryCompare(dialog, "opened", true)
            const name = findChild(dialog.contentItem, "newDirectUsername")
            tryVerify(() => name.activeFocus)
            type("Bo")
            keyClick(Qt.Key_Return)
            compare(asks.count, 1)
            compare(asks.signalArguments[0][0], "Bo")
            verify(dialog.visible)
            dialog.failed("No user named Bo")
            const error = findChild(dialog.contentItem, "newDirectError")
            verify(error.visible)
            compare(error.text, "No user named Bo")
            compare(name.text, "Bo")
            verify(dialog.visible)
            verify(name.activeFocus)
            type("b")
            compare(name.text, "b") // the name was selected: typing replaces it
            verify(!error.visible)
            keyClick(Qt.Key_Return)
            compare(asks.count, 2)
            dialog.succeeded()
            tryCompare(dialog, "visible", false)
            tryVerify(() => field().activeFocus)
            for (const spy of [textSpy, filesSpy, sendSpy, editLastSpy])
                spy.clear()
        }
    }
}

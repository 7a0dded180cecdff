import QtQuick
import QtTest
import Confab.UI

// The thread pane on its own: the root, a line with the reply count, the replies, and a composer
// that sends into the thread (Enter sends, Shift+Enter is a new line, Esc closes).
Item {
    id: root
    width: 400
    height: 700

    ListModel {
        id: threadModel
        ListElement { messageId: "m1"; senderName: "Mina Park"; body: "Who takes the release notes?"; timeText: "10:41"
                      own: true; deleted: false; edited: false; isRoot: true; avatarColor: "#1D4ED8"; initials: "MP"
                      streamState: "" }
        ListElement { messageId: "m2"; senderName: "Joon Lee"; body: "I do 👍"; timeText: "10:42"
                      own: false; deleted: false; edited: true; isRoot: false; avatarColor: "#B91C1C"; initials: "JL"
                      streamState: "" }
        ListElement { messageId: "m3"; senderName: "김하나"; body: ""; timeText: "10:43"
                      own: false; deleted: true; edited: false; isRoot: false; avatarColor: "#15803D"; initials: "김"
                      streamState: "" }
    }

    Component {
        id: paneComponent
        ThreadPane {
            width: root.width
            height: root.height
            thread: threadModel
            replyCount: 2
        }
    }
    Component {
        id: spyComponent
        SignalSpy {}
    }

    TestCase {
        name: "ThreadPane"
        when: windowShown

        function entries(pane) {
            const list = findChild(pane, "threadList")
            const out = []
            for (let i = 0; i < list.contentItem.children.length; ++i) {
                const child = list.contentItem.children[i]
                if (child.objectName === "threadEntry")
                    out.push(child)
            }
            out.sort((a, b) => a.index - b.index)
            return out
        }

        function test_rootRepliesAndCount() {
            const pane = createTemporaryObject(paneComponent, root)
            tryCompare(findChild(pane, "threadList"), "count", 3)
            compare(findChild(pane, "threadCount").text, "· 2 replies")
            tryVerify(() => entries(pane).length === 3, 2000, "three entries")
            const items = entries(pane)
            compare(findChild(items[0], "threadBody").text, "Who takes the release notes?")
            verify(findChild(items[0], "threadRepliesLine").visible)
            compare(findChild(items[0], "threadRepliesLine").text, "2 replies")
            verify(!findChild(items[1], "threadRepliesLine").visible)
            compare(findChild(items[1], "threadBody").text, "I do 👍")
            compare(findChild(items[2], "threadBody").text, "This message was deleted")
        }

        function test_enterRepliesShiftEnterBreaksLine() {
            const pane = createTemporaryObject(paneComponent, root)
            const spy = createTemporaryObject(spyComponent, root, { target: pane, signalName: "replyRequested" })
            const field = findChild(pane, "threadField")
            verify(!findChild(pane, "threadSend").enabled)
            pane.focusComposer()
            for (const c of "Thanks")
                keyClick(c)
            keyClick(Qt.Key_Return, Qt.ShiftModifier)
            for (const c of "Joon")
                keyClick(c)
            compare(spy.count, 0)
            verify(findChild(pane, "threadSend").enabled)
            keyClick(Qt.Key_Return)
            compare(spy.count, 1)
            compare(spy.signalArguments[0][0], "Thanks\nJoon")
            compare(field.text, "")
            // Blank text sends nothing; the button sends too.
            keyClick(Qt.Key_Space)
            keyClick(Qt.Key_Return)
            compare(spy.count, 1)
            field.text = "네, 좋아요"
            mouseClick(findChild(pane, "threadSend"))
            compare(spy.count, 2)
            compare(spy.signalArguments[1][0], "네, 좋아요")
        }

        function test_closeByButtonAndEscape() {
            const pane = createTemporaryObject(paneComponent, root)
            const spy = createTemporaryObject(spyComponent, root, { target: pane, signalName: "closeRequested" })
            mouseClick(findChild(pane, "closeThread"))
            compare(spy.count, 1)
            pane.focusComposer()
            keyClick(Qt.Key_Escape)
            compare(spy.count, 2)
        }

        function test_loadingAndErrorLine() {
            const pane = createTemporaryObject(paneComponent, root, { replyCount: 0 })
            pane.loading = true
            tryCompare(findChild(pane, "threadList"), "count", 3)
            compare(findChild(entries(pane)[0], "threadRepliesLine").text, "No replies yet")
        }
    }
}

import QtQuick
import QtTest
import Confab.UI

// The pinned bar: the newest pin first, "Pinned message 1 of 3", a click jumps to the pin shown
// and moves on to the next older one (round again after the oldest), the keyboard does the same,
// ✕ unpins the one shown, and the bar goes when nothing is pinned.
Item {
    id: root
    width: 600
    height: 100

    ListModel {
        id: pins
        ListElement { messageId: "m3"; preview: "Standup moves to 10:00"; sender: "Joon"; pinnedBy: "Mina"; hasFiles: false }
        ListElement { messageId: "m2"; preview: ""; sender: "Sora"; pinnedBy: "Mina"; hasFiles: true }
        ListElement { messageId: "m1"; preview: "Be kind"; sender: "Mina"; pinnedBy: "You"; hasFiles: false }
    }
    ListModel { id: none }

    Component {
        id: bar
        PinnedBar { width: root.width }
    }

    SignalSpy { id: jumps; signalName: "jumpRequested" }
    SignalSpy { id: unpins; signalName: "unpinRequested" }

    TestCase {
        name: "PinnedBar"
        when: windowShown

        function make(model, canUnpin) {
            const item = createTemporaryObject(bar, root, { model: model, canUnpin: canUnpin })
            jumps.clear()
            unpins.clear()
            jumps.target = item
            unpins.target = item
            return item
        }

        function test_showsTheNewestPinFirst() {
            const item = make(pins, false)
            verify(item.visible)
            compare(findChild(item, "pinnedBarTitle").text, "Pinned message 1 of 3")
            compare(findChild(item, "pinnedBarPreview").text, "Joon: Standup moves to 10:00")
            compare(item.Accessible.name, "Pinned message 1 of 3: Standup moves to 10:00")
            verify(!findChild(item, "pinnedBarUnpin").visible)
        }

        function test_clicksCycleAndJump() {
            const item = make(pins, false)
            mouseClick(item, 200, item.height / 2)
            compare(jumps.count, 1)
            compare(jumps.signalArguments[0][0], "m3")
            compare(findChild(item, "pinnedBarTitle").text, "Pinned message 2 of 3")
            // A pin with only files says so.
            compare(findChild(item, "pinnedBarPreview").text, "Sora: Attachment")
            mouseClick(item, 200, item.height / 2)
            compare(jumps.signalArguments[1][0], "m2")
            mouseClick(item, 200, item.height / 2)
            compare(jumps.signalArguments[2][0], "m1")
            // Round again to the newest.
            compare(findChild(item, "pinnedBarTitle").text, "Pinned message 1 of 3")
            mouseClick(item, 200, item.height / 2)
            compare(jumps.signalArguments[3][0], "m3")
            compare(jumps.count, 4)
        }

        function test_keyboard() {
            const item = make(pins, false)
            verify(item.activeFocusOnTab)
            item.forceActiveFocus()
            keyClick(Qt.Key_Return)
            keyClick(Qt.Key_Space)
            compare(jumps.count, 2)
            compare(jumps.signalArguments[0][0], "m3")
            compare(jumps.signalArguments[1][0], "m2")
            compare(findChild(item, "pinnedBarTitle").text, "Pinned message 3 of 3")
        }

        function test_unpinTheOneShown() {
            const item = make(pins, true)
            const unpin = findChild(item, "pinnedBarUnpin")
            verify(unpin.visible)
            compare(unpin.Accessible.name, "Unpin this message")
            mouseClick(item, 200, item.height / 2) // now showing m2
            mouseClick(unpin)
            compare(unpins.count, 1)
            compare(unpins.signalArguments[0][0], "m2")
            compare(jumps.count, 1) // ✕ does not jump
        }

        function test_aNewPinShowsFirstAndTheBarGoesWhenEmpty() {
            const model = Qt.createQmlObject('import QtQuick; ListModel {}', root)
            model.append({ messageId: "a", preview: "first", sender: "Mina", pinnedBy: "Mina", hasFiles: false })
            const item = make(model, false)
            compare(findChild(item, "pinnedBarTitle").text, "Pinned message")
            model.insert(0, { messageId: "b", preview: "second", sender: "Joon", pinnedBy: "Mina", hasFiles: false })
            compare(findChild(item, "pinnedBarTitle").text, "Pinned message 1 of 2")
            compare(findChild(item, "pinnedBarPreview").text, "Joon: second")
            model.clear()
            verify(!item.visible)
            compare(item.implicitHeight, 0)
            model.destroy()
        }

        function test_hiddenWithoutPins() {
            const item = make(none, false)
            verify(!item.visible)
        }
    }
}

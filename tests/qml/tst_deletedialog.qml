import QtQuick
import QtTest
import Confab.UI

// Deleting a message asks first: the dialog shows the message, Esc and Cancel keep it, Delete (also
// Enter, it has the focus) confirms it once.
Item {
    id: root
    width: 800
    height: 600

    Component {
        id: dialogComponent
        DeleteMessageDialog {}
    }
    Component {
        id: spyComponent
        SignalSpy {}
    }

    TestCase {
        name: "DeleteMessageDialog"
        when: windowShown

        function make() {
            const dialog = createTemporaryObject(dialogComponent, root)
            const spy = createTemporaryObject(spyComponent, root, { target: dialog, signalName: "confirmed" })
            return [dialog, spy]
        }
        function quote() {
            return { id: "m1", sender: "Joon Lee", excerpt: "Lunch at noon?", deleted: false, loaded: true }
        }

        function test_showsTheMessage() {
            const [dialog, spy] = make()
            dialog.ask("m1", quote(), false)
            tryCompare(dialog, "opened", true)
            compare(dialog.title, "Delete this message?")
            compare(findChild(dialog.contentItem, "deleteExcerpt").text, "Lunch at noon?")
            dialog.ask("m1", quote(), true)
            compare(dialog.title, "Delete Joon Lee's message?")
        }

        function test_escapeCancels() {
            const [dialog, spy] = make()
            dialog.ask("m1", quote(), false)
            tryCompare(dialog, "opened", true)
            keyClick(Qt.Key_Escape)
            tryCompare(dialog, "visible", false)
            compare(spy.count, 0)
        }

        function test_cancelButtonCancels() {
            const [dialog, spy] = make()
            dialog.ask("m1", quote(), false)
            tryCompare(dialog, "opened", true)
            mouseClick(findChild(dialog.contentItem, "deleteCancel"))
            tryCompare(dialog, "visible", false)
            compare(spy.count, 0)
        }

        function test_deleteConfirms() {
            const [dialog, spy] = make()
            dialog.ask("m7", quote(), false)
            tryCompare(dialog, "opened", true)
            mouseClick(findChild(dialog.contentItem, "deleteConfirm"))
            compare(spy.count, 1)
            compare(spy.signalArguments[0][0], "m7")
            tryCompare(dialog, "visible", false)
        }

        function test_enterConfirms() {
            const [dialog, spy] = make()
            dialog.ask("m9", quote(), false)
            tryCompare(dialog, "opened", true)
            verify(findChild(dialog.contentItem, "deleteConfirm").activeFocus)
            keyClick(Qt.Key_Return)
            compare(spy.count, 1)
            compare(spy.signalArguments[0][0], "m9")
        }
    }
}

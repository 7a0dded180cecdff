import QtQuick
import QtTest
import Confab.UI

Item {
    id: root
    width: 640
    height: 300

    Composer {
        id: composer
        width: parent.width
        anchors.bottom: parent.bottom
        height: implicitHeight
    }
    SignalSpy { id: sendSpy; target: composer; signalName: "sendRequested" }
    SignalSpy { id: upSpy; target: composer; signalName: "editLastRequested" }
    SignalSpy { id: editSpy; target: composer; signalName: "textEdited" }

    TestCase {
        name: "Composer"
        when: windowShown

        function init() {
            composer.text = ""
            composer.canSend = true
            sendSpy.clear()
            upSpy.clear()
            editSpy.clear()
            composer.focusField()
            tryVerify(() => findChild(composer, "composerField").activeFocus)
        }
        function type(text) {
            for (const c of text)
                keyClick(c)
        }

        function test_typingIsReported() {
            type("hi")
            compare(editSpy.count, 2)
            compare(editSpy.signalArguments[1][0], "hi")
            keyClick(Qt.Key_Return)
            // Sending clears the field, which tells the page that typing stopped.
            compare(editSpy.signalArguments[editSpy.count - 1][0], "")
        }

        // Blind rooms: a file named after me would give me away, so sending asks first.
        function test_identifyingFileNameAsksFirst() {
            composer.fileCheck = paths => paths.filter(p => p.indexOf("mina") >= 0)
                                              .map(p => p.substring(p.lastIndexOf("/") + 1))
            composer.addFiles(["file:///tmp/mina_park_cv.pdf", "file:///tmp/notes.txt"])
            keyClick(Qt.Key_Return)
            compare(sendSpy.count, 0)
            const warning = findChild(composer, "fileNameWarning")
            tryVerify(() => warning.opened)
            compare(warning.names, ["mina_park_cv.pdf"])
            compare(findChild(warning.contentItem, "fileNameWarningNames").text, "mina_park_cv.pdf")
            // Going back sends nothing and keeps the files.
            mouseClick(findChild(warning.contentItem, "fileNameWarningBack"))
            tryVerify(() => !warning.opened)
            compare(sendSpy.count, 0)
            compare(composer.attachments.count, 2)
            // Sending anyway sends both.
            keyClick(Qt.Key_Return)
            tryVerify(() => warning.opened)
            mouseClick(findChild(warning.contentItem, "fileNameWarningSend"))
            tryVerify(() => !warning.opened)
            compare(sendSpy.count, 1)
            compare(sendSpy.signalArguments[0][1].length, 2)
            compare(composer.attachments.count, 0)
            // Harmless names go without asking.
            composer.addFiles(["file:///tmp/notes.txt"])
            keyClick(Qt.Key_Return)
            compare(sendSpy.count, 2)
            composer.fileCheck = null
        }

        function test_attachTooltipGoesWithTheDialog() {
            const button = findChild(composer, "attachButton")
            const dialog = findChild(composer, "attachDialog")
            composer.attachFolder = "file:///tmp"
            button.hoverEnabled = true // offscreen, the platform turns hover effects off
            dialog.parentWindow = root.Window.window // the test window came after the composer
            mouseMove(button)
            tryVerify(() => button.tipShown)
            mouseClick(button)
            tryVerify(() => dialog.visible)
            verify(!button.tipShown)
            compare(dialog.currentFolder, composer.attachFolder)
            dialog.reject()
            tryVerify(() => !dialog.visible)
            // It comes back once the pointer has left and returned.
            mouseMove(root, 5, 5)
            mouseMove(button)
            tryVerify(() => button.tipShown)
            mouseMove(root, 5, 5)
        }

        function test_enterSends() {
            type("hello")
            keyClick(Qt.Key_Return)
            compare(sendSpy.count, 1)
            compare(sendSpy.signalArguments[0][0], "hello")
            compare(composer.text, "")
        }

        function test_keypadEnterSends() {
            type("hi")
            keyClick(Qt.Key_Enter)
            compare(sendSpy.count, 1)
        }

        function test_shiftEnterInsertsNewline() {
            type("a")
            keyClick(Qt.Key_Return, Qt.ShiftModifier)
            type("b")
            compare(sendSpy.count, 0)
            compare(composer.text, "a\nb")
            keyClick(Qt.Key_Return)
            compare(sendSpy.count, 1)
            compare(sendSpy.signalArguments[0][0], "a\nb")
        }

        function test_emptyNotSent() {
            keyClick(Qt.Key_Return)
            compare(sendSpy.count, 0)
            type("   ")
            keyClick(Qt.Key_Return)
            compare(sendSpy.count, 0)
            verify(!findChild(composer, "sendButton").enabled)
        }

        function test_sendButton() {
            type("ok")
            const button = findChild(composer, "sendButton")
            verify(button.enabled)
            mouseClick(button)
            compare(sendSpy.count, 1)
            compare(composer.text, "")
        }

        function test_cannotSendWhenDisabled() {
            composer.canSend = false
            type("x")
            keyClick(Qt.Key_Return)
            compare(sendSpy.count, 0)
            compare(composer.text, "x")
        }

        function test_upInEmptyComposerIsHarmless() {
            keyClick(Qt.Key_Up)
            compare(upSpy.count, 1)
            compare(composer.text, "")
            compare(sendSpy.count, 0)
            type("abc")
            keyClick(Qt.Key_Up)
            compare(upSpy.count, 1)
            compare(composer.text, "abc")
        }

        function test_growsThenStops() {
            const oneLine = composer.implicitHeight
            for (let i = 0; i < 3; ++i)
                keyClick(Qt.Key_Return, Qt.ShiftModifier)
            verify(composer.implicitHeight > oneLine)
            for (let i = 0; i < 20; ++i)
                keyClick(Qt.Key_Return, Qt.ShiftModifier)
            const capped = composer.implicitHeight
            keyClick(Qt.Key_Return, Qt.ShiftModifier)
            compare(composer.implicitHeight, capped)
        }
    }
}

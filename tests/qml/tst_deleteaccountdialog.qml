import QtQuick
import QtTest
import Confab.UI

// Settings → account → "Delete account…": nothing is sent until the password is given and the
// username typed exactly; Esc and Cancel keep the account; a refusal shows under the password;
// the dialog closes once the account is gone.
Item {
    id: root
    width: 800
    height: 600

    // Stands in for ChatClient.accountRemoval (confab::client::AccountRemoval).
    QtObject {
        id: removal
        property string confirmation: "mina"
        property bool busy: false
        property string passwordProblem: ""
        property string error: ""
        property var sent: []
        signal removed()
        function ready(password, typed) { return password.length > 0 && typed.trim() === confirmation }
        function remove(password, typed) { sent = sent.concat([[password, typed]]) }
        function clear() { passwordProblem = ""; error = "" }
    }

    DeleteAccountDialog {
        id: dialog
        removal: removal
    }

    TestCase {
        name: "DeleteAccountDialog"
        when: windowShown

        function init() {
            removal.sent = []
            removal.busy = false
            removal.passwordProblem = "wrong"
            dialog.ask()
            tryCompare(dialog, "opened", true)
        }
        function cleanup() {
            dialog.close()
            tryCompare(dialog, "visible", false)
        }
        function child(name) { return findChild(dialog.contentItem, name) }

        function test_asksFirstWithCancelFocused() {
            compare(dialog.title, "Delete your account?")
            verify(child("deleteAccountCancel").activeFocus)
            compare(removal.passwordProblem, "") // cleared on opening
            verify(!child("deleteAccountConfirm").enabled)
            keyClick(Qt.Key_Return) // Enter on Cancel keeps the account
            tryCompare(dialog, "visible", false)
            compare(removal.sent.length, 0)
        }

        function test_escapeKeeps() {
            keyClick(Qt.Key_Escape)
            tryCompare(dialog, "visible", false)
            compare(removal.sent.length, 0)
        }

        function test_needsPasswordAndTheUsernameTyped() {
            const confirm = child("deleteAccountConfirm")
            child("deleteAccountPassword").text = "correct horse 1"
            verify(!confirm.enabled)
            child("deleteAccountConfirmation").text = "min"
            verify(!confirm.enabled)
            child("deleteAccountConfirmation").text = "Mina" // exactly, not more or less
            verify(!confirm.enabled)
            child("deleteAccountConfirmation").text = "mina"
            verify(confirm.enabled)
            mouseClick(confirm)
            compare(removal.sent.length, 1)
            compare(removal.sent[0][0], "correct horse 1")
            compare(removal.sent[0][1], "mina")
            verify(dialog.visible) // open until the server said yes
            removal.removed()
            tryCompare(dialog, "visible", false)
        }

        function test_enterInTheConfirmationSends() {
            child("deleteAccountPassword").text = "correct horse 1"
            const typed = child("deleteAccountConfirmation")
            typed.forceActiveFocus()
            keyClick(Qt.Key_M); keyClick(Qt.Key_I); keyClick(Qt.Key_N); keyClick(Qt.Key_A)
            compare(typed.text, "mina")
            keyClick(Qt.Key_Return)
            compare(removal.sent.length, 1)
        }

        function test_refusalShowsUnderThePassword() {
            const problem = child("deleteAccountPasswordProblem")
            verify(!problem.visible)
            removal.passwordProblem = "The password is not right."
            verify(problem.visible)
            compare(problem.text, "The password is not right.")
            removal.error = "The server could not be reached. Please try again."
            verify(child("deleteAccountError").visible)
        }

        function test_busyDisablesTheButton() {
            child("deleteAccountPassword").text = "correct horse 1"
            child("deleteAccountConfirmation").text = "mina"
            removal.busy = true
            verify(!child("deleteAccountConfirm").enabled)
            compare(child("deleteAccountConfirm").text, "Deleting…")
        }
    }
}

import QtQuick
import QtTest
import Confab.UI

// Settings → account → "Change password": the form sends what was typed (by keyboard and mouse),
// shows each refusal under its field, and empties after a success.
Item {
    id: root
    width: 640
    height: 720

    Rectangle {
        anchors.fill: parent
        color: Theme.window
    }
    AccountSettings {
        id: account
        anchors.fill: parent
        displayName: "Mina Park"
        username: "mina"
        serverUrl: "wss://chat.example"
        passwordMinChars: 12
    }
    SignalSpy { id: changeSpy; target: account; signalName: "changePasswordRequested" }

    TestCase {
        name: "PasswordForm"
        when: windowShown

        function field(name) { return findChild(account, name) }

        function init() {
            changeSpy.clear()
            account.passwordProblems = ({})
            account.passwordError = ""
            account.passwordBusy = false
            for (const name of ["currentPassword", "newPassword", "repeatPassword"])
                field(name).text = ""
            field("signOutOthers").checked = true
        }

        function test_typedAndSentWithEnter() {
            field("currentPassword").forceActiveFocus()
            keyClick("o"); keyClick("l"); keyClick("d")
            keyClick(Qt.Key_Return)
            verify(field("newPassword").activeFocus)
            for (const c of "new password 1") keyClick(c)
            keyClick(Qt.Key_Return)
            verify(field("repeatPassword").activeFocus)
            for (const c of "new password 1") keyClick(c)
            keyClick(Qt.Key_Return)
            compare(changeSpy.count, 1)
            compare(changeSpy.signalArguments[0][0], "old")
            compare(changeSpy.signalArguments[0][1], "new password 1")
            compare(changeSpy.signalArguments[0][2], "new password 1")
            compare(changeSpy.signalArguments[0][3], true)
        }

        function test_sentWithTheButtonAndTheCheckBoxOff() {
            const button = field("changePassword")
            verify(!button.enabled) // nothing typed yet
            field("currentPassword").text = "old password"
            field("newPassword").text = "new password 1"
            field("repeatPassword").text = "new password 1"
            verify(button.enabled)
            mouseClick(field("signOutOthers"))
            mouseClick(button)
            compare(changeSpy.count, 1)
            compare(changeSpy.signalArguments[0][3], false)
        }

        function test_minimumShownInThePlaceholder() {
            verify(field("newPassword").placeholderText.indexOf("12") >= 0)
        }

        function test_problemsUnderTheirFields() {
            account.passwordProblems = { "current_password": "The current password is not right.",
                                         "repeat": "The two new passwords are not the same." }
            const current = field("current_passwordProblem")
            verify(current.visible)
            compare(current.text, "The current password is not right.")
            verify(!field("new_passwordProblem").visible)
            verify(field("repeatProblem").visible)
            verify(current.y > field("currentPassword").y && current.y < field("newPassword").y)
        }

        function test_busyDisablesTheButton() {
            field("currentPassword").text = "old password"
            field("newPassword").text = "new password 1"
            account.passwordBusy = true
            verify(!field("changePassword").enabled)
        }

        function test_successEmptiesTheFormAndSaysSo() {
            field("currentPassword").text = "old password"
            field("newPassword").text = "new password 1"
            field("repeatPassword").text = "new password 1"
            account.passwordChanged()
            compare(field("currentPassword").text, "")
            compare(field("newPassword").text, "")
            verify(field("passwordNote").text.length > 0)
        }

        // Pictures for review (CONFAB_QML_SHOTS; Korean with CONFAB_QML_TRANSLATION): a refused
        // change in light and dark, with the client's own sentences under their fields.
        function test_pictures() {
            field("currentPassword").text = "wrong"
            field("newPassword").text = "short"
            field("repeatPassword").text = "shorter"
            account.passwordProblems = {
                "current_password": qsTranslate("confab::client::PasswordChange", "The current password is not right."),
                "new_password": qsTranslate("confab::client::PasswordChange", "Passwords need at least %1 characters.").arg(12),
                "repeat": qsTranslate("confab::client::PasswordChange", "The two new passwords are not the same.")
            }
            for (const dark of [false, true]) {
                Theme.dark = dark
                waitForRendering(root)
                const image = grabImage(root)
                compare(image.width, root.width)
                if (picturesDir.length > 0)
                    image.save(picturesDir + "/password-change-" + (dark ? "dark" : "light") + ".png")
            }
            Theme.dark = false
        }
    }
}

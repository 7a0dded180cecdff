import QtQuick
import QtQuick.Window
import QtTest
import Confab.UI

// Settings → account → "Picture", and the avatar it shows everywhere: initials until a picture has
// loaded, the picture then; never a picture for a blind-room alias. The picker opens its file dialog
// from the keyboard, asks to remove only when there is a picture, and shows busy and refusals.
Item {
    id: root
    width: 640
    height: 900

    // A 2×2 red PNG.
    readonly property string redPng: "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEElEQVR4nGP4z8AARAwQCgAf7gP9i18U1AAAAABJRU5ErkJggg=="

    Rectangle {
        anchors.fill: parent
        color: Theme.window
    }
    Column {
        spacing: 8
        AccountSettings {
            id: account
            width: root.width
            displayName: "Mina Park"
            username: "mina"
            serverUrl: "wss://chat.example"
            initials: "MP"
        }
        Avatar { id: person; initials: "JK"; size: 40 }
        Avatar { id: alias; initials: "QO"; size: 40; alias: true }
    }
    SignalSpy { id: chooseSpy; target: account; signalName: "chooseAvatarRequested" }
    SignalSpy { id: removeSpy; target: account; signalName: "removeAvatarRequested" }

    TestCase {
        name: "AvatarPicker"
        when: windowShown

        function child(item, name) { return findChild(item, name) }

        function init() {
            chooseSpy.clear()
            removeSpy.clear()
            account.avatarSource = ""
            account.avatarBusy = false
            account.avatarError = ""
            person.source = ""
            alias.source = ""
        }

        function test_initialsUntilAPictureLoads() {
            verify(!child(person, "avatarPicture").visible)
            person.source = root.redPng
            tryVerify(() => child(person, "avatarPicture").visible)
            // A picture that cannot be loaded leaves the initials.
            person.source = "file:///nonexistent/avatar.png"
            tryVerify(() => !child(person, "avatarPicture").visible)
        }

        function test_aliasesNeverShowAPicture() {
            alias.source = root.redPng
            wait(50)
            verify(!child(alias, "avatarPicture").visible)
            compare(child(alias, "avatarPicture").status, Image.Null)
        }

        function test_previewAndRemove() {
            const picker = child(account, "avatarPicker")
            const remove = child(account, "removeAvatar")
            verify(!remove.visible) // nothing to remove
            compare(child(account, "chooseAvatar").text, "Choose picture…")
            account.avatarSource = root.redPng
            tryVerify(() => child(child(account, "avatarPreview"), "avatarPicture").visible)
            verify(remove.visible)
            compare(child(account, "chooseAvatar").text, "Change picture…")
            mouseClick(remove)
            compare(removeSpy.count, 1)
            // While a change is on its way, neither button acts.
            account.avatarBusy = true
            verify(!remove.enabled)
            verify(!child(account, "chooseAvatar").enabled)
        }

        function test_keyboardOpensTheDialogAndAChoiceIsSent() {
            const button = child(account, "chooseAvatar")
            const dialog = child(account, "avatarDialog")
            dialog.parentWindow = root.Window.window // the test window came after the picker
            button.forceActiveFocus()
            keyClick(Qt.Key_Space)
            tryVerify(() => dialog.visible)
            dialog.reject()
            tryVerify(() => !dialog.visible)
            verify(chooseSpy.count === 0)
            // What the dialog hands over goes out as it is (any file that exists will do here).
            const file = Qt.resolvedUrl("tst_avatarpicker.qml")
            dialog.selectedFile = file
            dialog.accepted()
            compare(chooseSpy.count, 1)
            compare(chooseSpy.signalArguments[0][0].toString(), file.toString())
        }

        function test_refusalShows() {
            account.avatarError = "This picture is too large."
            const label = child(account, "avatarError")
            verify(label.visible)
            compare(label.text, "This picture is too large.")
        }
    }
}

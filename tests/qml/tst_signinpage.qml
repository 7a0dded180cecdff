import QtQuick
import QtTest
import Confab.UI

Item {
    id: root
    width: 800
    height: 760

    SignInPage {
        id: page
        anchors.fill: parent
    }
    SignalSpy { id: signInSpy; target: page; signalName: "signInRequested" }
    SignalSpy { id: registerSpy; target: page; signalName: "registerRequested" }
    SignalSpy { id: hostSpy; target: page; signalName: "hostRequested" }

    TestCase {
        name: "SignInPage"
        when: windowShown

        function field(name) {
            const item = findChild(page, name)
            verify(item, name)
            return item
        }
        function init() {
            page.registering = false
            page.busy = false
            page.errorText = ""
            page.fieldErrors = ({})
            page.serverAddress = ""
            page.username = ""
            page.password = ""
            page.displayName = ""
            signInSpy.clear()
            registerSpy.clear()
            hostSpy.clear()
        }

        function test_fields() {
            verify(field("serverField").visible)
            verify(field("usernameField").visible)
            verify(field("passwordField").visible)
            compare(field("passwordField").echoMode, TextInput.Password)
            verify(!field("displayNameField").visible)
            verify(!field("inviteField").visible)
            verify(field("hostButton").visible)
            verify(!field("errorLabel").visible)
        }

        function test_registerToggleShowsDisplayName() {
            const toggle = field("modeToggle")
            mouseClick(toggle)
            verify(page.registering)
            tryVerify(() => field("displayNameField").visible)
            verify(field("inviteField").visible)
            mouseClick(toggle)
            verify(!page.registering)
            tryVerify(() => !field("displayNameField").visible)
        }

        function test_buttonDisabledWhileEmpty() {
            const button = field("submitButton")
            verify(!button.enabled)
            page.serverAddress = "ws://127.0.0.1:7480"
            verify(!button.enabled)
            page.username = "mina"
            verify(!button.enabled)
            page.password = "secret pw"
            verify(button.enabled)
            page.username = "   "
            verify(!button.enabled)
        }

        function test_signInEmits() {
            page.serverAddress = " ws://127.0.0.1:7480 "
            page.username = "mina"
            page.password = "secret pw"
            mouseClick(field("submitButton"))
            compare(signInSpy.count, 1)
            compare(signInSpy.signalArguments[0][0], "ws://127.0.0.1:7480")
            compare(signInSpy.signalArguments[0][1], "mina")
            compare(signInSpy.signalArguments[0][2], "secret pw")
            compare(registerSpy.count, 0)
        }

        function test_registerEmits() {
            page.registering = true
            page.serverAddress = "ws://127.0.0.1:7480"
            page.username = "hana"
            page.displayName = "김하나"
            page.password = "secret pw"
            mouseClick(field("submitButton"))
            compare(registerSpy.count, 1)
            compare(registerSpy.signalArguments[0][1], "hana")
            compare(registerSpy.signalArguments[0][2], "김하나")
            compare(signInSpy.count, 0)
        }

        function test_busyDisablesAndShowsIndicator() {
            page.serverAddress = "ws://127.0.0.1:7480"
            page.username = "mina"
            page.password = "secret pw"
            page.busy = true
            verify(!field("submitButton").enabled)
            verify(field("busyIndicator").visible)
            verify(field("cancelButton").visible)
        }

        // Pictures for review (CONFAB_QML_SHOTS; Korean with CONFAB_QML_TRANSLATION): a refused
        // sign-up in light and dark, with the app's own sentences beside their fields.
        function test_pictures() {
            page.registering = true
            page.serverAddress = "ws://127.0.0.1:7480"
            page.username = "mina"
            page.displayName = "\u202Egnp.exe Admin"
            page.password = "short"
            page.fieldErrors = {
                "username": qsTranslate("confab::client::SignUpRules", "This username is taken. Please choose another one."),
                "display_name": qsTranslate("confab::client::SignUpRules",
                                            "Display names must not contain invisible characters such as %1.").arg("U+202E"),
                "password": qsTranslate("confab::client::SignUpRules", "Passwords need at least %1 characters.").arg(8)
            }
            for (const dark of [false, true]) {
                Theme.dark = dark
                waitForRendering(root)
                const image = grabImage(root)
                compare(image.width, root.width)
                if (picturesDir.length > 0)
                    image.save(picturesDir + "/signup-errors-" + (dark ? "dark" : "light") + ".png")
            }
            Theme.dark = false
        }

        function test_fieldErrorsBesideTheirFieldsWithoutMovingTheCard() {
            page.registering = true
            const card = field("card")
            waitForRendering(page)
            const height = card.height
            const passwordY = field("passwordField").y
            page.fieldErrors = {
                "password": "Passwords need at least 8 characters.",
                "username": "This username is taken. Please choose another one."
            }
            const passwordError = field("passwordError")
            const usernameError = field("usernameError")
            tryVerify(() => passwordError.visible && usernameError.visible)
            compare(passwordError.text, "Passwords need at least 8 characters.")
            verify(!field("display_nameError").visible)
            verify(!field("invite_codeError").visible)
            // Under its own field, above the next one.
            const below = passwordError.mapToItem(card, 0, 0).y
            verify(below > field("passwordField").mapToItem(card, 0, 0).y)
            verify(below < field("inviteField").mapToItem(card, 0, 0).y)
            const userBelow = usernameError.mapToItem(card, 0, 0).y
            verify(userBelow > field("usernameField").mapToItem(card, 0, 0).y)
            verify(userBelow < field("displayNameField").mapToItem(card, 0, 0).y)
            // Nothing moved: the room was there already.
            compare(card.height, height)
            compare(field("passwordField").y, passwordY)
            page.fieldErrors = ({})
            tryVerify(() => !passwordError.visible)
            compare(card.height, height)
        }

        function test_generalErrorDoesNotMoveTheCard() {
            const card = field("card")
            waitForRendering(page)
            const height = card.height
            page.errorText = "The username or password is not right."
            tryVerify(() => field("errorLabel").visible)
            compare(card.height, height)
        }

        function test_errorText() {
            page.errorText = "Wrong username or password"
            verify(field("errorLabel").visible)
            compare(field("errorLabel").text, "Wrong username or password")
        }

        function test_host() {
            mouseClick(field("hostButton"))
            compare(hostSpy.count, 1)
            page.hostState = "running"
            verify(!field("hostButton").enabled)
            page.hostState = ""
        }
    }
}

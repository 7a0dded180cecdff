import QtQuick
import QtTest
import Confab.UI

// Settings → account → "Profile": the fields start from what the server knows, send what was
// typed (Enter or the button), show each refusal under its field, follow a change made on another
// device while untouched, and keep what the user is typing when such a change arrives.
Item {
    id: root
    width: 640
    height: 900

    Rectangle {
        anchors.fill: parent
        color: Theme.window
    }
    AccountSettings {
        id: account
        anchors.fill: parent
        displayName: "Mina Park"
        status: "In meetings until 3"
        username: "mina"
        serverUrl: "wss://chat.example"
    }
    SignalSpy { id: saveSpy; target: account; signalName: "saveProfileRequested" }

    TestCase {
        name: "ProfileForm"
        when: windowShown

        function field(name) { return findChild(account, name) }

        function init() {
            saveSpy.clear()
            account.profileProblems = ({})
            account.profileError = ""
            account.profileBusy = false
            account.displayName = "Mina Park"
            account.status = "In meetings until 3"
            account.profileSaved() // back to following the server
        }

        function test_startsFromTheServerAndSavesWithEnter() {
            compare(field("profileDisplayName").text, "Mina Park")
            compare(field("profileStatus").text, "In meetings until 3")
            verify(!field("saveProfile").enabled) // nothing changed yet
            field("profileStatus").forceActiveFocus()
            field("profileStatus").selectAll()
            for (const c of "Lunch") keyClick(c)
            verify(field("saveProfile").enabled)
            keyClick(Qt.Key_Return)
            compare(saveSpy.count, 1)
            compare(saveSpy.signalArguments[0][0], "Mina Park")
            compare(saveSpy.signalArguments[0][1], "Lunch")
        }

        function test_refusalsShowUnderTheirField() {
            account.profileProblems = ({ display_name: "Display names have at most 64 characters.",
                                         status: "A status is one line." })
            compare(field("display_nameProblem").text, "Display names have at most 64 characters.")
            verify(field("display_nameProblem").visible)
            compare(field("statusProblem").text, "A status is one line.")
            account.profileError = "Not connected: changing the profile needs the server."
            compare(field("profileNote").text, "Not connected: changing the profile needs the server.")
        }

        function test_followsOtherDevicesButKeepsTyping() {
            // Untouched fields follow a change made elsewhere.
            account.displayName = "Mina P."
            compare(field("profileDisplayName").text, "Mina P.")
            // Once the user types, their text stays.
            field("profileStatus").forceActiveFocus()
            field("profileStatus").selectAll()
            for (const c of "Away") keyClick(c)
            account.status = "Back at 4"
            compare(field("profileStatus").text, "Away")
            // A save says so and follows the server again.
            account.profileSaved()
            compare(field("profileStatus").text, "Back at 4")
            verify(field("profileNote").text.indexOf("Saved") === 0, field("profileNote").text)
        }

        function test_emptyNameCannotBeSaved() {
            field("profileDisplayName").text = "  "
            verify(!field("saveProfile").enabled)
        }
    }
}

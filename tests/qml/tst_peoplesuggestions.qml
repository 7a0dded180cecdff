import QtQuick
import QtQuick.Controls.Basic
import QtTest
import Confab.UI

// The directory's suggestions under a username field: shown while what is typed finds someone,
// Up/Down and Enter (or a click) pick, a list field completes only its last entry, bots and
// disabled accounts are marked, "Nobody found" and the directory's error are said.
Item {
    id: root
    width: 600
    height: 500

    // Stands in for ChatClient.directory (confab::client::PeopleDirectory): answers at once.
    ListModel {
        id: people
        property string query: ""
        property bool busy: false
        property string error: ""
        readonly property var all: [
            { userId: "u1", username: "joon", name: "Joon Lee", bot: false, disabled: false, status: "" },
            { userId: "u2", username: "jolly", name: "Jolly Bot", bot: true, disabled: false, status: "" },
            { userId: "u3", username: "jo", name: "Jo Park", bot: false, disabled: true, status: "" },
            { userId: "u4", username: "sora", name: "Sora Kim", bot: false, disabled: false, status: "" },
        ]
        onQueryChanged: {
            clear()
            if (query.length === 0)
                return
            for (const p of all) {
                if (p.username.startsWith(query.toLowerCase()) || p.name.toLowerCase().startsWith(query.toLowerCase()))
                    append(p)
            }
        }
    }

    Column {
        width: 400
        TextField {
            id: single
            width: parent.width
            Keys.onDownPressed: event => { event.accepted = singleSuggestions.moveBy(1) }
            Keys.onUpPressed: event => { event.accepted = singleSuggestions.moveBy(-1) }
            Keys.onReturnPressed: event => { event.accepted = singleSuggestions.pick() }
            onAccepted: root.submitted += 1
        }
        PeopleSuggestions {
            id: singleSuggestions
            width: parent.width
            height: visible ? implicitHeight : 0
            field: single
            directory: people
        }
        TextField {
            id: several
            width: parent.width
            Keys.onReturnPressed: event => { event.accepted = listSuggestions.pick() }
        }
        PeopleSuggestions {
            id: listSuggestions
            width: parent.width
            height: visible ? implicitHeight : 0
            field: several
            directory: people
            list: true
        }
    }
    property int submitted: 0

    SignalSpy { id: pickedSpy; target: singleSuggestions; signalName: "picked" }

    TestCase {
        name: "PeopleSuggestions"
        when: windowShown

        function init() {
            single.text = ""
            several.text = ""
            people.error = ""
            root.submitted = 0
            pickedSpy.clear()
            single.forceActiveFocus()
        }
        function type(text) {
            for (const c of text)
                keyClick(c)
        }
        function rows(popup) {
            const list = findChild(popup, "peopleSuggestionsList")
            return list.count
        }

        function test_showsWhatTheDirectoryFinds() {
            verify(!singleSuggestions.visible)
            type("jo")
            compare(people.query, "jo")
            tryCompare(singleSuggestions, "visible", true)
            compare(rows(singleSuggestions), 3)
            type("o")
            compare(people.query, "joo")
            compare(rows(singleSuggestions), 1)
        }

        function test_keyboardPicks() {
            type("jo")
            tryCompare(singleSuggestions, "visible", true)
            keyClick(Qt.Key_Down)
            keyClick(Qt.Key_Down)
            compare(singleSuggestions.currentIndex, 1)
            keyClick(Qt.Key_Up)
            compare(singleSuggestions.currentIndex, 0)
            keyClick(Qt.Key_Return)
            compare(single.text, "joon")
            compare(pickedSpy.count, 1)
            compare(pickedSpy.signalArguments[0][0], "joon")
            compare(root.submitted, 0) // Enter picked; it did not submit
            tryCompare(singleSuggestions, "visible", false) // what was picked is not offered again
            keyClick(Qt.Key_Return)
            compare(root.submitted, 1) // now Enter submits
        }

        function test_clickPicks() {
            type("so")
            tryCompare(singleSuggestions, "visible", true)
            const list = findChild(singleSuggestions, "peopleSuggestionsList")
            // The rows of "s" go as those of "so" come: click the one that stays.
            tryVerify(() => list.itemAtIndex(0) !== null && list.itemAtIndex(0).index === 0 && list.itemAtIndex(0).visible)
            const row = list.itemAtIndex(0)
            compare(row.objectName, "peopleSuggestionRow")
            mouseClick(row)
            compare(single.text, "sora")
        }

        function test_marksBotsAndDisabledAccounts() {
            type("jo")
            tryCompare(singleSuggestions, "visible", true)
            const list = findChild(singleSuggestions, "peopleSuggestionsList")
            const marks = []
            for (let i = 0; i < list.count; ++i) {
                list.currentIndex = i
                marks.push(findChild(list.currentItem, "peopleSuggestionMark").text)
            }
            compare(marks, ["", "Bot", "Disabled"])
        }

        function test_listCompletesTheLastEntry() {
            several.forceActiveFocus()
            type("sora, jo")
            compare(people.query, "jo")
            tryCompare(listSuggestions, "visible", true)
            listSuggestions.currentIndex = 0
            keyClick(Qt.Key_Return)
            compare(several.text, "sora, joon, ")
            verify(!listSuggestions.visible) // an empty entry is not searched
        }

        function test_saysNobodyAndErrors() {
            type("zz")
            tryCompare(singleSuggestions, "visible", true)
            compare(findChild(singleSuggestions, "peopleSuggestionsMessage").text, "Nobody found")
            people.error = "Too many searches. Please wait a moment."
            compare(findChild(singleSuggestions, "peopleSuggestionsMessage").text, "Too many searches. Please wait a moment.")
        }

        function test_nothingWithoutFocus() {
            type("jo")
            tryCompare(singleSuggestions, "visible", true)
            several.forceActiveFocus()
            tryCompare(singleSuggestions, "visible", false)
        }
    }
}

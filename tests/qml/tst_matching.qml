import QtQuick
import QtTest
import Confab.UI

// Matching from the app, the UI side: the "Matching" page of the new-conversation dialog takes
// people by username, splits them automatically or lets the user put each in A or B, previews what
// the server will make, hands one setup to its signal, shows a refusal, and works from the
// keyboard. And the reveal's date is written in the app's language (DateFormat, RevealLine).
Item {
    id: root
    width: 900
    height: 900

    Component {
        id: newDialogComponent
        NewConversationDialog {}
    }
    Component {
        id: spyComponent
        SignalSpy {}
    }
    Component {
        id: revealLineComponent
        RevealLine { width: 600 }
    }

    TestCase {
        name: "Matching"
        when: windowShown

        function spy(target, signalName) {
            return createTemporaryObject(spyComponent, root, { target: target, signalName: signalName })
        }
        function find(item, name) {
            if (!item)
                return null
            if (item.objectName === name)
                return item
            const kids = item.children !== undefined ? item.children : []
            for (let i = 0; i < kids.length; ++i) {
                const found = find(kids[i], name)
                if (found)
                    return found
            }
            if (item.contentItem && item.contentItem !== item) {
                const inContent = find(item.contentItem, name)
                if (inContent)
                    return inContent
            }
            return null
        }
        function findAll(item, name, out) {
            if (!item)
                return out
            if (item.objectName === name)
                out.push(item)
            const kids = item.children !== undefined ? item.children : []
            for (let i = 0; i < kids.length; ++i)
                findAll(kids[i], name, out)
            return out
        }
        function type(field, text) {
            field.forceActiveFocus()
            for (const c of text)
                keyClick(c)
        }
        function openMatchingPage() {
            const dialog = createTemporaryObject(newDialogComponent, root)
            dialog.open()
            tryCompare(dialog, "opened", true)
            const tabs = findAll(dialog.contentItem, "newConversationTab", [])
            compare(tabs.length, 4)
            compare(tabs[3].Accessible.name, "Matching")
            mouseClick(tabs[3])
            tryCompare(dialog, "isMatching", true)
            return dialog
        }
        function previewOf(form) {
            return find(form, "matchPreviewText").text
        }

        function test_automaticSplit() {
            const dialog = openMatchingPage()
            const form = find(dialog.contentItem, "newMatchingForm")
            verify(form)
            const start = find(dialog.contentItem, "newConversationStart")
            compare(start.text, "Create rooms")
            compare(start.enabled, false)
            compare(previewOf(form), "Add the people to match.")
            type(find(form, "matchTitle"), "Friday matching")
            type(find(form, "matchPersonField"), "Joon, @sora hana dami yuna")
            keyClick(Qt.Key_Return)
            compare(form.people.count, 5)
            compare(form.people.get(1).username, "sora")
            compare(form.automatic, true)
            // Five people in rooms of four: one room of five.
            compare(form.preview.rooms, 1)
            compare(previewOf(form), "One room of 5 people, and you own it.")
            compare(start.enabled, true)
            // Rooms of two: two rooms, of two and three.
            const size = find(form, "matchRoomSize")
            compare(size.Accessible.name, "People per room")
            size.value = 2
            compare(form.preview.rooms, 2)
            compare(previewOf(form), "2 rooms of 2 to 3 people, and you own each of them.")
            // Rooms of six: too few people, and the button stays off.
            size.value = 6
            compare(form.preview.problem, "small")
            compare(previewOf(form), "Too few people for a room of 6.")
            compare(start.enabled, false)
            size.value = 2

            type(find(form, "matchSeries"), "Fridays")
            const asked = spy(dialog, "matchRequested")
            mouseClick(start)
            compare(asked.count, 1)
            const setup = asked.signalArguments[0][0]
            compare(setup.title, "Friday matching")
            compare(setup.series, "Fridays")
            compare(setup.roomSize, 2)
            compare(setup.members.length, 5)
            compare(setup.members[0], "joon")
            compare(setup.poolA, undefined)
            compare(setup.reveal, "mutual")
            compare(setup.membersInvite, false)
            compare(dialog.waiting, true)

            // Refused: the words under the form, the title focused to change things, the form kept.
            dialog.failed("No arrangement keeps @joon apart")
            compare(find(dialog.contentItem, "newMatchingError").text, "No arrangement keeps @joon apart")
            compare(dialog.waiting, false)
            tryVerify(() => find(form, "matchTitle").activeFocus)
            compare(form.people.count, 5)
        }

        function test_poolsByHand() {
            const dialog = openMatchingPage()
            const form = find(dialog.contentItem, "newMatchingForm")
            const start = find(dialog.contentItem, "newConversationStart")
            type(find(form, "matchTitle"), "Coffee {n}")
            type(find(form, "matchPersonField"), "joon sora hana dami")
            mouseClick(find(form, "matchAddPeople"))
            compare(form.people.count, 4)
            mouseClick(find(form, "matchByHand"))
            compare(form.automatic, false)
            compare(form.unplaced, 4)
            compare(start.enabled, false)
            compare(previewOf(form), "Put everyone in group A or B (4 still in neither).")
            // Joon in B by hand, the rest evenly: two and two.
            const rows = findAll(form, "matchPersonRow", [])
            compare(rows.length, 4)
            tryVerify(() => form.width > 700 && find(rows[0], "groupPickB").mapToItem(form, 0, 0).x > 150)
            mouseClick(find(rows[0], "groupPickB"))
            compare(form.people.get(0).group, "B")
            mouseClick(find(form, "matchBalance"))
            compare(form.countA, 2)
            compare(form.countB, 2)
            compare(form.unplaced, 0)
            find(form, "matchRoomSize").value = 2
            compare(start.enabled, true)
            compare(previewOf(form), "2 rooms of 2 people, and you own each of them.")
            // Three in A and one in B for two rooms: a room would have nobody from B.
            mouseClick(find(rows[3], "groupPickA"))
            mouseClick(find(rows[2], "groupPickA"))
            compare(form.countB, 1)
            compare(form.preview.problem, "shortB")
            compare(previewOf(form), "Group B needs at least one person for every room.")
            compare(start.enabled, false)
            mouseClick(find(rows[2], "groupPickB"))
            // Taking someone out, then adding them back.
            mouseClick(findAll(form, "matchRemovePerson", [])[3])
            compare(form.people.count, 3)
            compare(form.preview.rooms, 1) // three people in rooms of two: one room of three
            compare(form.preview.problem, "")
            type(find(form, "matchPersonField"), "dami")
            keyClick(Qt.Key_Return)
            compare(form.people.count, 4)
            compare(form.people.get(3).group, "")
            // By keyboard (the button is below the fold of the dialog's scroll area now).
            const balance = find(form, "matchBalance")
            balance.forceActiveFocus()
            keyClick(Qt.Key_Space)
            compare(form.unplaced, 0)

            const policy = find(form, "matchPolicy")
            mouseClick(find(policy, "revealPolicy_scheduled"))
            const later = new Date(Date.now() + 3 * 86400000)
            find(policy, "revealDate").text = Qt.formatDate(later, "yyyy-MM-dd")
            find(policy, "revealTime").text = "18:30"
            compare(policy.valid, true)
            const asked = spy(dialog, "matchRequested")
            mouseClick(start)
            compare(asked.count, 1)
            const setup = asked.signalArguments[0][0]
            compare(setup.title, "Coffee {n}")
            compare(setup.members, undefined)
            compare(setup.poolA.length + setup.poolB.length, 4)
            compare(setup.poolB.indexOf("joon") >= 0, true)
            compare(setup.reveal, "scheduled")
            compare(new Date(setup.revealAt).getHours(), 18)
        }

        // Without a mouse: the fields take Enter, the size takes the arrow keys, the button Space.
        function test_keyboard() {
            const dialog = openMatchingPage()
            const form = find(dialog.contentItem, "newMatchingForm")
            const title = find(form, "matchTitle")
            type(title, "Lunch")
            keyClick(Qt.Key_Return) // on to the description
            tryVerify(() => find(form, "matchDescription").activeFocus)
            keyClick(Qt.Key_Return) // on to the series
            tryVerify(() => find(form, "matchSeries").activeFocus)
            keyClick(Qt.Key_Return) // on to the people
            tryVerify(() => find(form, "matchPersonField").activeFocus)
            for (const c of "joon, sora, hana")
                keyClick(c)
            keyClick(Qt.Key_Return)
            compare(form.people.count, 3)
            const size = find(form, "matchRoomSize")
            size.forceActiveFocus()
            keyClick(Qt.Key_Down)
            keyClick(Qt.Key_Down)
            compare(size.value, 2)
            keyClick(Qt.Key_Down)
            compare(size.value, 2) // not below two
            for (const name of ["matchTitle", "matchSeries", "matchPersonField", "matchAddPeople", "matchAutomatic",
                                "matchByHand", "matchRoomSize"])
                verify(find(form, name).Accessible.name.length > 0, name)
            const start = find(dialog.contentItem, "newConversationStart")
            const asked = spy(dialog, "matchRequested")
            start.forceActiveFocus()
            keyClick(Qt.Key_Space)
            compare(asked.count, 1)
            compare(asked.signalArguments[0][0].members.length, 3)
        }

        // The example the screenshots show: twelve people, six a side, rooms of four.
        function test_example() {
            const dialog = createTemporaryObject(newDialogComponent, root)
            dialog.showMatchingExample()
            tryCompare(dialog, "opened", true)
            compare(dialog.isMatching, true)
            const form = find(dialog.contentItem, "newMatchingForm")
            compare(form.people.count, 12)
            compare(form.countA, 6)
            compare(form.preview.rooms, 3)
            compare(previewOf(form), "3 rooms of 4 people, and you own each of them.")
            verify(find(dialog.contentItem, "newConversationStart").enabled)
        }

        // The reveal's moment in the app's language: Korean weekday and month when it is Korean.
        function test_datesInTheLocale() {
            const friday = new Date(2026, 11, 11, 18, 0) // Friday 11 December 2026, 18:00
            const english = DateFormat.moment(friday, Qt.locale("en_US"))
            verify(english.indexOf("Fri") >= 0, english)
            verify(english.indexOf("Dec") >= 0, english)
            verify(english.indexOf("18:00") >= 0, english)
            const korean = DateFormat.moment(friday, Qt.locale("ko_KR"))
            verify(korean.indexOf("금") >= 0, korean)
            verify(korean.indexOf("12월") >= 0, korean)
            verify(korean.indexOf("Fri") < 0 && korean.indexOf("Dec") < 0, korean)
            compare(DateFormat.weekday(friday, Qt.locale("ko_KR")), "금요일")
            compare(DateFormat.weekday(friday, Qt.locale("en_US")), "Friday")

            const line = createTemporaryObject(revealLineComponent, root, { revealedAt: friday.getTime(),
                                                                            locale: Qt.locale("ko_KR") })
            const text = find(line, "revealLineText").text
            verify(text.indexOf("금") >= 0 && text.indexOf("Fri") < 0, text)
            line.locale = Qt.locale("en_US")
            verify(find(line, "revealLineText").text.indexOf("Fri") >= 0)
        }
    }
}

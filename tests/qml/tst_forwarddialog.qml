import QtQuick
import QtQuick.Controls.Basic
import QtTest
import Confab.UI

// The forward picker by keyboard: typing filters, ↑/↓ move the highlight, Space picks, Enter
// forwards to the picked conversations (or to the highlighted one when none is picked), Esc closes.
// A stand-in for Forwarding (a C++ object of the signed-in client) records what it was asked.
Item {
    id: root
    width: 800
    height: 600

    // What ForwardDialog needs of ForwardTargets: the rows (title, kind, picked, avatarColor,
    // initials), filterText, count, pickedCount, toggle(row), idAt(row).
    ListModel {
        id: targets
        property string filterText
        property int pickedCount: 0
        readonly property var all: [["c2", "Design team", "group"], ["c3", "Joon Lee", "direct"],
                                    ["c4", "Launch checklist", "group"], ["c5", "Night owls", "blind"]]
        property var picked: ({})
        function refill() {
            clear()
            for (const [id, title, kind] of all) {
                if (filterText.length > 0 && title.toLowerCase().indexOf(filterText.toLowerCase()) < 0)
                    continue
                append({ conversationId: id, title: title, kind: kind, picked: picked[id] === true,
                         avatarColor: "#1D4ED8", initials: title.substring(0, 2) })
            }
        }
        onFilterTextChanged: refill()
        function toggle(row) {
            const id = get(row).conversationId
            picked[id] = !(picked[id] === true)
            setProperty(row, "picked", picked[id])
            pickedCount = Object.keys(picked).filter(k => picked[k]).length
        }
        function idAt(row) { return row >= 0 && row < count ? get(row).conversationId : "" }
        function pickedIds() { return all.map(r => r[0]).filter(id => picked[id] === true) }
        Component.onCompleted: refill()
    }
    QtObject {
        id: forwarding
        readonly property var targets: targets
        property var begun: []
        property var sent: []
        function begin(conversationId, messageId) {
            begun = [conversationId, messageId]
            targets.picked = ({})
            targets.pickedCount = 0
            targets.filterText = ""
            targets.refill()
        }
        function send(fallbackRow) {
            let ids = targets.pickedIds()
            if (ids.length === 0 && targets.idAt(fallbackRow).length > 0)
                ids = [targets.idAt(fallbackRow)]
            if (ids.length === 0)
                return false
            sent = ids
            return true
        }
    }

    Rectangle { anchors.fill: parent; color: Theme.window }
    Button { id: home; objectName: "home"; text: "home" }

    ForwardDialog {
        id: dialog
        forwarding: forwarding
        keyboardHome: () => home.forceActiveFocus()
    }

    TestCase {
        name: "ForwardDialog"
        when: windowShown

        function filter() { return findChild(dialog, "forwardFilter") }
        function list() { return findChild(dialog, "forwardList") }
        function init() {
            forwarding.sent = []
            dialog.show("c1", "m7", "The launch moves to Friday")
            tryVerify(() => dialog.opened)
            tryVerify(() => filter().activeFocus)
        }
        function cleanup() {
            if (dialog.visible)
                dialog.close()
            tryVerify(() => !dialog.visible)
        }

        function test_opensWithTheMessageAndTheFilter() {
            compare(forwarding.begun, ["c1", "m7"])
            compare(findChild(dialog, "forwardExcerpt").text, "The launch moves to Friday")
            compare(list().count, 4)
            compare(list().currentIndex, 0)
        }

        // Typing filters; Enter with nothing picked forwards to the highlighted conversation.
        function test_typeAndEnterForwardsToTheHighlighted() {
            keyClick(Qt.Key_L)
            keyClick(Qt.Key_A)
            keyClick(Qt.Key_U)
            compare(targets.filterText, "lau")
            compare(list().count, 1)
            keyClick(Qt.Key_Return)
            compare(forwarding.sent, ["c4"])
            tryVerify(() => !dialog.visible)
            tryVerify(() => home.activeFocus) // the keyboard goes back
        }

        // ↓ moves, Space picks (several), Enter forwards to the picked ones.
        function test_pickSeveralByKeyboard() {
            keyClick(Qt.Key_Space)          // Design team
            keyClick(Qt.Key_Down)
            keyClick(Qt.Key_Down)
            keyClick(Qt.Key_Space)          // Launch checklist
            compare(targets.pickedCount, 2)
            verify(list().itemAtIndex(0).picked)
            verify(!list().itemAtIndex(1).picked)
            verify(list().itemAtIndex(2).picked)
            compare(findChild(dialog, "forwardSend").text, "Forward to 2 conversations")
            keyClick(Qt.Key_Up)
            keyClick(Qt.Key_Space)          // Joon Lee, then again: unpicked
            keyClick(Qt.Key_Space)
            keyClick(Qt.Key_Return)
            compare(forwarding.sent, ["c2", "c4"])
            tryVerify(() => !dialog.visible)
        }

        // Tab goes into the list, where Space picks and Enter forwards too; Esc closes, forwarding nothing.
        function test_listKeysAndEscape() {
            keyClick(Qt.Key_Tab)
            tryVerify(() => list().activeFocus)
            keyClick(Qt.Key_Down)
            keyClick(Qt.Key_Down)
            keyClick(Qt.Key_Down)
            keyClick(Qt.Key_Space)
            verify(list().itemAtIndex(3).picked)
            keyClick(Qt.Key_Escape)
            tryVerify(() => !dialog.visible)
            compare(forwarding.sent, [])
        }

        // A click picks too, and the button forwards.
        function test_mouse() {
            mouseClick(list().itemAtIndex(1))
            verify(list().itemAtIndex(1).picked)
            mouseClick(findChild(dialog, "forwardSend"))
            compare(forwarding.sent, ["c3"])
        }

        function test_noMatchSaysSo() {
            keyClick(Qt.Key_Z)
            keyClick(Qt.Key_Q)
            compare(list().count, 0)
            keyClick(Qt.Key_Return) // nowhere to send: stays open
            verify(dialog.visible)
            compare(forwarding.sent, [])
        }
    }
}

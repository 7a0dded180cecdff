import QtQuick
import QtQuick.Controls.Basic
import QtTest
import Confab.Client
import Confab.UI

// The timeline's two pills (UI.md): new messages while scrolled up show "↓ N new" instead of
// yanking the view, and a click or Alt+End goes to them; while the first unread message lies above
// the view, "Jump to first unread" (or Ctrl+J) brings it back to the top.
Item {
    id: root
    width: 700
    height: 400

    // What Timeline needs of a MessageListModel.
    ListModel {
        id: messages
        property int firstUnreadRow: -1
        property bool canLoadOlder: false
        property string conversationId: "c1"
        signal conversationChanged()
        signal attachmentChanged(string id)
        function quote(id) { return { id: id, sender: "Joon", excerpt: "", deleted: false, loaded: true } }
        function rowOfMessage(id) { for (let i = 0; i < count; ++i) if (get(i).messageId === id) return i; return -1 }
        function add(n) {
            const at = count
            for (let i = at; i < at + n; ++i) {
                append({ messageId: "m" + i, clientId: "c-m" + i, seq: i + 1, senderId: "u2", senderName: "Joon Lee",
                         body: "Message number " + i, timeText: "10:41", edited: false, deleted: false, own: false,
                         status: MessageListModel.Sent, readCount: 0, firstInGroup: true, lastInGroup: true,
                         dayStart: false, dayText: "", errorText: "", avatarColor: "#1D4ED8", initials: "JL",
                         attachments: [], reactions: [], replyTo: {}, streamState: "", replyCount: 0, mentions: [],
                         mentionsMe: false, system: false, systemText: "", senderBot: false, forwarded: false, senderBlocked: false, collapsed: false })
            }
        }
    }

    Rectangle { anchors.fill: parent; color: Theme.window }
    Timeline {
        id: timeline
        anchors.fill: parent
        messages: messages
    }

    TestCase {
        name: "TimelinePills"
        when: windowShown

        function list() { return timeline.view }
        function newPill() { return findChild(timeline, "newPill") }
        function firstPill() { return findChild(timeline, "firstUnreadPill") }
        function open(rows, firstUnread) {
            messages.clear()
            messages.firstUnreadRow = firstUnread
            messages.add(rows)
            messages.conversationChanged()
            waitForRendering(timeline)
        }
        //! The newest message is in view (positionViewAtEnd leaves the bottom margin out of view).
        function atEnd() { return list().contentY + list().height >= list().contentHeight - 1 }
        function scrollToTop() {
            list().stickToEnd = false
            tryVerify(() => {
                list().positionViewAtBeginning()
                return list().indexAt(10, list().contentY + list().topMargin + 1) === 0
            })
        }

        function test_newMessagesWhileScrolledUpShowThePill() {
            open(40, -1)
            tryVerify(() => atEnd())
            verify(!newPill().visible)
            scrollToTop()
            const top = list().contentY
            messages.add(3)
            tryCompare(newPill(), "visible", true)
            compare(newPill().text, "↓ 3 new")
            compare(list().contentY, top) // the view was not yanked down
            mouseClick(newPill())
            tryVerify(() => atEnd())
            tryCompare(newPill(), "visible", false)
            compare(timeline.newCount, 0)
        }

        function test_altEndJumpsToTheNewest() {
            open(40, -1)
            scrollToTop()
            messages.add(1)
            tryCompare(newPill(), "visible", true)
            compare(newPill().text, "↓ 1 new")
            keyClick(Qt.Key_End, Qt.AltModifier)
            tryVerify(() => atEnd())
            tryCompare(newPill(), "visible", false)
        }

        // At the end already, new messages just come in: no pill.
        function test_noPillAtTheEnd() {
            open(40, -1)
            tryVerify(() => atEnd())
            messages.add(2)
            tryVerify(() => atEnd())
            verify(!newPill().visible)
        }

        function test_jumpToFirstUnread() {
            open(60, 20)
            // Opened at the first unread message: it is at the top, nothing to jump to.
            tryVerify(() => timeline.topRow === 20)
            verify(!firstPill().visible)
            // Read on to the end: it is above the view now.
            list().positionViewAtEnd()
            tryVerify(() => timeline.topRow > 20)
            tryCompare(firstPill(), "visible", true)
            mouseClick(firstPill())
            tryVerify(() => timeline.topRow === 20)
            tryCompare(firstPill(), "visible", false)
            // And by keyboard.
            list().positionViewAtEnd()
            tryCompare(firstPill(), "visible", true)
            keyClick(Qt.Key_J, Qt.ControlModifier)
            tryVerify(() => timeline.topRow === 20)
            tryCompare(firstPill(), "visible", false)
        }

        function test_noFirstUnreadNoPill() {
            open(60, -1)
            list().positionViewAtBeginning()
            list().positionViewAtEnd()
            waitForRendering(timeline)
            verify(!firstPill().visible)
        }
    }
}

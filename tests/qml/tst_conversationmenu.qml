import QtQuick
import QtQuick.Controls.Basic
import QtTest
import Confab.UI

// A conversation row's menu by keyboard: the Menu key (or Shift+F10) on the list's current row asks
// for it; Enter marks the conversation unread, or read when it shows unread messages or a mark.
Item {
    id: root
    width: 400
    height: 400

    ListModel {
        id: conversations
        Component.onCompleted: {
            for (const [id, title] of [["c1", "Design team"], ["c2", "Joon Lee"]]) {
                append({ conversationId: id, kind: "group", title: title, lastMessage: "hi", lastSenderIsMe: false,
                         lastSenderName: "Joon", lastDeleted: false, draft: "", unread: 0, muted: false,
                         unreadMentions: 0, notifyLevel: "all", blind: false, myAlias: "", typing: "",
                         avatarColor: "#1D4ED8", initials: "DT", activityText: "10:41", presence: "", myGroup: "",
                         isNew: false, markedUnread: false })
            }
        }
    }

    ConversationList {
        id: list
        width: 300
        height: 300
        model: conversations
        openRow: 0
        delegate: ConversationDelegate { width: ListView.view.width }
    }
    ConversationMenu {
        id: menu
        keyboardHome: () => list.forceActiveFocus()
    }
    SignalSpy { id: asked; target: list; signalName: "menuRequested" }
    SignalSpy { id: unreadChosen; target: menu; signalName: "markUnreadChosen" }
    SignalSpy { id: readChosen; target: menu; signalName: "markReadChosen" }

    TestCase {
        name: "ConversationMenu"
        when: windowShown

        function init() {
            asked.clear()
            unreadChosen.clear()
            readChosen.clear()
            list.forceActiveFocus()
            tryVerify(() => list.activeFocus)
        }

        function test_menuKeyAsksForTheCurrentRow() {
            keyClick(Qt.Key_Down)
            keyClick(Qt.Key_Menu)
            compare(asked.count, 1)
            compare(asked.signalArguments[0][0], 1)
            keyClick(Qt.Key_F10, Qt.ShiftModifier)
            compare(asked.count, 2)
            keyClick(Qt.Key_F10) // without Shift: nothing
            compare(asked.count, 2)
        }

        function test_enterMarksUnread() {
            menu.openFor(list.itemAtIndex(0), 10, 10, "c1", false)
            tryVerify(() => menu.opened)
            compare(findChild(menu.contentItem, "markUnreadItem").text, "Mark as unread")
            keyClick(Qt.Key_Return)
            compare(unreadChosen.count, 1)
            compare(unreadChosen.signalArguments[0][0], "c1")
            tryVerify(() => !menu.visible)
            tryVerify(() => list.activeFocus) // the keyboard goes back to the list
        }

        function test_unreadRowOffersMarkAsRead() {
            menu.openFor(list.itemAtIndex(1), 10, 10, "c2", true)
            tryVerify(() => menu.opened)
            compare(findChild(menu.contentItem, "markReadItem").text, "Mark as read")
            keyClick(Qt.Key_Return)
            compare(readChosen.count, 1)
            compare(unreadChosen.count, 0)
            compare(readChosen.signalArguments[0][0], "c2")
        }

        function test_escapeChoosesNothing() {
            menu.openFor(list.itemAtIndex(0), 10, 10, "c1", false)
            tryVerify(() => menu.opened)
            keyClick(Qt.Key_Escape)
            tryVerify(() => !menu.visible)
            compare(unreadChosen.count + readChosen.count, 0)
        }
    }
}

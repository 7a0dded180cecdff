import QtQuick
import QtTest
import Confab.UI

// A conversation list row with a draft waiting: "Draft:" and what was written, in place of the
// last message; typing still wins.
Item {
    id: root
    width: 320
    height: 200

    Component {
        id: row
        ConversationDelegate {
            width: root.width
        }
    }

    TestCase {
        name: "ConversationRow"
        when: windowShown

        function make(overrides) {
            const props = {
                index: 0, conversationId: "c1", kind: "group", title: "Design team", lastMessage: "See you at 3",
                lastSenderIsMe: false, lastSenderName: "Joon", lastDeleted: false, unread: 0, muted: false,
                blind: false, myAlias: "", typing: "", avatarColor: "#1D4ED8", initials: "DT",
                activityText: "10:41", presence: "", myGroup: "", isNew: false, draft: "", markedUnread: false,
                unreadMentions: 0, notifyLevel: "all"
            }
            for (const key in overrides)
                props[key] = overrides[key]
            const item = createTemporaryObject(row, root, props)
            verify(item)
            return item
        }

        function test_lastMessageWithoutDraft() {
            const item = make({})
            verify(!findChild(item, "draftLabel").visible)
            compare(findChild(item, "previewText").text, "Joon: See you at 3")
        }

        function test_draftReplacesTheLastMessage() {
            const item = make({ draft: "Agenda for Friday" })
            const label = findChild(item, "draftLabel")
            verify(label.visible)
            compare(label.text, "Draft:")
            compare(label.color, Theme.danger)
            compare(findChild(item, "previewText").text, "Agenda for Friday")
        }

        // Marked unread with nothing new: a dot, the title bold, and the screen reader says so.
        function test_markedUnreadShowsADot() {
            const item = make({ markedUnread: true })
            verify(findChild(item, "unreadDot").visible)
            verify(!findChild(item, "unreadBadge").visible)
            compare(findChild(item, "titleText").font.weight, Font.Bold)
            verify(item.Accessible.name.indexOf("marked unread") >= 0)
            // With unread messages the count shows instead of the dot.
            const counted = make({ markedUnread: true, unread: 3 })
            verify(!findChild(counted, "unreadDot").visible)
            verify(findChild(counted, "unreadBadge").visible)
        }

        function test_typingWins() {
            const item = make({ draft: "Agenda for Friday", typing: "Joon is typing…" })
            verify(!findChild(item, "draftLabel").visible)
            compare(findChild(item, "previewText").text, "Joon is typing…")
        }
    }
}

import QtQuick
import QtTest
import Confab.Client
import Confab.UI

// The timeline's own events as quiet centred lines (one row for several events that the model
// joined), and the bot badge on a bot's messages.
Item {
    id: root
    width: 800
    height: 600

    Component {
        id: delegate
        MessageDelegate {
            width: root.width
        }
    }

    TestCase {
        name: "SystemLines"
        when: windowShown

        function make(overrides) {
            const props = {
                index: 0, messageId: "", clientId: "", seq: 9, senderId: "", senderName: "",
                body: "", timeText: "10:41", edited: false, deleted: false, own: false,
                status: MessageListModel.Sent, readCount: 0, firstInGroup: true, lastInGroup: true,
                dayStart: false, dayText: "Today", errorText: "", avatarColor: "#1D4ED8", initials: "",
                attachments: [], reactions: [], replyTo: ({}), streamState: "", replyCount: 0, mentions: [], mentionsMe: false,
                system: true, systemText: "Mina added Joon, Sora and 2 others", senderBot: false, forwarded: false, senderBlocked: false, collapsed: false
            }
            for (const key in overrides)
                props[key] = overrides[key]
            const item = createTemporaryObject(delegate, root, props)
            verify(item)
            waitForRendering(item)
            return item
        }

        function test_groupedLineIsCentredAndQuiet() {
            const item = make({})
            const line = findChild(item, "systemLine")
            verify(line.visible)
            const text = findChild(item, "systemLineText")
            compare(text.text, "Mina added Joon, Sora and 2 others")
            compare(text.color, Theme.textMuted)
            // Centred in the timeline, without a bubble, avatar, name or menu.
            const middle = text.mapToItem(item, text.width / 2, 0).x
            verify(Math.abs(middle - item.width / 2) < 2, middle)
            verify(!findChild(item, "bubble").visible || findChild(item, "messageContent").height === 0
                   || !findChild(item, "messageContent").visible)
            verify(!findChild(item, "senderAvatar").visible)
            compare(item.actionable, false)
            compare(item.Accessible.name, "Mina added Joon, Sora and 2 others")
            // Much lower than a message.
            const message = make({ system: false, systemText: "", messageId: "m1", senderId: "u2",
                                   senderName: "Joon", body: "hello", initials: "J" })
            verify(item.height < message.height, item.height + " " + message.height)
        }

        function test_daySeparatorStillAbove() {
            const item = make({ dayStart: true })
            verify(findChild(item, "daySeparator").visible)
            verify(findChild(item, "systemLine").y > findChild(item, "daySeparator").y)
        }

        function test_longLineWraps() {
            const item = make({ systemText: "Quiet Otter offered to reveal their name to everyone ".repeat(6) })
            const text = findChild(item, "systemLineText")
            verify(text.width < item.width)
            verify(text.lineCount > 1)
        }

        function test_botBadge() {
            const bot = make({ system: false, systemText: "", messageId: "m1", senderId: "b1", senderName: "Build bot",
                               body: "Build 42 passed", initials: "BB", senderBot: true })
            verify(findChild(bot, "botBadge").visible)
            const person = make({ system: false, systemText: "", messageId: "m2", senderId: "u2", senderName: "Joon",
                                  body: "nice", initials: "J", senderBot: false })
            verify(!findChild(person, "botBadge").visible)
        }
    }
}

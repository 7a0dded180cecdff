import QtQuick
import QtTest
import Confab.Client
import Confab.UI

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
        name: "MessageDelegate"
        when: windowShown

        readonly property int sending: MessageListModel.Sending
        readonly property int sent: MessageListModel.Sent
        readonly property int delivered: MessageListModel.Delivered
        readonly property int read: MessageListModel.Read
        readonly property int failed: MessageListModel.Failed

        function make(overrides) {
            const props = {
                index: 0, messageId: "m1", clientId: "c1", seq: 7, senderId: "u2", senderName: "Joon Lee",
                body: "Hello https://example.com there", timeText: "10:41", edited: false, deleted: false,
                own: false, status: sent, readCount: 0, firstInGroup: true, lastInGroup: true,
                dayStart: false, dayText: "Tuesday, 3 March", errorText: "", avatarColor: "#1D4ED8",
                initials: "JL", attachments: [], reactions: [], replyTo: ({}), streamState: "", replyCount: 0,
                mentions: [], mentionsMe: false,
                system: false, systemText: "", senderBot: false, forwarded: false, senderBlocked: false, collapsed: false
            }
            for (const key in overrides)
                props[key] = overrides[key]
            const item = createTemporaryObject(delegate, root, props)
            verify(item)
            return item
        }
        function contentOf(item) {
            const content = findChild(item, "messageContent")
            verify(content)
            return content
        }

        function test_otherIsLeftAligned() {
            const item = make({ own: false })
            const content = contentOf(item)
            verify(content.x < item.width / 4, "x " + content.x)
            compare(content.alignedRight, false)
            compare(item.statusMark, "")
        }

        function test_ownIsRightAligned() {
            const item = make({ own: true })
            const content = contentOf(item)
            verify(content.x + content.width > item.width * 3 / 4)
            verify(content.x > item.width / 4)
            compare(content.alignedRight, true)
        }

        function test_statusMarks_data() {
            return [
                { tag: "sending", status: sending, mark: "◷" },
                { tag: "sent", status: sent, mark: "✓" },
                { tag: "delivered", status: delivered, mark: "✓✓" },
                { tag: "read", status: read, mark: "✓✓" },
                { tag: "failed", status: failed, mark: "⚠" },
            ]
        }
        function test_statusMarks(data) {
            const item = make({ own: true, status: data.status })
            compare(item.statusMark, data.mark)
            const mark = findChild(item, "statusMark")
            verify(mark.visible)
            compare(mark.text, data.mark)
        }

        function test_statusEnumMatchesLibrary() {
            // The library's order, which the marks depend on through the enum names.
            compare(sending, 0)
            compare(failed, 4)
        }

        function test_statusNamesForAccessibility() {
            compare(findChild(make({ own: true, status: read }), "statusMark").Accessible.name, "Read")
            compare(findChild(make({ own: true, status: sending }), "statusMark").Accessible.name, "Sending")
        }

        function test_noMarkOnOthersMessages() {
            compare(make({ own: false, status: read }).statusMark, "")
            verify(!findChild(make({ own: false }), "statusMark").visible)
        }

        function test_failedShowsDelete() {
            const item = make({ own: true, status: failed })
            const spy = createTemporaryObject(spyComponent, root, { target: item, signalName: "discardRequested" })
            mouseClick(findChild(item, "discardButton"))
            compare(spy.count, 1)
            compare(spy.signalArguments[0][0], "c1")
        }

        function test_readByInGroups() {
            const item = make({ own: true, status: delivered, readCount: 2, lastInGroup: true })
            item.groupChat = true
            const readBy = findChild(item, "readBy")
            verify(readBy.visible)
            compare(readBy.text, "Read by 2")
            const spy = createTemporaryObject(spyComponent, root, { target: item, signalName: "readersRequested" })
            mouseClick(readBy)
            compare(spy.count, 1)
            compare(spy.signalArguments[0][0], 7)
            // Not in direct chats, not before the end of a group, not when nobody read it.
            verify(!findChild(make({ own: true, status: delivered, readCount: 2 }), "readBy").visible)
            const mid = make({ own: true, status: delivered, readCount: 2, lastInGroup: false })
            mid.groupChat = true
            verify(!findChild(mid, "readBy").visible)
            const everyone = make({ own: true, status: read, readCount: 3 })
            everyone.groupChat = true
            compare(findChild(everyone, "readBy").text, "Read by everyone")
        }

        function test_blindSenderHasGroupChip() {
            const item = make({ senderName: "Brave Fox" })
            item.blind = true
            item.senderGroup = "B"
            const chip = findChild(item, "senderGroupChip")
            verify(chip.visible)
            compare(chip.group, "B")
            compare(findChild(item, "senderText").text, "Brave Fox")
            const avatar = findChild(item, "senderAvatar")
            verify(avatar.alias)
            verify(avatar.radius < avatar.width / 2, "aliases have square avatars")
            const plain = make({})
            verify(!findChild(plain, "senderGroupChip").visible)
        }

        function test_blindOwnSenderLine() {
            const item = make({ own: true })
            verify(!findChild(item, "senderLine").visible)
            item.blind = true
            item.myAlias = "Quiet Otter"
            verify(findChild(item, "senderLine").visible)
            compare(findChild(item, "senderText").text, "You (Quiet Otter)")
        }

        function test_readIsAccent() {
            compare(make({ own: true, status: read }).statusColor, Theme.accent)
            verify(make({ own: true, status: delivered }).statusColor !== Theme.accent)
        }

        function test_failedShowsRetry() {
            const item = make({ own: true, status: failed, errorText: "Too large" })
            verify(findChild(item, "failureRow").visible)
            const spy = createTemporaryObject(spyComponent, root, { target: item, signalName: "retryRequested" })
            mouseClick(findChild(item, "retryButton"))
            compare(spy.count, 1)
            compare(spy.signalArguments[0][0], "c1")
            verify(!findChild(make({ own: true, status: sent }), "failureRow").visible)
        }

        function test_uploadingMessageCanBeCancelled() {
            const file = { id: "", name: "plan.pdf", size: 2048, sizeText: "2 KB", mime: "application/pdf",
                           image: false, width: 0, height: 0, preview: "", thumbnailUrl: "", fileUrl: "",
                           progress: 0.4, state: "uploading" }
            const item = make({ own: true, status: sending, messageId: "", attachments: [file] })
            const cancel = findChild(item, "cancelUploadButton")
            verify(cancel.visible)
            const spy = createTemporaryObject(spyComponent, root, { target: item, signalName: "discardRequested" })
            mouseClick(cancel)
            compare(spy.count, 1)
            compare(spy.signalArguments[0][0], "c1")
            // Plain text being sent, or files already sent: nothing to cancel.
            verify(!findChild(make({ own: true, status: sending }), "cancelUploadButton").visible)
            verify(!findChild(make({ own: true, status: sent, attachments: [file] }), "cancelUploadButton").visible)
        }

        function test_daySeparator() {
            const withDay = make({ dayStart: true })
            verify(findChild(withDay, "daySeparator").visible)
            const without = make({ dayStart: false })
            verify(!findChild(without, "daySeparator").visible)
            verify(withDay.height > without.height)
        }

        function test_newMessagesLine() {
            verify(!findChild(make({}), "newMessagesLine").visible)
            const item = make({})
            item.firstUnread = true
            verify(findChild(item, "newMessagesLine").visible)
        }

        function test_newMessagesLineNamesTheSender() {
            // Below the line, a message that continues the sender's group still says who wrote it.
            const continued = make({ firstInGroup: false })
            verify(!findChild(continued, "senderLine").visible)
            verify(!findChild(continued, "senderAvatar").visible)
            continued.firstUnread = true
            verify(findChild(continued, "senderLine").visible)
            verify(findChild(continued, "senderAvatar").visible)
        }

        function test_linksAreClickable() {
            const body = findChild(make({}), "bodyText")
            verify(body.text.indexOf("<a href=\"https://example.com\"") >= 0, body.text)
        }

        function test_htmlIsEscaped() {
            const body = findChild(make({ body: "<b>not bold</b>" }), "bodyText")
            verify(body.text.indexOf("&lt;b&gt;") >= 0)
        }

        function test_longTextWraps() {
            const item = make({ body: "word ".repeat(400) })
            verify(findChild(item, "bubble").width <= Theme.bubbleMaxWidth)
        }
    }

    Component {
        id: spyComponent
        SignalSpy {}
    }
}

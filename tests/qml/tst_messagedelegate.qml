import QtQuick
import QtTest
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

        // MessageListModel::Status
        readonly property int sending: 0
        readonly property int sent: 1
        readonly property int delivered: 2
        readonly property int read: 3
        readonly property int failed: 4

        function make(overrides) {
            const props = {
                index: 0, messageId: "m1", clientId: "c1", seq: 7, senderName: "Joon Lee",
                body: "Hello https://example.com there", timeText: "10:41", edited: false, deleted: false,
                own: false, status: sent, readCount: 0, firstInGroup: true, lastInGroup: true,
                dayStart: false, dayText: "Tuesday, 3 March", errorText: "", avatarColor: "#1D4ED8",
                initials: "JL"
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

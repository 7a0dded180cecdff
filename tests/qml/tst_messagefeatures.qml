import QtQuick
import QtTest
import Confab.Client
import Confab.UI

// The message features on their own: the context menu, reaction chips, the tombstone, the quote
// in the bubble, edit in place, the reply bar and the search hits' highlighting.
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
    Component {
        id: menuComponent
        MessageMenu {
            emoji: ["👍", "❤️", "🎉"]
        }
    }
    Component {
        id: replyBarComponent
        ReplyBar { width: root.width }
    }
    Component {
        id: searchComponent
        SearchPanel { width: 320; height: 400 }
    }

    TestCase {
        name: "MessageFeatures"
        when: windowShown

        function make(overrides) {
            const props = {
                index: 0, messageId: "m1", clientId: "c1", seq: 7, senderId: "u2", senderName: "Joon Lee",
                body: "Lunch at noon?", timeText: "10:41", edited: false, deleted: false,
                own: false, status: MessageListModel.Sent, readCount: 0, firstInGroup: true, lastInGroup: true,
                dayStart: false, dayText: "", errorText: "", avatarColor: "#1D4ED8",
                initials: "JL", attachments: [], reactions: [], replyTo: ({}),
                streamState: "", replyCount: 0, mentions: [], mentionsMe: false,
                system: false, systemText: "", senderBot: false, forwarded: false, senderBlocked: false, collapsed: false
            }
            for (const key in overrides)
                props[key] = overrides[key]
            const item = createTemporaryObject(delegate, root, props)
            verify(item)
            return item
        }

        function test_reactionChipsShowCountsAndToggle() {
            const item = make({ reactions: [{ emoji: "👍", count: 2, mine: true }, { emoji: "🎉", count: 1, mine: false }] })
            const spy = createTemporaryObject(signalSpy, root, { target: item, signalName: "reactionToggled" })
            const row = findChild(item, "reactionRow")
            verify(row.visible)
            const chips = []
            for (let i = 0; i < row.children.length; ++i) {
                if (row.children[i].objectName === "reactionChip")
                    chips.push(row.children[i])
            }
            compare(chips.length, 2)
            compare(chips[0].contentItem.text, "👍 2")
            compare(chips[0].contentItem.font.weight, Font.DemiBold) // mine
            compare(chips[1].contentItem.text, "🎉 1")
            mouseClick(chips[1])
            compare(spy.count, 1)
            compare(spy.signalArguments[0][0], "🎉")
        }

        function test_noReactionsNoRow() {
            const item = make({})
            verify(!findChild(item, "reactionRow").visible)
        }

        function test_tombstone() {
            const item = make({ deleted: true, body: "", reactions: [{ emoji: "👍", count: 1, mine: false }],
                                replyTo: { id: "m0", sender: "Mina", excerpt: "hi", deleted: false, loaded: true } })
            const body = findChild(item, "bodyText")
            verify(body.visible)
            verify(body.text.indexOf("This message was deleted") >= 0, body.text)
            // A tombstone has no reactions, quote or menu.
            verify(!findChild(item, "reactionRow").visible)
            verify(!findChild(item, "quote").visible)
            compare(item.actionable, false)
        }

        function test_quoteInBubbleJumps() {
            const item = make({ replyTo: { id: "m0", sender: "Mina", excerpt: "Are we meeting at 3?", deleted: false, loaded: true } })
            const quote = findChild(item, "quote")
            verify(quote.visible)
            compare(findChild(item, "quoteSender").text, "Mina")
            compare(findChild(item, "quoteText").text, "Are we meeting at 3?")
            // The body sits below the quote.
            verify(findChild(item, "bodyText").y >= quote.y + quote.height)
            const spy = createTemporaryObject(signalSpy, root, { target: item, signalName: "quoteClicked" })
            mouseClick(quote)
            compare(spy.count, 1)
            compare(spy.signalArguments[0][0], "m0")
        }

        function test_quoteOfDeletedMessage() {
            const item = make({ replyTo: { id: "m0", sender: "Mina", excerpt: "", deleted: true, loaded: true } })
            compare(findChild(item, "quoteText").text, "This message was deleted")
        }

        function test_rightClickOpensMenu() {
            const item = make({})
            const spy = createTemporaryObject(signalSpy, root, { target: item, signalName: "menuRequested" })
            mouseClick(findChild(item, "bubble"), 10, 10, Qt.RightButton)
            compare(spy.count, 1)
        }

        function test_moreButtonOnHover() {
            const item = make({ own: true })
            const more = findChild(item, "moreButton")
            verify(!more.visible)
            mouseMove(findChild(item, "bubble"), 10, 10)
            tryVerify(() => more.visible)
            const spy = createTemporaryObject(signalSpy, root, { target: item, signalName: "menuRequested" })
            mouseClick(more)
            compare(spy.count, 1)
        }

        function test_editInPlace() {
            const item = make({ own: true, body: "Lunch at noon?" })
            const saved = createTemporaryObject(signalSpy, root, { target: item, signalName: "editSaved" })
            const cancelled = createTemporaryObject(signalSpy, root, { target: item, signalName: "editCancelled" })
            item.editing = true
            const editor = findChild(item, "editor")
            verify(editor.visible)
            verify(!findChild(item, "bodyText").visible)
            compare(editor.text, "Lunch at noon?")
            tryVerify(() => editor.activeFocus)
            keyClick(Qt.Key_Backspace)
            keyClick("s")
            keyClick(Qt.Key_Return)
            compare(saved.count, 1)
            compare(saved.signalArguments[0][0], "Lunch at noons")
            keyClick(Qt.Key_Escape)
            compare(cancelled.count, 1)
        }

        function test_menuItemsFollowPermissions() {
            const anchor = make({})
            const menu = createTemporaryObject(menuComponent, root)
            menu.openFor(anchor, 0, 0, "m1", false, false, [])
            tryVerify(() => menu.opened)
            waitForItemPolished(menu.contentItem)
            verify(!findChild(menu.contentItem, "editItem").visible)
            verify(!findChild(menu.contentItem, "deleteItem").visible)
            verify(findChild(menu.contentItem, "replyItem").visible)
            menu.close()
            tryVerify(() => !menu.visible)
            menu.openFor(anchor, 0, 0, "m1", true, true, ["👍"])
            tryVerify(() => menu.opened)
            waitForItemPolished(menu.contentItem)
            verify(findChild(menu.contentItem, "editItem").visible)
            verify(findChild(menu.contentItem, "deleteItem").visible)
            compare(menu.mine, ["👍"])
        }

        function test_menuSignals() {
            const anchor = make({})
            const menu = createTemporaryObject(menuComponent, root)
            const replies = createTemporaryObject(signalSpy, root, { target: menu, signalName: "replyChosen" })
            const reacts = createTemporaryObject(signalSpy, root, { target: menu, signalName: "reactionChosen" })
            const deletes = createTemporaryObject(signalSpy, root, { target: menu, signalName: "deleteChosen" })
            menu.openFor(anchor, 0, 0, "m9", true, true, [])
            tryVerify(() => menu.opened)
            waitForItemPolished(menu.contentItem)
            // Reply: the first menu item after the reaction row and the separator.
            const reply = findChild(menu.contentItem, "replyItem")
            const del = findChild(menu.contentItem, "deleteItem")
            const quick = findChild(menu.contentItem, "quickReactions")
            verify(reply && del && quick)
            verify(del.visible)
            // Every entry fits in the menu.
            verify(del.y + del.height <= menu.contentItem.height)
            const firstEmoji = findChild(quick, "quickReaction")
            verify(firstEmoji)
            mouseClick(firstEmoji)
            compare(reacts.count, 1)
            compare(reacts.signalArguments[0][1], "👍")
            tryVerify(() => !menu.visible)
            menu.openFor(anchor, 0, 0, "m9", true, true, [])
            tryVerify(() => menu.opened)
            waitForItemPolished(menu.contentItem)
            mouseClick(reply)
            compare(replies.count, 1)
            compare(replies.signalArguments[0][0], "m9")
            tryVerify(() => !menu.visible)
            menu.openFor(anchor, 0, 0, "m9", true, true, [])
            tryVerify(() => menu.opened)
            waitForItemPolished(menu.contentItem)
            mouseClick(del)
            compare(deletes.count, 1)
        }

        function test_replyBar() {
            const bar = createTemporaryObject(replyBarComponent, root, { target: ({}) })
            verify(!bar.visible)
            compare(bar.implicitHeight, 0)
            bar.target = { id: "m1", sender: "Joon Lee", excerpt: "Lunch at noon?", deleted: false, loaded: true }
            verify(bar.visible)
            verify(bar.implicitHeight > 0)
            compare(findChild(bar, "replyBarSender").text, "Replying to Joon Lee")
            compare(findChild(bar, "replyBarExcerpt").text, "Lunch at noon?")
            const spy = createTemporaryObject(signalSpy, root, { target: bar, signalName: "cancelRequested" })
            mouseClick(findChild(bar, "cancelReply"))
            compare(spy.count, 1)
        }

        // A streamed message grows in place: the same delegate takes each longer text, shows a
        // caret and "writing…" while it grows, nothing once complete, a warning when interrupted.
        function test_streamedMessageGrows() {
            const item = make({ body: "", streamState: "streaming" })
            const body = findChild(item, "bodyText")
            const label = findChild(item, "streamLabel")
            verify(label.visible)
            compare(label.text, "writing…")
            verify(body.visible)
            verify(body.text.indexOf("▍") >= 0, body.text)
            const heights = [item.height]
            const words = "The release notes are in the pinned doc, and the Korean strings were checked twice "
            let text = ""
            for (let i = 0; i < 6; ++i) {
                text += words
                item.body = text
                waitForRendering(item)
                verify(body.text.indexOf(text.trim()) === 0, body.text)
                verify(body.text.indexOf("▍") >= 0)
                heights.push(item.height)
            }
            // The bubble wraps and gets taller as the text grows; never shorter.
            for (let i = 1; i < heights.length; ++i)
                verify(heights[i] >= heights[i - 1], heights)
            verify(heights[heights.length - 1] > heights[1], heights)
            compare(item.Accessible.name.indexOf("still writing") > 0, true)

            item.streamState = "complete"
            verify(!label.visible)
            verify(body.text.indexOf("▍") < 0)

            item.streamState = "interrupted"
            verify(label.visible)
            compare(label.text, "⚠ interrupted")
            compare(label.color, Theme.warning)
            verify(body.text.indexOf("▍") < 0)
        }

        function test_threadLinkOpensThread() {
            const plain = make({})
            verify(!findChild(plain, "threadLink").visible)
            const item = make({ replyCount: 3 })
            const link = findChild(item, "threadLink")
            verify(link.visible)
            compare(link.text, "3 replies")
            const spy = createTemporaryObject(signalSpy, root, { target: item, signalName: "threadRequested" })
            mouseClick(link)
            compare(spy.count, 1)
            compare(spy.signalArguments[0][0], "m1")
            const gone = make({ replyCount: 3, deleted: true, body: "" })
            verify(!findChild(gone, "threadLink").visible)
        }

        function test_searchHighlighting() {
            const panel = createTemporaryObject(searchComponent, root)
            compare(panel.highlighted("내일 회의는 4시", [{ start: 3, length: 2 }]),
                    "내일 <b><font color=\"" + Theme.accent + "\">회의</font></b>는 4시")
            // Markup in a message stays text.
            compare(panel.highlighted("<b>deploy</b>", [{ start: 3, length: 6 }]),
                    "&lt;b&gt;<b><font color=\"" + Theme.accent + "\">deploy</font></b>&lt;/b&gt;")
            compare(panel.highlighted("no match", []), "no match")
        }
    }

    Component {
        id: signalSpy
        SignalSpy {}
    }
}

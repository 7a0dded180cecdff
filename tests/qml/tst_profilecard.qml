import QtQuick
import QtQuick.Controls.Basic
import QtTest
import Confab.Client
import Confab.UI

// The profile card and blocking in the UI: the card shows a person (and only the alias in blind
// rooms), Message and Block ask what they should, Block and Unblock are confirmed first, Esc closes;
// the member list opens the card on a click and on Enter; a message from someone I block is
// collapsed until "Show"; Settings → Privacy lists the people I block with Unblock.
Item {
    id: root
    width: 900
    height: 700

    Rectangle {
        anchors.fill: parent
        color: Theme.window
    }

    ProfileCard {
        id: card
        parent: root
        name: "Joon Lee"
        username: "joon"
        status: "On the train until 9"
        presence: "online"
        userId: "u2"
        initials: "JL"
        avatarColor: "#1D4ED8"
    }
    SignalSpy { id: messageSpy; target: card; signalName: "messageRequested" }
    SignalSpy { id: blockSpy; target: card; signalName: "blockRequested" }

    ListModel {
        id: memberModel
        ListElement { memberId: "u1"; name: "Mina Park"; username: "mina"; roleName: "owner"; alias: false
                      group: ""; avatarColor: "#1D4ED8"; initials: "MP"; isMe: true; presence: "online"
                      aliasName: ""; revealed: false; offeredByMe: false; offeredToMe: false; bot: false; statusText: "" }
        ListElement { memberId: "u2"; name: "Joon Lee"; username: "joon"; roleName: "member"; alias: false
                      group: ""; avatarColor: "#0F766E"; initials: "JL"; isMe: false; presence: "away"
                      aliasName: ""; revealed: false; offeredByMe: false; offeredToMe: false; bot: false; statusText: "" }
    }
    Component {
        id: panelComponent
        MemberPanel {
            width: 260
            height: 400
            members: memberModel
        }
    }

    Component {
        id: delegate
        MessageDelegate {
            width: root.width
        }
    }

    // What Timeline needs of a MessageListModel: Joon's message, collapsed (I block him).
    ListModel {
        id: timelineModel
        property int firstUnreadRow: -1
        property bool canLoadOlder: false
        property string conversationId: "c1"
        property int revealRow: -1
        property double revealedAt: 0
        signal conversationChanged()
        signal attachmentChanged(string id)
        function quote(id) { return { id: id, sender: "Joon Lee", excerpt: "", deleted: false, loaded: true } }
        function rowOfMessage(id) { return id === "m1" ? 0 : -1 }
        function showBlocked(id) { if (id === "m1") setProperty(0, "collapsed", false) }
        Component.onCompleted: append({ messageId: "m1", clientId: "c-m1", seq: 1, senderId: "u2", senderName: "Joon Lee",
                         body: "Hidden words", timeText: "10:41", edited: false, deleted: false, own: false,
                         status: MessageListModel.Sent, readCount: 0, firstInGroup: true, lastInGroup: true,
                         dayStart: false, dayText: "", errorText: "", avatarColor: "#1D4ED8", initials: "JL",
                         attachments: [], reactions: [], replyTo: {}, streamState: "", replyCount: 0, mentions: [],
                         mentionsMe: false, system: false, systemText: "", senderBot: false, forwarded: false,
                         senderBlocked: true, collapsed: true })
    }
    Component {
        id: timelineComponent
        Timeline {
            width: 800
            height: 300
            messages: timelineModel
        }
    }

    ListModel {
        id: blockedModel
        ListElement { userId: "u2"; username: "joon"; name: "Joon Lee"; avatarColor: "#0F766E"; initials: "JL" }
        ListElement { userId: "u3"; username: "sora"; name: "Sora Kim"; avatarColor: "#B45309"; initials: "SK" }
    }
    Component {
        id: privacyComponent
        PrivacySettings {
            width: 600
            displayName: "Mina Park"
        }
    }

    TestCase {
        name: "ProfileCard"
        when: windowShown

        function part(name) { return findChild(card, name) }
        function shown(name) { const item = part(name); return item !== null && item.visible }
        //! Clicks a part of the card once the layout placed it (it may have just appeared).
        function click(name) {
            const item = part(name)
            verify(item && item.visible, name)
            // The card grows and centres itself again when a part appears: let it settle.
            waitForItemPolished(card.contentItem)
            waitForRendering(card.contentItem)
            tryVerify(() => item.width > 0 && item.height > 0)
            mouseClick(item)
        }

        function init() {
            card.close()
            card.alias = false
            card.isMe = false
            card.blocked = false
            card.busy = false
            card.error = ""
            card.name = "Joon Lee"
            card.username = "joon"
            card.userId = "u2"
            card.status = "On the train until 9"
            card.presence = "online"
            messageSpy.clear()
            blockSpy.clear()
        }

        function test_showsThePerson() {
            card.show()
            tryCompare(card, "opened", true)
            compare(part("cardName").text, "Joon Lee")
            compare(part("cardUsername").text, "@joon")
            compare(part("cardStatus").text, "On the train until 9")
            compare(part("cardPresence").text, "Online")
            verify(shown("cardMessage"))
            verify(shown("cardBlock"))
            compare(part("cardBlock").text, "Block")
            verify(part("cardMessage").activeFocus) // Enter sends a message right away
            keyClick(Qt.Key_Return)
            compare(messageSpy.count, 1)
            compare(messageSpy.signalArguments[0][0], "joon")
        }

        function test_blindRoomsShowTheAliasOnly() {
            card.alias = true
            card.name = "Quiet Otter"
            card.username = ""
            card.userId = ""
            card.status = ""
            card.presence = ""
            card.show()
            tryCompare(card, "opened", true)
            compare(part("cardName").text, "Quiet Otter")
            verify(!shown("cardUsername"))
            verify(!shown("cardStatus"))
            verify(!shown("cardPresence"))
            verify(shown("cardAliasNote"))
            verify(!shown("cardMessage"))
            verify(!shown("cardBlock"))
            verify(part("cardClose").activeFocus)
        }

        function test_myOwnCardOffersNothing() {
            card.isMe = true
            card.show()
            tryCompare(card, "opened", true)
            compare(part("cardName").text, "Joon Lee (you)")
            verify(!shown("cardMessage"))
            verify(!shown("cardBlock"))
        }

        function test_blockAsksFirst() {
            card.show()
            tryCompare(card, "opened", true)
            click("cardBlock")
            verify(shown("cardConfirmText"))
            verify(part("cardConfirmText").text.indexOf("They are not told") >= 0)
            verify(!shown("cardMessage"))
            compare(blockSpy.count, 0)
            // Cancel keeps everything as it was.
            click("cardConfirmCancel")
            verify(!shown("cardConfirmText"))
            compare(blockSpy.count, 0)
            // Confirmed by keyboard: the focus is on the confirmation.
            click("cardBlock")
            verify(part("cardConfirm").activeFocus)
            keyClick(Qt.Key_Return)
            compare(blockSpy.count, 1)
            compare(blockSpy.signalArguments[0][0], "u2")
            compare(blockSpy.signalArguments[0][1], true)
            // The client confirms: the card shows the block, offers Unblock, and no Message.
            card.blocked = true
            verify(!shown("cardConfirmText"))
            verify(shown("cardBlockedNote"))
            compare(part("cardBlock").text, "Unblock")
            verify(!shown("cardMessage"))
            click("cardBlock")
            verify(part("cardConfirmText").text.indexOf("Unblock") === 0)
            click("cardConfirm")
            compare(blockSpy.count, 2)
            compare(blockSpy.signalArguments[1][1], false)
        }

        function test_errorShows() {
            card.error = "That did not work. Please try again."
            card.show()
            tryCompare(card, "opened", true)
            verify(shown("cardError"))
        }

        function test_escapeCloses() {
            card.show()
            tryCompare(card, "opened", true)
            keyClick(Qt.Key_Escape)
            tryCompare(card, "visible", false)
        }

        function test_memberListOpensTheCard() {
            const panel = createTemporaryObject(panelComponent, root)
            verify(panel)
            let asked = []
            panel.profileRequested.connect(id => asked.push(id))
            const list = findChild(panel, "memberList")
            verify(list)
            waitForRendering(list)
            // A click on a row.
            mouseClick(list, 100, 48 + 24)
            compare(asked, ["u2"])
            // The keyboard: into the list, down one row, Enter.
            list.forceActiveFocus()
            list.currentIndex = 0
            keyClick(Qt.Key_Down)
            compare(list.currentIndex, 1)
            keyClick(Qt.Key_Return)
            compare(asked, ["u2", "u2"])
            keyClick(Qt.Key_Up)
            keyClick(Qt.Key_Enter)
            compare(asked, ["u2", "u2", "u1"])
        }

        function makeMessage(overrides) {
            const props = {
                index: 0, messageId: "m1", clientId: "c1", seq: 7, senderId: "u2", senderName: "Joon Lee",
                body: "Something I would rather not read", timeText: "10:41", edited: false, deleted: false,
                own: false, status: MessageListModel.Sent, readCount: 0, firstInGroup: true, lastInGroup: true,
                dayStart: false, dayText: "", errorText: "", avatarColor: "#1D4ED8",
                initials: "JL", attachments: [], reactions: [], replyTo: ({}), streamState: "", replyCount: 0,
                mentions: [], mentionsMe: false,
                system: false, systemText: "", senderBot: false, forwarded: false, senderBlocked: true, collapsed: true
            }
            for (const key in overrides)
                props[key] = overrides[key]
            const item = createTemporaryObject(delegate, root, props)
            verify(item)
            return item
        }

        function test_blockedMessageIsCollapsedUntilShown() {
            const item = makeMessage({})
            const row = findChild(item, "blockedRow")
            verify(row.visible)
            compare(findChild(item, "blockedLabel").text, "Message from a blocked user")
            verify(!findChild(item, "senderLine").visible) // not even who wrote it
            verify(!findChild(item, "senderAvatar").visible)
            verify(!findChild(item, "bubble").visible)
            verify(!findChild(item, "moreButton").visible)
            compare(item.Accessible.name, "Message from a blocked user")
            let shown = []
            item.showBlockedRequested.connect(id => shown.push(id))
            mouseClick(findChild(item, "showBlockedButton"))
            compare(shown, ["m1"])
            // The model opens it: the message as any other.
            item.collapsed = false
            verify(!row.visible)
            verify(findChild(item, "senderLine").visible)
            verify(findChild(item, "bubble").visible)
        }

        function test_nameAndAvatarOpenTheCard() {
            const item = makeMessage({ senderBlocked: false, collapsed: false })
            let asked = []
            item.profileRequested.connect(id => asked.push(id))
            const name = findChild(item, "senderText")
            mouseClick(name)
            mouseClick(findChild(item, "senderAvatar"))
            compare(asked, ["u2", "u2"])
        }

        // The timeline by keyboard: Enter on a collapsed message shows it, like "Show".
        function test_enterShowsACollapsedMessage() {
            const timeline = createTemporaryObject(timelineComponent, root)
            verify(timeline)
            const list = findChild(timeline, "timelineList")
            tryVerify(() => list.count === 1)
            list.forceActiveFocus(Qt.TabFocusReason)
            list.currentIndex = 0
            verify(list.currentItem.collapsed)
            keyClick(Qt.Key_Return)
            compare(timelineModel.get(0).collapsed, false)
            verify(!list.currentItem.collapsed)
        }

        function test_privacyListsBlockedPeopleWithUnblock() {
            const page = createTemporaryObject(privacyComponent, root, { blocks: blockedModel })
            verify(page)
            const list = findChild(page, "blockedPeople")
            compare(list.count, 2)
            verify(!findChild(page, "blockedEmpty").visible)
            let unblocked = []
            page.unblockRequested.connect(id => unblocked.push(id))
            const first = findChild(list, "unblockButton")
            verify(first)
            mouseClick(first)
            compare(unblocked.length, 1)
            verify(unblocked[0] === "u2" || unblocked[0] === "u3")
            const empty = createTemporaryObject(privacyComponent, root, { blocks: null })
            verify(findChild(empty, "blockedEmpty").visible)
        }
    }
}

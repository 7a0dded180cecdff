import QtQuick
import QtTest
import Confab.UI

// The confirmation before a reveal offer: what is shown, to whom, when, and what stays hidden.
Item {
    id: root
    width: 700
    height: 560

    Component {
        id: dialog
        RevealDialog {}
    }
    Component {
        id: spy
        SignalSpy {}
    }

    TestCase {
        name: "RevealDialog"
        when: windowShown

        function text(item, name) {
            return findChild(item.contentItem, name).text
        }

        function test_toTheRoom() {
            const item = createTemporaryObject(dialog, root)
            const confirmed = createTemporaryObject(spy, root, { target: item, signalName: "confirmed" })
            item.show({ toRoom: true, memberId: "", alias: "Quiet Otter", displayName: "Mina Park",
                        username: "mina", others: 4, offered: false })
            tryVerify(() => item.opened)
            compare(item.title, "Reveal who you are to the room?")
            // What: my real name and username, in place of my alias.
            compare(text(item, "revealShown"), "Mina Park (@mina) instead of “Quiet Otter”")
            // To whom and when: only those who agree too, and nothing before that.
            verify(text(item, "revealWho").indexOf("also offers") >= 0)
            verify(text(item, "revealWho").indexOf("Nothing is shown") >= 0)
            compare(text(item, "revealOthers"), "Members who do not offer keep seeing you as “Quiet Otter”.")
            verify(text(item, "revealPermanent").indexOf("cannot be hidden again") >= 0)
            compare(text(item, "revealConfirm"), "Offer to the room")
            mouseClick(findChild(item.contentItem, "revealConfirm"))
            compare(confirmed.count, 1)
            tryVerify(() => !item.opened)
        }

        function test_toOneMemberWhoWaits() {
            const item = createTemporaryObject(dialog, root)
            item.show({ toRoom: false, memberId: "a_fox", target: "Brave Fox", alias: "Quiet Otter",
                        displayName: "Mina Park", username: "mina", theyOffered: true })
            tryVerify(() => item.opened)
            compare(item.title, "Reveal who you are to Brave Fox?")
            compare(text(item, "revealWho"),
                    "Brave Fox has already offered. As soon as you confirm, Brave Fox sees who you are, and you see who Brave Fox is.")
            compare(text(item, "revealOthers"), "Everyone else in the room keeps seeing you as “Quiet Otter”.")
            compare(text(item, "revealConfirm"), "Offer to Brave Fox")
            compare(item.preview.memberId, "a_fox")
        }

        function test_cancelOffersNothing() {
            const item = createTemporaryObject(dialog, root)
            const confirmed = createTemporaryObject(spy, root, { target: item, signalName: "confirmed" })
            item.show({ toRoom: false, memberId: "a_lynx", target: "Gentle Lynx", alias: "Quiet Otter",
                        displayName: "Mina Park", username: "mina", theyOffered: false })
            tryVerify(() => item.opened)
            verify(text(item, "revealWho").indexOf("Only if Gentle Lynx also offers") === 0)
            mouseClick(findChild(item.contentItem, "revealCancel"))
            tryVerify(() => !item.opened)
            compare(confirmed.count, 0)
        }
    }
}

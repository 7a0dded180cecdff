import QtQuick
import QtTest
import Confab.UI

Item {
    id: root
    width: 300
    height: 400

    ListModel {
        id: people
        ListElement { memberId: "u1"; name: "Mina Park"; username: "mina"; roleName: "owner"; alias: false
                      group: ""; avatarColor: "#1D4ED8"; initials: "MP"; isMe: true; presence: "online"
                      aliasName: ""; revealed: false; offeredByMe: false; offeredToMe: false; bot: false; statusText: "" }
        ListElement { memberId: "u2"; name: "Joon Lee"; username: "joon"; roleName: "member"; alias: false
                      group: ""; avatarColor: "#0F766E"; initials: "JL"; isMe: false; presence: "away"
                      aliasName: ""; revealed: false; offeredByMe: false; offeredToMe: false; bot: false; statusText: "In meetings until 3" }
        ListElement { memberId: "u3"; name: "Sora Kim"; username: "sora"; roleName: "member"; alias: false
                      group: ""; avatarColor: "#9D174D"; initials: "SK"; isMe: false; presence: "offline"
                      aliasName: ""; revealed: false; offeredByMe: false; offeredToMe: false; bot: true; statusText: "" }
    }
    ListModel {
        id: aliases
        ListElement { memberId: "a1"; name: "Quiet Otter"; username: ""; roleName: "member"; alias: true
                      group: "A"; avatarColor: "#1D4ED8"; initials: "QO"; isMe: true; presence: ""
                      aliasName: "Quiet Otter"; revealed: false; offeredByMe: false; offeredToMe: false; bot: false; statusText: "" }
        ListElement { memberId: "a2"; name: "Brave Fox"; username: ""; roleName: "member"; alias: true
                      group: "B"; avatarColor: "#0F766E"; initials: "BF"; isMe: false; presence: ""
                      aliasName: "Brave Fox"; revealed: false; offeredByMe: false; offeredToMe: true; bot: false; statusText: "" }
        // Revealed to me: the real name, the alias in small text beside the handle.
        ListElement { memberId: "a3"; name: "Bram Oyelaran"; username: "bram"; roleName: "admin"; alias: true
                      group: ""; avatarColor: "#9D174D"; initials: "BO"; isMe: false; presence: ""
                      aliasName: "Gentle Lynx"; revealed: true; offeredByMe: false; offeredToMe: false; bot: false; statusText: "" }
        // I offered to this one; no answer yet.
        ListElement { memberId: "a4"; name: "Swift Heron"; username: ""; roleName: "member"; alias: true
                      group: "A"; avatarColor: "#1D4ED8"; initials: "SH"; isMe: false; presence: ""
                      aliasName: "Swift Heron"; revealed: false; offeredByMe: true; offeredToMe: false; bot: false; statusText: "" }
    }
    Component {
        id: spy
        SignalSpy {}
    }
    Component {
        id: panel
        MemberPanel { width: 260; height: 400 }
    }

    TestCase {
        name: "MemberPanel"
        when: windowShown

        function rows(item) {
            const list = findChild(item, "memberList")
            tryVerify(() => list.itemAtIndex(list.count - 1) !== null)
            const out = []
            for (let i = 0; i < list.count; ++i)
                out.push(list.itemAtIndex(i))
            return out
        }

        function test_membersWithPresence() {
            const item = createTemporaryObject(panel, root, { members: people })
            tryCompare(item, "count", 3)
            const r = rows(item)
            compare(findChild(r[0], "memberName").text, "Mina Park (you)")
            compare(findChild(r[0], "presenceDot").visible, true)
            compare(findChild(r[1], "presenceDot").visible, true)
            compare(findChild(r[2], "presenceDot").visible, false)
            verify(!findChild(r[0], "memberGroupChip").visible)
            verify(!findChild(item, "blindNote").visible)
            // Sora is a bot: a badge says so.
            verify(findChild(r[2], "memberBotBadge").visible)
            verify(!findChild(r[1], "memberBotBadge").visible)
            // Joon's status comes first under his name.
            compare(findChild(r[1], "memberDetail").text, "In meetings until 3 · @joon")
        }

        function test_blindAliasesWithChips() {
            const item = createTemporaryObject(panel, root, { members: aliases, blind: true })
            tryCompare(item, "count", 4)
            verify(findChild(item, "blindNote").visible)
            const r = rows(item)
            compare(findChild(r[1], "memberName").text, "Brave Fox")
            compare(findChild(r[0], "memberGroupChip").group, "A")
            compare(findChild(r[1], "memberGroupChip").group, "B")
            verify(findChild(r[1], "memberGroupChip").visible)
            verify(!findChild(r[1], "presenceDot").visible)
        }

        function test_revealedMemberShowsNameAndAlias() {
            const item = createTemporaryObject(panel, root, { members: aliases, blind: true })
            tryCompare(item, "count", 4)
            const r = rows(item)
            compare(findChild(r[2], "memberName").text, "Bram Oyelaran")
            compare(findChild(r[2], "memberDetail").text, "Gentle Lynx · @bram · Admin")
            // Not revealed: the alias, no handle, and where the offers stand.
            compare(findChild(r[1], "memberDetail").text, "Offers to reveal")
            compare(findChild(r[3], "memberDetail").text, "You offered to reveal")
            verify(!findChild(r[0], "memberDetail").visible)
        }

        function menuOf(row) {
            mouseClick(row, 20, row.height / 2, Qt.RightButton)
            const menu = findChild(row, "memberMenu")
            tryVerify(() => menu.opened)
            return menu
        }

        function test_blindMenu() {
            const item = createTemporaryObject(panel, root, { members: aliases, blind: true })
            tryCompare(item, "count", 4)
            const r = rows(item)
            const revealSpy = createTemporaryObject(spy, root, { target: item, signalName: "revealRequested" })
            const withdrawSpy = createTemporaryObject(spy, root, { target: item, signalName: "withdrawRequested" })
            const reportSpy = createTemporaryObject(spy, root, { target: item, signalName: "reportRequested" })

            // Brave Fox offered: answering reveals both of us, and the menu says so.
            let menu = menuOf(r[1])
            const reveal = findChild(menu, "revealItem")
            verify(reveal.visible)
            compare(reveal.text, "Reveal names with Brave Fox…")
            verify(!findChild(menu, "withdrawItem").visible)
            reveal.triggered()
            compare(revealSpy.count, 1)
            compare(revealSpy.signalArguments[0][0], "a2")
            menu.close()

            // My pending offer to Swift Heron can be withdrawn, not made again.
            menu = menuOf(r[3])
            verify(!findChild(menu, "revealItem").visible)
            verify(findChild(menu, "withdrawItem").visible)
            findChild(menu, "withdrawItem").triggered()
            compare(withdrawSpy.signalArguments[0][0], "a4")
            menu.close()

            // Revealed already: nothing left to reveal; anyone can be reported.
            menu = menuOf(r[2])
            verify(!findChild(menu, "revealItem").visible)
            findChild(menu, "reportItem").triggered()
            compare(reportSpy.signalArguments[0][0], "a3")
            compare(reportSpy.signalArguments[0][1], "Bram Oyelaran")
            menu.close()

            // Not for myself.
            verify(!findChild(r[0], "memberMenuButton").visible)
        }

        function test_revealsOff() {
            const item = createTemporaryObject(panel, root, { members: aliases, blind: true, revealsAllowed: false })
            tryCompare(item, "count", 4)
            const r = rows(item)
            compare(findChild(r[1], "memberDetail").text, "") // an offer that cannot be answered is not shown
            const menu = menuOf(r[1])
            verify(!findChild(menu, "revealItem").visible)
            verify(findChild(menu, "reportItem").visible)
            menu.close()
        }
    }
}

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
                      group: ""; avatarColor: "#1D4ED8"; initials: "MP"; isMe: true; presence: "online" }
        ListElement { memberId: "u2"; name: "Joon Lee"; username: "joon"; roleName: "member"; alias: false
                      group: ""; avatarColor: "#0F766E"; initials: "JL"; isMe: false; presence: "away" }
        ListElement { memberId: "u3"; name: "Sora Kim"; username: "sora"; roleName: "member"; alias: false
                      group: ""; avatarColor: "#9D174D"; initials: "SK"; isMe: false; presence: "offline" }
    }
    ListModel {
        id: aliases
        ListElement { memberId: "a1"; name: "Quiet Otter"; username: ""; roleName: "member"; alias: true
                      group: "A"; avatarColor: "#1D4ED8"; initials: "QO"; isMe: true; presence: "" }
        ListElement { memberId: "a2"; name: "Brave Fox"; username: ""; roleName: "member"; alias: true
                      group: "B"; avatarColor: "#0F766E"; initials: "BF"; isMe: false; presence: "" }
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
        }

        function test_blindAliasesWithChips() {
            const item = createTemporaryObject(panel, root, { members: aliases, blind: true })
            tryCompare(item, "count", 2)
            verify(findChild(item, "blindNote").visible)
            const r = rows(item)
            compare(findChild(r[1], "memberName").text, "Brave Fox")
            compare(findChild(r[0], "memberGroupChip").group, "A")
            compare(findChild(r[1], "memberGroupChip").group, "B")
            verify(findChild(r[1], "memberGroupChip").visible)
            verify(!findChild(r[1], "presenceDot").visible)
        }
    }
}

import QtQuick
import QtTest
import Confab.UI

Item {
    id: root
    width: 900
    height: 100

    Component {
        id: header
        ConversationHeader { width: root.width }
    }

    TestCase {
        name: "ConversationHeader"
        when: windowShown

        function test_group() {
            const item = createTemporaryObject(header, root, { title: "Design team", kind: "group", memberCount: 5 })
            compare(findChild(item, "conversationTitle").text, "# Design team")
            compare(findChild(item, "conversationSubtitle").text, "· 5 member(s)")
            verify(!findChild(item, "blindMask").visible)
            verify(!findChild(item, "myAliasRow").visible)
        }

        function test_blind() {
            const item = createTemporaryObject(header, root, {
                title: "Matching: Friday", kind: "blind", memberCount: 5, myAlias: "Quiet Otter", myGroup: "A" })
            verify(item.blind)
            verify(findChild(item, "blindMask").visible)
            compare(findChild(item, "conversationTitle").text, "Matching: Friday")
            compare(findChild(item, "conversationSubtitle").text, "· Blind room — names are hidden")
            verify(findChild(item, "myAliasRow").visible)
            const chip = findChild(item, "myGroupChip")
            verify(chip.visible)
            compare(chip.group, "A")
        }

        function test_membersToggle() {
            const item = createTemporaryObject(header, root, { title: "Design team", kind: "group" })
            const spy = createTemporaryObject(spyComponent, root, { target: item, signalName: "membersToggled" })
            mouseClick(findChild(item, "membersButton"))
            compare(spy.count, 1)
        }
    }

    Component {
        id: spyComponent
        SignalSpy {}
    }
}

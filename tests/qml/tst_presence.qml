import QtQuick
import QtTest
import Confab.UI

Item {
    id: root
    width: 400
    height: 300

    Component {
        id: avatar
        Avatar { initials: "MP"; color: "#1D4ED8" }
    }
    Component {
        id: chip
        GroupChip {}
    }

    TestCase {
        name: "Presence"
        when: windowShown

        function test_dotColours_data() {
            return [
                { tag: "online", presence: "online", visible: true, color: Theme.presenceOnline },
                { tag: "away", presence: "away", visible: true, color: Theme.presenceAway },
                { tag: "offline", presence: "offline", visible: false },
                { tag: "none", presence: "", visible: false },
            ]
        }
        function test_dotColours(data) {
            const item = createTemporaryObject(avatar, root, { presence: data.presence })
            const dot = findChild(item, "presenceDot")
            compare(dot.visible, data.visible)
            if (data.visible)
                compare(item.presenceColor, data.color)
        }

        function test_onlineIsGreenAwayIsAmber() {
            verify(Theme.presenceOnline.g > Theme.presenceOnline.r && Theme.presenceOnline.g > Theme.presenceOnline.b)
            verify(Theme.presenceAway.r > Theme.presenceAway.b)
            verify(Theme.presenceAway !== Theme.presenceOnline)
        }

        function test_aliasIsSquare() {
            const person = createTemporaryObject(avatar, root, {})
            const alias = createTemporaryObject(avatar, root, { alias: true })
            compare(person.radius, person.width / 2)
            verify(alias.radius < alias.width / 2)
        }

        function test_groupChip() {
            const a = createTemporaryObject(chip, root, { group: "A" })
            verify(a.visible)
            verify(a.width > 0)
            const b = createTemporaryObject(chip, root, { group: "B" })
            verify(a.tint !== b.tint)
            verify(!createTemporaryObject(chip, root, { group: "" }).visible)
        }
    }
}

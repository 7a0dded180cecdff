import QtQuick
import QtTest
import Confab.UI

Item {
    id: root
    width: 600
    height: 100

    Component {
        id: line
        TypingLine { width: root.width }
    }

    TestCase {
        name: "TypingLine"
        when: windowShown

        function test_visibleWithText() {
            const item = createTemporaryObject(line, root, { text: "Mina is typing…" })
            verify(item.active)
            const row = findChild(item, "typingRow")
            tryCompare(row, "opacity", 1)
            verify(row.visible)
            compare(findChild(item, "typingText").text, "Mina is typing…")
            verify(findChild(item, "typingText").font.italic)
            verify(findChild(item, "typingDots").visible)
        }

        function test_hiddenWhenEmpty() {
            const item = createTemporaryObject(line, root, { text: "" })
            verify(!item.active)
            verify(!findChild(item, "typingRow").visible)
        }

        function test_goesAwayWhenTypingStops() {
            const item = createTemporaryObject(line, root, { text: "Mina and Joon are typing…" })
            const row = findChild(item, "typingRow")
            tryCompare(row, "opacity", 1)
            item.text = ""
            tryCompare(row, "visible", false)
        }

        function test_fixedStripNeverJumps() {
            // The timeline above keeps its height whether or not someone types.
            const item = createTemporaryObject(line, root, { text: "" })
            const empty = item.implicitHeight
            item.text = "Mina is typing…"
            compare(item.implicitHeight, empty)
            verify(empty > 0 && empty <= 24)
        }
    }
}

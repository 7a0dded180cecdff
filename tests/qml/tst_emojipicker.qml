import QtQuick
import QtTest
import Confab.UI

// The emoji picker behind "+" in the message menu: categories as tabs, a grid of emoji, a click or
// Enter picks one for the message, Esc closes.
Item {
    id: root
    width: 800
    height: 600

    readonly property var categories: [
        { name: "Smileys", icon: "😀", emoji: ["😀", "😂", "🥳", "😭"] },
        { name: "Gestures", icon: "👍", emoji: ["👍", "👏", "🙏"] },
        { name: "Celebration", icon: "🎉", emoji: ["🎉", "🚀"] }
    ]

    Component {
        id: pickerComponent
        EmojiPicker { categories: root.categories }
    }
    Component {
        id: menuComponent
        MessageMenu { emoji: ["👍", "❤️"] }
    }
    Component {
        id: spyComponent
        SignalSpy {}
    }

    TestCase {
        name: "EmojiPicker"
        when: windowShown

        function named(parent, name) {
            const out = []
            const collect = item => {
                for (let i = 0; i < item.children.length; ++i) {
                    if (item.children[i].objectName === name)
                        out.push(item.children[i])
                    collect(item.children[i])
                }
            }
            collect(parent)
            return out
        }
        function openPicker() {
            const picker = createTemporaryObject(pickerComponent, root)
            picker.openFor(root, 20, 20, "m1", ["👏"])
            tryCompare(picker, "opened", true)
            return picker
        }

        function test_categoriesAndGrid() {
            const picker = openPicker()
            compare(named(picker.contentItem, "emojiCategory").length, 3)
            compare(findChild(picker.contentItem, "emojiCategoryName").text, "Smileys")
            const grid = findChild(picker.contentItem, "emojiGrid")
            compare(grid.count, 4)
            mouseClick(named(picker.contentItem, "emojiCategory")[1])
            compare(findChild(picker.contentItem, "emojiCategoryName").text, "Gestures")
            compare(grid.count, 3)
            verify(picker.opened)
        }

        function test_clickPicks() {
            const picker = openPicker()
            const spy = createTemporaryObject(spyComponent, root, { target: picker, signalName: "picked" })
            mouseClick(named(picker.contentItem, "emojiCategory")[2])
            const grid = findChild(picker.contentItem, "emojiGrid")
            tryCompare(grid, "count", 2)
            tryVerify(() => named(grid.contentItem, "emojiCell").length === 2)
            const rocket = named(grid.contentItem, "emojiCell").filter(c => c.modelData === "🚀")[0]
            mouseClick(rocket)
            compare(spy.count, 1)
            compare(spy.signalArguments[0][0], "m1")
            compare(spy.signalArguments[0][1], "🚀")
            tryCompare(picker, "visible", false)
        }

        function test_keyboardPicksAndEscapeCloses() {
            let picker = openPicker()
            const spy = createTemporaryObject(spyComponent, root, { target: picker, signalName: "picked" })
            keyClick(Qt.Key_Right)
            keyClick(Qt.Key_Return)
            compare(spy.count, 1)
            compare(spy.signalArguments[0][1], "😂")
            picker.openFor(root, 20, 20, "m2", [])
            tryCompare(picker, "opened", true)
            keyClick(Qt.Key_Escape)
            tryCompare(picker, "visible", false)
            compare(spy.count, 1)
        }

        function test_menuPlusAsksForThePicker() {
            const menu = createTemporaryObject(menuComponent, root)
            const spy = createTemporaryObject(spyComponent, root, { target: menu, signalName: "moreReactionsChosen" })
            menu.openFor(root, 10, 10, "m7", true, true, [])
            tryCompare(menu, "opened", true)
            waitForItemPolished(menu.contentItem)
            mouseClick(findChild(menu.contentItem, "moreReactions"))
            compare(spy.count, 1)
            compare(spy.signalArguments[0][0], "m7")
            tryCompare(menu, "visible", false)
        }
    }
}

import QtQuick
import QtQuick.Controls.Basic

// Any emoji as a reaction ("+" in the message menu): common emoji in a grid, by category (tabs
// along the top). A click or Enter picks one and closes; arrows move; Esc closes.
Popup {
    id: root

    //! MessageActions.emojiCategories(): [{name, icon, emoji: [...]}].
    property var categories: []
    //! The emoji that are mine on the message already (shown selected; picking one takes it back).
    property var mine: []
    property int category: 0
    property string messageId
    readonly property var current: root.categories.length > 0 ? root.categories[Math.min(root.category,
                                                                 root.categories.length - 1)] : ({ name: "", emoji: [] })

    //! () => void: where the keyboard goes on closing (the menu that opened it is gone by then).
    property var keyboardHome: null
    readonly property FocusReturn focusReturn: FocusReturn { popup: root; home: root.keyboardHome }

    signal picked(string messageId, string emoji)

    //! Opens beside (x, y) of `anchor` for a message.
    function openFor(anchor, x, y, messageId, myReactions) {
        root.messageId = messageId
        root.mine = myReactions ?? []
        root.parent = anchor
        root.x = x
        root.y = y
        open()
        grid.currentIndex = 0
        grid.forceActiveFocus()
    }

    objectName: "emojiPicker"
    modal: false
    focus: true
    margins: Theme.spacingS
    padding: Theme.spacingS
    closePolicy: Popup.CloseOnEscape | Popup.CloseOnPressOutside
    background: Rectangle {
        color: Theme.window
        border.color: Theme.divider
        radius: Theme.radiusControl
    }

    contentItem: Column {
        spacing: Theme.spacingXs

        Row {
            id: tabs
            objectName: "emojiCategories"
            spacing: 2
            Repeater {
                model: root.categories
                delegate: ToolButton {
                    id: tab
                    required property var modelData
                    required property int index
                    objectName: "emojiCategory"
                    implicitWidth: 36
                    implicitHeight: 32
                    checkable: false
                    focusPolicy: Qt.StrongFocus
                    Accessible.name: tab.modelData.name
                    ToolTip.visible: hovered
                    ToolTip.delay: 600
                    ToolTip.text: tab.modelData.name
                    contentItem: Text {
                        text: tab.modelData.icon
                        font.pixelSize: 18
                        horizontalAlignment: Text.AlignHCenter
                        verticalAlignment: Text.AlignVCenter
                    }
                    background: Rectangle {
                        radius: Theme.radiusControl
                        color: tab.index === root.category ? Theme.selected : tab.hovered ? Theme.hover : "transparent"
                        border.width: tab.visualFocus ? 2 : 0
                        border.color: Theme.accent
                    }
                    onClicked: {
                        root.category = tab.index
                        grid.currentIndex = 0
                        grid.forceActiveFocus()
                    }
                }
            }
        }
        Label {
            objectName: "emojiCategoryName"
            leftPadding: Theme.spacingXs
            text: root.current.name
            color: Theme.textMuted
            font.pixelSize: Theme.fontSmall
            font.weight: Font.DemiBold
        }
        GridView {
            id: grid
            objectName: "emojiGrid"
            width: 8 * 36
            height: 6 * 36
            cellWidth: 36
            cellHeight: 36
            clip: true
            model: root.current.emoji
            keyNavigationEnabled: true
            boundsBehavior: Flickable.StopAtBounds
            ScrollBar.vertical: ScrollBar {}
            Accessible.role: Accessible.List
            Accessible.name: root.current.name
            Keys.onReturnPressed: root.pick(grid.currentIndex)
            Keys.onEnterPressed: root.pick(grid.currentIndex)
            Keys.onSpacePressed: root.pick(grid.currentIndex)
            delegate: AbstractButton {
                id: cell
                required property string modelData
                required property int index
                objectName: "emojiCell"
                width: 36
                height: 36
                focusPolicy: Qt.NoFocus
                Accessible.role: Accessible.Button
                Accessible.name: qsTr("React with %1").arg(cell.modelData)
                contentItem: Text {
                    text: cell.modelData
                    font.pixelSize: 20
                    horizontalAlignment: Text.AlignHCenter
                    verticalAlignment: Text.AlignVCenter
                }
                background: Rectangle {
                    radius: Theme.radiusControl
                    color: root.mine.indexOf(cell.modelData) >= 0 ? Theme.selected
                           : cell.hovered ? Theme.hover : "transparent"
                    border.width: grid.activeFocus && grid.currentIndex === cell.index ? 2 : 0
                    border.color: Theme.accent
                }
                onClicked: root.pick(cell.index)
            }
        }
    }

    function pick(index) {
        const list = root.current.emoji
        if (index < 0 || index >= list.length)
            return
        const id = root.messageId
        root.close()
        root.picked(id, list[index])
    }
}

import QtQuick
import QtQuick.Controls.Basic

// The menu of one conversation row (right click, the Menu key or Shift+F10 on the list): mark it
// unread, so that it asks to be looked at again on every device of mine, or read. It only says
// what was chosen; the page passes that on to the client.
Popup {
    id: root

    property string conversationId
    //! The row shows unread messages or my unread mark: "Mark as read" instead of "Mark as unread".
    property bool unread: false

    //! () => void: where the keyboard goes on closing when the item that had it is gone.
    property var keyboardHome: null
    readonly property FocusReturn focusReturn: FocusReturn { popup: root; home: root.keyboardHome }

    signal markUnreadChosen(string conversationId)
    signal markReadChosen(string conversationId)

    //! Opens for a conversation at (x, y) in `anchor`.
    function openFor(anchor, x, y, id, unread) {
        root.conversationId = id
        root.unread = unread
        root.parent = anchor
        root.x = x
        root.y = y
        root.open()
        markItem.forceActiveFocus()
    }

    modal: false
    focus: true
    margins: Theme.spacingS
    padding: Theme.spacingXs
    closePolicy: Popup.CloseOnEscape | Popup.CloseOnPressOutside
    background: Rectangle {
        color: Theme.window
        border.color: Theme.divider
        radius: Theme.radiusControl
    }

    contentItem: Column {
        width: 200
        ItemDelegate {
            id: markItem
            objectName: root.unread ? "markReadItem" : "markUnreadItem"
            width: parent.width
            implicitHeight: 34
            leftPadding: Theme.spacingM
            font.pixelSize: Theme.fontBody
            text: root.unread ? qsTr("Mark as read") : qsTr("Mark as unread")
            Accessible.name: text
            contentItem: Text {
                text: markItem.text
                color: Theme.text
                font: markItem.font
                verticalAlignment: Text.AlignVCenter
            }
            background: Rectangle {
                radius: Theme.radiusControl - 2
                color: markItem.down ? Theme.selected : markItem.hovered || markItem.visualFocus ? Theme.hover : "transparent"
            }
            Keys.onReturnPressed: markItem.clicked()
            Keys.onEnterPressed: markItem.clicked()
            onClicked: {
                const id = root.conversationId
                root.close()
                if (root.unread)
                    root.markReadChosen(id)
                else
                    root.markUnreadChosen(id)
            }
        }
    }
}

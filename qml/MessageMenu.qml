import QtQuick
import QtQuick.Controls.Basic

// The menu of one message: a row of quick reactions, then Reply, Forward, Edit, Copy text, Pin and Delete.
// It only says what was chosen; the timeline passes that on to MessageActions.
Popup {
    id: root

    property string messageId
    property bool canEdit: false
    property bool canDelete: false
    property bool canCopy: true
    property bool canForward: true
    //! Pin / Unpin: I may pin here (set before openFor), and whether the message is pinned now.
    property bool canPin: false
    property bool pinned: false
    //! The emoji of the quick reaction row, and which of them are mine already.
    property var emoji: []
    property var mine: []

    //! () => void: where the keyboard goes on closing when the item that had it is gone.
    property var keyboardHome: null
    readonly property FocusReturn focusReturn: FocusReturn { popup: root; home: root.keyboardHome }

    signal replyChosen(string messageId)
    //! "Forward…": the forward picker opens for the message.
    signal forwardChosen(string messageId)
    signal editChosen(string messageId)
    signal deleteChosen(string messageId)
    signal copyChosen(string messageId)
    //! Pin (`pin` true) or Unpin.
    signal pinChosen(string messageId, bool pin)
    signal reactionChosen(string messageId, string emoji)
    //! "+" after the quick reactions: pick any emoji (the caller opens the picker at `anchor`).
    signal moreReactionsChosen(string messageId, Item anchor)

    //! Opens for a message at (x, y) in `anchor`.
    function openFor(anchor, x, y, id, edit, remove, myReactions) {
        root.messageId = id
        root.canEdit = edit
        root.canDelete = remove
        root.mine = myReactions ?? []
        root.parent = anchor
        root.x = x
        root.y = y
        root.open()
        column.children[0].forceActiveFocus()
    }

    // One entry of the menu.
    component Action: ItemDelegate {
        id: action
        property color textColor: Theme.text
        width: column.width
        implicitHeight: 34
        leftPadding: Theme.spacingM
        font.pixelSize: Theme.fontBody
        Accessible.name: action.text
        contentItem: Text {
            text: action.text
            color: action.textColor
            font: action.font
            verticalAlignment: Text.AlignVCenter
        }
        background: Rectangle {
            radius: Theme.radiusControl - 2
            color: action.down ? Theme.selected : action.hovered || action.visualFocus ? Theme.hover : "transparent"
        }
        onClicked: root.close()
    }

    modal: false
    focus: true
    // Kept inside the window: near the bottom it moves up instead of being cut off.
    margins: Theme.spacingS
    padding: Theme.spacingXs
    closePolicy: Popup.CloseOnEscape | Popup.CloseOnPressOutside
    background: Rectangle {
        color: Theme.window
        border.color: Theme.divider
        radius: Theme.radiusControl
    }

    contentItem: Column {
        id: column
        width: Math.max(200, quick.implicitWidth)

            // Quick reactions: one click reacts (or takes mine back) and closes the menu.
        Row {
            id: quick
            objectName: "quickReactions"
            bottomPadding: Theme.spacingXs
            spacing: 2
            Repeater {
                model: root.emoji
                delegate: ToolButton {
                    id: emojiButton
                    required property string modelData
                    objectName: "quickReaction"
                    implicitWidth: 34
                    implicitHeight: 34
                    focusPolicy: Qt.StrongFocus
                    Accessible.name: qsTr("React with %1").arg(emojiButton.modelData)
                    contentItem: Text {
                        text: emojiButton.modelData
                        font.pixelSize: 18
                        horizontalAlignment: Text.AlignHCenter
                        verticalAlignment: Text.AlignVCenter
                    }
                    background: Rectangle {
                        radius: Theme.radiusControl
                        color: root.mine.indexOf(emojiButton.modelData) >= 0 ? Theme.selected
                               : emojiButton.hovered ? Theme.hover : "transparent"
                        border.width: emojiButton.visualFocus ? 2 : 0
                        border.color: Theme.accent
                    }
                    onClicked: {
                        root.reactionChosen(root.messageId, emojiButton.modelData)
                        root.close()
                    }
                }
            }
            ToolButton {
                id: moreButton
                objectName: "moreReactions"
                implicitWidth: 34
                implicitHeight: 34
                focusPolicy: Qt.StrongFocus
                Accessible.name: qsTr("More reactions…")
                ToolTip.visible: hovered
                ToolTip.delay: 600
                ToolTip.text: qsTr("More reactions…")
                contentItem: Text {
                    text: "+"
                    color: Theme.textMuted
                    font.pixelSize: 18
                    horizontalAlignment: Text.AlignHCenter
                    verticalAlignment: Text.AlignVCenter
                }
                background: Rectangle {
                    radius: Theme.radiusControl
                    color: moreButton.hovered ? Theme.hover : "transparent"
                    border.width: moreButton.visualFocus ? 2 : 0
                    border.color: Theme.accent
                }
                onClicked: {
                    const anchor = root.parent
                    const id = root.messageId
                    root.close()
                    root.moreReactionsChosen(id, anchor)
                }
            }
        }
        Rectangle { width: column.width; height: 1; color: Theme.divider }
        Action {
            objectName: "replyItem"
            text: qsTr("Reply")
            onClicked: root.replyChosen(root.messageId)
        }
        Action {
            objectName: "forwardItem"
            text: qsTr("Forward…")
            Accessible.name: qsTr("Forward message")
            visible: root.canForward
            onClicked: root.forwardChosen(root.messageId)
        }
        Action {
            objectName: "editItem"
            text: qsTr("Edit")
            visible: root.canEdit
            onClicked: root.editChosen(root.messageId)
        }
        Action {
            objectName: "copyItem"
            text: qsTr("Copy text")
            visible: root.canCopy
            onClicked: root.copyChosen(root.messageId)
        }
        Action {
            objectName: "pinItem"
            text: root.pinned ? qsTr("Unpin") : qsTr("Pin")
            Accessible.name: root.pinned ? qsTr("Unpin message") : qsTr("Pin message")
            visible: root.canPin
            onClicked: root.pinChosen(root.messageId, !root.pinned)
        }
        Action {
            objectName: "deleteItem"
            text: qsTr("Delete")
            Accessible.name: qsTr("Delete message")
            textColor: Theme.danger
            visible: root.canDelete
            onClicked: root.deleteChosen(root.messageId)
        }
    }
}

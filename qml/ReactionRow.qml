import QtQuick
import QtQuick.Controls.Basic

// Reaction chips under a message (one row: a message gathers a handful): emoji and count; mine
// are tinted; a click toggles mine.
Row {
    id: root

    //! MessageListModel's reactions role: [{emoji, count, mine}].
    property var reactions: []

    signal toggled(string emoji)

    spacing: Theme.spacingXs
    Repeater {
        model: root.reactions
        delegate: AbstractButton {
            id: chip
            required property var modelData
            objectName: "reactionChip"
            implicitWidth: chipText.implicitWidth + 2 * Theme.spacingS
            implicitHeight: chipText.implicitHeight + Theme.spacingXs + 2
            checkable: false
            Accessible.role: Accessible.Button
            Accessible.name: chip.modelData.mine
                ? qsTr("%1 %2, including you: remove mine").arg(chip.modelData.emoji).arg(chip.modelData.count)
                : qsTr("%1 %2: react with it too").arg(chip.modelData.emoji).arg(chip.modelData.count)
            contentItem: Text {
                id: chipText
                text: chip.modelData.emoji + " " + chip.modelData.count
                color: chip.modelData.mine ? Theme.accent : Theme.text
                font.pixelSize: Theme.fontSmall
                font.weight: chip.modelData.mine ? Font.DemiBold : Font.Normal
                horizontalAlignment: Text.AlignHCenter
                verticalAlignment: Text.AlignVCenter
            }
            background: Rectangle {
                radius: height / 2
                color: chip.modelData.mine ? Theme.selected : (chip.hovered ? Theme.hover : Theme.window)
                border.width: chip.visualFocus ? 2 : 1
                border.color: chip.modelData.mine || chip.visualFocus ? Theme.accent : Theme.divider
            }
            onClicked: root.toggled(chip.modelData.emoji)
        }
    }
}

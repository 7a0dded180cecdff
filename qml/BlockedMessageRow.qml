import QtQuick
import QtQuick.Controls.Basic

// A message from someone I block, folded away: it says only that, with "Show" to read it this
// once (the timeline keeps it open while the conversation is shown). Who wrote it stays hidden too.
Rectangle {
    id: root

    signal showRequested()

    implicitWidth: line.implicitWidth + 2 * Theme.spacingM
    implicitHeight: Math.max(showButton.implicitHeight, label.implicitHeight) + Theme.spacingXs
    width: implicitWidth
    height: implicitHeight
    radius: Theme.radiusBubble
    color: "transparent"
    border.width: 1
    border.color: Theme.divider
    Accessible.role: Accessible.StaticText
    Accessible.name: label.text

    Row {
        id: line
        anchors.centerIn: parent
        spacing: Theme.spacingS
        Text {
            id: label
            objectName: "blockedLabel"
            anchors.verticalCenter: parent.verticalCenter
            text: qsTr("Message from a blocked user")
            color: Theme.textMuted
            font.pixelSize: Theme.fontSmall
            font.italic: true
        }
        Button {
            id: showButton
            objectName: "showBlockedButton"
            anchors.verticalCenter: parent.verticalCenter
            text: qsTr("Show")
            flat: true
            padding: 2
            leftPadding: Theme.spacingXs
            rightPadding: Theme.spacingXs
            font.pixelSize: Theme.fontSmall
            font.weight: Font.DemiBold
            Accessible.name: qsTr("Show the message from a blocked user")
            contentItem: Text {
                text: showButton.text
                color: Theme.accent
                font.pixelSize: showButton.font.pixelSize
                font.weight: showButton.font.weight
                font.underline: showButton.hovered || showButton.activeFocus
            }
            background: Item {}
            Keys.onReturnPressed: showButton.clicked()
            Keys.onEnterPressed: showButton.clicked()
            onClicked: root.showRequested()
        }
    }
}

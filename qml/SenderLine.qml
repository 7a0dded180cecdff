import QtQuick

// Who wrote a group of messages, over its first bubble: the name (an alias in blind rooms, with the
// A/B group), and the time for others' messages. My own messages name me only in blind rooms.
Row {
    id: root

    property bool own: false
    property string senderName
    property string myAlias
    property bool blind: false
    property string senderGroup
    property string timeText

    spacing: Theme.spacingS
    Text {
        id: senderText
        objectName: "senderText"
        text: root.own ? qsTr("You (%1)").arg(root.myAlias) : root.senderName
        color: Theme.text
        font.pixelSize: Theme.fontBody - 1
        font.weight: Font.DemiBold
        textFormat: Text.PlainText
    }
    GroupChip {
        objectName: "senderGroupChip"
        anchors.verticalCenter: senderText.verticalCenter
        group: root.blind ? root.senderGroup : ""
    }
    Text {
        anchors.baseline: senderText.baseline
        visible: !root.own
        text: root.timeText
        color: Theme.textMuted
        font.pixelSize: Theme.fontSmall - 1
    }
}

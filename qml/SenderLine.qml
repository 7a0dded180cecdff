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
    //! The sender is a bot: a "bot" badge after the name.
    property bool bot: false

    //! The name was clicked: the sender's profile card (others' names only).
    signal nameClicked()

    spacing: Theme.spacingS
    Text {
        id: senderText
        objectName: "senderText"
        text: root.own ? qsTr("You (%1)").arg(root.myAlias) : root.senderName
        color: Theme.text
        font.pixelSize: Theme.fontBody - 1
        font.weight: Font.DemiBold
        textFormat: Text.PlainText
        HoverHandler { enabled: !root.own; cursorShape: Qt.PointingHandCursor }
        TapHandler { enabled: !root.own; onTapped: root.nameClicked() }
    }
    Rectangle {
        objectName: "botBadge"
        visible: root.bot && !root.own
        anchors.verticalCenter: senderText.verticalCenter
        width: botText.implicitWidth + 2 * Theme.spacingXs
        height: botText.implicitHeight + 2
        radius: 4
        color: "transparent"
        border.width: 1
        border.color: Theme.textMuted
        Text {
            id: botText
            anchors.centerIn: parent
            text: qsTr("bot")
            color: Theme.textMuted
            font.pixelSize: Theme.fontSmall - 2
            font.weight: Font.DemiBold
        }
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

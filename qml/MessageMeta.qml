import QtQuick

// The small line at the bottom right of a bubble: "writing…" or "interrupted" while a message
// streams, "edited", the time, and the status mark of my own messages (◷ ✓ ✓✓ ⚠).
Row {
    id: root

    property bool own: false
    property bool edited: false
    property bool streaming: false
    property bool interrupted: false
    //! The time shows on the last message of a group, on hover, and on my own messages.
    property bool showTime: false
    property string timeText
    property string statusMark
    property color statusColor: Theme.textMuted
    property string statusName

    spacing: Theme.spacingXs
    Text {
        id: streamLabel
        objectName: "streamLabel"
        visible: root.streaming || root.interrupted
        text: root.streaming ? qsTr("writing…") : qsTr("⚠ interrupted")
        color: root.streaming ? Theme.accent : Theme.warning
        font.pixelSize: Theme.fontSmall - 1
        font.italic: root.streaming
        Accessible.name: root.streaming ? qsTr("Still writing") : qsTr("The message was interrupted")
        SequentialAnimation on opacity {
            running: root.streaming
            loops: Animation.Infinite
            onStopped: streamLabel.opacity = 1
            NumberAnimation { to: 0.35; duration: 600; easing.type: Easing.InOutQuad }
            NumberAnimation { to: 1; duration: 600; easing.type: Easing.InOutQuad }
        }
    }
    Text {
        visible: root.edited
        text: qsTr("edited")
        color: Theme.textMuted
        font.pixelSize: Theme.fontSmall - 1
    }
    Text {
        visible: root.showTime
        text: root.timeText
        color: Theme.textMuted
        font.pixelSize: Theme.fontSmall - 1
    }
    Text {
        objectName: "statusMark"
        visible: root.own
        text: root.statusMark
        color: root.statusColor
        font.pixelSize: Theme.fontSmall
        font.weight: Font.DemiBold
        Accessible.name: root.statusName
    }
}

import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

// When a conversation notifies me: every message, mentions of me (and @room) only, or never. The
// choice follows `level` (the server's answer on every device of mine), not the click.
ColumnLayout {
    id: root

    property string level: "all"

    signal levelRequested(string level)

    spacing: 2

    Repeater {
        model: [
            { level: "all", name: "notifyAll", text: qsTr("All messages"),
              hint: qsTr("Every new message notifies you.") },
            { level: "mentions", name: "notifyMentions", text: qsTr("Mentions only"),
              hint: qsTr("Only messages that mention you or @room.") },
            { level: "nothing", name: "notifyNothing", text: qsTr("Nothing"),
              hint: qsTr("No notifications. Unread counts still update.") }
        ]
        delegate: RadioButton {
            id: option
            required property var modelData
            objectName: option.modelData.name
            autoExclusive: false // `level` decides which one is checked
            Layout.fillWidth: true
            checked: root.level === option.modelData.level
            text: option.modelData.text
            Accessible.name: option.modelData.text + ". " + option.modelData.hint
            onClicked: {
                root.levelRequested(option.modelData.level)
                checked = Qt.binding(() => root.level === option.modelData.level)
            }
            contentItem: Column {
                leftPadding: option.indicator.width + option.spacing
                Text {
                    text: option.text
                    color: Theme.text
                    font.pixelSize: Theme.fontBody
                }
                Text {
                    text: option.modelData.hint
                    color: Theme.textMuted
                    font.pixelSize: Theme.fontSmall
                }
            }
        }
    }
}

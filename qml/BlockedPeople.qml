import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

// Settings → Privacy → "Blocked people": everyone I block, each with Unblock. The list is the
// client's Blocks model (roles userId, username, name, avatarColor, initials); unblocking goes out
// as a signal, and the row leaves when the server confirms.
ColumnLayout {
    id: root

    //! A Blocks model, or null.
    property var blocks: null
    property bool busy: false
    //! Why the last unblock did not happen, or empty.
    property string error
    readonly property int count: list.count

    signal unblockRequested(string userId)

    spacing: Theme.spacingS

    SectionTitle {
        objectName: "blockedTitle"
        text: qsTr("Blocked people")
    }
    Label {
        objectName: "blockedEmpty"
        Layout.fillWidth: true
        visible: list.count === 0
        text: qsTr("You block nobody. To block someone, click their name or picture in a conversation.")
        color: Theme.textMuted
        font.pixelSize: Theme.fontSmall
        wrapMode: Text.Wrap
    }
    Label {
        Layout.fillWidth: true
        visible: list.count > 0
        text: qsTr("They cannot start a conversation with you or add you to groups, and their messages are collapsed. They are not told.")
        color: Theme.textMuted
        font.pixelSize: Theme.fontSmall
        wrapMode: Text.Wrap
    }
    Repeater {
        id: list
        objectName: "blockedList"
        model: root.blocks
        delegate: RowLayout {
            id: row
            required property string userId
            required property string username
            required property string name
            required property string avatarColor
            required property string initials
            Layout.fillWidth: true
            spacing: Theme.spacingM
            Accessible.role: Accessible.ListItem
            Accessible.name: row.name + ", @" + row.username
            Avatar {
                size: Theme.avatarSmall
                color: row.avatarColor
                initials: row.initials
            }
            ColumnLayout {
                Layout.fillWidth: true
                spacing: 0
                Text {
                    objectName: "blockedName"
                    Layout.fillWidth: true
                    text: row.name
                    color: Theme.text
                    font.pixelSize: Theme.fontBody - 1
                    font.weight: Font.Medium
                    elide: Text.ElideRight
                    textFormat: Text.PlainText
                }
                Text {
                    Layout.fillWidth: true
                    text: "@" + row.username
                    color: Theme.textMuted
                    font.pixelSize: Theme.fontSmall
                    elide: Text.ElideRight
                    textFormat: Text.PlainText
                }
            }
            Button {
                id: unblock
                objectName: "unblockButton"
                text: qsTr("Unblock")
                enabled: !root.busy
                Accessible.name: qsTr("Unblock %1").arg(row.name)
                Keys.onReturnPressed: unblock.clicked()
                Keys.onEnterPressed: unblock.clicked()
                onClicked: root.unblockRequested(row.userId)
            }
        }
    }
    Label {
        objectName: "blockedError"
        Layout.fillWidth: true
        visible: text.length > 0
        text: root.error
        color: Theme.danger
        font.pixelSize: Theme.fontSmall
        wrapMode: Text.Wrap
    }
}

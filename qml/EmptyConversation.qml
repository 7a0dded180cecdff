import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

// Where the timeline goes while no conversation is open: pick one, or start the first.
Item {
    id: root

    property bool hasConversations: false

    signal newConversationRequested()

    ColumnLayout {
        anchors.centerIn: parent
        spacing: Theme.spacingS
        Label {
            Layout.alignment: Qt.AlignHCenter
            text: "💬"
            font.pixelSize: 40
            color: Theme.textMuted
            visible: false
        }
        Label {
            Layout.alignment: Qt.AlignHCenter
            text: root.hasConversations ? qsTr("Select a conversation")
                                              : qsTr("Welcome to Confab")
            color: Theme.text
            font.pixelSize: Theme.fontTitle
            font.weight: Font.DemiBold
        }
        Label {
            Layout.alignment: Qt.AlignHCenter
            text: root.hasConversations
                  ? qsTr("Pick one on the left, or press Ctrl+K to find it.")
                  : qsTr("Start a conversation with someone on this server.")
            color: Theme.textMuted
            font.pixelSize: Theme.fontBody
        }
        Button {
            Layout.alignment: Qt.AlignHCenter
            Layout.topMargin: Theme.spacingS
            visible: !root.hasConversations
            text: qsTr("New conversation")
            highlighted: true
            Accessible.name: text
            onClicked: root.newConversationRequested()
        }
    }
}

import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

// The devices signed in to my account (settings → account): each with when it was last active,
// "This device" on this one, and Sign out on the others.
Rectangle {
    id: root

    //! [{id, device, lastActive, current}]
    property var sessions: []

    signal revokeRequested(string sessionId)

    Layout.fillWidth: true
    Layout.preferredHeight: sessionColumn.implicitHeight
    radius: Theme.radiusControl
    color: "transparent"
    border.color: Theme.divider
    visible: root.sessions.length > 0
    Column {
        id: sessionColumn
        width: parent.width
        Repeater {
            model: root.sessions
            Item {
                id: sessionRow
                required property var modelData
                required property int index
                objectName: "session_" + sessionRow.index
                width: sessionColumn.width
                height: 56
                Rectangle {
                    width: parent.width
                    height: 1
                    color: Theme.divider
                    visible: sessionRow.index > 0
                }
                Column {
                    anchors {
                        left: parent.left
                        leftMargin: Theme.spacingM
                        right: revokeButton.left
                        rightMargin: Theme.spacingS
                        verticalCenter: parent.verticalCenter
                    }
                    spacing: 2
                    Row {
                        width: parent.width
                        spacing: Theme.spacingS
                        Label {
                            width: Math.min(implicitWidth, parent.width - (thisDevice.visible ? thisDevice.width + Theme.spacingS : 0))
                            text: sessionRow.modelData.device.length > 0
                                  ? sessionRow.modelData.device : qsTr("Unknown device")
                            color: Theme.text
                            font.pixelSize: Theme.fontBody
                            elide: Text.ElideRight
                            textFormat: Text.PlainText
                        }
                        Label {
                            id: thisDevice
                            visible: sessionRow.modelData.current
                            text: qsTr("This device")
                            color: Theme.textOnAccent
                            font.pixelSize: Theme.fontSmall
                            leftPadding: 6
                            rightPadding: 6
                            background: Rectangle {
                                radius: height / 2
                                color: Theme.accent
                            }
                        }
                    }
                    Label {
                        text: sessionRow.modelData.lastActive
                        color: Theme.textMuted
                        font.pixelSize: Theme.fontSmall
                    }
                }
                Button {
                    id: revokeButton
                    objectName: "revoke_" + sessionRow.index
                    anchors {
                        right: parent.right
                        rightMargin: Theme.spacingS
                        verticalCenter: parent.verticalCenter
                    }
                    visible: !sessionRow.modelData.current
                    width: visible ? implicitWidth : 0
                    text: qsTr("Sign out")
                    flat: true
                    Accessible.name: qsTr("Sign out %1").arg(sessionRow.modelData.device)
                    onClicked: root.revokeRequested(sessionRow.modelData.id)
                }
            }
        }
    }
}

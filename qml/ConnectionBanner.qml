import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

// A thin bar under the header while the link is not up. Never modal.
// `mode`: "online" (hidden), "offline", "connecting", "reconnecting", "signedOut".
Rectangle {
    id: root

    property string mode: "online"
    property int reconnectInMs: 0
    // Seconds until the next attempt, counted down locally from reconnectInMs.
    property int secondsLeft: 0
    readonly property string message: {
        switch (root.mode) {
        case "connecting":
            return qsTr("Connecting…")
        case "reconnecting":
            return root.secondsLeft > 0 ? qsTr("Reconnecting in %1 s…").arg(root.secondsLeft)
                                        : qsTr("Reconnecting…")
        case "signedOut":
            return qsTr("Signed out — sign in again")
        case "offline":
            return qsTr("Offline")
        default:
            return ""
        }
    }
    readonly property string actionText: root.mode === "reconnecting" ? qsTr("Retry now")
                                       : root.mode === "signedOut" ? qsTr("Sign in") : ""
    readonly property color tone: root.mode === "signedOut" ? Theme.danger
                                : root.mode === "reconnecting" || root.mode === "offline" ? Theme.warning
                                : Theme.accent

    signal retryRequested()
    signal signInRequested()

    visible: root.mode !== "online" && root.mode !== ""
    implicitHeight: visible ? Theme.bannerHeight : 0
    color: root.mode === "signedOut" ? Theme.dangerSurface
         : root.mode === "connecting" ? Theme.selected : Theme.warningSurface
    Accessible.role: Accessible.AlertMessage
    Accessible.name: root.message

    property double deadline: 0
    onReconnectInMsChanged: restartCountdown()
    onModeChanged: restartCountdown()
    function restartCountdown() {
        root.deadline = Date.now() + root.reconnectInMs
        root.secondsLeft = Math.ceil(root.reconnectInMs / 1000)
    }
    Timer {
        interval: 250
        repeat: true
        running: root.visible && root.mode === "reconnecting"
        onTriggered: root.secondsLeft = Math.max(0, Math.ceil((root.deadline - Date.now()) / 1000))
    }

    Rectangle {
        anchors { left: parent.left; top: parent.top; bottom: parent.bottom }
        width: 3
        color: root.tone
    }

    RowLayout {
        anchors { fill: parent; leftMargin: Theme.spacingL; rightMargin: Theme.spacingM }
        spacing: Theme.spacingS

        Text {
            objectName: "bannerText"
            Layout.fillWidth: true
            text: root.message
            color: Theme.text
            font.pixelSize: Theme.fontSmall + 1
            elide: Text.ElideRight
        }
        Button {
            id: action
            objectName: "bannerAction"
            visible: root.actionText.length > 0
            text: root.actionText
            flat: true
            padding: 4
            leftPadding: Theme.spacingS
            rightPadding: Theme.spacingS
            Accessible.name: root.actionText
            contentItem: Text {
                text: action.text
                color: root.tone
                font.pixelSize: Theme.fontSmall + 1
                font.weight: Font.DemiBold
                font.underline: action.hovered || action.visualFocus
            }
            background: Item {}
            onClicked: root.mode === "signedOut" ? root.signInRequested() : root.retryRequested()
        }
    }
}

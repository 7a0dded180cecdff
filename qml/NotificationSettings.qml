import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

// Settings → notifications: desktop notifications on or off, with or without the text, and
// do not disturb. Reads and writes `settings` (App.settings).
ColumnLayout {
    id: root

    required property var settings
    property bool notificationsAvailable: false

    spacing: Theme.spacingL
    Item { Layout.preferredHeight: Theme.spacingXs }
    Label {
        objectName: "notificationsUnavailable"
        Layout.fillWidth: true
        Layout.leftMargin: Theme.spacingXl
        Layout.rightMargin: Theme.spacingXl
        visible: !root.notificationsAvailable
        text: qsTr("This desktop has no notification service: Confab cannot show notifications here.")
        color: Theme.warning
        font.pixelSize: Theme.fontSmall
        wrapMode: Text.Wrap
    }
    SwitchRow {
        objectName: "notificationsEnabled"
        Layout.leftMargin: Theme.spacingXl
        Layout.rightMargin: Theme.spacingXl
        text: qsTr("Show desktop notifications")
        description: qsTr("For new messages in conversations you are not looking at. Muted conversations stay quiet.")
        checked: root.settings.notificationsEnabled
        onToggled: on => root.settings.notificationsEnabled = on
    }
    SwitchRow {
        objectName: "showPreview"
        Layout.leftMargin: Theme.spacingXl
        Layout.rightMargin: Theme.spacingXl
        text: qsTr("Show message text")
        description: qsTr("Off: notifications say who wrote, not what.")
        toggleEnabled: root.settings.notificationsEnabled
        checked: root.settings.showPreview
        onToggled: on => root.settings.showPreview = on
    }
    SwitchRow {
        objectName: "doNotDisturb"
        Layout.leftMargin: Theme.spacingXl
        Layout.rightMargin: Theme.spacingXl
        text: qsTr("Do not disturb")
        description: qsTr("No notifications until you turn this off. Unread counts still update.")
        toggleEnabled: root.settings.notificationsEnabled
        checked: root.settings.doNotDisturb
        onToggled: on => root.settings.doNotDisturb = on
    }
}

import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

// Settings → general: keeping the app in the tray, and starting it at login.
ColumnLayout {
    id: root

    required property var settings
    property bool trayAvailable: false

    spacing: Theme.spacingL
    Item { Layout.preferredHeight: Theme.spacingXs }
    SwitchRow {
        objectName: "closeToTray"
        Layout.leftMargin: Theme.spacingXl
        Layout.rightMargin: Theme.spacingXl
        text: qsTr("Keep running in the tray when the window is closed")
        description: root.trayAvailable
                     ? qsTr("Messages and notifications keep coming; Quit from the tray icon's menu.")
                     : qsTr("No system tray was found on this desktop.")
        toggleEnabled: root.trayAvailable
        checked: root.settings.closeToTray
        onToggled: on => root.settings.closeToTray = on
    }
    SwitchRow {
        objectName: "startAtLogin"
        Layout.leftMargin: Theme.spacingXl
        Layout.rightMargin: Theme.spacingXl
        text: qsTr("Start Confab when you log in")
        description: root.settings.startAtLoginSupported
                     ? qsTr("Starts in the tray, if there is one.")
                     : qsTr("Not available on this system yet.")
        toggleEnabled: root.settings.startAtLoginSupported
        checked: root.settings.startAtLogin
        onToggled: on => root.settings.startAtLogin = on
    }
    Label {
        objectName: "settingsError"
        Layout.leftMargin: Theme.spacingXl
        Layout.rightMargin: Theme.spacingXl
        Layout.fillWidth: true
        visible: text.length > 0
        text: root.settings.error
        color: Theme.danger
        font.pixelSize: Theme.fontSmall
        wrapMode: Text.Wrap
    }
}

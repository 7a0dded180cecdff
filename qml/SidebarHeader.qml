import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

// The top of the sidebar: me (avatar with my presence, name, @username), then settings, a new
// conversation and the keyboard shortcuts.
RowLayout {
    id: root

    property string displayName
    property string username
    property string avatarColor
    property string initials
    //! My picture (a local file), empty: initials.
    property url avatarSource
    //! "online", "away", or "" while not connected.
    property string presence

    signal settingsRequested()
    signal newConversationRequested()
    signal shortcutsRequested()

    Layout.fillWidth: true
    Layout.preferredHeight: Theme.headerHeight
    Layout.leftMargin: Theme.spacingL
    Layout.rightMargin: Theme.spacingS
    spacing: Theme.spacingS + 2

    Avatar {
        size: Theme.avatarSmall
        color: root.avatarColor
        initials: root.initials
        source: root.avatarSource
        presence: root.presence
        ringColor: Theme.sidebar
    }
    ColumnLayout {
        Layout.fillWidth: true
        spacing: 0
        Label {
            Layout.fillWidth: true
            text: root.displayName
            color: Theme.text
            font.pixelSize: Theme.fontBody
            font.weight: Font.DemiBold
            elide: Text.ElideRight
        }
        Label {
            Layout.fillWidth: true
            text: "@" + root.username
            color: Theme.textMuted
            font.pixelSize: Theme.fontSmall
            elide: Text.ElideRight
        }
    }
    IconButton {
        id: settingsButton
        glyph: "⚙"
        objectName: "settingsButton"
        tip: qsTr("Settings (Ctrl+,)")
        onClicked: root.settingsRequested()
    }
    IconButton {
        glyph: "✎"
        tip: qsTr("New conversation (Ctrl+N)")
        onClicked: root.newConversationRequested()
    }
    IconButton {
        objectName: "shortcutsButton"
        glyph: "⌨"
        tip: qsTr("Keyboard shortcuts (Ctrl+/)")
        onClicked: root.shortcutsRequested()
    }
}

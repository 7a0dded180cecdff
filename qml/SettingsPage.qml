import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Dialogs
import QtQuick.Layouts

// The settings page: sections on the left, the chosen section's controls on the right.
// Preferences are read from and written to `settings` (App.settings in the app, a stand-in in
// tests); what lives elsewhere (typing, theme, language, the account) comes in as properties and
// goes out as signals.
Rectangle {
    id: root

    required property var settings
    property string section: "account"
    property string displayName
    property string username
    property string serverUrl
    property string avatarColor: Theme.accent
    property string initials
    //! [{id, device, lastActive, current}]
    property var sessions: []
    property bool sessionsLoading: false
    property string sessionsError
    property bool sendTyping: true
    property bool shareReadReceipts: true
    property string theme: "system"
    property string language: "en"
    property bool trayAvailable: false
    property bool notificationsAvailable: false

    signal closeRequested()
    signal refreshSessionsRequested()
    signal revokeRequested(string sessionId)
    signal signOutRequested()
    signal signOutEverywhereRequested()
    signal sendTypingRequested(bool on)
    signal shareReadReceiptsRequested(bool on)
    signal themeRequested(string theme)
    signal languageRequested(string language)

    readonly property var sections: [
        { key: "account", label: qsTr("Account") },
        { key: "notifications", label: qsTr("Notifications") },
        { key: "privacy", label: qsTr("Privacy") },
        { key: "appearance", label: qsTr("Appearance") },
        { key: "files", label: qsTr("Files") },
        { key: "general", label: qsTr("General") }
    ]
    readonly property int sectionIndex: Math.max(0, sections.findIndex(s => s.key === root.section))
    property bool confirmingEverywhere: false

    color: Theme.window
    implicitWidth: 820
    implicitHeight: 600
    onSectionChanged: root.confirmingEverywhere = false
    Keys.onEscapePressed: root.closeRequested()

    // A row with a title, an optional explanation under it, and a switch on the right.
    component SwitchRow: RowLayout {
        id: row
        property alias text: title.text
        property alias description: note.text
        property alias checked: toggle.checked
        property alias toggleEnabled: toggle.enabled
        signal toggled(bool on)
        Layout.fillWidth: true
        spacing: Theme.spacingM
        ColumnLayout {
            Layout.fillWidth: true
            spacing: 2
            Label {
                id: title
                Layout.fillWidth: true
                color: toggle.enabled ? Theme.text : Theme.textMuted
                font.pixelSize: Theme.fontBody
                wrapMode: Text.Wrap
            }
            Label {
                id: note
                Layout.fillWidth: true
                visible: text.length > 0
                color: Theme.textMuted
                font.pixelSize: Theme.fontSmall
                wrapMode: Text.Wrap
            }
        }
        Switch {
            id: toggle
            objectName: row.objectName.length > 0 ? row.objectName + "Switch" : ""
            Accessible.name: title.text
            onToggled: row.toggled(checked)
            // The Basic style's grey-on-grey track does not say on or off clearly: accent when on.
            indicator: Rectangle {
                implicitWidth: 40
                implicitHeight: 22
                x: toggle.leftPadding
                y: (toggle.height - height) / 2
                radius: height / 2
                color: toggle.checked ? Theme.accent : Theme.fieldBorder
                opacity: toggle.enabled ? 1 : 0.45
                Rectangle {
                    x: toggle.checked ? parent.width - width - 3 : 3
                    y: 3
                    width: parent.height - 6
                    height: width
                    radius: width / 2
                    color: Theme.textOnAccent
                    Behavior on x { NumberAnimation { duration: 120 } }
                }
                Rectangle {
                    anchors.fill: parent
                    anchors.margins: -3
                    radius: height / 2
                    color: "transparent"
                    border.width: 2
                    border.color: Theme.accent
                    visible: toggle.visualFocus
                }
            }
        }
    }

    component SectionTitle: Label {
        Layout.fillWidth: true
        Layout.topMargin: Theme.spacingS
        color: Theme.textMuted
        font.pixelSize: Theme.fontSmall
        font.weight: Font.DemiBold
        font.capitalization: Font.AllUppercase
    }

    component Divider: Rectangle {
        Layout.fillWidth: true
        Layout.preferredHeight: 1
        color: Theme.divider
    }

    RowLayout {
        anchors.fill: parent
        spacing: 0

        // ---- sections ---------------------------------------------------------------------------
        Rectangle {
            Layout.fillHeight: true
            Layout.preferredWidth: 208
            color: Theme.sidebar
            radius: root.radius
            // Rounded on the outside only: a square patch covers the inner corners.
            Rectangle {
                anchors { right: parent.right; top: parent.top; bottom: parent.bottom }
                width: parent.radius
                color: parent.color
            }
            ColumnLayout {
                anchors.fill: parent
                anchors.margins: Theme.spacingS
                spacing: 2
                Label {
                    Layout.fillWidth: true
                    Layout.preferredHeight: Theme.headerHeight - Theme.spacingS
                    leftPadding: Theme.spacingS
                    verticalAlignment: Text.AlignVCenter
                    text: qsTr("Settings")
                    color: Theme.text
                    font.pixelSize: Theme.fontTitle
                    font.weight: Font.DemiBold
                }
                Repeater {
                    model: root.sections
                    ItemDelegate {
                        id: sectionButton
                        required property var modelData
                        required property int index
                        objectName: "section_" + modelData.key
                        Layout.fillWidth: true
                        implicitHeight: Theme.controlHeight
                        highlighted: root.sectionIndex === index
                        focusPolicy: Qt.StrongFocus
                        Accessible.name: modelData.label
                        Accessible.role: Accessible.PageTab
                        onClicked: root.section = modelData.key
                        // Enter opens a section as Space does (buttons take only Space by default).
                        Keys.onReturnPressed: clicked()
                        Keys.onEnterPressed: clicked()
                        contentItem: Text {
                            leftPadding: Theme.spacingXs
                            text: sectionButton.modelData.label
                            color: Theme.text
                            font.pixelSize: Theme.fontBody
                            font.weight: sectionButton.highlighted ? Font.DemiBold : Font.Normal
                            verticalAlignment: Text.AlignVCenter
                            elide: Text.ElideRight
                        }
                        background: Rectangle {
                            radius: Theme.radiusControl
                            color: sectionButton.highlighted ? Theme.selected
                                 : sectionButton.hovered ? Theme.hover : "transparent"
                            border.width: sectionButton.visualFocus ? 2 : 0
                            border.color: Theme.accent
                        }
                    }
                }
                Item { Layout.fillHeight: true }
            }
        }
        Rectangle {
            Layout.fillHeight: true
            Layout.preferredWidth: 1
            color: Theme.divider
        }

        // ---- the chosen section -----------------------------------------------------------------
        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 0

            RowLayout {
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.headerHeight
                Layout.leftMargin: Theme.spacingXl
                Layout.rightMargin: Theme.spacingS
                Label {
                    objectName: "sectionTitle"
                    Layout.fillWidth: true
                    text: root.sections[root.sectionIndex].label
                    color: Theme.text
                    font.pixelSize: Theme.fontTitle
                    font.weight: Font.DemiBold
                }
                IconButton {
                    objectName: "closeSettings"
                    glyph: "✕"
                    tip: qsTr("Close settings (Esc)")
                    onClicked: root.closeRequested()
                }
            }
            Divider {}

            ScrollView {
                id: scroll
                Layout.fillWidth: true
                Layout.fillHeight: true
                contentWidth: availableWidth
                clip: true

                StackLayout {
                    width: scroll.availableWidth
                    currentIndex: root.sectionIndex

                    // ---- account ----
                    ColumnLayout {
                        spacing: Theme.spacingM
                        Item { Layout.preferredHeight: Theme.spacingS }
                        RowLayout {
                            Layout.leftMargin: Theme.spacingXl
                            Layout.rightMargin: Theme.spacingXl
                            spacing: Theme.spacingM
                            Avatar {
                                size: Theme.avatar
                                color: root.avatarColor
                                initials: root.initials
                            }
                            ColumnLayout {
                                Layout.fillWidth: true
                                spacing: 0
                                Label {
                                    objectName: "accountName"
                                    Layout.fillWidth: true
                                    text: root.displayName
                                    color: Theme.text
                                    font.pixelSize: Theme.fontTitle
                                    font.weight: Font.DemiBold
                                    elide: Text.ElideRight
                                }
                                Label {
                                    Layout.fillWidth: true
                                    text: qsTr("@%1 on %2").arg(root.username).arg(root.serverUrl)
                                    color: Theme.textMuted
                                    font.pixelSize: Theme.fontSmall
                                    elide: Text.ElideMiddle
                                }
                            }
                            Button {
                                objectName: "signOut"
                                text: qsTr("Sign out")
                                Accessible.name: text
                                onClicked: signOutDialog.ask()
                            }
                        }
                        ColumnLayout {
                            Layout.leftMargin: Theme.spacingXl
                            Layout.rightMargin: Theme.spacingXl
                            spacing: Theme.spacingS
                            SectionTitle { text: qsTr("Password") }
                            Label {
                                Layout.fillWidth: true
                                text: qsTr("Changing your password from the app is not available yet. Your server's administrator can set a new one.")
                                color: Theme.textMuted
                                font.pixelSize: Theme.fontSmall
                                wrapMode: Text.Wrap
                            }
                            RowLayout {
                                Layout.fillWidth: true
                                SectionTitle {
                                    text: qsTr("Where you are signed in")
                                }
                                BusyIndicator {
                                    Layout.preferredWidth: 20
                                    Layout.preferredHeight: 20
                                    running: root.sessionsLoading
                                    visible: running
                                }
                                IconButton {
                                    objectName: "refreshSessions"
                                    glyph: "⟳"
                                    tip: qsTr("Refresh the list")
                                    onClicked: root.refreshSessionsRequested()
                                }
                            }
                            Label {
                                objectName: "sessionsError"
                                Layout.fillWidth: true
                                visible: root.sessionsError.length > 0
                                text: root.sessionsError
                                color: Theme.danger
                                font.pixelSize: Theme.fontSmall
                                wrapMode: Text.Wrap
                            }
                            Rectangle {
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
                                            objectName: "session_" + index
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
                            Label {
                                Layout.fillWidth: true
                                visible: root.sessions.length === 0 && !root.sessionsLoading
                                         && root.sessionsError.length === 0
                                text: qsTr("The list of sessions appears here once connected.")
                                color: Theme.textMuted
                                font.pixelSize: Theme.fontSmall
                            }
                            RowLayout {
                                Layout.fillWidth: true
                                Layout.topMargin: Theme.spacingS
                                spacing: Theme.spacingS
                                Label {
                                    Layout.fillWidth: true
                                    text: root.confirmingEverywhere
                                          ? qsTr("Sign out on every device, this one included?")
                                          : qsTr("Lost a device? Sign out everywhere, then sign in again here.")
                                    color: root.confirmingEverywhere ? Theme.text : Theme.textMuted
                                    font.pixelSize: Theme.fontSmall
                                    wrapMode: Text.Wrap
                                }
                                Button {
                                    objectName: "cancelEverywhere"
                                    visible: root.confirmingEverywhere
                                    text: qsTr("Cancel")
                                    Accessible.name: text
                                    onClicked: root.confirmingEverywhere = false
                                }
                                Button {
                                    id: everywhere
                                    objectName: "signOutEverywhere"
                                    text: qsTr("Sign out everywhere")
                                    Accessible.name: text
                                    palette.buttonText: Theme.danger
                                    onClicked: {
                                        if (!root.confirmingEverywhere) {
                                            root.confirmingEverywhere = true
                                            return
                                        }
                                        root.confirmingEverywhere = false
                                        root.signOutEverywhereRequested()
                                    }
                                }
                            }
                        }
                        Item { Layout.preferredHeight: Theme.spacingXl }
                    }

                    // ---- notifications ----
                    ColumnLayout {
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

                    // ---- privacy ----
                    ColumnLayout {
                        spacing: Theme.spacingL
                        Item { Layout.preferredHeight: Theme.spacingXs }
                        SwitchRow {
                            objectName: "sendTyping"
                            Layout.leftMargin: Theme.spacingXl
                            Layout.rightMargin: Theme.spacingXl
                            text: qsTr("Send typing indicators")
                            description: qsTr("Others see “%1 is typing…” while you write.").arg(root.displayName)
                            checked: root.sendTyping
                            onToggled: on => root.sendTypingRequested(on)
                        }
                        SwitchRow {
                            objectName: "shareReadReceipts"
                            Layout.leftMargin: Theme.spacingXl
                            Layout.rightMargin: Theme.spacingXl
                            text: qsTr("Share read receipts")
                            description: qsTr("Off: others do not see when you have read their messages. Your own unread counts stay right on all your devices.")
                            checked: root.shareReadReceipts
                            onToggled: on => root.shareReadReceiptsRequested(on)
                        }
                    }

                    // ---- appearance ----
                    ColumnLayout {
                        spacing: Theme.spacingS
                        Item { Layout.preferredHeight: Theme.spacingXs }
                        // A group each: radio buttons under one parent would otherwise exclude each
                        // other, so that choosing a language cleared the theme (and back).
                        ButtonGroup { id: themeGroup }
                        ButtonGroup { id: languageGroup }
                        SectionTitle {
                            Layout.leftMargin: Theme.spacingXl
                            text: qsTr("Theme")
                        }
                        Repeater {
                            model: [{ key: "system", label: qsTr("Follow the system") },
                                    { key: "light", label: qsTr("Light") },
                                    { key: "dark", label: qsTr("Dark") }]
                            RadioButton {
                                required property var modelData
                                objectName: "theme_" + modelData.key
                                ButtonGroup.group: themeGroup
                                Layout.leftMargin: Theme.spacingXl
                                text: modelData.label
                                // Shows the setting, never its own click: a click asks, and the answer
                                // comes back through root.theme (a checkable radio would break
                                // this binding on its first click and then show stale choices).
                                checkable: false
                                checked: root.theme === modelData.key
                                Accessible.name: qsTr("Theme: %1").arg(modelData.label)
                                onClicked: root.themeRequested(modelData.key)
                            }
                        }
                        SectionTitle {
                            Layout.leftMargin: Theme.spacingXl
                            Layout.topMargin: Theme.spacingL
                            text: qsTr("Language")
                        }
                        Repeater {
                            // Each language in its own words, so that anyone can find theirs.
                            model: [{ key: "en", label: "English" }, { key: "ko", label: "한국어" }]
                            RadioButton {
                                required property var modelData
                                objectName: "language_" + modelData.key
                                ButtonGroup.group: languageGroup
                                Layout.leftMargin: Theme.spacingXl
                                text: modelData.label
                                // Shows the setting, never its own click: a click asks, and the answer
                                // comes back through root.language (a checkable radio would break
                                // this binding on its first click and then show stale choices).
                                checkable: false
                                checked: root.language === modelData.key
                                Accessible.name: qsTr("Language: %1").arg(modelData.label)
                                onClicked: root.languageRequested(modelData.key)
                            }
                        }
                    }

                    // ---- files ----
                    ColumnLayout {
                        spacing: Theme.spacingS
                        Item { Layout.preferredHeight: Theme.spacingXs }
                        SectionTitle {
                            Layout.leftMargin: Theme.spacingXl
                            text: qsTr("Download folder")
                        }
                        RowLayout {
                            Layout.leftMargin: Theme.spacingXl
                            Layout.rightMargin: Theme.spacingXl
                            spacing: Theme.spacingS
                            Label {
                                objectName: "downloadFolder"
                                Layout.fillWidth: true
                                text: root.settings.downloadFolder
                                color: Theme.text
                                font.pixelSize: Theme.fontBody
                                elide: Text.ElideMiddle
                                textFormat: Text.PlainText
                                padding: Theme.spacingS
                                background: Rectangle {
                                    radius: Theme.radiusControl
                                    color: Theme.field
                                    border.color: Theme.fieldBorder
                                }
                            }
                            Button {
                                objectName: "chooseFolder"
                                text: qsTr("Change…")
                                Accessible.name: qsTr("Change the download folder")
                                onClicked: folderDialog.open()
                            }
                        }
                        Label {
                            Layout.leftMargin: Theme.spacingXl
                            Layout.rightMargin: Theme.spacingXl
                            Layout.fillWidth: true
                            text: qsTr("Files you download from conversations are saved here.")
                            color: Theme.textMuted
                            font.pixelSize: Theme.fontSmall
                            wrapMode: Text.Wrap
                        }
                    }

                    // ---- general ----
                    ColumnLayout {
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
                }
            }
        }
    }

    SignOutDialog {
        id: signOutDialog
        onConfirmed: root.signOutRequested()
    }

    FolderDialog {
        id: folderDialog
        title: qsTr("Choose the download folder")
        currentFolder: root.settings.downloadFolderUrl
        onAccepted: root.settings.downloadFolderUrl = selectedFolder
    }
}

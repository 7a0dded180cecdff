import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Dialogs
import QtQuick.Layouts

// The settings page: sections on the left, the chosen section's controls on the right.
// Preferences are read from and written to `settings` (App.settings in the app, a stand-in in
// tests); what lives elsewhere (typing, theme, language, the account) comes in as properties and
// goes out as signals. Each section is a component of its own (AccountSettings, …).
Rectangle {
    id: root

    required property var settings
    property string section: "account"
    property string displayName
    property string username
    property string serverUrl
    property string avatarColor: Theme.accent
    property string initials
    property url avatarSource
    property bool avatarBusy: false
    property string avatarError
    //! [{id, device, lastActive, current}]
    property var sessions: []
    property bool sessionsLoading: false
    property string sessionsError
    property string status
    property var profileProblems: ({})
    property string profileError
    property bool profileBusy: false
    property int passwordMinChars: 8
    property var passwordProblems: ({})
    property string passwordError
    property bool passwordBusy: false
    //! ChatClient.accountRemoval: Settings → account offers "Delete account…" with it.
    property var accountRemoval: null
    //! Opens the "Delete account" dialog of the account section.
    function askDeleteAccount() { account.askDeleteAccount() }
    property bool sendTyping: true
    property bool shareReadReceipts: true
    //! The client's DataExport (a stand-in in tests): Settings → privacy → "Your data".
    property var dataExport: null
    //! Privacy → blocked people: the Blocks model, whether a change is on its way, why one failed.
    property var blocks: null
    property bool blocksBusy: false
    property string blocksError
    property string theme: "system"
    property string language: "en"
    property bool trayAvailable: false
    property bool notificationsAvailable: false

    signal closeRequested()
    signal refreshSessionsRequested()
    signal revokeRequested(string sessionId)
    signal signOutRequested()
    signal signOutEverywhereRequested()
    signal changePasswordRequested(string current, string next, string repeat, bool signOutOthers)
    signal saveProfileRequested(string displayName, string status)
    signal chooseAvatarRequested(url file)
    signal removeAvatarRequested()
    signal sendTypingRequested(bool on)
    signal shareReadReceiptsRequested(bool on)
    signal unblockRequested(string userId)
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
    readonly property int sectionIndex: Math.max(0, root.sections.findIndex(s => s.key === root.section))
    property alias confirmingEverywhere: account.confirmingEverywhere
    //! The password was changed: the account section's form empties and says so.
    function passwordChanged() { account.passwordChanged() }
    function profileSaved() { account.profileSaved() }
    // Another section starts at its top.
    onSectionIndexChanged: scroll.contentItem.contentY = 0
    //! Scrolls the page so that `item` (a control on it) is in view.
    function reveal(item) {
        const flick = scroll.contentItem
        const top = item.mapToItem(flick.contentItem, 0, 0).y
        const margin = Theme.spacingM
        if (top - margin < flick.contentY)
            flick.contentY = Math.max(0, top - margin)
        else if (top + item.height + margin > flick.contentY + flick.height)
            flick.contentY = Math.min(top + item.height + margin - flick.height,
                                      Math.max(0, flick.contentHeight - flick.height))
    }
    // Tab through the page: the focused control scrolls into view, as a keyboard user expects.
    Connections {
        target: root.Window.window
        function onActiveFocusItemChanged() {
            const item = root.Window.activeFocusItem
            for (let p = item; p; p = p.parent) {
                if (p === scroll) {
                    root.reveal(item)
                    return
                }
            }
        }
    }

    color: Theme.window
    implicitWidth: 820
    implicitHeight: 600
    onSectionChanged: root.confirmingEverywhere = false
    Keys.onEscapePressed: root.closeRequested()

    RowLayout {
        anchors.fill: parent
        spacing: 0

        SettingsSections {
            radius: root.radius
            sections: root.sections
            currentIndex: root.sectionIndex
            onSectionChosen: key => root.section = key
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
            Rectangle {
                Layout.fillWidth: true
                Layout.preferredHeight: 1
                color: Theme.divider
            }

            ScrollView {
                id: scroll
                Layout.fillWidth: true
                Layout.fillHeight: true
                contentWidth: availableWidth
                clip: true

                StackLayout {
                    width: scroll.availableWidth
                    currentIndex: root.sectionIndex

                    AccountSettings {
                        id: account
                        displayName: root.displayName
                        username: root.username
                        serverUrl: root.serverUrl
                        avatarColor: root.avatarColor
                        initials: root.initials
                        sessions: root.sessions
                        sessionsLoading: root.sessionsLoading
                        sessionsError: root.sessionsError
                        onSignOutRequested: signOutDialog.ask()
                        onRefreshSessionsRequested: root.refreshSessionsRequested()
                        onRevokeRequested: sessionId => root.revokeRequested(sessionId)
                        onSignOutEverywhereRequested: root.signOutEverywhereRequested()
                        status: root.status
                        profileProblems: root.profileProblems
                        profileError: root.profileError
                        profileBusy: root.profileBusy
                        onSaveProfileRequested: (displayName, status) => root.saveProfileRequested(displayName, status)
                        avatarSource: root.avatarSource
                        avatarBusy: root.avatarBusy
                        avatarError: root.avatarError
                        onChooseAvatarRequested: file => root.chooseAvatarRequested(file)
                        onRemoveAvatarRequested: root.removeAvatarRequested()
                        passwordMinChars: root.passwordMinChars
                        passwordProblems: root.passwordProblems
                        passwordError: root.passwordError
                        passwordBusy: root.passwordBusy
                        accountRemoval: root.accountRemoval
                        onChangePasswordRequested: (current, next, repeat, signOutOthers) =>
                                                   root.changePasswordRequested(current, next, repeat, signOutOthers)
                    }
                    NotificationSettings {
                        settings: root.settings
                        notificationsAvailable: root.notificationsAvailable
                    }
                    PrivacySettings {
                        displayName: root.displayName
                        sendTyping: root.sendTyping
                        shareReadReceipts: root.shareReadReceipts
                        onSendTypingRequested: on => root.sendTypingRequested(on)
                        onShareReadReceiptsRequested: on => root.shareReadReceiptsRequested(on)
                        dataExport: root.dataExport
                        onSaveExportRequested: {
                            // The name the archive is offered under, in the download folder.
                            exportDialog.selectedFile = root.settings.downloadFolderUrl + "/" + root.dataExport.suggestedName
                            exportDialog.open()
                        }
                        blocks: root.blocks
                        blocksBusy: root.blocksBusy
                        blocksError: root.blocksError
                        onUnblockRequested: userId => root.unblockRequested(userId)
                    }
                    AppearanceSettings {
                        theme: root.theme
                        language: root.language
                        onThemeRequested: theme => root.themeRequested(theme)
                        onLanguageRequested: language => root.languageRequested(language)
                    }
                    FileSettings {
                        settings: root.settings
                        onChooseFolderRequested: folderDialog.open()
                    }
                    GeneralSettings {
                        settings: root.settings
                        trayAvailable: root.trayAvailable
                    }
                }
            }
        }
    }

    SignOutDialog {
        id: signOutDialog
        onConfirmed: root.signOutRequested()
    }

    FileDialog {
        id: exportDialog
        objectName: "exportDialog"
        title: qsTr("Save the archive of my data")
        fileMode: FileDialog.SaveFile
        nameFilters: [qsTr("Zip archives (*.zip)")]
        currentFolder: root.settings.downloadFolderUrl
        onAccepted: root.dataExport.saveTo(selectedFile)
    }

    FolderDialog {
        id: folderDialog
        title: qsTr("Choose the download folder")
        currentFolder: root.settings.downloadFolderUrl
        onAccepted: root.settings.downloadFolderUrl = selectedFolder
    }
}

import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Window
import QtQuick.Templates as T
import Confab.Client
import Confab.App

// Settings: the settings page in a popup over the main window (the gear in the sidebar, Ctrl+,),
// bound to the app (App) and the client: what the page asks for, they do.
Popup {
    id: root

    required property ChatClient client

    objectName: "settingsPopup"
    parent: T.Overlay.overlay
    anchors.centerIn: parent
    width: Math.min(860, parent.width - 2 * Theme.spacingXl)
    height: Math.min(640, parent.height - 2 * Theme.spacingXl)
    modal: true
    focus: true
    padding: 0
    closePolicy: Popup.CloseOnEscape | Popup.CloseOnPressOutside
    //! Opens on `section` ("account", "notifications"…), or where it was left when empty.
    //! Settings → account with the "Delete account" dialog open (screenshots).
    function askDeleteAccount() {
        show("account")
        settingsPage.askDeleteAccount()
    }
    function show(section) {
        if (section)
            settingsPage.section = section
        root.open()
    }
    onOpened: {
        App.sessions.refresh()
        settingsPage.forceActiveFocus()
    }
    Connections {
        target: root.client.passwordChange
        function onChanged(othersSignedOut) {
            settingsPage.passwordChanged()
            App.sessions.refresh()
        }
    }
    Connections {
        target: root.client.profile
        function onSaved() { settingsPage.profileSaved() }
    }
    T.Overlay.modal: Rectangle { color: Qt.rgba(0, 0, 0, Theme.dark ? 0.55 : 0.35) }
    background: Rectangle {
        radius: Theme.radiusBubble
        color: Theme.window
        border.color: Theme.fieldBorder
    }
    contentItem: SettingsPage {
        id: settingsPage
        clip: true
        radius: Theme.radiusBubble
        settings: App.settings
        displayName: root.client.displayName
        username: root.client.username
        serverUrl: root.client.serverUrl
        avatarColor: App.avatarColor(root.client.userId)
        initials: App.initials(root.client.displayName)
        sessions: App.sessions.sessions
        dataExport: root.client.dataExport
        sessionsLoading: App.sessions.loading
        sessionsError: App.sessions.error
        sendTyping: root.client.sendTyping
        shareReadReceipts: root.client.shareReadReceipts
        blocks: root.client.blocks
        blocksBusy: root.client.blocks.busy
        blocksError: root.client.blocks.error
        onUnblockRequested: userId => root.client.blocks.setBlocked(userId, false)
        theme: App.theme
        language: App.language
        trayAvailable: App.trayAvailable
        notificationsAvailable: App.notificationsAvailable
        onCloseRequested: root.close()
        onRefreshSessionsRequested: App.sessions.refresh()
        onRevokeRequested: sessionId => App.sessions.revoke(sessionId)
        onSignOutRequested: App.signOut()
        onSignOutEverywhereRequested: App.sessions.signOutEverywhere()
        status: root.client.profile.status
        profileProblems: root.client.profile.problems
        profileError: root.client.profile.error
        profileBusy: root.client.profile.busy
        onSaveProfileRequested: (displayName, status) => root.client.profile.save(displayName, status)
        avatarSource: (root.client.avatars.revision, root.client.avatars.source(root.client.avatars.mine, 80 * Screen.devicePixelRatio))
        avatarBusy: root.client.avatars.busy
        avatarError: root.client.avatars.error
        onChooseAvatarRequested: file => root.client.avatars.choose(file)
        onRemoveAvatarRequested: root.client.avatars.remove()
        passwordMinChars: root.client.passwordChange.minChars
        passwordProblems: root.client.passwordChange.problems
        passwordError: root.client.passwordChange.error
        passwordBusy: root.client.passwordChange.busy
        accountRemoval: root.client.accountRemoval
        onChangePasswordRequested: (current, next, repeat, signOutOthers) =>
                                   root.client.passwordChange.change(current, next, repeat, signOutOthers)
        onSendTypingRequested: on => root.client.sendTyping = on
        onShareReadReceiptsRequested: on => root.client.shareReadReceipts = on
        onThemeRequested: theme => App.theme = theme
        onLanguageRequested: language => App.language = language
    }
}

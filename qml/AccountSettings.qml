import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import QtQuick.Templates as T

// Settings → account: who I am on which server, signing out here, the devices signed in, and
// signing out everywhere (asked twice: the first click only asks), my profile (display name and
// status) and changing the password; at the end, deleting the account (DeleteAccountDialog).
ColumnLayout {
    id: root

    property string displayName
    property string username
    property string serverUrl
    property string avatarColor: Theme.accent
    property string initials
    //! My picture (a local file), empty when none; the avatar's change is on its way; why it was refused.
    property url avatarSource
    property bool avatarBusy: false
    property string avatarError
    //! [{id, device, lastActive, current}]
    property var sessions: []
    property bool sessionsLoading: false
    property string sessionsError
    property string status
    property int statusMaxChars: 100
    //! {display_name, status}: why each field was refused.
    property var profileProblems: ({})
    property string profileError
    property bool profileBusy: false
    property int passwordMinChars: 8
    //! {current_password, new_password, repeat}: why each field was refused.
    property var passwordProblems: ({})
    property string passwordError
    property bool passwordBusy: false
    //! ChatClient.accountRemoval: "Delete account…" is offered with it (DeleteAccountDialog).
    property var accountRemoval: null
    //! "Sign out everywhere" was clicked once: the second click signs out.
    property bool confirmingEverywhere: false

    //! "Sign out" was clicked: the page asks first.
    signal signOutRequested()
    signal refreshSessionsRequested()
    signal revokeRequested(string sessionId)
    signal signOutEverywhereRequested()
    signal changePasswordRequested(string current, string next, string repeat, bool signOutOthers)
    signal saveProfileRequested(string displayName, string status)
    signal chooseAvatarRequested(url file)
    signal removeAvatarRequested()

    //! The password was changed: the form empties and says so.
    function passwordChanged() { passwordForm.done() }
    //! "Delete account…": the dialog asks for the password and the username.
    function askDeleteAccount() { deleteDialog.ask() }
    //! The profile was saved: the form says so.
    function profileSaved() { profileForm.done() }

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
            source: root.avatarSource
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
            onClicked: root.signOutRequested()
        }
    }
    ColumnLayout {
        Layout.leftMargin: Theme.spacingXl
        Layout.rightMargin: Theme.spacingXl
        spacing: Theme.spacingS
        SectionTitle { text: qsTr("Profile") }
        AvatarPicker {
            id: avatarPicker
            objectName: "avatarPicker"
            Layout.fillWidth: true
            Layout.maximumWidth: 420
            source: root.avatarSource
            avatarColor: root.avatarColor
            initials: root.initials
            busy: root.avatarBusy
            error: root.avatarError
            onChooseRequested: file => root.chooseAvatarRequested(file)
            onRemoveRequested: root.removeAvatarRequested()
        }
        ProfileForm {
            id: profileForm
            objectName: "profileForm"
            Layout.fillWidth: true
            Layout.maximumWidth: 420
            displayName: root.displayName
            status: root.status
            statusMaxChars: root.statusMaxChars
            problems: root.profileProblems
            error: root.profileError
            busy: root.profileBusy
            onSaveRequested: (displayName, status) => root.saveProfileRequested(displayName, status)
        }
        SectionTitle { text: qsTr("Change password") }
        PasswordForm {
            id: passwordForm
            objectName: "passwordForm"
            Layout.fillWidth: true
            Layout.maximumWidth: 420
            minChars: root.passwordMinChars
            problems: root.passwordProblems
            error: root.passwordError
            busy: root.passwordBusy
            onChangeRequested: (current, next, repeat, signOutOthers) =>
                               root.changePasswordRequested(current, next, repeat, signOutOthers)
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
        SessionList {
            sessions: root.sessions
            onRevokeRequested: sessionId => root.revokeRequested(sessionId)
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
        SectionTitle {
            visible: root.accountRemoval !== null
            text: qsTr("Delete account")
        }
        RowLayout {
            Layout.fillWidth: true
            visible: root.accountRemoval !== null
            spacing: Theme.spacingS
            Label {
                Layout.fillWidth: true
                text: qsTr("Deleting your account signs out every device and erases your profile. It cannot be undone.")
                color: Theme.textMuted
                font.pixelSize: Theme.fontSmall
                wrapMode: Text.Wrap
            }
            Button {
                id: deleteAccount
                objectName: "deleteAccount"
                text: qsTr("Delete account…")
                Accessible.name: qsTr("Delete account")
                palette.buttonText: Theme.danger
                onClicked: deleteDialog.ask()
            }
        }
    }
    Item { Layout.preferredHeight: Theme.spacingXl }

    DeleteAccountDialog {
        id: deleteDialog
        parent: T.Overlay.overlay
        removal: root.accountRemoval
        keyboardHome: () => deleteAccount.forceActiveFocus()
    }
}

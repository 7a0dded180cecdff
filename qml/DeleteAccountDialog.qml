import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Templates as T
import QtQuick.Layouts

// Settings → account → "Delete account…": says what deleting means, asks for the password and for
// the username typed again; only then is "Delete account" enabled. It shows; AccountRemoval (C++)
// sends account.delete and explains a refusal. Cancel has the keyboard first, Esc closes.
Dialog {
    id: root

    //! ChatClient.accountRemoval (an AccountRemoval): `confirmation`, `busy`, `passwordProblem`,
    //! `error`, `ready(password, typed)`, `remove(password, typed)`, `clear()`; null: nothing to delete.
    property var removal: null
    //! () => void: where the keyboard goes on closing when the button that asked is gone.
    property var keyboardHome: null
    readonly property FocusReturn focusReturn: FocusReturn { popup: root; home: root.keyboardHome }

    readonly property bool ready: root.removal !== null && root.removal.ready(password.text, typed.text) && !root.removal.busy

    function ask() {
        if (!root.removal)
            return
        password.text = ""
        typed.text = ""
        root.removal.clear()
        open()
        cancelButton.forceActiveFocus()
    }
    function submit() {
        if (root.ready)
            root.removal.remove(password.text, typed.text)
    }

    objectName: "deleteAccountDialog"
    title: qsTr("Delete your account?")
    modal: true
    focus: true
    width: Math.min(460, parent ? parent.width - 2 * Theme.spacingXl : 460)
    padding: Theme.spacingXl
    topPadding: Theme.spacingL
    anchors.centerIn: parent
    closePolicy: Popup.CloseOnEscape

    Connections {
        target: root.removal
        ignoreUnknownSignals: true
        function onRemoved() { root.accept() }
    }

    background: Rectangle {
        color: Theme.window
        radius: Theme.radiusBubble
        border.color: Theme.divider
    }
    header: Label {
        text: root.title
        color: Theme.text
        font.pixelSize: Theme.fontTitle
        font.weight: Font.DemiBold
        padding: Theme.spacingXl
        bottomPadding: 0
        wrapMode: Text.Wrap
    }
    T.Overlay.modal: Rectangle { color: Qt.rgba(0, 0, 0, Theme.dark ? 0.55 : 0.35) }

    contentItem: ColumnLayout {
        spacing: Theme.spacingS
        Label {
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            color: Theme.text
            font.pixelSize: Theme.fontBody - 1
            text: qsTr("This cannot be undone. Every device signs out, your profile is erased, and you leave "
                       + "your groups. Others see \"Deleted user\" in their conversations with you; whether "
                       + "your messages stay is up to your server.")
        }
        Label {
            Layout.topMargin: Theme.spacingS
            text: qsTr("Password")
            color: Theme.textMuted
            font.pixelSize: Theme.fontSmall
        }
        Field {
            id: password
            objectName: "deleteAccountPassword"
            Layout.fillWidth: true
            echoMode: TextInput.Password
            Accessible.name: qsTr("Password")
            onAccepted: typed.forceActiveFocus()
        }
        Label {
            objectName: "deleteAccountPasswordProblem"
            Layout.fillWidth: true
            visible: text.length > 0
            text: root.removal ? root.removal.passwordProblem : ""
            color: Theme.danger
            font.pixelSize: Theme.fontSmall
            wrapMode: Text.Wrap
            Accessible.role: Accessible.AlertMessage
            Accessible.name: text
        }
        Label {
            Layout.topMargin: Theme.spacingS
            Layout.fillWidth: true
            text: qsTr("Type your username, %1, to confirm").arg(root.removal ? root.removal.confirmation : "")
            color: Theme.textMuted
            font.pixelSize: Theme.fontSmall
            wrapMode: Text.Wrap
        }
        Field {
            id: typed
            objectName: "deleteAccountConfirmation"
            Layout.fillWidth: true
            placeholderText: root.removal ? root.removal.confirmation : ""
            inputMethodHints: Qt.ImhNoPredictiveText | Qt.ImhNoAutoUppercase
            Accessible.name: qsTr("Your username, to confirm")
            onAccepted: root.submit()
        }
        Label {
            objectName: "deleteAccountError"
            Layout.fillWidth: true
            visible: text.length > 0
            text: root.removal ? root.removal.error : ""
            color: Theme.danger
            font.pixelSize: Theme.fontSmall
            wrapMode: Text.Wrap
            Accessible.role: Accessible.AlertMessage
            Accessible.name: text
        }
        RowLayout {
            Layout.fillWidth: true
            Layout.topMargin: Theme.spacingS
            spacing: Theme.spacingS
            Item { Layout.fillWidth: true }
            Button {
                id: cancelButton
                objectName: "deleteAccountCancel"
                text: qsTr("Cancel")
                Accessible.name: text
                Keys.onReturnPressed: cancelButton.clicked()
                Keys.onEnterPressed: cancelButton.clicked()
                onClicked: root.reject()
            }
            Button {
                id: confirmButton
                objectName: "deleteAccountConfirm"
                text: root.removal && root.removal.busy ? qsTr("Deleting…") : qsTr("Delete account")
                enabled: root.ready
                // Red either way: dimmed, it says it waits for the password and the username.
                opacity: enabled ? 1 : 0.45
                Accessible.name: qsTr("Delete my account for good")
                palette.button: Theme.danger
                palette.buttonText: Theme.textOnAccent
                Keys.onReturnPressed: confirmButton.clicked()
                Keys.onEnterPressed: confirmButton.clicked()
                onClicked: root.submit()
            }
        }
    }
}

import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Templates as T
import QtQuick.Layouts

// Asks before this computer signs out: signing in again needs the password, which the user may
// not have at hand. Cancel has the keyboard (Enter keeps the session), Esc closes; only a click on
// Sign out, or Tab to it and Enter, signs out.
Dialog {
    id: root

    //! () => void: where the keyboard goes on closing when the button that asked is gone.
    property var keyboardHome: null
    readonly property FocusReturn focusReturn: FocusReturn { popup: root; home: root.keyboardHome }

    signal confirmed()

    function ask() {
        open()
        cancelButton.forceActiveFocus()
    }

    objectName: "signOutDialog"
    title: qsTr("Sign out of Confab on this computer?")
    modal: true
    focus: true
    width: Math.min(440, parent ? parent.width - 2 * Theme.spacingXl : 440)
    padding: Theme.spacingXl
    topPadding: Theme.spacingL
    anchors.centerIn: parent
    closePolicy: Popup.CloseOnEscape

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
        spacing: Theme.spacingM
        Label {
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            color: Theme.textMuted
            font.pixelSize: Theme.fontBody - 1
            text: qsTr("You will need your password to sign in again. Your other devices stay signed in.")
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacingS
            Item { Layout.fillWidth: true }
            Button {
                id: cancelButton
                objectName: "signOutCancel"
                text: qsTr("Cancel")
                Accessible.name: text
                Keys.onReturnPressed: cancelButton.clicked()
                Keys.onEnterPressed: cancelButton.clicked()
                onClicked: root.reject()
            }
            Button {
                id: confirmButton
                objectName: "signOutConfirm"
                text: qsTr("Sign out")
                Accessible.name: qsTr("Sign out of Confab on this computer")
                palette.button: Theme.danger
                palette.buttonText: Theme.textOnAccent
                Keys.onReturnPressed: confirmButton.clicked()
                Keys.onEnterPressed: confirmButton.clicked()
                onClicked: {
                    root.confirmed()
                    root.accept()
                }
            }
        }
    }
}

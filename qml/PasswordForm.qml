import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

// Settings → account → "Change password": the current password, the new one twice, and whether
// to sign out the other devices. It shows; PasswordChange (C++) checks and sends. Each field's
// problem appears under it; Enter in the last field submits.
ColumnLayout {
    id: root

    //! The server's minimum length for new passwords.
    property int minChars: 8
    //! {current_password, new_password, repeat}: a sentence under each field that has a problem.
    property var problems: ({})
    //! A problem that concerns no field.
    property string error
    property bool busy: false
    //! The last change went through: the note shows until the next edit.
    property bool succeeded: false

    signal changeRequested(string current, string next, string repeat, bool signOutOthers)

    //! After a success: empty fields, the note shown.
    function done() {
        current.text = ""
        next.text = ""
        repeat.text = ""
        root.succeeded = true
    }
    function submit() {
        root.succeeded = false
        root.changeRequested(current.text, next.text, repeat.text, signOutOthers.checked)
    }

    spacing: Theme.spacingS

    // An inline component sees no ids of this file: the problems come in as a property.
    component ProblemLabel: Label {
        required property string field
        required property var problems
        objectName: field + "Problem"
        Layout.fillWidth: true
        visible: text.length > 0
        text: problems[field] || ""
        color: Theme.danger
        font.pixelSize: Theme.fontSmall
        wrapMode: Text.Wrap
    }

    Field {
        id: current
        objectName: "currentPassword"
        Layout.fillWidth: true
        echoMode: TextInput.Password
        placeholderText: qsTr("Current password")
        Accessible.name: placeholderText
        onTextEdited: root.succeeded = false
        Keys.onReturnPressed: next.forceActiveFocus()
    }
    ProblemLabel { field: "current_password"; problems: root.problems }
    Field {
        id: next
        objectName: "newPassword"
        Layout.fillWidth: true
        echoMode: TextInput.Password
        placeholderText: qsTr("New password (at least %1 characters)").arg(root.minChars)
        Accessible.name: placeholderText
        onTextEdited: root.succeeded = false
        Keys.onReturnPressed: repeat.forceActiveFocus()
    }
    ProblemLabel { field: "new_password"; problems: root.problems }
    Field {
        id: repeat
        objectName: "repeatPassword"
        Layout.fillWidth: true
        echoMode: TextInput.Password
        placeholderText: qsTr("New password again")
        Accessible.name: placeholderText
        onTextEdited: root.succeeded = false
        Keys.onReturnPressed: root.submit()
        Keys.onEnterPressed: root.submit()
    }
    ProblemLabel { field: "repeat"; problems: root.problems }
    CheckBox {
        id: signOutOthers
        objectName: "signOutOthers"
        text: qsTr("Sign out on my other devices")
        Accessible.name: text
        checked: true
        palette.windowText: Theme.text
    }
    RowLayout {
        Layout.fillWidth: true
        spacing: Theme.spacingS
        Label {
            objectName: "passwordNote"
            Layout.fillWidth: true
            text: root.error.length > 0 ? root.error
                                         : root.succeeded ? qsTr("Your password was changed. This device stays signed in.") : ""
            color: root.error.length > 0 ? Theme.danger : Theme.textMuted
            font.pixelSize: Theme.fontSmall
            wrapMode: Text.Wrap
        }
        BusyIndicator {
            Layout.preferredWidth: 20
            Layout.preferredHeight: 20
            running: root.busy
            visible: running
        }
        Button {
            objectName: "changePassword"
            text: qsTr("Change password")
            Accessible.name: text
            enabled: !root.busy && current.text.length > 0 && next.text.length > 0
            onClicked: root.submit()
        }
    }
}

import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

// Settings → account → "Profile": my display name and status as the people I share conversations
// with see them. It shows; AccountProfile (C++) checks and sends. Each field's problem appears
// under it; Enter in either field saves.
ColumnLayout {
    id: root

    //! What the server knows now: the fields start from it and follow it while not being edited.
    property string displayName
    property string status
    property int statusMaxChars: 100
    //! {display_name, status}: a sentence under each field that has a problem.
    property var problems: ({})
    //! A problem that concerns no field.
    property string error
    property bool busy: false
    //! The last save went through: the note shows until the next edit.
    property bool succeeded: false

    signal saveRequested(string displayName, string status)

    //! After a success: the note shown, the fields follow the server again.
    function done() {
        nameField.edited = false
        statusField.edited = false
        nameField.text = root.displayName
        statusField.text = root.status
        root.succeeded = true
    }
    function submit() {
        root.succeeded = false
        root.saveRequested(nameField.text, statusField.text)
    }

    spacing: Theme.spacingS

    onDisplayNameChanged: if (!nameField.edited) nameField.text = root.displayName
    onStatusChanged: if (!statusField.edited) statusField.text = root.status

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

    Label {
        text: qsTr("Display name")
        color: Theme.textMuted
        font.pixelSize: Theme.fontSmall
    }
    Field {
        id: nameField
        //! The user typed here: a change from another device no longer overwrites the field.
        property bool edited: false
        objectName: "profileDisplayName"
        Layout.fillWidth: true
        text: root.displayName
        Accessible.name: qsTr("Display name")
        onTextEdited: { edited = true; root.succeeded = false }
        Keys.onReturnPressed: root.submit()
        Keys.onEnterPressed: root.submit()
    }
    ProblemLabel { field: "display_name"; problems: root.problems }
    Label {
        text: qsTr("Status")
        color: Theme.textMuted
        font.pixelSize: Theme.fontSmall
    }
    Field {
        id: statusField
        property bool edited: false
        objectName: "profileStatus"
        Layout.fillWidth: true
        text: root.status
        placeholderText: qsTr("What are you up to? (optional)")
        Accessible.name: qsTr("Status")
        onTextEdited: { edited = true; root.succeeded = false }
        Keys.onReturnPressed: root.submit()
        Keys.onEnterPressed: root.submit()
    }
    ProblemLabel { field: "status"; problems: root.problems }
    RowLayout {
        Layout.fillWidth: true
        spacing: Theme.spacingS
        Label {
            objectName: "profileNote"
            Layout.fillWidth: true
            text: root.error.length > 0 ? root.error
                                         : root.succeeded ? qsTr("Saved. Your conversations show it now; blind rooms never do.")
                                                          : qsTr("Blind rooms never show your name or status.")
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
            objectName: "saveProfile"
            text: qsTr("Save profile")
            Accessible.name: text
            enabled: !root.busy && nameField.text.trim().length > 0
                     && (nameField.text !== root.displayName || statusField.text !== root.status)
            onClicked: root.submit()
        }
    }
}

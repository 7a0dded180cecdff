import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

// Sign in or create an account on a server; or host a server on this computer first.
// Plain properties and signals: Main.qml connects them to App.
Rectangle {
    id: root

    property alias serverAddress: serverField.text
    property alias username: usernameField.text
    property alias password: passwordField.text
    property alias displayName: displayNameField.text
    property alias inviteCode: inviteField.text
    property bool registering: false
    property bool busy: false
    property string errorText
    //! {field: sentence} beside the fields they concern: "username", "display_name", "password",
    //! "invite_code" (AppController.fieldErrors).
    property var fieldErrors: ({})
    //! "", "starting", "running", "failed": the server hosted on this computer.
    property string hostState: ""
    property string hostMessage

    readonly property bool canSubmit: !root.busy && serverField.text.trim().length > 0
                                      && usernameField.text.trim().length > 0 && passwordField.text.length > 0

    signal signInRequested(string server, string username, string password)
    signal registerRequested(string server, string username, string displayName, string password,
                             string inviteCode)
    signal hostRequested()
    signal cancelRequested()

    function submit() {
        if (!root.canSubmit)
            return
        if (root.registering)
            root.registerRequested(serverField.text.trim(), usernameField.text.trim(), displayNameField.text.trim(),
                                   passwordField.text, inviteField.text.trim())
        else
            root.signInRequested(serverField.text.trim(), usernameField.text.trim(), passwordField.text)
    }
    function focusFirstEmpty() {
        if (serverField.text.length === 0)
            serverField.forceActiveFocus()
        else if (usernameField.text.length === 0)
            usernameField.forceActiveFocus()
        else
            passwordField.forceActiveFocus()
    }

    color: Theme.sidebar
    Component.onCompleted: focusFirstEmpty()

    component FieldLabel: Label {
        color: Theme.textMuted
        font.pixelSize: Theme.fontSmall
        font.weight: Font.DemiBold
        Layout.topMargin: Theme.spacingS
    }
    // A field's problem under it. The room for two lines is kept while creating an account, so
    // that a message appearing or going does not move the card.
    component FieldError: Item {
        id: fieldError
        property string field
        readonly property string message: root.fieldErrors ? (root.fieldErrors[fieldError.field] ?? "") : ""
        Layout.fillWidth: true
        implicitHeight: root.registering ? errorLine.font.pixelSize * 2 + Theme.spacingXs + 4
                                         : (errorLine.visible ? errorLine.implicitHeight : 0)
        Label {
            id: errorLine
            objectName: fieldError.field + "Error"
            anchors { left: parent.left; right: parent.right; top: parent.top; topMargin: 2 }
            visible: fieldError.message.length > 0
            text: fieldError.message
            color: Theme.danger
            wrapMode: Text.Wrap
            maximumLineCount: 2
            elide: Text.ElideRight
            font.pixelSize: Theme.fontSmall
            Accessible.role: Accessible.AlertMessage
            Accessible.name: fieldError.message
        }
    }

    Flickable {
        anchors.fill: parent
        contentHeight: Math.max(height, card.implicitHeight + 2 * Theme.spacingXl)
        boundsBehavior: Flickable.StopAtBounds
        clip: true

        Rectangle {
            id: card
            objectName: "card"
            anchors.centerIn: parent
            width: Math.min(420, root.width - 2 * Theme.spacingL)
            implicitHeight: form.implicitHeight + 2 * 32
            height: implicitHeight
            radius: Theme.radiusBubble + 4
            color: Theme.window
            border.color: Theme.divider

            ColumnLayout {
                id: form
                anchors { left: parent.left; right: parent.right; top: parent.top; margins: 32 }
                spacing: Theme.spacingXs

                RowLayout {
                    spacing: Theme.spacingM
                    Layout.bottomMargin: Theme.spacingS
                    Rectangle {
                        width: 40; height: 40; radius: 12
                        color: Theme.accent
                        Text {
                            anchors.centerIn: parent
                            text: "C"
                            color: Theme.textOnAccent
                            font.pixelSize: 22
                            font.weight: Font.Bold
                        }
                    }
                    ColumnLayout {
                        spacing: 0
                        Label {
                            text: root.registering ? qsTr("Create your account") : qsTr("Sign in to Confab")
                            color: Theme.text
                            font.pixelSize: Theme.fontTitle + 4
                            font.weight: Font.DemiBold
                        }
                        Label {
                            text: qsTr("Chat with your team on your own server.")
                            color: Theme.textMuted
                            font.pixelSize: Theme.fontSmall + 1
                        }
                    }
                }

                FieldLabel { text: qsTr("Server address") }
                Field {
                    id: serverField
                    Layout.fillWidth: true
                    Layout.preferredHeight: Theme.controlHeight + 4
                    leftPadding: Theme.spacingM
                    enabled: !root.busy
                    onAccepted: root.submit()
                    objectName: "serverField"
                    placeholderText: "ws://chat.example.com:7480"
                    Accessible.name: qsTr("Server address")
                    inputMethodHints: Qt.ImhUrlCharactersOnly | Qt.ImhNoAutoUppercase
                }

                FieldLabel { text: qsTr("Username") }
                Field {
                    id: usernameField
                    Layout.fillWidth: true
                    Layout.preferredHeight: Theme.controlHeight + 4
                    leftPadding: Theme.spacingM
                    enabled: !root.busy
                    onAccepted: root.submit()
                    objectName: "usernameField"
                    placeholderText: qsTr("e.g. mina")
                    Accessible.name: qsTr("Username")
                    inputMethodHints: Qt.ImhNoAutoUppercase | Qt.ImhPreferLowercase
                }
                FieldError { field: "username"; visible: true }

                FieldLabel {
                    visible: root.registering
                    text: qsTr("Display name")
                }
                Field {
                    id: displayNameField
                    Layout.fillWidth: true
                    Layout.preferredHeight: Theme.controlHeight + 4
                    leftPadding: Theme.spacingM
                    enabled: !root.busy
                    onAccepted: root.submit()
                    objectName: "displayNameField"
                    visible: root.registering
                    placeholderText: qsTr("How others see you, e.g. Mina Park")
                    Accessible.name: qsTr("Display name")
                }
                FieldError { field: "display_name"; visible: root.registering }

                FieldLabel { text: qsTr("Password") }
                Field {
                    id: passwordField
                    Layout.fillWidth: true
                    Layout.preferredHeight: Theme.controlHeight + 4
                    leftPadding: Theme.spacingM
                    enabled: !root.busy
                    onAccepted: root.submit()
                    objectName: "passwordField"
                    echoMode: TextInput.Password
                    placeholderText: root.registering ? qsTr("At least 8 characters") : ""
                    Accessible.name: qsTr("Password")
                }
                FieldError { field: "password"; visible: true }

                FieldLabel {
                    visible: root.registering
                    text: qsTr("Invite code (if the server asks for one)")
                }
                Field {
                    id: inviteField
                    Layout.fillWidth: true
                    Layout.preferredHeight: Theme.controlHeight + 4
                    leftPadding: Theme.spacingM
                    enabled: !root.busy
                    onAccepted: root.submit()
                    objectName: "inviteField"
                    visible: root.registering
                    Accessible.name: qsTr("Invite code")
                }
                FieldError { field: "invite_code"; visible: root.registering }

                // Room for two lines, always: an error coming or going does not move the card.
                Item {
                    Layout.fillWidth: true
                    Layout.topMargin: Theme.spacingS
                    implicitHeight: Math.max(errorLabel.implicitHeight, (Theme.fontSmall + 1) * 2 + 6)
                    Label {
                        id: errorLabel
                        objectName: "errorLabel"
                        anchors { left: parent.left; right: parent.right; top: parent.top }
                        visible: root.errorText.length > 0
                        text: root.errorText
                        color: Theme.danger
                        wrapMode: Text.Wrap
                        font.pixelSize: Theme.fontSmall + 1
                        Accessible.role: Accessible.AlertMessage
                        Accessible.name: root.errorText
                    }
                }

                Button {
                    id: submitButton
                    objectName: "submitButton"
                    Layout.fillWidth: true
                    Layout.topMargin: Theme.spacingL
                    Layout.preferredHeight: Theme.controlHeight + 6
                    text: root.busy ? (root.registering ? qsTr("Creating account…") : qsTr("Signing in…"))
                                    : (root.registering ? qsTr("Create account") : qsTr("Sign in"))
                    enabled: root.canSubmit
                    Accessible.name: root.registering ? qsTr("Create account") : qsTr("Sign in")
                    onClicked: root.submit()
                    contentItem: RowLayout {
                        spacing: Theme.spacingS
                        Item { Layout.fillWidth: true }
                        BusyIndicator {
                            objectName: "busyIndicator"
                            visible: root.busy
                            running: root.busy
                            Layout.preferredWidth: 20
                            Layout.preferredHeight: 20
                        }
                        Text {
                            text: submitButton.text
                            color: submitButton.enabled || root.busy ? Theme.textOnAccent : Theme.textMuted
                            font.pixelSize: Theme.fontBody
                            font.weight: Font.DemiBold
                        }
                        Item { Layout.fillWidth: true }
                    }
                    background: Rectangle {
                        radius: Theme.radiusControl
                        color: submitButton.enabled || root.busy
                               ? (submitButton.down ? Qt.darker(Theme.accent, 1.15) : Theme.accent) : Theme.hover
                        border.width: submitButton.visualFocus ? 2 : 0
                        border.color: Theme.text
                    }
                }

                Button {
                    objectName: "cancelButton"
                    visible: root.busy
                    Layout.alignment: Qt.AlignHCenter
                    text: qsTr("Cancel")
                    flat: true
                    Accessible.name: qsTr("Cancel signing in")
                    onClicked: root.cancelRequested()
                }

                Button {
                    id: modeToggle
                    objectName: "modeToggle"
                    visible: !root.busy
                    Layout.alignment: Qt.AlignHCenter
                    Layout.topMargin: Theme.spacingXs
                    flat: true
                    text: root.registering ? qsTr("I already have an account") : qsTr("Create an account")
                    Accessible.name: text
                    contentItem: Text {
                        text: modeToggle.text
                        color: Theme.accent
                        font.pixelSize: Theme.fontBody - 1
                        font.underline: modeToggle.hovered || modeToggle.visualFocus
                    }
                    background: Item {}
                    onClicked: {
                        root.registering = !root.registering
                        root.focusFirstEmpty()
                    }
                }

                // ---- or host a server here ------------------------------------------------------
                RowLayout {
                    Layout.fillWidth: true
                    Layout.topMargin: Theme.spacingM
                    spacing: Theme.spacingM
                    Rectangle { Layout.fillWidth: true; height: 1; color: Theme.divider }
                    Label { text: qsTr("or"); color: Theme.textMuted; font.pixelSize: Theme.fontSmall }
                    Rectangle { Layout.fillWidth: true; height: 1; color: Theme.divider }
                }
                Button {
                    id: hostButton
                    objectName: "hostButton"
                    Layout.fillWidth: true
                    Layout.topMargin: Theme.spacingS
                    Layout.preferredHeight: Theme.controlHeight + 2
                    enabled: root.hostState !== "starting" && root.hostState !== "running" && !root.busy
                    text: root.hostState === "running" ? qsTr("Hosting a server on this computer")
                                                       : qsTr("Host a server on this computer")
                    Accessible.name: text
                    onClicked: root.hostRequested()
                    contentItem: Text {
                        text: hostButton.text
                        color: hostButton.enabled ? Theme.text : Theme.textMuted
                        font.pixelSize: Theme.fontBody - 1
                        horizontalAlignment: Text.AlignHCenter
                        verticalAlignment: Text.AlignVCenter
                    }
                    background: Rectangle {
                        radius: Theme.radiusControl
                        color: hostButton.hovered ? Theme.hover : "transparent"
                        border.color: hostButton.visualFocus ? Theme.accent : Theme.fieldBorder
                        border.width: hostButton.visualFocus ? 2 : 1
                    }
                }
                Label {
                    objectName: "hostMessage"
                    Layout.fillWidth: true
                    visible: root.hostMessage.length > 0
                    text: root.hostMessage
                    color: root.hostState === "failed" ? Theme.danger : Theme.textMuted
                    wrapMode: Text.Wrap
                    horizontalAlignment: Text.AlignHCenter
                    font.pixelSize: Theme.fontSmall
                }
            }
        }
    }
}

import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Templates as T
import QtQuick.Layouts

// Asks whether to trust a server certificate that no authority vouches for (a team's self-signed
// one), showing its fingerprint to compare with the one the server's operator gave out. Said
// plainly, and louder when a certificate accepted before has changed.
Dialog {
    id: root

    // {host, fingerprint, previous, reason} from ChatClient.untrustedCertificate; empty: closed.
    property var certificate: ({})
    readonly property bool changed: (root.certificate.previous ?? "").length > 0

    signal trustRequested
    signal cancelRequested

    visible: (root.certificate.fingerprint ?? "").length > 0
    title: root.changed ? qsTr("The server's certificate has changed") : qsTr("Check the server's certificate")
    modal: true
    width: Math.min(520, parent ? parent.width - 2 * Theme.spacingXl : 520)
    padding: Theme.spacingXl
    topPadding: Theme.spacingL
    // Open exactly while a decision is pending: only the buttons (or Esc, as Cancel) end it.
    closePolicy: Popup.NoAutoClose
    anchors.centerIn: parent

    Shortcut {
        sequence: "Esc"
        enabled: root.visible
        onActivated: root.cancelRequested()
    }

    background: Rectangle {
        color: Theme.window
        radius: Theme.radiusBubble
        border.color: root.changed ? Theme.danger : Theme.divider
    }
    header: Label {
        text: root.title
        color: root.changed ? Theme.danger : Theme.text
        font.pixelSize: Theme.fontTitle
        font.weight: Font.DemiBold
        padding: Theme.spacingXl
        bottomPadding: 0
        wrapMode: Text.Wrap
    }
    T.Overlay.modal: Rectangle { color: Qt.rgba(0, 0, 0, 0.35) }

    contentItem: ColumnLayout {
        spacing: Theme.spacingM

        Label {
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            color: Theme.text
            font.pixelSize: Theme.fontBody
            text: root.changed
                  ? qsTr("%1 presents a different certificate from the one you accepted before. If the server's operator did not tell you it changed, someone may be in between: do not continue.").arg(root.certificate.host ?? "")
                  : qsTr("No certificate authority vouches for %1. Ask the server's operator for its fingerprint and compare it with this one before you trust it.").arg(root.certificate.host ?? "")
        }
        Label {
            text: qsTr("SHA-256 fingerprint")
            color: Theme.textMuted
            font.pixelSize: Theme.fontSmall
        }
        TextEdit {
            id: fingerprint
            objectName: "fingerprint"
            Layout.fillWidth: true
            text: root.certificate.fingerprint ?? ""
            readOnly: true
            selectByMouse: true
            wrapMode: TextEdit.WrapAnywhere
            color: Theme.text
            font.family: "monospace"
            font.pixelSize: Theme.fontSmall
            Accessible.name: qsTr("SHA-256 fingerprint")
        }
        Label {
            visible: root.changed
            text: qsTr("Accepted before")
            color: Theme.textMuted
            font.pixelSize: Theme.fontSmall
        }
        Label {
            objectName: "previousFingerprint"
            visible: root.changed
            Layout.fillWidth: true
            text: root.certificate.previous ?? ""
            wrapMode: Text.WrapAnywhere
            color: Theme.textMuted
            font.family: "monospace"
            font.pixelSize: Theme.fontSmall
        }
        RowLayout {
            Layout.fillWidth: true
            Layout.topMargin: Theme.spacingS
            spacing: Theme.spacingS
            Item { Layout.fillWidth: true }
            Button {
                objectName: "cancelButton"
                text: qsTr("Cancel")
                Accessible.name: text
                focus: true
                onClicked: root.cancelRequested()
            }
            Button {
                objectName: "trustButton"
                text: qsTr("Trust this certificate")
                Accessible.name: text
                palette.button: root.changed ? Theme.danger : Theme.accent
                palette.buttonText: Theme.textOnAccent
                onClicked: root.trustRequested()
            }
        }
    }
}

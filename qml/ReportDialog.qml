import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Templates as T
import QtQuick.Layouts

// Reports a member to the server's operator, with a reason. In blind rooms by alias: the operator
// can tell who it is; nobody in the room is told.
Dialog {
    id: root

    property string memberId
    property string memberName
    property bool blind: false
    readonly property string reason: reasonField.text.trim()

    signal reportRequested(string memberId, string reason)

    function show(memberId, memberName, blind) {
        root.memberId = memberId
        root.memberName = memberName
        root.blind = blind
        reasonField.clear()
        open()
        reasonField.forceActiveFocus()
    }

    objectName: "reportDialog"
    title: qsTr("Report %1").arg(root.memberName)
    modal: true
    focus: true
    width: Math.min(460, parent ? parent.width - 2 * Theme.spacingXl : 460)
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
        elide: Text.ElideRight
    }
    T.Overlay.modal: Rectangle { color: Qt.rgba(0, 0, 0, 0.35) }

    contentItem: ColumnLayout {
        spacing: Theme.spacingM
        Label {
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            color: Theme.textMuted
            font.pixelSize: Theme.fontBody - 1
            text: root.blind
                  ? qsTr("The server's operator receives your report and can see who you and %1 are. Nobody in the room is told.").arg(root.memberName)
                  : qsTr("The server's operator receives your report. Nobody in the conversation is told.")
        }
        ScrollView {
            Layout.fillWidth: true
            Layout.preferredHeight: 96
            TextArea {
                id: reasonField
                objectName: "reportReason"
                placeholderText: qsTr("What happened?")
                placeholderTextColor: Theme.textMuted
                color: Theme.text
                wrapMode: TextEdit.Wrap
                font.pixelSize: Theme.fontBody
                Accessible.name: qsTr("Reason")
                background: Rectangle {
                    radius: Theme.radiusControl
                    color: Theme.field
                    border.width: reasonField.activeFocus ? 2 : 1
                    border.color: reasonField.activeFocus ? Theme.accent : Theme.fieldBorder
                }
            }
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacingS
            Item { Layout.fillWidth: true }
            Button {
                text: qsTr("Cancel")
                Accessible.name: text
                onClicked: root.reject()
            }
            Button {
                objectName: "reportSend"
                text: qsTr("Send report")
                Accessible.name: text
                enabled: root.reason.length > 0
                palette.button: Theme.danger
                palette.buttonText: Theme.textOnAccent
                onClicked: {
                    root.reportRequested(root.memberId, root.reason)
                    root.accept()
                }
            }
        }
    }
}

import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

// The message field: grows to 8 lines then scrolls. Enter sends, Shift+Enter starts a new line;
// nothing is sent while an input method is composing (Korean IME preedit).
Rectangle {
    id: root

    property alias text: field.text
    property alias placeholderText: field.placeholderText
    property bool canSend: true
    readonly property bool composing: field.preeditText.length > 0
    readonly property int maxLines: 8

    signal sendRequested(string text)
    //! Up in an empty composer (editing the last message is a later feature).
    signal editLastRequested()
    //! The text changed (typed, pasted, cleared after sending): drives the typing notices.
    signal textEdited(string text)

    function focusField() { field.forceActiveFocus() }
    function send() {
        if (root.composing || !root.canSend || field.text.trim().length === 0)
            return false
        root.sendRequested(field.text)
        field.clear()
        return true
    }

    color: Theme.window
    implicitHeight: Math.min(field.implicitHeight, lineHeight.height * root.maxLines + field.topPadding
                             + field.bottomPadding) + 2 * Theme.spacingM

    Text { id: lineHeight; visible: false; text: "Ag"; font: field.font }

    Rectangle {
        anchors { left: parent.left; right: parent.right; top: parent.top }
        height: 1
        color: Theme.divider
    }

    RowLayout {
        anchors { fill: parent; leftMargin: Theme.spacingL; rightMargin: Theme.spacingL
                  topMargin: Theme.spacingM; bottomMargin: Theme.spacingM }
        spacing: Theme.spacingS

        Rectangle {
            Layout.fillWidth: true
            Layout.fillHeight: true
            radius: Theme.radiusControl + 2
            color: Theme.field
            border.width: field.activeFocus ? 2 : 1
            border.color: field.activeFocus ? Theme.accent : Theme.fieldBorder

            ScrollView {
                id: scroller
                anchors.fill: parent
                anchors.margins: 1
                ScrollBar.horizontal.policy: ScrollBar.AlwaysOff

                TextArea {
                    id: field
                    objectName: "composerField"
                    placeholderText: qsTr("Write a message…")
                    placeholderTextColor: Theme.textMuted
                    color: Theme.text
                    selectionColor: Theme.accent
                    selectedTextColor: Theme.textOnAccent
                    wrapMode: TextEdit.Wrap
                    font.pixelSize: Theme.fontBody
                    leftPadding: Theme.spacingM
                    rightPadding: Theme.spacingM
                    topPadding: Theme.spacingS
                    bottomPadding: Theme.spacingS
                    background: null
                    enabled: root.enabled
                    Accessible.name: qsTr("Message")
                    onTextChanged: root.textEdited(field.text)

                    Keys.onPressed: event => {
                        if (event.key === Qt.Key_Return || event.key === Qt.Key_Enter) {
                            if (field.preeditText.length > 0)
                                return // the IME commits its text first
                            if (event.modifiers & Qt.ShiftModifier) {
                                field.insert(field.cursorPosition, "\n")
                            } else {
                                root.send()
                            }
                            event.accepted = true
                        } else if (event.key === Qt.Key_Up && field.length === 0) {
                            root.editLastRequested()
                            event.accepted = true
                        }
                    }
                }
            }
        }

        Button {
            id: sendButton
            objectName: "sendButton"
            Layout.alignment: Qt.AlignBottom
            Layout.preferredHeight: Theme.controlHeight + 2
            text: qsTr("Send")
            enabled: root.canSend && field.text.trim().length > 0
            Accessible.name: qsTr("Send message")
            focusPolicy: Qt.TabFocus
            leftPadding: Theme.spacingL
            rightPadding: Theme.spacingL
            contentItem: Text {
                text: sendButton.text
                color: sendButton.enabled ? Theme.textOnAccent : Theme.textMuted
                font.pixelSize: Theme.fontBody
                font.weight: Font.DemiBold
                horizontalAlignment: Text.AlignHCenter
                verticalAlignment: Text.AlignVCenter
            }
            background: Rectangle {
                radius: Theme.radiusControl
                color: !sendButton.enabled ? Theme.hover
                     : sendButton.down ? Qt.darker(Theme.accent, 1.15) : Theme.accent
                border.width: sendButton.visualFocus ? 2 : 0
                border.color: Theme.text
            }
            onClicked: {
                root.send()
                field.forceActiveFocus()
            }
        }
    }
}

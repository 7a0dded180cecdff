import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Templates as T
import QtQuick.Layouts

// Asks before a message is deleted for everyone: which message (sender and first line) and that it
// cannot be undone. Esc or Cancel keeps it; Delete (focused, so Enter confirms) deletes it.
Dialog {
    id: root

    property string messageId
    //! The message as MessageListModel.quote() gives it: {id, sender, excerpt, deleted, loaded}.
    property var quote: ({})
    //! Someone else's message, deleted as an owner or admin.
    property bool others: false

    //! () => void: where the keyboard goes on closing (the menu that asked is gone by then).
    property var keyboardHome: null
    readonly property FocusReturn focusReturn: FocusReturn { popup: root; home: root.keyboardHome }

    signal confirmed(string messageId)

    function ask(messageId, quote, others) {
        root.messageId = messageId
        root.quote = quote ?? {}
        root.others = others
        open()
        deleteButton.forceActiveFocus()
    }

    objectName: "deleteMessageDialog"
    title: root.others ? qsTr("Delete %1's message?").arg(root.quote.sender ?? "") : qsTr("Delete this message?")
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
        elide: Text.ElideRight
    }
    T.Overlay.modal: Rectangle { color: Qt.rgba(0, 0, 0, Theme.dark ? 0.55 : 0.35) }

    contentItem: ColumnLayout {
        spacing: Theme.spacingM
        // The message itself, quoted as in a reply.
        Rectangle {
            objectName: "deleteQuote"
            Layout.fillWidth: true
            visible: (root.quote.excerpt ?? "").length > 0
            implicitHeight: excerpt.implicitHeight + 2 * Theme.spacingS
            radius: Theme.radiusControl - 2
            color: Theme.bubbleOther
            Rectangle { width: 3; height: parent.height; radius: 1.5; color: Theme.danger }
            Text {
                id: excerpt
                objectName: "deleteExcerpt"
                anchors { left: parent.left; right: parent.right; verticalCenter: parent.verticalCenter
                          leftMargin: Theme.spacingM; rightMargin: Theme.spacingS }
                text: root.quote.excerpt ?? ""
                color: Theme.text
                font.pixelSize: Theme.fontBody - 1
                elide: Text.ElideRight
                textFormat: Text.PlainText
            }
        }
        Label {
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            color: Theme.textMuted
            font.pixelSize: Theme.fontBody - 1
            text: qsTr("It is deleted for everyone in the conversation, who will see that a message was deleted. This cannot be undone.")
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacingS
            Item { Layout.fillWidth: true }
            Button {
                objectName: "deleteCancel"
                text: qsTr("Cancel")
                Accessible.name: text
                onClicked: root.reject()
            }
            Button {
                id: deleteButton
                objectName: "deleteConfirm"
                text: qsTr("Delete")
                Accessible.name: qsTr("Delete the message")
                palette.button: Theme.danger
                palette.buttonText: Theme.textOnAccent
                Keys.onReturnPressed: deleteButton.clicked()
                Keys.onEnterPressed: deleteButton.clicked()
                onClicked: {
                    root.confirmed(root.messageId)
                    root.accept()
                }
            }
        }
    }
}

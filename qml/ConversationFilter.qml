import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

// The field over the conversation list that filters it (Ctrl+K): Enter opens the first match,
// Down goes into the list, Esc clears it and goes back to the composer.
TextField {
    id: root

    //! The filtered conversations (ConversationFilterModel): filterText, count, idAt(), pick().
    required property var conversations

    signal escaped()
    signal downPressed()

    objectName: "conversationFilter"
    Layout.fillWidth: true
    Layout.leftMargin: Theme.spacingM
    Layout.rightMargin: Theme.spacingM
    Layout.bottomMargin: Theme.spacingS
    Layout.preferredHeight: Theme.controlHeight
    leftPadding: 32
    placeholderText: qsTr("Search…  (Ctrl+K)")
    placeholderTextColor: Theme.textMuted
    color: Theme.text
    font.pixelSize: Theme.fontBody
    Accessible.name: qsTr("Filter conversations")
    onTextChanged: root.conversations.filterText = root.text
    Keys.onEscapePressed: {
        root.text = ""
        root.escaped()
    }
    Keys.onDownPressed: root.downPressed()
    onAccepted: {
        if (root.conversations.count > 0)
            root.conversations.pick(root.conversations.idAt(0))
    }
    // Picking a conversation clears the filter (ConversationFilterModel::pick).
    Connections {
        target: root.conversations
        function onFilterTextChanged() { root.text = root.conversations.filterText }
    }
    background: Rectangle {
        radius: Theme.radiusControl
        color: Theme.field
        border.width: root.activeFocus ? 2 : 1
        border.color: root.activeFocus ? Theme.accent : Theme.fieldBorder
        Text {
            anchors { left: parent.left; leftMargin: 10; verticalCenter: parent.verticalCenter }
            text: "⌕"
            color: Theme.textMuted
            font.pixelSize: 18
        }
    }
}

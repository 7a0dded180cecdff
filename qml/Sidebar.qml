import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

// The left of the main window: me and the main actions on top, the filter field, and the list of
// conversations with the open one selected. Opening a conversation picks it in `conversations`;
// the keyboard goes back to the composer through keyboardHomeRequested.
Rectangle {
    id: root

    //! The filtered conversations (ConversationFilterModel): filterText, count, idAt(), rowOf(), pick().
    required property var conversations
    property string currentId
    property string displayName
    property string username
    property string avatarColor
    property string initials
    //! My picture (a local file), empty: initials.
    property url avatarSource
    //! Avatars (C++), for the rows' pictures; null: initials only.
    property var avatars: null
    //! "online", "away", or "" while not connected.
    property string presence

    signal settingsRequested()
    signal newConversationRequested()
    signal shortcutsRequested()
    //! The keyboard goes back to where the user writes.
    signal keyboardHomeRequested()
    //! A row's menu: mark the conversation unread, or read.
    signal markUnreadRequested(string conversationId)
    signal markReadRequested(string conversationId)

    //! Ctrl+K: the filter field takes the keyboard, its text selected.
    function focusFilter() {
        filter.forceActiveFocus()
        filter.selectAll()
    }
    //! Scrolls the list so that `row` shows.
    function showRow(row) {
        conversationList.positionViewAtIndex(row, ListView.Contain)
    }

    color: Theme.sidebar

    ConversationMenu {
        id: conversationMenu
        objectName: "conversationMenu"
        keyboardHome: () => conversationList.forceActiveFocus()
        onMarkUnreadChosen: id => root.markUnreadRequested(id)
        onMarkReadChosen: id => root.markReadRequested(id)
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        SidebarHeader {
            displayName: root.displayName
            username: root.username
            avatarColor: root.avatarColor
            initials: root.initials
            avatarSource: root.avatarSource
            presence: root.presence
            onSettingsRequested: root.settingsRequested()
            onNewConversationRequested: root.newConversationRequested()
            onShortcutsRequested: root.shortcutsRequested()
        }

        ConversationFilter {
            id: filter
            conversations: root.conversations
            onEscaped: root.keyboardHomeRequested()
            onDownPressed: conversationList.forceActiveFocus()
        }

        ConversationList {
            id: conversationList
            objectName: "conversationList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            model: root.conversations
            openRow: root.conversations.rowOf(root.currentId)
            Accessible.name: qsTr("Conversations")
            onOpenRequested: row => {
                // pick() also clears a Ctrl+K filter, so that the whole list shows again.
                root.conversations.pick(root.conversations.idAt(row))
                root.keyboardHomeRequested() // also when it was open already
            }
            onUpFromTop: filter.forceActiveFocus()
            onEscaped: root.keyboardHomeRequested()
            onMenuRequested: row => {
                const item = conversationList.itemAtIndex(row)
                if (item)
                    item.menuRequested(Theme.spacingXl, item.height - Theme.spacingS)
            }

            delegate: ConversationDelegate {
                id: conversation
                width: ListView.view.width
                selected: conversation.conversationId === root.currentId
                avatarSource: root.avatars ? (root.avatars.revision, root.avatars.conversationSource(conversation.conversationId, 80)) : ""
                onClicked: root.conversations.pick(conversation.conversationId)
                onMenuRequested: (x, y) => conversationMenu.openFor(conversation, x, y, conversation.conversationId,
                                                                    conversation.hasUnread || conversation.markedUnread)
            }

            Label {
                anchors.centerIn: parent
                width: parent.width - 2 * Theme.spacingXl
                visible: conversationList.count === 0
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.Wrap
                text: filter.text.length > 0 ? qsTr("No conversation matches “%1”.").arg(filter.text)
                                             : qsTr("No conversations yet.\nPress ✎ to start one.")
                color: Theme.textMuted
                font.pixelSize: Theme.fontBody - 1
            }
        }
    }
}

import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

// One 64 px row of the conversation list (UI.md): avatar, title (bold when unread), time, the last
// message (or "Draft:" and what I wrote, or the typing line), and the unread badge. Blind rooms
// show a mask and my alias.
ItemDelegate {
    id: root

    required property int index
    required property string conversationId
    required property string kind
    required property string title
    required property string lastMessage
    required property bool lastSenderIsMe
    required property string lastSenderName //!< groups and blind rooms: who wrote it ("" for me, direct)
    required property bool lastDeleted
    required property int unread
    required property bool muted
    required property int unreadMentions //!< unread messages that mention me or @room: the `@` badge
    required property string notifyLevel //!< "all", "mentions" or "nothing"
    required property bool blind
    required property string myAlias
    required property string typing
    required property string avatarColor
    required property string initials
    required property string activityText
    //! Direct chats: the other member's picture (a local file); empty: initials.
    property url avatarSource
    required property string presence   //!< direct chats: the other member's presence
    required property string myGroup    //!< blind rooms: my A/B group
    required property bool isNew        //!< someone else created it and I have not opened it yet
    required property string draft      //!< what I wrote there and did not send, while it is not open
    required property bool markedUnread //!< I marked it unread (on any of my devices): a dot badge

    property bool selected: false
    //! The row the keyboard is on while the list has it (Up/Down move, Enter opens): ringed.
    property bool keyboardCurrent: ListView.isCurrentItem && ListView.view !== null && ListView.view.activeFocus
    readonly property bool hasUnread: root.unread > 0
    //! Not every message notifies: the unread count is grey (a mention still shows `@` in colour).
    readonly property bool quiet: root.muted || root.notifyLevel !== "all"
    //! Bold like unread: new conversations and ones with unread messages ask to be looked at.
    readonly property bool stands: root.hasUnread || root.isNew || root.markedUnread
    //! Right click or the list's Menu key: the row's menu (ConversationMenu) at (x, y) of the row.
    signal menuRequested(real x, real y)

    implicitHeight: Theme.rowHeight
    padding: 0
    focusPolicy: Qt.NoFocus
    Accessible.name: (root.hasUnread ? qsTr("%1, %n unread", "", root.unread).arg(root.title)
                      : root.isNew ? qsTr("%1, new conversation").arg(root.title) : root.title)
                     + (root.unreadMentions > 0 ? ", " + qsTr("%n mention(s)", "", root.unreadMentions) : "")
                     + (root.markedUnread && !root.hasUnread ? ", " + qsTr("marked unread") : "")

    TapHandler {
        acceptedButtons: Qt.RightButton
        onTapped: eventPoint => root.menuRequested(eventPoint.position.x, eventPoint.position.y)
    }

    background: Rectangle {
        color: root.selected ? Theme.selected : (root.hovered ? Theme.hover : "transparent")
        radius: Theme.radiusControl
        anchors.fill: parent
        anchors.leftMargin: Theme.spacingS
        anchors.rightMargin: Theme.spacingS
        FocusRing { objectName: "rowFocusRing"; shown: root.keyboardCurrent; outset: 0 }
    }

    contentItem: RowLayout {
        spacing: Theme.spacingM

        Avatar {
            Layout.leftMargin: Theme.spacingL
            size: Theme.avatar
            color: root.avatarColor
            initials: root.initials
            source: root.blind ? "" : root.avatarSource
            glyph: root.blind ? "◐" : ""
            presence: root.kind === "direct" ? root.presence : ""
            ringColor: root.selected ? Theme.selected : (root.hovered ? Theme.hover : Theme.sidebar)
        }

        ColumnLayout {
            Layout.fillWidth: true
            Layout.rightMargin: Theme.spacingL
            spacing: 2

            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.spacingS
                Text {
                    objectName: "titleText"
                    Layout.fillWidth: true
                    text: root.title
                    color: Theme.text
                    font.pixelSize: Theme.fontBody
                    font.weight: root.stands ? Font.Bold : Font.Medium
                    elide: Text.ElideRight
                }
                Rectangle {
                    objectName: "newMark"
                    visible: root.isNew
                    Layout.preferredWidth: 8
                    Layout.preferredHeight: 8
                    radius: 4
                    color: Theme.accent
                    Accessible.ignored: true
                }
                GroupChip {
                    objectName: "listGroupChip"
                    group: root.blind ? root.myGroup : ""
                }
                Text {
                    text: root.activityText
                    color: root.hasUnread && !root.quiet ? Theme.accent : Theme.textMuted
                    font.pixelSize: Theme.fontSmall
                }
            }

            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.spacingS
                // A draft waits here: "Draft:" before it, in place of the last message.
                Text {
                    objectName: "draftLabel"
                    visible: root.draft.length > 0 && root.typing.length === 0
                    text: qsTr("Draft:")
                    color: Theme.danger
                    font.pixelSize: Theme.fontSmall + 1
                }
                Text {
                    objectName: "previewText"
                    Layout.fillWidth: true
                    // What the last message says, and who said it where that is not plain already.
                    readonly property string line: root.lastDeleted ? qsTr("This message was deleted")
                                                                    : root.lastMessage
                    text: root.typing.length > 0 ? root.typing
                        : root.draft.length > 0 ? root.draft
                        : line.length === 0 ? (root.blind ? qsTr("You are %1").arg(root.myAlias)
                                                          : qsTr("No messages yet"))
                        : root.lastSenderIsMe ? qsTr("You: %1").arg(line)
                        : root.lastSenderName.length > 0 ? qsTr("%1: %2", "sender: last message").arg(root.lastSenderName).arg(line)
                        : line
                    color: root.typing.length > 0 ? Theme.accent : Theme.textMuted
                    font.pixelSize: Theme.fontSmall + 1
                    font.italic: root.typing.length > 0
                    elide: Text.ElideRight
                    maximumLineCount: 1
                    textFormat: Text.PlainText
                }
                Rectangle {
                    objectName: "mentionBadge"
                    visible: root.unreadMentions > 0
                    Layout.preferredHeight: 20
                    Layout.preferredWidth: 20
                    radius: 10
                    color: Theme.accent
                    Accessible.ignored: true
                    Text {
                        anchors.centerIn: parent
                        text: "@"
                        color: Theme.textOnAccent
                        font.pixelSize: Theme.fontSmall
                        font.weight: Font.Bold
                    }
                }
                // Marked unread with nothing new to count: a dot where the count would be.
                Rectangle {
                    objectName: "unreadDot"
                    visible: root.markedUnread && !root.hasUnread
                    Layout.preferredHeight: 12
                    Layout.preferredWidth: 12
                    Layout.rightMargin: 4
                    radius: 6
                    color: root.quiet ? Theme.badgeMuted : Theme.accent
                    Accessible.ignored: true
                }
                Rectangle {
                    objectName: "unreadBadge"
                    visible: root.hasUnread
                    Layout.preferredHeight: 20
                    Layout.preferredWidth: Math.max(20, badgeText.implicitWidth + 12)
                    radius: 10
                    color: root.quiet ? Theme.badgeMuted : Theme.accent
                    Text {
                        id: badgeText
                        anchors.centerIn: parent
                        text: root.unread > 99 ? "99+" : root.unread
                        color: Theme.textOnAccent
                        font.pixelSize: Theme.fontSmall - 1
                        font.weight: Font.Bold
                    }
                }
            }
        }
    }
}

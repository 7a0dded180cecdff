import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Templates as T
import QtQuick.Layouts

// The profile card of a member, opened from a sender's name or avatar in the timeline, or from the
// member list (click, or Enter on a row). Name, @username, status and presence, with "Message" and
// "Block"/"Unblock" (each block or unblock asks first). In blind rooms: the alias only, and nothing
// to act on. Esc closes it. It shows what it is given (ChatClient.card); it decides nothing.
Popup {
    id: root

    property string userId
    property string name
    property string username
    property string status
    //! "online", "away", "offline", or "" (blind rooms: never shown).
    property string presence
    property string avatarColor: "#6B7079"
    property string initials
    //! A blind room's member: only the alias is shown.
    property bool alias: false
    property bool isMe: false
    property bool bot: false
    property bool blocked: false
    //! account.block is on its way.
    property bool busy: false
    //! Why the last block or unblock did not happen, or empty.
    property string error
    //! Block/Unblock was pressed: the card asks before it happens.
    property bool confirming: false

    //! () => void: where the keyboard goes on closing.
    property var keyboardHome: null
    readonly property FocusReturn focusReturn: FocusReturn { popup: root; home: root.keyboardHome }
    readonly property bool canAct: !root.alias && !root.isMe && root.userId.length > 0

    signal messageRequested(string username)
    signal blockRequested(string userId, bool blocked)

    function show() {
        root.confirming = false
        open()
        if (messageButton.visible)
            messageButton.forceActiveFocus()
        else if (blockButton.visible)
            blockButton.forceActiveFocus()
        else
            closeButton.forceActiveFocus()
    }
    function presenceText(presence) {
        switch (presence) {
        case "online": return qsTr("Online")
        case "away": return qsTr("Away")
        case "offline": return qsTr("Offline")
        default: return ""
        }
    }

    objectName: "profileCard"
    modal: true
    focus: true
    width: Math.min(360, parent ? parent.width - 2 * Theme.spacingXl : 360)
    padding: Theme.spacingXl
    anchors.centerIn: parent
    closePolicy: Popup.CloseOnEscape | Popup.CloseOnPressOutside
    onClosed: root.confirming = false
    // A block or unblock that went through ends the question.
    onBlockedChanged: {
        if (!root.confirming)
            return
        root.confirming = false
        blockButton.forceActiveFocus()
    }

    background: Rectangle {
        color: Theme.window
        radius: Theme.radiusBubble
        border.color: Theme.divider
    }
    T.Overlay.modal: Rectangle { color: Qt.rgba(0, 0, 0, Theme.dark ? 0.55 : 0.35) }

    contentItem: ColumnLayout {
        spacing: Theme.spacingM
        // A Popup is no Item: what a screen reader announces sits on its content.
        Accessible.role: Accessible.Dialog
        Accessible.name: qsTr("Profile of %1").arg(root.name)

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacingM
            Avatar {
                objectName: "cardAvatar"
                size: 64
                color: root.avatarColor
                initials: root.initials
                alias: root.alias
                presence: root.alias ? "" : root.presence
            }
            ColumnLayout {
                Layout.fillWidth: true
                spacing: 2
                RowLayout {
                    Layout.fillWidth: true
                    spacing: Theme.spacingXs + 2
                    Text {
                        objectName: "cardName"
                        Layout.fillWidth: implicitWidth > width
                        Layout.maximumWidth: implicitWidth
                        text: root.isMe ? qsTr("%1 (you)").arg(root.name) : root.name
                        color: Theme.text
                        font.pixelSize: Theme.fontTitle + 2
                        font.weight: Font.DemiBold
                        elide: Text.ElideRight
                        textFormat: Text.PlainText
                    }
                    Text {
                        objectName: "cardBotBadge"
                        visible: root.bot && !root.alias
                        text: qsTr("bot")
                        color: Theme.textMuted
                        font.pixelSize: Theme.fontSmall - 2
                        font.weight: Font.DemiBold
                        leftPadding: Theme.spacingXs
                        rightPadding: Theme.spacingXs
                        Rectangle {
                            anchors.fill: parent
                            radius: 4
                            color: "transparent"
                            border.width: 1
                            border.color: Theme.textMuted
                        }
                    }
                    Item { Layout.fillWidth: true }
                }
                Text {
                    objectName: "cardUsername"
                    Layout.fillWidth: true
                    visible: !root.alias && root.username.length > 0
                    text: "@" + root.username
                    color: Theme.textMuted
                    font.pixelSize: Theme.fontBody - 1
                    elide: Text.ElideRight
                    textFormat: Text.PlainText
                }
                Text {
                    objectName: "cardPresence"
                    Layout.fillWidth: true
                    visible: text.length > 0
                    text: root.alias ? "" : root.presenceText(root.presence)
                    color: root.presence === "online" ? Theme.presenceOnline : Theme.textMuted
                    font.pixelSize: Theme.fontSmall
                }
            }
            IconButton {
                id: closeButton
                objectName: "cardClose"
                Layout.alignment: Qt.AlignTop
                glyph: "✕"
                tip: qsTr("Close (Esc)")
                onClicked: root.close()
            }
        }

        Text {
            objectName: "cardStatus"
            Layout.fillWidth: true
            visible: !root.alias && root.status.length > 0
            text: root.status
            color: Theme.text
            font.pixelSize: Theme.fontBody
            wrapMode: Text.Wrap
            textFormat: Text.PlainText
        }
        Label {
            objectName: "cardAliasNote"
            Layout.fillWidth: true
            visible: root.alias
            text: qsTr("In this room everyone appears under an alias. Who is behind it stays hidden, so there is nothing more to show.")
            color: Theme.textMuted
            font.pixelSize: Theme.fontSmall
            wrapMode: Text.Wrap
        }
        Label {
            objectName: "cardBlockedNote"
            Layout.fillWidth: true
            visible: root.canAct && root.blocked && !root.confirming
            text: qsTr("You block this person. Their messages are collapsed, and they cannot start a conversation with you.")
            color: Theme.textMuted
            font.pixelSize: Theme.fontSmall
            wrapMode: Text.Wrap
        }

        // The question before a block or an unblock.
        Label {
            objectName: "cardConfirmText"
            Layout.fillWidth: true
            visible: root.confirming
            text: root.blocked
                  ? qsTr("Unblock %1? Their messages show again, and they can start a conversation with you.").arg(root.name)
                  : qsTr("Block %1? They cannot start a direct conversation with you or add you to groups, and their messages are collapsed. They are not told.").arg(root.name)
            color: Theme.text
            font.pixelSize: Theme.fontBody - 1
            wrapMode: Text.Wrap
        }
        Label {
            objectName: "cardError"
            Layout.fillWidth: true
            visible: text.length > 0
            text: root.error
            color: Theme.danger
            font.pixelSize: Theme.fontSmall
            wrapMode: Text.Wrap
        }

        RowLayout {
            Layout.fillWidth: true
            visible: root.canAct
            spacing: Theme.spacingS
            Button {
                id: messageButton
                objectName: "cardMessage"
                visible: !root.confirming && !root.blocked
                text: qsTr("Message")
                Accessible.name: qsTr("Message %1").arg(root.name)
                palette.button: Theme.accent
                palette.buttonText: Theme.textOnAccent
                Keys.onReturnPressed: messageButton.clicked()
                Keys.onEnterPressed: messageButton.clicked()
                onClicked: root.messageRequested(root.username)
            }
            Item { Layout.fillWidth: true }
            Button {
                id: blockButton
                objectName: "cardBlock"
                visible: !root.confirming
                enabled: !root.busy
                text: root.blocked ? qsTr("Unblock") : qsTr("Block")
                Accessible.name: root.blocked ? qsTr("Unblock %1").arg(root.name) : qsTr("Block %1").arg(root.name)
                flat: true
                contentItem: Text {
                    text: blockButton.text
                    color: root.blocked ? Theme.accent : Theme.danger
                    font: blockButton.font
                    horizontalAlignment: Text.AlignHCenter
                    verticalAlignment: Text.AlignVCenter
                }
                Keys.onReturnPressed: blockButton.clicked()
                Keys.onEnterPressed: blockButton.clicked()
                onClicked: {
                    root.confirming = true
                    confirmButton.forceActiveFocus()
                }
            }
            Button {
                objectName: "cardConfirmCancel"
                visible: root.confirming
                text: qsTr("Cancel")
                Keys.onReturnPressed: clicked()
                Keys.onEnterPressed: clicked()
                onClicked: {
                    root.confirming = false
                    blockButton.forceActiveFocus()
                }
            }
            Button {
                id: confirmButton
                objectName: "cardConfirm"
                visible: root.confirming
                enabled: !root.busy
                text: root.blocked ? qsTr("Unblock") : qsTr("Block")
                Accessible.name: root.blocked ? qsTr("Unblock %1").arg(root.name) : qsTr("Block %1").arg(root.name)
                palette.button: root.blocked ? Theme.accent : Theme.danger
                palette.buttonText: Theme.textOnAccent
                Keys.onReturnPressed: confirmButton.clicked()
                Keys.onEnterPressed: confirmButton.clicked()
                onClicked: root.blockRequested(root.userId, !root.blocked)
            }
        }
    }
}

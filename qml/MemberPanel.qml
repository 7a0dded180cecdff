import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

// The members of the open conversation (ⓘ in the header): avatar with presence, name, role.
// In blind rooms: aliases with their A/B chip, and no presence (it would reveal who is who);
// members who revealed who they are to me show their real name with the alias in small text.
// Each other member has a menu (⋯, or a right click): reveal my name to them, withdraw that
// offer, report them. A click on a row, or Enter on the row in focus (Tab into the list, arrows
// to move), opens the member's profile card.
Rectangle {
    id: root

    //! A MemberListModel (roles memberId, name, username, roleName, alias, group, avatarColor,
    //! initials, isMe, presence, aliasName, revealed, offeredByMe, offeredToMe).
    property var members: null
    //! Avatars (C++), for the members' pictures; null: initials only. Blind rooms never show one.
    property var avatars: null
    property bool blind: false
    //! Blind rooms: the owner allows reveals.
    property bool revealsAllowed: true
    readonly property int count: list.count

    signal closeRequested()
    //! Blind rooms: offer to reveal my identity to this member (the caller confirms first).
    signal revealRequested(string memberId)
    signal withdrawRequested(string memberId)
    //! Report a member to the server's operator (the caller asks for the reason).
    signal reportRequested(string memberId, string name)
    //! A row was clicked or Enter pressed on it: the member's profile card.
    signal profileRequested(string memberId)

    color: Theme.sidebar
    implicitWidth: Theme.memberPanelWidth
    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("Members")

    function roleText(roleName) {
        switch (roleName) {
        case "owner": return qsTr("Owner")
        case "admin": return qsTr("Admin")
        default: return ""
        }
    }

    Rectangle {
        anchors { left: parent.left; top: parent.top; bottom: parent.bottom }
        width: 1
        color: Theme.divider
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.leftMargin: 1
        spacing: 0

        RowLayout {
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.headerHeight
            Layout.leftMargin: Theme.spacingL
            Layout.rightMargin: Theme.spacingS
            Label {
                objectName: "memberPanelTitle"
                Layout.fillWidth: true
                text: qsTr("Members · %1").arg(list.count)
                color: Theme.text
                font.pixelSize: Theme.fontBody
                font.weight: Font.DemiBold
                elide: Text.ElideRight
            }
            IconButton {
                glyph: "✕"
                tip: qsTr("Close (Esc)")
                onClicked: root.closeRequested()
            }
        }
        Rectangle { // continues the conversation header's line
            Layout.fillWidth: true
            Layout.preferredHeight: 1
            Layout.bottomMargin: Theme.spacingS
            color: Theme.divider
        }
        Label {
            objectName: "blindNote"
            visible: root.blind
            Layout.fillWidth: true
            Layout.leftMargin: Theme.spacingL
            Layout.rightMargin: Theme.spacingL
            Layout.bottomMargin: Theme.spacingS
            text: qsTr("Everyone here appears under an alias. Presence is hidden.")
            color: Theme.textMuted
            font.pixelSize: Theme.fontSmall
            wrapMode: Text.Wrap
        }

        ListView {
            id: list
            objectName: "memberList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: root.members
            boundsBehavior: Flickable.StopAtBounds
            activeFocusOnTab: true
            keyNavigationEnabled: true
            currentIndex: -1
            onActiveFocusChanged: if (activeFocus && currentIndex < 0 && count > 0) currentIndex = 0
            Keys.onReturnPressed: if (currentItem) root.profileRequested(currentItem.memberId)
            Keys.onEnterPressed: if (currentItem) root.profileRequested(currentItem.memberId)
            Accessible.role: Accessible.List
            Accessible.name: qsTr("Members")
            ScrollBar.vertical: ScrollBar {}

            delegate: Item {
                id: row
                required property int index
                required property string memberId
                required property string name
                required property string username
                required property string roleName
                required property bool alias
                required property string group
                required property string avatarColor
                required property string initials
                required property bool isMe
                required property string presence
                required property string aliasName
                required property bool revealed
                required property bool offeredByMe
                required property bool offeredToMe
                required property bool bot
                required property string statusText

                //! What this row says under the name: their status, the alias of a revealed
                //! member, where an offer stands, the handle and the role.
                readonly property string detail: {
                    const parts = []
                    if (row.statusText.length > 0)
                        parts.push(row.statusText)
                    if (row.revealed)
                        parts.push(row.aliasName)
                    else if (row.offeredByMe)
                        parts.push(qsTr("You offered to reveal"))
                    else if (row.offeredToMe && root.revealsAllowed)
                        parts.push(qsTr("Offers to reveal"))
                    if (row.username.length > 0 && (!row.alias || row.revealed))
                        parts.push("@" + row.username)
                    const role = root.roleText(row.roleName)
                    if (role.length > 0)
                        parts.push(role)
                    return parts.join(" · ")
                }

                width: ListView.view.width
                height: 48
                Accessible.role: Accessible.ListItem
                Accessible.name: row.name + (row.revealed ? ", " + qsTr("alias %1").arg(row.aliasName) : "")
                                 + (row.group.length > 0 ? ", " + qsTr("group %1").arg(row.group) : "")
                                 + (row.presence === "online" ? ", " + qsTr("online")
                                    : row.presence === "away" ? ", " + qsTr("away") : "")

                // The row the keyboard is on.
                Rectangle {
                    objectName: "memberFocus"
                    anchors.fill: parent
                    visible: row.ListView.isCurrentItem && list.activeFocus
                    color: Theme.hover
                }
                HoverHandler { id: rowHover }
                TapHandler {
                    objectName: "memberTap"
                    onTapped: {
                        list.currentIndex = row.index
                        root.profileRequested(row.memberId)
                    }
                }
                TapHandler {
                    acceptedButtons: Qt.RightButton
                    enabled: !row.isMe
                    onTapped: rowMenu.popup()
                }

                RowLayout {
                    anchors { fill: parent; leftMargin: Theme.spacingL; rightMargin: Theme.spacingL }
                    spacing: Theme.spacingM
                    Avatar {
                        size: Theme.avatarSmall
                        color: row.avatarColor
                        initials: row.initials
                        alias: row.alias
                        source: root.blind || row.alias || !root.avatars ? ""
                                : (root.avatars.revision, root.avatars.memberSource(row.memberId, 80))
                        presence: root.blind ? "" : row.presence
                        ringColor: Theme.sidebar
                    }
                    ColumnLayout {
                        Layout.fillWidth: true
                        spacing: 0
                        RowLayout {
                            Layout.fillWidth: true
                            spacing: Theme.spacingXs + 2
                            Text {
                                objectName: "memberName"
                                Layout.fillWidth: implicitWidth > width
                                Layout.maximumWidth: implicitWidth
                                text: row.isMe ? qsTr("%1 (you)").arg(row.name) : row.name
                                color: Theme.text
                                font.pixelSize: Theme.fontBody - 1
                                font.weight: Font.Medium
                                elide: Text.ElideRight
                                textFormat: Text.PlainText
                            }
                            GroupChip {
                                objectName: "memberGroupChip"
                                group: row.group
                            }
                            Text {
                                objectName: "memberBotBadge"
                                visible: row.bot
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
                            objectName: "memberDetail"
                            Layout.fillWidth: true
                            visible: text.length > 0
                            text: row.detail
                            color: row.offeredToMe && !row.revealed && root.revealsAllowed ? Theme.accent : Theme.textMuted
                            font.pixelSize: Theme.fontSmall
                            elide: Text.ElideRight
                            textFormat: Text.PlainText
                        }
                    }
                    IconButton {
                        id: menuButton
                        objectName: "memberMenuButton"
                        // Others only: there is nothing to reveal to, or report about, oneself.
                        visible: !row.isMe && (rowHover.hovered || activeFocus || rowMenu.visible)
                        glyph: "⋯"
                        tip: qsTr("More for %1").arg(row.name)
                        onClicked: rowMenu.popup(menuButton, 0, menuButton.height)
                    }
                }

                Menu {
                    id: rowMenu
                    objectName: "memberMenu"
                    MenuItem {
                        objectName: "revealItem"
                        readonly property bool available: root.blind && root.revealsAllowed && !row.revealed && !row.offeredByMe
                        visible: available
                        height: available ? implicitHeight : 0
                        text: row.offeredToMe ? qsTr("Reveal names with %1…").arg(row.name)
                                              : qsTr("Offer to reveal my name to %1…").arg(row.name)
                        onTriggered: root.revealRequested(row.memberId)
                    }
                    MenuItem {
                        objectName: "withdrawItem"
                        readonly property bool available: root.blind && row.offeredByMe && !row.revealed
                        visible: available
                        height: available ? implicitHeight : 0
                        text: qsTr("Withdraw my offer to %1").arg(row.name)
                        onTriggered: root.withdrawRequested(row.memberId)
                    }
                    MenuItem {
                        objectName: "reportItem"
                        text: qsTr("Report %1…").arg(row.name)
                        onTriggered: root.reportRequested(row.memberId, row.name)
                    }
                }
            }
        }
    }
}

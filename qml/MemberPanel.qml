import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

// The members of the open conversation (ⓘ in the header): avatar with presence, name, role.
// In blind rooms: aliases with their A/B chip, and no presence (it would reveal who is who).
Rectangle {
    id: root

    //! A MemberListModel (roles memberId, name, username, roleName, alias, group, avatarColor,
    //! initials, isMe, presence).
    property var members: null
    property bool blind: false
    readonly property int count: list.count

    signal closeRequested()

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
            Accessible.role: Accessible.List
            Accessible.name: qsTr("Members")
            ScrollBar.vertical: ScrollBar {}

            delegate: Item {
                id: row
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

                width: ListView.view.width
                height: 48
                Accessible.role: Accessible.ListItem
                Accessible.name: row.name + (row.group.length > 0 ? ", " + qsTr("group %1").arg(row.group) : "")
                                 + (row.presence === "online" ? ", " + qsTr("online")
                                    : row.presence === "away" ? ", " + qsTr("away") : "")

                RowLayout {
                    anchors { fill: parent; leftMargin: Theme.spacingL; rightMargin: Theme.spacingL }
                    spacing: Theme.spacingM
                    Avatar {
                        size: Theme.avatarSmall
                        color: row.avatarColor
                        initials: row.initials
                        alias: row.alias
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
                            Item { Layout.fillWidth: true }
                        }
                        Text {
                            Layout.fillWidth: true
                            visible: text.length > 0
                            text: {
                                const role = root.roleText(row.roleName)
                                const handle = !row.alias && row.username.length > 0 ? "@" + row.username : ""
                                return [handle, role].filter(s => s.length > 0).join(" · ")
                            }
                            color: Theme.textMuted
                            font.pixelSize: Theme.fontSmall
                            elide: Text.ElideRight
                        }
                    }
                }
            }
        }
    }
}

import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Templates as T
import QtQuick.Layouts

// The settings of a group or blind room (⚙ in the header): name and description (owners and
// admins edit them), my mute, the members with their roles (add by username; remove and change
// roles where the server allows it, which the member model says per row) and leaving.
// It only shows and asks: every change goes out through a signal.
Popup {
    id: root

    property string title
    property string description
    //! My notification level here: "all", "mentions" or "nothing".
    property string notifyLevel: "all"
    property string kind: "group"
    //! "owner", "admin" or "member".
    property string myRole: "member"
    property bool canManage: false
    property bool canChangeRoles: false
    //! Why the last change was refused, or empty.
    property string error
    //! A MemberListModel (roles memberId, name, username, roleName, avatarColor, initials, isMe,
    //! alias, removable, roleChangeable, group).
    property var members: null
    //! () => void: where the keyboard goes on closing when the item that had it is gone.
    property var keyboardHome: null
    //! The dialog owns the keyboard while open; on closing it goes back where it was.
    readonly property FocusReturn focusReturn: FocusReturn { popup: root; home: root.keyboardHome }
    readonly property bool blind: root.kind === "blind"
    // Blind rooms (BlindRoomSettings): who sees whose name and when; the owner changes it.
    property string revealPolicy: "mutual"
    property var revealAt: new Date(NaN)
    property var revealedAt: new Date(NaN)
    property bool membersInvite: false
    signal policyRequested(string policy, var revealAt, bool membersInvite)
    //! Who pins messages: members too (`membersPin`), or only owners and admins; the owner decides.
    property bool membersPin: false
    property bool canChangePinRights: false
    signal membersPinRequested(bool allowed)
    //! The owner moves a member of a blind room to group "A", "B" or none ("").
    signal groupRequested(string memberId, string group)
    readonly property bool edited: nameField.text.trim().length > 0
                                   && (nameField.text.trim() !== root.title
                                       || descriptionField.text.trim() !== root.description.trim())

    signal saveRequested(string title, string description)
    signal notifyLevelRequested(string level)
    signal addMemberRequested(string username)
    //! ChatClient.directory (a PeopleDirectory): suggestions under the add field; null: none.
    property var directory: null
    signal removeRequested(string memberId)
    //! `role`: "owner", "admin" or "member".
    signal roleRequested(string memberId, string role)
    signal leaveRequested()

    // What the fields were last given from the server: while they still hold it, the user has
    // not edited them, and a newer value (e.g. the details arriving after the dialog opened)
    // replaces it even when the field has focus.
    property string givenTitle
    property string givenDescription
    function give() {
        nameField.text = root.givenTitle = root.title
        descriptionField.text = root.givenDescription = root.description
    }

    function show() {
        root.give()
        addField.clear()
        leaveConfirm.visible = false
        open()
        nameField.forceActiveFocus()
    }
    //! Scrolls to the members (a blind room's groups) once laid out.
    function scrollToMembers() {
        scroll.contentItem.contentY = Math.max(0, Math.min(membersTitle.y - Theme.spacingS, scroll.contentHeight - scroll.height))
    }
    function roleText(roleName) {
        switch (roleName) {
        case "owner": return qsTr("Owner")
        case "admin": return qsTr("Admin")
        default: return qsTr("Member")
        }
    }
    function addMember() {
        const name = addField.text.trim()
        if (name.length === 0)
            return
        root.addMemberRequested(name)
        addField.clear()
    }

    // What the server says wins, unless the user is typing over it.
    onTitleChanged: {
        if (!nameField.activeFocus || nameField.text === root.givenTitle || nameField.text === root.title)
            nameField.text = root.givenTitle = root.title
    }
    onDescriptionChanged: {
        if (!descriptionField.activeFocus || descriptionField.text === root.givenDescription
                || descriptionField.text === root.description)
            descriptionField.text = root.givenDescription = root.description
    }

    objectName: "groupSettings"
    anchors.centerIn: parent
    width: Math.min(520, parent ? parent.width - 2 * Theme.spacingXl : 520)
    height: Math.min(680, parent ? parent.height - 2 * Theme.spacingXl : 680)
    modal: true
    focus: true
    padding: 0
    closePolicy: Popup.CloseOnEscape | Popup.CloseOnPressOutside
    T.Overlay.modal: Rectangle { color: Qt.rgba(0, 0, 0, Theme.dark ? 0.55 : 0.35) }
    background: Rectangle {
        radius: Theme.radiusBubble
        color: Theme.window
        border.color: Theme.fieldBorder
    }

    contentItem: ColumnLayout {
        spacing: 0

        RowLayout {
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.headerHeight
            Layout.leftMargin: Theme.spacingXl
            Layout.rightMargin: Theme.spacingS
            Label {
                objectName: "groupSettingsTitle"
                Layout.fillWidth: true
                text: root.blind ? qsTr("Room settings") : qsTr("Group settings")
                color: Theme.text
                font.pixelSize: Theme.fontTitle
                font.weight: Font.DemiBold
                elide: Text.ElideRight
            }
            IconButton {
                objectName: "groupSettingsClose"
                glyph: "✕"
                tip: qsTr("Close (Esc)")
                onClicked: root.close()
            }
        }
        Rectangle { Layout.fillWidth: true; Layout.preferredHeight: 1; color: Theme.divider }

        ScrollView {
            id: scroll
            objectName: "groupSettingsScroll"
            Layout.fillWidth: true
            Layout.fillHeight: true
            contentWidth: availableWidth
            // Where the last row ends: wrapped labels make the layout's implicit height fall short.
            contentHeight: bottomSpacer.y + bottomSpacer.height
            clip: true

            ColumnLayout {
                width: scroll.availableWidth
                spacing: Theme.spacingS

                Item { Layout.preferredHeight: Theme.spacingS }

                // ---- name and description ------------------------------------------------------
                SectionTitle {
                    Layout.leftMargin: Theme.spacingXl
                    text: qsTr("Name")
                }
                Field {
                    id: nameField
                    objectName: "groupName"
                    Layout.fillWidth: true
                    Layout.leftMargin: Theme.spacingXl
                    Layout.rightMargin: Theme.spacingXl
                    readOnly: !root.canManage
                    maximumLength: 128
                    Accessible.name: qsTr("Group name")
                    onAccepted: if (root.edited) root.saveRequested(nameField.text.trim(), descriptionField.text.trim())
                }
                SectionTitle {
                    Layout.leftMargin: Theme.spacingXl
                    text: qsTr("Description")
                }
                TextArea {
                    id: descriptionField
                    objectName: "groupDescription"
                    Layout.fillWidth: true
                    Layout.leftMargin: Theme.spacingXl
                    Layout.rightMargin: Theme.spacingXl
                    Layout.preferredHeight: Math.max(72, implicitHeight)
                    readOnly: !root.canManage
                    wrapMode: TextEdit.Wrap
                    color: Theme.text
                    font.pixelSize: Theme.fontBody
                    placeholderText: root.canManage ? qsTr("What is this group about?") : qsTr("No description")
                    placeholderTextColor: Theme.textMuted
                    selectByMouse: true
                    Accessible.name: qsTr("Group description")
                    background: FieldFrame { focused: descriptionField.activeFocus && !descriptionField.readOnly }
                    // Enter is a new line here; the button saves.
                    Keys.onTabPressed: event => { saveButton.forceActiveFocus(); event.accepted = true }
                }
                RowLayout {
                    Layout.fillWidth: true
                    Layout.leftMargin: Theme.spacingXl
                    Layout.rightMargin: Theme.spacingXl
                    visible: root.canManage
                    Label {
                        Layout.fillWidth: true
                        text: qsTr("Owners and admins can change these.")
                        color: Theme.textMuted
                        font.pixelSize: Theme.fontSmall
                        wrapMode: Text.Wrap
                    }
                    Button {
                        id: saveButton
                        objectName: "groupSave"
                        text: qsTr("Save")
                        enabled: root.edited
                        highlighted: root.edited
                        Accessible.name: qsTr("Save name and description")
                        onClicked: root.saveRequested(nameField.text.trim(), descriptionField.text.trim())
                    }
                }

                Rectangle {
                    Layout.fillWidth: true
                    Layout.preferredHeight: 1
                    Layout.topMargin: Theme.spacingS
                    color: Theme.divider
                }

                // ---- notifications ---------------------------------------------------------------
                ColumnLayout {
                    Layout.fillWidth: true
                    Layout.leftMargin: Theme.spacingXl
                    Layout.rightMargin: Theme.spacingXl
                    spacing: Theme.spacingXs
                    Label {
                        Layout.fillWidth: true
                        text: qsTr("Notify me about")
                        color: Theme.text
                        font.pixelSize: Theme.fontBody
                    }
                    NotifyLevelChooser {
                        objectName: "groupNotifyLevel"
                        Layout.fillWidth: true
                        level: root.notifyLevel
                        onLevelRequested: level => root.notifyLevelRequested(level)
                    }
                }

                // ---- who pins ------------------------------------------------------------------
                SwitchRow {
                    objectName: "groupMembersPin"
                    Layout.leftMargin: Theme.spacingXl
                    Layout.rightMargin: Theme.spacingXl
                    Layout.topMargin: Theme.spacingS
                    text: qsTr("Everyone can pin messages")
                    // The owner's to decide: the others see it in each message's menu (Pin or not).
                    visible: root.canChangePinRights
                    description: qsTr("Off: only owners and admins pin.")
                    checked: root.membersPin
                    onToggled: on => root.membersPinRequested(on)
                }

                Rectangle {
                    Layout.fillWidth: true
                    Layout.preferredHeight: 1
                    Layout.topMargin: Theme.spacingS
                    color: Theme.divider
                }

                // ---- members -------------------------------------------------------------------
                SectionTitle {
                    id: membersTitle
                    objectName: "groupMembersTitle"
                    Layout.leftMargin: Theme.spacingXl
                    text: qsTr("Members · %1").arg(memberRepeater.count)
                }
                RowLayout {
                    Layout.fillWidth: true
                    Layout.leftMargin: Theme.spacingXl
                    Layout.rightMargin: Theme.spacingXl
                    visible: root.canManage
                    spacing: Theme.spacingS
                    Field {
                        id: addField
                        objectName: "addMemberField"
                        Layout.fillWidth: true
                        placeholderText: qsTr("Add someone by username")
                        Accessible.name: qsTr("Username to add")
                        onAccepted: root.addMember()
                        Keys.onDownPressed: event => { event.accepted = addSuggestions.moveBy(1) }
                        Keys.onUpPressed: event => { event.accepted = addSuggestions.moveBy(-1) }
                        Keys.onReturnPressed: event => { event.accepted = addSuggestions.pick() }
                        Keys.onEnterPressed: event => { event.accepted = addSuggestions.pick() }
                    }
                    Button {
                        objectName: "addMemberButton"
                        text: qsTr("Add")
                        enabled: addField.text.trim().length > 0
                        Accessible.name: qsTr("Add member")
                        onClicked: root.addMember()
                    }
                }
                PeopleSuggestions {
                    id: addSuggestions
                    objectName: "addMemberSuggestions"
                    Layout.fillWidth: true
                    Layout.leftMargin: Theme.spacingXl
                    Layout.rightMargin: Theme.spacingXl
                    Layout.preferredHeight: visible ? implicitHeight : 0
                    field: addField
                    directory: root.canManage ? root.directory : null
                }
                Label {
                    objectName: "groupError"
                    Layout.fillWidth: true
                    Layout.leftMargin: Theme.spacingXl
                    Layout.rightMargin: Theme.spacingXl
                    visible: root.error.length > 0
                    text: root.error
                    color: Theme.danger
                    font.pixelSize: Theme.fontSmall
                    wrapMode: Text.Wrap
                }

                Repeater {
                    id: memberRepeater
                    model: root.members
                    delegate: Item {
                        id: memberRow
                        required property string memberId
                        required property string name
                        required property string username
                        required property string roleName
                        required property string avatarColor
                        required property string initials
                        required property bool isMe
                        required property bool alias
                        required property bool removable
                        required property bool roleChangeable
                        required property string group
                        readonly property bool hasMenu: memberRow.removable || memberRow.roleChangeable
                        objectName: "groupMemberRow"
                        Layout.fillWidth: true
                        Layout.preferredHeight: 48
                        Accessible.role: Accessible.ListItem
                        Accessible.name: memberRow.name + ", " + root.roleText(memberRow.roleName)

                        HoverHandler { id: memberHover }
                        Rectangle {
                            anchors.fill: parent
                            color: memberHover.hovered ? Theme.hover : "transparent"
                        }
                        RowLayout {
                            anchors.fill: parent
                            anchors.leftMargin: Theme.spacingXl
                            anchors.rightMargin: Theme.spacingL
                            spacing: Theme.spacingM
                            Avatar {
                                size: Theme.avatarSmall
                                color: memberRow.avatarColor
                                initials: memberRow.initials
                                alias: memberRow.alias
                            }
                            ColumnLayout {
                                Layout.fillWidth: true
                                spacing: 0
                                Label {
                                    Layout.fillWidth: true
                                    text: memberRow.isMe ? qsTr("%1 (you)").arg(memberRow.name) : memberRow.name
                                    color: Theme.text
                                    font.pixelSize: Theme.fontBody
                                    elide: Text.ElideRight
                                    textFormat: Text.PlainText
                                }
                                Label {
                                    Layout.fillWidth: true
                                    visible: memberRow.username.length > 0
                                    text: "@" + memberRow.username
                                    color: Theme.textMuted
                                    font.pixelSize: Theme.fontSmall
                                    elide: Text.ElideRight
                                }
                            }
                            // Blind rooms: the owner moves members between groups; others see the label.
                            GroupPicker {
                                objectName: "memberGroupPicker"
                                visible: root.blind && root.canChangeRoles
                                who: memberRow.name
                                group: memberRow.group
                                onPicked: group => root.groupRequested(memberRow.memberId, group)
                            }
                            GroupChip {
                                visible: root.blind && !root.canChangeRoles && memberRow.group.length > 0
                                group: memberRow.group
                            }
                            Rectangle {
                                objectName: "roleChip"
                                visible: memberRow.roleName !== "member"
                                implicitWidth: roleLabel.implicitWidth + 2 * Theme.spacingS
                                implicitHeight: roleLabel.implicitHeight + Theme.spacingXs
                                radius: height / 2
                                color: memberRow.roleName === "owner" ? Theme.selected : "transparent"
                                border.color: memberRow.roleName === "owner" ? Theme.accent : Theme.divider
                                Label {
                                    id: roleLabel
                                    objectName: "roleLabel"
                                    anchors.centerIn: parent
                                    text: root.roleText(memberRow.roleName)
                                    color: memberRow.roleName === "owner" ? Theme.accent : Theme.textMuted
                                    font.pixelSize: Theme.fontSmall - 1
                                    font.weight: Font.DemiBold
                                }
                            }
                            IconButton {
                                id: memberMenuButton
                                objectName: "groupMemberMenuButton"
                                visible: memberRow.hasMenu
                                glyph: "⋯"
                                tip: qsTr("Actions for %1").arg(memberRow.name)
                                onClicked: memberMenu.popup(memberMenuButton, 0, memberMenuButton.height)
                            }
                        }
                        Menu {
                            id: memberMenu
                            objectName: "groupMemberMenu"
                            MenuItem {
                                objectName: "makeAdminItem"
                                visible: memberRow.roleChangeable && memberRow.roleName === "member"
                                height: visible ? implicitHeight : 0
                                text: qsTr("Make admin")
                                onTriggered: root.roleRequested(memberRow.memberId, "admin")
                            }
                            MenuItem {
                                objectName: "makeMemberItem"
                                visible: memberRow.roleChangeable && memberRow.roleName === "admin"
                                height: visible ? implicitHeight : 0
                                text: qsTr("Remove admin role")
                                onTriggered: root.roleRequested(memberRow.memberId, "member")
                            }
                            MenuItem {
                                objectName: "makeOwnerItem"
                                visible: memberRow.roleChangeable
                                height: visible ? implicitHeight : 0
                                text: qsTr("Make owner (you become an admin)")
                                onTriggered: root.roleRequested(memberRow.memberId, "owner")
                            }
                            MenuItem {
                                objectName: "removeMemberItem"
                                visible: memberRow.removable
                                height: visible ? implicitHeight : 0
                                text: root.blind ? qsTr("Remove from the room") : qsTr("Remove from the group")
                                palette.windowText: Theme.danger
                                onTriggered: root.removeRequested(memberRow.memberId)
                            }
                        }
                    }
                }
                // ---- blind rooms: names -----------------------------------------------------------
                Rectangle {
                    visible: root.blind
                    Layout.fillWidth: true
                    Layout.preferredHeight: 1
                    Layout.topMargin: Theme.spacingS
                    color: Theme.divider
                }
                BlindRoomSettings {
                    objectName: "blindRoomSettings"
                    visible: root.blind
                    Layout.fillWidth: true
                    Layout.leftMargin: Theme.spacingXl
                    Layout.rightMargin: Theme.spacingXl
                    canChange: root.canChangeRoles
                    policy: root.revealPolicy
                    revealAt: root.revealAt
                    revealedAt: root.revealedAt
                    membersInvite: root.membersInvite
                    onPolicyRequested: (policy, at, invite) => root.policyRequested(policy, at, invite)
                }
                Item {
                    id: bottomSpacer
                    Layout.preferredHeight: Theme.spacingS
                }
            }
        }

        // ---- leaving -------------------------------------------------------------------------
        Rectangle { Layout.fillWidth: true; Layout.preferredHeight: 1; color: Theme.divider }
        RowLayout {
            Layout.fillWidth: true
            Layout.margins: Theme.spacingL
            Layout.leftMargin: Theme.spacingXl
            spacing: Theme.spacingS
            Label {
                objectName: "leaveConfirmText"
                Layout.fillWidth: true
                visible: leaveConfirm.visible
                text: root.myRole === "owner"
                      ? qsTr("Leave “%1”? You will no longer see its messages, and an admin (or the longest member) becomes its owner.").arg(root.title)
                      : qsTr("Leave “%1”? You will no longer see its messages.").arg(root.title)
                color: Theme.text
                font.pixelSize: Theme.fontSmall
                wrapMode: Text.Wrap
            }
            Item { Layout.fillWidth: true; visible: !leaveConfirm.visible }
            Button {
                objectName: "leaveButton"
                visible: !leaveConfirm.visible
                text: root.blind ? qsTr("Leave room") : qsTr("Leave group")
                Accessible.name: text
                contentItem: Text { text: parent.text; color: Theme.danger; font.pixelSize: Theme.fontBody }
                onClicked: {
                    leaveConfirm.visible = true
                    leaveYes.forceActiveFocus()
                }
            }
            Row {
                id: leaveConfirm
                visible: false
                spacing: Theme.spacingS
                Button {
                    objectName: "leaveCancel"
                    text: qsTr("Cancel")
                    Accessible.name: qsTr("Stay in the group")
                    onClicked: leaveConfirm.visible = false
                }
                Button {
                    id: leaveYes
                    objectName: "leaveConfirm"
                    text: qsTr("Leave")
                    Accessible.name: qsTr("Leave the group")
                    palette.button: Theme.danger
                    palette.buttonText: Theme.textOnAccent
                    onClicked: {
                        leaveConfirm.visible = false
                        root.leaveRequested()
                    }
                }
            }
        }
    }
}

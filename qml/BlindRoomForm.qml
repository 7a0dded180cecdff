import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

// The "Blind room" page of the new-conversation dialog: title, description, members by username
// each in group A, B or none (and the creator too) on the left; who sees whose name and when,
// whether members may add others, and what the others will and will not see on the right.
// setup() is what ChatClient.createBlindRoom takes.
RowLayout {
    id: root

    readonly property bool ready: titleField.text.trim().length > 0 && policy.valid
    //! The members so far: {username, group}.
    property alias members: memberModel
    property string myGroup: ""
    signal submitted()

    function clear() {
        titleField.text = ""
        descriptionField.text = ""
        memberField.text = ""
        memberModel.clear()
        root.myGroup = ""
        policy.policy = "mutual"
        const at = new Date()
        at.setDate(at.getDate() + 1)
        at.setHours(18, 0, 0, 0)
        policy.setAt(at)
        inviteSwitch.checked = false
    }
    function focusTitle() { titleField.forceActiveFocus() }
    //! The demo's people, two on each side, the names shown on Friday at six (screenshots).
    function example() {
        titleField.text = qsTr("Friday matching")
        descriptionField.text = qsTr("Four people, two sides. Say hi!")
        memberModel.clear()
        memberModel.append({ username: "joon", group: "A" })
        memberModel.append({ username: "hana", group: "B" })
        memberModel.append({ username: "dami", group: "B" })
        root.myGroup = "A"
        const friday = new Date()
        friday.setDate(friday.getDate() + ((5 - friday.getDay() + 7) % 7 || 7))
        friday.setHours(18, 0, 0, 0)
        policy.policy = "scheduled"
        policy.setAt(friday)
    }
    //! Adds the usernames typed (commas or spaces between them); each starts in no group.
    function addMembers() {
        const names = memberField.text.split(/[,\s]+/).map(s => s.trim().replace(/^@/, "").toLowerCase())
        for (const name of names) {
            if (name.length === 0)
                continue
            let known = false
            for (let i = 0; i < memberModel.count; ++i)
                known = known || memberModel.get(i).username === name
            if (!known)
                memberModel.append({ username: name, group: "" })
        }
        memberField.text = ""
    }
    //! Puts every member without a group into A or B, alternately, so that the two stay even.
    function balance() {
        let a = root.myGroup === "A" ? 1 : 0, b = root.myGroup === "B" ? 1 : 0
        for (let i = 0; i < memberModel.count; ++i) {
            const g = memberModel.get(i).group
            a += g === "A" ? 1 : 0
            b += g === "B" ? 1 : 0
        }
        for (let i = 0; i < memberModel.count; ++i) {
            if (memberModel.get(i).group !== "")
                continue
            const g = a <= b ? "A" : "B"
            memberModel.setProperty(i, "group", g)
            g === "A" ? ++a : ++b
        }
    }
    function setup() {
        if (memberField.text.trim().length > 0)
            root.addMembers()
        const members = []
        for (let i = 0; i < memberModel.count; ++i)
            members.push({ username: memberModel.get(i).username, group: memberModel.get(i).group })
        return {
            title: titleField.text.trim(),
            description: descriptionField.text.trim(),
            members: members,
            myGroup: root.myGroup,
            reveal: policy.policy,
            revealAt: policy.policy === "scheduled" && policy.revealAt !== null ? policy.revealAt.getTime() : 0,
            membersInvite: inviteSwitch.checked
        }
    }

    spacing: Theme.spacingXl

    ListModel { id: memberModel }

    ColumnLayout {
        Layout.alignment: Qt.AlignTop
        Layout.fillWidth: true
        Layout.preferredWidth: (root.width - root.spacing) / 2
        spacing: Theme.spacingXs
        Label { text: qsTr("Title"); color: Theme.textMuted; font.pixelSize: Theme.fontSmall }
        Field {
            id: titleField
            objectName: "blindTitle"
            Layout.fillWidth: true
            placeholderText: qsTr("e.g. Friday matching")
            Accessible.name: qsTr("Room title")
            maximumLength: 128
            onAccepted: descriptionField.forceActiveFocus()
        }
        Label { text: qsTr("Description (optional)"); color: Theme.textMuted; font.pixelSize: Theme.fontSmall }
        Field {
            id: descriptionField
            objectName: "blindDescription"
            Layout.fillWidth: true
            placeholderText: qsTr("What is this room for?")
            Accessible.name: qsTr("Room description")
            onAccepted: memberField.forceActiveFocus()
        }

        Label {
            Layout.topMargin: Theme.spacingS
            text: qsTr("Members and their groups")
            color: Theme.textMuted
            font.pixelSize: Theme.fontSmall
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacingS
            Field {
                id: memberField
                objectName: "blindMemberField"
                Layout.fillWidth: true
                placeholderText: qsTr("Usernames, e.g. joon, sora")
                Accessible.name: qsTr("Usernames to add")
                onAccepted: root.addMembers()
            }
            Button {
                objectName: "blindAddMember"
                text: qsTr("Add")
                enabled: memberField.text.trim().length > 0
                Accessible.name: qsTr("Add to the room")
                onClicked: root.addMembers()
            }
        }
        // Me first, then whoever was added; each with A / B / none.
        RowLayout {
            objectName: "blindMyRow"
            Layout.fillWidth: true
            Label {
                Layout.fillWidth: true
                text: qsTr("You")
                color: Theme.text
                font.pixelSize: Theme.fontBody
            }
            GroupPicker {
                objectName: "blindMyGroup"
                who: qsTr("you")
                group: root.myGroup
                onPicked: group => root.myGroup = group
            }
            Item { implicitWidth: 28 }
        }
        Repeater {
            model: memberModel
            delegate: RowLayout {
                id: memberRow
                required property int index
                required property string username
                required property string group
                objectName: "blindMemberRow"
                Layout.fillWidth: true
                Label {
                    Layout.fillWidth: true
                    text: "@" + memberRow.username
                    color: Theme.text
                    font.pixelSize: Theme.fontBody
                    elide: Text.ElideRight
                }
                GroupPicker {
                    who: "@" + memberRow.username
                    group: memberRow.group
                    onPicked: group => memberModel.setProperty(memberRow.index, "group", group)
                }
                IconButton {
                    objectName: "blindRemoveMember"
                    implicitWidth: 28
                    implicitHeight: 24
                    glyph: "✕"
                    tip: qsTr("Take @%1 out").arg(memberRow.username)
                    onClicked: memberModel.remove(memberRow.index)
                }
            }
        }
        Button {
            objectName: "blindBalance"
            visible: memberModel.count > 1
            flat: true
            text: qsTr("Split the rest evenly into A and B")
            Accessible.name: text
            onClicked: root.balance()
        }
    }

    ColumnLayout {
        Layout.alignment: Qt.AlignTop
        Layout.fillWidth: true
        Layout.preferredWidth: (root.width - root.spacing) / 2
        spacing: Theme.spacingXs

        Label {
            Layout.topMargin: Theme.spacingS
            text: qsTr("Who sees whose name")
            color: Theme.textMuted
            font.pixelSize: Theme.fontSmall
        }
        RevealPolicyPicker {
            id: policy
            objectName: "blindPolicy"
            Layout.fillWidth: true
        }
        SwitchRow {
            id: inviteSwitch
            objectName: "blindInvite"
            Layout.topMargin: Theme.spacingXs
            text: qsTr("Members may add others")
            description: qsTr("Off: only you (and admins) add people.")
        }

        // What the others will and will not see: said plainly before the room exists.
        Rectangle {
            objectName: "blindExplanation"
            Layout.fillWidth: true
            Layout.topMargin: Theme.spacingS
            implicitHeight: explanation.implicitHeight + 2 * Theme.spacingS
            radius: Theme.radiusControl
            color: Theme.sidebar
            border.color: Theme.divider
            Label {
                id: explanation
                anchors { fill: parent; margins: Theme.spacingS }
                wrapMode: Text.Wrap
                color: Theme.text
                font.pixelSize: Theme.fontSmall
                textFormat: Text.PlainText
                text: qsTr("Members see each other only as an alias (like “Quiet Otter”), a generated avatar and the group A or B. "
                           + "Nobody sees usernames, display names or profile pictures: not in messages, the member list, typing, "
                           + "read receipts or search. You see only aliases in the room too.")
                      + "\n" + (policy.policy === "off" ? qsTr("Names are never shown.")
                                : policy.policy === "mutual" ? qsTr("A name is shown only to someone its owner agreed with, and they agreed back.")
                                : policy.revealAt !== null ? qsTr("At %1 everyone sees everyone's name, and it cannot be taken back.").arg(DateFormat.moment(policy.revealAt))
                                : qsTr("At the time you set, everyone sees everyone's name, and it cannot be taken back."))
            }
        }
    }
}

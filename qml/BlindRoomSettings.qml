import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

// A blind room's section of its settings: who sees whose name and when, and whether members add
// others. The owner changes them (Apply); everyone else reads them. A scheduled reveal can be
// moved or cancelled until it happened; after that it says when every name was shown.
ColumnLayout {
    id: root

    property bool canChange: false
    //! "off", "mutual" or "scheduled".
    property string policy: "mutual"
    //! The scheduled reveal (a Date; invalid when none).
    property var revealAt: new Date(NaN)
    //! When the scheduled reveal showed every name (invalid when it did not happen).
    property var revealedAt: new Date(NaN)
    property bool membersInvite: false
    //! `revealAt`: a Date for "scheduled", else null.
    signal policyRequested(string policy, var revealAt, bool membersInvite)

    readonly property bool scheduled: root.policy === "scheduled" && !isNaN(root.revealAt)
    readonly property bool revealed: !isNaN(root.revealedAt)
    readonly property bool edited: picker.policy !== root.policy || inviteSwitch.checked !== root.membersInvite
                                   || (picker.policy === "scheduled" && picker.revealAt !== null
                                       && (!root.scheduled || picker.revealAt.getTime() !== root.revealAt.getTime()))

    //! The fields show what the room has now (on opening, and after a change went through).
    function reset() {
        if (!root.completed)
            return
        picker.policy = root.policy
        inviteSwitch.checked = root.membersInvite
        if (root.scheduled) {
            picker.setAt(root.revealAt)
        } else {
            const at = new Date()
            at.setDate(at.getDate() + 1)
            at.setHours(18, 0, 0, 0)
            picker.setAt(at)
        }
    }
    onPolicyChanged: reset()
    onRevealAtChanged: reset()
    onMembersInviteChanged: reset()
    property bool completed: false
    Component.onCompleted: {
        root.completed = true
        reset()
    }

    spacing: Theme.spacingXs

    SectionTitle { text: qsTr("Names") }
    Label {
        objectName: "blindRevealState"
        Layout.fillWidth: true
        wrapMode: Text.Wrap
        color: root.scheduled || root.revealed ? Theme.text : Theme.textMuted
        font.pixelSize: Theme.fontSmall
        text: root.revealed ? qsTr("Every name was shown on %1.").arg(DateFormat.moment(root.revealedAt))
            : root.scheduled ? qsTr("Names hidden until %1.").arg(DateFormat.moment(root.revealAt))
            : root.policy === "off" ? qsTr("Names are never shown in this room.")
            : qsTr("Two members see each other's name once both agree.")
    }
    RevealPolicyPicker {
        id: picker
        objectName: "settingsRevealPolicy"
        Layout.fillWidth: true
        visible: root.canChange
    }
    SwitchRow {
        id: inviteSwitch
        objectName: "settingsInvite"
        visible: root.canChange
        text: qsTr("Members may add others")
        description: qsTr("Off: only you and admins add people.")
    }
    Label {
        Layout.fillWidth: true
        visible: !root.canChange
        text: root.membersInvite ? qsTr("Members may add others.") : qsTr("Only the owner and admins add people.")
        color: Theme.textMuted
        font.pixelSize: Theme.fontSmall
        wrapMode: Text.Wrap
    }
    RowLayout {
        Layout.fillWidth: true
        visible: root.canChange
        spacing: Theme.spacingS
        Button {
            objectName: "cancelRevealButton"
            visible: root.scheduled
            flat: true
            text: qsTr("Cancel the scheduled reveal")
            Accessible.name: text
            onClicked: root.policyRequested("mutual", null, root.membersInvite)
        }
        Item { Layout.fillWidth: true }
        Button {
            objectName: "applyPolicyButton"
            text: qsTr("Apply")
            enabled: root.edited && picker.valid
            highlighted: enabled
            Accessible.name: qsTr("Apply who sees whose name")
            onClicked: root.policyRequested(picker.policy, picker.policy === "scheduled" ? picker.revealAt : null,
                                            inviteSwitch.checked)
        }
    }
}

import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Confab.Client

// The "Matching" page of the new-conversation dialog: several blind rooms at once out of one pool
// of people. On the left the rooms' title, the series (later rounds avoid pairs who already met),
// the people by username (each in A or B, or split by the server), and the room size; on the
// right what it will make (MatchPreview, the server's own rule), who sees whose name and when,
// and what everyone will and will not see. setup() is what ChatClient.matching.create takes.
RowLayout {
    id: root

    //! true: the server splits each room into A and B; false: the user puts everyone in A or B.
    property bool automatic: true
    //! The people so far: {username, group}.
    property alias people: peopleModel
    //! How many are in A and in B, and how many are still in neither (the user's own split).
    readonly property int countA: root.counted("A")
    readonly property int countB: root.counted("B")
    readonly property int unplaced: peopleModel.count - root.countA - root.countB
    //! What the pool would make: {rooms, sizes, smallest, largest, problem}.
    readonly property var preview: MatchPreview.of(peopleModel.count, root.automatic ? 0 : root.countA,
                                                   root.automatic ? 0 : root.countB, sizeBox.value)
    readonly property bool ready: titleField.text.trim().length > 0 && policy.valid && peopleModel.count > 0
                                  && root.preview.problem === "" && (root.automatic || root.unplaced === 0)

    //! Bumped on every change of `people`: the counts read the model's rows, which bindings do not follow.
    property int changes: 0
    function counted(group) {
        let n = root.changes * 0
        for (let i = 0; i < peopleModel.count; ++i)
            n += peopleModel.get(i).group === group ? 1 : 0
        return n
    }
    function clear() {
        titleField.text = ""
        descriptionField.text = ""
        seriesField.text = ""
        personField.text = ""
        peopleModel.clear()
        root.automatic = true
        sizeBox.value = 4
        policy.policy = "mutual"
        const at = new Date()
        at.setDate(at.getDate() + 1)
        at.setHours(18, 0, 0, 0)
        policy.setAt(at)
        inviteSwitch.checked = false
    }
    function focusTitle() { titleField.forceActiveFocus() }
    //! Twelve of the demo's people, six on each side, rooms of four, names shown on Friday at six.
    function example() {
        root.clear()
        titleField.text = qsTr("Friday matching")
        descriptionField.text = qsTr("Four people, two sides. Say hi!")
        seriesField.text = qsTr("Fridays")
        root.automatic = false
        const a = ["joon", "sora", "hana", "dami", "yuna", "minho"]
        const b = ["jisu", "taeho", "eunbi", "woojin", "seoyeon", "hyunwoo"]
        for (let i = 0; i < a.length; ++i) {
            peopleModel.append({ username: a[i], group: "A" })
            peopleModel.append({ username: b[i], group: "B" })
        }
        const friday = new Date()
        friday.setDate(friday.getDate() + ((5 - friday.getDay() + 7) % 7 || 7))
        friday.setHours(18, 0, 0, 0)
        policy.policy = "scheduled"
        policy.setAt(friday)
    }
    //! Adds the usernames typed (commas or spaces between them); in the user's split, each starts in
    //! the smaller group.
    function addPeople() {
        const names = personField.text.split(/[,\s]+/).map(s => s.trim().replace(/^@/, "").toLowerCase())
        for (const name of names) {
            if (name.length === 0)
                continue
            let known = false
            for (let i = 0; i < peopleModel.count; ++i)
                known = known || peopleModel.get(i).username === name
            if (!known)
                peopleModel.append({ username: name, group: "" })
        }
        personField.text = ""
    }
    //! Puts everyone without a group into A or B, so that the two stay even.
    function balance() {
        let a = root.countA, b = root.countB
        for (let i = 0; i < peopleModel.count; ++i) {
            if (peopleModel.get(i).group !== "")
                continue
            const g = a <= b ? "A" : "B"
            peopleModel.setProperty(i, "group", g)
            g === "A" ? ++a : ++b
        }
    }
    function setup() {
        if (personField.text.trim().length > 0)
            root.addPeople()
        const everyone = [], poolA = [], poolB = []
        for (let i = 0; i < peopleModel.count; ++i) {
            const p = peopleModel.get(i)
            everyone.push(p.username)
            if (p.group === "A")
                poolA.push(p.username)
            else if (p.group === "B")
                poolB.push(p.username)
        }
        const setup = {
            title: titleField.text.trim(),
            description: descriptionField.text.trim(),
            series: seriesField.text.trim(),
            roomSize: sizeBox.value,
            reveal: policy.policy,
            revealAt: policy.policy === "scheduled" && policy.revealAt !== null ? policy.revealAt.getTime() : 0,
            membersInvite: inviteSwitch.checked
        }
        if (root.automatic)
            setup.members = everyone
        else {
            setup.poolA = poolA
            setup.poolB = poolB
        }
        return setup
    }
    //! "3 rooms of 4 people" and the like, or why not.
    function previewText() {
        const p = root.preview
        if (peopleModel.count === 0)
            return qsTr("Add the people to match.")
        if (p.problem === "small")
            return qsTr("Too few people for a room of %1.").arg(sizeBox.value)
        if (p.problem === "shortA" || p.problem === "shortB")
            return qsTr("Group %1 needs at least one person for every room.").arg(p.problem === "shortA" ? "A" : "B")
        if (!root.automatic && root.unplaced > 0)
            return qsTr("Put everyone in group A or B (%1 still in neither).").arg(root.unplaced)
        if (p.rooms === 1)
            return qsTr("One room of %1 people, and you own it.").arg(p.largest)
        if (p.smallest === p.largest)
            return qsTr("%1 rooms of %2 people, and you own each of them.").arg(p.rooms).arg(p.largest)
        return qsTr("%1 rooms of %2 to %3 people, and you own each of them.").arg(p.rooms).arg(p.smallest).arg(p.largest)
    }

    spacing: Theme.spacingXl

    ListModel {
        id: peopleModel
        onDataChanged: root.changes++
        onRowsInserted: root.changes++
        onRowsRemoved: root.changes++
        onModelReset: root.changes++
    }

    ColumnLayout {
        Layout.alignment: Qt.AlignTop
        Layout.fillWidth: true
        Layout.preferredWidth: (root.width - root.spacing) / 2
        spacing: Theme.spacingXs
        Label { text: qsTr("Title of the rooms"); color: Theme.textMuted; font.pixelSize: Theme.fontSmall }
        Field {
            id: titleField
            objectName: "matchTitle"
            Layout.fillWidth: true
            placeholderText: qsTr("e.g. Friday matching")
            Accessible.name: qsTr("Title of the rooms")
            Accessible.description: qsTr("The rooms are numbered after it: 1, 2, 3…")
            maximumLength: 120
            onAccepted: descriptionField.forceActiveFocus()
        }
        Label { text: qsTr("Description (optional)"); color: Theme.textMuted; font.pixelSize: Theme.fontSmall }
        Field {
            id: descriptionField
            objectName: "matchDescription"
            Layout.fillWidth: true
            placeholderText: qsTr("What are the rooms for?")
            Accessible.name: qsTr("Description of the rooms")
            onAccepted: seriesField.forceActiveFocus()
        }
        Label { text: qsTr("Series (optional)"); color: Theme.textMuted; font.pixelSize: Theme.fontSmall }
        Field {
            id: seriesField
            objectName: "matchSeries"
            Layout.fillWidth: true
            placeholderText: qsTr("e.g. Fridays")
            Accessible.name: qsTr("Series")
            Accessible.description: qsTr("Later rounds of the same series avoid putting together people who already met.")
            maximumLength: 64
            onAccepted: personField.forceActiveFocus()
        }

        RowLayout {
            Layout.topMargin: Theme.spacingS
            Layout.fillWidth: true
            spacing: Theme.spacingS
            Label {
                Layout.fillWidth: true
                text: qsTr("People per room")
                color: Theme.text
                font.pixelSize: Theme.fontBody
            }
            SpinBox {
                id: sizeBox
                objectName: "matchRoomSize"
                from: 2
                to: 50
                value: 4
                editable: true
                focusPolicy: Qt.StrongFocus
                Accessible.name: qsTr("People per room")
            }
        }
        Label {
            Layout.topMargin: Theme.spacingS
            text: qsTr("People")
            color: Theme.textMuted
            font.pixelSize: Theme.fontSmall
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacingS
            Field {
                id: personField
                objectName: "matchPersonField"
                Layout.fillWidth: true
                placeholderText: qsTr("Usernames, e.g. joon, sora")
                Accessible.name: qsTr("Usernames to add to the pool")
                onAccepted: root.addPeople()
            }
            Button {
                objectName: "matchAddPeople"
                text: qsTr("Add")
                enabled: personField.text.trim().length > 0
                Accessible.name: qsTr("Add to the pool")
                onClicked: root.addPeople()
            }
        }
        // Who splits: the server (each room in halves) or the user (everyone in A or B).
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacingS
            // `automatic` decides which is checked (clear() and example() set it too), not the click.
            RadioButton {
                objectName: "matchAutomatic"
                text: qsTr("Split into A and B for me")
                autoExclusive: false
                checked: root.automatic
                Accessible.name: text
                onClicked: {
                    root.automatic = true
                    checked = Qt.binding(() => root.automatic)
                }
            }
            RadioButton {
                objectName: "matchByHand"
                text: qsTr("I choose A and B")
                autoExclusive: false
                checked: !root.automatic
                Accessible.name: text
                onClicked: {
                    root.automatic = false
                    checked = Qt.binding(() => !root.automatic)
                }
            }
        }
        Repeater {
            model: peopleModel
            delegate: RowLayout {
                id: personRow
                required property int index
                required property string username
                required property string group
                objectName: "matchPersonRow"
                Layout.fillWidth: true
                Label {
                    Layout.fillWidth: true
                    text: "@" + personRow.username
                    color: Theme.text
                    font.pixelSize: Theme.fontBody
                    elide: Text.ElideRight
                }
                GroupPicker {
                    visible: !root.automatic
                    who: "@" + personRow.username
                    group: personRow.group
                    onPicked: group => peopleModel.setProperty(personRow.index, "group", group)
                }
                IconButton {
                    objectName: "matchRemovePerson"
                    implicitWidth: 28
                    implicitHeight: 24
                    glyph: "✕"
                    tip: qsTr("Take @%1 out").arg(personRow.username)
                    onClicked: peopleModel.remove(personRow.index)
                }
            }
        }
        Button {
            objectName: "matchBalance"
            visible: !root.automatic && root.unplaced > 0
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

        // What it will make, as the server will make it.
        Rectangle {
            objectName: "matchPreview"
            Layout.fillWidth: true
            Layout.topMargin: Theme.spacingS
            implicitHeight: previewLabel.implicitHeight + 2 * Theme.spacingS
            radius: Theme.radiusControl
            color: root.preview.problem === "" && peopleModel.count > 0 ? Theme.selected : Theme.sidebar
            border.color: Theme.divider
            Label {
                id: previewLabel
                objectName: "matchPreviewText"
                anchors { fill: parent; margins: Theme.spacingS }
                wrapMode: Text.Wrap
                color: root.preview.problem === "" ? Theme.text : Theme.danger
                font.pixelSize: Theme.fontBody
                font.weight: Font.DemiBold
                textFormat: Text.PlainText
                text: root.previewText()
                Accessible.role: Accessible.StaticText
                Accessible.name: text
            }
        }

        Label {
            Layout.topMargin: Theme.spacingS
            text: qsTr("Who sees whose name")
            color: Theme.textMuted
            font.pixelSize: Theme.fontSmall
        }
        RevealPolicyPicker {
            id: policy
            objectName: "matchPolicy"
            Layout.fillWidth: true
        }
        SwitchRow {
            id: inviteSwitch
            objectName: "matchInvite"
            Layout.topMargin: Theme.spacingXs
            text: qsTr("Members may add others")
            description: qsTr("Off: only you add people.")
        }

        // What everyone will and will not see, said before anything is made.
        Rectangle {
            objectName: "matchExplanation"
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
                text: qsTr("Each room is a blind room: members see each other only as an alias and the group A or B. "
                           + "You own every room (so you can move people, change the reveal or take someone out) and the members "
                           + "see that the room has an owner, under an alias too. You will not see who got which alias.")
                      + "\n" + qsTr("Nobody is put in a room with someone they blocked or who blocked them. "
                                    + "Later rounds of the same series avoid pairs who already met; when that is impossible, you are told how many meet again.")
            }
        }
    }
}

import QtQuick
import QtQuick.Controls.Basic

// Three small toggles for a blind room member's group: A, B, or none (–). It shows `group` and
// asks for a change with picked(); whoever owns the value sets `group` again.
Row {
    id: root

    property string group
    //! Whose group it is, for the accessible names ("Put Quiet Otter in group A").
    property string who
    signal picked(string group)

    spacing: 2
    Accessible.role: Accessible.Grouping
    Accessible.name: qsTr("Group of %1").arg(root.who)

    Repeater {
        model: [{ value: "A", label: "A" }, { value: "B", label: "B" }, { value: "", label: "–" }]
        delegate: Button {
            id: choice
            required property var modelData
            readonly property bool chosen: root.group === choice.modelData.value
            readonly property color tint: choice.modelData.value === "B" ? Theme.groupB
                                        : choice.modelData.value === "A" ? Theme.groupA : Theme.textMuted
            objectName: "groupPick" + (choice.modelData.value.length > 0 ? choice.modelData.value : "None")
            implicitWidth: 28
            implicitHeight: 24
            padding: 0
            focusPolicy: Qt.StrongFocus
            checkable: true
            checked: choice.chosen
            Accessible.name: choice.modelData.value.length > 0 ? qsTr("Group %1").arg(choice.modelData.value)
                                                                : qsTr("No group")
            ToolTip.visible: hovered
            ToolTip.delay: 600
            ToolTip.text: choice.modelData.value.length > 0 ? qsTr("Put %1 in group %2").arg(root.who).arg(choice.modelData.value)
                                                             : qsTr("%1 in no group").arg(root.who)
            onClicked: {
                checked = Qt.binding(() => choice.chosen) // the owner of `group` decides
                if (!choice.chosen)
                    root.picked(choice.modelData.value)
            }
            Keys.onReturnPressed: choice.clicked()
            Keys.onEnterPressed: choice.clicked()
            contentItem: Text {
                text: choice.modelData.label
                color: choice.chosen ? (choice.modelData.value.length > 0 ? Theme.textOnAccent : Theme.text) : choice.tint
                font.pixelSize: Theme.fontSmall
                font.weight: Font.Bold
                horizontalAlignment: Text.AlignHCenter
                verticalAlignment: Text.AlignVCenter
            }
            background: Rectangle {
                radius: 4
                color: choice.chosen ? (choice.modelData.value.length > 0 ? choice.tint : Theme.hover)
                                     : (choice.hovered ? Theme.hover : "transparent")
                border.width: 1
                border.color: choice.chosen ? choice.tint : Theme.fieldBorder
                FocusRing { shown: choice.visualFocus }
            }
        }
    }
}

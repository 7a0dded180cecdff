import QtQuick

// The "A" / "B" chip beside a name in a blind room.
Rectangle {
    id: root

    property string group
    readonly property color tint: root.group === "B" ? Theme.groupB : Theme.groupA

    visible: root.group.length > 0
    implicitWidth: Math.max(implicitHeight, label.implicitWidth + 8)
    implicitHeight: label.implicitHeight + 2
    width: implicitWidth
    height: implicitHeight
    radius: 4
    color: "transparent"
    border.width: 1
    border.color: root.tint
    Accessible.role: Accessible.StaticText
    Accessible.name: qsTr("Group %1").arg(root.group)

    Text {
        id: label
        anchors.centerIn: parent
        text: root.group
        color: root.tint
        font.pixelSize: Theme.fontSmall - 2
        font.weight: Font.Bold
    }
}

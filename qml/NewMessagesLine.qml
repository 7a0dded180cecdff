import QtQuick

// "New messages": the line above the first message I have not read yet.
Item {
    id: root

    //! How far the line stays from the timeline's edges.
    property real sidePadding: 0

    height: visible ? 32 : 0
    Rectangle {
        anchors { left: parent.left; right: parent.right; verticalCenter: parent.verticalCenter
                  leftMargin: root.sidePadding; rightMargin: root.sidePadding }
        height: 1
        color: Theme.danger
        opacity: 0.6
    }
    Rectangle {
        anchors.centerIn: parent
        width: newLabel.implicitWidth + 2 * Theme.spacingS
        height: newLabel.implicitHeight + 2
        color: Theme.window
        Text {
            id: newLabel
            anchors.centerIn: parent
            text: qsTr("New messages")
            color: Theme.danger
            font.pixelSize: Theme.fontSmall
            font.weight: Font.DemiBold
        }
    }
}

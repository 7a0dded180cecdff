import QtQuick

// The day a run of messages was written ("Today", "Monday 3 March"), centred on a line across the
// timeline.
Item {
    id: root

    property string text
    //! How far the line stays from the timeline's edges.
    property real sidePadding: 0

    height: visible ? 44 : 0
    Rectangle {
        anchors { left: parent.left; right: parent.right; verticalCenter: parent.verticalCenter
                  leftMargin: root.sidePadding; rightMargin: root.sidePadding }
        height: 1
        color: Theme.divider
    }
    Rectangle {
        anchors.centerIn: parent
        width: dayLabel.implicitWidth + 2 * Theme.spacingM
        height: dayLabel.implicitHeight + Theme.spacingXs * 2
        radius: height / 2
        color: Theme.window
        border.color: Theme.divider
        Text {
            id: dayLabel
            anchors.centerIn: parent
            text: root.text
            color: Theme.textMuted
            font.pixelSize: Theme.fontSmall
            font.weight: Font.DemiBold
        }
    }
}

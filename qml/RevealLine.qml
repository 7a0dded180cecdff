import QtQuick

// Blind rooms: the line in the timeline where the scheduled reveal showed every name ("Names
// revealed · Fri 12 Dec 18:00"). Above it people wrote under aliases only.
Item {
    id: root

    //! When it happened (ms since the epoch).
    property double revealedAt: 0
    //! How far the line stays from the timeline's edges.
    property real sidePadding: 0
    //! The language of the date (the app's, unless a test asks for another).
    property var locale: Qt.locale()

    height: visible ? 36 : 0
    Accessible.role: Accessible.Separator
    Accessible.name: label.text
    Rectangle {
        anchors { left: parent.left; right: parent.right; verticalCenter: parent.verticalCenter
                  leftMargin: root.sidePadding; rightMargin: root.sidePadding }
        height: 1
        color: Theme.accent
        opacity: 0.7
    }
    Rectangle {
        anchors.centerIn: parent
        width: label.implicitWidth + 2 * Theme.spacingM
        height: label.implicitHeight + 6
        radius: height / 2
        color: Theme.selected
        border.color: Theme.accent
        Text {
            id: label
            objectName: "revealLineText"
            anchors.centerIn: parent
            text: "◑ " + qsTr("Names revealed · %1").arg(DateFormat.moment(root.revealedAt, root.locale))
            color: Theme.accent
            font.pixelSize: Theme.fontSmall
            font.weight: Font.DemiBold
        }
    }
}

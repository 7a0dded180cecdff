import QtQuick

// "Read by 3" (or "Read by everyone") under my last message of a group in a group chat; a click
// asks who read it.
Text {
    id: root

    property int readCount: 0
    property bool readByEveryone: false

    signal readersRequested()

    text: root.readByEveryone ? qsTr("Read by everyone") : qsTr("Read by %1").arg(root.readCount)
    color: hover.hovered ? Theme.accent : Theme.textMuted
    font.pixelSize: Theme.fontSmall - 1
    font.underline: hover.hovered
    Accessible.role: Accessible.Button
    Accessible.name: qsTr("%1: show who read it").arg(root.text)
    Accessible.onPressAction: root.readersRequested()
    HoverHandler { id: hover; cursorShape: Qt.PointingHandCursor }
    TapHandler { onTapped: root.readersRequested() }
}

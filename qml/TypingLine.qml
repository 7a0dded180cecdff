import QtQuick

// "Mina is typing…" under the timeline: a fixed small strip, so that the messages above never
// jump when someone starts or stops typing; the text and the dots fade in and out.
Item {
    id: root

    //! The whole line ("Mina is typing…"), or "" when nobody is typing.
    property string text
    readonly property bool active: root.text.length > 0
    // Kept while fading out, so that the words do not vanish before the line does.
    property string shownText
    onTextChanged: if (root.text.length > 0) root.shownText = root.text
    Component.onCompleted: root.shownText = root.text

    implicitHeight: Theme.typingStrip
    Accessible.role: Accessible.StaticText
    Accessible.name: root.text

    Row {
        id: line
        objectName: "typingRow"
        anchors { left: parent.left; leftMargin: Theme.spacingL + 4; verticalCenter: parent.verticalCenter }
        spacing: Theme.spacingS
        opacity: root.active ? 1 : 0
        visible: opacity > 0
        Behavior on opacity { NumberAnimation { duration: 150 } }

        Row {
            objectName: "typingDots"
            anchors.verticalCenter: parent.verticalCenter
            spacing: 3
            Repeater {
                model: 3
                Rectangle {
                    id: dot
                    required property int index
                    width: 5
                    height: 5
                    radius: 2.5
                    color: Theme.textMuted
                    opacity: 0.35
                    SequentialAnimation on opacity {
                        running: line.visible
                        loops: Animation.Infinite
                        PauseAnimation { duration: dot.index * 180 }
                        NumberAnimation { to: 1; duration: 300; easing.type: Easing.InOutQuad }
                        NumberAnimation { to: 0.35; duration: 300; easing.type: Easing.InOutQuad }
                        PauseAnimation { duration: (2 - dot.index) * 180 + 200 }
                    }
                }
            }
        }
        Text {
            id: label
            objectName: "typingText"
            anchors.verticalCenter: parent.verticalCenter
            width: Math.min(implicitWidth, root.width - 2 * Theme.spacingL - 30)
            text: root.shownText
            color: Theme.textMuted
            font.pixelSize: Theme.fontSmall
            font.italic: true
            elide: Text.ElideRight
            textFormat: Text.PlainText
        }
    }
}

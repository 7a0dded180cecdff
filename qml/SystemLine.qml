import QtQuick

// A line of the timeline's own events, between the messages: "Mina added Joon, Sora and 2 others",
// "Joon left". Quiet and centred; the words come from the model (SystemLines, translated there).
Item {
    id: root

    property string text
    property int sidePadding: Theme.spacingL

    implicitHeight: line.implicitHeight + 2 * Theme.spacingXs
    Accessible.role: Accessible.StaticText
    Accessible.name: root.text

    Text {
        id: line
        objectName: "systemLineText"
        anchors.centerIn: parent
        width: Math.min(implicitWidth, root.width - 2 * root.sidePadding)
        text: root.text
        textFormat: Text.PlainText
        horizontalAlignment: Text.AlignHCenter
        wrapMode: Text.Wrap
        color: Theme.textMuted
        font.pixelSize: Theme.fontSmall
    }
}

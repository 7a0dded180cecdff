import QtQuick

// A generated avatar: initials (or a glyph, e.g. the mask of a blind room) on a colour.
Rectangle {
    id: root

    property string initials
    property string glyph
    property int size: Theme.avatar

    implicitWidth: size
    implicitHeight: size
    width: size
    height: size
    radius: size / 2
    color: "#6B7079"
    Accessible.role: Accessible.Graphic
    Accessible.name: root.initials

    Text {
        anchors.centerIn: parent
        text: root.glyph.length > 0 ? root.glyph : root.initials
        color: "#FFFFFF"
        font.pixelSize: Math.round(root.size * (root.glyph.length > 0 ? 0.5 : 0.4))
        font.weight: Font.DemiBold
    }
}

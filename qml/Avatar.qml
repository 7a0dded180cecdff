import QtQuick
import QtQuick.Window

// A generated avatar: initials (or a glyph, e.g. the mask of a blind room) on a colour, with an
// optional presence dot. Blind-room aliases are drawn as rounded squares so that they never look
// like a real person's avatar. With a `source` (a picture already cut to a circle, Avatars.source)
// the picture covers the initials once it has loaded; aliases never show one.
Rectangle {
    id: root

    property string initials
    //! The person's picture (a local file); empty: initials only.
    property url source
    property string glyph
    property int size: Theme.avatar
    //! "online", "away", "offline" or "" (no dot for the last two).
    property string presence
    //! Rounded square instead of a circle (aliases in blind rooms).
    property bool alias: false
    //! The surface behind the avatar: the dot gets a ring of it so that it stands out.
    property color ringColor: Theme.window
    readonly property color presenceColor: root.presence === "online" ? Theme.presenceOnline
                                          : root.presence === "away" ? Theme.presenceAway : "transparent"

    implicitWidth: size
    implicitHeight: size
    width: size
    height: size
    radius: root.alias ? Math.round(size * 0.28) : size / 2
    color: "#6B7079"
    Accessible.role: Accessible.Graphic
    Accessible.name: root.presence === "online" ? qsTr("%1, online").arg(root.initials)
                   : root.presence === "away" ? qsTr("%1, away").arg(root.initials) : root.initials

    Text {
        anchors.centerIn: parent
        visible: picture.status !== Image.Ready || !picture.visible
        text: root.glyph.length > 0 ? root.glyph : root.initials
        color: "#FFFFFF"
        font.pixelSize: Math.round(root.size * (root.glyph.length > 0 ? 0.5 : 0.4))
        font.weight: Font.DemiBold
    }

    Image {
        id: picture
        objectName: "avatarPicture"
        anchors.fill: parent
        visible: !root.alias && root.source.toString().length > 0 && status === Image.Ready
        source: root.alias ? "" : root.source
        sourceSize.width: Math.ceil(root.size * Screen.devicePixelRatio)
        sourceSize.height: Math.ceil(root.size * Screen.devicePixelRatio)
        fillMode: Image.PreserveAspectCrop
        smooth: true
        mipmap: true
        asynchronous: true
        cache: false // a file per hash never changes, but a removed picture must not linger
    }

    Rectangle {
        id: dot
        objectName: "presenceDot"
        readonly property int diameter: Math.max(8, Math.round(root.size * 0.3))
        visible: root.presence === "online" || root.presence === "away"
        width: diameter + 4
        height: width
        radius: width / 2
        x: root.width - width + 2
        y: root.height - height + 2
        color: root.ringColor
        Rectangle {
            anchors.centerIn: parent
            width: dot.diameter
            height: width
            radius: width / 2
            color: root.presenceColor
        }
    }
}

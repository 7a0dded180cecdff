import QtQuick

// A document glyph with the file's extension on it ("PDF", "TXT"), tinted by kind.
Rectangle {
    id: root

    property string name
    property string mime
    readonly property string extension: {
        const dot = root.name.lastIndexOf(".")
        return dot > 0 && dot >= root.name.length - 5 ? root.name.substring(dot + 1).toUpperCase() : ""
    }

    implicitWidth: 36
    implicitHeight: 44
    radius: 4
    color: root.mime === "application/pdf" ? Theme.danger
         : root.mime.startsWith("text/") ? Theme.accent
         : root.mime.indexOf("zip") >= 0 || root.mime.indexOf("tar") >= 0 ? Theme.warning
         : Theme.badgeMuted

    // The folded corner.
    Rectangle {
        anchors { top: parent.top; right: parent.right }
        width: 10
        height: 10
        color: Qt.lighter(root.color, 1.35)
    }
    Text {
        anchors { horizontalCenter: parent.horizontalCenter; bottom: parent.bottom; bottomMargin: 6 }
        width: parent.width - 4
        horizontalAlignment: Text.AlignHCenter
        text: root.extension.length > 0 ? root.extension : "FILE"
        color: Theme.textOnAccent
        font.pixelSize: 9
        font.weight: Font.Bold
        elide: Text.ElideRight
    }
}

import QtQuick
import QtQuick.Controls.Basic

// A file waiting in the composer's tray: a thumbnail or file icon, name, size, a remove button,
// and a progress ring while it uploads. Plain properties in, a signal out.
Rectangle {
    id: root

    property string name
    property string sizeText
    property string mime
    property bool image: false
    property string url            //!< the local file, for an image's thumbnail
    property real progress: -1     //!< 0..1 while uploading
    property string error

    signal removeRequested()

    implicitWidth: Math.min(240, row.implicitWidth + 2 * Theme.spacingS)
    implicitHeight: 48
    radius: Theme.radiusControl
    color: Theme.sidebar
    border.width: 1
    border.color: root.error.length > 0 ? Theme.danger : Theme.fieldBorder
    Accessible.role: Accessible.ListItem
    Accessible.name: root.error.length > 0 ? root.error : root.name + ", " + root.sizeText

    Row {
        id: row
        x: Theme.spacingS
        anchors.verticalCenter: parent.verticalCenter
        spacing: Theme.spacingS

        Item {
            width: 34
            height: 34
            anchors.verticalCenter: parent.verticalCenter
            Image {
                objectName: "chipThumbnail"
                anchors.fill: parent
                visible: root.image && root.url.length > 0
                source: visible ? root.url : ""
                sourceSize: Qt.size(68, 68)
                fillMode: Image.PreserveAspectCrop
                asynchronous: true
            }
            FileIcon {
                visible: !root.image
                anchors.centerIn: parent
                width: 28
                height: 34
                name: root.name
                mime: root.mime
            }
            ProgressRing {
                objectName: "chipProgress"
                anchors.centerIn: parent
                width: 28
                height: 28
                visible: root.progress >= 0 && root.progress < 1
                value: Math.max(0, root.progress)
            }
        }
        Column {
            anchors.verticalCenter: parent.verticalCenter
            width: Math.min(implicitWidth, 150)
            Text {
                width: parent.width
                text: root.name
                color: Theme.text
                font.pixelSize: Theme.fontSmall
                elide: Text.ElideMiddle
            }
            Text {
                width: parent.width
                text: root.error.length > 0 ? root.error : root.sizeText
                color: root.error.length > 0 ? Theme.danger : Theme.textMuted
                font.pixelSize: Theme.fontSmall - 1
                elide: Text.ElideRight
            }
        }
        IconButton {
            objectName: "removeAttachment"
            anchors.verticalCenter: parent.verticalCenter
            width: 24
            height: 24
            glyph: "×"
            tip: qsTr("Remove %1").arg(root.name)
            onClicked: root.removeRequested()
        }
    }
}

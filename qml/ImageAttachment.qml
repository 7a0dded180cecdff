import QtQuick
import QtQuick.Controls.Basic

// An image in the timeline: laid out from the server's width/height at most `maxSize` px, the tiny
// preview stretched underneath until the thumbnail has loaded, a ring while it transfers.
// `attachment` is one entry of MessageListModel's `attachments` role.
Item {
    id: root

    property var attachment: ({})
    property int maxSize: 320

    signal openRequested()

    readonly property real sourceWidth: root.attachment.width > 0 ? root.attachment.width : 240
    readonly property real sourceHeight: root.attachment.height > 0 ? root.attachment.height : 180
    readonly property real scale: Math.min(1, root.maxSize / Math.max(root.sourceWidth, root.sourceHeight))
    readonly property string state_: root.attachment.state ?? "loading"
    readonly property bool busy: root.state_ === "uploading" || root.state_ === "downloading"
                                 || root.state_ === "waiting"

    implicitWidth: Math.max(48, Math.round(root.sourceWidth * root.scale))
    implicitHeight: Math.max(48, Math.round(root.sourceHeight * root.scale))
    Accessible.role: Accessible.Button
    Accessible.name: qsTr("Image %1: open").arg(root.attachment.name ?? "")
    Accessible.onPressAction: root.openRequested()

    // Square corners: the thumbnail is not clipped to a radius, so the frame is not rounded either.
    Rectangle {
        anchors.fill: parent
        color: Theme.hover
    }
    Image {
        objectName: "imagePreview"
        anchors.fill: parent
        visible: thumbnail.status !== Image.Ready
        source: root.attachment.preview ?? ""
        smooth: true
        fillMode: Image.Stretch
    }
    Image {
        id: thumbnail
        objectName: "imageThumbnail"
        anchors.fill: parent
        source: root.attachment.thumbnailUrl ?? ""
        sourceSize: Qt.size(root.width * 2, root.height * 2)
        fillMode: Image.PreserveAspectCrop
        asynchronous: true
    }
    Rectangle {
        anchors.fill: parent
        color: "transparent"
        border.width: 1
        border.color: Theme.divider
    }
    ProgressRing {
        objectName: "imageProgress"
        anchors.centerIn: parent
        width: 36
        height: 36
        lineWidth: 4
        visible: root.busy
        value: Math.max(0, root.attachment.progress ?? 0)
        trackColor: Qt.rgba(0, 0, 0, 0.35)
        color: Theme.textOnAccent
    }
    Text {
        anchors { left: parent.left; bottom: parent.bottom; margins: Theme.spacingS }
        visible: root.state_ === "failed"
        text: qsTr("Not available")
        color: Theme.danger
        font.pixelSize: Theme.fontSmall
    }
    HoverHandler { cursorShape: Qt.PointingHandCursor }
    TapHandler { onTapped: root.openRequested() }
}

import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Templates as T

// The full image over the window: the thumbnail at once, the whole file once downloaded.
// Esc or a click outside the image closes it.
Popup {
    id: root

    //! An entry of MessageListModel's `attachments` role, kept current by the page.
    property var attachment: ({})
    readonly property string fullUrl: root.attachment.fileUrl ?? ""

    signal saveRequested(string attachmentId)

    parent: T.Overlay.overlay
    anchors.centerIn: parent
    width: parent ? parent.width : 0
    height: parent ? parent.height : 0
    modal: true
    focus: true
    padding: 0
    closePolicy: Popup.CloseOnEscape | Popup.CloseOnPressOutside

    background: Rectangle { color: Qt.rgba(0, 0, 0, 0.85) }

    contentItem: Item {
        Accessible.role: Accessible.Dialog
        Accessible.name: qsTr("Image viewer")
        TapHandler { onTapped: root.close() }
        // The image at its own size, scaled down to fit and up at most twice: a 120×80 picture
        // stays small and sharp-edged instead of filling the window.
        Item {
            id: frame
            objectName: "imageFrame"
            readonly property real maxWidth: Math.max(1, parent.width - 2 * Theme.spacingXl * 2)
            readonly property real maxHeight: Math.max(1, parent.height - 2 * Theme.spacingXl * 2)
            readonly property real naturalWidth: (root.attachment.width ?? 0) > 0 ? root.attachment.width
                                                 : (full.implicitWidth > 0 ? full.implicitWidth : maxWidth)
            readonly property real naturalHeight: (root.attachment.height ?? 0) > 0 ? root.attachment.height
                                                  : (full.implicitHeight > 0 ? full.implicitHeight : maxHeight)
            readonly property real scale_: Math.min(maxWidth / naturalWidth, maxHeight / naturalHeight, 2)
            anchors.centerIn: parent
            width: naturalWidth * scale_
            height: naturalHeight * scale_
        }
        Image {
            id: low
            anchors.fill: frame
            visible: full.status !== Image.Ready
            source: root.attachment.thumbnailUrl ?? ""
            fillMode: Image.PreserveAspectFit
        }
        Image {
            id: full
            objectName: "fullImage"
            anchors.fill: frame
            source: root.fullUrl
            fillMode: Image.PreserveAspectFit
            asynchronous: true
            sourceSize: Qt.size(Math.max(1, frame.width) * 2, Math.max(1, frame.height) * 2)
        }
        ProgressRing {
            anchors.centerIn: parent
            width: 48
            height: 48
            lineWidth: 5
            visible: root.attachment.state === "downloading"
            value: Math.max(0, root.attachment.progress ?? 0)
            trackColor: Qt.rgba(1, 1, 1, 0.25)
            color: Theme.textOnAccent
        }
        Row {
            anchors { top: parent.top; right: parent.right; margins: Theme.spacingL }
            spacing: Theme.spacingS
            Text {
                anchors.verticalCenter: parent.verticalCenter
                text: root.attachment.name ?? ""
                color: Theme.textOnAccent
                font.pixelSize: Theme.fontBody
            }
            IconButton {
                objectName: "viewerSave"
                glyph: "↓"
                glyphColor: Theme.textOnAccent
                tip: qsTr("Save to Downloads")
                onClicked: root.saveRequested(root.attachment.id)
            }
            IconButton {
                objectName: "viewerClose"
                glyph: "×"
                glyphColor: Theme.textOnAccent
                tip: qsTr("Close")
                onClicked: root.close()
            }
        }
    }
}

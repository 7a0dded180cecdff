import QtQuick
import QtQuick.Controls.Basic

// A file that is not an image: icon, name, size and a save button, with a progress bar while it
// uploads or downloads. `attachment` is one entry of MessageListModel's `attachments` role.
Rectangle {
    id: root

    property var attachment: ({})

    signal saveRequested()

    readonly property string state_: root.attachment.state ?? "loading"
    readonly property real progress: root.attachment.progress ?? -1
    readonly property bool transferring: (root.state_ === "uploading" || root.state_ === "downloading")
    readonly property string detail: {
        switch (root.state_) {
        case "uploading": return qsTr("Uploading… %1%").arg(Math.round(Math.max(0, root.progress) * 100))
        case "downloading": return qsTr("Downloading… %1%").arg(Math.round(Math.max(0, root.progress) * 100))
        case "waiting": return qsTr("Waiting for the upload")
        case "failed": return root.attachment.error && root.attachment.error.length > 0
                              ? root.attachment.error : qsTr("Failed")
        case "saved": return qsTr("%1 · Saved").arg(root.attachment.sizeText ?? "")
        default: return root.attachment.sizeText ?? ""
        }
    }

    implicitWidth: 280
    implicitHeight: 60
    radius: Theme.radiusControl
    color: Theme.window
    border.width: 1
    border.color: Theme.divider
    Accessible.role: Accessible.Grouping
    Accessible.name: (root.attachment.name ?? "") + ", " + root.detail

    FileIcon {
        id: icon
        anchors { left: parent.left; leftMargin: Theme.spacingM; verticalCenter: parent.verticalCenter }
        name: root.attachment.name ?? ""
        mime: root.attachment.mime ?? ""
    }
    Column {
        anchors { left: icon.right; right: saveButton.left; verticalCenter: parent.verticalCenter
                  leftMargin: Theme.spacingM; rightMargin: Theme.spacingS }
        spacing: 2
        Text {
            objectName: "fileName"
            width: parent.width
            text: root.attachment.name ?? ""
            color: Theme.text
            font.pixelSize: Theme.fontBody
            font.weight: Font.DemiBold
            elide: Text.ElideMiddle
        }
        Text {
            objectName: "fileDetail"
            width: parent.width
            text: root.detail
            color: root.state_ === "failed" ? Theme.danger : Theme.textMuted
            font.pixelSize: Theme.fontSmall
            elide: Text.ElideRight
        }
    }
    IconButton {
        id: saveButton
        objectName: "saveButton"
        anchors { right: parent.right; rightMargin: Theme.spacingS; verticalCenter: parent.verticalCenter }
        visible: root.state_ === "ready" || root.state_ === "saved" || (root.state_ === "failed" && root.attachment.size > 0)
        enabled: !root.transferring
        glyph: root.state_ === "saved" ? "↗" : "↓"
        glyphColor: Theme.accent
        tip: root.state_ === "saved" ? qsTr("Open %1").arg(root.attachment.name ?? "")
                                     : qsTr("Save %1 to Downloads").arg(root.attachment.name ?? "")
        onClicked: {
            if (root.state_ === "saved" && (root.attachment.fileUrl ?? "").length > 0)
                Qt.openUrlExternally(root.attachment.fileUrl)
            else
                root.saveRequested()
        }
    }
    // A thin bar along the bottom edge while bytes move.
    Rectangle {
        objectName: "fileProgress"
        visible: root.transferring
        anchors { left: parent.left; bottom: parent.bottom; leftMargin: 1; bottomMargin: 1 }
        height: 3
        radius: 1.5
        width: (parent.width - 2) * Math.max(0, Math.min(1, root.progress))
        color: Theme.accent
    }
}

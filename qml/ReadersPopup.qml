import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Templates as T

// Who read a message, from "Read by N" under my last message of a group: their avatars and names.
Popup {
    id: root

    //! [{name, avatarColor, initials, alias}]
    property var readers: []

    parent: T.Overlay.overlay
    padding: Theme.spacingS
    width: 240
    height: Math.min(readersColumn.implicitHeight + 2 * padding, 320)
    //! Shows `list` ([{name, avatarColor, initials, alias}]) under `anchor`, right-aligned to it.
    function showFor(list, anchor) {
        root.readers = list
        const p = anchor.mapToItem(root.parent, anchor.width, anchor.height + 4)
        root.x = Math.max(Theme.spacingS, Math.min(p.x - root.width, root.parent.width - root.width - Theme.spacingS))
        root.y = Math.min(p.y, root.parent.height - root.height - Theme.spacingS)
        root.open()
    }
    background: Rectangle {
        radius: Theme.radiusControl
        color: Theme.window
        border.color: Theme.fieldBorder
    }
    contentItem: Flickable {
        clip: true
        contentHeight: readersColumn.implicitHeight
        boundsBehavior: Flickable.StopAtBounds
        Column {
            id: readersColumn
            width: parent.width
            spacing: 2
            Text {
                leftPadding: Theme.spacingXs
                bottomPadding: Theme.spacingXs
                text: qsTr("Read by")
                color: Theme.textMuted
                font.pixelSize: Theme.fontSmall
                font.weight: Font.DemiBold
            }
            Repeater {
                model: root.readers
                Row {
                    id: reader
                    required property var modelData
                    spacing: Theme.spacingS
                    leftPadding: Theme.spacingXs
                    height: 30
                    Avatar {
                        anchors.verticalCenter: parent.verticalCenter
                        size: 24
                        color: reader.modelData.avatarColor
                        initials: reader.modelData.initials
                        alias: reader.modelData.alias
                    }
                    Text {
                        anchors.verticalCenter: parent.verticalCenter
                        width: root.availableWidth - 24 - Theme.spacingS - Theme.spacingXs
                        text: reader.modelData.name
                        color: Theme.text
                        font.pixelSize: Theme.fontBody - 1
                        elide: Text.ElideRight
                        textFormat: Text.PlainText
                    }
                }
            }
        }
    }
}

import QtQuick

// A message's files inside its bubble: images inline (thumbnails at most 320 px), other files as
// cards with a save button.
Column {
    id: root

    //! MessageListModel's attachments role: [{id, name, sizeText, mime, image, width, height,
    //! preview, thumbnailUrl, fileUrl, progress, state, error}].
    property var attachments: []
    //! The widest the bubble may grow.
    property real maxBubble: Theme.bubbleMaxWidth
    property bool own: false

    signal openRequested(var attachment)
    signal saveRequested(string attachmentId)

    spacing: Theme.spacingXs
    Repeater {
        model: root.visible ? root.attachments : []
        delegate: Loader {
            id: fileLoader
            required property var modelData
            sourceComponent: fileLoader.modelData.image ? imageComponent : cardComponent
        }
    }
    Component {
        id: imageComponent
        ImageAttachment {
            objectName: "imageAttachment"
            attachment: parent ? parent.modelData : ({})
            maxSize: Math.min(320, root.maxBubble - 2 * Theme.spacingS)
            onOpenRequested: root.openRequested(attachment)
        }
    }
    Component {
        id: cardComponent
        FileCard {
            objectName: "fileCard"
            attachment: parent ? parent.modelData : ({})
            width: Math.min(implicitWidth, root.maxBubble - 2 * Theme.spacingS)
            color: root.own ? Qt.lighter(Theme.bubbleOwn, Theme.dark ? 1.15 : 1.03) : Theme.window
            onSaveRequested: root.saveRequested(attachment.id)
        }
    }
}

import QtQuick
import QtQuick.Controls.Basic

// Above the composer while answering a message: whom and what is answered, and ✕ to stop.
Rectangle {
    id: root

    //! MessageActions.replyTarget: {id, sender, excerpt, deleted, loaded}, or empty.
    property var target: ({})
    readonly property bool active: (root.target?.id ?? "").length > 0

    signal cancelRequested()
    signal clicked(string messageId)

    visible: root.active
    implicitHeight: root.active ? column.implicitHeight + 2 * Theme.spacingS : 0
    color: Theme.sidebar

    Rectangle {
        anchors { left: parent.left; top: parent.top; bottom: parent.bottom; leftMargin: Theme.spacingL
                  topMargin: Theme.spacingS; bottomMargin: Theme.spacingS }
        width: 3
        radius: 1.5
        color: Theme.accent
    }
    Column {
        id: column
        anchors { left: parent.left; right: close.left; verticalCenter: parent.verticalCenter
                  leftMargin: Theme.spacingL + Theme.spacingM; rightMargin: Theme.spacingS }
        Text {
            objectName: "replyBarSender"
            width: parent.width
            text: qsTr("Replying to %1").arg(root.target?.sender ?? "")
            color: Theme.accent
            font.pixelSize: Theme.fontSmall
            font.weight: Font.DemiBold
            elide: Text.ElideRight
            textFormat: Text.PlainText
        }
        Text {
            objectName: "replyBarExcerpt"
            width: parent.width
            text: root.target?.excerpt ?? ""
            color: Theme.textMuted
            font.pixelSize: Theme.fontSmall
            elide: Text.ElideRight
            maximumLineCount: 1
            textFormat: Text.PlainText
        }
    }
    TapHandler { onTapped: root.clicked(root.target.id) }
    IconButton {
        id: close
        objectName: "cancelReply"
        anchors { right: parent.right; verticalCenter: parent.verticalCenter; rightMargin: Theme.spacingL }
        glyph: "✕"
        tip: qsTr("Cancel reply")
        onClicked: root.cancelRequested()
    }
}

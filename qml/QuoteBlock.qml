import QtQuick

// The message a reply answers, at the top of its bubble: the sender and first line of the quoted
// message (or why it cannot be shown); a click jumps there.
Rectangle {
    id: root

    //! MessageListModel's replyTo role: {id, sender, excerpt, deleted, loaded}.
    property var replyTo: ({})
    //! There is a quote to show (`replyTo` names a message, and the reply is not deleted).
    property bool hasQuote: false
    property bool own: false

    signal clicked(string messageId)

    implicitWidth: Math.max(quoteSender.implicitWidth, quoteText.implicitWidth) + Theme.spacingM + 4
    height: quoteColumn.implicitHeight + Theme.spacingXs * 2
    radius: Theme.radiusControl - 2
    color: root.own ? Qt.darker(Theme.bubbleOwn, Theme.dark ? 0.8 : 1.06)
                    : Qt.darker(Theme.bubbleOther, Theme.dark ? 0.8 : 1.05)
    Accessible.role: Accessible.Button
    Accessible.name: qsTr("Reply to %1: %2").arg(quoteSender.text).arg(quoteText.text)
    Accessible.onPressAction: root.clicked(root.replyTo.id)
    Rectangle {
        width: 3
        height: parent.height
        radius: 1.5
        color: Theme.accent
    }
    Column {
        id: quoteColumn
        x: Theme.spacingS + 3
        y: Theme.spacingXs
        width: parent.width - Theme.spacingS - 6
        Text {
            id: quoteSender
            objectName: "quoteSender"
            width: parent.width
            text: root.hasQuote ? (root.replyTo.sender || qsTr("Earlier message")) : ""
            color: Theme.accent
            font.pixelSize: Theme.fontSmall
            font.weight: Font.DemiBold
            elide: Text.ElideRight
            textFormat: Text.PlainText
        }
        Text {
            id: quoteText
            objectName: "quoteText"
            width: parent.width
            text: !root.hasQuote ? ""
                  : root.replyTo.deleted ? qsTr("This message was deleted")
                  : root.replyTo.excerpt.length > 0 ? root.replyTo.excerpt
                  : qsTr("Not loaded")
            color: Theme.textMuted
            font.pixelSize: Theme.fontSmall
            font.italic: root.hasQuote && root.replyTo.deleted
            elide: Text.ElideRight
            maximumLineCount: 1
            textFormat: Text.PlainText
        }
    }
    HoverHandler { cursorShape: Qt.PointingHandCursor }
    TapHandler { onTapped: root.clicked(root.replyTo.id) }
}

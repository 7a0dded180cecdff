import QtQuick
import QtQuick.Controls.Basic
import Confab.Client

// The `@` autocomplete above the composer: the members matching what follows the `@` (aliases in
// blind rooms) and `@room`. The composer keeps the keyboard: Up/Down move the highlight, Tab or
// Enter pick, Esc closes (Composer.qml); a click picks too.
Rectangle {
    id: root

    required property MentionCompleter completer

    signal picked(int index)

    objectName: "mentionPopup"
    visible: root.completer.active
    implicitHeight: list.contentHeight + 2 * Theme.spacingXs
    implicitWidth: 320
    radius: Theme.radiusControl
    color: Theme.window
    border.color: Theme.fieldBorder
    Accessible.role: Accessible.List
    Accessible.name: qsTr("People to mention")

    ListView {
        id: list
        objectName: "mentionList"
        anchors { fill: parent; margins: Theme.spacingXs }
        interactive: false
        model: root.completer
        currentIndex: root.completer.currentIndex
        delegate: Rectangle {
            id: row
            required property int index
            required property string name
            required property string username
            required property bool room
            objectName: "mentionRow"
            width: ListView.view.width
            height: Theme.controlHeight
            radius: Theme.radiusControl - 2
            color: row.ListView.isCurrentItem ? Theme.selected : hover.hovered ? Theme.hover : "transparent"
            Accessible.role: Accessible.ListItem
            Accessible.name: row.room ? qsTr("Everyone in this conversation") : row.name

            Text {
                id: nameText
                anchors { left: parent.left; leftMargin: Theme.spacingS; verticalCenter: parent.verticalCenter }
                text: "@" + row.name
                color: Theme.text
                font.pixelSize: Theme.fontBody
                font.weight: Font.Medium
                textFormat: Text.PlainText
            }
            Text {
                anchors { left: nameText.right; leftMargin: Theme.spacingS; right: parent.right
                          rightMargin: Theme.spacingS; verticalCenter: parent.verticalCenter }
                text: row.room ? qsTr("Everyone in this conversation") : row.username.length > 0 ? row.username : ""
                color: Theme.textMuted
                font.pixelSize: Theme.fontSmall
                elide: Text.ElideRight
                textFormat: Text.PlainText
            }
            HoverHandler { id: hover }
            TapHandler { onTapped: root.picked(row.index) }
        }
    }
}

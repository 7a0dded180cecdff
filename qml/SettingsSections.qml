import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

// The left column of the settings page: its title and the sections, the current one highlighted.
// Rounded on the outside only, to sit in the page's rounded frame.
Rectangle {
    id: root

    //! [{key, label}]
    required property var sections
    property int currentIndex: 0

    signal sectionChosen(string key)

    Layout.fillHeight: true
    Layout.preferredWidth: 208
    color: Theme.sidebar
    // Rounded on the outside only: a square patch covers the inner corners.
    Rectangle {
        anchors { right: parent.right; top: parent.top; bottom: parent.bottom }
        width: parent.radius
        color: parent.color
    }
    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacingS
        spacing: 2
        Label {
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.headerHeight - Theme.spacingS
            leftPadding: Theme.spacingS
            verticalAlignment: Text.AlignVCenter
            text: qsTr("Settings")
            color: Theme.text
            font.pixelSize: Theme.fontTitle
            font.weight: Font.DemiBold
        }
        Repeater {
            model: root.sections
            ItemDelegate {
                id: sectionButton
                required property var modelData
                required property int index
                objectName: "section_" + sectionButton.modelData.key
                Layout.fillWidth: true
                implicitHeight: Theme.controlHeight
                highlighted: root.currentIndex === sectionButton.index
                focusPolicy: Qt.StrongFocus
                Accessible.name: sectionButton.modelData.label
                Accessible.role: Accessible.PageTab
                onClicked: root.sectionChosen(sectionButton.modelData.key)
                // Enter opens a section as Space does (buttons take only Space by default).
                Keys.onReturnPressed: clicked()
                Keys.onEnterPressed: clicked()
                contentItem: Text {
                    leftPadding: Theme.spacingXs
                    text: sectionButton.modelData.label
                    color: Theme.text
                    font.pixelSize: Theme.fontBody
                    font.weight: sectionButton.highlighted ? Font.DemiBold : Font.Normal
                    verticalAlignment: Text.AlignVCenter
                    elide: Text.ElideRight
                }
                background: Rectangle {
                    radius: Theme.radiusControl
                    color: sectionButton.highlighted ? Theme.selected
                         : sectionButton.hovered ? Theme.hover : "transparent"
                    border.width: sectionButton.visualFocus ? 2 : 0
                    border.color: Theme.accent
                }
            }
        }
        Item { Layout.fillHeight: true }
    }
}

import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

// A row with a title, an optional explanation under it, and a switch on the right (settings).
RowLayout {
    id: row
    property alias text: title.text
    property alias description: note.text
    property alias checked: toggle.checked
    property alias toggleEnabled: toggle.enabled
    signal toggled(bool on)
    Layout.fillWidth: true
    spacing: Theme.spacingM
    ColumnLayout {
        Layout.fillWidth: true
        spacing: 2
        Label {
            id: title
            Layout.fillWidth: true
            color: toggle.enabled ? Theme.text : Theme.textMuted
            font.pixelSize: Theme.fontBody
            wrapMode: Text.Wrap
        }
        Label {
            id: note
            Layout.fillWidth: true
            visible: text.length > 0
            color: Theme.textMuted
            font.pixelSize: Theme.fontSmall
            wrapMode: Text.Wrap
        }
    }
    Switch {
        id: toggle
        objectName: row.objectName.length > 0 ? row.objectName + "Switch" : ""
        Accessible.name: title.text
        onToggled: row.toggled(checked)
        // The Basic style's grey-on-grey track does not say on or off clearly: accent when on.
        indicator: Rectangle {
            implicitWidth: 40
            implicitHeight: 22
            x: toggle.leftPadding
            y: (toggle.height - height) / 2
            radius: height / 2
            color: toggle.checked ? Theme.accent : Theme.fieldBorder
            opacity: toggle.enabled ? 1 : 0.45
            Rectangle {
                x: toggle.checked ? parent.width - width - 3 : 3
                y: 3
                width: parent.height - 6
                height: width
                radius: width / 2
                color: Theme.textOnAccent
                Behavior on x { NumberAnimation { duration: 120 } }
            }
            Rectangle {
                anchors.fill: parent
                anchors.margins: -3
                radius: height / 2
                color: "transparent"
                border.width: 2
                border.color: Theme.accent
                visible: toggle.visualFocus
            }
        }
    }
}

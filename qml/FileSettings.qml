import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

// Settings → files: the folder that downloads go to (the page owns the folder dialog).
ColumnLayout {
    id: root

    required property var settings

    signal chooseFolderRequested()

    spacing: Theme.spacingS
    Item { Layout.preferredHeight: Theme.spacingXs }
    SectionTitle {
        Layout.leftMargin: Theme.spacingXl
        text: qsTr("Download folder")
    }
    RowLayout {
        Layout.leftMargin: Theme.spacingXl
        Layout.rightMargin: Theme.spacingXl
        spacing: Theme.spacingS
        Label {
            objectName: "downloadFolder"
            Layout.fillWidth: true
            text: root.settings.downloadFolder
            color: Theme.text
            font.pixelSize: Theme.fontBody
            elide: Text.ElideMiddle
            textFormat: Text.PlainText
            padding: Theme.spacingS
            background: Rectangle {
                radius: Theme.radiusControl
                color: Theme.field
                border.color: Theme.fieldBorder
            }
        }
        Button {
            objectName: "chooseFolder"
            text: qsTr("Change…")
            Accessible.name: qsTr("Change the download folder")
            onClicked: root.chooseFolderRequested()
        }
    }
    Label {
        Layout.leftMargin: Theme.spacingXl
        Layout.rightMargin: Theme.spacingXl
        Layout.fillWidth: true
        text: qsTr("Files you download from conversations are saved here.")
        color: Theme.textMuted
        font.pixelSize: Theme.fontSmall
        wrapMode: Text.Wrap
    }
}

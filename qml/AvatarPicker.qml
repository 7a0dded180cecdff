import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Dialogs
import QtQuick.Layouts

// Settings → account → "Picture": my avatar as the people I share conversations with see it (never
// in blind rooms), with a preview, a button that opens a file dialog and one that removes it. It
// shows; Avatars (C++) scales, sends and fetches.
RowLayout {
    id: root

    //! The picture now (a local file), empty when none.
    property url source
    property string avatarColor: Theme.accent
    property string initials
    property bool busy: false
    //! Why the last change was refused.
    property string error
    //! Where the file dialog starts.
    property url folder

    signal chooseRequested(url file)
    signal removeRequested()

    //! Opens the file dialog (also for tests and keyboard shortcuts).
    function choose() { dialog.open() }

    readonly property bool hasPicture: root.source.toString().length > 0

    spacing: Theme.spacingL

    Avatar {
        objectName: "avatarPreview"
        Layout.alignment: Qt.AlignTop
        size: 80
        color: root.avatarColor
        initials: root.initials
        source: root.source
        Accessible.name: root.hasPicture ? qsTr("Your picture") : qsTr("No picture: your initials show")
    }
    ColumnLayout {
        Layout.fillWidth: true
        spacing: Theme.spacingS
        Label {
            Layout.fillWidth: true
            // Short on purpose: one line beside the picture (a wrapped line would lay out a frame late).
            text: qsTr("Never shown in blind rooms.")
            color: Theme.textMuted
            font.pixelSize: Theme.fontSmall
            wrapMode: Text.Wrap
        }
        RowLayout {
            spacing: Theme.spacingS
            Button {
                id: chooseButton
                objectName: "chooseAvatar"
                text: root.hasPicture ? qsTr("Change picture…") : qsTr("Choose picture…")
                Accessible.name: text
                enabled: !root.busy
                onClicked: root.choose()
            }
            Button {
                objectName: "removeAvatar"
                visible: root.hasPicture
                text: qsTr("Remove picture")
                Accessible.name: text
                enabled: !root.busy
                onClicked: root.removeRequested()
            }
            BusyIndicator {
                Layout.preferredWidth: 20
                Layout.preferredHeight: 20
                running: root.busy
                visible: running
            }
        }
        Label {
            objectName: "avatarError"
            Layout.fillWidth: true
            visible: root.error.length > 0
            text: root.error
            color: Theme.danger
            font.pixelSize: Theme.fontSmall
            wrapMode: Text.Wrap
        }
    }

    FileDialog {
        id: dialog
        objectName: "avatarDialog"
        title: qsTr("Choose a picture")
        fileMode: FileDialog.OpenFile
        nameFilters: [qsTr("Pictures (*.png *.jpg *.jpeg *.webp *.gif)")]
        currentFolder: root.folder
        onAccepted: root.chooseRequested(dialog.selectedFile)
    }
}

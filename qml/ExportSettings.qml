import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

// Settings → privacy → "Your data": export my data as a zip archive. `exporter` is the client's
// DataExport (a stand-in in tests): it holds the state, builds on the server and saves; this only
// shows it. The page owns the save dialog: "Save…" asks for it with saveRequested().
ColumnLayout {
    id: root

    //! state ("none", "building", "ready", "failed", "saving", "saved"), percent, sizeText,
    //! expiresAt, error, savedPath; start()
    required property var exporter

    signal saveRequested()

    readonly property string phase: root.exporter ? root.exporter.state : "none"
    readonly property bool working: root.phase === "building" || root.phase === "saving"

    spacing: Theme.spacingS
    SectionTitle {
        Layout.leftMargin: Theme.spacingXl
        text: qsTr("Your data")
    }
    Label {
        Layout.leftMargin: Theme.spacingXl
        Layout.rightMargin: Theme.spacingXl
        Layout.fillWidth: true
        text: qsTr("Download a copy of your profile, the messages you can see and the files you sent, as a zip archive with a page that opens in any browser. In blind rooms others appear as you saw them.")
        color: Theme.textMuted
        font.pixelSize: Theme.fontSmall
        wrapMode: Text.Wrap
    }
    RowLayout {
        Layout.leftMargin: Theme.spacingXl
        Layout.rightMargin: Theme.spacingXl
        spacing: Theme.spacingS
        Button {
            objectName: "exportButton"
            text: qsTr("Export my data")
            enabled: !root.working
            focusPolicy: Qt.StrongFocus
            Accessible.name: text
            Keys.onReturnPressed: clicked()
            Keys.onEnterPressed: clicked()
            onClicked: root.exporter.start()
        }
        Button {
            objectName: "saveButton"
            text: qsTr("Save…")
            visible: root.phase === "ready" || root.phase === "saved"
            focusPolicy: Qt.StrongFocus
            Accessible.name: qsTr("Save the archive of my data")
            Keys.onReturnPressed: clicked()
            Keys.onEnterPressed: clicked()
            onClicked: root.saveRequested()
        }
        Item { Layout.fillWidth: true }
    }
    ProgressBar {
        objectName: "exportProgress"
        Layout.leftMargin: Theme.spacingXl
        Layout.rightMargin: Theme.spacingXl
        Layout.fillWidth: true
        visible: root.working
        from: 0
        to: 100
        value: root.exporter ? root.exporter.percent : 0
        Accessible.name: statusLine.text
    }
    Label {
        id: statusLine
        objectName: "exportStatus"
        Layout.leftMargin: Theme.spacingXl
        Layout.rightMargin: Theme.spacingXl
        Layout.fillWidth: true
        visible: text.length > 0
        wrapMode: Text.Wrap
        textFormat: Text.PlainText
        font.pixelSize: Theme.fontSmall
        color: root.exporter && root.exporter.error.length > 0 ? Theme.danger : Theme.text
        text: {
            if (!root.exporter)
                return ""
            if (root.exporter.error.length > 0)
                return root.exporter.error
            switch (root.phase) {
            case "building":
                return qsTr("Preparing your archive… %1%").arg(root.exporter.percent)
            case "ready":
                return qsTr("Your archive is ready (%1). The server keeps it until %2.")
                    .arg(root.exporter.sizeText).arg(DateFormat.moment(root.exporter.expiresAt))
            case "saving":
                return qsTr("Saving… %1%").arg(root.exporter.percent)
            case "saved":
                return qsTr("Saved as %1").arg(root.exporter.savedPath)
            }
            return ""
        }
    }
}

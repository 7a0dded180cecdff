import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

// Settings → privacy: typing indicators, read receipts and the people I block (the client keeps
// them: they come in as properties and go out as requests), and the export of my data (ExportSettings).
ColumnLayout {
    id: root

    property string displayName
    property bool sendTyping: true
    property bool shareReadReceipts: true
    //! The client's DataExport, or a stand-in; none: the export is not shown.
    property var dataExport: null
    //! The Blocks model (BlockedPeople), or null.
    property var blocks: null
    property bool blocksBusy: false
    property string blocksError

    signal sendTypingRequested(bool on)
    signal shareReadReceiptsRequested(bool on)
    signal saveExportRequested()
    signal unblockRequested(string userId)

    spacing: Theme.spacingL
    Item { Layout.preferredHeight: Theme.spacingXs }
    SwitchRow {
        objectName: "sendTyping"
        Layout.leftMargin: Theme.spacingXl
        Layout.rightMargin: Theme.spacingXl
        text: qsTr("Send typing indicators")
        description: qsTr("Others see “%1 is typing…” while you write.").arg(root.displayName)
        checked: root.sendTyping
        onToggled: on => root.sendTypingRequested(on)
    }
    SwitchRow {
        objectName: "shareReadReceipts"
        Layout.leftMargin: Theme.spacingXl
        Layout.rightMargin: Theme.spacingXl
        text: qsTr("Share read receipts")
        description: qsTr("Off: others do not see when you have read their messages. Your own unread counts stay right on all your devices.")
        checked: root.shareReadReceipts
        onToggled: on => root.shareReadReceiptsRequested(on)
    }
    BlockedPeople {
        objectName: "blockedPeople"
        Layout.fillWidth: true
        Layout.leftMargin: Theme.spacingXl
        Layout.rightMargin: Theme.spacingXl
        blocks: root.blocks
        busy: root.blocksBusy
        error: root.blocksError
        onUnblockRequested: userId => root.unblockRequested(userId)
    }
    ExportSettings {
        objectName: "exportSettings"
        Layout.fillWidth: true
        Layout.topMargin: Theme.spacingS
        visible: root.dataExport !== null
        exporter: root.dataExport
        onSaveRequested: root.saveExportRequested()
    }
}

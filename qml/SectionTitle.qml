import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

// The small capitals over a group of settings or fields ("PASSWORD", "MEMBERS · 4"): pages and
// dialogs lay them out in a ColumnLayout.
Label {
    Layout.fillWidth: true
    Layout.topMargin: Theme.spacingS
    color: Theme.textMuted
    font.pixelSize: Theme.fontSmall
    font.weight: Font.DemiBold
    font.capitalization: Font.AllUppercase
}

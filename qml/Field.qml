import QtQuick
import QtQuick.Controls.Basic

// A one-line text field in the app's look: text colours, and the frame that shows the keyboard
// (a read-only field shows no focus border: it cannot be typed into).
TextField {
    id: root
    color: Theme.text
    placeholderTextColor: Theme.textMuted
    selectByMouse: true
    font.pixelSize: Theme.fontBody
    background: FieldFrame { focused: root.activeFocus && !root.readOnly }
}

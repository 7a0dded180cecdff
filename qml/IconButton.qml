import QtQuick
import QtQuick.Controls.Basic

// A quiet square button with a text glyph, a tooltip and an accessible name; a focus ring when
// reached with the keyboard, and Enter or Space clicks it.
ToolButton {
    id: root

    property string glyph
    property string tip
    property color glyphColor: Theme.textMuted
    //! A click hides the tooltip until the pointer leaves: what the button opened (a file dialog, a
    //! menu) comes next, and a window of the system's own does not tell us the pointer has gone.
    property bool tipDismissed: false

    implicitWidth: 32
    implicitHeight: 32
    focusPolicy: Qt.StrongFocus
    Accessible.name: root.tip
    readonly property bool tipShown: hovered && !root.tipDismissed && root.tip.length > 0
    ToolTip.visible: root.tipShown
    ToolTip.delay: 600
    ToolTip.text: root.tip

    onPressed: root.tipDismissed = true
    onHoveredChanged: if (!hovered) root.tipDismissed = false

    contentItem: Text {
        text: root.glyph
        color: root.enabled ? root.glyphColor : Theme.divider
        font.pixelSize: 18
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
    }
    background: Rectangle {
        radius: Theme.radiusControl
        color: root.down ? Theme.selected : (root.hovered ? Theme.hover : "transparent")
        FocusRing { shown: root.visualFocus }
    }
    // Basic buttons click on Space only: Enter and Return do it too (usable without a mouse).
    Keys.onReturnPressed: root.clicked()
    Keys.onEnterPressed: root.clicked()
}

import QtQuick

// The keyboard focus ring every control shows (UI.md: focus is visible): put inside a control, bound
// to its `visualFocus` (focus that came from the keyboard, not a click). Drawn just outside the
// control so that it never covers its content and reads on every surface.
Rectangle {
    //! Whether the ring shows: the control's visualFocus, or a list's keyboard-current row.
    property bool shown: false
    //! How far outside the parent's edges the ring sits (negative: inside, for rows in clipped lists).
    property int outset: 2

    anchors.fill: parent
    anchors.margins: -outset
    visible: shown
    z: 10
    color: "transparent"
    radius: Theme.radiusControl + outset
    border.width: 2
    border.color: Theme.accent
    Accessible.ignored: true
}

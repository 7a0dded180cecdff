import QtQuick

// The frame of a text field or area: the field colour, and the accent border while it has the
// keyboard (`focused`). Field uses it; multi-line areas take it as their background.
Rectangle {
    property bool focused: false
    radius: Theme.radiusControl
    color: Theme.field
    border.width: focused ? 2 : 1
    border.color: focused ? Theme.accent : Theme.fieldBorder
}

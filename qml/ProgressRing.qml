import QtQuick

// A small circular progress indicator (0..1) drawn on a Canvas: a muted track and an accent arc.
Item {
    id: root

    property real value: 0
    property real lineWidth: 3
    property color trackColor: Theme.divider
    property color color: Theme.accent

    implicitWidth: 24
    implicitHeight: 24
    Accessible.role: Accessible.ProgressBar
    Accessible.name: qsTr("%1 percent").arg(Math.round(root.value * 100))

    onValueChanged: canvas.requestPaint()
    onColorChanged: canvas.requestPaint()
    onTrackColorChanged: canvas.requestPaint()

    Canvas {
        id: canvas
        anchors.fill: parent
        onPaint: {
            const ctx = getContext("2d")
            ctx.reset()
            const r = Math.min(width, height) / 2 - root.lineWidth / 2
            ctx.lineWidth = root.lineWidth
            ctx.strokeStyle = root.trackColor
            ctx.beginPath()
            ctx.arc(width / 2, height / 2, r, 0, 2 * Math.PI)
            ctx.stroke()
            ctx.strokeStyle = root.color
            ctx.lineCap = "round"
            ctx.beginPath()
            const v = Math.max(0.02, Math.min(1, root.value))
            ctx.arc(width / 2, height / 2, r, -Math.PI / 2, -Math.PI / 2 + v * 2 * Math.PI)
            ctx.stroke()
        }
    }
}

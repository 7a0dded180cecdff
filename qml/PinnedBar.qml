import QtQuick
import QtQuick.Controls.Basic

// Under the conversation's header while something is pinned: the pin shown (the newest first),
// its place among the pins as marks on the left, who wrote it and its first line. A click (or
// Enter/Space when it has the keyboard) jumps to that message in the timeline and moves the bar
// on to the next older pin, round to the newest after the oldest. ✕ unpins the pin shown (for
// those who may pin).
Rectangle {
    id: root

    //! The pins, newest first: count, get(row) → {messageId, preview, sender, pinnedBy, hasFiles}
    //! (a PinnedMessageModel; the tests give a ListModel).
    property var model: null
    //! I may unpin (PinnedMessageModel.canPin).
    property bool canUnpin: false
    //! Which pin the bar shows (0: the newest).
    property int index: 0
    readonly property int count: root.model ? root.model.count : 0
    // Bumped when the model's rows change, so that `shown` is read again.
    property int revision: 0
    readonly property var shown: {
        root.revision // a dependency: the same row may hold another pin now
        return root.count > 0 ? root.model.get(Math.min(root.index, root.count - 1)) : ({})
    }
    readonly property string shownPreview: (root.shown.preview ?? "").length > 0 ? root.shown.preview
                                           : root.shown.hasFiles ? qsTr("Attachment") : qsTr("Message")

    //! The timeline should bring `messageId` into view (loading older pages when needed).
    signal jumpRequested(string messageId)
    signal unpinRequested(string messageId)

    //! Jumps to the pin shown and moves on to the next older one.
    function activate() {
        if (root.count === 0)
            return
        const id = root.shown.messageId
        root.index = (Math.min(root.index, root.count - 1) + 1) % root.count
        root.jumpRequested(id)
    }

    Connections {
        target: root.model
        ignoreUnknownSignals: true
        // A new pin (or one gone): the newest is shown again.
        function onModelReset() { root.index = 0; root.revision++ }
        function onRowsInserted() { root.index = 0; root.revision++ }
        function onRowsRemoved() { root.index = 0; root.revision++ }
        function onDataChanged() { root.revision++ }
    }

    visible: root.count > 0
    implicitHeight: root.count > 0 ? 48 : 0
    color: Theme.sidebar
    activeFocusOnTab: true
    Accessible.role: Accessible.Button
    Accessible.name: root.count > 1
                     ? qsTr("Pinned message %1 of %2: %3").arg(Math.min(root.index, root.count - 1) + 1).arg(root.count).arg(root.shownPreview)
                     : qsTr("Pinned message: %1").arg(root.shownPreview)
    Accessible.description: qsTr("Shows the message in the conversation")
    Accessible.onPressAction: root.activate()
    Keys.onReturnPressed: root.activate()
    Keys.onEnterPressed: root.activate()
    Keys.onSpacePressed: root.activate()

    // Where the pin shown is among them: one mark per pin (at most 4 marks: a window that moves).
    Column {
        id: marks
        objectName: "pinnedBarMarks"
        readonly property int shownMarks: Math.min(root.count, 4)
        readonly property int first: Math.max(0, Math.min(Math.min(root.index, root.count - 1) - 1, root.count - marks.shownMarks))
        anchors { left: parent.left; top: parent.top; bottom: parent.bottom; leftMargin: Theme.spacingL
                  topMargin: Theme.spacingS; bottomMargin: Theme.spacingS }
        width: 3
        spacing: 2
        Repeater {
            model: marks.shownMarks
            delegate: Rectangle {
                required property int index
                width: 3
                height: (marks.height - (marks.shownMarks - 1) * marks.spacing) / Math.max(1, marks.shownMarks)
                radius: 1.5
                color: marks.first + index === Math.min(root.index, root.count - 1) ? Theme.accent : Theme.divider
            }
        }
    }
    Column {
        anchors { left: marks.right; right: unpin.visible ? unpin.left : parent.right; verticalCenter: parent.verticalCenter
                  leftMargin: Theme.spacingM; rightMargin: Theme.spacingS }
        Text {
            objectName: "pinnedBarTitle"
            width: parent.width
            text: root.count > 1 ? qsTr("Pinned message %1 of %2").arg(Math.min(root.index, root.count - 1) + 1).arg(root.count)
                                 : qsTr("Pinned message")
            color: Theme.accent
            font.pixelSize: Theme.fontSmall
            font.weight: Font.DemiBold
            elide: Text.ElideRight
            textFormat: Text.PlainText
        }
        Text {
            objectName: "pinnedBarPreview"
            width: parent.width
            text: (root.shown.sender ?? "").length > 0 ? qsTr("%1: %2").arg(root.shown.sender).arg(root.shownPreview)
                                                       : root.shownPreview
            color: Theme.text
            font.pixelSize: Theme.fontSmall
            elide: Text.ElideRight
            maximumLineCount: 1
            textFormat: Text.PlainText
        }
    }
    Rectangle { anchors { left: parent.left; right: parent.right; bottom: parent.bottom } height: 1; color: Theme.divider }
    FocusRing { shown: root.activeFocus; outset: -2 }
    TapHandler { onTapped: root.activate() }
    HoverHandler { cursorShape: Qt.PointingHandCursor }
    IconButton {
        id: unpin
        objectName: "pinnedBarUnpin"
        anchors { right: parent.right; verticalCenter: parent.verticalCenter; rightMargin: Theme.spacingL }
        visible: root.canUnpin && root.count > 0
        glyph: "✕"
        tip: qsTr("Unpin this message")
        onClicked: root.unpinRequested(root.shown.messageId)
    }
}

import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Confab.Client

// One thread beside the timeline ("N replies" under a message): its root, the replies oldest
// first, and a composer that answers into the thread (Enter sends, Shift+Enter a new line).
Rectangle {
    id: root

    //! A ThreadModel (roles messageId, senderName, body, timeText, own, deleted, edited, isRoot,
    //! avatarColor, initials, streamState).
    property var thread: null
    property int replyCount: 0
    property bool loading: false
    property bool canLoadMore: false
    property string error
    //! The thread whose reply is being written: the text belongs to it (load() shows another's).
    property string draftRootId
    //! () => void that gives the keyboard back to the main composer when the pane closes with it.
    property var keyboardHome: null
    property bool fieldHadKeyboard: false
    property bool loadingDraft: false

    signal closeRequested()
    signal replyRequested(string text)
    signal loadMoreRequested()
    //! The reply being written changed: it is the draft of thread `rootId`.
    signal textEdited(string rootId, string text)

    function focusComposer() { field.forceActiveFocus() }
    //! Shows the reply being written in thread `rootId`.
    function load(rootId, text) {
        root.loadingDraft = true
        root.draftRootId = rootId
        field.text = text
        field.cursorPosition = field.length
        root.loadingDraft = false
    }
    function send() {
        const text = field.text
        if (text.trim().length === 0)
            return
        root.replyRequested(text)
        field.clear()
    }

    color: Theme.window
    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("Thread")
    Keys.onEscapePressed: root.closeRequested()
    // Closed (Esc, ✕) while the keyboard was in it: the keyboard goes back to the main composer.
    onVisibleChanged: {
        if (!root.visible && root.fieldHadKeyboard) {
            root.fieldHadKeyboard = false
            if (root.keyboardHome)
                root.keyboardHome()
        }
    }

    Rectangle { width: 1; height: parent.height; color: Theme.divider }

    ColumnLayout {
        anchors.fill: parent
        anchors.leftMargin: 1
        spacing: 0

        RowLayout {
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.headerHeight
            Layout.leftMargin: Theme.spacingL
            Layout.rightMargin: Theme.spacingS
            spacing: Theme.spacingS
            Label {
                text: qsTr("Thread")
                color: Theme.text
                font.pixelSize: Theme.fontTitle
                font.weight: Font.DemiBold
            }
            Label {
                objectName: "threadCount"
                Layout.fillWidth: true
                text: "· " + qsTr("%n replies", "", root.replyCount)
                color: Theme.textMuted
                font.pixelSize: Theme.fontBody - 1
                elide: Text.ElideRight
            }
            IconButton {
                objectName: "closeThread"
                glyph: "✕"
                tip: qsTr("Close thread (Esc)")
                onClicked: root.closeRequested()
            }
        }
        Rectangle { Layout.fillWidth: true; Layout.preferredHeight: 1; color: Theme.divider }

        ListView {
            id: list
            objectName: "threadList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: root.thread
            boundsBehavior: Flickable.StopAtBounds
            ScrollBar.vertical: ScrollBar {}
            onCountChanged: Qt.callLater(() => list.positionViewAtEnd())
            onAtYEndChanged: if (atYEnd && root.canLoadMore) root.loadMoreRequested()

            delegate: Column {
                id: entry
                required property int index
                required property string messageId
                required property string senderName
                required property string body
                required property string timeText
                required property bool own
                required property bool deleted
                required property bool edited
                required property bool isRoot
                required property string avatarColor
                required property string initials
                required property string streamState
                objectName: "threadEntry"
                width: ListView.view.width
                topPadding: Theme.spacingM
                Accessible.role: Accessible.ListItem
                Accessible.name: entry.senderName + ", " + entry.timeText + ": " + entry.body

                Row {
                    x: Theme.spacingL
                    width: parent.width - 2 * Theme.spacingL
                    spacing: Theme.spacingS
                    Avatar {
                        size: 28
                        color: entry.avatarColor
                        initials: entry.initials
                    }
                    Column {
                        width: parent.width - 28 - Theme.spacingS
                        spacing: 2
                        Row {
                            spacing: Theme.spacingS
                            Text {
                                id: nameText
                                text: entry.own ? qsTr("You") : entry.senderName
                                color: Theme.text
                                font.pixelSize: Theme.fontBody - 1
                                font.weight: Font.DemiBold
                                textFormat: Text.PlainText
                            }
                            Text {
                                text: entry.timeText + (entry.edited ? " · " + qsTr("edited") : "")
                                color: Theme.textMuted
                                font.pixelSize: Theme.fontSmall - 1
                                anchors.baseline: nameText.baseline
                            }
                        }
                        // Formatted as in the timeline (MessageFormat): bold, code, quotes, links.
                        MessageBody {
                            objectName: "threadBody"
                            maxWidth: parent.width
                            segments: entry.deleted
                                      ? [{ type: "text", html: qsTr("This message was deleted"), code: "", language: "" }]
                                      : MessageFormat.segments(entry.body + (entry.streamState === "streaming" ? " ▍" : ""),
                                                               Theme.link)
                            textColor: entry.deleted ? Theme.textMuted : Theme.text
                        }
                    }
                }
                // Under the root: how many replies follow.
                Item {
                    visible: entry.isRoot
                    width: parent.width
                    height: visible ? 32 : 0
                    Rectangle {
                        anchors { left: parent.left; right: parent.right; verticalCenter: parent.verticalCenter
                                  leftMargin: Theme.spacingL; rightMargin: Theme.spacingL }
                        height: 1
                        color: Theme.divider
                    }
                    Rectangle {
                        anchors.centerIn: parent
                        width: repliesLabel.implicitWidth + 2 * Theme.spacingS
                        height: repliesLabel.implicitHeight + 2
                        color: Theme.window
                        Text {
                            id: repliesLabel
                            objectName: "threadRepliesLine"
                            anchors.centerIn: parent
                            text: root.replyCount > 0 ? qsTr("%n replies", "", root.replyCount) : qsTr("No replies yet")
                            color: Theme.textMuted
                            font.pixelSize: Theme.fontSmall
                        }
                    }
                }
            }

            footer: Item {
                width: ListView.view ? ListView.view.width : 0
                height: root.loading || root.error.length > 0 ? 36 : Theme.spacingM
                Text {
                    anchors.centerIn: parent
                    visible: root.loading || root.error.length > 0
                    text: root.error.length > 0 ? root.error : qsTr("Loading…")
                    color: root.error.length > 0 ? Theme.danger : Theme.textMuted
                    font.pixelSize: Theme.fontSmall
                }
            }
        }

        Rectangle { Layout.fillWidth: true; Layout.preferredHeight: 1; color: Theme.divider }
        RowLayout {
            Layout.fillWidth: true
            Layout.margins: Theme.spacingS
            spacing: Theme.spacingS
            ScrollView {
                Layout.fillWidth: true
                Layout.preferredHeight: Math.min(field.implicitHeight, 120)
                TextArea {
                    id: field
                    objectName: "threadField"
                    placeholderText: qsTr("Reply in thread…")
                    placeholderTextColor: Theme.textMuted
                    color: Theme.text
                    wrapMode: TextEdit.Wrap
                    font.pixelSize: Theme.fontBody
                    Accessible.name: qsTr("Reply in thread")
                    onTextChanged: if (!root.loadingDraft) root.textEdited(root.draftRootId, field.text)
                    // Hidden with the pane, it loses the keyboard: remember it had it.
                    onActiveFocusChanged: {
                        if (field.activeFocus)
                            root.fieldHadKeyboard = true
                        else if (root.visible)
                            root.fieldHadKeyboard = false
                    }
                    background: Rectangle {
                        radius: Theme.radiusControl
                        color: Theme.field
                        border.width: field.activeFocus ? 2 : 1
                        border.color: field.activeFocus ? Theme.accent : Theme.fieldBorder
                    }
                    Keys.onPressed: event => {
                        if (event.key === Qt.Key_Return || event.key === Qt.Key_Enter) {
                            if (field.preeditText.length > 0)
                                return // the IME commits its text first
                            if (event.modifiers & Qt.ShiftModifier)
                                field.insert(field.cursorPosition, "\n")
                            else
                                root.send()
                            event.accepted = true
                        } else if (event.key === Qt.Key_Escape) {
                            root.closeRequested()
                            event.accepted = true
                        }
                    }
                }
            }
            Button {
                objectName: "threadSend"
                text: qsTr("Send")
                enabled: field.text.trim().length > 0
                Accessible.name: qsTr("Send reply")
                onClicked: root.send()
            }
        }
    }
}

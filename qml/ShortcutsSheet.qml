import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Templates as T
import QtQuick.Layouts

// "Keyboard shortcuts" (Ctrl+/): every key of the app in one sheet, by where it works, keys on the
// left and what they do on the right. Esc or Close shuts it and the keyboard goes back.
Dialog {
    id: root

    //! () => void: where the keyboard goes on closing when the item that had it is gone.
    property var keyboardHome: null
    readonly property FocusReturn focusReturn: FocusReturn { popup: root; home: root.keyboardHome }

    // The keys, as a list of sections of [keys, what they do]. In step with MainPage, ConversationList,
    // Timeline and Composer, which handle them.
    readonly property var sections: [
        { title: qsTr("Anywhere"), rows: [
            ["Tab / Shift+Tab", qsTr("Move between the conversation list, the messages and the composer")],
            ["Ctrl+K", qsTr("Find a conversation")],
            ["Alt+↑ / Alt+↓", qsTr("Previous or next conversation")],
            ["Ctrl+N", qsTr("New conversation")],
            ["Ctrl+F", qsTr("Search messages")],
            ["Ctrl+Shift+M", qsTr("Messages that mention you")],
            ["Ctrl+Shift+U", qsTr("Mark the open conversation unread")],
            ["Ctrl+,", qsTr("Settings")],
            ["Ctrl+/", qsTr("Keyboard shortcuts")],
            ["Esc", qsTr("Close the panel or dialog")],
            ["Enter / Space", qsTr("Press the focused button")],
            ["Ctrl+Q", qsTr("Quit Confab")]
        ] },
        { title: qsTr("Conversation list"), rows: [
            ["↑ / ↓", qsTr("Move between conversations")],
            ["Enter", qsTr("Open the conversation")],
            ["Menu / Shift+F10", qsTr("Mark as unread or read")],
            ["Esc", qsTr("Back to the composer")]
        ] },
        { title: qsTr("Messages"), rows: [
            ["↑ / ↓", qsTr("Move between messages")],
            ["Enter", qsTr("Message actions menu")],
            ["R", qsTr("Reply")],
            ["E", qsTr("Edit your message")],
            ["Delete", qsTr("Delete your message (asks first)")],
            ["C / Ctrl+C", qsTr("Copy the text")],
            ["+", qsTr("React with an emoji")],
            ["T", qsTr("Open the thread")],
            ["F", qsTr("Forward to other conversations")],
            ["Alt+End", qsTr("Jump to the newest messages")],
            ["Ctrl+J", qsTr("Jump to the first unread message")],
            ["P", qsTr("Pin or unpin the message")],
            ["Esc", qsTr("Back to the composer")]
        ] },
        { title: qsTr("Composer"), rows: [
            ["Enter", qsTr("Send")],
            ["Shift+Enter", qsTr("New line")],
            ["↑", qsTr("Edit your last message (empty composer)")],
            ["@", qsTr("Mention someone: ↑/↓ choose, Tab or Enter pick, Esc close")],
            ["Ctrl+B", qsTr("Bold: **text**")],
            ["Ctrl+I", qsTr("Italic: *text*")],
            ["Ctrl+E", qsTr("Code: `code`")],
            ["Ctrl+Shift+C", qsTr("Code block: ``` on the lines around it")],
            ["> · - · 1.", qsTr("Quote, list, numbered list (at the start of a line)")]
        ] }
    ]

    objectName: "shortcutsSheet"
    title: qsTr("Keyboard shortcuts")
    modal: true
    focus: true
    width: Math.min(620, parent ? parent.width - 2 * Theme.spacingXl : 620)
    height: Math.min(implicitHeight, parent ? parent.height - 2 * Theme.spacingXl : implicitHeight)
    padding: Theme.spacingXl
    topPadding: Theme.spacingM
    anchors.centerIn: parent
    closePolicy: Popup.CloseOnEscape | Popup.CloseOnPressOutside
    onOpened: closeButton.forceActiveFocus()

    background: Rectangle {
        color: Theme.window
        radius: Theme.radiusBubble
        border.color: Theme.divider
    }
    header: RowLayout {
        spacing: Theme.spacingS
        Label {
            Layout.fillWidth: true
            Layout.leftMargin: Theme.spacingXl
            Layout.topMargin: Theme.spacingL
            text: root.title
            color: Theme.text
            font.pixelSize: Theme.fontTitle
            font.weight: Font.DemiBold
        }
        IconButton {
            id: closeButton
            objectName: "shortcutsClose"
            Layout.rightMargin: Theme.spacingL
            Layout.topMargin: Theme.spacingM
            glyph: "✕"
            tip: qsTr("Close")
            onClicked: root.close()
            // The arrows scroll a sheet taller than the window.
            Keys.onUpPressed: flick.contentY = Math.max(0, flick.contentY - 40)
            Keys.onDownPressed: flick.contentY = Math.min(Math.max(0, flick.contentHeight - flick.height),
                                                          flick.contentY + 40)
        }
    }
    T.Overlay.modal: Rectangle { color: Qt.rgba(0, 0, 0, Theme.dark ? 0.55 : 0.35) }

    contentItem: Flickable {
        id: flick
        implicitHeight: table.implicitHeight
        contentHeight: table.implicitHeight
        clip: true
        boundsBehavior: Flickable.StopAtBounds
        ScrollBar.vertical: ScrollBar {}

        ColumnLayout {
            id: table
            width: flick.width
            spacing: Theme.spacingXs
            Repeater {
                model: root.sections
                ColumnLayout {
                    id: section
                    required property var modelData
                    required property int index
                    Layout.fillWidth: true
                    spacing: Theme.spacingXs
                    SectionTitle {
                        Layout.topMargin: section.index > 0 ? Theme.spacingM : 0
                        text: section.modelData.title
                    }
                    Repeater {
                        model: section.modelData.rows
                        RowLayout {
                            id: line
                            required property var modelData
                            Layout.fillWidth: true
                            spacing: Theme.spacingM
                            Accessible.role: Accessible.StaticText
                            Accessible.name: line.modelData[0] + ": " + line.modelData[1]
                            // The keys, as key caps.
                            Item {
                                Layout.preferredWidth: 150
                                Layout.preferredHeight: cap.implicitHeight + Theme.spacingXs
                                Rectangle {
                                    anchors.verticalCenter: parent.verticalCenter
                                    width: Math.min(parent.width, cap.implicitWidth + 2 * Theme.spacingS)
                                    height: cap.implicitHeight + Theme.spacingXs
                                    radius: Theme.radiusControl - 4
                                    color: Theme.sidebar
                                    border.color: Theme.fieldBorder
                                    Text {
                                        id: cap
                                        anchors.centerIn: parent
                                        text: line.modelData[0]
                                        color: Theme.text
                                        font.pixelSize: Theme.fontSmall
                                        font.family: "monospace"
                                    }
                                }
                            }
                            Text {
                                Layout.fillWidth: true
                                text: line.modelData[1]
                                color: Theme.text
                                font.pixelSize: Theme.fontBody - 1
                                wrapMode: Text.Wrap
                            }
                        }
                    }
                }
            }
        }
    }
}

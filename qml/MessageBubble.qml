import QtQuick
import QtQuick.Controls.Basic
import Confab.Client

// The bubble of one message: the quoted message it answers, its files, its text (or the editor
// while it is edited in place), and the meta line (time, "edited", status). Tinted for my own
// messages; its width follows the text up to `maxBubble`.
Rectangle {
    id: root

    property bool own: false
    property string body
    //! Where the body mentions someone, {start, length, me}: set apart, mentions of me more so.
    property var mentions: []
    property bool mentionsMe: false
    property bool deleted: false
    property bool edited: false
    //! Still being sent: drawn a little faded.
    property bool sending: false
    property bool editing: false
    property bool highlighted: false
    property bool hovered: false
    property bool lastInGroup: false
    property bool streaming: false
    property bool interrupted: false
    property bool showBody: true
    property bool hasFiles: false
    property bool hasQuote: false
    property var replyTo: ({})
    property var attachments: []
    property real maxBubble: Theme.bubbleMaxWidth
    property string timeText
    property string statusMark
    property color statusColor: Theme.textMuted
    property string statusName
    //! The editor had the keyboard when the edit ended (Enter, Esc): it goes home then.
    property bool editorHadKeyboard: false

    signal quoteClicked(string messageId)
    signal openAttachmentRequested(var attachment)
    signal saveAttachmentRequested(string attachmentId)
    signal editSaved(string text)
    signal editCancelled()

    //! Fills the editor with `text` and gives it the keyboard (an edit in place starts).
    function startEditing(text) {
        editor.text = text
        editor.cursorPosition = editor.length
        editor.forceActiveFocus()
    }
    //! The parts of the text as MessageFormat lays them out (messageformat.h); a tombstone once
    //! deleted; a caret at the end while the message streams in.
    function bodySegments() {
        if (root.deleted)
            return [{ type: "text", html: "<i>" + qsTr("This message was deleted") + "</i>", code: "", language: "" }]
        const parts = Array.from(MessageFormat.segments(root.body, Theme.link, root.mentions,
                                                        Theme.accent, Theme.warningSurface))
        if (root.streaming) {
            const caret = "<span style=\"color:" + Theme.accent + "\">▍</span>"
            const last = parts.length > 0 ? parts[parts.length - 1] : null
            if (last && last.type === "text")
                parts[parts.length - 1] = Object.assign({}, last, { html: last.html + caret })
            else
                parts.push({ type: "text", html: caret, code: "", language: "" })
        }
        return parts
    }

    objectName: "bubble"
    width: root.editing ? root.maxBubble
           : Math.max(root.showBody ? bodyText.width + 2 * Theme.spacingM : 0,
                    meta.implicitWidth + 2 * Theme.spacingM,
                    files.visible ? files.width + 2 * Theme.spacingS : 0,
                    quote.visible ? Math.min(quote.implicitWidth, root.maxBubble - 2 * Theme.spacingS)
                                    + 2 * Theme.spacingS : 0)
    height: (quote.visible ? quote.height + Theme.spacingS : 0)
            + (files.visible ? files.height + Theme.spacingS : 0)
            + (root.editing ? editor.height + editHint.height + Theme.spacingXs
                            : root.showBody ? bodyText.height : 0)
            + (meta.visible ? meta.implicitHeight : 0) + 2 * Theme.spacingS
    radius: Theme.radiusBubble
    color: root.own ? Theme.bubbleOwn : Theme.bubbleOther
    opacity: root.sending ? 0.85 : 1
    // A message that mentions me carries a warm edge, like its highlighted name.
    border.width: root.highlighted ? 2 : root.mentionsMe ? 1 : 0
    border.color: root.highlighted ? Theme.accent : Theme.warning

    // The message this one answers: its sender and first line; a click jumps there.
    QuoteBlock {
        id: quote
        objectName: "quote"
        visible: root.hasQuote
        x: Theme.spacingS
        y: Theme.spacingS
        width: Math.min(implicitWidth, root.maxBubble - 2 * Theme.spacingS,
                        Math.max(implicitWidth, root.width - 2 * Theme.spacingS))
        replyTo: root.replyTo
        hasQuote: root.hasQuote
        own: root.own
        onClicked: messageId => root.quoteClicked(messageId)
    }

    // Images inline (thumbnails at most 320 px), other files as cards.
    MessageAttachments {
        id: files
        objectName: "attachmentList"
        visible: root.hasFiles && !root.deleted
        x: Theme.spacingS
        y: quote.visible ? quote.y + quote.height + Theme.spacingS : Theme.spacingS
        attachments: root.attachments
        maxBubble: root.maxBubble
        own: root.own
        onOpenRequested: attachment => root.openAttachmentRequested(attachment)
        onSaveRequested: attachmentId => root.saveAttachmentRequested(attachmentId)
    }

    // The text: running text, code blocks and quotes (MessageBody).
    MessageBody {
        id: bodyText
        objectName: "bodyText"
        visible: root.showBody && !root.editing
        x: Theme.spacingM
        y: files.visible ? files.y + files.height + Theme.spacingS
           : quote.visible ? quote.y + quote.height + Theme.spacingS : Theme.spacingS
        maxWidth: root.maxBubble - 2 * Theme.spacingM
        segments: root.bodySegments()
        textColor: root.deleted ? Theme.textMuted : Theme.text
        Accessible.role: Accessible.StaticText
        Accessible.name: MessageFormat.plain(root.body)
    }

    // Edit in place: Enter saves, Shift+Enter a new line, Esc cancels.
    TextArea {
        id: editor
        objectName: "editor"
        visible: root.editing
        x: Theme.spacingS
        y: bodyText.y - Theme.spacingXs
        width: root.width - 2 * Theme.spacingS
        wrapMode: TextEdit.Wrap
        color: Theme.text
        selectionColor: Theme.accent
        selectedTextColor: Theme.textOnAccent
        font.pixelSize: Theme.fontBody
        padding: Theme.spacingXs
        Accessible.name: qsTr("Edit message")
        // Hidden at the end of the edit, it loses the keyboard: remember it had it.
        onActiveFocusChanged: {
            if (editor.activeFocus)
                root.editorHadKeyboard = true
            else if (editor.visible)
                root.editorHadKeyboard = false
        }
        background: Rectangle {
            radius: Theme.radiusControl - 2
            color: Theme.field
            border.width: 1
            border.color: editor.activeFocus ? Theme.accent : Theme.fieldBorder
        }
        Keys.onPressed: event => {
            if ((event.key === Qt.Key_Return || event.key === Qt.Key_Enter)
                    && !(event.modifiers & Qt.ShiftModifier) && editor.preeditText.length === 0) {
                root.editSaved(editor.text)
                event.accepted = true
            } else if (event.key === Qt.Key_Escape) {
                root.editCancelled()
                event.accepted = true
            }
        }
    }
    Text {
        id: editHint
        objectName: "editHint"
        visible: root.editing
        x: Theme.spacingM
        y: editor.y + editor.height + Theme.spacingXs
        text: qsTr("Enter to save · Esc to cancel")
        color: Theme.textMuted
        font.pixelSize: Theme.fontSmall - 1
    }

    MessageMeta {
        id: meta
        visible: root.lastInGroup || root.hovered || root.own || root.edited || root.streaming
                 || root.interrupted
        anchors { right: parent.right; bottom: parent.bottom
                  rightMargin: Theme.spacingM - 2; bottomMargin: Theme.spacingXs + 1 }
        own: root.own
        edited: root.edited
        streaming: root.streaming
        interrupted: root.interrupted
        showTime: root.lastInGroup || root.hovered || root.own
        timeText: root.timeText
        statusMark: root.statusMark
        statusColor: root.statusColor
        statusName: root.statusName
    }
}

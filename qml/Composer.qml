import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import QtQuick.Dialogs
import QtQuick.Templates as T
import Confab.Client

// The message field: grows to 8 lines then scrolls. Enter sends, Shift+Enter starts a new line, Tab
// moves on (it types no tab); nothing is sent while an input method is composing (Korean IME
// preedit). Ctrl+B, Ctrl+I, Ctrl+E and Ctrl+Shift+C put Markdown marks around the selection. Files come from the attach button, from drops (addFiles) and from pasting an image;
// they wait as chips in a tray.
// What it holds is the draft of one conversation (`conversationId`): load() shows another one's,
// and every change is reported (textEdited, filesEdited) so the owner keeps it with its conversation.
Rectangle {
    id: root

    //! The conversation the text and files being written belong to.
    property string conversationId
    //! While load() fills it: not an edit by the user.
    property bool loading: false

    property alias text: field.text
    property alias placeholderText: field.placeholderText
    property bool canSend: true
    readonly property bool composing: field.preeditText.length > 0
    readonly property int maxLines: 8
    //! Files waiting to be sent (the tray): path, url, name, sizeText, mime, image, error.
    readonly property DraftAttachmentModel attachments: DraftAttachmentModel { limit: root.maxAttachments }
    //! path or URL → such a map (ChatClient.describeFile); without it only the name is known.
    property var describe: null
    //! () → the path of the clipboard's image saved as a PNG, or "" (ChatClient.pasteClipboardImage).
    property var imagePaster: null
    property int maxAttachments: 10
    //! Where the file dialog starts: the Pictures folder (Settings.attachFolderUrl) in the app.
    property url attachFolder
    //! paths → the file names among them that would tell who I am (ChatClient.identifyingFileNames,
    //! blind rooms); when it names any, sending waits for a confirmation.
    property var fileCheck: null
    readonly property bool canSubmit: root.canSend && (field.text.trim().length > 0 || root.attachments.sendableCount > 0)
    //! Whom `@` offers: the conversation's members (ChatClient.members), or any model with the roles
    //! memberId, name, username and isMe.
    property var mentionSource: null
    //! Whether `@room` is offered (owners and admins, or small conversations).
    property bool allowRoomMention: false
    //! The `@` autocomplete (mentioncompleter.h): what it offers, and whom the text names.
    readonly property MentionCompleter completer: MentionCompleter {
        source: root.mentionSource
        allowRoom: root.allowRoomMention
    }

    //! `files`: the paths of the attached files; `mentions`: {memberId, room, start, length} maps.
    signal sendRequested(string text, var files, var mentions)
    //! Up in an empty composer (editing the last message is a later feature).
    signal editLastRequested()
    //! The text changed (typed, pasted, cleared after sending): drives the typing notices.
    signal textEdited(string text)
    //! The files in the tray changed: their paths or URLs.
    signal filesEdited(var files)

    //! Takes the keyboard, unless a dialog or menu has it: a popup owns it until it closes.
    function focusField() {
        if (!Keyboard.inPopup(root.Window.activeFocusItem))
            field.forceActiveFocus()
    }
    //! Shows the draft of `conversationId`: its text and files (paths or URLs).
    function load(conversationId, text, files) {
        root.loading = true
        root.conversationId = conversationId
        root.completer.reset() // whom the other conversation's draft named means nothing here
        field.text = text
        field.cursorPosition = field.length
        root.attachments.clear()
        root.addFiles(files ?? [])
        root.loading = false
    }
    //! Tells the owner what the tray holds now (not while load() fills it).
    function reportFiles() {
        if (!root.loading)
            root.filesEdited(Array.from(root.attachments.sources()))
    }
    function send() {
        if (root.composing || !root.canSubmit)
            return false
        const paths = Array.from(root.attachments.sendablePaths())
        const revealing = root.fileCheck && paths.length > 0 ? root.fileCheck(paths) : []
        if (revealing.length > 0) {
            nameWarning.names = revealing
            nameWarning.open()
            return false
        }
        return root.sendNow()
    }
    //! Sends without asking about file names (after the warning's "Send anyway").
    function sendNow() {
        if (!root.canSubmit)
            return false
        root.sendRequested(field.text, Array.from(root.attachments.sendablePaths()),
                           root.completer.mentionsFor(field.text))
        root.completer.reset()
        field.clear()
        root.attachments.clear()
        root.reportFiles()
        return true
    }
    //! Ctrl+B, Ctrl+I, Ctrl+E and Ctrl+Shift+C (ShortcutsSheet lists them): Markdown marks around
    //! the selection (taken off again when they are there already), or a pair to write between.
    function formatKey(event) {
        if (!(event.modifiers & Qt.ControlModifier) || (event.modifiers & (Qt.AltModifier | Qt.MetaModifier))
                || field.preeditText.length > 0)
            return false
        const shift = (event.modifiers & Qt.ShiftModifier) !== 0
        if (event.key === Qt.Key_B && !shift)
            root.wrapSelection("**", "**")
        else if (event.key === Qt.Key_I && !shift)
            root.wrapSelection("*", "*")
        else if (event.key === Qt.Key_E && !shift)
            root.wrapSelection("`", "`")
        else if (event.key === Qt.Key_C && shift)
            root.wrapSelection((field.selectionStart > 0 && field.getText(field.selectionStart - 1, field.selectionStart) !== "\n"
                                ? "\n" : "") + "```\n", "\n```")
        else
            return false
        return true
    }
    function wrapSelection(before, after) {
        const start = field.selectionStart
        const end = field.selectionEnd
        const inner = field.getText(start, end)
        if (start >= before.length && field.getText(start - before.length, start) === before
                && field.getText(end, end + after.length) === after && start !== end) {
            field.remove(end, end + after.length)
            field.remove(start - before.length, start)
            field.select(start - before.length, end - before.length)
            return
        }
        field.remove(start, end)
        field.insert(start, before + inner + after)
        if (start === end)
            field.cursorPosition = start + before.length
        else
            field.select(start + before.length, start + before.length + inner.length)
    }
    //! Adds files (paths or URLs) to the tray: each once, no more than maxAttachments.
    function addFiles(urls) {
        for (let i = 0; i < urls.length && !root.attachments.full; ++i) {
            const url = urls[i].toString()
            if (root.attachments.contains(url))
                continue
            // Without `describe` the model takes the name from the URL.
            root.attachments.add(root.describe ? root.describe(url) : { path: url, url: url })
        }
        root.reportFiles()
    }
    //! Puts `text` at the cursor and gives the field the keyboard (automation, tests).
    function typeText(text) {
        field.forceActiveFocus()
        field.insert(field.cursorPosition, text)
    }
    //! Puts the autocomplete's row `index` into the text as `@Name`, remembered as a mention.
    function pickMention(index) {
        const result = root.completer.pick(index, field.text, field.cursorPosition)
        field.text = result.text
        field.cursorPosition = result.cursor
        field.forceActiveFocus()
    }
    function removeAttachment(index) {
        root.attachments.remove(index)
        root.reportFiles()
        field.forceActiveFocus()
    }

    color: Theme.window
    implicitHeight: Math.min(field.implicitHeight, lineHeight.height * root.maxLines + field.topPadding
                             + field.bottomPadding) + 2 * Theme.spacingM
                    + (tray.visible ? tray.implicitHeight + Theme.spacingS : 0)

    Text { id: lineHeight; visible: false; text: "Ag"; font: field.font }

    Rectangle {
        anchors { left: parent.left; right: parent.right; top: parent.top }
        height: 1
        color: Theme.divider
    }

    // Above the composer, over the timeline's bottom.
    MentionPopup {
        id: mentionPopup
        completer: root.completer
        x: Theme.spacingL + Theme.controlHeight + 2 + Theme.spacingS
        y: -height - Theme.spacingXs
        z: 10
        width: Math.min(implicitWidth, root.width - x - Theme.spacingL)
        height: implicitHeight
        onPicked: index => root.pickMention(index)
    }

    // Blind rooms: files named after the sender would give their identity away.
    Dialog {
        id: nameWarning
        objectName: "fileNameWarning"
        property var names: []
        readonly property FocusReturn focusReturn: FocusReturn { popup: nameWarning; home: () => field.forceActiveFocus() }
        parent: T.Overlay.overlay
        anchors.centerIn: parent
        width: Math.min(460, parent ? parent.width - 2 * Theme.spacingXl : 460)
        modal: true
        focus: true
        padding: Theme.spacingXl
        title: qsTr("These file names may give you away")
        closePolicy: Popup.CloseOnEscape
        background: Rectangle {
            color: Theme.window
            radius: Theme.radiusBubble
            border.color: Theme.warning
        }
        header: Label {
            text: nameWarning.title
            color: Theme.text
            font.pixelSize: Theme.fontTitle
            font.weight: Font.DemiBold
            padding: Theme.spacingXl
            bottomPadding: 0
            wrapMode: Text.Wrap
        }
        contentItem: ColumnLayout {
            spacing: Theme.spacingM
            Label {
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                color: Theme.text
                font.pixelSize: Theme.fontBody
                text: qsTr("Everyone in this blind room sees the names of the files you send. These contain your name or username:")
            }
            Label {
                objectName: "fileNameWarningNames"
                Layout.fillWidth: true
                wrapMode: Text.WrapAnywhere
                color: Theme.text
                font.pixelSize: Theme.fontBody
                font.weight: Font.Medium
                textFormat: Text.PlainText
                text: nameWarning.names.join("\n")
            }
            Label {
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                color: Theme.textMuted
                font.pixelSize: Theme.fontBody - 1
                text: qsTr("Rename them before sending if you want to stay anonymous.")
            }
            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.spacingS
                Item { Layout.fillWidth: true }
                Button {
                    objectName: "fileNameWarningBack"
                    text: qsTr("Go back")
                    Accessible.name: text
                    focus: true
                    onClicked: {
                        nameWarning.reject()
                        field.forceActiveFocus()
                    }
                }
                Button {
                    objectName: "fileNameWarningSend"
                    text: qsTr("Send anyway")
                    Accessible.name: text
                    palette.button: Theme.warning
                    palette.buttonText: Theme.textOnAccent
                    onClicked: {
                        nameWarning.accept()
                        root.sendNow()
                        field.forceActiveFocus()
                    }
                }
            }
        }
    }

    FileDialog {
        id: fileDialog
        objectName: "attachDialog"
        title: qsTr("Attach files")
        fileMode: FileDialog.OpenFiles
        // Where Qt's own dialog starts (a desktop's native dialog keeps its own memory).
        currentFolder: root.attachFolder
        onAccepted: root.addFiles(fileDialog.selectedFiles)
    }

    // The tray: pending files as chips above the field.
    Flow {
        id: tray
        objectName: "attachmentTray"
        visible: root.attachments.count > 0
        anchors { left: parent.left; right: parent.right; top: parent.top
                  leftMargin: Theme.spacingL; rightMargin: Theme.spacingL; topMargin: Theme.spacingM }
        spacing: Theme.spacingS
        Repeater {
            model: root.attachments
            delegate: AttachmentChip {
                id: chip
                required property int index
                required name
                required sizeText
                required mime
                required image
                required url
                required error
                objectName: "attachmentChip"
                onRemoveRequested: root.removeAttachment(chip.index)
            }
        }
    }

    RowLayout {
        anchors { fill: parent; leftMargin: Theme.spacingL; rightMargin: Theme.spacingL
                  topMargin: Theme.spacingM + (tray.visible ? tray.implicitHeight + Theme.spacingS : 0)
                  bottomMargin: Theme.spacingM }
        spacing: Theme.spacingS

        IconButton {
            id: attachButton
            objectName: "attachButton"
            Layout.alignment: Qt.AlignBottom
            Layout.preferredHeight: Theme.controlHeight + 2
            Layout.preferredWidth: Theme.controlHeight + 2
            glyph: "+"
            tip: qsTr("Attach files")
            enabled: root.enabled && !root.attachments.full
            onClicked: fileDialog.open()
        }

        Rectangle {
            Layout.fillWidth: true
            Layout.fillHeight: true
            radius: Theme.radiusControl + 2
            color: Theme.field
            border.width: field.activeFocus ? 2 : 1
            border.color: field.activeFocus ? Theme.accent : Theme.fieldBorder

            ScrollView {
                id: scroller
                anchors.fill: parent
                anchors.margins: 1
                ScrollBar.horizontal.policy: ScrollBar.AlwaysOff

                TextArea {
                    id: field
                    objectName: "composerField"
                    placeholderText: qsTr("Write a message…")
                    placeholderTextColor: Theme.textMuted
                    color: Theme.text
                    selectionColor: Theme.accent
                    selectedTextColor: Theme.textOnAccent
                    wrapMode: TextEdit.Wrap
                    font.pixelSize: Theme.fontBody
                    leftPadding: Theme.spacingM
                    rightPadding: Theme.spacingM
                    topPadding: Theme.spacingS
                    bottomPadding: Theme.spacingS
                    background: null
                    enabled: root.enabled
                    Accessible.name: qsTr("Message")
                    onTextChanged: {
                        if (!root.loading)
                            root.textEdited(field.text)
                        root.completer.update(field.text, field.cursorPosition)
                    }
                    onCursorPositionChanged: root.completer.update(field.text, field.cursorPosition)
                    // Esc closes the `@` list before any window shortcut for Esc sees it.
                    Keys.onShortcutOverride: event => {
                        if (root.completer.active && event.key === Qt.Key_Escape)
                            event.accepted = true
                    }

                    Keys.onPressed: event => {
                        // The `@` list, while it shows, has Up/Down, Tab/Enter and Esc.
                        if (root.completer.active && field.preeditText.length === 0) {
                            if (event.key === Qt.Key_Up) {
                                root.completer.moveUp()
                                event.accepted = true
                                return
                            } else if (event.key === Qt.Key_Down) {
                                root.completer.moveDown()
                                event.accepted = true
                                return
                            } else if (event.key === Qt.Key_Tab || event.key === Qt.Key_Return
                                       || event.key === Qt.Key_Enter) {
                                root.pickMention(root.completer.currentIndex)
                                event.accepted = true
                                return
                            } else if (event.key === Qt.Key_Escape) {
                                root.completer.close()
                                event.accepted = true
                                return
                            }
                        }
                        if (event.key === Qt.Key_Return || event.key === Qt.Key_Enter) {
                            if (field.preeditText.length > 0)
                                return // the IME commits its text first
                            if (event.modifiers & Qt.ShiftModifier) {
                                field.insert(field.cursorPosition, "\n")
                            } else {
                                root.send()
                            }
                            event.accepted = true
                        } else if (event.matches(StandardKey.Paste) && root.imagePaster) {
                            // An image on the clipboard becomes a file in the tray; text pastes as text.
                            const path = root.imagePaster()
                            if (path && path.length > 0) {
                                root.addFiles([path])
                                event.accepted = true
                            }
                        } else if (event.key === Qt.Key_Tab || event.key === Qt.Key_Backtab) {
                            // Tab moves the keyboard on (Send, then the conversation list), Shift+Tab
                            // back (the attach button): a chat message has no use for tab characters.
                            const forward = event.key === Qt.Key_Tab && !(event.modifiers & Qt.ShiftModifier)
                            const next = field.nextItemInFocusChain(forward)
                            if (next)
                                next.forceActiveFocus(forward ? Qt.TabFocusReason : Qt.BacktabFocusReason)
                            event.accepted = true
                        } else if (root.formatKey(event)) {
                            event.accepted = true
                        } else if (event.key === Qt.Key_Up && field.length === 0) {
                            root.editLastRequested()
                            event.accepted = true
                        }
                    }
                }
            }
        }

        Button {
            id: sendButton
            objectName: "sendButton"
            Layout.alignment: Qt.AlignBottom
            Layout.preferredHeight: Theme.controlHeight + 2
            text: qsTr("Send")
            enabled: root.canSubmit
            Accessible.name: qsTr("Send message")
            focusPolicy: Qt.TabFocus
            leftPadding: Theme.spacingL
            rightPadding: Theme.spacingL
            contentItem: Text {
                text: sendButton.text
                color: sendButton.enabled ? Theme.textOnAccent : Theme.textMuted
                font.pixelSize: Theme.fontBody
                font.weight: Font.DemiBold
                horizontalAlignment: Text.AlignHCenter
                verticalAlignment: Text.AlignVCenter
            }
            background: Rectangle {
                radius: Theme.radiusControl
                color: !sendButton.enabled ? Theme.hover
                     : sendButton.down ? Qt.darker(Theme.accent, 1.15) : Theme.accent
                FocusRing { shown: sendButton.visualFocus }
            }
            Keys.onReturnPressed: sendButton.clicked()
            Keys.onEnterPressed: sendButton.clicked()
            onClicked: {
                root.send()
                field.forceActiveFocus()
            }
        }
    }
}

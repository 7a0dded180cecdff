import QtQuick
import QtTest
import Confab.Client
import Confab.UI

// Formatted messages in the bubble (bold, italic, code, code blocks, quotes, lists), raw HTML and
// images shown as text, and the composer's formatting keys.
Item {
    id: root
    width: 800
    height: 600

    Component {
        id: delegate
        MessageDelegate {
            width: root.width
        }
    }
    Component {
        id: composerComponent
        Composer {
            width: root.width
            height: implicitHeight
        }
    }
    // Reads the clipboard back: what the copy button put there.
    TextEdit { id: pasteTarget; visible: false }

    TestCase {
        name: "Formatting"
        when: windowShown

        function make(body, mentions) {
            const item = createTemporaryObject(delegate, root, {
                index: 0, messageId: "m1", clientId: "c1", seq: 7, senderId: "u2", senderName: "Joon Lee",
                body: body, timeText: "10:41", edited: false, deleted: false, own: false,
                status: MessageListModel.Sent, readCount: 0, firstInGroup: true, lastInGroup: true,
                dayStart: false, dayText: "", errorText: "", avatarColor: "#1D4ED8", initials: "JL",
                attachments: [], reactions: [], replyTo: ({}), streamState: "", replyCount: 0, mentions: mentions || [],
                mentionsMe: (mentions || []).some(m => m.me), system: false, systemText: "", senderBot: false, forwarded: false, senderBlocked: false, collapsed: false
            })
            verify(item)
            waitForRendering(item)
            return item
        }
        //! What a text part shows, as plain text.
        function shown(part) {
            return part.getText(0, part.length)
        }

        function test_formattingRendered() {
            const item = make("**bold**, *italic*, ~~gone~~ and `code`")
            const part = findChild(item, "textPart")
            verify(part)
            verify(part.html.indexOf("<b>bold</b>") >= 0, part.html)
            verify(part.html.indexOf("<i>italic</i>") >= 0, part.html)
            verify(part.html.indexOf("<s>gone</s>") >= 0, part.html)
            verify(part.html.indexOf("<code>code</code>") >= 0, part.html)
            // As the text view holds it: bold, italic, struck through, monospace.
            verify(part.text.indexOf("font-weight:700;\">bold") >= 0, part.text)
            verify(part.text.indexOf("font-style:italic;\">italic") >= 0, part.text)
            verify(part.text.indexOf("line-through;\">gone") >= 0, part.text)
            verify(part.text.indexOf("monospace") >= 0, part.text)
            compare(shown(part), "bold, italic, gone and code")
        }

        function test_mentionsKeepTheFormatting() {
            // "**Look** @Mina, `code`": the mention is set apart and the Markdown around it renders.
            const item = make("**Look** @Mina, `code`", [{ start: 9, length: 5, me: true }])
            const part = findChild(item, "textPart")
            verify(part.html.indexOf("<b>Look</b>") >= 0, part.html)
            verify(part.html.indexOf("<code>code</code>") >= 0, part.html)
            verify(part.html.indexOf("font-weight:600;background-color:") >= 0, part.html)
            compare(shown(part), "Look @Mina, code")
        }

        function test_rawHtmlShownAsText() {
            const item = make("<b>not bold</b> <img src=\"https://example.org/x.png\">")
            const part = findChild(item, "textPart")
            // The tags are there to read, character for character; nothing is bold, no image loads.
            compare(shown(part), "<b>not bold</b> <img src=\"https://example.org/x.png\">")
            verify(part.text.indexOf("<img") < 0, part.text)
            verify(part.text.indexOf("<b>") < 0, part.text)
        }

        function test_imagesAreNeverLoaded() {
            const item = make("![a cat](https://example.org/cat.png)")
            const part = findChild(item, "textPart")
            compare(shown(part), "a cat")
            verify(part.text.indexOf("<img") < 0, part.text)
        }

        function test_javascriptLinkIsText() {
            const item = make("[click me](javascript:alert(1)) and [ok](https://example.org)")
            const part = findChild(item, "textPart")
            compare(shown(part), "click me and ok")
            verify(part.text.indexOf("javascript") < 0, part.text)
            verify(part.text.indexOf("href=\"https://example.org\"") >= 0, part.text)
        }

        function test_codeBlockScrollsAndCopies() {
            const longLine = "const answer = " + "x + ".repeat(60) + "42;"
            const item = make("Look:\n\n```js\n" + longLine + "\n```\n\ndone")
            const code = findChild(item, "codePart")
            verify(code)
            compare(code.language, "js")
            const text = findChild(code, "codeText")
            compare(text.text, longLine)
            compare(text.font.family, Theme.fontMono)
            // Wider than the bubble: the box keeps the bubble's width and scrolls sideways.
            const scroller = findChild(code, "codeScroller")
            verify(code.width <= findChild(item, "bubble").width)
            verify(scroller.contentWidth > scroller.width, scroller.contentWidth + " " + scroller.width)
            mouseClick(findChild(code, "copyCodeButton"))
            pasteTarget.text = ""
            pasteTarget.paste()
            compare(pasteTarget.text, longLine)
            // The text around it stays text.
            const parts = findChild(item, "bodyText")
            compare(parts.segments.length, 3)
        }

        function test_quoteAndList() {
            const item = make("> what they said\n\n- one\n- two")
            const quote = findChild(item, "quotePart")
            verify(quote)
            const parts = findChild(item, "bodyText")
            compare(parts.segments[0].type, "quote")
            compare(parts.segments[1].type, "text")
            verify(parts.segments[1].html.indexOf("• one") >= 0)
        }

        function test_composerKeysWrapTheSelection() {
            const c = createTemporaryObject(composerComponent, root)
            const field = findChild(c, "composerField")
            c.focusField()
            tryVerify(() => field.activeFocus)
            c.text = "make this bold"
            field.select(10, 14)
            keyClick(Qt.Key_B, Qt.ControlModifier)
            compare(c.text, "make this **bold**")
            compare(field.selectedText, "bold")
            // Again: the marks come off.
            keyClick(Qt.Key_B, Qt.ControlModifier)
            compare(c.text, "make this bold")
            field.select(0, 4)
            keyClick(Qt.Key_I, Qt.ControlModifier)
            compare(c.text, "*make* this bold")
            field.select(7, 11)
            keyClick(Qt.Key_E, Qt.ControlModifier)
            compare(c.text, "*make* `this` bold")
            // Nothing selected: a pair of marks with the cursor between.
            c.text = "x "
            field.cursorPosition = 2
            keyClick(Qt.Key_B, Qt.ControlModifier)
            keyClick("y")
            compare(c.text, "x **y**")
            // A code block goes on lines of its own.
            c.text = "see"
            field.cursorPosition = 3
            keyClick(Qt.Key_C, Qt.ControlModifier | Qt.ShiftModifier)
            keyClick("z")
            compare(c.text, "see\n```\nz\n```")
        }
    }
}

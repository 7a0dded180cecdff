import QtQuick
import QtTest
import Confab.Client
import Confab.UI

// The composer's `@` autocomplete by keyboard (Up/Down, Tab/Enter, Esc) and mouse, and the
// structured mentions a send carries: found in the final text, so typing after a pick is harmless.
Item {
    id: root
    width: 900
    height: 600

    ListModel {
        id: people
        ListElement { memberId: "u1"; name: "Mina Park"; username: "mina"; isMe: true; alias: false; aliasName: "" }
        ListElement { memberId: "u2"; name: "Joon Lee"; username: "joon"; isMe: false; alias: false; aliasName: "" }
        ListElement { memberId: "u3"; name: "Jiho Kim"; username: "jiho"; isMe: false; alias: false; aliasName: "" }
        ListElement { memberId: "u4"; name: "Sora Choi"; username: "sora"; isMe: false; alias: false; aliasName: "" }
    }
    // A blind room: Joon revealed his name to me, but the list (and the text) use his alias.
    ListModel {
        id: blindPeople
        ListElement { memberId: "a_1"; name: "Joon Lee"; username: "joon"; isMe: false; alias: true; aliasName: "Quiet Otter" }
    }

    Composer {
        id: composer
        anchors { left: parent.left; right: parent.right; bottom: parent.bottom }
        height: 80
        mentionSource: people
        allowRoomMention: true
    }
    SignalSpy { id: sendSpy; target: composer; signalName: "sendRequested" }

    TestCase {
        name: "MentionCompleter"
        when: windowShown

        function field() { return findChild(composer, "composerField") }
        function popup() { return findChild(composer, "mentionPopup") }
        function type(text) {
            for (const c of text)
                keyClick(c)
        }
        function init() {
            composer.mentionSource = people
            composer.load("c1", "", [])
            sendSpy.clear()
            field().forceActiveFocus()
        }

        function test_keyboardPicksAndSends() {
            type("Hi @j")
            verify(composer.completer.active)
            verify(popup().visible)
            compare(composer.completer.count, 2) // Joon Lee, Jiho Kim; never me
            compare(composer.completer.currentIndex, 0)
            keyClick(Qt.Key_Down)
            compare(composer.completer.currentIndex, 1)
            keyClick(Qt.Key_Up)
            keyClick(Qt.Key_Up) // wraps around
            compare(composer.completer.currentIndex, 1)
            keyClick(Qt.Key_Tab)
            compare(composer.text, "Hi @Jiho Kim ")
            verify(!composer.completer.active)
            verify(!popup().visible)
            verify(field().activeFocus) // Tab picked, it did not move the keyboard on

            // Esc closes the list and keeps the text; the same `@word` stays closed.
            type("and @")
            verify(composer.completer.active)
            compare(composer.completer.count, 4) // three people and @room
            keyClick(Qt.Key_Escape)
            verify(!composer.completer.active)
            compare(composer.text, "Hi @Jiho Kim and @")
            verify(field().activeFocus)
            type("s")
            verify(!composer.completer.active)
            // A new `@word` opens it again; Enter picks, it does not send.
            type(" @so")
            verify(composer.completer.active)
            compare(composer.completer.count, 1)
            keyClick(Qt.Key_Return)
            compare(sendSpy.count, 0)
            compare(composer.text, "Hi @Jiho Kim and @s @Sora Choi ")

            // Typed in front of the mentions after picking: the ranges follow the text.
            field().cursorPosition = 0
            type("Oh. ")
            field().cursorPosition = field().length
            keyClick(Qt.Key_Return)
            compare(sendSpy.count, 1)
            const text = sendSpy.signalArguments[0][0]
            const mentions = sendSpy.signalArguments[0][2]
            compare(text, "Oh. Hi @Jiho Kim and @s @Sora Choi ")
            compare(mentions.length, 2)
            compare(mentions[0].memberId, "u3")
            compare(mentions[0].start, 7)
            compare(mentions[0].length, 9)
            compare(mentions[1].memberId, "u4")
            compare(text.substr(mentions[1].start, mentions[1].length), "@Sora Choi")
            verify(!mentions[0].room)
        }

        function test_mousePicksRoom() {
            type("@r")
            compare(composer.completer.count, 1)
            const row = findChild(popup(), "mentionRow")
            verify(row)
            mouseClick(row)
            compare(composer.text, "@room ")
            verify(field().activeFocus)
            keyClick(Qt.Key_Return)
            compare(sendSpy.count, 1)
            const mentions = sendSpy.signalArguments[0][2]
            compare(mentions.length, 1)
            verify(mentions[0].room)
            compare(mentions[0].start, 0)
            compare(mentions[0].length, 5)
        }

        function test_noListInsideAWordOrAnAddress() {
            type("mail mina@j")
            verify(!composer.completer.active)
            verify(!popup().visible)
        }

        function test_blindRoomOffersAliasesOnly() {
            composer.mentionSource = blindPeople
            type("@")
            compare(composer.completer.count, 2) // the alias and @room
            keyClick(Qt.Key_Return)
            compare(composer.text, "@Quiet Otter ")
            // A deleted pick is no mention: the text alone decides.
            composer.text = "no one here"
            field().cursorPosition = field().length
            keyClick(Qt.Key_Return)
            compare(sendSpy.signalArguments[0][2].length, 0)
        }
    }
}

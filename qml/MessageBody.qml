import QtQuick
import QtQuick.Controls.Basic
import Confab.Client

// A message's text as MessageFormat lays it out (messageformat.h): running text as rich text
// (bold, italic, strikethrough, code, links, lists), code blocks in a monospace box that scrolls
// sideways and has a copy button, and quotes with a bar on their left. Its width follows the
// widest part, up to maxWidth. The rich text comes from C++ and is safe as it is: shown, not built.
Column {
    id: root

    //! MessageFormat.segments(): [{type: "text" | "code" | "quote", html, code, language}].
    property var segments: []
    property real maxWidth: Theme.bubbleMaxWidth
    property color textColor: Theme.text
    //! Every part in one string (the rich text of text and quotes, code as written).
    readonly property string text: Array.from(root.segments ?? [])
                                   .map(s => s.type === "code" ? s.code : s.html).join("\n")

    spacing: Theme.spacingXs

    // Rich text that wraps at maxWidth and is only as wide as it needs to be.
    component RichPart: TextEdit {
        id: rich
        property string html
        property real maxWidth
        width: Math.min(Math.ceil(measure.implicitWidth) + 1, rich.maxWidth)
        text: rich.html
        textFormat: TextEdit.RichText
        wrapMode: TextEdit.Wrap
        readOnly: true
        selectByMouse: true
        persistentSelection: false
        color: Theme.text
        selectionColor: Theme.accent
        selectedTextColor: Theme.textOnAccent
        font.pixelSize: Theme.fontBody
        activeFocusOnPress: false
        onLinkActivated: link => Qt.openUrlExternally(link)
        Text {
            id: measure
            visible: false
            text: rich.html
            textFormat: Text.RichText
            font: rich.font
        }
        HoverHandler {
            enabled: rich.hoveredLink.length > 0
            cursorShape: Qt.PointingHandCursor
        }
    }

    Repeater {
        model: root.segments
        delegate: Loader {
            id: part
            required property var modelData
            required property int index
            sourceComponent: part.modelData.type === "code" ? codeBlock
                           : part.modelData.type === "quote" ? quoteBlock : textBlock
        }
    }

    Component {
        id: textBlock
        RichPart {
            objectName: "textPart"
            html: parent ? parent.modelData.html : ""
            maxWidth: root.maxWidth
            color: root.textColor
        }
    }

    Component {
        id: quoteBlock
        Item {
            id: quote
            objectName: "quotePart"
            width: quoteText.width + Theme.spacingS + 3
            height: quoteText.height
            Rectangle {
                width: 3
                height: parent.height
                radius: 1.5
                color: Theme.textMuted
                opacity: 0.6
            }
            RichPart {
                id: quoteText
                x: Theme.spacingS + 3
                html: quote.parent ? quote.parent.modelData.html : ""
                maxWidth: root.maxWidth - x
                color: Theme.textMuted
            }
        }
    }

    // Code as written, in a box of its own: long lines scroll sideways instead of wrapping.
    Component {
        id: codeBlock
        Rectangle {
            id: block
            objectName: "codePart"
            readonly property string code: parent ? parent.modelData.code : ""
            readonly property string language: parent ? parent.modelData.language : ""
            width: Math.min(code.implicitWidth + 2 * Theme.spacingS + copyButton.width, root.maxWidth)
            height: Math.max(flick.height, copyButton.height) + 2 * Theme.spacingXs
            radius: Theme.radiusControl - 2
            color: Theme.codeSurface
            border.width: 1
            border.color: Theme.divider
            Accessible.role: Accessible.StaticText
            Accessible.name: block.language.length > 0 ? qsTr("Code (%1): %2").arg(block.language).arg(block.code)
                                                       : qsTr("Code: %1").arg(block.code)

            Flickable {
                id: flick
                objectName: "codeScroller"
                x: Theme.spacingS
                y: Theme.spacingXs
                width: block.width - 2 * Theme.spacingS - copyButton.width
                height: code.implicitHeight + (bar.visible ? bar.height + 2 : 0)
                contentWidth: code.implicitWidth
                contentHeight: code.implicitHeight
                clip: true
                flickableDirection: Flickable.HorizontalFlick
                boundsBehavior: Flickable.StopAtBounds
                ScrollBar.horizontal: ScrollBar {
                    id: bar
                    policy: flick.contentWidth > flick.width ? ScrollBar.AlwaysOn : ScrollBar.AlwaysOff
                    visible: flick.contentWidth > flick.width
                }
                TextEdit {
                    id: code
                    objectName: "codeText"
                    text: block.code
                    textFormat: TextEdit.PlainText
                    readOnly: true
                    selectByMouse: true
                    activeFocusOnPress: false
                    color: Theme.text
                    selectionColor: Theme.accent
                    selectedTextColor: Theme.textOnAccent
                    font.family: Theme.fontMono
                    font.pixelSize: Theme.fontBody - 1
                }
            }
            ToolButton {
                id: copyButton
                objectName: "copyCodeButton"
                anchors { right: parent.right; top: parent.top; margins: 2 }
                text: qsTr("Copy")
                font.pixelSize: Theme.fontSmall - 1
                padding: Theme.spacingXs
                focusPolicy: Qt.StrongFocus
                Accessible.name: qsTr("Copy code")
                ToolTip.visible: hovered
                ToolTip.delay: 600
                ToolTip.text: qsTr("Copy code")
                contentItem: Text {
                    text: copyButton.text
                    color: Theme.textMuted
                    font: copyButton.font
                }
                background: Rectangle {
                    radius: 4
                    color: copyButton.down ? Theme.selected : copyButton.hovered ? Theme.hover : "transparent"
                    FocusRing { shown: copyButton.visualFocus }
                }
                onClicked: MessageFormat.copy(block.code)
            }
        }
    }
}

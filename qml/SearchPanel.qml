import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

// Search across conversations (or the open one): a query field and the hits, best first, with
// the matching parts highlighted. A click opens the message in its conversation. In `mentionsMode`
// the same list shows the messages that mention me, newest first (SearchResultModel::showMentions).
Rectangle {
    id: root

    //! A SearchResultModel (search(query, conversationId), loadMore(), busy, error, query).
    property var results: null
    //! The open conversation, for "only this conversation".
    property string conversationId
    property string conversationTitle
    //! The "Mentions" view: no query, the hits are the messages that mention me.
    property bool mentionsMode: false

    signal closeRequested()
    signal resultChosen(string conversationId, string messageId)

    function focusField() {
        field.forceActiveFocus()
        field.selectAll()
    }
    function searchFor(text) {
        field.text = text
        root.run()
    }
    function run() {
        if (root.results)
            root.results.search(field.text, onlyHere.checked ? root.conversationId : "")
    }
    // The snippet as styled text: escaped, each highlight range in bold accent colour.
    function highlighted(snippet, ranges) {
        const esc = t => t.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
        let out = ""
        let at = 0
        for (const r of ranges ?? []) {
            if (r.start < at)
                continue
            out += esc(snippet.substring(at, r.start))
            out += "<b><font color=\"" + Theme.accent + "\">" + esc(snippet.substr(r.start, r.length)) + "</font></b>"
            at = r.start + r.length
        }
        return (out + esc(snippet.substring(at))).replace(/\n/g, " ")
    }

    color: Theme.sidebar
    Keys.onEscapePressed: root.closeRequested()

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
            Label {
                Layout.fillWidth: true
                objectName: "searchTitle"
                text: root.mentionsMode ? qsTr("Mentions") : qsTr("Search")
                color: Theme.text
                font.pixelSize: Theme.fontTitle
                font.weight: Font.DemiBold
            }
            IconButton {
                objectName: "closeSearch"
                glyph: "✕"
                tip: root.mentionsMode ? qsTr("Close mentions") : qsTr("Close search")
                onClicked: root.closeRequested()
            }
        }
        TextField {
            id: field
            objectName: "searchField"
            Layout.fillWidth: true
            Layout.leftMargin: Theme.spacingM
            Layout.rightMargin: Theme.spacingM
            visible: !root.mentionsMode
            placeholderText: qsTr("Search messages…")
            Accessible.name: qsTr("Search messages")
            color: Theme.text
            placeholderTextColor: Theme.textMuted
            background: Rectangle {
                radius: Theme.radiusControl
                color: Theme.field
                border.color: field.activeFocus ? Theme.accent : Theme.fieldBorder
            }
            onAccepted: root.run()
            onTextEdited: debounce.restart()
            Keys.onEscapePressed: root.closeRequested()
        }
        // Results follow the typing, after a short pause.
        Timer { id: debounce; interval: 300; onTriggered: root.run() }
        CheckBox {
            id: onlyHere
            objectName: "onlyHere"
            Layout.leftMargin: Theme.spacingS
            visible: root.conversationId.length > 0 && !root.mentionsMode
            text: qsTr("Only in %1").arg(root.conversationTitle)
            Accessible.name: text
            font.pixelSize: Theme.fontSmall
            contentItem: Text {
                leftPadding: onlyHere.indicator.width + onlyHere.spacing
                text: onlyHere.text
                color: Theme.textMuted
                font: onlyHere.font
                elide: Text.ElideRight
                verticalAlignment: Text.AlignVCenter
            }
            onToggled: root.run()
        }
        Text {
            objectName: "searchStatus"
            Layout.fillWidth: true
            Layout.margins: Theme.spacingM
            visible: text.length > 0
            wrapMode: Text.Wrap
            color: root.results && root.results.error.length > 0 ? Theme.danger : Theme.textMuted
            font.pixelSize: Theme.fontSmall
            text: !root.results ? ""
                  : root.results.error.length > 0 ? root.results.error
                  : root.results.busy && root.results.count === 0
                    ? (root.mentionsMode ? qsTr("Loading…") : qsTr("Searching…"))
                  : root.mentionsMode && root.results.count === 0 ? qsTr("Nobody has mentioned you yet")
                  : root.results.query.length > 0 && root.results.count === 0 ? qsTr("No messages found")
                  : ""
        }
        ListView {
            id: list
            objectName: "searchResults"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: root.results
            Accessible.role: Accessible.List
            Accessible.name: root.mentionsMode ? qsTr("Mentions of you") : qsTr("Search results")
            ScrollBar.vertical: ScrollBar { policy: ScrollBar.AsNeeded }
            onAtYEndChanged: if (atYEnd && root.results && root.results.canLoadMore) root.results.loadMore()
            delegate: ItemDelegate {
                id: hit
                required property string conversationId
                required property string conversationTitle
                required property string messageId
                required property string senderName
                required property string snippet
                required property var highlights
                required property string timeText
                objectName: "searchHit"
                width: ListView.view.width
                padding: Theme.spacingM
                Accessible.name: qsTr("%1 in %2: %3").arg(hit.senderName).arg(hit.conversationTitle).arg(hit.snippet)
                background: Rectangle { color: hit.hovered || hit.visualFocus ? Theme.hover : "transparent" }
                contentItem: Column {
                    spacing: 2
                    RowLayout {
                        width: parent.width
                        Text {
                            Layout.fillWidth: true
                            text: hit.conversationTitle
                            color: Theme.text
                            font.pixelSize: Theme.fontSmall
                            font.weight: Font.DemiBold
                            elide: Text.ElideRight
                            textFormat: Text.PlainText
                        }
                        Text {
                            text: hit.timeText
                            color: Theme.textMuted
                            font.pixelSize: Theme.fontSmall - 1
                        }
                    }
                    Text {
                        width: parent.width
                        text: hit.senderName
                        color: Theme.textMuted
                        font.pixelSize: Theme.fontSmall
                        elide: Text.ElideRight
                        textFormat: Text.PlainText
                    }
                    Text {
                        objectName: "hitSnippet"
                        width: parent.width
                        text: root.highlighted(hit.snippet, hit.highlights)
                        textFormat: Text.StyledText
                        color: Theme.text
                        font.pixelSize: Theme.fontBody - 1
                        wrapMode: Text.Wrap
                        maximumLineCount: 3
                        elide: Text.ElideRight
                    }
                }
                onClicked: root.resultChosen(hit.conversationId, hit.messageId)
            }
        }
    }
}

import QtQuick
import QtQuick.Controls.Basic

// The people a username field may mean, from the server's directory (ChatClient.directory, a
// PeopleDirectory): under the field, while what is typed finds someone. The field keeps the keyboard:
// Up/Down move the highlight, Enter picks (the field calls moveBy() and pick(), see
// NewConversationDialog.qml); a click picks too. With `list`, the field holds several usernames
// separated by commas and only the last one is completed. Bots and disabled accounts are marked.
Rectangle {
    id: root

    //! The TextField this completes.
    required property Item field
    //! A PeopleDirectory (or anything with its roles, `query`, `count` and `get(row)`); null: nothing shown.
    property var directory: null
    //! The field holds a comma-separated list: complete its last entry.
    property bool list: false
    //! The highlighted row, -1 for none.
    property int currentIndex: -1

    //! A row was picked: the field's text already names them.
    signal picked(string username)

    //! What of the field's text is being completed.
    function typed() {
        const text = root.field.text
        const part = root.list ? text.slice(text.lastIndexOf(",") + 1) : text
        return part.trim().replace(/^@/, "")
    }
    //! Up (-1) and Down (+1) from the field; false when there is nothing to move in.
    function moveBy(step) {
        if (!root.visible || listView.count === 0)
            return false
        root.currentIndex = (root.currentIndex + step + listView.count) % listView.count
        return true
    }
    //! Enter from the field: true when a highlighted row was picked (the field then does not submit).
    function pick(row) {
        const index = row === undefined ? root.currentIndex : row
        if (!root.visible || index < 0 || !root.directory)
            return false
        const person = root.directory.get(index)
        if (!person || !person.username)
            return false
        // A copy: the row goes once the field's new text empties the query.
        const picked = String(person.username)
        const text = root.field.text
        const head = root.list ? text.slice(0, text.lastIndexOf(",") + 1) : ""
        root.field.text = (head.length > 0 ? head.trim() + " " : "") + picked + (root.list ? ", " : "")
        root.field.cursorPosition = root.field.text.length
        root.dismissed = root.typed()
        root.currentIndex = -1
        root.picked(picked)
        return true
    }

    // What was just picked is not offered again until the text changes.
    property string dismissed: ""
    readonly property string query: root.field.activeFocus && root.typed() !== root.dismissed ? root.typed() : ""
    onQueryChanged: {
        root.currentIndex = -1
        if (root.directory)
            root.directory.query = root.query
    }

    objectName: "peopleSuggestions"
    visible: root.directory !== null && root.query.length > 0 && (listView.count > 0 || message.text.length > 0)
    // From the count, not the view's contentHeight: a view of no height makes no rows to measure.
    implicitHeight: Math.min(listView.count, 6) * Theme.controlHeight
                    + (message.visible ? message.implicitHeight + Theme.spacingS : 0) + 2 * Theme.spacingXs
    implicitWidth: 320
    radius: Theme.radiusControl
    color: Theme.window
    border.color: Theme.fieldBorder
    z: 10
    Accessible.role: Accessible.List
    Accessible.name: qsTr("People found")

    Label {
        id: message
        objectName: "peopleSuggestionsMessage"
        visible: text.length > 0
        anchors { left: parent.left; right: parent.right; top: parent.top; margins: Theme.spacingS }
        text: root.directory && root.directory.error ? root.directory.error
            : root.directory && !root.directory.busy && listView.count === 0 ? qsTr("Nobody found")
            : ""
        color: Theme.textMuted
        font.pixelSize: Theme.fontSmall
        wrapMode: Text.Wrap
    }

    ListView {
        id: listView
        objectName: "peopleSuggestionsList"
        anchors { fill: parent; margins: Theme.spacingXs }
        interactive: count > 6
        clip: true
        model: root.directory
        currentIndex: root.currentIndex
        delegate: Rectangle {
            id: row
            required property int index
            required property string name
            required property string username
            required property bool bot
            required property bool disabled
            objectName: "peopleSuggestionRow"
            width: ListView.view.width
            height: Theme.controlHeight
            radius: Theme.radiusControl - 2
            color: row.ListView.isCurrentItem ? Theme.selected : hover.hovered ? Theme.hover : "transparent"
            opacity: row.disabled ? 0.6 : 1
            Accessible.role: Accessible.ListItem
            Accessible.name: row.name + " @" + row.username + (row.bot ? ", " + qsTr("bot") : "")
                             + (row.disabled ? ", " + qsTr("disabled") : "")

            Text {
                id: nameText
                anchors { left: parent.left; leftMargin: Theme.spacingS; verticalCenter: parent.verticalCenter }
                width: Math.min(implicitWidth, row.width * 0.5)
                text: row.name
                color: Theme.text
                font.pixelSize: Theme.fontBody
                font.weight: Font.Medium
                elide: Text.ElideRight
                textFormat: Text.PlainText
            }
            Text {
                anchors { left: nameText.right; leftMargin: Theme.spacingS; right: mark.left
                          rightMargin: Theme.spacingS; verticalCenter: parent.verticalCenter }
                text: "@" + row.username
                color: Theme.textMuted
                font.pixelSize: Theme.fontSmall
                elide: Text.ElideRight
                textFormat: Text.PlainText
            }
            Label {
                id: mark
                objectName: "peopleSuggestionMark"
                anchors { right: parent.right; rightMargin: Theme.spacingS; verticalCenter: parent.verticalCenter }
                visible: text.length > 0
                text: row.disabled ? qsTr("Disabled") : row.bot ? qsTr("Bot") : ""
                color: row.disabled ? Theme.danger : Theme.textMuted
                font.pixelSize: Theme.fontSmall
                leftPadding: Theme.spacingXs
                rightPadding: Theme.spacingXs
                background: Rectangle { color: Theme.sidebar; radius: Theme.radiusControl / 2 }
            }
            HoverHandler { id: hover }
            // On press, not on release: the row must still be there (the field keeps the keyboard).
            MouseArea {
                anchors.fill: parent
                onPressed: root.pick(row.index)
            }
        }
    }
}

import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Templates as T
import QtQuick.Layouts

// Start a direct chat by username, a group with a title and comma-separated usernames, a blind
// room (BlindRoomForm: members in groups A and B, who sees whose name and when), or a matching:
// several blind rooms at once out of one pool of people (MatchingForm).
// It stays open until the conversation is there (succeeded()) or shows why not under the field
// (failed()), with what was typed still in it. The username fields suggest people from the server's
// directory as one types (PeopleSuggestions, when `directory` is given).
Dialog {
    id: root

    //! Why the last attempt failed, or empty.
    property string error
    //! A request is out: succeeded() closes the dialog.
    property bool waiting: false
    //! () => void: where the keyboard goes on closing when the item that had it is gone.
    property var keyboardHome: null
    //! ChatClient.directory (a PeopleDirectory): suggestions under the username fields; null: none.
    property var directory: null
    readonly property FocusReturn focusReturn: FocusReturn { popup: root; home: root.keyboardHome }

    signal directRequested(string username)
    signal groupRequested(string title, var usernames)
    //! `setup`: BlindRoomForm.setup(), what ChatClient.createBlindRoom takes.
    signal blindRequested(var setup)
    //! `setup`: MatchingForm.setup(), what ChatClient.matching.create takes.
    signal matchRequested(var setup)

    //! Opens on the blind room page, filled in with example people (screenshots).
    function showBlindExample() {
        root.exampleOnOpen = true
        open()
    }
    property bool exampleOnOpen: false
    //! Opens on the matching page, filled in with twelve example people (screenshots).
    function showMatchingExample() {
        root.matchingExampleOnOpen = true
        open()
    }
    property bool matchingExampleOnOpen: false

    //! Opens on "Direct message" with `text` typed as the username: its suggestions show (screenshots).
    function showDirectQuery(text) {
        open()
        username.text = text
        username.cursorPosition = text.length
    }

    //! The conversation asked for is open: the dialog is done.
    function succeeded() {
        if (!root.waiting)
            return
        root.waiting = false
        root.close()
    }
    //! It did not work: the reason under the field, the text kept and selected to retype.
    function failed(message) {
        if (!root.waiting)
            return
        root.waiting = false
        root.error = message
        if (root.isBlind) {
            blindForm.focusTitle()
            return
        }
        if (root.isMatching) {
            matchingForm.focusTitle()
            return
        }
        const field = root.isGroup ? groupMembers : username
        field.forceActiveFocus()
        field.selectAll()
    }

    readonly property bool isGroup: tabs.currentIndex === 1
    readonly property bool isBlind: tabs.currentIndex === 2
    readonly property bool isMatching: tabs.currentIndex === 3
    readonly property bool ready: root.isMatching ? matchingForm.ready
                                 : root.isBlind ? blindForm.ready
                                 : root.isGroup ? groupTitle.text.trim().length > 0
                                 : username.text.trim().length > 0

    function usernames() {
        return groupMembers.text.split(/[,\s]+/).map(s => s.trim().replace(/^@/, "")).filter(s => s.length > 0)
    }
    function submit() {
        if (!root.ready)
            return
        root.error = ""
        root.waiting = true
        if (root.isMatching)
            root.matchRequested(matchingForm.setup())
        else if (root.isBlind)
            root.blindRequested(blindForm.setup())
        else if (root.isGroup)
            root.groupRequested(groupTitle.text.trim(), root.usernames())
        else
            root.directRequested(username.text.trim().replace(/^@/, ""))
    }

    title: qsTr("New conversation")
    modal: true
    focus: true
    width: root.isBlind || root.isMatching ? Math.min(860, parent ? parent.width - 2 * Theme.spacingXl : 860) : 420
    padding: Theme.spacingXl
    topPadding: Theme.spacingL
    closePolicy: Popup.CloseOnEscape | Popup.CloseOnPressOutside
    anchors.centerIn: parent
    onOpened: {
        username.text = ""
        groupTitle.text = ""
        groupMembers.text = ""
        root.error = ""
        root.waiting = false
        blindForm.clear()
        matchingForm.clear()
        tabs.currentIndex = root.matchingExampleOnOpen ? 3 : root.exampleOnOpen ? 2 : 0
        if (root.exampleOnOpen)
            blindForm.example()
        if (root.matchingExampleOnOpen)
            matchingForm.example()
        root.exampleOnOpen = false
        root.matchingExampleOnOpen = false
        username.forceActiveFocus()
    }

    background: Rectangle {
        color: Theme.window
        radius: Theme.radiusBubble
        border.color: Theme.divider
    }
    header: Label {
        text: root.title
        color: Theme.text
        font.pixelSize: Theme.fontTitle
        font.weight: Font.DemiBold
        padding: Theme.spacingXl
        bottomPadding: 0
    }
    T.Overlay.modal: Rectangle { color: Qt.rgba(0, 0, 0, 0.35) }

    // Under the field: why the conversation could not be started.
    component ErrorLabel: Label {
        Layout.fillWidth: true
        visible: text.length > 0
        color: Theme.danger
        font.pixelSize: Theme.fontSmall
        wrapMode: Text.Wrap
        Accessible.role: Accessible.AlertMessage
        Accessible.name: text
    }

    contentItem: ColumnLayout {
        spacing: Theme.spacingM

        TabBar {
            id: tabs
            Layout.fillWidth: true
            background: Rectangle { color: Theme.sidebar; radius: Theme.radiusControl }
            Repeater {
                model: [qsTr("Direct message"), qsTr("Group"), qsTr("Blind room"), qsTr("Matching")]
                TabButton {
                    id: tab
                    required property string modelData
                    objectName: "newConversationTab"
                    focusPolicy: Qt.StrongFocus
                    text: tab.modelData
                    Accessible.name: tab.modelData
                    contentItem: Text {
                        text: tab.text
                        color: tab.checked ? Theme.text : Theme.textMuted
                        font.pixelSize: Theme.fontBody
                        font.weight: tab.checked ? Font.DemiBold : Font.Normal
                        horizontalAlignment: Text.AlignHCenter
                    }
                    background: Rectangle {
                        color: tab.checked ? Theme.field : "transparent"
                        radius: Theme.radiusControl
                        border.color: tab.checked ? Theme.fieldBorder : "transparent"
                        FocusRing { objectName: "tabFocusRing"; shown: tab.visualFocus; outset: 0 }
                    }
                    // Tabs switch with Enter too (Basic buttons take Space only).
                    Keys.onReturnPressed: tabs.currentIndex = tab.TabBar.index
                    Keys.onEnterPressed: tabs.currentIndex = tab.TabBar.index
                }
            }
        }

        StackLayout {
            Layout.fillWidth: true
            currentIndex: tabs.currentIndex

            ColumnLayout {
                spacing: Theme.spacingXs
                Label { text: qsTr("Username"); color: Theme.textMuted; font.pixelSize: Theme.fontSmall }
                TextField {
                    id: username
                    objectName: "newDirectUsername"
                    Layout.fillWidth: true
                    placeholderText: qsTr("e.g. joon")
                    Accessible.name: qsTr("Username")
                    onAccepted: root.submit()
                    onTextEdited: root.error = ""
                    Keys.onDownPressed: event => { event.accepted = directSuggestions.moveBy(1) }
                    Keys.onUpPressed: event => { event.accepted = directSuggestions.moveBy(-1) }
                    Keys.onReturnPressed: event => { event.accepted = directSuggestions.pick() }
                    Keys.onEnterPressed: event => { event.accepted = directSuggestions.pick() }
                }
                PeopleSuggestions {
                    id: directSuggestions
                    objectName: "newDirectSuggestions"
                    Layout.fillWidth: true
                    Layout.preferredHeight: visible ? implicitHeight : 0
                    field: username
                    directory: root.directory
                }
                ErrorLabel { objectName: "newDirectError"; text: root.error }
            }
            ColumnLayout {
                spacing: Theme.spacingXs
                Label { text: qsTr("Title"); color: Theme.textMuted; font.pixelSize: Theme.fontSmall }
                TextField {
                    id: groupTitle
                    objectName: "newGroupTitle"
                    Layout.fillWidth: true
                    placeholderText: qsTr("e.g. Design team")
                    Accessible.name: qsTr("Group title")
                    onAccepted: groupMembers.forceActiveFocus()
                }
                Label {
                    Layout.topMargin: Theme.spacingS
                    text: qsTr("Members (usernames, separated by commas)")
                    color: Theme.textMuted
                    font.pixelSize: Theme.fontSmall
                }
                TextField {
                    id: groupMembers
                    objectName: "newGroupMembers"
                    Layout.fillWidth: true
                    placeholderText: qsTr("joon, sora, hana")
                    Accessible.name: qsTr("Members")
                    onAccepted: root.submit()
                    onTextEdited: root.error = ""
                    Keys.onDownPressed: event => { event.accepted = groupSuggestions.moveBy(1) }
                    Keys.onUpPressed: event => { event.accepted = groupSuggestions.moveBy(-1) }
                    Keys.onReturnPressed: event => { event.accepted = groupSuggestions.pick() }
                    Keys.onEnterPressed: event => { event.accepted = groupSuggestions.pick() }
                }
                PeopleSuggestions {
                    id: groupSuggestions
                    objectName: "newGroupSuggestions"
                    Layout.fillWidth: true
                    Layout.preferredHeight: visible ? implicitHeight : 0
                    field: groupMembers
                    directory: root.directory
                    list: true
                }
                ErrorLabel { objectName: "newGroupError"; text: root.error }
            }
            ScrollView {
                id: blindScroll
                objectName: "newBlindScroll"
                contentWidth: availableWidth
                contentHeight: blindContent.implicitHeight
                // Only as tall as it needs to be while shown: the other tabs stay small.
                implicitHeight: root.isBlind ? Math.min(blindContent.implicitHeight, 560) : 0
                clip: true
                ColumnLayout {
                    id: blindContent
                    width: blindScroll.availableWidth
                    spacing: Theme.spacingXs
                    BlindRoomForm {
                        id: blindForm
                        objectName: "newBlindForm"
                        Layout.fillWidth: true
                        Layout.rightMargin: Theme.spacingS
                    }
                    ErrorLabel { objectName: "newBlindError"; text: root.error }
                }
            }
            ScrollView {
                id: matchingScroll
                objectName: "newMatchingScroll"
                contentWidth: availableWidth
                contentHeight: matchingContent.implicitHeight
                implicitHeight: root.isMatching ? Math.min(matchingContent.implicitHeight, 560) : 0
                clip: true
                ColumnLayout {
                    id: matchingContent
                    width: matchingScroll.availableWidth
                    spacing: Theme.spacingXs
                    MatchingForm {
                        id: matchingForm
                        objectName: "newMatchingForm"
                        Layout.fillWidth: true
                        Layout.rightMargin: Theme.spacingS
                    }
                    ErrorLabel { objectName: "newMatchingError"; text: root.error }
                }
            }
        }

        RowLayout {
            Layout.fillWidth: true
            Layout.topMargin: Theme.spacingS
            spacing: Theme.spacingS
            Item { Layout.fillWidth: true }
            Button {
                text: qsTr("Cancel")
                flat: true
                Accessible.name: text
                onClicked: root.close()
            }
            Button {
                id: startButton
                objectName: "newConversationStart"
                text: root.isMatching ? qsTr("Create rooms") : root.isBlind ? qsTr("Create blind room") : root.isGroup ? qsTr("Create group") : qsTr("Start chat")
                enabled: root.ready
                Accessible.name: text
                highlighted: true
                onClicked: root.submit()
            }
        }
    }
}

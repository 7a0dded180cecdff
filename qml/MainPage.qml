import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Templates as T
import QtQuick.Layouts
import Confab.Client
import Confab.App

// The signed-in window: conversation list on the left, the open conversation on the right.
// The one place (with Main.qml) that calls the client: components below only emit signals.
Rectangle {
    id: root

    readonly property ChatClient client: App.client
    readonly property string currentId: root.client.currentConversationId
    readonly property bool hasConversation: root.currentId.length > 0
    readonly property int memberCount: root.client.members.count
    readonly property bool blind: root.client.currentKind === "blind"
    property bool membersOpen: Automation.showMembersAtStart
    //! The message search panel (Ctrl+F, the header's 🔍).
    property bool searchOpen: false
    //! The thread pane shows while the client's thread has a root (another conversation closes it).
    readonly property bool threadOpen: root.client.thread.rootId.length > 0
    function openThread(messageId) {
        root.searchOpen = false
        root.membersOpen = false
        root.client.thread.open(messageId)
        Qt.callLater(() => threadPane.focusComposer())
    }
    function openSearch() {
        root.searchOpen = true
        Qt.callLater(() => searchPanel.focusField())
    }

    color: Theme.window

    function step(delta) {
        const rows = App.conversations.count
        if (rows === 0)
            return
        const at = App.conversations.rowOf(root.currentId)
        const next = at < 0 ? (delta > 0 ? 0 : rows - 1) : Math.max(0, Math.min(rows - 1, at + delta))
        root.client.openConversation(App.conversations.idAt(next))
        conversationList.positionViewAtIndex(next, ListView.Contain)
    }
    function connectionMode(state) {
        switch (state) {
        case ChatClient.Online: return "online"
        case ChatClient.Connecting: return "connecting"
        case ChatClient.Reconnecting: return "reconnecting"
        case ChatClient.SignedOut: return "signedOut"
        default: return "offline"
        }
    }

    Shortcut {
        sequence: "Ctrl+K"
        onActivated: {
            search.forceActiveFocus()
            search.selectAll()
        }
    }
    Shortcut { sequence: "Alt+Up"; onActivated: root.step(-1) }
    Shortcut { sequence: "Alt+Down"; onActivated: root.step(1) }
    Shortcut { sequence: "Ctrl+N"; onActivated: newDialog.open() }
    Shortcut { sequence: "Ctrl+/"; onActivated: shortcutsSheet.open() }
    Shortcut { sequence: StandardKey.Find; onActivated: root.openSearch() }
    Shortcut {
        sequence: "Esc"
        // Not while a message is edited in place: there Esc cancels the editing.
        enabled: root.searchOpen && !root.membersOpen && root.client.actions.editingId.length === 0
        onActivated: root.searchOpen = false
    }
    Shortcut {
        sequence: "Esc"
        enabled: root.membersOpen
        onActivated: root.membersOpen = false
    }
    Shortcut {
        sequence: "Esc"
        enabled: threadPane.visible && root.client.actions.editingId.length === 0
        onActivated: root.client.thread.close()
    }

    // Another conversation opened (the user chose it, or created it): the composer shows its draft.
    // Only a change of conversation: renames, mutes and member changes leave the keyboard alone.
    onCurrentIdChanged: {
        composer.load(root.currentId, root.client.drafts.text(root.currentId), root.client.drafts.files(root.currentId))
        composer.focusField()
    }
    Connections {
        target: root.client
        function onConversationReady() { newDialog.succeeded() }
        function onCreateFailed(message) { newDialog.failed(message) }
    }

    SplitView {
        anchors.fill: parent
        orientation: Qt.Horizontal
        handle: Rectangle {
            implicitWidth: 1
            color: T.SplitHandle.hovered || T.SplitHandle.pressed ? Theme.accent : Theme.divider
        }

        // ---- sidebar ------------------------------------------------------------------------
        Rectangle {
            SplitView.preferredWidth: 300
            SplitView.minimumWidth: Theme.sidebarMin
            SplitView.maximumWidth: Theme.sidebarMax
            color: Theme.sidebar

            ColumnLayout {
                anchors.fill: parent
                spacing: 0

                RowLayout {
                    Layout.fillWidth: true
                    Layout.preferredHeight: Theme.headerHeight
                    Layout.leftMargin: Theme.spacingL
                    Layout.rightMargin: Theme.spacingS
                    spacing: Theme.spacingS + 2

                    Avatar {
                        size: Theme.avatarSmall
                        color: App.avatarColor(root.client.userId)
                        initials: App.initials(root.client.displayName)
                        presence: root.client.connectionState !== ChatClient.Online ? ""
                                : root.client.away ? "away" : "online"
                        ringColor: Theme.sidebar
                    }
                    ColumnLayout {
                        Layout.fillWidth: true
                        spacing: 0
                        Label {
                            Layout.fillWidth: true
                            text: root.client.displayName
                            color: Theme.text
                            font.pixelSize: Theme.fontBody
                            font.weight: Font.DemiBold
                            elide: Text.ElideRight
                        }
                        Label {
                            Layout.fillWidth: true
                            text: "@" + root.client.username
                            color: Theme.textMuted
                            font.pixelSize: Theme.fontSmall
                            elide: Text.ElideRight
                        }
                    }
                    IconButton {
                        id: settingsButton
                        glyph: "⚙"
                        objectName: "settingsButton"
                        tip: qsTr("Settings (Ctrl+,)")
                        onClicked: settingsPopup.show("")
                    }
                    IconButton {
                        glyph: "✎"
                        tip: qsTr("New conversation (Ctrl+N)")
                        onClicked: newDialog.open()
                    }
                    IconButton {
                        objectName: "shortcutsButton"
                        glyph: "⌨"
                        tip: qsTr("Keyboard shortcuts (Ctrl+/)")
                        onClicked: shortcutsSheet.open()
                    }
                }

                TextField {
                    id: search
                    objectName: "conversationFilter"
                    Layout.fillWidth: true
                    Layout.leftMargin: Theme.spacingM
                    Layout.rightMargin: Theme.spacingM
                    Layout.bottomMargin: Theme.spacingS
                    Layout.preferredHeight: Theme.controlHeight
                    leftPadding: 32
                    placeholderText: qsTr("Search…  (Ctrl+K)")
                    placeholderTextColor: Theme.textMuted
                    color: Theme.text
                    font.pixelSize: Theme.fontBody
                    Accessible.name: qsTr("Filter conversations")
                    onTextChanged: App.conversations.filterText = text
                    Keys.onEscapePressed: {
                        text = ""
                        composer.focusField()
                    }
                    Keys.onDownPressed: conversationList.forceActiveFocus()
                    onAccepted: {
                        if (App.conversations.count > 0)
                            App.conversations.pick(App.conversations.idAt(0))
                    }
                    // Picking a conversation clears the filter (ConversationFilterModel::pick).
                    Connections {
                        target: App.conversations
                        function onFilterTextChanged() { search.text = App.conversations.filterText }
                    }
                    background: Rectangle {
                        radius: Theme.radiusControl
                        color: Theme.field
                        border.width: search.activeFocus ? 2 : 1
                        border.color: search.activeFocus ? Theme.accent : Theme.fieldBorder
                        Text {
                            anchors { left: parent.left; leftMargin: 10; verticalCenter: parent.verticalCenter }
                            text: "⌕"
                            color: Theme.textMuted
                            font.pixelSize: 18
                        }
                    }
                }

                ConversationList {
                    id: conversationList
                    objectName: "conversationList"
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    model: App.conversations
                    openRow: App.conversations.rowOf(root.currentId)
                    Accessible.name: qsTr("Conversations")
                    onOpenRequested: row => {
                        // pick() also clears a Ctrl+K filter, so that the whole list shows again.
                        App.conversations.pick(App.conversations.idAt(row))
                        composer.focusField() // also when it was open already
                    }
                    onUpFromTop: search.forceActiveFocus()
                    onEscaped: composer.focusField()

                    delegate: ConversationDelegate {
                        width: ListView.view.width
                        selected: conversationId === root.currentId
                        onClicked: App.conversations.pick(conversationId)
                    }

                    Label {
                        anchors.centerIn: parent
                        width: parent.width - 2 * Theme.spacingXl
                        visible: conversationList.count === 0
                        horizontalAlignment: Text.AlignHCenter
                        wrapMode: Text.Wrap
                        text: search.text.length > 0 ? qsTr("No conversation matches “%1”.").arg(search.text)
                                                     : qsTr("No conversations yet.\nPress ✎ to start one.")
                        color: Theme.textMuted
                        font.pixelSize: Theme.fontBody - 1
                    }
                }
            }
        }

        // ---- the open conversation ----------------------------------------------------------
        Rectangle {
            SplitView.fillWidth: true
            color: Theme.window

            RowLayout {
                anchors.fill: parent
                spacing: 0

                ColumnLayout {
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    spacing: 0

                    ConversationHeader {
                        Layout.fillWidth: true
                        Layout.preferredHeight: Theme.headerHeight
                        visible: root.hasConversation
                        title: root.client.currentTitle
                        kind: root.client.currentKind
                        memberCount: root.memberCount
                        myAlias: App.currentAlias
                        myGroup: App.currentGroup
                        membersOpen: root.membersOpen
                        onMembersToggled: root.membersOpen = !root.membersOpen
                        revealsAllowed: root.client.currentRevealsAllowed
                        revealOffered: root.client.currentRevealOffered
                        isOwner: root.client.currentIsOwner
                        onRevealToRoomRequested: revealDialog.show(root.client.revealPreview(root.currentId, ""))
                        onWithdrawRoomOfferRequested: root.client.withdrawReveal(root.currentId, "")
                        onRevealsAllowedRequested: allowed => root.client.setRevealsAllowed(root.currentId, allowed)
                        searchOpen: root.searchOpen
                        onSearchRequested: root.searchOpen ? (root.searchOpen = false) : root.openSearch()
                        onSettingsRequested: groupSettings.show()
                    }

                    ConnectionBanner {
                        Layout.fillWidth: true
                        Layout.preferredHeight: implicitHeight
                        mode: root.connectionMode(root.client.connectionState)
                        reconnectInMs: root.client.reconnectInMs
                        onRetryRequested: root.client.retryNow()
                        onSignInRequested: App.signOut()
                    }

                    Timeline {
                        id: timeline
                        Layout.fillWidth: true
                        Layout.fillHeight: true
                        visible: root.hasConversation
                        messages: root.client.messages
                        actions: root.client.actions
                        groupChat: root.client.currentKind !== "direct" && root.memberCount > 2
                        blind: root.blind
                        myAlias: App.currentAlias
                        memberGroups: App.memberGroups
                        onReadersRequested: (seq, anchor) => readersPopup.showFor(seq, anchor)
                        active: Window.active && root.hasConversation
                        onReadUpTo: seq => root.client.markRead(root.currentId, seq)
                        onLoadOlderRequested: root.client.loadOlder()
                        onRetryRequested: clientId => root.client.retryMessage(clientId)
                        onDiscardRequested: clientId => root.client.discardMessage(clientId)
                        canAttach: root.hasConversation
                        onFilesDropped: urls => composer.addFiles(urls)
                        onOpenAttachmentRequested: id => root.client.openAttachment(id)
                        onSaveAttachmentRequested: id => root.client.saveAttachment(id)
                        onThreadRequested: id => root.openThread(id)
                        keyboardHome: () => composer.focusField()
                    }

                    Item {
                        Layout.fillWidth: true
                        Layout.fillHeight: true
                        visible: !root.hasConversation
                        ColumnLayout {
                            anchors.centerIn: parent
                            spacing: Theme.spacingS
                            Label {
                                Layout.alignment: Qt.AlignHCenter
                                text: "💬"
                                font.pixelSize: 40
                                color: Theme.textMuted
                                visible: false
                            }
                            Label {
                                Layout.alignment: Qt.AlignHCenter
                                text: App.conversations.count > 0 ? qsTr("Select a conversation")
                                                                  : qsTr("Welcome to Confab")
                                color: Theme.text
                                font.pixelSize: Theme.fontTitle
                                font.weight: Font.DemiBold
                            }
                            Label {
                                Layout.alignment: Qt.AlignHCenter
                                text: App.conversations.count > 0
                                      ? qsTr("Pick one on the left, or press Ctrl+K to find it.")
                                      : qsTr("Start a conversation with someone on this server.")
                                color: Theme.textMuted
                                font.pixelSize: Theme.fontBody
                            }
                            Button {
                                Layout.alignment: Qt.AlignHCenter
                                Layout.topMargin: Theme.spacingS
                                visible: App.conversations.count === 0
                                text: qsTr("New conversation")
                                highlighted: true
                                Accessible.name: text
                                onClicked: newDialog.open()
                            }
                        }
                    }

                    TypingLine {
                        objectName: "typingLine"
                        Layout.fillWidth: true
                        Layout.preferredHeight: implicitHeight
                        visible: root.hasConversation
                        text: root.client.typingText
                    }

                    ReplyBar {
                        objectName: "replyBar"
                        Layout.fillWidth: true
                        Layout.preferredHeight: implicitHeight
                        visible: root.hasConversation && active
                        target: root.client.actions.replyTarget
                        onCancelRequested: root.client.actions.cancelReply()
                        onClicked: id => timeline.jumpToMessage(id)
                    }

                    Composer {
                        id: composer
                        Layout.fillWidth: true
                        Layout.preferredHeight: implicitHeight
                        visible: root.hasConversation
                        attachFolder: App.settings.attachFolderUrl
                        // The text and files belong to the composer's conversation, whatever is open.
                        onTextEdited: text => {
                            if (composer.conversationId.length > 0)
                                root.client.composerTextChanged(composer.conversationId, text)
                        }
                        onFilesEdited: files => root.client.drafts.setFiles(composer.conversationId, files)
                        placeholderText: root.client.currentTitle.length > 0
                                         ? qsTr("Message %1").arg(root.client.currentTitle) : qsTr("Write a message…")
                        describe: path => root.client.describeFile(path)
                        imagePaster: () => root.client.pasteClipboardImage()
                        maxAttachments: root.client.maxAttachments
                        // Blind rooms: a file named after me would tell who I am; the composer asks first.
                        fileCheck: paths => root.client.identifyingFileNames(composer.conversationId, paths)
                        onEditLastRequested: root.client.actions.editLast()
                        onSendRequested: (text, files) => {
                            const id = composer.conversationId
                            root.client.sendMessage(id, text, files, root.client.drafts.replyTo(id))
                            root.client.drafts.clear(id)
                            if (id === root.currentId)
                                root.client.actions.cancelReply()
                            timeline.scrollToEnd()
                        }
                    }
                }

                SearchPanel {
                    id: searchPanel
                    objectName: "searchPanel"
                    Layout.fillHeight: true
                    Layout.preferredWidth: Theme.memberPanelWidth + 60
                    visible: root.searchOpen
                    results: root.client.search
                    conversationId: root.currentId
                    conversationTitle: root.client.currentTitle
                    onCloseRequested: root.searchOpen = false
                    onResultChosen: (conversationId, messageId) => root.client.actions.jumpTo(conversationId, messageId)
                }

                ThreadPane {
                    id: threadPane
                    objectName: "threadPane"
                    Layout.fillHeight: true
                    Layout.preferredWidth: Theme.memberPanelWidth + 100
                    visible: root.threadOpen && root.hasConversation && !root.searchOpen && !root.membersOpen
                    thread: root.client.thread
                    replyCount: root.client.thread.replyCount
                    loading: root.client.thread.loading
                    canLoadMore: root.client.thread.canLoadMore
                    error: root.client.thread.error
                    onCloseRequested: root.client.thread.close()
                    onReplyRequested: text => root.client.thread.reply(text)
                    onLoadMoreRequested: root.client.thread.loadMore()
                    keyboardHome: () => composer.focusField()
                    onTextEdited: (rootId, text) => root.client.drafts.setText("thread:" + rootId, text)
                    Connections {
                        target: root.client.thread
                        function onRootChanged() {
                            const id = root.client.thread.rootId
                            if (id !== threadPane.draftRootId)
                                threadPane.load(id, root.client.drafts.text("thread:" + id))
                        }
                    }
                }

                MemberPanel {
                    objectName: "memberPanel"
                    Layout.fillHeight: true
                    Layout.preferredWidth: Theme.memberPanelWidth
                    visible: root.membersOpen && root.hasConversation
                    members: root.client.members
                    blind: root.blind
                    revealsAllowed: root.client.currentRevealsAllowed
                    onCloseRequested: root.membersOpen = false
                    onRevealRequested: memberId => revealDialog.show(root.client.revealPreview(root.currentId, memberId))
                    onWithdrawRequested: memberId => root.client.withdrawReveal(root.currentId, memberId)
                    onReportRequested: (memberId, name) => reportDialog.show(memberId, name, root.blind)
                }
            }
        }
    }

    // Who read a message, from "Read by N" under my last message of a group.
    Popup {
        id: readersPopup
        property var readers: []
        parent: T.Overlay.overlay
        padding: Theme.spacingS
        width: 240
        height: Math.min(readersColumn.implicitHeight + 2 * padding, 320)
        function showFor(seq, anchor) {
            readers = App.readersOf(seq)
            const p = anchor.mapToItem(parent, anchor.width, anchor.height + 4)
            x = Math.max(Theme.spacingS, Math.min(p.x - width, parent.width - width - Theme.spacingS))
            y = Math.min(p.y, parent.height - height - Theme.spacingS)
            open()
        }
        background: Rectangle {
            radius: Theme.radiusControl
            color: Theme.window
            border.color: Theme.fieldBorder
        }
        contentItem: Flickable {
            clip: true
            contentHeight: readersColumn.implicitHeight
            boundsBehavior: Flickable.StopAtBounds
            Column {
                id: readersColumn
                width: parent.width
                spacing: 2
                Text {
                    leftPadding: Theme.spacingXs
                    bottomPadding: Theme.spacingXs
                    text: qsTr("Read by")
                    color: Theme.textMuted
                    font.pixelSize: Theme.fontSmall
                    font.weight: Font.DemiBold
                }
                Repeater {
                    model: readersPopup.readers
                    Row {
                        required property var modelData
                        spacing: Theme.spacingS
                        leftPadding: Theme.spacingXs
                        height: 30
                        Avatar {
                            anchors.verticalCenter: parent.verticalCenter
                            size: 24
                            color: modelData.avatarColor
                            initials: modelData.initials
                            alias: modelData.alias
                        }
                        Text {
                            anchors.verticalCenter: parent.verticalCenter
                            width: readersPopup.availableWidth - 24 - Theme.spacingS - Theme.spacingXs
                            text: modelData.name
                            color: Theme.text
                            font.pixelSize: Theme.fontBody - 1
                            elide: Text.ElideRight
                            textFormat: Text.PlainText
                        }
                    }
                }
            }
        }
    }

    // Blind rooms: what a reveal would show to whom, before the offer leaves.
    RevealDialog {
        id: revealDialog
        parent: T.Overlay.overlay
        onConfirmed: root.client.offerReveal(root.currentId, revealDialog.toRoom ? "" : revealDialog.preview.memberId)
    }
    ReportDialog {
        id: reportDialog
        parent: T.Overlay.overlay
        onReportRequested: (memberId, reason) => root.client.reportMember(root.currentId, memberId, reason)
    }

    GroupSettingsDialog {
        id: groupSettings
        readonly property GroupSettings settings: root.client.groupSettings
        parent: T.Overlay.overlay
        title: settings.title
        description: settings.description
        muted: settings.muted
        kind: root.client.currentKind
        myRole: settings.myRole
        canManage: settings.canManage
        canChangeRoles: settings.canChangeRoles
        error: settings.error
        members: root.client.members
        onSaveRequested: (title, description) => settings.save(title, description)
        onMuteRequested: muted => settings.setMuted(muted)
        onAddMemberRequested: username => settings.addMember(username)
        onRemoveRequested: memberId => settings.removeMember(memberId)
        onRoleRequested: (memberId, role) => settings.setRole(memberId, role)
        onLeaveRequested: settings.leave()
        onClosed: settings.clearError()
        keyboardHome: () => composer.focusField()
        Connections {
            target: groupSettings.settings
            function onLeft() { groupSettings.close() }
        }
    }

    ShortcutsSheet {
        id: shortcutsSheet
        parent: T.Overlay.overlay
        keyboardHome: () => composer.focusField()
    }

    NewConversationDialog {
        id: newDialog
        parent: T.Overlay.overlay
        keyboardHome: () => composer.focusField()
        onDirectRequested: username => root.client.startDirect(username)
        onGroupRequested: (title, usernames) => root.client.createGroup(title, usernames)
    }

    // Settings: a page over the main window, opened from the gear in the sidebar header.
    Popup {
        id: settingsPopup
        objectName: "settingsPopup"
        parent: T.Overlay.overlay
        anchors.centerIn: parent
        width: Math.min(860, parent.width - 2 * Theme.spacingXl)
        height: Math.min(640, parent.height - 2 * Theme.spacingXl)
        modal: true
        focus: true
        padding: 0
        closePolicy: Popup.CloseOnEscape | Popup.CloseOnPressOutside
        function show(section) {
            if (section)
                settingsPage.section = section
            open()
        }
        onOpened: {
            App.sessions.refresh()
            settingsPage.forceActiveFocus()
        }
        T.Overlay.modal: Rectangle { color: Qt.rgba(0, 0, 0, Theme.dark ? 0.55 : 0.35) }
        background: Rectangle {
            radius: Theme.radiusBubble
            color: Theme.window
            border.color: Theme.fieldBorder
        }
        contentItem: SettingsPage {
            id: settingsPage
            clip: true
            radius: Theme.radiusBubble
            settings: App.settings
            displayName: root.client.displayName
            username: root.client.username
            serverUrl: root.client.serverUrl
            avatarColor: App.avatarColor(root.client.userId)
            initials: App.initials(root.client.displayName)
            sessions: App.sessions.sessions
            sessionsLoading: App.sessions.loading
            sessionsError: App.sessions.error
            sendTyping: root.client.sendTyping
            shareReadReceipts: root.client.shareReadReceipts
            theme: App.theme
            language: App.language
            trayAvailable: App.trayAvailable
            notificationsAvailable: App.notificationsAvailable
            onCloseRequested: settingsPopup.close()
            onRefreshSessionsRequested: App.sessions.refresh()
            onRevokeRequested: sessionId => App.sessions.revoke(sessionId)
            onSignOutRequested: App.signOut()
            onSignOutEverywhereRequested: App.sessions.signOutEverywhere()
            onSendTypingRequested: on => root.client.sendTyping = on
            onShareReadReceiptsRequested: on => root.client.shareReadReceipts = on
            onThemeRequested: theme => App.theme = theme
            onLanguageRequested: language => App.language = language
        }
    }
    Shortcut {
        sequence: "Ctrl+,"
        onActivated: settingsPopup.show("")
    }
    // These give the keyboard back when they close, too (the dialogs above do it themselves).
    FocusReturn { popup: settingsPopup; home: () => composer.focusField() }
    FocusReturn { popup: revealDialog; home: () => composer.focusField() }
    FocusReturn { popup: reportDialog; home: () => composer.focusField() }
    FocusReturn { popup: readersPopup; home: () => composer.focusField() }
    // Screenshots and automation: --search TEXT, once the conversations are here.
    Connections {
        target: root.client
        enabled: Automation.searchAtStart.length > 0
        function onSynced() {
            if (root.searchOpen)
                return
            root.openSearch()
            searchPanel.searchFor(Automation.searchAtStart)
        }
    }
    Component.onCompleted: {
        composer.load(root.currentId, root.client.drafts.text(root.currentId), root.client.drafts.files(root.currentId))
        // Screenshots and automation: --open-settings SECTION.
        if (Automation.settingsAtStart.length > 0)
            settingsPopup.show(Automation.settingsAtStart)
    }
    // Screenshots and automation: --open-thread shows the newest thread of the opened conversation.
    Connections {
        property bool shown: false
        target: root.client.messages
        enabled: Automation.threadAtStart && !shown
        function onCountChanged() {
            const id = root.client.messages.lastThreadRootId()
            if (id.length === 0)
                return
            shown = true
            root.openThread(id)
        }
    }
    // Screenshots and automation: --open-group-settings, once the open conversation is shown.
    Connections {
        property bool shown: false
        target: root.client
        enabled: Automation.groupSettingsAtStart && !shown
        function onCurrentConversationChanged() {
            if (!root.client.groupSettings.isGroup)
                return
            shown = true
            groupSettings.show()
        }
    }
}

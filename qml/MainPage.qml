import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Templates as T
import QtQuick.Layouts
import Confab.Client
import Confab.App

// The signed-in window: the sidebar with the conversation list on the left, the open conversation
// (ConversationPane) on the right, with the search, thread or members panel beside it, and the
// dialogs and popups over it. With Main.qml, ConversationPane and SettingsPopup, the place that
// calls the client: components below only emit signals.
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
        root.mentionsOpen = false
        root.searchOpen = true
        Qt.callLater(() => searchPanel.focusField())
    }
    //! The "Mentions" view: the search panel listing the messages that mention me (Ctrl+Shift+M, @).
    property bool mentionsOpen: false
    function openMentions() {
        root.mentionsOpen = true
        root.searchOpen = true
        root.client.mentions.showMentions()
    }

    color: Theme.window

    function step(delta) {
        const rows = App.conversations.count
        if (rows === 0)
            return
        const at = App.conversations.rowOf(root.currentId)
        const next = at < 0 ? (delta > 0 ? 0 : rows - 1) : Math.max(0, Math.min(rows - 1, at + delta))
        root.client.openConversation(App.conversations.idAt(next))
        sidebar.showRow(next)
    }

    Shortcut {
        sequence: "Ctrl+K"
        onActivated: sidebar.focusFilter()
    }
    Shortcut { sequence: "Alt+Up"; onActivated: root.step(-1) }
    Shortcut { sequence: "Alt+Down"; onActivated: root.step(1) }
    Shortcut { sequence: "Ctrl+N"; onActivated: newDialog.open() }
    Shortcut { sequence: "Ctrl+/"; onActivated: shortcutsSheet.open() }
    Shortcut { sequence: StandardKey.Find; onActivated: root.openSearch() }
    Shortcut { sequence: "Ctrl+Shift+M"; onActivated: root.openMentions() }
    // Marks the open conversation unread on every device of mine (it stays so until opened again).
    Shortcut {
        sequence: "Ctrl+Shift+U"
        enabled: root.hasConversation
        onActivated: root.client.forwarding.markUnread(root.currentId, true)
    }
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
        conversation.loadDraft()
        conversation.focusComposer()
    }
    Connections {
        target: root.client
        function onConversationReady() { newDialog.succeeded() }
        function onCreateFailed(message) { newDialog.failed(message) }
    }
    // Matching makes several rooms and opens none: they join the list, and the dialog closes.
    Connections {
        target: root.client.matching
        function onMatched() { newDialog.succeeded() }
        function onFailed(message) { newDialog.failed(message) }
    }

    SplitView {
        anchors.fill: parent
        orientation: Qt.Horizontal
        handle: Rectangle {
            implicitWidth: 1
            color: T.SplitHandle.hovered || T.SplitHandle.pressed ? Theme.accent : Theme.divider
        }

        Sidebar {
            id: sidebar
            SplitView.preferredWidth: 300
            SplitView.minimumWidth: Theme.sidebarMin
            SplitView.maximumWidth: Theme.sidebarMax
            conversations: App.conversations
            currentId: root.currentId
            displayName: root.client.displayName
            username: root.client.username
            avatarColor: App.avatarColor(root.client.userId)
            initials: App.initials(root.client.displayName)
            avatars: root.client.avatars
            avatarSource: (root.client.avatars.revision, root.client.avatars.source(root.client.avatars.mine, 80))
            presence: root.client.connectionState !== ChatClient.Online ? ""
                    : root.client.away ? "away" : "online"
            onSettingsRequested: settingsPopup.show("")
            onNewConversationRequested: newDialog.open()
            onShortcutsRequested: shortcutsSheet.open()
            onKeyboardHomeRequested: conversation.focusComposer()
            onMarkUnreadRequested: id => root.client.forwarding.markUnread(id, true)
            onMarkReadRequested: id => root.client.markConversationRead(id)
        }

        // ---- the open conversation and the panels beside it -------------------------------------
        Rectangle {
            SplitView.fillWidth: true
            color: Theme.window

            RowLayout {
                anchors.fill: parent
                spacing: 0

                ConversationPane {
                    id: conversation
                    client: root.client
                    membersOpen: root.membersOpen
                    searchOpen: root.searchOpen
                    onMembersToggled: root.membersOpen = !root.membersOpen
                    onSearchToggled: root.searchOpen && !root.mentionsOpen ? (root.searchOpen = false) : root.openSearch()
                    mentionsOpen: root.searchOpen && root.mentionsOpen
                    onMentionsToggled: root.searchOpen && root.mentionsOpen ? (root.searchOpen = false) : root.openMentions()
                    onGroupSettingsRequested: groupSettings.show()
                    onRevealRequested: preview => revealDialog.show(preview)
                    onReadersRequested: (seq, anchor) => readersPopup.showFor(App.readersOf(seq), anchor)
                    onThreadRequested: id => root.openThread(id)
                    onNewConversationRequested: newDialog.open()
                    onProfileRequested: id => root.showProfile(id)
                }

                SearchPanel {
                    id: searchPanel
                    objectName: "searchPanel"
                    Layout.fillHeight: true
                    Layout.preferredWidth: Theme.memberPanelWidth + 60
                    visible: root.searchOpen
                    results: root.mentionsOpen ? root.client.mentions : root.client.search
                    mentionsMode: root.mentionsOpen
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
                    keyboardHome: () => conversation.focusComposer()
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
                    avatars: root.client.avatars
                    blind: root.blind
                    revealsAllowed: root.client.currentRevealsAllowed
                    onCloseRequested: root.membersOpen = false
                    onRevealRequested: memberId => revealDialog.show(root.client.revealPreview(root.currentId, memberId))
                    onWithdrawRequested: memberId => root.client.withdrawReveal(root.currentId, memberId)
                    onReportRequested: (memberId, name) => reportDialog.show(memberId, name, root.blind)
                    onProfileRequested: id => root.showProfile(id)
                }
            }
        }
    }

    // The profile card of a member (ChatClient.card), from the timeline or the member list.
    function showProfile(memberId) {
        root.client.card.open(root.currentId, memberId)
        if (root.client.card.valid)
            profileCard.show()
    }
    ProfileCard {
        id: profileCard
        parent: T.Overlay.overlay
        userId: root.client.card.userId
        name: root.client.card.name
        username: root.client.card.username
        status: root.client.card.status
        presence: root.client.card.presence
        avatarColor: root.client.card.avatarColor
        initials: root.client.card.initials
        alias: root.client.card.alias
        isMe: root.client.card.isMe
        bot: root.client.card.bot
        blocked: root.client.card.blocked
        busy: root.client.blocks.busy
        error: root.client.blocks.error
        keyboardHome: () => conversation.focusComposer()
        onMessageRequested: username => {
            profileCard.close()
            root.client.startDirect(username)
        }
        onBlockRequested: (userId, blocked) => root.client.blocks.setBlocked(userId, blocked)
        onClosed: root.client.card.close()
    }

    // Who read a message, from "Read by N" under my last message of a group.
    ReadersPopup {
        id: readersPopup
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
        notifyLevel: settings.notifyLevel
        kind: root.client.currentKind
        myRole: settings.myRole
        canManage: settings.canManage
        canChangeRoles: settings.canChangeRoles
        error: settings.error
        members: root.client.members
        onSaveRequested: (title, description) => settings.save(title, description)
        onNotifyLevelRequested: level => settings.setNotifyLevel(level)
        onAddMemberRequested: username => settings.addMember(username)
        directory: root.client.directory
        onRemoveRequested: memberId => settings.removeMember(memberId)
        onRoleRequested: (memberId, role) => settings.setRole(memberId, role)
        revealPolicy: settings.revealPolicy
        revealAt: settings.revealAt
        revealedAt: settings.revealedAt
        membersInvite: settings.membersInvite
        onPolicyRequested: (policy, at, invite) => settings.setRevealPolicy(policy, at === null ? new Date(NaN) : at, invite)
        onGroupRequested: (memberId, group) => settings.setMemberGroup(memberId, group)
        membersPin: root.client.pins.membersPin
        canChangePinRights: root.client.pins.canChangeRights
        onMembersPinRequested: allowed => root.client.pins.setMembersPin(allowed)
        onLeaveRequested: settings.leave()
        onClosed: settings.clearError()
        keyboardHome: () => conversation.focusComposer()
        Connections {
            target: groupSettings.settings
            function onLeft() { groupSettings.close() }
        }
    }

    ShortcutsSheet {
        id: shortcutsSheet
        parent: T.Overlay.overlay
        keyboardHome: () => conversation.focusComposer()
    }

    NewConversationDialog {
        id: newDialog
        parent: T.Overlay.overlay
        keyboardHome: () => conversation.focusComposer()
        directory: root.client.directory
        onDirectRequested: username => root.client.startDirect(username)
        onGroupRequested: (title, usernames) => root.client.createGroup(title, usernames)
        onBlindRequested: setup => root.client.createBlindRoom(setup)
        onMatchRequested: setup => root.client.matching.create(setup)
    }


    // Settings: a page over the main window, opened from the gear in the sidebar header.
    SettingsPopup {
        id: settingsPopup
        client: root.client
    }
    Shortcut {
        sequence: "Ctrl+,"
        onActivated: settingsPopup.show("")
    }
    // These give the keyboard back when they close, too (the dialogs above do it themselves).
    FocusReturn { popup: settingsPopup; home: () => conversation.focusComposer() }
    FocusReturn { popup: revealDialog; home: () => conversation.focusComposer() }
    FocusReturn { popup: reportDialog; home: () => conversation.focusComposer() }
    FocusReturn { popup: readersPopup; home: () => conversation.focusComposer() }
    // Screenshots and automation: --compose TEXT and --open-mentions, once the conversation is shown.
    // (Polled: the conversation opens and its members arrive after the sync, in either order.)
    Timer {
        property bool done: false
        interval: 200
        repeat: true
        running: (Automation.composeAtStart.length > 0 || Automation.mentionsAtStart) && !done
        onTriggered: {
            if (!root.hasConversation || root.memberCount === 0)
                return
            done = true
            if (Automation.mentionsAtStart)
                root.openMentions()
            if (Automation.composeAtStart.length > 0)
                conversation.compose(Automation.composeAtStart)
        }
    }
    // Screenshots and automation: --open-forward (the forward picker for the newest message) and
    // --scroll-up (the timeline at its top, so that new messages show the "↓ N new" pill).
    Timer {
        property bool done: false
        interval: 300
        repeat: true
        running: (Automation.forwardAtStart || Automation.scrollUpAtStart) && !done
        onTriggered: {
            if (!root.hasConversation || root.client.messages.count === 0)
                return
            done = true
            if (Automation.scrollUpAtStart)
                conversation.scrollToTop()
            if (Automation.forwardAtStart)
                conversation.forwardNewest()
        }
    }
    // Screenshots and automation: --open-profile USERNAME (Automation opens the card's subject).
    Connections {
        property bool shown: false
        target: root.client.card
        enabled: Automation.profileAtStart && !shown
        function onChanged() {
            if (!root.client.card.valid)
                return
            shown = true
            profileCard.show()
        }
    }
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
        conversation.loadDraft()
        // Screenshots and automation: --open-settings SECTION.
        if (Automation.settingsAtStart.length > 0)
            settingsPopup.show(Automation.settingsAtStart)
        if (Automation.deleteAccountAtStart)
            settingsPopup.askDeleteAccount()
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
    // Screenshots and automation: --new-blind-room, a blind room being set up (example people).
    Connections {
        property bool shown: false
        target: root.client
        enabled: Automation.newBlindRoomAtStart && !shown
        function onCurrentConversationChanged() {
            shown = true
            newDialog.showBlindExample()
        }
    }
    // Screenshots and automation: --new-matching, a matching being set up (example people).
    Connections {
        property bool shown: false
        target: root.client
        enabled: Automation.newMatchingAtStart && !shown
        function onCurrentConversationChanged() {
            shown = true
            newDialog.showMatchingExample()
        }
    }
    // Screenshots and automation: --find-people TEXT, the directory's suggestions under the username.
    Connections {
        property bool shown: false
        target: root.client
        enabled: Automation.findPeopleAtStart.length > 0 && !shown
        function onCurrentConversationChanged() {
            shown = true
            newDialog.showDirectQuery(Automation.findPeopleAtStart)
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
            if (root.client.currentKind === "blind")
                membersScroll.start()
        }
    }
    // (the members of a blind room are below the fold: scrolled to once the dialog is laid out)
    Timer {
        id: membersScroll
        interval: 400
        onTriggered: groupSettings.scrollToMembers()
    }
}

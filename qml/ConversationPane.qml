import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Confab.Client
import Confab.App

// The open conversation, right of the list: its header, the connection banner, the timeline (or
// a welcome when none is open), who is typing, the message being answered, and the composer.
// Calls the client for what happens inside the conversation; what opens beside or over it
// (panels, dialogs, popups) it asks the page for with signals.
ColumnLayout {
    id: root

    required property ChatClient client
    readonly property string currentId: root.client.currentConversationId
    readonly property bool hasConversation: root.currentId.length > 0
    readonly property int memberCount: root.client.members.count
    readonly property bool blind: root.client.currentKind === "blind"
    property bool membersOpen: false
    property bool searchOpen: false
    property bool mentionsOpen: false

    signal membersToggled()
    signal searchToggled()
    signal mentionsToggled()
    signal groupSettingsRequested()
    //! A reveal to the whole room: `preview` is ChatClient.revealPreview's answer.
    signal revealRequested(var preview)
    signal readersRequested(var seq, Item anchor)
    signal threadRequested(string messageId)
    //! A sender's name or avatar in the timeline was clicked: their profile card.
    signal profileRequested(string memberId)
    signal newConversationRequested()

    //! The keyboard goes to the composer (unless a popup has it).
    function focusComposer() {
        composer.focusField()
    }
    //! What the connection banner shows for ChatClient.connectionState.
    function connectionMode(state) {
        switch (state) {
        case ChatClient.Online: return "online"
        case ChatClient.Connecting: return "connecting"
        case ChatClient.Reconnecting: return "reconnecting"
        case ChatClient.SignedOut: return "signedOut"
        default: return "offline"
        }
    }
    //! Types `text` into the composer, as a user would (automation: the `@` autocomplete).
    function compose(text) {
        composer.typeText(text)
    }
    //! Automation: the timeline scrolled to its top, as a reader of older messages leaves it.
    function scrollToTop() {
        timeline.view.positionViewAtBeginning()
        timeline.view.stickToEnd = false
    }
    //! Automation: the forward picker for the newest message, with one conversation picked.
    function forwardNewest() {
        const rows = root.client.messages.count
        for (let row = rows - 1; row >= 0; --row) {
            const id = root.client.messages.data(root.client.messages.index(row, 0), MessageListModel.MessageIdRole)
            if (id && id.length > 0) {
                timeline.forwardMessage(id)
                if (root.client.forwarding.targets.count > 1)
                    root.client.forwarding.targets.toggle(1)
                return
            }
        }
    }
    //! The composer shows the draft of the open conversation.
    function loadDraft() {
        composer.load(root.currentId, root.client.drafts.text(root.currentId), root.client.drafts.files(root.currentId))
    }

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
        revealAt: root.client.groupSettings.revealAt
        revealed: !isNaN(root.client.groupSettings.revealedAt)
        membersOpen: root.membersOpen
        onMembersToggled: root.membersToggled()
        revealsAllowed: root.client.currentRevealsAllowed
        revealOffered: root.client.currentRevealOffered
        isOwner: root.client.currentIsOwner
        onRevealToRoomRequested: root.revealRequested(root.client.revealPreview(root.currentId, ""))
        onWithdrawRoomOfferRequested: root.client.withdrawReveal(root.currentId, "")
        onRevealsAllowedRequested: allowed => root.client.setRevealsAllowed(root.currentId, allowed)
        searchOpen: root.searchOpen && !root.mentionsOpen
        onSearchRequested: root.searchToggled()
        mentionsOpen: root.mentionsOpen
        onMentionsRequested: root.mentionsToggled()
        onSettingsRequested: root.groupSettingsRequested()
        notifyLevel: root.client.groupSettings.notifyLevel
        onNotifyLevelRequested: level => root.client.groupSettings.setNotifyLevel(level)
    }

    PinnedBar {
        objectName: "pinnedBar"
        Layout.fillWidth: true
        Layout.preferredHeight: implicitHeight
        visible: root.hasConversation && count > 0
        model: root.client.pins
        canUnpin: root.client.pins.canPin
        onJumpRequested: id => timeline.jumpToMessage(id)
        onUnpinRequested: id => root.client.pins.unpin(id)
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
        avatars: root.client.avatars
        actions: root.client.actions
        forwarding: root.client.forwarding
        pins: root.client.pins
        groupChat: root.client.currentKind !== "direct" && root.memberCount > 2
        blind: root.blind
        myAlias: App.currentAlias
        memberGroups: App.memberGroups
        onReadersRequested: (seq, anchor) => root.readersRequested(seq, anchor)
        active: Window.active && root.hasConversation
        onReadUpTo: seq => root.client.markRead(root.currentId, seq)
        onLoadOlderRequested: root.client.loadOlder()
        onRetryRequested: clientId => root.client.retryMessage(clientId)
        onDiscardRequested: clientId => root.client.discardMessage(clientId)
        canAttach: root.hasConversation
        onFilesDropped: urls => composer.addFiles(urls)
        onOpenAttachmentRequested: id => root.client.openAttachment(id)
        onSaveAttachmentRequested: id => root.client.saveAttachment(id)
        onThreadRequested: id => root.threadRequested(id)
        onProfileRequested: id => root.profileRequested(id)
        keyboardHome: () => composer.focusField()
    }

    EmptyConversation {
        Layout.fillWidth: true
        Layout.fillHeight: true
        visible: !root.hasConversation
        hasConversations: App.conversations.count > 0
        onNewConversationRequested: root.newConversationRequested()
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
        mentionSource: root.client.members
        // The server's default: in conversations of more than 10, @room is for owners and admins.
        allowRoomMention: root.client.groupSettings.canManage || root.memberCount <= 10
        onSendRequested: (text, files, mentions) => {
            const id = composer.conversationId
            root.client.sendMessage(id, text, files, root.client.drafts.replyTo(id), mentions)
            root.client.drafts.clear(id)
            if (id === root.currentId)
                root.client.actions.cancelReply()
            timeline.scrollToEnd()
        }
    }
}

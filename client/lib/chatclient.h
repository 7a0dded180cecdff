#pragma once

#include "accountprofile.h"
#include "avatars.h"
#include "attachments.h"
#include "blindrooms.h"
#include "blocks.h"
#include "catchup.h"
#include "certificatetrust.h"
#include "connection.h"
#include "conversationlistmodel.h"
#include "conversationstate.h"
#include "dataexport.h"
#include "drafts.h"
#include "forwarding.h"
#include "groupsettings.h"
#include "matching.h"
#include "memberlistmodel.h"
#include "messageactions.h"
#include "messagelistmodel.h"
#include "outbox.h"
#include "passwordchange.h"
#include "peopledirectory.h"
#include "accountremoval.h"
#include "pinnedmessagemodel.h"
#include "presence.h"
#include "profilecardstate.h"
#include "readmarkers.h"
#include "searchresultmodel.h"
#include "threadmodel.h"

#include <QObject>
#include <QQmlEngine>
#include <QTimer>

#include <memory>

namespace confab::client {

class TokenStore;

/*!
 * One signed-in account, as QML sees it: signs in, wires the parts together, and offers them to
 * QML. Works without QML (the tests drive it headless); the app exposes it to QML as is.
 *
 * Flow: socket → Connection (decode, correlate) → ConversationState (apply, store; Catchup asks
 * for what it misses) → models → QML. What the user does goes out through the Outbox (messages),
 * ReadMarkers (receipts), Presence (typing, away), BlindRooms, MessageActions and GroupSettings.
 * ChatClient handles no frame itself (docs/architecture.md).
 */
class ChatClient : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Provided by the app")
    Q_PROPERTY(ConnectionState connectionState READ connectionState NOTIFY connectionStateChanged)
    Q_PROPERTY(int reconnectInMs READ reconnectInMs NOTIFY connectionStateChanged)
    Q_PROPERTY(bool signedIn READ signedIn NOTIFY signedInChanged)
    Q_PROPERTY(QString userId READ userId NOTIFY signedInChanged)
    Q_PROPERTY(QString username READ username NOTIFY signedInChanged)
    Q_PROPERTY(QString displayName READ displayName NOTIFY displayNameChanged)
    Q_PROPERTY(QString serverUrl READ serverUrl NOTIFY signedInChanged)
    Q_PROPERTY(ConversationListModel *conversations READ conversations CONSTANT)
    Q_PROPERTY(MessageListModel *messages READ messages CONSTANT)
    Q_PROPERTY(MemberListModel *members READ members CONSTANT)
    Q_PROPERTY(MessageActions *actions READ actions CONSTANT)
    Q_PROPERTY(SearchResultModel *search READ search CONSTANT)
    //! The messages that mention me, newest first (SearchResultModel::showMentions).
    Q_PROPERTY(SearchResultModel *mentions READ mentions CONSTANT)
    Q_PROPERTY(GroupSettings *groupSettings READ groupSettings CONSTANT)
    //! New conversation → matching: several blind rooms at once from one pool of people.
    Q_PROPERTY(Matching *matching READ matching CONSTANT)
    //! Settings → account: changing the password.
    Q_PROPERTY(PasswordChange *passwordChange READ passwordChange CONSTANT)
    //! Settings → account: my display name and status.
    Q_PROPERTY(AccountProfile *profile READ profile CONSTANT)
    //! Settings → privacy: the export of my data.
    Q_PROPERTY(DataExport *dataExport READ dataExport CONSTANT)
    //! Finding people (user.search) for the new-conversation and add-member fields.
    Q_PROPERTY(PeopleDirectory *directory READ directory CONSTANT)
    //! Settings → account → "Delete account…"; once done the app is signed out.
    Q_PROPERTY(AccountRemoval *accountRemoval READ accountRemoval CONSTANT)
    //! Avatars: pictures by hash (cached on disk), and Settings → account: my picture.
    Q_PROPERTY(Avatars *avatars READ avatars CONSTANT)
    //! The open conversation's pinned messages, newest pin first (the pinned bar, Pin/Unpin).
    Q_PROPERTY(PinnedMessageModel *pins READ pins CONSTANT)
    //! The thread shown in the thread pane.
    Q_PROPERTY(ThreadModel *thread READ thread CONSTANT)
    //! What is written but not sent, per conversation (the composer's text, files and reply).
    Q_PROPERTY(Drafts *drafts READ drafts CONSTANT)
    //! Forwarding messages (the forward picker) and marking conversations unread.
    Q_PROPERTY(Forwarding *forwarding READ forwarding CONSTANT)
    //! The people I block (Settings → Privacy) and the profile card of a member (chatclientblocks.cpp).
    Q_PROPERTY(Blocks *blocks READ blocks CONSTANT)
    Q_PROPERTY(ProfileCardState *card READ card CONSTANT)
    Q_PROPERTY(QString currentConversationId READ currentConversationId NOTIFY currentConversationChanged)
    Q_PROPERTY(QString currentTitle READ currentTitle NOTIFY currentConversationChanged)
    Q_PROPERTY(QString currentKind READ currentKind NOTIFY currentConversationChanged)
    Q_PROPERTY(int pendingCount READ pendingCount NOTIFY outboxChanged)
    Q_PROPERTY(QString typingText READ typingText NOTIFY typingChanged)
    Q_PROPERTY(bool sendTyping READ sendTyping WRITE setSendTyping NOTIFY sendTypingChanged)
    Q_PROPERTY(bool away READ away WRITE setAway NOTIFY awayChanged)
    //! Others see my read marker move; off, only my own devices do (kept by the server per account).
    //! While the server's certificate waits for the user's decision: {host, fingerprint, previous,
    //! reason}; `previous` is set when a certificate accepted earlier changed. Empty otherwise.
    Q_PROPERTY(QVariantMap untrustedCertificate READ untrustedCertificate NOTIFY untrustedCertificateChanged)
    Q_PROPERTY(bool shareReadReceipts READ shareReadReceipts WRITE setShareReadReceipts NOTIFY shareReadReceiptsChanged)
    Q_PROPERTY(int maxAttachments READ maxAttachments NOTIFY signedInChanged)
    //! The UI language ("en" or "ko"): blind rooms' aliases are shown in it (chatclientblind.cpp).
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY languageChanged)
    //! The open blind room: its owner allows reveals; I offered to reveal to the whole room; I own it.
    Q_PROPERTY(bool currentRevealsAllowed READ currentRevealsAllowed NOTIFY currentConversationChanged)
    Q_PROPERTY(bool currentRevealOffered READ currentRevealOffered NOTIFY currentConversationChanged)
    Q_PROPERTY(bool currentIsOwner READ currentIsOwner NOTIFY currentConversationChanged)
public:
    enum class ConnectionState { Offline, Connecting, Online, Reconnecting, SignedOut };
    Q_ENUM(ConnectionState)

    //! `dataDir`: where the per-account caches live. `tokens` may be null (nothing remembered).
    ChatClient(QString dataDir, TokenStore *tokens, QObject *parent = nullptr);
    ~ChatClient() override;

    Q_INVOKABLE void signIn(const QString &serverUrl, const QString &username, const QString &password);
    Q_INVOKABLE void registerAccount(const QString &serverUrl, const QString &username, const QString &displayName,
                                     const QString &password, const QString &inviteCode = {});
    //! Signs in with the token remembered in the keychain for this server and user.
    Q_INVOKABLE void resume(const QString &serverUrl, const QString &username);
    Q_INVOKABLE void signOut();
    Q_INVOKABLE void retryNow() { m_connection.retryNow(); }
    //! Trusts the certificate in untrustedCertificate for its address from now on, and connects.
    Q_INVOKABLE void acceptCertificate();
    //! Does not trust it: the sign-in ends (the certificate stays untrusted).
    Q_INVOKABLE void rejectCertificate();
    QVariantMap untrustedCertificate() const { return m_untrustedCertificate; }

    Q_INVOKABLE void openConversation(const QString &conversationId);
    Q_INVOKABLE void loadOlder();
    //! Writes a message to the outbox (shown at once as sending) and sends it when possible.
    //! `files`: local paths or file URLs; the message leaves once they are uploaded. `replyTo`: the
    //! id of the message it answers, or empty.
    //! `mentions`: {memberId, room, start, length} maps, as MentionCompleter::mentionsFor gives them.
    Q_INVOKABLE QString sendMessage(const QString &conversationId, const QString &body, const QStringList &files = {},
                                    const QString &replyTo = {}, const QVariantList &mentions = {});
    Q_INVOKABLE void retryMessage(const QString &clientId) { m_outbox.retry(clientId); }
    Q_INVOKABLE void discardMessage(const QString &clientId) { m_outbox.discard(clientId); }
    Q_INVOKABLE void editPendingMessage(const QString &clientId, const QString &body) { m_outbox.edit(clientId, body); }
    //! Opens the direct conversation with `username` (created when there is none yet);
    //! conversationReady or createFailed follows.
    Q_INVOKABLE void startDirect(const QString &username);
    //! Creates a group and opens it; conversationReady or createFailed follows.
    Q_INVOKABLE void createGroup(const QString &title, const QStringList &usernames);
    //! Creates a blind room with its groups and reveal policy in one request (BlindRooms::createRoom
    //! says what `setup` holds) and opens it; conversationReady or createFailed follows.
    Q_INVOKABLE void createBlindRoom(const QVariantMap &setup);
    //! The user saw everything up to `seq` in the open conversation.
    Q_INVOKABLE void markRead(const QString &conversationId, qint64 seq) { m_readMarkers.markRead(conversationId, seq); }
    //! "Mark as read" of the conversation list: everything read, my unread mark taken away.
    Q_INVOKABLE void markConversationRead(const QString &conversationId);
    //! The composer's text changed: it is the draft of `conversationId` now, and the others learn
    //! that I am typing (throttled), or that I stopped.
    Q_INVOKABLE void composerTextChanged(const QString &conversationId, const QString &text);
    // Blind rooms (chatclientblind.cpp).
    //! Offers to reveal my identity to one member (`memberId`, an alias id) or, empty, to the room.
    Q_INVOKABLE void offerReveal(const QString &conversationId, const QString &memberId = {})
    {
        m_blind.offerReveal(conversationId, memberId, true);
    }
    //! Withdraws such an offer while it is not matched yet.
    Q_INVOKABLE void withdrawReveal(const QString &conversationId, const QString &memberId = {})
    {
        m_blind.offerReveal(conversationId, memberId, false);
    }
    //! The owner allows or forbids reveals in the room.
    Q_INVOKABLE void setRevealsAllowed(const QString &conversationId, bool allowed)
    {
        m_blind.setRevealsAllowed(conversationId, allowed);
    }
    //! Reports a member (the id I know them by) to the server's operator; memberReported follows.
    Q_INVOKABLE void reportMember(const QString &conversationId, const QString &memberId, const QString &reason)
    {
        m_blind.reportMember(conversationId, memberId, reason);
    }
    /*!
     * What a reveal offer would show, for its confirmation: {toRoom, memberId, target (the member's
     * name as I see it), alias (mine, in the UI language), displayName, username, others (how many
     * would keep seeing only the alias at first), offered (the offer is open already), theyOffered
     * (they offered to me or to the room: my offer reveals us at once)}.
     */
    Q_INVOKABLE QVariantMap revealPreview(const QString &conversationId, const QString &memberId = {}) const
    {
        return m_blind.revealPreview(conversationId, memberId);
    }
    //! Of `files` (paths or URLs), the file names that contain my username or display name, when
    //! the conversation is a blind room (the composer asks before sending them); empty otherwise.
    Q_INVOKABLE QStringList identifyingFileNames(const QString &conversationId, const QStringList &files) const
    {
        return m_blind.identifyingFileNames(conversationId, files);
    }
    QString language() const { return m_language; }
    void setLanguage(const QString &language);
    bool currentRevealsAllowed() const { return m_blind.revealsAllowed(m_current); }
    bool currentRevealOffered() const { return m_blind.revealOffered(m_current); }
    bool currentIsOwner() const;
    //! The members of a conversation as this user calls them (real names of those who revealed
    //! them to me, aliases in the UI language).
    QList<protocol::MemberInfo> displayMembers(const QString &conversationId) const;

    //! "online", "away" or "offline" for a member id of a conversation that is not blind.
    Q_INVOKABLE QString presenceOf(const QString &userId) const { return m_presence.of(userId); }

    //! A file about to be attached: {path, url, name, size, sizeText, mime, image, error}.
    Q_INVOKABLE QVariantMap describeFile(const QString &pathOrUrl) const { return m_outbox.describeFile(pathOrUrl); }
    //! The clipboard's image as a PNG in the data folder (its path), or empty when it holds none.
    Q_INVOKABLE QString pasteClipboardImage() { return m_outbox.pasteClipboardImage(); }
    //! Downloads an attachment (verified, cached) and copies it into the download folder.
    Q_INVOKABLE void saveAttachment(const QString &attachmentId) { m_attachments.save(attachmentId); }
    //! Downloads an attachment into the cache, e.g. to show the full image; its fileUrl follows.
    Q_INVOKABLE void openAttachment(const QString &attachmentId) { m_attachments.open(attachmentId); }
    int maxAttachments() const { return int(m_connection.session().limits.maxAttachmentsPerMessage); }
    AttachmentUploader &uploads() { return m_outbox.uploads(); }
    AttachmentDownloader &downloads() { return m_attachments.downloads(); }
    //! Where saved attachments go (default: the system's download folder).
    void setDownloadFolder(const QString &dir) { m_attachments.setDownloadFolder(dir); }

    ConnectionState connectionState() const;
    int reconnectInMs() const { return m_connection.reconnectInMs(); }
    bool signedIn() const { return !m_userId.isEmpty(); }
    QString userId() const { return m_userId; }
    QString username() const { return m_username; }
    QString displayName() const { return m_displayName; }
    //! As the user gave it: one address, or several instances' separated by commas.
    QString serverUrl() const { return m_serverAddress; }
    ConversationListModel *conversations() { return &m_conversations; }
    MessageListModel *messages() { return &m_messages; }
    MemberListModel *members() { return &m_members; }
    MessageActions *actions() { return m_actions.get(); }
    SearchResultModel *search() { return &m_search; }
    SearchResultModel *mentions() { return &m_mentionList; }
    GroupSettings *groupSettings() { return m_groupSettings.get(); }
    PasswordChange *passwordChange() { return &m_passwordChange; }
    AccountProfile *profile() { return &m_profile; }
    DataExport *dataExport() { return &m_dataExport; }
    PeopleDirectory *directory() { return &m_directory; }
    AccountRemoval *accountRemoval() { return &m_removal; }
    Avatars *avatars() { return &m_avatars; }
    Matching *matching() { return &m_matching; }
    ThreadModel *thread() { return m_thread.get(); }
    PinnedMessageModel *pins() { return &m_pins; }
    Drafts *drafts() { return &m_drafts; }
    Forwarding *forwarding() { return &m_forwarding; }
    Blocks *blocks() { return &m_blocks; }
    ProfileCardState *card() { return &m_card; }
    //! I am no longer a member (I left, or was removed): it goes from the cache and the list, and
    //! closes when it is open.
    void forgetConversation(const QString &conversationId) { m_state.forget(conversationId); }
    QString currentConversationId() const { return m_current; }
    QString currentTitle() const;
    QString currentKind() const;
    int pendingCount() const { return m_outbox.pendingCount(); }
    QString typingText() const { return typingTextFor(m_current); }
    QString typingTextFor(const QString &conversationId) const;
    bool sendTyping() const { return m_presence.sendTyping(); }
    void setSendTyping(bool send) { m_presence.setSendTyping(send); }
    bool away() const { return m_presence.away(); }
    void setAway(bool away) { m_presence.setAway(away); }
    bool shareReadReceipts() const { return m_readMarkers.shareReadReceipts(); }
    void setShareReadReceipts(bool share) { m_readMarkers.setShareReadReceipts(share); }
    Connection &connection() { return m_connection; }
    ConversationState &state() { return m_state; }
    LocalCache &cache() { return m_state.cache(); }
    //! Test hook: how often and how soon to reconnect.
    void setReconnectBackoff(int initialMs, int maxMs) { m_connection.setBackoff(initialMs, maxMs); }

    static QString accountKey(const QString &serverUrl, const QString &username);

signals:
    void connectionStateChanged();
    void signedInChanged();
    void displayNameChanged();
    void signInFailed(const QString &message);
    //! The server refused the sign-in or sign-up: its error code (protocol::ErrorCode) and the field
    //! it concerns ("" when none). Emitted just before signInFailed().
    void signInRefused(int code, const QString &field);
    void currentConversationChanged();
    void outboxChanged();
    void shareReadReceiptsChanged();
    void untrustedCertificateChanged();
    //! A conversation this user asked for here (startDirect, createGroup) is ready, and open.
    //! Conversations that others (or my other devices) create only join the list, marked new.
    void conversationReady(const QString &conversationId);
    //! startDirect or createGroup did not succeed: why, for the dialog that asked.
    void createFailed(const QString &message);
    void errorOccurred(const QString &message);
    //! After a (re)connect, once sync has brought everything up to date.
    void synced();
    void typingChanged();
    void sendTypingChanged();
    void awayChanged();
    void presenceChanged(const QString &userId);
    void attachmentSaved(const QString &attachmentId, const QString &path);
    void languageChanged();
    //! A report reached the server's operator.
    void memberReported(const QString &conversationId, const QString &memberId);
    //! A message was stored or changed (new, edited, deleted, streamed, replied to, sent by me).
    void messageStored(const QString &conversationId, const protocol::MessageInfo &message);

private:
    void wire();
    void wireBlocks();
    //! Loads older pages while the first unread message is above the window; true when a page
    //! was asked of the server (the rest follows when it arrives).
    bool loadTowardsFirstUnread();
    void begin(const QString &serverUrl, const QString &username, Connection::Credentials credentials);
    bool openCache(const QString &serverUrl, const QString &username);
    void onAuthenticated(const protocol::AuthOk &session);
    //! The reply to my own conversation.create: opened (the only conversation the app opens by itself).
    void onCreated(const protocol::Reply<protocol::ConversationDetail> &reply);

    QString m_dataDir;
    TokenStore *m_tokens;
    CertificateTrust m_trust;
    QVariantMap m_untrustedCertificate;
    Connection m_connection;
    ConversationState m_state;
    Catchup m_catchup{m_connection, m_state};
    Outbox m_outbox{m_connection, m_state, m_dataDir};
    ReadMarkers m_readMarkers{m_connection, m_state};
    Presence m_presence{m_connection, m_state};
    BlindRooms m_blind{m_connection, m_state};
    ConversationListModel m_conversations;
    MessageListModel m_messages;
    MemberListModel m_members;
    Attachments m_attachments{m_connection, m_state, m_outbox, m_messages};
    SearchResultModel m_search{m_connection, m_state};
    SearchResultModel m_mentionList{m_connection, m_state};
    PasswordChange m_passwordChange{m_connection};
    AccountProfile m_profile{m_connection, m_state};
    PeopleDirectory m_directory{m_connection};
    AccountRemoval m_removal{m_connection};
    Avatars m_avatars{m_connection, m_state};
    PinnedMessageModel m_pins{m_connection, m_state};
    Matching m_matching{m_connection};
    Drafts m_drafts;
    Forwarding m_forwarding{m_connection, m_state};
    DataExport m_dataExport{m_connection, m_attachments.downloads()};
    Blocks m_blocks{m_connection};
    ProfileCardState m_card{m_state, m_presence, m_blocks};
    // Made once the models follow the state, so that they see each change after the models do.
    std::unique_ptr<MessageActions> m_actions;
    std::unique_ptr<GroupSettings> m_groupSettings;
    std::unique_ptr<ThreadModel> m_thread;
    QString m_userId, m_username, m_displayName, m_accountKey;
    QString m_current;
    QString m_serverAddress;
    QString m_language = QStringLiteral("en");
    bool m_signedOut = false;
};

} // namespace confab::client

#pragma once

// Every frame of the Confab protocol: requests (client → server), and replies and events
// (server → client). The list at the bottom is the one place that names them.

#include "accountframes.h"
#include "exportframes.h"
#include "avatarframes.h"
#include "forwardframes.h"
#include "pinframes.h"
#include "matchframes.h"
#include "peopleframes.h"
#include "blockframes.h"
#include "types.h"

#include <variant>

namespace confab::protocol {

// ---- auth ---------------------------------------------------------------------------------------

struct AuthRegister {
    QString username;
    QString password;
    QString displayName;
    std::optional<QString> inviteCode;
    QString device;
    static void fields(auto &self, auto &v)
    {
        v("username", self.username, rule::Username);
        v("password", self.password, rule::Password);
        v("display_name", self.displayName, rule::DisplayName);
        v("invite_code", self.inviteCode, rule::Token);
        v("device", self.device, rule::Device);
    }
    CONFAB_WIRE(AuthRegister)
};

struct AuthLogin {
    QString username;
    QString password;
    QString device;
    static void fields(auto &self, auto &v)
    {
        v("username", self.username, rule::Username);
        // Not rule::Password: an old password shorter than today's minimum must still get a clean reply.
        v("password", self.password, TextRule{.minChars = 1, .maxBytes = field::kPasswordMaxBytes});
        v("device", self.device, rule::Device);
    }
    CONFAB_WIRE(AuthLogin)
};

struct AuthResume {
    QString token;
    QString device;
    static void fields(auto &self, auto &v)
    {
        v("token", self.token, rule::Token);
        v("device", self.device, rule::Device);
    }
    CONFAB_WIRE(AuthResume)
};

//! Ends the current session: its token stops working everywhere.
struct AuthLogout {
    static void fields(auto &, auto &) {}
    CONFAB_WIRE(AuthLogout)
};

struct AuthSessions {
    static void fields(auto &, auto &) {}
    CONFAB_WIRE(AuthSessions)
};

struct AuthRevoke {
    QString sessionId;
    static void fields(auto &self, auto &v) { v("session_id", self.sessionId, rule::Id); }
    CONFAB_WIRE(AuthRevoke)
};

//! The signed-in user's own preferences. The server keeps them so that all their devices agree.
struct AccountSettings {
    bool receiptsPrivate = false; //!< read markers stay the user's own: others never see them move
    static void fields(auto &self, auto &v) { v("receipts_private", self.receiptsPrivate); }
    CONFAB_WIRE(AccountSettings)
};

//! Reply to auth.register, auth.login (with `token`) and auth.resume (without).
struct AuthOk {
    QString sessionId;
    std::optional<QString> token;
    qint64 expiresAt = 0;
    qint64 serverTime = 0;
    UserInfo user;
    Limits limits;
    AccountSettings settings;
    static void fields(auto &self, auto &v)
    {
        v("session_id", self.sessionId, rule::Id);
        v("token", self.token, rule::Token);
        v("expires_at", self.expiresAt, rule::Time);
        v("server_time", self.serverTime, rule::Time);
        v("user", self.user);
        v("limits", self.limits);
        v("settings", self.settings);
    }
    CONFAB_WIRE(AuthOk)
};

struct Sessions {
    QList<SessionInfo> sessions;
    static void fields(auto &self, auto &v) { v("sessions", self.sessions, ListRule{}); }
    CONFAB_WIRE(Sessions)
};

// ---- users --------------------------------------------------------------------------------------

//! Finds users by username, to start a conversation with them. Unknown names are left out.
struct UserLookup {
    QList<QString> usernames;
    static void fields(auto &self, auto &v)
    {
        v("usernames", self.usernames, ListRule{.maxItems = field::kMaxMembersPerRequest, .minItems = 1},
          rule::Username);
    }
    CONFAB_WIRE(UserLookup)
};

struct Users {
    QList<MemberInfo> users;
    static void fields(auto &self, auto &v) { v("users", self.users, ListRule{}); }
    CONFAB_WIRE(Users)
};

// ---- conversations ------------------------------------------------------------------------------

struct ConversationCreate {
    ConversationKind kind = ConversationKind::Group;
    QString title;
    QList<QString> members; //!< user ids besides me; exactly one for direct conversations
    std::optional<QString> description = std::nullopt; //!< groups and blind rooms
    std::optional<BlindSetup> blind = std::nullopt;    //!< blind rooms: groups and reveal policy, set with the room
    static void fields(auto &self, auto &v)
    {
        v("kind", self.kind);
        v("title", self.title, rule::Title);
        v("members", self.members, ListRule{.maxItems = field::kMaxMembersPerRequest}, rule::Id);
        v("description", self.description, rule::Description);
        v("blind", self.blind);
    }
    void check(JsonReader &r) const
    {
        if (kind == ConversationKind::Direct && members.size() != 1)
            r.fail(QStringLiteral("members"), QStringLiteral("a direct conversation has exactly one other member"));
        if (kind == ConversationKind::Direct && description)
            r.fail(QStringLiteral("description"), QStringLiteral("a direct conversation has no description"));
        if (kind != ConversationKind::Blind && blind)
            r.fail(QStringLiteral("blind"), QStringLiteral("only blind rooms have groups and a reveal policy"));
    }
    CONFAB_WIRE(ConversationCreate)
};

struct ConversationList {
    bool includeArchived = false;
    static void fields(auto &self, auto &v) { v("include_archived", self.includeArchived); }
    CONFAB_WIRE(ConversationList)
};

struct Conversations {
    QList<ConversationInfo> conversations;
    static void fields(auto &self, auto &v) { v("conversations", self.conversations, ListRule{}); }
    CONFAB_WIRE(Conversations)
};

struct ConversationGet {
    QString conversationId;
    static void fields(auto &self, auto &v) { v("conversation_id", self.conversationId, rule::Id); }
    CONFAB_WIRE(ConversationGet)
};

//! Reply to conversation.get and .create; also pushed when I am added to a conversation.
struct ConversationDetail {
    ConversationInfo conversation;
    QList<MemberInfo> members;
    QList<MarkerInfo> markers;
    static void fields(auto &self, auto &v)
    {
        v("conversation", self.conversation);
        v("members", self.members, ListRule{});
        v("markers", self.markers, ListRule{});
    }
    CONFAB_WIRE(ConversationDetail)
};

struct MembersAdd {
    QString conversationId;
    QList<QString> userIds;
    std::optional<QString> group = std::nullopt; //!< blind rooms only: the new members' label, "A" or "B"
    static void fields(auto &self, auto &v)
    {
        v("conversation_id", self.conversationId, rule::Id);
        v("user_ids", self.userIds, ListRule{.maxItems = field::kMaxMembersPerRequest, .minItems = 1}, rule::Id);
        v("group", self.group, TextRule{.minChars = 1, .maxChars = 1, .idChars = true});
    }
    void check(JsonReader &r) const
    {
        if (group && *group != QLatin1StringView("A") && *group != QLatin1StringView("B"))
            r.fail(QStringLiteral("group"), QStringLiteral("must be \"A\" or \"B\""));
    }
    CONFAB_WIRE(MembersAdd)
};

struct MembersRemove {
    QString conversationId;
    QString memberId;
    static void fields(auto &self, auto &v)
    {
        v("conversation_id", self.conversationId, rule::Id);
        v("member_id", self.memberId, rule::Id);
    }
    CONFAB_WIRE(MembersRemove)
};

struct MembersRole {
    QString conversationId;
    QString memberId;
    Role role = Role::Member;
    static void fields(auto &self, auto &v)
    {
        v("conversation_id", self.conversationId, rule::Id);
        v("member_id", self.memberId, rule::Id);
        v("role", self.role);
    }
    CONFAB_WIRE(MembersRole)
};

struct ConversationLeave {
    QString conversationId;
    static void fields(auto &self, auto &v) { v("conversation_id", self.conversationId, rule::Id); }
    CONFAB_WIRE(ConversationLeave)
};

struct ConversationArchive {
    QString conversationId;
    bool archived = true;
    static void fields(auto &self, auto &v)
    {
        v("conversation_id", self.conversationId, rule::Id);
        v("archived", self.archived);
    }
    CONFAB_WIRE(ConversationArchive)
};

// ---- messages -----------------------------------------------------------------------------------

struct MessageSend {
    QString conversationId;
    QString clientId; //!< chosen by the client; a retry with the same id returns the original message
    QString body;
    std::optional<QString> replyTo;
    QList<QString> attachments;
    QList<Mention> mentions = {}; //!< structured mentions in `body`; the server validates them
    static void fields(auto &self, auto &v)
    {
        v("conversation_id", self.conversationId, rule::Id);
        v("client_id", self.clientId, rule::Id);
        v("body", self.body, rule::Body);
        v("reply_to", self.replyTo, rule::Id);
        v("attachments", self.attachments, ListRule{.maxItems = 10, .required = false}, rule::Id);
        v("mentions", self.mentions, ListRule{.maxItems = field::kMaxMentionsPerMessage, .required = false});
    }
    void check(JsonReader &r) const
    {
        if (body.trimmed().isEmpty() && attachments.isEmpty())
            r.fail(QStringLiteral("body"), QStringLiteral("must not be empty"));
    }
    CONFAB_WIRE(MessageSend)
};

//! Reply to message.send: the stored message (the original one when `client_id` was seen before).
struct MessageSent {
    QString conversationId;
    MessageInfo message;
    static void fields(auto &self, auto &v)
    {
        v("conversation_id", self.conversationId, rule::Id);
        v("message", self.message);
    }
    CONFAB_WIRE(MessageSent)
};

struct MessageEdit {
    QString conversationId;
    QString messageId;
    QString body;
    QList<Mention> mentions = {}; //!< the new body's mentions: they replace the old ones (absent: none)
    static void fields(auto &self, auto &v)
    {
        v("conversation_id", self.conversationId, rule::Id);
        v("message_id", self.messageId, rule::Id);
        v("body", self.body, TextRule{.minChars = 1, .maxBytes = rule::Body.maxBytes, .multiLine = true});
        v("mentions", self.mentions, ListRule{.maxItems = field::kMaxMentionsPerMessage, .required = false});
    }
    void check(JsonReader &r) const
    {
        if (body.trimmed().isEmpty())
            r.fail(QStringLiteral("body"), QStringLiteral("must not be blank"));
    }
    CONFAB_WIRE(MessageEdit)
};

struct MessageDelete {
    QString conversationId;
    QString messageId;
    static void fields(auto &self, auto &v)
    {
        v("conversation_id", self.conversationId, rule::Id);
        v("message_id", self.messageId, rule::Id);
    }
    CONFAB_WIRE(MessageDelete)
};

struct MessageReact {
    QString conversationId;
    QString messageId;
    QString emoji;
    bool add = true;
    static void fields(auto &self, auto &v)
    {
        v("conversation_id", self.conversationId, rule::Id);
        v("message_id", self.messageId, rule::Id);
        v("emoji", self.emoji, rule::Emoji);
        v("add", self.add);
    }
    CONFAB_WIRE(MessageReact)
};

//! A page of a conversation's log: the newest page, or the events before/after a seq.
struct HistoryRequest {
    QString conversationId;
    std::optional<qint64> before;
    std::optional<qint64> after;
    qint64 limit = 50;
    static void fields(auto &self, auto &v)
    {
        v("conversation_id", self.conversationId, rule::Id);
        v("before", self.before, rule::Positive);
        v("after", self.after, rule::Seq);
        v("limit", self.limit, IntRule{1, 100});
    }
    void check(JsonReader &r) const
    {
        if (before && after)
            r.fail(QStringLiteral("after"), QStringLiteral("cannot be combined with before"));
    }
    CONFAB_WIRE(HistoryRequest)
};

struct History {
    QString conversationId;
    QList<Event> events; //!< ascending by seq
    bool hasMore = false;
    static void fields(auto &self, auto &v)
    {
        v("conversation_id", self.conversationId, rule::Id);
        v("events", self.events, ListRule{});
        v("has_more", self.hasMore);
    }
    CONFAB_WIRE(History)
};

//! Catch up after being away: for each conversation, what came after the seq I have.
//! Conversations I belong to but did not list come back whole (`reset`).
struct SyncRequest {
    QList<ConversationSeq> conversations;
    //! Also the profiles of the people I share a conversation with that changed after this time
    //! (`server_time` of the last sync; 0: all of them). Absent: none.
    std::optional<qint64> profilesSince = std::nullopt;
    static void fields(auto &self, auto &v)
    {
        v("conversations", self.conversations, ListRule{.maxItems = field::kMaxSyncConversations});
        v("profiles_since", self.profilesSince, rule::Time);
    }
    CONFAB_WIRE(SyncRequest)
};

struct SyncResult {
    QList<SyncEntry> conversations;
    qint64 serverTime = 0;
    QList<ProfileInfo> users = {}; //!< with `profiles_since`: the profiles that changed since
    static void fields(auto &self, auto &v)
    {
        v("conversations", self.conversations, ListRule{});
        v("server_time", self.serverTime, rule::Time);
        v("users", self.users, ListRule{.required = false});
    }
    CONFAB_WIRE(SyncResult)
};

// ---- ephemeral: typing, receipts, presence ------------------------------------------------------

struct Typing {
    QString conversationId;
    bool active = true;
    static void fields(auto &self, auto &v)
    {
        v("conversation_id", self.conversationId, rule::Id);
        v("active", self.active);
    }
    CONFAB_WIRE(Typing)
};

struct TypingUpdate {
    QString conversationId;
    QString memberId;
    bool active = true;
    static void fields(auto &self, auto &v)
    {
        v("conversation_id", self.conversationId, rule::Id);
        v("member_id", self.memberId, rule::Id);
        v("active", self.active);
    }
    CONFAB_WIRE(TypingUpdate)
};

//! Moves my delivered or read marker forward (never back) to `seq`.
struct Receipt {
    QString conversationId;
    ReceiptKind kind = ReceiptKind::Read;
    qint64 seq = 0;
    static void fields(auto &self, auto &v)
    {
        v("conversation_id", self.conversationId, rule::Id);
        v("kind", self.kind);
        v("seq", self.seq, rule::Seq);
    }
    CONFAB_WIRE(Receipt)
};

struct MarkerUpdate {
    QString conversationId;
    QString memberId;
    qint64 deliveredSeq = 0;
    qint64 readSeq = 0;
    static void fields(auto &self, auto &v)
    {
        v("conversation_id", self.conversationId, rule::Id);
        v("member_id", self.memberId, rule::Id);
        v("delivered_seq", self.deliveredSeq, rule::Seq);
        v("read_seq", self.readSeq, rule::Seq);
    }
    CONFAB_WIRE(MarkerUpdate)
};

struct PresenceSet {
    PresenceStatus status = PresenceStatus::Online;
    static void fields(auto &self, auto &v) { v("status", self.status); }
    void check(JsonReader &r) const
    {
        if (status == PresenceStatus::Offline)
            r.fail(QStringLiteral("status"), QStringLiteral("must be online or away"));
    }
    CONFAB_WIRE(PresenceSet)
};

struct PresenceUpdate {
    QString userId;
    PresenceStatus status = PresenceStatus::Online;
    std::optional<qint64> lastSeen;
    static void fields(auto &self, auto &v)
    {
        v("user_id", self.userId, rule::Id);
        v("status", self.status);
        v("last_seen", self.lastSeen, rule::Time);
    }
    CONFAB_WIRE(PresenceUpdate)
};

// ---- attachments --------------------------------------------------------------------------------

//! Announces an upload. The bytes follow as binary frames (see binary.h), then attachment.finish.
struct AttachmentBegin {
    QString conversationId;
    QString name;
    qint64 size = 0;
    QString mime;
    QString sha256;
    static void fields(auto &self, auto &v)
    {
        v("conversation_id", self.conversationId, rule::Id);
        v("name", self.name, rule::FileName);
        v("size", self.size, rule::Positive);
        v("mime", self.mime, rule::Mime);
        v("sha256", self.sha256, rule::Sha256);
    }
    CONFAB_WIRE(AttachmentBegin)
};

struct AttachmentStatus {
    QString uploadId;
    static void fields(auto &self, auto &v) { v("upload_id", self.uploadId, rule::Id); }
    CONFAB_WIRE(AttachmentStatus)
};

//! Reply to attachment.begin and .status: where to send the next chunk.
struct AttachmentUpload {
    QString uploadId;
    QString attachmentId;
    qint64 offset = 0;
    qint64 chunkBytes = 0;
    static void fields(auto &self, auto &v)
    {
        v("upload_id", self.uploadId, rule::Id);
        v("attachment_id", self.attachmentId, rule::Id);
        v("offset", self.offset, rule::Count);
        v("chunk_bytes", self.chunkBytes, rule::Positive);
    }
    CONFAB_WIRE(AttachmentUpload)
};

struct AttachmentFinish {
    QString uploadId;
    static void fields(auto &self, auto &v) { v("upload_id", self.uploadId, rule::Id); }
    CONFAB_WIRE(AttachmentFinish)
};

struct AttachmentDone {
    AttachmentInfo attachment;
    static void fields(auto &self, auto &v) { v("attachment", self.attachment); }
    CONFAB_WIRE(AttachmentDone)
};

//! Asks for `length` bytes from `offset` (all that remain when absent); they follow as binary frames.
struct AttachmentFetch {
    QString attachmentId;
    qint64 offset = 0;
    std::optional<qint64> length;
    bool thumbnail = false;
    static void fields(auto &self, auto &v)
    {
        v("attachment_id", self.attachmentId, rule::Id);
        v("offset", self.offset, rule::Count);
        v("length", self.length, rule::Positive);
        v("thumbnail", self.thumbnail);
    }
    CONFAB_WIRE(AttachmentFetch)
};

//! Reply to attachment.fetch, sent before the binary frames that carry the bytes.
struct AttachmentData {
    AttachmentInfo attachment;
    qint64 offset = 0;
    qint64 length = 0;
    static void fields(auto &self, auto &v)
    {
        v("attachment", self.attachment);
        v("offset", self.offset, rule::Count);
        v("length", self.length, rule::Count);
    }
    CONFAB_WIRE(AttachmentData)
};

// ---- search -------------------------------------------------------------------------------------

struct SearchRequest {
    QString query;
    std::optional<QString> conversationId; //!< absent: all my conversations
    qint64 limit = 20;
    std::optional<QString> cursor;
    static void fields(auto &self, auto &v)
    {
        v("query", self.query, rule::Query);
        v("conversation_id", self.conversationId, rule::Id);
        v("limit", self.limit, IntRule{1, 50});
        v("cursor", self.cursor, rule::Token);
    }
    void check(JsonReader &r) const
    {
        if (query.trimmed().isEmpty())
            r.fail(QStringLiteral("query"), QStringLiteral("must not be blank"));
    }
    CONFAB_WIRE(SearchRequest)
};

struct SearchResult {
    QList<SearchHit> hits;
    std::optional<QString> nextCursor;
    static void fields(auto &self, auto &v)
    {
        v("hits", self.hits, ListRule{});
        v("next_cursor", self.nextCursor, rule::Token);
    }
    CONFAB_WIRE(SearchResult)
};

// ---- account settings ---------------------------------------------------------------------------

//! Changes the caller's settings; the reply and every other session of the user get `settings`.
struct SettingsSet {
    AccountSettings settings;
    static void fields(auto &self, auto &v) { v("settings", self.settings); }
    CONFAB_WIRE(SettingsSet)
};

struct SettingsUpdate {
    AccountSettings settings;
    static void fields(auto &self, auto &v) { v("settings", self.settings); }
    CONFAB_WIRE(SettingsUpdate)
};

// ---- conversation settings, threads, streamed messages -----------------------------------------

//! Renames and/or describes a group (owners and admins). Each change is its own event.
struct ConversationUpdate {
    QString conversationId;
    std::optional<QString> title;
    std::optional<QString> description; //!< "" removes it
    static void fields(auto &self, auto &v)
    {
        v("conversation_id", self.conversationId, rule::Id);
        v("title", self.title, TextRule{.minChars = 1, .maxChars = field::kTitleMaxChars, .name = true});
        v("description", self.description, rule::Description);
    }
    void check(JsonReader &r) const
    {
        if (!title && !description)
            r.fail(QStringLiteral("title"), QStringLiteral("give a title, a description or both"));
        else if (title && title->trimmed().isEmpty())
            r.fail(QStringLiteral("title"), QStringLiteral("must not be blank"));
    }
    CONFAB_WIRE(ConversationUpdate)
};

//! Mutes (or unmutes) a conversation for me only: no notifications, unread counts unchanged.
struct ConversationMute {
    QString conversationId;
    bool muted = true;
    static void fields(auto &self, auto &v)
    {
        v("conversation_id", self.conversationId, rule::Id);
        v("muted", self.muted);
    }
    CONFAB_WIRE(ConversationMute)
};

//! Pushed to all of my sessions when I muted or unmuted a conversation on any of them.
struct MuteUpdate {
    QString conversationId;
    bool muted = true;
    static void fields(auto &self, auto &v)
    {
        v("conversation_id", self.conversationId, rule::Id);
        v("muted", self.muted);
    }
    CONFAB_WIRE(MuteUpdate)
};

//! A page of a thread: the replies after `after` (a seq), oldest first.
struct ThreadRequest {
    QString conversationId;
    QString rootId;
    qint64 after = 0;
    qint64 limit = 50;
    static void fields(auto &self, auto &v)
    {
        v("conversation_id", self.conversationId, rule::Id);
        v("root_id", self.rootId, rule::Id);
        v("after", self.after, IntRule{.min = 0, .defaulted = true});
        v("limit", self.limit, IntRule{.min = 1, .max = 100, .defaulted = true});
    }
    CONFAB_WIRE(ThreadRequest)
};

struct Thread {
    QString conversationId;
    MessageInfo root;
    QList<MessageInfo> replies; //!< ascending by seq
    bool hasMore = false;
    static void fields(auto &self, auto &v)
    {
        v("conversation_id", self.conversationId, rule::Id);
        v("root", self.root);
        v("replies", self.replies, ListRule{});
        v("has_more", self.hasMore);
    }
    CONFAB_WIRE(Thread)
};

//! Starts a streamed message: its seq is taken now; the reply is `message.sent` with `stream`.
struct StreamStart {
    QString conversationId;
    QString clientId;
    std::optional<QString> replyTo;
    static void fields(auto &self, auto &v)
    {
        v("conversation_id", self.conversationId, rule::Id);
        v("client_id", self.clientId, rule::Id);
        v("reply_to", self.replyTo, rule::Id);
    }
    CONFAB_WIRE(StreamStart)
};

//! Appends text to my streaming message.
struct StreamAppend {
    QString conversationId;
    QString messageId;
    QString text;
    static void fields(auto &self, auto &v)
    {
        v("conversation_id", self.conversationId, rule::Id);
        v("message_id", self.messageId, rule::Id);
        v("text", self.text, TextRule{.minChars = 1, .maxBytes = rule::Body.maxBytes, .multiLine = true});
    }
    CONFAB_WIRE(StreamAppend)
};

//! Finishes my streaming message; the reply is `message.sent` with the final message.
struct StreamEnd {
    QString conversationId;
    QString messageId;
    std::optional<qint64> tokens;
    std::optional<qint64> latencyMs;
    static void fields(auto &self, auto &v)
    {
        v("conversation_id", self.conversationId, rule::Id);
        v("message_id", self.messageId, rule::Id);
        v("tokens", self.tokens, rule::Count);
        v("latency_ms", self.latencyMs, rule::Count);
    }
    CONFAB_WIRE(StreamEnd)
};

//! Pushed while a message streams, at most ~20 times a second per message: the whole text so far.
struct StreamUpdate {
    QString conversationId;
    QString messageId;
    qint64 seq = 0;
    QString body;
    static void fields(auto &self, auto &v)
    {
        v("conversation_id", self.conversationId, rule::Id);
        v("message_id", self.messageId, rule::Id);
        v("seq", self.seq, rule::Positive);
        v("body", self.body, rule::Body);
    }
    CONFAB_WIRE(StreamUpdate)
};

// ---- blind rooms: mutual reveal and reports ------------------------------------------------------

//! Offers (`offer`) to reveal my identity to one member (`member_id`) or to the room (absent), or
//! withdraws such an offer (`offer: false`). Names are shown only where offers meet.
struct ConversationReveal {
    QString conversationId;
    std::optional<QString> memberId;
    bool offer = true;
    static void fields(auto &self, auto &v)
    {
        v("conversation_id", self.conversationId, rule::Id);
        v("member_id", self.memberId, rule::Id);
        v("offer", self.offer);
    }
    CONFAB_WIRE(ConversationReveal)
};

//! The owner of a blind room allows or forbids reveals.
struct ConversationReveals {
    QString conversationId;
    bool allowed = true;
    static void fields(auto &self, auto &v)
    {
        v("conversation_id", self.conversationId, rule::Id);
        v("allowed", self.allowed);
    }
    CONFAB_WIRE(ConversationReveals)
};

//! Reports a member (by the id the reporter knows: the alias id in blind rooms) to the server's operator.
struct MembersReport {
    QString conversationId;
    QString memberId;
    QString reason;
    static void fields(auto &self, auto &v)
    {
        v("conversation_id", self.conversationId, rule::Id);
        v("member_id", self.memberId, rule::Id);
        v("reason", self.reason, TextRule{.minChars = 1, .maxChars = field::kReportReasonMaxChars, .multiLine = true});
    }
    void check(JsonReader &r) const
    {
        if (reason.trimmed().isEmpty())
            r.fail(QStringLiteral("reason"), QStringLiteral("must not be blank"));
    }
    CONFAB_WIRE(MembersReport)
};

// ---- blind rooms: groups and the reveal policy ---------------------------------------------------

//! The owner puts a member (by alias id) into group "A" or "B", or into none (`group` absent).
struct MembersGroup {
    QString conversationId;
    QString memberId;
    std::optional<QString> group;
    static void fields(auto &self, auto &v)
    {
        v("conversation_id", self.conversationId, rule::Id);
        v("member_id", self.memberId, rule::Id);
        v("group", self.group, kGroupRule);
    }
    void check(JsonReader &r) const { checkGroup(r, group, "group"); }
    CONFAB_WIRE(MembersGroup)
};

//! The owner sets who sees whom: nobody, pairs who agree, or also everyone at `reveal_at`
//! (a new time moves the reveal; another policy cancels it). `members_invite`, when given, lets
//! members add others (or stops it).
struct RevealPolicySet {
    QString conversationId;
    RevealPolicy reveal = RevealPolicy::Mutual;
    std::optional<qint64> revealAt;
    std::optional<bool> membersInvite;
    static void fields(auto &self, auto &v)
    {
        v("conversation_id", self.conversationId, rule::Id);
        v("reveal", self.reveal);
        v("reveal_at", self.revealAt, rule::Positive);
        v("members_invite", self.membersInvite);
    }
    void check(JsonReader &r) const
    {
        if (reveal == RevealPolicy::Scheduled && !revealAt)
            r.fail(QStringLiteral("reveal_at"), QStringLiteral("is required when the reveal is scheduled"));
        if (reveal != RevealPolicy::Scheduled && revealAt)
            r.fail(QStringLiteral("reveal_at"), QStringLiteral("is only for a scheduled reveal"));
    }
    CONFAB_WIRE(RevealPolicySet)
};

// ---- mentions and notification levels ----------------------------------------------------------

//! Sets when a conversation notifies me (all / mentions / nothing); replaces conversation.mute.
struct ConversationNotify {
    QString conversationId;
    NotifyLevel level = NotifyLevel::All;
    static void fields(auto &self, auto &v)
    {
        v("conversation_id", self.conversationId, rule::Id);
        v("level", self.level);
    }
    CONFAB_WIRE(ConversationNotify)
};

//! Pushed to all of my sessions when my notification level of a conversation changed on any of them.
struct NotifyUpdate {
    QString conversationId;
    NotifyLevel level = NotifyLevel::All;
    static void fields(auto &self, auto &v)
    {
        v("conversation_id", self.conversationId, rule::Id);
        v("level", self.level);
    }
    CONFAB_WIRE(NotifyUpdate)
};

//! The messages that mention me (or @room), newest first, in every conversation I am a member of.
struct MentionsList {
    qint64 limit = 20;
    std::optional<QString> cursor; //!< `next_cursor` of the previous page
    static void fields(auto &self, auto &v)
    {
        v("limit", self.limit, IntRule{.min = 1, .max = 50, .defaulted = true});
        v("cursor", self.cursor, rule::Token);
    }
    CONFAB_WIRE(MentionsList)
};

//! Reply to mentions.list: hits shaped like search's, `highlights` marking my mentions in `snippet`.
struct Mentions {
    QList<SearchHit> hits;
    std::optional<QString> nextCursor;
    static void fields(auto &self, auto &v)
    {
        v("hits", self.hits, ListRule{});
        v("next_cursor", self.nextCursor, rule::Token);
    }
    CONFAB_WIRE(Mentions)
};

// ---- generic replies ----------------------------------------------------------------------------

//! The success reply of requests that have nothing else to say.
struct Ok {
    static void fields(auto &, auto &) {}
    CONFAB_WIRE(Ok)
};

struct Error {
    ErrorCode code = ErrorCode::Internal;
    QString message;
    std::optional<QString> field;
    std::optional<qint64> retryAfterMs; //!< with RATE_LIMITED and UNAVAILABLE
    static void fields(auto &self, auto &v)
    {
        v("code", self.code);
        v("message", self.message, rule::Message);
        v("field", self.field, TextRule{.minChars = 1, .maxChars = 256});
        v("retry_after_ms", self.retryAfterMs, rule::Count);
    }
    CONFAB_WIRE(Error)
};

// ---- the list ---------------------------------------------------------------------------------

enum class Direction { ClientToServer, ServerToClient };

// Append only, never reorder: the position is each frame's FrameType value.
#define CONFAB_FRAMES(X)                                                                                     \
    X(AuthRegister, "auth.register", ClientToServer)                                                         \
    X(AuthLogin, "auth.login", ClientToServer)                                                               \
    X(AuthResume, "auth.resume", ClientToServer)                                                             \
    X(AuthLogout, "auth.logout", ClientToServer)                                                             \
    X(AuthSessions, "auth.sessions", ClientToServer)                                                         \
    X(AuthRevoke, "auth.revoke", ClientToServer)                                                             \
    X(AuthOk, "auth.ok", ServerToClient)                                                                     \
    X(Sessions, "sessions", ServerToClient)                                                                  \
    X(UserLookup, "user.lookup", ClientToServer)                                                             \
    X(Users, "users", ServerToClient)                                                                        \
    X(ConversationCreate, "conversation.create", ClientToServer)                                             \
    X(ConversationList, "conversation.list", ClientToServer)                                                 \
    X(Conversations, "conversations", ServerToClient)                                                        \
    X(ConversationGet, "conversation.get", ClientToServer)                                                   \
    X(ConversationDetail, "conversation", ServerToClient)                                                    \
    X(MembersAdd, "conversation.members.add", ClientToServer)                                                \
    X(MembersRemove, "conversation.members.remove", ClientToServer)                                          \
    X(MembersRole, "conversation.members.role", ClientToServer)                                              \
    X(ConversationLeave, "conversation.leave", ClientToServer)                                               \
    X(ConversationArchive, "conversation.archive", ClientToServer)                                           \
    X(MessageSend, "message.send", ClientToServer)                                                           \
    X(MessageSent, "message.sent", ServerToClient)                                                           \
    X(MessageEdit, "message.edit", ClientToServer)                                                           \
    X(MessageDelete, "message.delete", ClientToServer)                                                       \
    X(MessageReact, "message.react", ClientToServer)                                                         \
    X(HistoryRequest, "message.history", ClientToServer)                                                     \
    X(History, "history", ServerToClient)                                                                    \
    X(SyncRequest, "sync", ClientToServer)                                                                   \
    X(SyncResult, "sync.result", ServerToClient)                                                             \
    X(Event, "event", ServerToClient)                                                                        \
    X(Typing, "typing", ClientToServer)                                                                      \
    X(TypingUpdate, "typing.update", ServerToClient)                                                         \
    X(Receipt, "receipt", ClientToServer)                                                                    \
    X(MarkerUpdate, "marker", ServerToClient)                                                                \
    X(PresenceSet, "presence.set", ClientToServer)                                                           \
    X(PresenceUpdate, "presence", ServerToClient)                                                            \
    X(AttachmentBegin, "attachment.begin", ClientToServer)                                                   \
    X(AttachmentStatus, "attachment.status", ClientToServer)                                                 \
    X(AttachmentUpload, "attachment.upload", ServerToClient)                                                 \
    X(AttachmentFinish, "attachment.finish", ClientToServer)                                                 \
    X(AttachmentDone, "attachment.done", ServerToClient)                                                     \
    X(AttachmentFetch, "attachment.fetch", ClientToServer)                                                   \
    X(AttachmentData, "attachment.data", ServerToClient)                                                     \
    X(SearchRequest, "search", ClientToServer)                                                               \
    X(SearchResult, "search.result", ServerToClient)                                                         \
    X(Ok, "ok", ServerToClient)                                                                              \
    X(Error, "error", ServerToClient)                                                                        \
    X(SettingsSet, "settings.set", ClientToServer)                                                           \
    X(SettingsUpdate, "settings", ServerToClient)                                                            \
    X(ConversationUpdate, "conversation.update", ClientToServer)                                             \
    X(ConversationMute, "conversation.mute", ClientToServer)                                                 \
    X(MuteUpdate, "conversation.muted", ServerToClient)                                                      \
    X(ThreadRequest, "thread.get", ClientToServer)                                                           \
    X(Thread, "thread", ServerToClient)                                                                      \
    X(StreamStart, "message.stream.start", ClientToServer)                                                   \
    X(StreamAppend, "message.stream.append", ClientToServer)                                                 \
    X(StreamEnd, "message.stream.end", ClientToServer)                                                       \
    X(StreamUpdate, "message.stream", ServerToClient)                                                        \
    X(ConversationReveal, "conversation.reveal", ClientToServer)                                             \
    X(ConversationReveals, "conversation.reveals", ClientToServer)                                           \
    X(MembersReport, "conversation.members.report", ClientToServer)                                          \
    X(MembersGroup, "conversation.members.group", ClientToServer)                                            \
    X(RevealPolicySet, "conversation.reveal.policy", ClientToServer)                                         \
    X(ConversationNotify, "conversation.notify", ClientToServer)                                             \
    X(NotifyUpdate, "conversation.notify.level", ServerToClient)                                             \
    X(MentionsList, "mentions.list", ClientToServer)                                                         \
    X(Mentions, "mentions", ServerToClient)                                                                  \
    X(AccountPassword, "account.password", ClientToServer)                                                   \
    X(AccountProfile, "account.profile", ClientToServer)                                                     \
    X(UserUpdated, "user.updated", ServerToClient)                                                           \
    X(MessageForward, "message.forward", ClientToServer)                                                     \
    X(ConversationMark, "conversation.mark", ClientToServer)                                                 \
    X(ConversationMarked, "conversation.marked", ServerToClient)                                             \
    X(MessagePin, "message.pin", ClientToServer)                                                             \
    X(PinsList, "pins.list", ClientToServer)                                                                 \
    X(Pins, "pins", ServerToClient)                                                                          \
    X(PinRights, "conversation.pin_rights", ClientToServer)                                                  \
    X(MatchCreate, "conversation.match", ClientToServer)                                                     \
    X(Matched, "conversation.matched", ServerToClient)                                                       \
    X(AccountExport, "account.export", ClientToServer)                                                       \
    X(AccountExportStatus, "account.export.status", ClientToServer)                                          \
    X(AccountExportProgress, "account.export.progress", ServerToClient)                                      \
    X(UserSearch, "user.search", ClientToServer)                                                             \
    X(Directory, "user.directory", ServerToClient)                                                           \
    X(AccountDelete, "account.delete", ClientToServer)                                                       \
    X(AccountBlock, "account.block", ClientToServer)                                                         \
    X(BlocksList, "blocks.list", ClientToServer)                                                             \
    X(Blocks, "blocks", ServerToClient)                                                                      \
    X(AccountAvatar, "account.avatar", ClientToServer)                                                       \
    X(AvatarSet, "account.avatar.set", ServerToClient)                                                       \
    X(AvatarFetch, "avatar.fetch", ClientToServer)                                                           \
    X(AvatarData, "avatar", ServerToClient)

enum class FrameType {
#define CONFAB_X(T, name, dir) T,
    CONFAB_FRAMES(CONFAB_X)
#undef CONFAB_X
};

#define CONFAB_X(T, name, dir) , T
using Frame = std::variant<std::monostate CONFAB_FRAMES(CONFAB_X)>;
#undef CONFAB_X

inline constexpr int kFrameTypeCount = std::variant_size_v<Frame> - 1;

QString frameTypeName(FrameType type);
std::optional<FrameType> frameTypeFromName(QStringView name);
Direction frameDirection(FrameType type);

namespace detail {
template <class T, class V> struct IndexIn;
template <class T, class... Ts> struct IndexIn<T, std::variant<Ts...>> {
    static constexpr size_t value = [] {
        size_t i = 0;
        ((std::is_same_v<T, Ts> ? false : (++i, true)) && ...);
        return i;
    }();
};
} // namespace detail

//! The FrameType of a frame struct, e.g. `frameTypeOf<MessageSend>()`.
template <class T> constexpr FrameType frameTypeOf()
{
    constexpr size_t index = detail::IndexIn<T, Frame>::value;
    static_assert(index > 0 && index < std::variant_size_v<Frame>, "not a frame type");
    return static_cast<FrameType>(index - 1);
}
FrameType frameTypeOf(const Frame &frame); //!< must not be the empty std::monostate

//! The envelope of a text frame: `id` on requests, `re` on replies (the request's id).
struct Envelope {
    QString id;
    QString re;
};

struct Decoded {
    Envelope envelope;
    Frame frame;
    FrameType type() const { return frameTypeOf(frame); }
};

/*!
 * Decodes one text frame strictly: size, UTF-8, nesting depth, version, type, envelope, then the
 * frame's own fields. Unknown fields are ignored; unknown types are INVALID.
 */
Result<Decoded> decodeFrame(QByteArrayView text, qint64 maxFrameBytes = Limits{}.maxFrameBytes);
Result<Decoded> decodeObject(const QJsonObject &object);

QJsonObject encodeObject(const Frame &frame, const Envelope &envelope = {});
QByteArray encodeFrame(const Frame &frame, const Envelope &envelope = {});

} // namespace confab::protocol

#pragma once

// Every value that travels in Confab's frames, each listing its fields once.
// Names on the wire are snake_case; docs/protocol.md shows each one with an example.

#include "json.h"

namespace confab::protocol {

// ---- enums ------------------------------------------------------------------------------------

enum class ConversationKind { Direct, Group, Blind };
template <> struct EnumNames<ConversationKind> {
    static constexpr std::array<const char *, 3> names{"direct", "group", "blind"};
};

enum class Role { Owner, Admin, Member };
template <> struct EnumNames<Role> {
    static constexpr std::array<const char *, 3> names{"owner", "admin", "member"};
};

enum class ReceiptKind { Delivered, Read };
template <> struct EnumNames<ReceiptKind> {
    static constexpr std::array<const char *, 2> names{"delivered", "read"};
};

//! Where a streamed message stands: growing, finished by its sender, or finished by the server.
enum class StreamState { Streaming, Complete, Interrupted };
template <> struct EnumNames<StreamState> {
    static constexpr std::array<const char *, 3> names{"streaming", "complete", "interrupted"};
};

enum class PresenceStatus { Online, Away, Offline };
template <> struct EnumNames<PresenceStatus> {
    static constexpr std::array<const char *, 3> names{"online", "away", "offline"};
};

//! What a conversation event records. Append only: the order is not on the wire, but keep it stable.
enum class EventKind {
    Message,       //!< a new message (`message`)
    Edit,          //!< `message_id` got a new `body`
    Delete,        //!< `message_id` was deleted; its body is gone
    Reaction,      //!< `emoji` was added to (`add`) or removed from `message_id` by `actor`
    Created,       //!< the conversation was created (`title`)
    MemberAdded,   //!< `member` joined, added by `actor`
    MemberRemoved, //!< `member` was removed by `actor`
    MemberLeft,    //!< `member` left
    RoleChanged,   //!< `member` now has `member.role`
    Renamed,       //!< new `title`
    Archived,      //!< `archived` changed
    Described,     //!< new `description` (empty: removed)
    StreamEnded,   //!< the streamed `message` is final (its `stream.state` is complete or interrupted)
    // Blind rooms: mutual reveal. Only the members an offer or a reveal is about see who (`actor_id`,
    // `target_id`, `member`); everyone else gets the event without them (docs/protocol.md, "Blind rooms").
    RevealOffered,   //!< `actor` offers to reveal their identity to `target_id`, or to the room when absent
    RevealWithdrawn, //!< `actor` withdrew that offer before it was matched
    Revealed,        //!< `actor` and `target_id` agreed: `member` is the other one, with `revealed`
    RevealsAllowed,  //!< the owner turned reveals on or off (`allowed`); off withdraws every open offer
    // Blind rooms: groups and the scheduled reveal.
    GroupChanged,    //!< `member` is now in `member.group` (absent: in no group), moved by `actor`
    RevealScheduled, //!< the owner set the time of the room's reveal (`reveal_at`), or cancelled it (absent)
    InvitesAllowed,  //!< the owner let members add others, or stopped it (`allowed`)
    RevealedToAll,   //!< the scheduled reveal: `member` (with `revealed`) is known to every member now
    // Pinned messages.
    Pinned,           //!< `actor` pinned `message_id`; `message` is the pinned message as it is now
    Unpinned,         //!< `actor` unpinned `message_id`
    PinRightsChanged, //!< the owner let members pin, or stopped it (`allowed`)
};
template <> struct EnumNames<EventKind> {
    static constexpr std::array<const char *, 24> names{"message",        "edit",        "delete",
                                                        "reaction",       "created",     "member_added",
                                                        "member_removed", "member_left", "role_changed",
                                                        "renamed",        "archived",    "described",
                                                        "stream_ended",   "reveal_offered", "reveal_withdrawn",
                                                        "revealed",       "reveals_allowed", "group_changed",
                                                        "reveal_scheduled", "invites_allowed", "revealed_to_all",
                                                        "pinned",         "unpinned",    "pin_rights_changed"};
};

//! Who sees whom in a blind room: nobody (`off`), pairs who agree (`mutual`), or, besides that,
//! everyone at a set time (`scheduled`).
enum class RevealPolicy { Off, Mutual, Scheduled };
template <> struct EnumNames<RevealPolicy> {
    static constexpr std::array<const char *, 3> names{"off", "mutual", "scheduled"};
};

//! When a conversation notifies me: every message, mentions of me (and @room) only, or never.
enum class NotifyLevel { All, Mentions, Nothing };
template <> struct EnumNames<NotifyLevel> {
    static constexpr std::array<const char *, 3> names{"all", "mentions", "nothing"};
};

template <> struct EnumNames<ErrorCode> {
    static constexpr std::array<const char *, 9> names{"UNAUTHORIZED", "FORBIDDEN",   "NOT_FOUND",
                                                       "INVALID",      "TOO_LARGE",   "RATE_LIMITED",
                                                       "CONFLICT",     "UNAVAILABLE", "INTERNAL"};
};

// ---- values -----------------------------------------------------------------------------------

inline void Limits::fields(auto &self, auto &v)
{
    v("max_frame_bytes", self.maxFrameBytes, rule::Positive);
    v("max_binary_frame_bytes", self.maxBinaryFrameBytes, rule::Positive);
    v("max_body_bytes", self.maxBodyBytes, rule::Positive);
    v("max_attachment_bytes", self.maxAttachmentBytes, IntRule{1, Limits::kAttachmentBytesCeiling});
    v("chunk_bytes", self.chunkBytes, rule::Positive);
    v("max_attachments_per_message", self.maxAttachmentsPerMessage, rule::Count);
    v("history_page_max", self.historyPageMax, rule::Positive);
    v("send_burst", self.sendBurst, rule::Positive);
    v("send_per_minute", self.sendPerMinute, rule::Positive);
    v("typing_refresh_ms", self.typingRefreshMs, rule::Positive);
    v("typing_stop_ms", self.typingStopMs, rule::Positive);
    v("typing_expire_ms", self.typingExpireMs, rule::Positive);
    v("sync_gap_max", self.syncGapMax, rule::Positive);
    v("password_min_chars", self.passwordMinChars,
      IntRule{.min = field::kPasswordMinChars, .max = field::kPasswordMaxBytes, .defaulted = true});
}

//! The signed-in user, as they see themselves.
struct UserInfo {
    QString id;
    QString username;
    QString displayName;
    std::optional<QString> status = std::nullopt; //!< my status text (account.profile); absent when none
    std::optional<QString> avatar = std::nullopt; //!< my avatar's hash (account.avatar); absent when none
    static void fields(auto &self, auto &v)
    {
        v("id", self.id, rule::Id);
        v("username", self.username, rule::Username);
        v("display_name", self.displayName, rule::DisplayName);
        v("status", self.status, rule::Status);
        v("avatar", self.avatar, rule::Sha256);
    }
    CONFAB_WIRE(UserInfo)
};

/*!
 * A member of a conversation as other members see them. In blind rooms `id` is the member's
 * per-room alias id, `name` the alias (English), `name_ko` the same alias in Korean, `alias` is
 * true, `group` may be "A"/"B", and `username` is absent; `revealed` carries the real identity,
 * only for a viewer the member agreed a mutual reveal with.
 */
struct MemberInfo {
    QString id;
    QString name;
    std::optional<QString> username;
    Role role = Role::Member;
    bool alias = false;
    std::optional<QString> group;
    std::optional<bool> bot; //!< true for bot accounts; absent for people
    std::optional<QString> nameKo;     //!< blind rooms: the alias in Korean (same words, same index)
    std::optional<UserInfo> revealed;  //!< blind rooms: who this is, for a viewer with a mutual reveal only
    std::optional<QString> status = std::nullopt; //!< the member's status text; never in blind rooms
    std::optional<bool> deleted = std::nullopt;   //!< true: a deleted account ("Deleted user"); never in blind rooms
    std::optional<QString> avatar = std::nullopt; //!< the member's avatar hash; never in blind rooms
    static void fields(auto &self, auto &v)
    {
        v("id", self.id, rule::Id);
        v("name", self.name, rule::DisplayName);
        v("username", self.username, rule::Username);
        v("role", self.role);
        v("alias", self.alias);
        v("group", self.group, TextRule{.minChars = 1, .maxChars = 1, .idChars = true});
        v("bot", self.bot);
        v("name_ko", self.nameKo, rule::DisplayName);
        v("revealed", self.revealed);
        v("status", self.status, rule::Status);
        v("deleted", self.deleted);
        v("avatar", self.avatar, rule::Sha256);
    }
    CONFAB_WIRE(MemberInfo)
};

//! A member's delivered/read markers (DESIGN.md invariant 7).
struct MarkerInfo {
    QString memberId;
    qint64 deliveredSeq = 0;
    qint64 readSeq = 0;
    static void fields(auto &self, auto &v)
    {
        v("member_id", self.memberId, rule::Id);
        v("delivered_seq", self.deliveredSeq, rule::Seq);
        v("read_seq", self.readSeq, rule::Seq);
    }
    CONFAB_WIRE(MarkerInfo)
};

//! The reactions with one emoji on a message: how many, and who (MemberInfo ids, alias ids in blind rooms).
struct ReactionInfo {
    QString emoji;
    qint64 count = 0;
    QList<QString> memberIds;
    static void fields(auto &self, auto &v)
    {
        v("emoji", self.emoji, rule::Emoji);
        v("count", self.count, rule::Positive);
        v("member_ids", self.memberIds, ListRule{}, rule::Id);
    }
    CONFAB_WIRE(ReactionInfo)
};

//! A streamed message's state and, once finished, what its sender said about it.
struct StreamInfo {
    StreamState state = StreamState::Streaming;
    std::optional<qint64> tokens;
    std::optional<qint64> latencyMs;
    static void fields(auto &self, auto &v)
    {
        v("state", self.state);
        v("tokens", self.tokens, rule::Count);
        v("latency_ms", self.latencyMs, rule::Count);
    }
    CONFAB_WIRE(StreamInfo)
};

/*!
 * One structured mention in a message body: who (`member_id`, a MemberInfo id, so the alias id in
 * blind rooms) or everyone (`room`), and where, in UTF-16 code units of the body. Exactly one of
 * `member_id` and `room`; the server checks the rest (members only, inside the body, @room rights).
 */
struct Mention {
    std::optional<QString> memberId;
    std::optional<bool> room;
    qint64 start = 0;
    qint64 length = 0;
    static void fields(auto &self, auto &v)
    {
        v("member_id", self.memberId, rule::Id);
        v("room", self.room);
        v("start", self.start, rule::Count);
        v("length", self.length, rule::Positive);
    }
    void check(JsonReader &r) const
    {
        if (memberId.has_value() == room.value_or(false))
            r.fail(r.pathOf("member_id"), QStringLiteral("give either member_id or room: true"));
    }
    CONFAB_WIRE(Mention)
};

struct MessageInfo {
    QString id;
    qint64 seq = 0;        //!< the seq of the event that created the message
    QString senderId;      //!< a MemberInfo id (the alias id in blind rooms)
    QString clientId;      //!< the sender's idempotency key
    QString body;          //!< empty once deleted
    qint64 createdAt = 0;
    std::optional<qint64> editedAt;
    bool deleted = false;
    std::optional<QString> replyTo;
    QList<QString> attachments;
    std::optional<QString> threadId;    //!< replies: the thread's root message (a reply to a reply joins the root's thread)
    std::optional<qint64> replyCount;   //!< thread roots: how many replies
    std::optional<qint64> lastReplyAt;  //!< thread roots: when the newest reply was sent
    QList<ReactionInfo> reactions;      //!< per emoji, in the order first used; history, sync and threads carry them
    std::optional<StreamInfo> stream;   //!< streamed messages only
    QList<Mention> mentions = {};       //!< who the body mentions, and where; absent when nobody
    std::optional<bool> forwarded = std::nullopt; //!< present (true) when forwarded from another conversation
    static void fields(auto &self, auto &v)
    {
        v("id", self.id, rule::Id);
        v("seq", self.seq, rule::Positive);
        v("sender_id", self.senderId, rule::Id);
        v("client_id", self.clientId, rule::Id);
        v("body", self.body, rule::Body);
        v("created_at", self.createdAt, rule::Time);
        v("edited_at", self.editedAt, rule::Time);
        v("deleted", self.deleted);
        v("reply_to", self.replyTo, rule::Id);
        v("attachments", self.attachments, ListRule{.maxItems = 10, .required = false}, rule::Id);
        v("thread_id", self.threadId, rule::Id);
        v("reply_count", self.replyCount, rule::Count);
        v("last_reply_at", self.lastReplyAt, rule::Time);
        v("reactions", self.reactions, ListRule{.required = false});
        v("stream", self.stream);
        v("mentions", self.mentions, ListRule{.maxItems = field::kMaxMentionsPerMessage, .required = false});
        v("forwarded", self.forwarded);
    }
    CONFAB_WIRE(MessageInfo)
};

//! An open offer to reveal in a blind room: `from` offers to `to` (a member id), or to the room.
struct RevealOffer {
    QString from;
    std::optional<QString> to;
    static void fields(auto &self, auto &v)
    {
        v("from", self.from, rule::Id);
        v("to", self.to, rule::Id);
    }
    CONFAB_WIRE(RevealOffer)
};

struct ConversationInfo {
    QString id;
    ConversationKind kind = ConversationKind::Group;
    QString title;          //!< for direct conversations: the other member's name
    qint64 createdAt = 0;
    qint64 lastSeq = 0;     //!< the newest event's seq
    qint64 unread = 0;      //!< messages by others after my read marker
    qint64 deliveredSeq = 0; //!< my markers
    qint64 readSeq = 0;
    Role role = Role::Member; //!< my role
    bool archived = false;
    bool muted = false;
    qint64 memberCount = 0;
    std::optional<MessageInfo> lastMessage;
    std::optional<MemberInfo> me; //!< how the others see me (my alias in blind rooms)
    std::optional<QString> description; //!< groups: what the conversation is about; absent when none
    std::optional<bool> reveals;        //!< blind rooms: members may offer to reveal (the owner decides)
    QList<RevealOffer> revealOffers;    //!< blind rooms: open offers by me, to me, or to the room
    std::optional<qint64> revealAt;     //!< blind rooms: when every name will be shown (scheduled, not yet)
    std::optional<qint64> revealedAt;   //!< blind rooms: when the scheduled reveal showed every name
    std::optional<bool> membersInvite;  //!< blind rooms: members (not only owners and admins) add others
    std::optional<NotifyLevel> notify = std::nullopt; //!< my notification level (absent: all); `muted` is notify == nothing
    std::optional<qint64> unreadMentions = std::nullopt; //!< messages after my read marker that mention me or @room
    std::optional<bool> markedUnread = std::nullopt; //!< present (true) while I marked it unread
    static void fields(auto &self, auto &v)
    {
        v("id", self.id, rule::Id);
        v("kind", self.kind);
        v("title", self.title, rule::Title);
        v("created_at", self.createdAt, rule::Time);
        v("last_seq", self.lastSeq, rule::Seq);
        v("unread", self.unread, rule::Count);
        v("delivered_seq", self.deliveredSeq, rule::Seq);
        v("read_seq", self.readSeq, rule::Seq);
        v("role", self.role);
        v("archived", self.archived);
        v("muted", self.muted);
        v("member_count", self.memberCount, rule::Count);
        v("last_message", self.lastMessage);
        v("me", self.me);
        v("description", self.description, rule::Description);
        v("reveals", self.reveals);
        v("reveal_offers", self.revealOffers, ListRule{.required = false});
        v("reveal_at", self.revealAt, rule::Time);
        v("revealed_at", self.revealedAt, rule::Time);
        v("members_invite", self.membersInvite);
        v("notify", self.notify);
        v("unread_mentions", self.unreadMentions, rule::Count);
        v("marked_unread", self.markedUnread);
    }
    CONFAB_WIRE(ConversationInfo)
};

struct SessionInfo {
    QString id;
    QString device;
    qint64 createdAt = 0;
    qint64 lastUsedAt = 0;
    qint64 expiresAt = 0;
    bool current = false;
    static void fields(auto &self, auto &v)
    {
        v("id", self.id, rule::Id);
        v("device", self.device, rule::Device);
        v("created_at", self.createdAt, rule::Time);
        v("last_used_at", self.lastUsedAt, rule::Time);
        v("expires_at", self.expiresAt, rule::Time);
        v("current", self.current);
    }
    CONFAB_WIRE(SessionInfo)
};

struct AttachmentInfo {
    QString id;
    QString name;
    QString mime;
    qint64 size = 0;
    QString sha256;
    bool complete = false;
    std::optional<qint64> width;
    std::optional<qint64> height;
    std::optional<QString> preview; //!< a tiny base64 PNG to lay out the timeline before images load
    static void fields(auto &self, auto &v)
    {
        v("id", self.id, rule::Id);
        v("name", self.name, rule::FileName);
        v("mime", self.mime, rule::Mime);
        v("size", self.size, rule::Count);
        v("sha256", self.sha256, rule::Sha256);
        v("complete", self.complete);
        v("width", self.width, rule::Positive);
        v("height", self.height, rule::Positive);
        v("preview", self.preview, rule::Base64);
    }
    CONFAB_WIRE(AttachmentInfo)
};

/*!
 * One entry of a conversation's log. Which optional fields are present depends on `kind`
 * (see EventKind); check() enforces it.
 */
struct Event {
    QString conversationId;
    qint64 seq = 0;
    EventKind kind = EventKind::Message;
    qint64 at = 0;
    std::optional<QString> actorId;
    std::optional<MessageInfo> message;
    std::optional<QString> messageId;
    std::optional<QString> body;
    std::optional<qint64> editedAt;
    std::optional<QString> emoji;
    std::optional<bool> add;
    std::optional<MemberInfo> member;
    std::optional<QString> title;
    std::optional<bool> archived;
    std::optional<QString> description;
    std::optional<QString> targetId; //!< reveal events: the other member (absent: the room)
    std::optional<bool> allowed;     //!< reveals_allowed, invites_allowed
    std::optional<qint64> revealAt;  //!< reveal_scheduled: the time set (absent: cancelled)
    QList<Mention> mentions = {};    //!< edit: the new body's mentions (they replace the old ones)
    static void fields(auto &self, auto &v)
    {
        v("conversation_id", self.conversationId, rule::Id);
        v("seq", self.seq, rule::Positive);
        v("kind", self.kind);
        v("at", self.at, rule::Time);
        v("actor_id", self.actorId, rule::Id);
        v("message", self.message);
        v("message_id", self.messageId, rule::Id);
        v("body", self.body, rule::Body);
        v("edited_at", self.editedAt, rule::Time);
        v("emoji", self.emoji, rule::Emoji);
        v("add", self.add);
        v("member", self.member);
        v("title", self.title, rule::Title);
        v("archived", self.archived);
        v("description", self.description, rule::Description);
        v("target_id", self.targetId, rule::Id);
        v("allowed", self.allowed);
        v("reveal_at", self.revealAt, rule::Time);
        v("mentions", self.mentions, ListRule{.maxItems = field::kMaxMentionsPerMessage, .required = false});
    }
    void check(JsonReader &r) const;
    CONFAB_WIRE(Event)
};

struct ConversationSeq {
    QString conversationId;
    qint64 seq = 0;
    static void fields(auto &self, auto &v)
    {
        v("conversation_id", self.conversationId, rule::Id);
        v("seq", self.seq, rule::Seq);
    }
    CONFAB_WIRE(ConversationSeq)
};

//! What `sync` has for one conversation: the missed events, or a fresh snapshot when too many.
struct SyncEntry {
    QString conversationId;
    QList<Event> events;
    bool hasMore = false;
    bool reset = false;   //!< the gap was too large: `events` is the latest page, replace local state
    bool removed = false; //!< I am no longer a member
    std::optional<ConversationInfo> conversation;
    QList<MemberInfo> members;
    QList<MarkerInfo> markers;
    static void fields(auto &self, auto &v)
    {
        v("conversation_id", self.conversationId, rule::Id);
        v("events", self.events, ListRule{});
        v("has_more", self.hasMore);
        v("reset", self.reset);
        v("removed", self.removed);
        v("conversation", self.conversation);
        v("members", self.members, ListRule{.required = false});
        v("markers", self.markers, ListRule{.required = false});
    }
    CONFAB_WIRE(SyncEntry)
};

//! A span of a text, in UTF-16 code units (what QString and QML index by).
struct TextRange {
    qint64 start = 0;
    qint64 length = 0;
    static void fields(auto &self, auto &v)
    {
        v("start", self.start, rule::Count);
        v("length", self.length, rule::Positive);
    }
    CONFAB_WIRE(TextRange)
};

struct SearchHit {
    QString conversationId;
    MessageInfo message;
    QString snippet;              //!< the part of the body around the matches
    QList<TextRange> highlights;  //!< the matches within `snippet`
    static void fields(auto &self, auto &v)
    {
        v("conversation_id", self.conversationId, rule::Id);
        v("message", self.message);
        v("snippet", self.snippet, rule::Snippet);
        v("highlights", self.highlights, ListRule{.maxItems = 64, .required = false});
    }
    CONFAB_WIRE(SearchHit)
};

//! A blind room member's group: "A" or "B".
inline constexpr TextRule kGroupRule{.minChars = 1, .maxChars = 1, .idChars = true};
inline void checkGroup(JsonReader &r, const std::optional<QString> &group, const char *key)
{
    if (group && *group != QLatin1StringView("A") && *group != QLatin1StringView("B"))
        r.fail(r.pathOf(key), QStringLiteral("must be \"A\" or \"B\""));
}

//! Where a new blind room puts one of its members: a user id (of `members`, or the creator's) and a group.
struct GroupAssignment {
    QString userId;
    QString group;
    static void fields(auto &self, auto &v)
    {
        v("user_id", self.userId, rule::Id);
        v("group", self.group, kGroupRule);
    }
    void check(JsonReader &r) const { checkGroup(r, group, "group"); }
    CONFAB_WIRE(GroupAssignment)
};

//! How a new blind room starts: its members' groups (members not listed are in none), who sees
//! whom (`reveal`, with `reveal_at` when scheduled), and whether members may add others.
struct BlindSetup {
    QList<GroupAssignment> groups;
    RevealPolicy reveal = RevealPolicy::Mutual;
    std::optional<qint64> revealAt;
    bool membersInvite = false;
    static void fields(auto &self, auto &v)
    {
        v("groups", self.groups, ListRule{.maxItems = field::kMaxMembersPerRequest + 1, .required = false});
        v("reveal", self.reveal);
        v("reveal_at", self.revealAt, rule::Positive);
        v("members_invite", self.membersInvite);
    }
    void check(JsonReader &r) const
    {
        if (reveal == RevealPolicy::Scheduled && !revealAt)
            r.fail(r.pathOf("reveal_at"), QStringLiteral("is required when the reveal is scheduled"));
        if (reveal != RevealPolicy::Scheduled && revealAt)
            r.fail(r.pathOf("reveal_at"), QStringLiteral("is only for a scheduled reveal"));
    }
    CONFAB_WIRE(BlindSetup)
};

} // namespace confab::protocol

#pragma once

#include "protocol/binary.h"
#include "protocol/frames.h"
#include "services/authservice.h"

namespace confab::server {

class AccountService;
class AttachmentService;
class AuthService;
class BlockService;
class AvatarService;
class BlindService;
class ClientSession;
class ConversationService;
class ExportService;
class DirectoryService;
class ForwardService;
class UnreadMarks;
class LiveService;
class MatchService;
class MessageService;
class PinService;
class SearchService;

/*!
 * Routes each decoded request to its service by type (one `handle` overload per request frame)
 * and turns the outcome into exactly one reply.
 */
class Dispatcher {
public:
    Dispatcher(AuthService &auth, ConversationService &conversations, MessageService &messages, LiveService &live,
               SearchService &search)
        : m_auth(auth), m_conversations(conversations), m_messages(messages), m_live(live), m_search(search)
    {
    }

    void dispatch(ClientSession &session, const protocol::Decoded &decoded);
    //! A signed-in connection is gone (closed, dropped, or signed out).
    void signedOut(const ClientSession &session);
    //! Attachments are served once set (net/attachmentdispatch.cpp); until then they are unsupported.
    void setAttachments(AttachmentService *attachments) { m_attachments = attachments; }
    //! Blind rooms' reveals and reports of members, once set; until then they are unsupported.
    void setBlind(BlindService *blind) { m_blind = blind; }
    //! The user's own account (password, profile) and the people around them, once set
    //! (net/accountdispatch.cpp); until then they are unsupported.
    void setAccounts(AccountService *accounts) { m_accounts = accounts; }
    //! Forwarding messages and unread marks, once set (net/forwarddispatch.cpp); until then unsupported.
    void setForwarding(ForwardService *forward, UnreadMarks *marks)
    {
        m_forward = forward;
        m_marks = marks;
    }
    //! Pinned messages, once set (net/pindispatch.cpp); until then they are unsupported.
    void setPins(PinService *pins) { m_pins = pins; }
    //! Finding people (net/peopledispatch.cpp), once set; until then it is unsupported.
    void setDirectory(DirectoryService *directory) { m_directory = directory; }
    //! Matching (net/matchdispatch.cpp), once set; until then it is unsupported.
    void setMatching(MatchService *matching) { m_matching = matching; }
    //! Exports of my data (net/exportdispatch.cpp), once set; until then they are unsupported.
    void setExports(ExportService *exports) { m_exports = exports; }
    //! Blocking (net/blockdispatch.cpp), once set; until then it is unsupported.
    void setBlocks(BlockService *blocks) { m_blocks = blocks; }
    //! Avatars (net/avatardispatch.cpp), once set; until then they are unsupported.
    void setAvatars(AvatarService *avatars) { m_avatars = avatars; }
    //! An upload chunk from a signed-in connection (binary frames get no reply unless they fail).
    void chunk(ClientSession &session, const protocol::Chunk &chunk);

private:
    struct Call {
        ClientSession &session;
        const QString &requestId;
        const Identity &who;
    };

    // Before authentication.
    void handle(const Call &call, const protocol::AuthRegister &request);
    void handle(const Call &call, const protocol::AuthLogin &request);
    void handle(const Call &call, const protocol::AuthResume &request);
    // After.
    void handle(const Call &call, const protocol::AuthLogout &request);
    void handle(const Call &call, const protocol::AuthSessions &request);
    void handle(const Call &call, const protocol::AuthRevoke &request);
    void handle(const Call &call, const protocol::SettingsSet &request);
    void handle(const Call &call, const protocol::UserLookup &request);
    void handle(const Call &call, const protocol::ConversationCreate &request);
    void handle(const Call &call, const protocol::ConversationList &request);
    void handle(const Call &call, const protocol::ConversationGet &request);
    void handle(const Call &call, const protocol::MembersAdd &request);
    void handle(const Call &call, const protocol::MembersRemove &request);
    void handle(const Call &call, const protocol::MembersRole &request);
    void handle(const Call &call, const protocol::ConversationLeave &request);
    void handle(const Call &call, const protocol::ConversationArchive &request);
    void handle(const Call &call, const protocol::MessageSend &request);
    void handle(const Call &call, const protocol::MessageEdit &request);
    void handle(const Call &call, const protocol::MessageDelete &request);
    void handle(const Call &call, const protocol::MessageReact &request);
    void handle(const Call &call, const protocol::HistoryRequest &request);
    void handle(const Call &call, const protocol::SyncRequest &request);
    void handle(const Call &call, const protocol::Typing &request);
    void handle(const Call &call, const protocol::Receipt &request);
    void handle(const Call &call, const protocol::PresenceSet &request);
    void handle(const Call &call, const protocol::SearchRequest &request);
    void handle(const Call &call, const protocol::AttachmentBegin &request);
    void handle(const Call &call, const protocol::AttachmentStatus &request);
    void handle(const Call &call, const protocol::AttachmentFinish &request);
    void handle(const Call &call, const protocol::AttachmentFetch &request);
    void handle(const Call &call, const protocol::ConversationReveal &request);
    void handle(const Call &call, const protocol::ConversationReveals &request);
    void handle(const Call &call, const protocol::MembersGroup &request);
    void handle(const Call &call, const protocol::RevealPolicySet &request);
    void handle(const Call &call, const protocol::MembersReport &request);
    void handle(const Call &call, const protocol::ConversationUpdate &request);
    void handle(const Call &call, const protocol::ConversationMute &request);
    void handle(const Call &call, const protocol::ConversationNotify &request);
    void handle(const Call &call, const protocol::MentionsList &request);
    void handle(const Call &call, const protocol::ThreadRequest &request);
    void handle(const Call &call, const protocol::StreamStart &request);
    void handle(const Call &call, const protocol::StreamAppend &request);
    void handle(const Call &call, const protocol::StreamEnd &request);
    // Accounts and people (net/accountdispatch.cpp).
    void handle(const Call &call, const protocol::AccountPassword &request);
    void handle(const Call &call, const protocol::AccountProfile &request);
    // Forwarding and unread marks (net/forwarddispatch.cpp).
    void handle(const Call &call, const protocol::MessageForward &request);
    void handle(const Call &call, const protocol::ConversationMark &request);
    // Pinned messages (net/pindispatch.cpp).
    void handle(const Call &call, const protocol::MessagePin &request);
    void handle(const Call &call, const protocol::PinsList &request);
    void handle(const Call &call, const protocol::PinRights &request);
    // Matching (net/matchdispatch.cpp).
    void handle(const Call &call, const protocol::MatchCreate &request);
    // Exports of my data (net/exportdispatch.cpp).
    void handle(const Call &call, const protocol::AccountExport &request);
    void handle(const Call &call, const protocol::AccountExportStatus &request);
    // Finding people and deleting accounts (net/peopledispatch.cpp).
    void handle(const Call &call, const protocol::UserSearch &request);
    void handle(const Call &call, const protocol::AccountDelete &request);
    // Blocking (net/blockdispatch.cpp).
    void handle(const Call &call, const protocol::AccountBlock &request);
    void handle(const Call &call, const protocol::BlocksList &request);
    // Avatars (net/avatardispatch.cpp).
    void handle(const Call &call, const protocol::AccountAvatar &request);
    void handle(const Call &call, const protocol::AvatarFetch &request);
    //! The profiles that changed since `since`, into a sync reply; the failure when they cannot be read.
    std::optional<Failure> addProfiles(const Identity &who, qint64 since, protocol::SyncResult &result);
    //! Requests of features this server does not offer yet, and frames only a server sends.
    void handle(const Call &call, const auto &unsupported);

    template <class T> void answer(const Call &call, const T &outcome);
    void introduceMembers(const protocol::ConversationDetail &detail);

    AuthService &m_auth;
    ConversationService &m_conversations;
    MessageService &m_messages;
    LiveService &m_live;
    AttachmentService *m_attachments = nullptr;
    BlindService *m_blind = nullptr;
    AccountService *m_accounts = nullptr;
    ForwardService *m_forward = nullptr;
    UnreadMarks *m_marks = nullptr;
    PinService *m_pins = nullptr;
    MatchService *m_matching = nullptr;
    ExportService *m_exports = nullptr;
    DirectoryService *m_directory = nullptr;
    BlockService *m_blocks = nullptr;
    AvatarService *m_avatars = nullptr;
    SearchService &m_search;
};

} // namespace confab::server

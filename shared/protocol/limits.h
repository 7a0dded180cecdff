#pragma once

#include <QtGlobal>

namespace confab::protocol {

//! The protocol version carried as `v` in every text frame.
inline constexpr int kProtocolVersion = 1;

//! Fixed shapes of fields. These are part of the protocol itself and do not change per server.
namespace field {
inline constexpr int kIdMaxChars = 64;
inline constexpr int kUsernameMinChars = 3;
inline constexpr int kUsernameMaxChars = 32;
inline constexpr int kDisplayNameMaxChars = 64;
inline constexpr int kPasswordMinChars = 8;
inline constexpr int kPasswordMaxBytes = 1024;
inline constexpr int kTokenMaxChars = 128;
inline constexpr int kTitleMaxChars = 128;
inline constexpr int kDeviceMaxChars = 64;
inline constexpr int kFileNameMaxBytes = 255;
inline constexpr int kMimeMaxChars = 127;
inline constexpr int kEmojiMaxBytes = 64;
inline constexpr int kSearchQueryMaxChars = 256;
inline constexpr int kMessageMaxChars = 1024;  //!< error and info texts from the server
inline constexpr int kReportReasonMaxChars = 1000; //!< conversation.members.report: why
inline constexpr int kStatusMaxChars = 100;        //!< a user's status text ("In meetings until 3")
inline constexpr int kMaxMembersPerRequest = 256;
inline constexpr int kMaxSyncConversations = 1000;
inline constexpr int kMaxMentionsPerMessage = 50; //!< message.send / .edit: structured mentions in one body
inline constexpr int kMaxPinsPerConversation = 50; //!< message.pin: more is refused (CONFLICT) until one is unpinned
inline constexpr int kMaxListItems = 10000; //!< upper bound for any list a server sends
inline constexpr int kMaxJsonDepth = 16;
//! What a client accepts from its server: history pages and sync replies are far larger than requests.
inline constexpr qint64 kMaxServerFrameBytes = 16 * 1024 * 1024;
//! Integers travel as JSON numbers (IEEE doubles): larger values would lose precision.
inline constexpr qint64 kMaxSafeInteger = (qint64(1) << 53) - 1;
} // namespace field

/*!
 * The limits a server enforces. The defaults live here, once; a server's config may lower or
 * raise them, and clients learn the server's values from `auth.ok`.
 */
struct Limits {
    qint64 maxFrameBytes = 64 * 1024;          //!< a client's text frame; larger ones get TOO_LARGE
    qint64 maxBinaryFrameBytes = 320 * 1024;   //!< an attachment chunk plus its header
    qint64 maxBodyBytes = 16 * 1024;           //!< a message body in UTF-8 bytes
    qint64 maxAttachmentBytes = 10 * 1024 * 1024;
    qint64 chunkBytes = 256 * 1024;
    qint64 maxAttachmentsPerMessage = 10;
    qint64 historyPageMax = 100;
    qint64 sendBurst = 30;                     //!< token bucket for message.send per user
    qint64 sendPerMinute = 300;
    qint64 typingRefreshMs = 5000;             //!< a typer re-sends at most this often
    qint64 typingStopMs = 5000;                //!< a typer sends stop after this long without a keystroke
    qint64 typingExpireMs = 8000;              //!< receivers drop typing after this long without refresh
    qint64 syncGapMax = 500;                   //!< beyond this many events, sync answers with a snapshot
    //! New passwords (sign-up, account.password) have at least this many characters; a server may
    //! raise it above the protocol's floor (field::kPasswordMinChars), never lower it.
    qint64 passwordMinChars = field::kPasswordMinChars;

    //! The largest attachment any server may be configured to accept.
    static constexpr qint64 kAttachmentBytesCeiling = 50 * 1024 * 1024;

    static void fields(auto &self, auto &v);
    bool operator==(const Limits &) const = default;
};

} // namespace confab::protocol

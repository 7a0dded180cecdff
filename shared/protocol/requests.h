#pragma once

#include "frames.h"

#include <utility>
#include <variant>

namespace confab::protocol {

/*!
 * What each request is answered with when it succeeds (any request may also be answered with
 * `Error`). It sits beside the frame list rather than in it: the list is the wire (names, order,
 * direction) that the codec and every part compile against, while this pairing is what the two
 * sides promise each other; keeping it apart means adding a reply type does not rebuild the codec,
 * the server and every test. The static_asserts below tie it to the list: a request frame without
 * an entry here does not compile.
 */
#define CONFAB_REPLIES(X)                          \
    X(AuthRegister, AuthOk)                        \
    X(AuthLogin, AuthOk)                           \
    X(AuthResume, AuthOk)                          \
    X(AuthLogout, Ok)                              \
    X(AuthSessions, Sessions)                      \
    X(AuthRevoke, Ok)                              \
    X(UserLookup, Users)                           \
    X(ConversationCreate, ConversationDetail)      \
    X(ConversationList, Conversations)             \
    X(ConversationGet, ConversationDetail)         \
    X(MembersAdd, Ok)                              \
    X(MembersRemove, Ok)                           \
    X(MembersRole, Ok)                             \
    X(ConversationLeave, Ok)                       \
    X(ConversationArchive, Ok)                     \
    X(MessageSend, MessageSent)                    \
    X(MessageEdit, Ok)                             \
    X(MessageDelete, Ok)                           \
    X(MessageReact, Ok)                            \
    X(HistoryRequest, History)                     \
    X(SyncRequest, SyncResult)                     \
    X(Typing, Ok)                                  \
    X(Receipt, Ok)                                 \
    X(PresenceSet, Ok)                             \
    X(AttachmentBegin, AttachmentUpload)           \
    X(AttachmentStatus, AttachmentUpload)          \
    X(AttachmentFinish, AttachmentDone)            \
    X(AttachmentFetch, AttachmentData)             \
    X(SearchRequest, SearchResult)                 \
    X(SettingsSet, Ok)                             \
    X(ConversationUpdate, Ok)                      \
    X(ConversationMute, Ok)                        \
    X(ThreadRequest, Thread)                       \
    X(StreamStart, MessageSent)                    \
    X(StreamAppend, Ok)                            \
    X(StreamEnd, MessageSent)                      \
    X(ConversationReveal, Ok)                      \
    X(ConversationReveals, Ok)                     \
    X(MembersReport, Ok)                           \
    X(MembersGroup, Ok)                            \
    X(RevealPolicySet, Ok)                         \
    X(ConversationNotify, Ok)                      \
    X(MentionsList, Mentions)                      \
    X(AccountPassword, Ok)                         \
    X(AccountProfile, Ok)                          \
    X(MessageForward, MessageSent)                 \
    X(ConversationMark, Ok)                        \
    X(MessagePin, Ok)                              \
    X(PinsList, Pins)                              \
    X(PinRights, Ok)                               \
    X(MatchCreate, Matched)                        \
    X(AccountExport, AccountExportProgress)        \
    X(AccountExportStatus, AccountExportProgress)  \
    X(UserSearch, Directory)                       \
    X(AccountDelete, Ok)                           \
    X(AccountBlock, Ok)                            \
    X(BlocksList, Blocks)                          \
    X(AccountAvatar, AvatarSet)                    \
    X(AvatarFetch, AvatarData)

//! `ReplyTo<MessageSend>::type` is `MessageSent`; undefined for frames that are not requests.
template <class Request> struct ReplyTo;
#define CONFAB_X(Req, Rep)                                                                                   \
    template <> struct ReplyTo<Req> {                                                                        \
        using type = Rep;                                                                                    \
    };
CONFAB_REPLIES(CONFAB_X)
#undef CONFAB_X

template <class Request> using ReplyOf = typename ReplyTo<Request>::type;

namespace detail {
template <class T, Direction d> constexpr bool answerable()
{
    if constexpr (d == Direction::ClientToServer)
        return requires { typename ReplyTo<T>::type; };
    else
        return !requires { typename ReplyTo<T>::type; }; // only requests have replies
}
} // namespace detail

#define CONFAB_X(T, name, dir)                                                                               \
    static_assert(detail::answerable<T, Direction::dir>(), #T ": every request names its reply in CONFAB_REPLIES");
CONFAB_FRAMES(CONFAB_X)
#undef CONFAB_X

/*!
 * The reply to a request, typed: the success frame of its kind, or the error. A reply of another
 * kind (a server that breaks the pairing above) is turned into an INTERNAL error here, so that no
 * caller has to check the type again.
 */
template <class T> class Reply {
public:
    Reply(T value) : m_value(std::move(value)) {}
    Reply(Error error) : m_value(std::move(error)) {}
    static Reply fromFrame(const Frame &frame)
    {
        if (const auto *value = std::get_if<T>(&frame))
            return Reply(*value);
        if (const auto *error = std::get_if<Error>(&frame))
            return Reply(*error);
        return Reply(Error{ErrorCode::Internal,
                           QStringLiteral("unexpected reply: %1").arg(
                               std::holds_alternative<std::monostate>(frame) ? QStringLiteral("none")
                                                                             : frameTypeName(frameTypeOf(frame))),
                           std::nullopt, std::nullopt});
    }

    bool ok() const { return std::holds_alternative<T>(m_value); }
    explicit operator bool() const { return ok(); }
    const T &value() const { return std::get<T>(m_value); }
    const T *operator->() const { return &value(); }
    const T &operator*() const { return value(); }
    //! Only when !ok().
    const Error &error() const { return std::get<Error>(m_value); }
    //! The error's code, or std::nullopt on success.
    std::optional<ErrorCode> errorCode() const { return ok() ? std::nullopt : std::optional(error().code); }

private:
    std::variant<T, Error> m_value;
};

} // namespace confab::protocol

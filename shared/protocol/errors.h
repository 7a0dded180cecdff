#pragma once

#include <QString>

#include <optional>

namespace confab::protocol {

//! Stable, machine-readable error codes of `{"type":"error"}` replies (docs/protocol.md, "Errors").
enum class ErrorCode {
    Unauthorized,
    Forbidden,
    NotFound,
    Invalid,
    TooLarge,
    RateLimited,
    Conflict,
    Unavailable,
    Internal,
};

QString errorCodeName(ErrorCode code);
std::optional<ErrorCode> errorCodeFromName(const QString &name);

//! WebSocket close codes the server uses besides the standard ones (1000, 1001, 1009, 1011).
enum class CloseCode : quint16 {
    Normal = 1000,
    GoingAway = 1001,
    ProtocolError = 1002,
    UnsupportedData = 1003,
    PolicyViolation = 1008,
    TooBig = 1009,
    InternalError = 1011,
    AuthTimeout = 4001,    //!< no successful auth.* within the unauthenticated idle timeout
    TooManyErrors = 4002,  //!< the peer kept sending invalid frames
    SessionRevoked = 4003, //!< the session's token was revoked or expired
    SlowConsumer = 4004,   //!< the peer did not read its queue in time
    ServerShutdown = 4005, //!< the server is stopping; reconnect with backoff
    TooManyConnections = 4006, //!< the peer address or the account has as many connections open as allowed
};

//! What went wrong while decoding a frame: which field (a JSON path such as `members[2]`), and why.
struct DecodeError {
    ErrorCode code = ErrorCode::Invalid;
    QString field;
    QString message;
    QString requestId; //!< the frame's `id` when it could still be read, so the error reply can carry `re`

    QString describe() const { return field.isEmpty() ? message : field + QStringLiteral(": ") + message; }
};

} // namespace confab::protocol

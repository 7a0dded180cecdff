#pragma once

#include "protocol/frames.h"

#include <variant>

namespace confab::server {

//! Why a request was refused: becomes the `error` reply.
struct Failure {
    protocol::ErrorCode code = protocol::ErrorCode::Internal;
    QString message;
    std::optional<qint64> retryAfterMs;
    std::optional<QString> field;

    protocol::Error toFrame() const { return protocol::Error{code, message, field, retryAfterMs}; }
};

inline Failure notFound(const QString &what)
{
    return {protocol::ErrorCode::NotFound, what + QStringLiteral(" not found"), {}, {}};
}
inline Failure forbidden(const QString &why)
{
    return {protocol::ErrorCode::Forbidden, why, {}, {}};
}
inline Failure invalid(const QString &why, const QString &field = {})
{
    return {protocol::ErrorCode::Invalid, why, {}, field.isEmpty() ? std::nullopt : std::optional(field)};
}

//! A service's answer: the reply frame, or why not.
template <class T> class Outcome {
public:
    Outcome(T value) : m_value(std::move(value)) {}
    Outcome(Failure failure) : m_value(std::move(failure)) {}
    bool ok() const { return std::holds_alternative<T>(m_value); }
    const T &value() const { return std::get<T>(m_value); }
    T &value() { return std::get<T>(m_value); }
    const Failure &failure() const { return std::get<Failure>(m_value); }

private:
    std::variant<T, Failure> m_value;
};

} // namespace confab::server

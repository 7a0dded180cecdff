#pragma once

#include "errors.h"

#include <utility>
#include <variant>

namespace confab::protocol {

//! A decoded value or the reason it could not be decoded (std::expected is C++23).
template <class T> class Result {
public:
    Result(T value) : m_value(std::move(value)) {}
    Result(DecodeError error) : m_value(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(m_value); }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<T>(m_value); }
    T &value() & { return std::get<T>(m_value); }
    T &&value() && { return std::get<T>(std::move(m_value)); }
    const T *operator->() const { return &value(); }
    const T &operator*() const { return value(); }

    const DecodeError &error() const { return std::get<DecodeError>(m_value); }
    //! The error's description, or an empty string when there is none (safe to call either way).
    QString errorString() const { return ok() ? QString() : error().describe(); }

private:
    std::variant<T, DecodeError> m_value;
};

} // namespace confab::protocol

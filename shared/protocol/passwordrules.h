#pragma once

// What a new password must be, checked by the server and, before sending, by the client: both
// call this one function with the limits the server announced (`limits.password_min_chars`).

#include <QStringView>

#include <optional>

namespace confab::protocol {

enum class PasswordProblem {
    TooShort,   //!< fewer characters than the server's minimum
    TooLong,    //!< more UTF-8 bytes than the protocol carries
    IsUsername, //!< the username itself (letter case and surrounding spaces aside)
};

std::optional<PasswordProblem> passwordProblem(QStringView password, QStringView username, qint64 minChars);

} // namespace confab::protocol

#include "passwordrules.h"

#include "limits.h"

#include <QString>

namespace confab::protocol {

std::optional<PasswordProblem> passwordProblem(QStringView password, QStringView username, qint64 minChars)
{
    // Counted like the protocol's text rules: UTF-16 code units.
    if (password.size() < qMax<qint64>(minChars, field::kPasswordMinChars))
        return PasswordProblem::TooShort;
    if (password.toUtf8().size() > field::kPasswordMaxBytes)
        return PasswordProblem::TooLong;
    if (!username.isEmpty() && password.trimmed().compare(username.trimmed(), Qt::CaseInsensitive) == 0)
        return PasswordProblem::IsUsername;
    return std::nullopt;
}

} // namespace confab::protocol

#include "signuprules.h"

#include "protocol/frames.h"
#include "protocol/json.h"
#include "protocol/passwordrules.h"
#include "protocol/text.h"

#include <QJsonObject>

namespace confab::client {

using namespace confab::protocol;

namespace {
//! What the server's decoder would say about `value` under `rule`: nothing, or its error code.
std::optional<ErrorCode> refusal(const QString &field, const QString &value, const TextRule &rule)
{
    JsonReader reader(QJsonObject{{field, value}});
    QString out;
    reader(field.toLatin1().constData(), out, rule);
    return reader.ok() ? std::nullopt : std::optional(reader.error().code);
}
} // namespace

QVariantMap SignUpRules::check(const QString &username, const QString &displayName, const QString &password,
                               const QString &inviteCode, bool registering)
{
    QVariantMap problems;
    const QString user = username.trimmed().toLower();
    if (!registering) {
        // Signing in: only what would make the request malformed; the rest is the server's to say.
        if (user.isEmpty())
            problems.insert(kUsername, fieldProblem(kUsername, ErrorCode::Invalid));
        return problems;
    }
    if (const auto code = refusal(kUsername, user, rule::Username))
        problems.insert(kUsername, fieldProblem(kUsername, *code));
    const QString name = displayName.trimmed().isEmpty() ? user : displayName.trimmed();
    if (const auto code = refusal(kDisplayName, name, rule::DisplayName)) {
        const auto hidden = text::findHidden(name);
        problems.insert(kDisplayName, fieldProblem(kDisplayName, *code, hidden ? hidden->describe() : QString()));
    }
    if (const auto code = refusal(kPassword, password, rule::Password))
        problems.insert(kPassword, fieldProblem(kPassword, *code));
    else if (passwordProblem(password, user, field::kPasswordMinChars) == PasswordProblem::IsUsername)
        problems.insert(kPassword, tr("Your password must not be your username."));
    if (!inviteCode.trimmed().isEmpty()) {
        if (const auto code = refusal(kInviteCode, inviteCode.trimmed(), rule::Token))
            problems.insert(kInviteCode, fieldProblem(kInviteCode, *code));
    }
    return problems;
}

QString SignUpRules::fieldProblem(const QString &field, ErrorCode code, const QString &detail)
{
    if (field == kUsername) {
        if (code == ErrorCode::Conflict)
            return tr("This username is taken. Please choose another one.");
        return tr("Usernames have %1 to %2 characters: lowercase letters, digits, dots, dashes and underscores.")
            .arg(field::kUsernameMinChars)
            .arg(field::kUsernameMaxChars);
    }
    if (field == kDisplayName) {
        if (code == ErrorCode::TooLarge)
            return tr("Display names have at most %1 characters.").arg(field::kDisplayNameMaxChars);
        if (!detail.isEmpty())
            return tr("Display names must not contain invisible characters such as %1.").arg(detail);
        return tr("Please enter a display name others can see.");
    }
    if (field == kPassword) {
        if (code == ErrorCode::TooLarge)
            return tr("This password is too long.");
        return tr("Passwords need at least %1 characters.").arg(field::kPasswordMinChars);
    }
    if (field == kInviteCode)
        return tr("This invite code is unknown or was used already.");
    return general(code, true);
}

QString SignUpRules::general(ErrorCode code, bool registering)
{
    switch (code) {
    case ErrorCode::Unauthorized:
        return tr("The username or password is not right.");
    case ErrorCode::Forbidden:
        return registering ? tr("This server does not accept new accounts without a valid invite code.")
                           : tr("This account may not sign in.");
    case ErrorCode::RateLimited:
        return tr("Too many attempts. Please wait a moment and try again.");
    case ErrorCode::Unavailable:
        return tr("The server is busy. Please try again in a moment.");
    case ErrorCode::Invalid:
    case ErrorCode::TooLarge:
        return tr("The server refused what was entered. Please check the fields.");
    default:
        return tr("Something went wrong on the server. Please try again.");
    }
}

} // namespace confab::client

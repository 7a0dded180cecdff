#pragma once

// What is wrong with a sign-up or sign-in, as full sentences in the UI language, per field.
// The client checks the fields with the protocol library's own rules before sending, so that it
// refuses exactly what the server would refuse; a refusal from the server is explained from its
// error code and field alone, never from the server's English message.

#include "protocol/errors.h"

#include <QCoreApplication>
#include <QVariantMap>

namespace confab::protocol {
struct Error;
}

namespace confab::client {

class SignUpRules {
    Q_DECLARE_TR_FUNCTIONS(confab::client::SignUpRules)
public:
    //! Wire names of the fields a sign-up sends; the keys of check()'s and explain()'s maps.
    static inline const QString kUsername = QStringLiteral("username");
    static inline const QString kDisplayName = QStringLiteral("display_name");
    static inline const QString kPassword = QStringLiteral("password");
    static inline const QString kInviteCode = QStringLiteral("invite_code");

    /*!
     * {field: sentence} for each field the server would refuse, empty when all are fine. The
     * fields as ChatClient sends them: the username trimmed and lowercased, an empty display name
     * replaced by the username.
     */
    static QVariantMap check(const QString &username, const QString &displayName, const QString &password,
                             const QString &inviteCode, bool registering);
    //! The sentence for a field the server refused with `code`.
    static QString fieldProblem(const QString &field, protocol::ErrorCode code, const QString &detail = {});
    //! The sentence for a refusal that concerns no one field (wrong password, closed registration…).
    static QString general(protocol::ErrorCode code, bool registering);
};

} // namespace confab::client

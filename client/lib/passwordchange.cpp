#include "passwordchange.h"

#include "connection.h"
#include "protocol/passwordrules.h"
#include "protocol/requests.h"

namespace confab::client {

using namespace confab::protocol;

PasswordChange::PasswordChange(Connection &connection, QObject *parent) : QObject(parent), m_connection(connection)
{
    connect(&m_connection, &Connection::authenticated, this, &PasswordChange::rulesChanged);
}

int PasswordChange::minChars() const
{
    return int(qMax<qint64>(m_connection.session().limits.passwordMinChars, field::kPasswordMinChars));
}

QString PasswordChange::newPasswordProblem(const QString &next) const
{
    const auto problem = passwordProblem(next, m_connection.session().user.username, minChars());
    if (!problem)
        return {};
    switch (*problem) {
    case PasswordProblem::TooShort:
        return tr("Passwords need at least %1 characters.").arg(minChars());
    case PasswordProblem::TooLong:
        return tr("This password is too long.");
    case PasswordProblem::IsUsername:
        return tr("Your password must not be your username.");
    }
    return {};
}

QVariantMap PasswordChange::check(const QString &current, const QString &next, const QString &repeat) const
{
    QVariantMap problems;
    if (current.isEmpty())
        problems.insert(kCurrent, tr("Please enter your current password."));
    if (const QString problem = newPasswordProblem(next); !problem.isEmpty())
        problems.insert(kNew, problem);
    else if (next == current)
        problems.insert(kNew, tr("The new password is the same as the current one."));
    if (repeat != next)
        problems.insert(kRepeat, tr("The two new passwords are not the same."));
    return problems;
}

void PasswordChange::change(const QString &current, const QString &next, const QString &repeat, bool signOutOthers)
{
    if (m_busy)
        return;
    const QVariantMap problems = check(current, next, repeat);
    setProblems(problems, {});
    if (!problems.isEmpty())
        return;
    if (!m_connection.isOnline()) {
        setProblems({}, tr("Not connected: changing the password needs the server."));
        return;
    }
    m_busy = true;
    emit busyChanged();
    m_connection.request(AccountPassword{current, next, signOutOthers}, [this, next, signOutOthers](const Reply<Ok> &reply) {
        m_busy = false;
        emit busyChanged();
        if (reply) {
            setProblems({}, {});
            emit changed(signOutOthers);
            return;
        }
        const Error &e = reply.error();
        const QString field = e.field.value_or(QString());
        QVariantMap refused;
        QString general;
        if (e.code == ErrorCode::RateLimited) {
            const qint64 seconds = (e.retryAfterMs.value_or(1000) + 999) / 1000;
            refused.insert(kCurrent, tr("Too many wrong passwords. Please wait %n second(s) and try again.", nullptr,
                                        int(qMin<qint64>(seconds, 1'000'000))));
        } else if (field == kCurrent) {
            refused.insert(kCurrent, tr("The current password is not right."));
        } else if (field == kNew) {
            // The server's minimum may have risen since sign-in: say what it says, in our words.
            const QString problem = newPasswordProblem(next);
            refused.insert(kNew, problem.isEmpty() ? tr("The server does not accept this password.") : problem);
        } else if (e.code == ErrorCode::Unavailable) {
            general = tr("The server could not be reached. Please try again.");
        } else {
            general = tr("Something went wrong on the server. Please try again.");
        }
        setProblems(refused, general);
        emit failed();
    });
}

void PasswordChange::clear()
{
    setProblems({}, {});
}

void PasswordChange::setProblems(QVariantMap problems, QString error)
{
    if (problems == m_problems && error == m_error)
        return;
    m_problems = std::move(problems);
    m_error = std::move(error);
    emit problemsChanged();
}

} // namespace confab::client

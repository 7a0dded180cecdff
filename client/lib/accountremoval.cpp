#include "accountremoval.h"

#include "connection.h"
#include "protocol/requests.h"

namespace confab::client {

using namespace confab::protocol;

AccountRemoval::AccountRemoval(Connection &connection, QObject *parent) : QObject(parent), m_connection(connection)
{
    connect(&m_connection, &Connection::authenticated, this, &AccountRemoval::confirmationChanged);
}

QString AccountRemoval::confirmation() const
{
    return m_connection.session().user.username;
}

bool AccountRemoval::ready(const QString &password, const QString &typed) const
{
    return !password.isEmpty() && !confirmation().isEmpty() && typed.trimmed() == confirmation();
}

void AccountRemoval::remove(const QString &password, const QString &typed)
{
    if (m_busy || !ready(password, typed))
        return;
    if (!m_connection.isOnline()) {
        setProblems({}, tr("Not connected: deleting the account needs the server."));
        return;
    }
    m_busy = true;
    emit busyChanged();
    setProblems({}, {});
    m_connection.request(AccountDelete{password}, [this](const Reply<Ok> &reply) {
        m_busy = false;
        emit busyChanged();
        if (reply) {
            emit removed();
            return;
        }
        const Error &e = reply.error();
        if (e.code == ErrorCode::RateLimited) {
            const qint64 seconds = (e.retryAfterMs.value_or(1000) + 999) / 1000;
            setProblems(tr("Too many wrong passwords. Please wait %n second(s) and try again.", nullptr,
                           int(qMin<qint64>(seconds, 1'000'000))),
                        {});
        } else if (e.field == QStringLiteral("password")) {
            setProblems(tr("The password is not right."), {});
        } else if (e.code == ErrorCode::Unavailable) {
            setProblems({}, tr("The server could not be reached. Please try again."));
        } else {
            setProblems({}, tr("The account could not be deleted. Please try again."));
        }
        emit failed();
    });
}

void AccountRemoval::clear()
{
    setProblems({}, {});
}

void AccountRemoval::setProblems(QString password, QString error)
{
    if (password == m_passwordProblem && error == m_error)
        return;
    m_passwordProblem = std::move(password);
    m_error = std::move(error);
    emit problemsChanged();
}

} // namespace confab::client

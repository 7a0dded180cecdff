#include "accountprofile.h"

#include "connection.h"
#include "conversationstate.h"
#include "protocol/json.h"
#include "protocol/requests.h"
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

AccountProfile::AccountProfile(Connection &connection, ConversationState &state, QObject *parent)
    : QObject(parent), m_connection(connection)
{
    connect(&m_connection, &Connection::authenticated, this, [this] {
        const UserInfo &me = m_connection.session().user;
        set(me.displayName, me.status.value_or(QString()));
    });
    connect(&state, &ConversationState::myProfileChanged, this,
            [this](const ProfileInfo &me) { set(me.name, me.status.value_or(QString())); });
}

int AccountProfile::statusMaxChars()
{
    return field::kStatusMaxChars;
}

QVariantMap AccountProfile::check(const QString &displayName, const QString &status) const
{
    QVariantMap problems;
    const QString name = displayName.trimmed();
    if (const auto code = refusal(kDisplayName, name, rule::DisplayName)) {
        const auto hidden = text::findHidden(name);
        if (*code == ErrorCode::TooLarge)
            problems.insert(kDisplayName, tr("Display names have at most %1 characters.").arg(field::kDisplayNameMaxChars));
        else if (hidden)
            problems.insert(kDisplayName, tr("Display names must not contain invisible characters such as %1.").arg(hidden->describe()));
        else
            problems.insert(kDisplayName, tr("Please enter a display name others can see."));
    }
    const QString line = status.trimmed();
    if (line.contains(u'\n') || line.contains(u'\r')) {
        problems.insert(kStatus, tr("A status is one line."));
    } else if (const auto code = refusal(kStatus, line, rule::Status)) {
        const auto hidden = text::findHidden(line);
        if (*code == ErrorCode::TooLarge)
            problems.insert(kStatus, tr("A status has at most %1 characters.").arg(field::kStatusMaxChars));
        else if (hidden)
            problems.insert(kStatus, tr("A status must not contain invisible characters such as %1.").arg(hidden->describe()));
        else
            problems.insert(kStatus, tr("The server does not accept this."));
    }
    return problems;
}

void AccountProfile::save(const QString &displayName, const QString &status)
{
    if (m_busy)
        return;
    const QVariantMap problems = check(displayName, status);
    setProblems(problems, {});
    if (!problems.isEmpty())
        return;
    const QString name = displayName.trimmed(), line = status.trimmed();
    protocol::AccountProfile request;
    if (name != m_displayName)
        request.displayName = name;
    if (line != m_status)
        request.status = line;
    if (!request.displayName && !request.status) {
        emit saved(); // nothing changed: saying so is all there is to do
        return;
    }
    if (!m_connection.isOnline()) {
        setProblems({}, tr("Not connected: changing the profile needs the server."));
        return;
    }
    m_busy = true;
    emit busyChanged();
    m_connection.request(request, [this, name, line](const Reply<Ok> &reply) {
        m_busy = false;
        emit busyChanged();
        if (reply) {
            // user.updated confirms it too; the form need not wait for it.
            set(name, line);
            setProblems({}, {});
            emit saved();
            return;
        }
        const Error &e = reply.error();
        const QString field = e.field.value_or(QString());
        QVariantMap refused;
        QString general;
        if (field == kDisplayName || field == kStatus)
            refused.insert(field, tr("The server does not accept this."));
        else if (e.code == ErrorCode::Unavailable)
            general = tr("The server could not be reached. Please try again.");
        else if (e.code == ErrorCode::RateLimited)
            general = tr("Too many changes at once. Please wait a moment and try again.");
        else
            general = tr("Something went wrong on the server. Please try again.");
        setProblems(refused, general);
        emit failed();
    });
}

void AccountProfile::clear()
{
    setProblems({}, {});
}

void AccountProfile::set(const QString &displayName, const QString &status)
{
    if (displayName == m_displayName && status == m_status)
        return;
    m_displayName = displayName;
    m_status = status;
    emit changed();
}

void AccountProfile::setProblems(QVariantMap problems, QString error)
{
    if (problems == m_problems && error == m_error)
        return;
    m_problems = std::move(problems);
    m_error = std::move(error);
    emit problemsChanged();
}

} // namespace confab::client

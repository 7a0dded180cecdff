#include "accountsessions.h"

#include "chatclient.h"

#include <QDateTime>
#include <QLocale>

#include <memory>

namespace confab::app {

using namespace confab::protocol;

AccountSessions::AccountSessions(client::ChatClient *client, QObject *parent) : QObject(parent), m_client(client)
{
    connect(client, &client::ChatClient::signedInChanged, this, [this] {
        if (!m_client->signedIn() && !m_sessions.isEmpty()) {
            m_sessions.clear();
            emit sessionsChanged();
        }
    });
}

void AccountSessions::begin()
{
    if (m_pending++ == 0)
        emit loadingChanged();
}

void AccountSessions::end()
{
    if (--m_pending == 0)
        emit loadingChanged();
}

void AccountSessions::setError(const QString &error)
{
    if (error == m_error)
        return;
    m_error = error;
    emit errorChanged();
}

void AccountSessions::refresh()
{
    if (!m_client->connection().isOnline()) {
        setError(tr("Not connected: the sessions list needs the server."));
        return;
    }
    begin();
    m_client->connection().request(AuthSessions{}, [this](const Reply<Sessions> &list) {
        end();
        if (!list) {
            setError(list.error().message);
            return;
        }
        setError({});
        QList<SessionInfo> sorted = list->sessions;
        std::stable_sort(sorted.begin(), sorted.end(), [](const SessionInfo &a, const SessionInfo &b) {
            return a.current != b.current ? a.current : a.lastUsedAt > b.lastUsedAt;
        });
        m_sessions.clear();
        for (const SessionInfo &s : sorted) {
            m_sessions.append(QVariantMap{{QStringLiteral("id"), s.id},
                                          {QStringLiteral("device"), s.device},
                                          {QStringLiteral("createdAt"), s.createdAt},
                                          {QStringLiteral("lastUsedAt"), s.lastUsedAt},
                                          {QStringLiteral("lastActive"), describeTime(s.lastUsedAt)},
                                          {QStringLiteral("current"), s.current}});
        }
        emit sessionsChanged();
    });
}

void AccountSessions::revoke(const QString &sessionId)
{
    begin();
    m_client->connection().request(AuthRevoke{sessionId}, [this](const Reply<Ok> &reply) {
        end();
        if (!reply)
            setError(reply.error().message);
        refresh();
    });
}

void AccountSessions::signOutEverywhere()
{
    QStringList others;
    for (const QVariant &s : std::as_const(m_sessions)) {
        const QVariantMap session = s.toMap();
        if (!session.value(QStringLiteral("current")).toBool())
            others.append(session.value(QStringLiteral("id")).toString());
    }
    if (others.isEmpty()) {
        m_client->signOut();
        return;
    }
    // Sign out here only once every other session is gone, so that a failure can still be shown.
    auto left = std::make_shared<int>(int(others.size()));
    auto failed = std::make_shared<bool>(false);
    for (const QString &id : std::as_const(others)) {
        begin();
        m_client->connection().request(AuthRevoke{id}, [this, left, failed](const Reply<Ok> &reply) {
            end();
            if (!reply) {
                *failed = true;
                setError(reply.error().message);
            }
            if (--*left > 0)
                return;
            if (*failed)
                refresh();
            else
                m_client->signOut();
        });
    }
}

QString AccountSessions::describeTime(qint64 epochMs) const
{
    if (epochMs <= 0)
        return {};
    const QDateTime when = QDateTime::fromMSecsSinceEpoch(epochMs);
    const qint64 minutes = when.secsTo(QDateTime::currentDateTime()) / 60;
    if (minutes < 2)
        return tr("Active now");
    if (minutes < 60)
        return tr("Active %n minute(s) ago", nullptr, int(minutes));
    if (minutes < 24 * 60)
        return tr("Active %n hour(s) ago", nullptr, int(minutes / 60));
    return tr("Last active %1").arg(QLocale().toString(when.date(), QLocale::ShortFormat));
}

} // namespace confab::app

#include "invariants.h"

#include <QSet>

namespace confab::test {

using namespace confab::protocol;

QString checkConversationLog(TestClient &reader, const QString &conversationId, const QStringList &ackedMessageIds)
{
    QList<Event> log;
    qint64 after = 0;
    for (int page = 0; page < 100000; ++page) { // bounded: 10 M events at most
        HistoryRequest request;
        request.conversationId = conversationId;
        request.after = after;
        request.limit = 100;
        const Frame reply = reader.request(request);
        const auto *history = std::get_if<History>(&reply);
        if (!history)
            return QStringLiteral("history of %1 after seq %2 failed: %3")
                .arg(conversationId)
                .arg(after)
                .arg(TestClient::describe(reply));
        log += history->events;
        if (history->events.isEmpty() || !history->hasMore)
            break;
        after = history->events.last().seq;
    }
    QHash<QString, int> seen;
    for (qsizetype i = 0; i < log.size(); ++i) {
        if (log[i].seq != i + 1)
            return QStringLiteral("%1: event %2 has seq %3 (a gap, a repeat or a reordering)")
                .arg(conversationId)
                .arg(i + 1)
                .arg(log[i].seq);
        if (log[i].message)
            ++seen[log[i].message->id];
    }
    for (const QString &id : ackedMessageIds) {
        const int count = seen.value(id);
        if (count != 1)
            return QStringLiteral("%1: acknowledged message %2 appears %3 times in the log of %4 events")
                .arg(conversationId, id)
                .arg(count)
                .arg(log.size());
    }
    return {};
}

QString expectMessage(TestClient &client, const QString &who, const QString &conversationId, const QString &body,
                      int timeoutMs)
{
    const auto matches = [&](const Frame &f) {
        const auto *e = std::get_if<Event>(&f);
        return e && e->conversationId == conversationId && e->message && e->message->body == body;
    };
    if (client.waitForPushed(matches, timeoutMs))
        return {};
    QStringList saw;
    for (const Event &e : client.events(conversationId)) {
        if (e.message)
            saw.append(QLatin1Char('\'') + e.message->body + QLatin1Char('\''));
    }
    return QStringLiteral("%1 expected message '%2' in %3 within %4 s; saw: %5")
        .arg(who, body, conversationId)
        .arg(timeoutMs / 1000.0)
        .arg(saw.isEmpty() ? QStringLiteral("no message") : saw.join(QStringLiteral(", ")));
}

QStringList framesNaming(const TestClient &observer, const QStringList &secrets)
{
    QStringList found;
    for (const QString &text : observer.rawTexts()) {
        for (const QString &secret : secrets) {
            if (!secret.isEmpty() && text.contains(secret, Qt::CaseInsensitive))
                found.append(QStringLiteral("'%1' in %2").arg(secret, text.left(300)));
        }
    }
    return found;
}

} // namespace confab::test

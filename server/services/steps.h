#pragma once

// The steps most service methods take, written once: answering a failed statement, checking a
// message's size, and writing a change to a conversation (transaction, events, commit, publish).
// Each used to be spelled out in every method; a rule that lives in one place cannot drift.

#include "services/conversationlog.h"
#include "services/outcome.h"
#include "storage/database.h"

#include <optional>

namespace confab::server {

//! A failed statement as the client sees it: UNAVAILABLE is retryable, INTERNAL is not. Services
//! catch StoreError and answer with this, so that net/ only ever sees Outcomes, never storage's errors.
inline Failure storeFailure(const StoreError &e)
{
    if (e.kind() == StoreError::Kind::Unavailable)
        return {protocol::ErrorCode::Unavailable, QStringLiteral("the database is unavailable, retry shortly"), 1000, {}};
    if (e.kind() == StoreError::Kind::Conflict)
        return {protocol::ErrorCode::Conflict, QStringLiteral("a concurrent change conflicted, retry"), 100, {}};
    return {protocol::ErrorCode::Internal, QStringLiteral("internal error"), {}, {}};
}

/*!
 * TOO_LARGE when a message body of `bytes` UTF-8 bytes is over `maxBytes` (limits/max_body_bytes):
 * one check for send, edit and streamed appends. `field` names the request's field at fault;
 * `growing`: the text is appended to a message, which "would be" too long.
 */
inline std::optional<Failure> bodyTooLarge(qint64 bytes, qint64 maxBytes, const QString &field, bool growing = false)
{
    if (bytes <= maxBytes)
        return std::nullopt;
    const QString what = growing ? QStringLiteral("the message would be longer than %1 bytes")
                                 : QStringLiteral("the message is longer than %1 bytes");
    return Failure{protocol::ErrorCode::TooLarge, what.arg(maxBytes), {}, field};
}

namespace steps {
inline QList<StoredEvent> asEvents(QList<StoredEvent> events)
{
    return events;
}
inline QList<StoredEvent> asEvents(StoredEvent event)
{
    return {std::move(event)};
}
inline QList<StoredEvent> asEvents(std::optional<StoredEvent> event)
{
    return event ? QList<StoredEvent>{std::move(*event)} : QList<StoredEvent>{};
}
} // namespace steps

/*!
 * Writes one change to a conversation the way every change is written: `write` runs its statements
 * and appends its events inside one transaction, and the events are published (to this instance's
 * sessions and to the other instances) only after the COMMIT: acked means durable, and nobody is
 * told of what could still roll back. `write` returns the events (one, an optional one, or a list);
 * none means nothing changed, so the transaction rolls back and nothing is published. A StoreError
 * leaves through the caller's catch with nothing committed or published. Returns the events.
 * `alsoTo`: users told besides the active members (e.g. the one just removed).
 */
template <class Write>
QList<StoredEvent> commitAndPublish(Database &db, ConversationLog &log, const QString &conversationId, Write &&write,
                                    const QList<QString> &alsoTo = {})
{
    QList<StoredEvent> events;
    {
        Transaction tx(db);
        events = steps::asEvents(write());
        if (events.isEmpty())
            return events;
        tx.commit();
    }
    log.publish(conversationId, events, alsoTo);
    return events;
}

} // namespace confab::server

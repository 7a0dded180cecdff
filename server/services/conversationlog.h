#pragma once

#include "domain/model.h"
#include "domain/presenter.h"
#include "protocol/frames.h"

#include <QHash>

namespace confab::server {

class BlindStore;
class ConversationStore;
class EventStore;
class Fanout;
class Metrics;

/*!
 * Appends events to a conversation's log and delivers them. Every change to a conversation goes
 * through here, so that each takes the next seq inside the caller's transaction and, once the
 * caller committed, reaches every member's sessions encoded once, in commit order.
 */
class ConversationLog {
public:
    //! `metrics`, when given, counts stored messages and times the fan-out after each commit.
    ConversationLog(ConversationStore &conversations, EventStore &events, Fanout &fanout, Metrics *metrics = nullptr)
        : m_conversations(conversations), m_events(events), m_fanout(fanout), m_metrics(metrics)
    {
    }

    //! Inside a transaction: takes the next seq and writes the event.
    StoredEvent append(const QString &conversationId, EventKind kind, const QString &actorId,
                       const QJsonObject &payload = {}, const QString &messageId = {}, qint64 at = 0);
    //! The same with a seq taken before by reserveSeq (e.g. stored in the message row first).
    StoredEvent appendReserved(qint64 seq, const QString &conversationId, EventKind kind, const QString &actorId,
                               const QJsonObject &payload, const QString &messageId, qint64 at);
    //! Inside a transaction: takes the next seq for an event appended later.
    qint64 reserveSeq(const QString &conversationId);
    //! Gives back a reserved seq that no event will use (see ConversationStore::releaseSeq).
    void releaseSeq(const QString &conversationId, qint64 seq);
    //! After commit: sends the events to the conversation's active members (plus `alsoTo`, e.g. a
    //! member who was just removed and should learn it).
    void publish(const QString &conversationId, const QList<StoredEvent> &events, const QList<QString> &alsoTo = {});

    //! Delivers an event another server instance wrote to this instance's connections.
    void deliverRemote(const QString &conversationId, qint64 seq);

    //! A presenter for the conversation, knowing former members too.
    Presenter presenter(const Conversation &conversation);
    //! The same with the members already read (former ones included).
    Presenter presenter(const Conversation &conversation, const QList<Member> &members);
    //! Blind rooms' reveals come from here (without it, presenters know of none).
    void setBlindStore(BlindStore *store) { m_blind = store; }
    //! The same from the audience cache, for presenting content (messages, edits, reactions) only:
    //! the cached conversation row may lag behind in title and archive state.
    Presenter cachedPresenter(const QString &conversationId);
    //! Drops what is cached of a conversation, e.g. after a rollback took back seqs it had seen.
    void forget(const QString &conversationId) { m_audiences.remove(conversationId); }

private:
    //! Who receives a conversation's events and how they are presented, valid as of event `seq`.
    struct Audience {
        Presenter presenter;
        QList<QString> activeMemberIds;
        qint64 seq = 0;
    };
    //! The cached audience, read from the store when missing. Null if the conversation is gone.
    const Audience *audience(const QString &conversationId);
    //! Keeps the cache entry only if `event` is the next content event after the ones it knew.
    void noteEvent(const QString &conversationId, qint64 seq, EventKind kind);

    //! `committedNs`: when the events' transaction committed here; 0 for events of other instances.
    void deliver(const QString &conversationId, const QList<StoredEvent> &events, const QList<QString> &alsoTo,
                 qint64 committedNs);

    ConversationStore &m_conversations;
    EventStore &m_events;
    Fanout &m_fanout;
    Metrics *m_metrics = nullptr;
    QHash<QString, Audience> m_audiences;
    BlindStore *m_blind = nullptr;
};

} // namespace confab::server

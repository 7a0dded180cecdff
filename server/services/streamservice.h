#pragma once

#include "core/config.h"
#include "services/authservice.h"
#include "services/outcome.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QTimer>

namespace confab::server {

class ConversationLog;
class ConversationStore;
class Database;
class EventStore;
class Fanout;
struct Message;

/*!
 * Streamed messages: a start takes the message's seq (a `message` event in state streaming), each
 * append grows the stored body, the end writes a `stream_ended` event with the final message. The
 * members get `message.stream` pushes with the text so far, at most one per message every
 * kPushIntervalMs; a stream without an append for `messages/stream_timeout_s` is finalized as
 * interrupted by a periodic sweep.
 */
class StreamService {
public:
    static constexpr qint64 kPushIntervalMs = 50; //!< ~20 pushes a second per message

    StreamService(Database &db, const ServerConfig &config, ConversationLog &log, Fanout &fanout);
    ~StreamService();

    Outcome<protocol::MessageSent> start(const Identity &who, const protocol::StreamStart &request);
    Outcome<protocol::Ok> append(const Identity &who, const protocol::StreamAppend &request);
    Outcome<protocol::MessageSent> end(const Identity &who, const protocol::StreamEnd &request);

    //! Finalizes streams abandoned for the timeout; returns how many.
    int sweep();
    //! A streaming message was deleted: no more pushes for it.
    void forget(const QString &messageId);

private:
    struct Pending {
        QString conversationId;
        qint64 seq = 0;
        QElapsedTimer sincePush; //!< invalid until the first push
        bool scheduled = false;
    };
    void push(const QString &messageId);
    //! Inside no transaction: writes the stream_ended event and publishes it.
    Message finish(const Message &message, const QString &actorId, const QString &state, std::optional<qint64> tokens,
                   std::optional<qint64> latencyMs, bool *finished);

    Database &m_db;
    const ServerConfig &m_config;
    ConversationLog &m_log;
    Fanout &m_fanout;
    std::unique_ptr<ConversationStore> m_conversations;
    std::unique_ptr<EventStore> m_events;
    QHash<QString, Pending> m_pending; //!< by message id: this instance's open streams
    QObject m_context;                 //!< owns the push timers' connections; gone with the service
    QTimer m_sweepTimer;
};

} // namespace confab::server

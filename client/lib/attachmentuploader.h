#pragma once

#include "connection.h"
#include "localcache.h"

#include <QObject>
#include <QTimer>

namespace confab::client {

/*!
 * Uploads the files of the outbox, one at a time, in the outbox's order: attachment.begin, chunks,
 * attachment.finish. Progress is what the server confirmed (attachment.status after every few
 * chunks), written to the cache, so that a reconnect or a restart resumes from the server's offset.
 */
class AttachmentUploader : public QObject {
    Q_OBJECT
public:
    AttachmentUploader(Connection &connection, LocalCache &cache, QObject *parent = nullptr);

    //! The server's limits from auth.ok: largest file, chunk size.
    void setLimits(const protocol::Limits &limits) { m_limits = limits; }
    //! Starts the next unfinished file when idle and online. Cheap to call often.
    void kick();
    //! Stops the uploads of a message (it was discarded).
    void cancel(const QString &clientId);
    bool busy() const { return m_current.has_value(); }

signals:
    void progress(const QString &clientId, const QString &key, qint64 sent, qint64 total);
    void fileDone(const QString &clientId, const QString &key, const confab::protocol::AttachmentInfo &info);
    void fileFailed(const QString &clientId, const QString &key, const QString &error);

private:
    struct Current {
        QString clientId;
        QString conversationId;
        OutboxFile file;
        int restarts = 0;
        int stalls = 0;
        bool windowSent = false;
    };
    void beginUpload();
    void askStatus();
    void onUpload(const protocol::Reply<protocol::AttachmentUpload> &reply);
    //! A refusal of begin, status or finish: start over, fail for good, or pause.
    void onRefused(const protocol::Error &error);
    void sendWindow();
    void finish();
    void fail(const QString &error);
    void stop(bool retryLater);
    //! A reply handler that is ignored when the upload it belongs to was stopped meanwhile.
    //! The reply handler, dropped when the upload it belongs to stopped meanwhile.
    template <class T> auto guarded(void (AttachmentUploader::*handler)(const protocol::Reply<T> &))
    {
        return [this, handler, generation = m_generation](const protocol::Reply<T> &reply) {
            if (generation == m_generation && m_current)
                (this->*handler)(reply);
        };
    }
    void onFinished(const protocol::Reply<protocol::AttachmentDone> &reply);

    Connection &m_connection;
    LocalCache &m_cache;
    protocol::Limits m_limits;
    std::optional<Current> m_current;
    quint64 m_generation = 0;
    QTimer m_retry;
};

} // namespace confab::client

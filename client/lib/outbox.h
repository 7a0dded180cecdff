#pragma once

#include "attachmentuploader.h"
#include "connection.h"
#include "conversationstate.h"

#include <QObject>
#include <QSet>
#include <QTimer>
#include <QVariantMap>

namespace confab::client {

/*!
 * What the user wrote and the server has not stored yet: messages (with their files) are written
 * to the cache's outbox first (they survive a crash), then sent one at a time per conversation,
 * in order, once their files are uploaded; retried when the refusal may pass, marked failed when
 * it cannot (the user retries or discards them). The stored message goes into the state.
 */
class Outbox : public QObject {
    Q_OBJECT
public:
    //! `dataDir`: where pasted images are kept until their message is sent.
    Outbox(Connection &connection, ConversationState &state, QString dataDir, QObject *parent = nullptr);

    //! Writes a message to the outbox and sends it when possible; its client id, or empty when
    //! there is nothing to send. `files`: local paths or file URLs.
    QString send(const QString &conversationId, const QString &body, const QStringList &files, const QString &replyTo,
                 const QList<protocol::Mention> &mentions = {});
    void retry(const QString &clientId);
    void discard(const QString &clientId);
    void edit(const QString &clientId, const QString &body);
    //! Sends what can go now (online, not while a sync runs).
    void flush();
    //! While a sync runs nothing leaves: its reply may still change what the messages refer to.
    void setSyncing(bool syncing) { m_syncing = syncing; }

    QList<OutboxItem> items() const;
    int pendingCount() const;

    //! A file about to be attached: {path, url, name, size, sizeText, mime, image, error}.
    QVariantMap describeFile(const QString &pathOrUrl) const;
    //! The clipboard's image as a PNG in the data folder (its path), or empty when it holds none.
    QString pasteClipboardImage();
    AttachmentUploader &uploads() { return m_uploads; }

signals:
    //! A message is being written to a conversation (whoever writes has stopped typing there).
    void writing(const QString &conversationId);
    //! Messages joined or left the outbox (its count changed).
    void changed();
    //! The pending messages of a conversation changed (written, failed, retried, edited, discarded).
    void pendingChanged(const QString &conversationId);

private:
    void onSendReply(const OutboxItem &item, const protocol::Reply<protocol::MessageSent> &reply);
    QList<OutboxFile> outboxFiles(const QStringList &files, int max) const;
    //! Pasted images were written for one message only: they go with it.
    void forgetFiles(const OutboxItem &item);
    //! The server no longer knows an attachment this message names (unsent files expire): when the
    //! file is still here, unchanged, it is uploaded again, once, and the message goes after it.
    bool uploadAgain(const OutboxItem &item, const protocol::Error &error);
    QString conversationOf(const QString &clientId) const;

    Connection &m_connection;
    ConversationState &m_state;
    QString m_dataDir;
    AttachmentUploader m_uploads;
    QSet<QString> m_inFlight; //!< conversations with a send on the wire (one at a time keeps order)
    QSet<QString> m_uploadedAgain; //!< outbox file keys sent again after the server forgot them
    QTimer m_retry;
    bool m_syncing = false;
};

} // namespace confab::client

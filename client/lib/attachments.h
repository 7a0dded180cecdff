#pragma once

#include "attachmentdownloader.h"
#include "conversationstate.h"
#include "messagelistmodel.h"
#include "outbox.h"

#include <QObject>
#include <QSet>

#include <functional>

namespace confab::client {

/*!
 * The attachments the timeline shows: what is known of each (from the cache, the server, or the
 * file on this computer while it uploads), their transfers, and saving them into the download
 * folder. It keeps MessageListModel's attachment views in step; the metadata it learns goes into
 * the state.
 */
class Attachments : public QObject {
    Q_OBJECT
public:
    Attachments(Connection &connection, ConversationState &state, Outbox &outbox, MessageListModel &messages,
                QObject *parent = nullptr);

    //! Downloads an attachment (verified, cached) and copies it into the download folder.
    void save(const QString &attachmentId);
    //! Downloads an attachment into the cache, e.g. to show the full image.
    void open(const QString &attachmentId);
    AttachmentDownloader &downloads() { return m_downloads; }
    //! Where saved attachments go (default: the system's download folder).
    void setDownloadFolder(const QString &dir) { m_downloadFolder = dir; }

signals:
    void saved(const QString &attachmentId, const QString &path);
    void failed(const QString &message);

private:
    void refresh();
    void showInfo(const protocol::AttachmentInfo &info);
    void update(const QString &id, const std::function<void(AttachmentView &)> &change);
    void downloaded(const QString &id, const QString &path);

    ConversationState &m_state;
    Outbox &m_outbox;
    MessageListModel &m_messages;
    AttachmentDownloader m_downloads;
    QString m_downloadFolder;
    QSet<QString> m_saveWanted; //!< attachments to copy into the download folder once downloaded
};

} // namespace confab::client

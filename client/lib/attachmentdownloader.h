#pragma once

#include "connection.h"

#include <QFile>
#include <QObject>
#include <QTimer>

namespace confab::client {

/*!
 * Fetches attachments, one request at a time: metadata with the thumbnail (for the timeline) and
 * whole files (to open or save). Files land in a cache folder named by their sha256 and are
 * verified against it; an interrupted download continues from the bytes already there.
 */
class AttachmentDownloader : public QObject {
    Q_OBJECT
public:
    explicit AttachmentDownloader(Connection &connection, QObject *parent = nullptr);

    //! Where files and thumbnails are kept (created when missing); empty stops everything.
    void setCacheDir(const QString &dir);
    QString cacheDir() const { return m_dir; }
    //! The cached file or thumbnail of an attachment, or empty when not here yet.
    QString cachedFile(const protocol::AttachmentInfo &info) const;
    QString cachedThumbnail(const protocol::AttachmentInfo &info) const;

    //! Metadata and, for images, the thumbnail: infoReceived, then thumbnailReady.
    void fetchInfo(const QString &attachmentId);
    //! The whole file into the cache: progress, then downloaded (or failed).
    void download(const protocol::AttachmentInfo &info);
    bool isDownloading(const QString &attachmentId) const;

signals:
    void infoReceived(const confab::protocol::AttachmentInfo &info);
    void thumbnailReady(const QString &attachmentId, const QString &path);
    void progress(const QString &attachmentId, qint64 received, qint64 total);
    void downloaded(const QString &attachmentId, const QString &path);
    void failed(const QString &attachmentId, const QString &error);

private:
    struct Job {
        QString id;
        bool full = false;
        protocol::AttachmentInfo info; //!< with `full`
        int attempts = 0;
    };
    void next();
    void onData(const protocol::Reply<protocol::AttachmentData> &reply);
    void onChunk(const QByteArray &frame);
    void complete();
    void finishJob(bool retryLater);
    QString partPath(const protocol::AttachmentInfo &info) const;

    Connection &m_connection;
    QString m_dir;
    QList<Job> m_queue;
    QList<Job> m_later; //!< metadata of files still uploading: asked again when m_retry fires
    bool m_running = false;
    quint64 m_generation = 0;
    // The running transfer, once attachment.data said what follows.
    protocol::AttachmentInfo m_info;
    qint64 m_expected = -1; //!< bytes still to come; -1 before attachment.data
    qint64 m_nextOffset = 0;
    QByteArray m_thumbnail;
    QFile m_part;
    QTimer m_retry;
};

} // namespace confab::client

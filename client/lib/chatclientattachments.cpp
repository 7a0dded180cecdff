// ChatClient's attachments: the outbox's files, the timeline's attachment views, downloads and saving.
#include "chatclient.h"

#include <QClipboard>
#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QGuiApplication>
#include <QImage>
#include <QImageReader>
#include <QMimeDatabase>
#include <QStandardPaths>
#include <QUuid>

namespace confab::client {

using namespace confab::protocol;

namespace {
QString localPath(const QString &pathOrUrl)
{
    const QUrl url(pathOrUrl);
    return url.isLocalFile() ? url.toLocalFile() : pathOrUrl;
}

QString sha256Of(const QString &path)
{
    QFile file(path);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!file.open(QIODevice::ReadOnly) || !hash.addData(&file))
        return {};
    return QString::fromLatin1(hash.result().toHex());
}

//! A name that is safe as a file name here: no folders, no control characters.
QString safeFileName(const QString &name)
{
    QString out = QFileInfo(name).fileName();
    for (QChar &c : out) {
        if (c < u' ' || c == u'/' || c == u'\\' || c == u':')
            c = u'_';
    }
    return out.isEmpty() || out == QStringLiteral(".") || out == QStringLiteral("..") ? QStringLiteral("file") : out;
}
} // namespace

void ChatClient::setupAttachments()
{
    // Rows that come into the timeline may name attachments not described yet.
    connect(&m_messages, &QAbstractItemModel::rowsInserted, this, &ChatClient::refreshAttachments);
    connect(&m_messages, &QAbstractItemModel::modelReset, this, &ChatClient::refreshAttachments);

    connect(&m_uploads, &AttachmentUploader::progress, this, [this](const QString &, const QString &key, qint64 sent, qint64 total) {
        updateAttachment(key, [&](AttachmentView &v) {
            v.state = AttachmentView::State::Uploading;
            v.progress = total > 0 ? double(sent) / double(total) : 0;
        });
    });
    connect(&m_uploads, &AttachmentUploader::fileDone, this, [this](const QString &, const QString &key, const AttachmentInfo &) {
        updateAttachment(key, [](AttachmentView &v) {
            v.state = AttachmentView::State::Ready;
            v.progress = 1;
        });
        flushOutbox(); // the message may be complete now
    });
    connect(&m_uploads, &AttachmentUploader::fileFailed, this, [this](const QString &clientId, const QString &key, const QString &error) {
        updateAttachment(key, [&](AttachmentView &v) {
            v.state = AttachmentView::State::Failed;
            v.error = error;
        });
        // The message waits for Retry or Delete; the rest of the outbox goes on.
        m_cache.markOutboxFailed(clientId, error);
        m_messages.setPending(m_cache.outbox());
        emit outboxChanged();
        flushOutbox();
    });

    connect(&m_downloads, &AttachmentDownloader::infoReceived, this, [this](const AttachmentInfo &info) {
        if (m_cache.isOpen())
            m_cache.saveAttachment(info);
        showAttachmentInfo(info);
    });
    connect(&m_downloads, &AttachmentDownloader::thumbnailReady, this, [this](const QString &id, const QString &path) {
        updateAttachment(id, [&](AttachmentView &v) { v.thumbnailPath = path; });
    });
    connect(&m_downloads, &AttachmentDownloader::progress, this, [this](const QString &id, qint64 received, qint64 total) {
        updateAttachment(id, [&](AttachmentView &v) {
            v.state = AttachmentView::State::Downloading;
            v.progress = total > 0 ? double(received) / double(total) : 0;
        });
    });
    connect(&m_downloads, &AttachmentDownloader::downloaded, this, [this](const QString &id, const QString &path) {
        QString shown = path;
        auto state = AttachmentView::State::Ready;
        if (m_saveWanted.remove(id)) {
            const auto info = m_cache.attachment(id);
            QString folder = m_downloadFolder.isEmpty()
                                 ? QStandardPaths::writableLocation(QStandardPaths::DownloadLocation)
                                 : m_downloadFolder;
            QDir().mkpath(folder);
            const QFileInfo name(safeFileName(info ? info->name : id));
            QString target = QDir(folder).filePath(name.fileName());
            // Never overwrite: "report (1).pdf", "report (2).pdf", …
            for (int n = 1; QFileInfo::exists(target) && n < 1000; ++n) {
                const QString suffix = name.completeSuffix().isEmpty() ? QString() : u'.' + name.completeSuffix();
                target = QDir(folder).filePath(QStringLiteral("%1 (%2)%3").arg(name.baseName()).arg(n).arg(suffix));
            }
            if (QFile::copy(path, target)) {
                shown = target;
                state = AttachmentView::State::Saved;
                emit attachmentSaved(id, target);
            } else {
                emit errorOccurred(tr("Could not save %1 in %2").arg(name.fileName(), folder));
            }
        }
        updateAttachment(id, [&](AttachmentView &v) {
            v.filePath = shown;
            v.state = state;
            v.progress = -1;
        });
    });
    connect(&m_downloads, &AttachmentDownloader::failed, this, [this](const QString &id, const QString &error) {
        m_saveWanted.remove(id);
        updateAttachment(id, [&](AttachmentView &v) {
            v.state = AttachmentView::State::Failed;
            v.error = error;
            v.progress = -1;
        });
    });
}

void ChatClient::updateAttachment(const QString &id, const std::function<void(AttachmentView &)> &change)
{
    AttachmentView view = m_messages.attachment(id).value_or(AttachmentView{});
    view.id = id;
    change(view);
    m_messages.setAttachment(view);
}

void ChatClient::showAttachmentInfo(const AttachmentInfo &info)
{
    const QString thumbnail = m_downloads.cachedThumbnail(info);
    const QString file = m_downloads.cachedFile(info);
    updateAttachment(info.id, [&](AttachmentView &v) {
        v.name = info.name;
        v.mime = info.mime;
        v.size = info.size;
        v.width = info.width.value_or(0);
        v.height = info.height.value_or(0);
        v.preview = info.preview.value_or(QString());
        if (v.thumbnailPath.isEmpty())
            v.thumbnailPath = thumbnail;
        if (v.filePath.isEmpty())
            v.filePath = file;
        if (v.state == AttachmentView::State::Loading || v.state == AttachmentView::State::Waiting)
            v.state = info.complete ? AttachmentView::State::Ready : AttachmentView::State::Waiting;
    });
}

void ChatClient::refreshAttachments()
{
    const QList<QString> unknown = m_messages.takeUnknownAttachments();
    if (unknown.isEmpty() || !m_cache.isOpen())
        return;
    QHash<QString, OutboxFile> pending;
    for (const OutboxItem &item : m_cache.outbox()) {
        for (const OutboxFile &f : item.files)
            pending.insert(f.key, f);
    }
    for (const QString &id : unknown) {
        if (const auto it = pending.constFind(id); it != pending.cend()) {
            // Mine, not sent yet: shown from the file on this computer.
            const OutboxFile &f = *it;
            updateAttachment(id, [&](AttachmentView &v) {
                v.name = f.name;
                v.mime = f.mime;
                v.size = f.size;
                if (f.mime.startsWith(QLatin1StringView("image/"))) {
                    v.thumbnailPath = f.path;
                    const QSize size = QImageReader(f.path).size();
                    v.width = size.width() > 0 ? size.width() : 0;
                    v.height = size.height() > 0 ? size.height() : 0;
                }
                v.filePath = f.path;
                v.state = f.failed ? AttachmentView::State::Failed
                        : f.done   ? AttachmentView::State::Ready
                                   : AttachmentView::State::Uploading;
                v.progress = f.size > 0 ? double(f.offset) / double(f.size) : 0;
                v.error = f.error;
            });
            continue;
        }
        const auto info = m_cache.attachment(id);
        if (info)
            showAttachmentInfo(*info);
        // Metadata (and the thumbnail of an image) from the server when not complete here yet.
        const bool wantThumbnail = info && info->mime.startsWith(QLatin1StringView("image/")) &&
                                   m_downloads.cachedThumbnail(*info).isEmpty();
        if (!info || !info->complete || wantThumbnail)
            m_downloads.fetchInfo(id);
    }
}

void ChatClient::saveAttachment(const QString &attachmentId)
{
    const auto info = m_cache.isOpen() ? m_cache.attachment(attachmentId) : std::nullopt;
    if (!info || !info->complete)
        return;
    m_saveWanted.insert(attachmentId);
    updateAttachment(attachmentId, [](AttachmentView &v) {
        v.state = AttachmentView::State::Downloading;
        v.progress = 0;
        v.error.clear();
    });
    m_downloads.download(*info);
}

void ChatClient::openAttachment(const QString &attachmentId)
{
    const auto info = m_cache.isOpen() ? m_cache.attachment(attachmentId) : std::nullopt;
    if (info && info->complete)
        m_downloads.download(*info);
}

QVariantMap ChatClient::describeFile(const QString &pathOrUrl) const
{
    const QFileInfo file(localPath(pathOrUrl));
    QVariantMap out{{QStringLiteral("path"), file.absoluteFilePath()},
                    {QStringLiteral("url"), QUrl::fromLocalFile(file.absoluteFilePath()).toString()},
                    {QStringLiteral("name"), file.fileName()},
                    {QStringLiteral("size"), file.size()},
                    {QStringLiteral("sizeText"), QLocale().formattedDataSize(file.size(), 1, QLocale::DataSizeTraditionalFormat)}};
    const QString mime = QMimeDatabase().mimeTypeForFile(file).name();
    out.insert(QStringLiteral("mime"), mime);
    out.insert(QStringLiteral("image"), mime.startsWith(QLatin1StringView("image/")));
    const qint64 max = m_connection.session().limits.maxAttachmentBytes;
    QString error;
    if (!file.isFile() || !file.isReadable())
        error = tr("%1 is not a file that can be read").arg(file.fileName());
    else if (file.size() == 0)
        error = tr("%1 is empty").arg(file.fileName());
    else if (file.size() > max)
        error = tr("%1 is larger than %2").arg(file.fileName(), QLocale().formattedDataSize(max, 0, QLocale::DataSizeTraditionalFormat));
    out.insert(QStringLiteral("error"), error);
    return out;
}

QString ChatClient::pasteClipboardImage()
{
    // The library also runs without a GUI (tests, tools): there is no clipboard then.
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        return {};
    const QImage image = QGuiApplication::clipboard()->image();
    if (image.isNull())
        return {};
    // In the data folder, not /tmp: an unsent message keeps its files across restarts.
    const QDir dir(QDir(m_dataDir).filePath(QStringLiteral("pasted")));
    QDir().mkpath(dir.path());
    const QString path = dir.filePath(QStringLiteral("image-%1-%2.png")
                                          .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss")),
                                               QUuid::createUuid().toString(QUuid::Id128).left(6)));
    return image.save(path, "PNG") ? path : QString();
}

QList<OutboxFile> ChatClient::outboxFiles(const QStringList &files, int max) const
{
    QList<OutboxFile> out;
    for (const QString &entry : files) {
        if (out.size() >= max)
            break;
        const QVariantMap d = describeFile(entry);
        if (!d.value(QStringLiteral("error")).toString().isEmpty())
            continue;
        OutboxFile f;
        f.key = QUuid::createUuid().toString(QUuid::Id128);
        f.path = d.value(QStringLiteral("path")).toString();
        f.name = d.value(QStringLiteral("name")).toString().left(field::kFileNameMaxBytes);
        while (f.name.toUtf8().size() > field::kFileNameMaxBytes)
            f.name.chop(1);
        f.size = d.value(QStringLiteral("size")).toLongLong();
        f.mime = d.value(QStringLiteral("mime")).toString();
        f.sha256 = sha256Of(f.path);
        if (!f.sha256.isEmpty())
            out.append(f);
    }
    return out;
}

void ChatClient::forgetFiles(const OutboxItem &item)
{
    // Pasted images were written by us for this message only.
    const QString pasted = QDir(QDir(m_dataDir).filePath(QStringLiteral("pasted"))).absolutePath() + u'/';
    for (const OutboxFile &f : item.files) {
        if (f.path.startsWith(pasted))
            QFile::remove(f.path);
    }
}

} // namespace confab::client

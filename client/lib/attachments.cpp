#include "attachments.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QImageReader>
#include <QStandardPaths>

namespace confab::client {

using namespace confab::protocol;

namespace {
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

Attachments::Attachments(Connection &connection, ConversationState &state, Outbox &outbox, MessageListModel &messages,
                         QObject *parent)
    : QObject(parent), m_state(state), m_outbox(outbox), m_messages(messages), m_downloads(connection)
{
    // Rows that come into the timeline may name attachments not described yet.
    connect(&m_messages, &QAbstractItemModel::rowsInserted, this, &Attachments::refresh);
    connect(&m_messages, &QAbstractItemModel::modelReset, this, &Attachments::refresh);

    AttachmentUploader *uploads = &outbox.uploads();
    connect(uploads, &AttachmentUploader::progress, this, [this](const QString &, const QString &key, qint64 sent, qint64 total) {
        update(key, [&](AttachmentView &v) {
            v.state = AttachmentView::State::Uploading;
            v.progress = total > 0 ? double(sent) / double(total) : 0;
        });
    });
    connect(uploads, &AttachmentUploader::fileDone, this, [this](const QString &, const QString &key, const AttachmentInfo &) {
        update(key, [](AttachmentView &v) {
            v.state = AttachmentView::State::Ready;
            v.progress = 1;
        });
    });
    connect(uploads, &AttachmentUploader::fileFailed, this, [this](const QString &, const QString &key, const QString &error) {
        update(key, [&](AttachmentView &v) {
            v.state = AttachmentView::State::Failed;
            v.error = error;
        });
    });

    connect(&m_downloads, &AttachmentDownloader::infoReceived, this, [this](const AttachmentInfo &info) {
        m_state.saveAttachment(info);
        showInfo(info);
    });
    connect(&m_downloads, &AttachmentDownloader::thumbnailReady, this, [this](const QString &id, const QString &path) {
        update(id, [&](AttachmentView &v) { v.thumbnailPath = path; });
    });
    connect(&m_downloads, &AttachmentDownloader::progress, this, [this](const QString &id, qint64 received, qint64 total) {
        update(id, [&](AttachmentView &v) {
            v.state = AttachmentView::State::Downloading;
            v.progress = total > 0 ? double(received) / double(total) : 0;
        });
    });
    connect(&m_downloads, &AttachmentDownloader::downloaded, this, &Attachments::downloaded);
    connect(&m_downloads, &AttachmentDownloader::failed, this, [this](const QString &id, const QString &error) {
        m_saveWanted.remove(id);
        update(id, [&](AttachmentView &v) {
            v.state = AttachmentView::State::Failed;
            v.error = error;
            v.progress = -1;
        });
    });
}

void Attachments::downloaded(const QString &id, const QString &path)
{
    QString shown = path;
    auto state = AttachmentView::State::Ready;
    if (m_saveWanted.remove(id)) {
        const auto info = m_state.cache().attachment(id);
        QString folder = m_downloadFolder.isEmpty() ? QStandardPaths::writableLocation(QStandardPaths::DownloadLocation)
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
            emit saved(id, target);
        } else {
            // Translated as ChatClient's, where this text was written first.
            emit failed(QCoreApplication::translate("confab::client::ChatClient", "Could not save %1 in %2")
                            .arg(name.fileName(), folder));
        }
    }
    update(id, [&](AttachmentView &v) {
        v.filePath = shown;
        v.state = state;
        v.progress = -1;
    });
}

void Attachments::update(const QString &id, const std::function<void(AttachmentView &)> &change)
{
    AttachmentView view = m_messages.attachment(id).value_or(AttachmentView{});
    view.id = id;
    change(view);
    m_messages.setAttachment(view);
}

void Attachments::showInfo(const AttachmentInfo &info)
{
    const QString thumbnail = m_downloads.cachedThumbnail(info);
    const QString file = m_downloads.cachedFile(info);
    update(info.id, [&](AttachmentView &v) {
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

void Attachments::refresh()
{
    const QList<QString> unknown = m_messages.takeUnknownAttachments();
    if (unknown.isEmpty() || !m_state.isOpen())
        return;
    QHash<QString, OutboxFile> pending;
    for (const OutboxItem &item : m_outbox.items()) {
        for (const OutboxFile &f : item.files)
            pending.insert(f.key, f);
    }
    for (const QString &id : unknown) {
        if (const auto it = pending.constFind(id); it != pending.cend()) {
            // Mine, not sent yet: shown from the file on this computer.
            const OutboxFile &f = *it;
            update(id, [&](AttachmentView &v) {
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
        const auto info = m_state.cache().attachment(id);
        if (info)
            showInfo(*info);
        // Metadata (and the thumbnail of an image) from the server when not complete here yet.
        const bool wantThumbnail = info && info->mime.startsWith(QLatin1StringView("image/")) &&
                                   m_downloads.cachedThumbnail(*info).isEmpty();
        if (!info || !info->complete || wantThumbnail)
            m_downloads.fetchInfo(id);
    }
}

void Attachments::save(const QString &attachmentId)
{
    const auto info = m_state.isOpen() ? m_state.cache().attachment(attachmentId) : std::nullopt;
    if (!info || !info->complete)
        return;
    m_saveWanted.insert(attachmentId);
    update(attachmentId, [](AttachmentView &v) {
        v.state = AttachmentView::State::Downloading;
        v.progress = 0;
        v.error.clear();
    });
    m_downloads.download(*info);
}

void Attachments::open(const QString &attachmentId)
{
    const auto info = m_state.isOpen() ? m_state.cache().attachment(attachmentId) : std::nullopt;
    if (info && info->complete)
        m_downloads.download(*info);
}

} // namespace confab::client

#include "dataexport.h"

#include "attachmentdownloader.h"
#include "connection.h"
#include "protocol/requests.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>

namespace confab::client {

using namespace confab::protocol;

DataExport::DataExport(Connection &connection, AttachmentDownloader &downloads, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
    , m_downloads(downloads) {
    connect(&m_connection, &Connection::authenticated, this, [this] { refresh(); });
    connect(&m_connection, &Connection::pushed, this, [this](const Frame &frame) {
        if (const auto *progress = std::get_if<AccountExportProgress>(&frame))
            apply(*progress);
    });
    connect(&m_downloads, &AttachmentDownloader::progress, this,
            [this](const QString &id, qint64 received, qint64 total) {
                if (m_phase != Phase::Saving || id != m_exportId || total <= 0)
                    return;
                m_percent = int(received * 100 / total);
                emit changed();
            });
    connect(&m_downloads, &AttachmentDownloader::downloaded, this, &DataExport::onDownloaded);
    connect(&m_downloads, &AttachmentDownloader::failed, this, [this](const QString &id, const QString &) {
        if (m_phase == Phase::Saving && id == m_exportId) {
            m_phase = Phase::Ready;
            fail(tr("The archive could not be downloaded. Please try again."));
        }
    });
}

QString DataExport::state() const {
    switch (m_phase) {
    case Phase::None:
        return QStringLiteral("none");
    case Phase::Building:
        return QStringLiteral("building");
    case Phase::Ready:
        return QStringLiteral("ready");
    case Phase::Failed:
        return QStringLiteral("failed");
    case Phase::Saving:
        return QStringLiteral("saving");
    case Phase::Saved:
        return QStringLiteral("saved");
    }
    return {};
}

QString DataExport::sizeText() const {
    return QLocale().formattedDataSize(m_size);
}

QString DataExport::suggestedName() const {
    return QStringLiteral("confab-export-%1.zip").arg(QDate::currentDate().toString(Qt::ISODate));
}

void DataExport::fail(const QString &error) {
    m_error = error;
    emit changed();
    emit failed(error);
}

void DataExport::apply(const AccountExportProgress &progress) {
    // A save in progress of this archive goes on; pushes of it change nothing then.
    if ((m_phase == Phase::Saving || m_phase == Phase::Saved) && progress.exportId == m_exportId &&
        progress.state == ExportState::Ready)
        return;
    m_exportId = progress.exportId;
    m_percent = int(progress.percent);
    m_error.clear();
    switch (progress.state) {
    case ExportState::Building:
        m_phase = Phase::Building;
        break;
    case ExportState::Ready:
        m_phase = Phase::Ready;
        m_size = progress.size.value_or(0);
        m_sha256 = progress.sha256.value_or(QString());
        m_expiresAt = progress.expiresAt ? QDateTime::fromMSecsSinceEpoch(*progress.expiresAt) : QDateTime();
        break;
    case ExportState::Failed:
        m_phase = Phase::Failed;
        // The server's words are English; the UI says it in its own language.
        m_error = tr("The export could not be built. Please try again.");
        break;
    }
    emit changed();
}

void DataExport::refused(const Error &error) {
    if (error.code == ErrorCode::Conflict) {
        m_phase = Phase::Building; // another device started one: its progress arrives here too
        m_error.clear();
        emit changed();
        refresh();
        return;
    }
    fail(error.code == ErrorCode::Unavailable ? tr("The server could not be reached. Please try again.")
                                              : tr("Something went wrong on the server. Please try again."));
}

void DataExport::start() {
    if (!m_connection.isOnline())
        return fail(tr("Not connected: exporting needs the server."));
    m_error.clear();
    m_phase = Phase::Building;
    m_percent = 0;
    emit changed();
    m_connection.request(AccountExport{}, [this](const Reply<AccountExportProgress> &reply) {
        if (reply)
            return apply(*reply);
        m_phase = Phase::None;
        refused(reply.error());
    });
}

void DataExport::refresh() {
    m_connection.request(AccountExportStatus{}, [this](const Reply<AccountExportProgress> &reply) {
        if (reply)
            return apply(*reply);
        if (reply.error().code == ErrorCode::NotFound && m_phase != Phase::Saving) {
            m_phase = Phase::None; // none, or swept
            m_percent = 0;
            emit changed();
        }
    });
}

void DataExport::saveTo(const QUrl &target) {
    if (m_phase != Phase::Ready && m_phase != Phase::Saved)
        return;
    m_target = target.isLocalFile() ? target.toLocalFile() : target.toString();
    if (m_target.isEmpty())
        return;
    AttachmentInfo info;
    info.id = m_exportId;
    info.name = suggestedName();
    info.mime = QStringLiteral("application/zip");
    info.size = m_size;
    info.sha256 = m_sha256;
    info.complete = true;
    m_phase = Phase::Saving;
    m_percent = 0;
    m_error.clear();
    emit changed();
    m_downloads.download(info);
}

void DataExport::onDownloaded(const QString &id, const QString &path) {
    if (m_phase != Phase::Saving || id != m_exportId)
        return;
    // The user chose the name (and agreed to replace a file of that name in the dialog).
    QFile::remove(m_target);
    const bool copied = QFile::copy(path, m_target);
    // Not kept in the download cache: the archive is all of my data, in one place is enough.
    QFile::remove(path);
    if (!copied) {
        m_phase = Phase::Ready;
        return fail(tr("Could not save the archive as %1.").arg(QDir::toNativeSeparators(m_target)));
    }
    m_phase = Phase::Saved;
    m_percent = 100;
    m_savedPath = m_target;
    emit changed();
    emit saved(m_target);
}

} // namespace confab::client

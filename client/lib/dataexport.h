#pragma once

// Settings → privacy → "Export my data": asks the server for an archive of my data
// (account.export), follows its progress (account.export.progress, pushed to all my devices),
// and saves the finished archive where the user chooses, fetched through the attachment download
// path. A restart of the app, or another device, finds the export where it stands
// (account.export.status at sign-in).

#include "protocol/frames.h"

#include <QDateTime>
#include <QObject>
#include <QQmlEngine>
#include <QUrl>

namespace confab::client {

class AttachmentDownloader;
class Connection;

class DataExport : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Provided by ChatClient")
    //! "none", "building", "ready", "failed", "saving" or "saved".
    Q_PROPERTY(QString state READ state NOTIFY changed)
    //! The build's progress while building, the download's while saving (0–100).
    Q_PROPERTY(int percent READ percent NOTIFY changed)
    //! The archive's size in bytes, once ready.
    Q_PROPERTY(qint64 size READ size NOTIFY changed)
    //! The same for people ("18.7 MB"), in the UI's locale.
    Q_PROPERTY(QString sizeText READ sizeText NOTIFY changed)
    //! Until when the server keeps the archive, once ready.
    Q_PROPERTY(QDateTime expiresAt READ expiresAt NOTIFY changed)
    //! What went wrong, in the UI language (a failed build or save, a refusal), or empty.
    Q_PROPERTY(QString error READ error NOTIFY changed)
    //! Where the archive was saved last.
    Q_PROPERTY(QString savedPath READ savedPath NOTIFY changed)
    //! The file name to offer in the save dialog.
    Q_PROPERTY(QString suggestedName READ suggestedName NOTIFY changed)
public:
    DataExport(Connection &connection, AttachmentDownloader &downloads, QObject *parent = nullptr);

    QString state() const;
    int percent() const { return m_percent; }
    qint64 size() const { return m_size; }
    QString sizeText() const;
    QDateTime expiresAt() const { return m_expiresAt; }
    QString error() const { return m_error; }
    QString savedPath() const { return m_savedPath; }
    QString suggestedName() const;

    //! account.export: a new archive (it replaces the one the server kept before).
    Q_INVOKABLE void start();
    //! account.export.status: where my latest export stands.
    Q_INVOKABLE void refresh();
    //! Downloads the ready archive and saves it as `target` (a file URL or a path); saved or failed.
    Q_INVOKABLE void saveTo(const QUrl &target);

signals:
    void changed();
    void saved(const QString &path);
    void failed(const QString &error);

private:
    enum class Phase { None, Building, Ready, Failed, Saving, Saved };
    void apply(const protocol::AccountExportProgress &progress);
    void refused(const protocol::Error &error);
    void onDownloaded(const QString &id, const QString &path);
    void fail(const QString &error);

    Connection &m_connection;
    AttachmentDownloader &m_downloads;
    Phase m_phase = Phase::None;
    QString m_exportId;
    QString m_sha256;
    int m_percent = 0;
    qint64 m_size = 0;
    QDateTime m_expiresAt;
    QString m_error;
    QString m_savedPath;
    QString m_target; //!< where the download in progress goes
};

} // namespace confab::client

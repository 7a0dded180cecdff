#include "attachmentops.h"

#include "storage/blobstore.h"
#include "storage/database.h"
#include "storage/migrations.h"
#include "storage/uploadstore.h"

#include <QCryptographicHash>
#include <QDir>
#include <QThread>

namespace confab::server {

namespace {
constexpr int kListBatch = 200;

QString hashOf(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

QString describe(const BlobKey &key)
{
    switch (key.kind) {
    case BlobKind::File:
        return key.sha256;
    case BlobKind::Thumbnail:
        return QStringLiteral("thumbnail of %1").arg(key.sha256);
    case BlobKind::Preview:
        return QStringLiteral("preview of %1").arg(key.sha256);
    }
    return key.sha256;
}

struct Tally {
    qint64 copied = 0;
    qint64 bytes = 0;
    qint64 present = 0;
    qint64 removed = 0;
    QStringList failed;
};

/*!
 * One pass over the source: each blob not in the target yet is read whole (at most the attachment
 * ceiling), checked (a file's bytes must hash to its key), written and read back.
 */
void copyPass(BlobStore &source, BlobStore &target, bool removeSource, Tally &tally)
{
    std::optional<BlobKey> after;
    while (true) {
        const QList<BlobKey> keys = source.list(after, kListBatch);
        if (keys.isEmpty())
            return;
        after = keys.last();
        for (const BlobKey &key : keys) {
            const qint64 size = source.size(key);
            const QByteArray bytes = source.read(key, 0, std::max<qint64>(size, 1));
            const QString sourceHash = hashOf(bytes);
            if (bytes.size() != size || (key.kind == BlobKind::File && sourceHash != key.sha256)) {
                tally.failed.append(QStringLiteral("%1 (corrupt in the source: not copied)").arg(describe(key)));
                continue;
            }
            if (target.size(key) == size && hashOf(target.read(key, 0, std::max<qint64>(size, 1))) == sourceHash) {
                ++tally.present;
            } else {
                if (target.size(key) >= 0)
                    target.remove(key); // a broken copy from an earlier run
                if (!target.put(key, bytes) || hashOf(target.read(key, 0, std::max<qint64>(size, 1))) != sourceHash) {
                    tally.failed.append(QStringLiteral("%1 (could not be written)").arg(describe(key)));
                    continue;
                }
                ++tally.copied;
                tally.bytes += size;
            }
            if (removeSource) {
                source.remove(key);
                ++tally.removed;
            }
        }
    }
}
} // namespace

int AttachmentOps::migrate(const QString &target, bool removeSource, qint64 settleMs)
{
    if (target != QLatin1StringView("database") && target != QLatin1StringView("disk")) {
        m_err << "usage: confab-server attachments migrate --to database|disk [--remove-source]" << Qt::endl;
        return 2;
    }
    QString error;
    const auto url = m_config.resolvedDatabase(&error);
    if (!url) {
        m_err << error << Qt::endl;
        return 2;
    }
    Database db(*url, QStringLiteral("confab-attachments"));
    if (!db.open(&error)) {
        m_err << "cannot open the database " << url->redacted() << ": " << error << Qt::endl;
        return 1;
    }
    const QString root = QDir(m_config.dataDir).absoluteFilePath(QStringLiteral("attachments"));
    try {
        if (Migrations(db).currentVersion() < Migrations::kSchemaVersion) {
            m_err << "the database schema is not current: run confab-server migrate (or start the server) first" << Qt::endl;
            return 1;
        }
        const QString before = blobStoreChoice(m_config.attachmentStore, db);
        // Every instance follows the setting: new blobs go to the target from now on.
        SettingsStore(db).setValue(kStoreSetting, target);
        m_out << "attachments/store is now " << target << " in the database (it was " << before
              << "); running servers follow within 2 s" << Qt::endl;
        if (!m_config.attachmentStore.isEmpty() && m_config.attachmentStore != target)
            m_out << "note: the config key attachments/store (" << m_config.attachmentStore
                  << ") no longer decides; the database's setting does. Change or remove the key." << Qt::endl;
        // Blobs an instance is storing right now under the old choice land in the source; the second
        // pass below takes them, once every instance has seen the switch.
        QThread::msleep(quint64(settleMs));

        DiskBlobStore disk(root);
        DatabaseBlobStore database(db);
        BlobStore &to = target == QLatin1StringView("database") ? static_cast<BlobStore &>(database) : disk;
        BlobStore &from = target == QLatin1StringView("database") ? static_cast<BlobStore &>(disk) : database;
        Tally tally;
        copyPass(from, to, removeSource, tally);
        QThread::msleep(quint64(settleMs));
        copyPass(from, to, removeSource, tally);
        m_out << "copied " << tally.copied << " blobs (" << tally.bytes << " bytes) into the " << target << " store, "
              << tally.present << " were there already";
        if (removeSource)
            m_out << ", removed " << tally.removed << " from the source";
        m_out << Qt::endl;
        if (!tally.failed.isEmpty()) {
            m_err << tally.failed.size() << " blobs were not moved: " << tally.failed.mid(0, 10).join(QStringLiteral(", "))
                  << (tally.failed.size() > 10 ? QStringLiteral(" and %1 more").arg(tally.failed.size() - 10) : QString())
                  << " (confab-server check tells which attachments they belong to)" << Qt::endl;
            return 1;
        }
        if (!removeSource)
            m_out << "the old copies stay in the " << (target == QLatin1StringView("database") ? "disk" : "database")
                  << " store; run again with --remove-source to remove them" << Qt::endl;
        return 0;
    } catch (const StoreError &e) {
        m_err << "database error: " << e.what() << " (run the command again: it goes on where it stopped)" << Qt::endl;
        return 1;
    }
}

} // namespace confab::server

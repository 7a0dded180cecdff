#include "operations.h"

#include "app/selfsigned.h"
#include "domain/clock.h"
#include "storage/blobstore.h"
#include "storage/attachmentstore.h"
#include "storage/database.h"
#include "storage/migrations.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSet>
#include <QSslCertificate>
#include <QTemporaryFile>

namespace confab::server {

namespace {
//! How many stored attachments `check` reads back in full to compare with their sha256.
constexpr int kHashSample = 20;
//! How many missing files a message names before it only counts them.
constexpr int kNamedMissing = 10;

QString attachmentRoot(const ServerConfig &config)
{
    return QDir(config.dataDir).absoluteFilePath(QStringLiteral("attachments"));
}

//! The content-addressed layout of services/attachmentservice.cpp: <root>/<first two hex digits>/<sha256>.
QString storedFile(const QString &root, const QString &sha)
{
    return root + u'/' + sha.left(2) + u'/' + sha;
}

//! The stored blob's sha256 in hex, read back chunk by chunk; empty when it cannot be read.
QByteArray sha256Of(BlobStore &blobs, const BlobKey &key)
{
    const qint64 size = blobs.size(key);
    if (size < 0)
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (qint64 at = 0; at < size;) {
        const QByteArray chunk = blobs.read(key, at, 1024 * 1024);
        if (chunk.isEmpty())
            return {};
        hash.addData(chunk);
        at += chunk.size();
    }
    return hash.result().toHex();
}

QByteArray sha256Of(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&file);
    return hash.result().toHex();
}

//! Can this process create a file in `dir`? (What the server needs; permissions alone do not tell for root.)
bool writable(const QString &dir, QString *why)
{
    QTemporaryFile probe(dir + QStringLiteral("/.confab-check-XXXXXX"));
    if (!probe.open()) {
        *why = probe.errorString();
        return false;
    }
    return true;
}

QString missingList(const QStringList &missing)
{
    QString text = missing.mid(0, kNamedMissing).join(QStringLiteral(", "));
    if (missing.size() > kNamedMissing)
        text += QStringLiteral(" and %1 more").arg(missing.size() - kNamedMissing);
    return text;
}

//! Opens without migrating: backup and check look at the database as it is.
std::unique_ptr<Database> openAsIs(const DatabaseUrl &url, const QString &connection, QString *error)
{
    if (url.driver == DatabaseUrl::Driver::SQLite && !QFileInfo::exists(url.database)) {
        *error = QStringLiteral("there is no database file %1 (the server creates it at its first start)").arg(url.database);
        return nullptr;
    }
    auto db = std::make_unique<Database>(url, connection);
    if (!db->open(error))
        return nullptr;
    return db;
}
} // namespace

int Operations::backup(const QString &folder)
{
    if (folder.isEmpty()) {
        m_err << "usage: confab-server backup FOLDER (a new or empty folder)" << Qt::endl;
        return 2;
    }
    const QDir target(QDir(folder).absolutePath());
    if (target.exists() && !target.isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden)) {
        m_err << "the backup folder " << target.path() << " is not empty; give a new or empty folder" << Qt::endl;
        return 2;
    }
    if (!QDir().mkpath(target.path())) {
        m_err << "cannot create the backup folder " << target.path() << Qt::endl;
        return 1;
    }
    // It holds every account's password hash and every message: for its owner's eyes only.
    QFile::setPermissions(target.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    QString error;
    const auto url = m_config.resolvedDatabase(&error);
    if (!url) {
        m_err << error << Qt::endl;
        return 2;
    }
    auto db = openAsIs(*url, QStringLiteral("confab-backup"), &error);
    if (!db) {
        m_err << "cannot open the database " << (url ? url->redacted() : QString()) << ": " << error << Qt::endl;
        return 1;
    }
    QJsonObject manifest{{QStringLiteral("format"), 1},
                         {QStringLiteral("created_at"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
                         {QStringLiteral("server_version"), QCoreApplication::applicationVersion()}};
    QJsonObject database{{QStringLiteral("url"), url->redacted()}};
    QList<QString> referenced;
    QSet<QString> inDatabase;
    try {
        database.insert(QStringLiteral("schema_version"), Migrations(*db).currentVersion());
        // Listed before the copy: files are only ever added, so every one of these is in the store
        // by the time it is copied below.
        referenced = AttachmentStore(*db).completeSha256s();
        if (Migrations(*db).currentVersion() >= 9) {
            // Blobs in the database travel with the database (pg_dump, or the SQLite copy below).
            DatabaseBlobStore store(*db);
            for (const QString &sha : std::as_const(referenced)) {
                if (store.size({BlobKind::File, sha}) >= 0)
                    inDatabase.insert(sha);
            }
        }
        if (db->dialect() == Database::Dialect::SQLite) {
            // One read transaction: a consistent snapshot even while the server writes (WAL).
            const QString copy = target.absoluteFilePath(QStringLiteral("confab.sqlite"));
            db->copyInto(copy);
            database.insert(QStringLiteral("driver"), QStringLiteral("sqlite"));
            database.insert(QStringLiteral("file"), QStringLiteral("confab.sqlite"));
            database.insert(QStringLiteral("sha256"), QString::fromLatin1(sha256Of(copy)));
            m_out << "database: copied " << url->database << " to " << copy << Qt::endl;
        } else {
            database.insert(QStringLiteral("driver"), QStringLiteral("postgresql"));
            database.insert(QStringLiteral("file"), QJsonValue::Null);
            const QString host = url->host.isEmpty() ? QStringLiteral("localhost") : url->host;
            m_out << "database: PostgreSQL is not copied by this command; dump it with pg_dump while the server runs:\n"
                  << "  pg_dump --format=custom --host=" << host << " --port=" << url->port << " --username=" << url->user
                  << " --file=" << target.absoluteFilePath(QStringLiteral("confab.dump")) << ' ' << url->database << '\n'
                  << "  (restore into an empty database: pg_restore --dbname=" << url->database << " confab.dump)" << Qt::endl;
        }
    } catch (const StoreError &e) {
        m_err << "database error: " << e.what() << Qt::endl;
        return 1;
    }
    db.reset();
    manifest.insert(QStringLiteral("database"), database);

    // The attachment store: everything but unfinished uploads (tmp/).
    const QString root = attachmentRoot(m_config);
    const QString rootCopy = target.absoluteFilePath(QStringLiteral("attachments"));
    qint64 files = 0, bytes = 0;
    QDir().mkpath(rootCopy); // there even when empty: restoring copies it over <data>/attachments
    QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QString relative = QDir(root).relativeFilePath(path);
        if (relative.startsWith(QLatin1StringView("tmp/")))
            continue;
        const QString destination = rootCopy + u'/' + relative;
        if (!QDir().mkpath(QFileInfo(destination).absolutePath()) || !QFile::copy(path, destination)) {
            m_err << "cannot copy " << path << " to " << destination << Qt::endl;
            return 1;
        }
        ++files;
        bytes += it.fileInfo().size();
    }
    QStringList missing;
    for (const QString &sha : std::as_const(referenced)) {
        if (!inDatabase.contains(sha) && !QFileInfo::exists(storedFile(rootCopy, sha)))
            missing.append(sha);
    }
    manifest.insert(QStringLiteral("attachments"),
                    QJsonObject{{QStringLiteral("folder"), QStringLiteral("attachments")},
                                {QStringLiteral("files"), files},
                                {QStringLiteral("bytes"), bytes},
                                {QStringLiteral("referenced"), qint64(referenced.size())},
                                {QStringLiteral("in_database"), qint64(inDatabase.size())},
                                {QStringLiteral("missing"), QJsonArray::fromStringList(missing)}});
    QFile manifestFile(target.absoluteFilePath(QStringLiteral("manifest.json")));
    if (!manifestFile.open(QIODevice::WriteOnly) || manifestFile.write(QJsonDocument(manifest).toJson()) < 0) {
        m_err << "cannot write " << manifestFile.fileName() << Qt::endl;
        return 1;
    }
    m_out << "attachments: copied " << files << " files (" << bytes << " bytes) from " << root << Qt::endl;
    if (!missing.isEmpty()) {
        m_err << "attachments: " << missing.size() << " files the database refers to were not in " << root << ": "
              << missingList(missing) << Qt::endl;
        return 1;
    }
    m_out << "backup written to " << target.path() << Qt::endl;
    return 0;
}

int Operations::check()
{
    bool failed = false;
    const auto ok = [this](const QString &what, const QString &text) { m_out << "ok    " << what << ": " << text << Qt::endl; };
    const auto fail = [this, &failed](const QString &what, const QString &text) {
        m_out << "FAIL  " << what << ": " << text << Qt::endl;
        failed = true;
    };
    const auto note = [this](const QString &what, const QString &text) { m_out << "note  " << what << ": " << text << Qt::endl; };

    ok(QStringLiteral("config"), QStringLiteral("read; listening on %1:%2%3")
                                     .arg(m_config.listenAddress.toString())
                                     .arg(m_config.listenPort)
                                     .arg(m_config.metricsPort ? QStringLiteral(", metrics on %1:%2")
                                                                     .arg(m_config.metricsAddress.toString())
                                                                     .arg(m_config.metricsPort)
                                                               : QString()));

    // The data folder and the attachment store must be writable by this user (run check as the server's user).
    QString why;
    const QString root = attachmentRoot(m_config);
    if (!QFileInfo(m_config.dataDir).isDir()) {
        // Before the first start: fine if the server will be able to create it.
        QString parent = QFileInfo(m_config.dataDir).absolutePath();
        for (int up = 0; up < 64 && !QFileInfo(parent).isDir(); ++up)
            parent = QFileInfo(parent).absolutePath();
        if (writable(parent, &why))
            note(QStringLiteral("data folder"), QStringLiteral("%1 does not exist yet; the server creates it at its first start")
                                                    .arg(m_config.dataDir));
        else
            fail(QStringLiteral("data folder"), QStringLiteral("%1 does not exist and cannot be created here: %2 is not "
                                                               "writable by this user (%3)").arg(m_config.dataDir, parent, why));
    } else if (!writable(m_config.dataDir, &why))
        fail(QStringLiteral("data folder"), QStringLiteral("%1 is not writable by this user: %2").arg(m_config.dataDir, why));
    else
        ok(QStringLiteral("data folder"), QStringLiteral("%1 is writable").arg(m_config.dataDir));
    if (QFileInfo(root).isDir()) {
        if (!writable(root, &why))
            fail(QStringLiteral("attachments"), QStringLiteral("%1 is not writable by this user: %2").arg(root, why));
    }

    QString error;
    const auto url = m_config.resolvedDatabase(&error);
    std::unique_ptr<Database> db;
    if (!url)
        fail(QStringLiteral("database"), error);
    else if (!(db = openAsIs(*url, QStringLiteral("confab-check"), &error))) {
        // A first start has not happened yet: nothing is wrong.
        if (url->driver == DatabaseUrl::Driver::SQLite && !QFileInfo::exists(url->database))
            note(QStringLiteral("database"), error);
        else
            fail(QStringLiteral("database"), QStringLiteral("%1: %2").arg(url->redacted(), error));
    } else
        ok(QStringLiteral("database"), QStringLiteral("%1 answers").arg(url->redacted()));

    if (db) {
        try {
            const int version = Migrations(*db).currentVersion();
            if (version > Migrations::kSchemaVersion)
                fail(QStringLiteral("schema"), QStringLiteral("version %1 is newer than this server knows (%2): "
                                                              "upgrade confab-server").arg(version).arg(Migrations::kSchemaVersion));
            else if (version < Migrations::kSchemaVersion)
                note(QStringLiteral("schema"), QStringLiteral("version %1; the server migrates it to %2 at start "
                                                              "(or run confab-server migrate)").arg(version).arg(Migrations::kSchemaVersion));
            else
                ok(QStringLiteral("schema"), QStringLiteral("version %1, current").arg(version));

            const QList<QString> hashes = version > 0 ? AttachmentStore(*db).completeSha256s() : QList<QString>();
            const QString choice = version >= 9 ? blobStoreChoice(m_config.attachmentStore, *db) : QStringLiteral("disk");
            DiskBlobStore disk(root);
            std::unique_ptr<DatabaseBlobStore> database = version >= 9 ? std::make_unique<DatabaseBlobStore>(*db) : nullptr;
            BlobStore &chosen = choice == QLatin1StringView("database") ? static_cast<BlobStore &>(*database) : disk;
            BlobStore *other = choice == QLatin1StringView("database") ? static_cast<BlobStore *>(&disk) : database.get();
            QStringList missing, corrupt, elsewhere;
            int hashed = 0;
            // Spread the sample over the whole store rather than the first few files.
            const qsizetype step = std::max<qsizetype>(1, hashes.size() / kHashSample);
            for (qsizetype i = 0; i < hashes.size(); ++i) {
                const BlobKey key{BlobKind::File, hashes.at(i)};
                const QString name = choice == QLatin1StringView("database") ? hashes.at(i) : storedFile(root, hashes.at(i));
                BlobStore *holder = &chosen;
                if (chosen.size(key) < 0) {
                    holder = other && other->size(key) >= 0 ? other : nullptr;
                    if (!holder) {
                        missing.append(name);
                        continue;
                    }
                    elsewhere.append(hashes.at(i));
                }
                if (i % step == 0 && hashed < kHashSample) {
                    ++hashed;
                    if (QString::fromLatin1(sha256Of(*holder, key)) != hashes.at(i))
                        corrupt.append(name);
                }
            }
            if (!missing.isEmpty())
                fail(QStringLiteral("attachments"),
                     QStringLiteral("%1 of %2 stored attachments have no file: %3 (restore them from a backup)")
                         .arg(missing.size()).arg(hashes.size()).arg(missingList(missing)));
            if (!corrupt.isEmpty())
                fail(QStringLiteral("attachments"), QStringLiteral("the contents of %1 do not match their sha256: %2")
                                                        .arg(corrupt.size()).arg(missingList(corrupt)));
            if (!elsewhere.isEmpty())
                note(QStringLiteral("attachments"),
                     QStringLiteral("%1 attachments are still only in the %2 store (served from there): run "
                                    "confab-server attachments migrate --to %3")
                         .arg(elsewhere.size()).arg(other ? other->name() : QString(), choice));
            if (missing.isEmpty() && corrupt.isEmpty())
                ok(QStringLiteral("attachments"), QStringLiteral("%1 stored, every file present, %2 read back and hashed (%3 store)")
                                                      .arg(hashes.size()).arg(hashed).arg(choice));
        } catch (const StoreError &e) {
            fail(QStringLiteral("database"), QString::fromStdString(e.what()));
        }
    }

    // TLS: the files the server would use, and the fingerprint users compare with.
    ServerConfig tls = m_config;
    tls.resolveSelfSignedPaths();
    if (tls.tlsSelfSigned && !QFileInfo::exists(tls.tlsCert) && !QFileInfo::exists(tls.tlsKey)) {
        note(QStringLiteral("tls"), QStringLiteral("self-signed; the certificate is made at the first start in %1")
                                        .arg(QFileInfo(tls.tlsCert).absolutePath()));
    } else if (tls.tls()) {
        const auto fp = selfsigned::fingerprint(tls.tlsCert, &why);
        QFile key(tls.tlsKey);
        if (!fp)
            fail(QStringLiteral("tls"), why);
        else if (!key.open(QIODevice::ReadOnly))
            fail(QStringLiteral("tls"), QStringLiteral("cannot read the key %1: %2").arg(tls.tlsKey, key.errorString()));
        else {
            QFile certFile(tls.tlsCert);
            certFile.open(QIODevice::ReadOnly);
            const auto certs = QSslCertificate::fromData(certFile.readAll(), QSsl::Pem);
            const QDateTime expires = certs.isEmpty() ? QDateTime() : certs.first().expiryDate();
            if (expires.isValid() && expires < QDateTime::currentDateTimeUtc())
                fail(QStringLiteral("tls"), QStringLiteral("the certificate %1 expired on %2").arg(tls.tlsCert, expires.toString(Qt::ISODate)));
            else
                ok(QStringLiteral("tls"), QStringLiteral("%1, valid until %2, SHA-256 fingerprint %3")
                                              .arg(tls.tlsCert, expires.toString(Qt::ISODate), *fp));
        }
    } else {
        note(QStringLiteral("tls"), QStringLiteral("off (ws://)"));
    }

    m_out << (failed ? "check failed" : "check passed") << Qt::endl;
    return failed ? 1 : 0;
}

int Operations::fingerprint()
{
    ServerConfig tls = m_config;
    tls.resolveSelfSignedPaths();
    if (!tls.tls()) {
        m_err << "TLS is off: set tls/certificate and tls/key, or tls/self_signed = true" << Qt::endl;
        return 1;
    }
    QString error;
    const auto fp = selfsigned::fingerprint(tls.tlsCert, &error);
    if (!fp) {
        m_err << error << (tls.tlsSelfSigned ? " (a self-signed certificate is made at the server's first start)" : "")
              << Qt::endl;
        return 1;
    }
    m_out << "SHA-256 " << *fp << Qt::endl;
    return 0;
}

} // namespace confab::server

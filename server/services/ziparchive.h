#pragma once

#include <QByteArray>
#include <QString>

struct archive;

namespace confab::server {

/*!
 * A zip archive written front to back with libarchive (Debian's libarchive-dev): entries are
 * streamed, so a file of any size passes through in chunks and memory stays small. Names are
 * written as UTF-8 and flagged so, which every unzip and file manager reads.
 */
class ZipWriter {
public:
    explicit ZipWriter(const QString &path);
    ~ZipWriter();
    ZipWriter(const ZipWriter &) = delete;
    ZipWriter &operator=(const ZipWriter &) = delete;

    bool isOpen() const { return m_archive != nullptr; }
    //! A whole entry at once.
    bool add(const QString &name, const QByteArray &bytes, qint64 modifiedMs);
    //! An entry of `size` bytes whose data follows in write() calls.
    bool begin(const QString &name, qint64 size, qint64 modifiedMs);
    bool write(const QByteArray &chunk);
    //! Writes the central directory; false when anything failed on the way.
    bool close();
    QString errorString() const { return m_error; }
    //! The bytes of all entries so far, before compression.
    qint64 entryBytes() const { return m_entryBytes; }

private:
    bool fail();
    archive *m_archive = nullptr;
    QString m_error;
    qint64 m_entryBytes = 0;
};

} // namespace confab::server

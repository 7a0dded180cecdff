#include "ziparchive.h"

#include <archive.h>
#include <archive_entry.h>

namespace confab::server {

ZipWriter::ZipWriter(const QString &path) {
    m_archive = archive_write_new();
    // hdrcharset: names are taken as UTF-8 whatever the process's locale (a service often runs in "C").
    if (archive_write_set_format_zip(m_archive) != ARCHIVE_OK ||
        archive_write_set_options(m_archive, "zip:hdrcharset=UTF-8") != ARCHIVE_OK ||
        archive_write_open_filename(m_archive, path.toLocal8Bit().constData()) != ARCHIVE_OK) {
        fail();
        archive_write_free(m_archive);
        m_archive = nullptr;
    }
}

ZipWriter::~ZipWriter() {
    if (m_archive)
        archive_write_free(m_archive); // closes too
}

bool ZipWriter::fail() {
    const char *why = m_archive ? archive_error_string(m_archive) : nullptr;
    m_error = why ? QString::fromLocal8Bit(why) : QStringLiteral("cannot write the archive");
    return false;
}

bool ZipWriter::begin(const QString &name, qint64 size, qint64 modifiedMs) {
    if (!m_archive)
        return false;
    archive_entry *entry = archive_entry_new();
    archive_entry_set_pathname_utf8(entry, name.toUtf8().constData());
    archive_entry_set_filetype(entry, AE_IFREG);
    archive_entry_set_perm(entry, 0644);
    archive_entry_set_size(entry, size);
    archive_entry_set_mtime(entry, time_t(modifiedMs / 1000), 0);
    const int rc = archive_write_header(m_archive, entry);
    archive_entry_free(entry);
    if (rc != ARCHIVE_OK)
        return fail();
    m_entryBytes += size;
    return true;
}

bool ZipWriter::write(const QByteArray &chunk) {
    if (!m_archive)
        return false;
    const la_ssize_t n = archive_write_data(m_archive, chunk.constData(), size_t(chunk.size()));
    return n == la_ssize_t(chunk.size()) ? true : fail();
}

bool ZipWriter::add(const QString &name, const QByteArray &bytes, qint64 modifiedMs) {
    return begin(name, bytes.size(), modifiedMs) && write(bytes);
}

bool ZipWriter::close() {
    if (!m_archive)
        return false;
    const bool ok = archive_write_close(m_archive) == ARCHIVE_OK || fail();
    archive_write_free(m_archive);
    m_archive = nullptr;
    return ok;
}

} // namespace confab::server

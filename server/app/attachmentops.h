#pragma once

#include "core/config.h"

#include <QTextStream>

namespace confab::server {

/*!
 * `confab-server attachments migrate --to database|disk`: moves every blob (files, thumbnails,
 * previews) into the other store while servers run (docs/self-hosting.md, "Moving between stores").
 *
 * It writes the database's setting attachments/store first, so that every running instance sends new
 * blobs to the target within a few seconds (they read the setting every 2 s and read from both stores
 * meanwhile), waits for them, and then copies each blob of the source, checking each file's sha256
 * before and after the copy. A second pass takes what a slow instance wrote to the source meanwhile.
 * The source's copies stay unless `removeSource` is given.
 */
class AttachmentOps {
public:
    AttachmentOps(const ServerConfig &config, QTextStream &out, QTextStream &err) : m_config(config), m_out(out), m_err(err) {}

    //! Exit codes: 0 done, 1 failed (a blob that could not be copied or is corrupt), 2 bad usage.
    int migrate(const QString &target, bool removeSource, qint64 settleMs);

private:
    const ServerConfig &m_config;
    QTextStream &m_out;
    QTextStream &m_err;
};

} // namespace confab::server

#pragma once

// Frames of the export of my data: starting it, asking where it stands, and the progress the
// server pushes while it builds the archive. They sit apart from frames.h so that the feature
// reads as one block; the list in frames.h names them like every other frame.

#include "types.h"

namespace confab::protocol {

//! Where an export stands: being put together, ready to fetch, or given up (`reason` says why).
enum class ExportState { Building, Ready, Failed };
template<> struct EnumNames<ExportState> {
    static constexpr std::array<const char *, 3> names{"building", "ready", "failed"};
};

//! Starts an export of my data (profile, the messages I can see, my uploads) as one zip archive,
//! built by the server in the background. One at a time: while one is building, `CONFLICT`.
struct AccountExport {
    static void fields(auto &, auto &) {}
    CONFAB_WIRE(AccountExport)
};

//! Where my latest export stands (after a restart of the app, or on another device); `NOT_FOUND`
//! when there is none, or it was swept.
struct AccountExportStatus {
    static void fields(auto &, auto &) {}
    CONFAB_WIRE(AccountExportStatus)
};

/*!
 * The reply to account.export and account.export.status, and pushed to all my sessions as the
 * build goes on. When `ready`, `export_id` is fetched like an attachment (attachment.fetch, by me
 * only) until `expires_at`; `size` and `sha256` are the archive's, to check the download against.
 */
struct AccountExportProgress {
    QString exportId;
    ExportState state = ExportState::Building;
    qint64 percent = 0;
    std::optional<qint64> size;
    std::optional<QString> sha256;
    std::optional<qint64> expiresAt;
    std::optional<QString> reason;
    static void fields(auto &self, auto &v) {
        v("export_id", self.exportId, rule::Id);
        v("state", self.state);
        v("percent", self.percent, IntRule{0, 100});
        v("size", self.size, rule::Count);
        v("sha256", self.sha256, rule::Sha256);
        v("expires_at", self.expiresAt, rule::Time);
        v("reason", self.reason, rule::Message);
    }
    CONFAB_WIRE(AccountExportProgress)
};

} // namespace confab::protocol

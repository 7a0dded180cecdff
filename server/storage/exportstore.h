#pragma once

#include "protocol/exportframes.h"

#include <QList>
#include <QString>
#include <optional>

namespace confab::server {

class Database;

//! One row of `exports`: a user's archive of their data, while it is built and while it is kept.
struct ExportRow {
    QString id;
    QString userId;
    protocol::ExportState state = protocol::ExportState::Building;
    int percent = 0;
    QString sha256; //!< of the archive in the blob store, once ready
    qint64 size = 0;
    QString reason; //!< why it failed
    qint64 createdAt = 0;
    qint64 touchedAt = 0; //!< the builder's last sign of life (a stale one died with its server)
    qint64 expiresAt = 0; //!< once ready: when the sweep removes it
};

//! One of my uploads that an archive carries (files/ in it).
struct ExportFile {
    QString attachmentId;
    QString conversationId;
    QString name;
    QString mime;
    qint64 size = 0;
    QString sha256;
    qint64 createdAt = 0;
};

//! The SQL of data exports (`exports`, schema version 17) and of what goes into them.
class ExportStore {
public:
    explicit ExportStore(Database &db)
        : m_db(db) {}

    //! The schema step: the table and its index. Self-contained, so that it can be renumbered.
    static void createSchema(Database &db);

    void insert(const ExportRow &row);
    std::optional<ExportRow> byId(const QString &id);
    //! The user's newest export, whatever its state.
    std::optional<ExportRow> latestOf(const QString &userId);
    //! The user's exports other than `keepId` (older ones that a new one replaces).
    QList<ExportRow> othersOf(const QString &userId, const QString &keepId);
    void setPercent(const QString &id, int percent, qint64 now);
    void markReady(const QString &id, const QString &sha256, qint64 size, qint64 expiresAt, qint64 now);
    void markFailed(const QString &id, const QString &reason, qint64 now);
    //! Builds that gave no sign of life since `before` (their server stopped): marked failed, returned.
    QList<ExportRow> failStale(qint64 before, const QString &reason, qint64 now);
    //! Ready exports whose time is up, and failed ones older than `failedBefore` (up to `limit`).
    QList<ExportRow> expired(qint64 now, qint64 failedBefore, int limit);
    void remove(const QString &id);

    //! What I uploaded and sent (not forwarded copies, not deleted with their message), oldest first.
    QList<ExportFile> uploadsOf(const QString &userId);

private:
    QList<ExportRow> readRows(const QString &sql, const QVariantList &params);
    Database &m_db;
};

} // namespace confab::server
